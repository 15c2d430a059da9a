"""Every numeric field fed thousands of typed texts and values: a number within bounds or a
`UserFacingError` that names the field, in the user's language; what a language prints reads back
as the same number; a refused save leaves what was stored as it was."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_app.core import formatting, resources
from resilience_app.core.assessment.answer_rules import clean_answer
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content import load_content
from resilience_app.core.content.model import Question
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.formatting import format_number, parse_number, parse_whole_number
from resilience_app.core.i18n import using_language
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.register.rules import clean_item
from resilience_app.core.services import ResilienceService
from resilience_app.core.workshop.records import DOT_VOTE, RANKING, ExerciseDraft, GroupRating, WorkshopDraft
from resilience_app.core.workshop.rules import MAX_DOTS_PER_GROUP, MAX_MINUTES, check_dots, check_rating_level, clean_exercise
from tests.property.support import FUZZ, has_arabic_letters, reads_in_arabic

CONTENT = load_content([resources.forms_dir()]).content
FRAMEWORK = CONTENT.default_framework
assert FRAMEWORK is not None
NUMERIC_QUESTIONS: list[Question] = [question for question in FRAMEWORK.questions() if question.numeric is not None]
GOAL_IDS = [goal.id for goal in FRAMEWORK.goals()]
CATALOGUE = {hazard.id: hazard for hazard in CONTENT.hazards}

SCRIPTS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
TO_LATIN = str.maketrans("".join(SCRIPTS[1:]) + "٫−", "0123456789" * 2 + ".-")
MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"))


# --- what people type into a number box ----------------------------------------------------------

PIECES = [
    *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", ".", ",", "٫", "٬", "+", "-", "−", " ", "  ", "e", "E", "_", "%", "٪", "\u200f", "\u200e",
    "\u061c", "\u202b", "\u00a0", "\t", "\n", "\x00", "inf", "nan", "NaN", "Infinity", "sNaN", "0x1F", "1e999999999", "1E-999999",
    "١e٥", "abc", "خمسة", "آلاف", "٥٠٠", "12", "3.5", "1,250", "١٬٢٥٠٫٥",
]


def in_script(text: str, script: str) -> str:
    return text.translate(str.maketrans("0123456789", script))


well_formed = st.tuples(
    st.sampled_from(["", "-", "+", "−", "\u200f"]),
    st.integers(0, 10**12).map(str),
    st.sampled_from(["", ".5", ".25", ".001", "٫75"]),
    st.sampled_from(SCRIPTS),
).map(lambda parts: parts[0] + in_script(parts[1] + parts[2], parts[3]))
huge = st.tuples(st.sampled_from(["9", "١", "0", "1"]), st.integers(20, 6000)).map(lambda pair: pair[0] * pair[1])
typed = st.one_of(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), st.text(max_size=20), well_formed, huge)
fields = st.sampled_from(["value", "population", "numeric_value", "dots"])


def letters_in(text: str) -> bool:
    return any(unicodedata.category(char).startswith("L") for char in text)


def scripts_in(text: str) -> int:
    return sum(any(char in script for char in text) for script in SCRIPTS)


def as_typed(text: str) -> Decimal:
    """The number a user means by a text the app accepted: digits to Latin, separators and marks away."""
    latin = text.translate(MARKS).translate(TO_LATIN)
    return Decimal("".join(char for char in latin if char not in ",٬ \t\n"))


def assert_names_field(error: InvalidInputError, field: str) -> None:
    assert list(error.field_errors) == [field], error.field_errors
    assert error.field_errors[field].strip() and error.message == error.field_errors[field]


# --- parse_number and parse_whole_number ---------------------------------------------------------


@FUZZ
@given(text=typed, field=fields)
def test_a_typed_number_is_read_as_typed_or_refused_naming_the_field(text: str, field: str) -> None:
    try:
        number = parse_number(text, field=field)
    except InvalidInputError as refused:
        assert_names_field(refused, field)
        return
    assert number.is_finite()
    assert not letters_in(text), "letters are refused"
    assert scripts_in(text) == 1, "digits of one script"
    assert number == as_typed(text)
    stored = str(int(number)) if number == number.to_integral_value() else str(number.normalize())  # as an answer keeps it
    assert Decimal(stored) == number


@FUZZ
@given(text=typed, field=fields, minimum=st.none() | st.integers(-5, 5))
def test_a_whole_number_is_whole_and_at_least_its_minimum_or_refused(text: str, field: str, minimum: int | None) -> None:
    try:
        number = parse_whole_number(text, field=field, minimum=minimum)
    except InvalidInputError as refused:
        assert_names_field(refused, field)
        return
    assert isinstance(number, int) and number == parse_number(text)
    assert minimum is None or number >= minimum


@FUZZ
@given(
    places_and_value=st.integers(0, 6).flatmap(
        lambda places: st.tuples(st.just(places), st.decimals(min_value=-(10**20), max_value=10**20, places=places, allow_nan=False, allow_infinity=False))
    ),
    language=st.sampled_from(["en", "ar"]),
    arabic_digits=st.booleans(),
    reading_in=st.sampled_from(["en", "ar"]),
)
def test_a_number_printed_in_either_language_reads_back_as_the_same_number(
    places_and_value: tuple[int, Decimal], language: str, arabic_digits: bool, reading_in: str
) -> None:
    places, value = places_and_value
    formatting.use_arabic_indic_digits = arabic_digits
    try:
        printed = format_number(value, language=language, decimals=places)
        with using_language(reading_in):  # a figure copied from an Arabic brief into an English window
            assert parse_number(printed) == value, printed
    finally:
        formatting.use_arabic_indic_digits = True


plain_garbage = st.one_of(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join), st.text(min_size=1, max_size=8))


@FUZZ
@given(text=plain_garbage)
def test_a_refused_number_is_explained_in_arabic_in_an_arabic_window(text: str) -> None:
    with using_language("ar"):
        try:
            parse_number(text, field="value")
        except InvalidInputError as refused:
            assert has_arabic_letters(refused.field_errors["value"]), refused.field_errors


def test_too_many_digits_is_explained_in_arabic() -> None:
    with using_language("ar"), pytest.raises(InvalidInputError) as refused:
        parse_number("9" * 40)
    assert has_arabic_letters(refused.value.message)


# --- numeric answers -----------------------------------------------------------------------------

answer_texts = st.one_of(typed, st.decimals(min_value=-50, max_value=250, places=2).map(str), st.integers(0, 120).map(lambda n: in_script(str(n), "٠١٢٣٤٥٦٧٨٩")))


def within_bounds(value: Decimal, question: Question) -> bool:
    numeric = question.numeric
    assert numeric is not None
    return (numeric.minimum is None or value >= Decimal(str(numeric.minimum))) and (numeric.maximum is None or value <= Decimal(str(numeric.maximum)))


@FUZZ
@given(question=st.sampled_from(NUMERIC_QUESTIONS), text=answer_texts)
def test_a_numeric_answer_is_stored_within_its_bounds_or_refused_naming_the_field(question: Question, text: str) -> None:
    draft = AnswerDraft(status="level", level=3, numeric_value=text)
    try:
        cleaned = clean_answer(question, draft)
    except InvalidInputError as refused:
        assert_names_field(refused, "numeric_value")
        return
    if text == "":
        assert cleaned.numeric_value is None
        return
    assert cleaned.numeric_value is not None
    stored = Decimal(cleaned.numeric_value)
    assert stored == parse_number(text) and within_bounds(stored, question)
    assert clean_answer(question, cleaned) == cleaned  # saving it again changes nothing


@settings(FUZZ, max_examples=300)  # each example is a database transaction
@given(question=st.sampled_from(NUMERIC_QUESTIONS), text=answer_texts, language=st.sampled_from(["en", "ar"]))
def test_a_refused_numeric_answer_leaves_the_stored_answer_as_it_was(
    service: ResilienceService, assessment_id: int, question: Question, text: str, language: str
) -> None:
    before = service.assessments.answers(assessment_id).get(question.id)
    with using_language(language):
        try:
            saved = service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=2, numeric_value=text))
        except UserFacingError as refused:
            assert refused.message.strip()
            assert language == "en" or reads_in_arabic(refused.message)
            after = service.assessments.answers(assessment_id).get(question.id)
            assert (after and after.answer) == (before and before.answer), "a refused value changed the stored answer"
            return
    stored = service.assessments.answers(assessment_id)[question.id].answer
    assert stored == saved.answer
    if text == "":
        assert stored.numeric_value is None
    else:
        assert stored.numeric_value is not None
        assert Decimal(stored.numeric_value) == parse_number(text) and within_bounds(Decimal(stored.numeric_value), question)


# --- the register's likelihood and impact --------------------------------------------------------

# What a likelihood or impact box can hand over: a whole number (spin box, import), nothing, or a
# value of the wrong type from a careless caller. (True/False are left out: Python counts them as 1/0.)
levels = st.one_of(st.none(), st.integers(-10, 10), st.integers(), st.floats(), st.decimals(allow_nan=False), st.text(max_size=3))


@FUZZ
@given(likelihood=levels, impact=levels, hazard_id=st.sampled_from(sorted(CATALOGUE)) | st.none())
def test_a_register_rating_is_from_1_to_5_or_refused_naming_the_field(likelihood: object, impact: object, hazard_id: str | None) -> None:
    draft = RegisterItemDraft(hazard_id=hazard_id, name_en="Dust storms", likelihood=likelihood, impact=impact)  # type: ignore[arg-type]
    bad = {field for field, value in (("likelihood", likelihood), ("impact", impact)) if value is not None and not (type(value) is int and 1 <= value <= 5)}
    try:
        cleaned = clean_item(draft, catalogue=CATALOGUE, goal_ids=GOAL_IDS)
    except InvalidInputError as refused:
        assert set(refused.field_errors) == bad and bad, refused.field_errors
        assert all(message.strip() for message in refused.field_errors.values())
        with using_language("ar"), pytest.raises(InvalidInputError) as in_arabic:
            clean_item(draft, catalogue=CATALOGUE, goal_ids=GOAL_IDS)
        assert all(has_arabic_letters(message) for message in in_arabic.value.field_errors.values())
        return
    assert not bad and (cleaned.likelihood, cleaned.impact) == (likelihood, impact)


@pytest.fixture(scope="module")
def item_id(service: ResilienceService, assessment_id: int) -> int:
    return service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=3, impact=4)).id


@settings(FUZZ, max_examples=200)  # each example is a database transaction
@given(likelihood=levels, impact=levels)
def test_a_refused_rating_leaves_the_register_item_as_it_was(service: ResilienceService, assessment_id: int, item_id: int, likelihood: object, impact: object) -> None:
    before = next(record for record in service.register.items(assessment_id) if record.id == item_id)
    try:
        service.register.update_item(item_id, RegisterItemDraft(likelihood=likelihood, impact=impact))  # type: ignore[arg-type]
    except UserFacingError as refused:
        assert refused.message.strip()
        assert next(record for record in service.register.items(assessment_id) if record.id == item_id) == before
        return
    after = next(record for record in service.register.items(assessment_id) if record.id == item_id)
    assert (after.item.likelihood, after.item.impact) == (likelihood, impact)


# --- the workshop's dots, ratings and exercise settings ------------------------------------------


@FUZZ
@given(
    votes=st.dictionaries(st.tuples(st.integers(1, 3), st.sampled_from(GOAL_IDS)), st.integers(0, 40), max_size=8),
    group_id=st.integers(1, 3),
    goal_id=st.sampled_from(GOAL_IDS),
    dots=st.integers() | st.integers(-3, 30),
    allowance=st.integers(1, MAX_DOTS_PER_GROUP),
)
def test_dots_beyond_a_groups_allowance_are_refused_naming_the_field(votes: dict[tuple[int, str], int], group_id: int, goal_id: str, dots: int, allowance: int) -> None:
    elsewhere = sum(count for (group, goal), count in votes.items() if group == group_id and goal != goal_id)
    try:
        check_dots(votes, group_id=group_id, group_name="Table 1", goal_id=goal_id, dots=dots, allowance=allowance)
    except InvalidInputError as refused:
        assert_names_field(refused, "dots")
        assert dots < 0 or elsewhere + dots > allowance
        return
    assert 0 <= dots and elsewhere + dots <= allowance


@FUZZ
@given(value=st.none() | st.integers(), field=st.sampled_from(["likelihood", "impact"]))
def test_a_rating_level_is_from_1_to_5_or_refused_naming_the_field(value: int | None, field: str) -> None:
    try:
        check_rating_level(value, field)
    except InvalidInputError as refused:
        assert_names_field(refused, field)
        assert value is not None and not 1 <= value <= 5
        return
    assert value is None or 1 <= value <= 5


@FUZZ
@given(kind=st.sampled_from([DOT_VOTE, RANKING]), dots=st.integers() | st.integers(-2, 110), minutes=st.integers() | st.integers(-2, 250))
def test_an_exercise_allowance_and_timer_are_within_bounds_or_refused_naming_the_field(kind: str, dots: int, minutes: int) -> None:
    draft = ExerciseDraft(kind, "Where to improve", 1, dots_per_group=dots, duration_minutes=minutes, item_ids=(7,))
    try:
        cleaned = clean_exercise(draft, session_ids=[1], item_ids=[7])
    except InvalidInputError as refused:
        assert refused.field_errors and all(message.strip() for message in refused.field_errors.values())
        expected = {"dots_per_group"} if kind == DOT_VOTE and not 1 <= dots <= MAX_DOTS_PER_GROUP else set()
        expected |= {"duration_minutes"} if not 0 <= minutes <= MAX_MINUTES else set()
        assert set(refused.field_errors) == expected
        return
    assert 0 <= cleaned.duration_minutes <= MAX_MINUTES
    assert cleaned.dots_per_group == (dots if kind == DOT_VOTE else 0) and (kind != DOT_VOTE or 1 <= dots <= MAX_DOTS_PER_GROUP)


@pytest.fixture(scope="module")
def room(service: ResilienceService, assessment_id: int, item_id: int) -> tuple[int, int, int, int]:
    """(workshop, dot vote, ranking, group) of one workshop with two groups."""
    workshops = service.workshops
    workshop_id = workshops.add_workshop(assessment_id, WorkshopDraft(title="Agenda-setting")).id
    session_id = workshops.snapshot(workshop_id).sessions[0].id
    dot_vote = workshops.add_exercise(workshop_id, ExerciseDraft(DOT_VOTE, "Where to improve", session_id, dots_per_group=10)).id
    ranking = workshops.add_exercise(workshop_id, ExerciseDraft(RANKING, "Rank", session_id, item_ids=(item_id,))).id
    table, other = (workshops.add_group(workshop_id, name).id for name in ("Table 1", "Table 2"))
    workshops.set_dots(dot_vote, table, GOAL_IDS[0], 4)
    workshops.set_dots(dot_vote, other, GOAL_IDS[1], 10)
    return workshop_id, dot_vote, ranking, table


grid_texts = st.one_of(typed, st.integers(-3, 15).map(str), st.integers(0, 12).map(lambda n: in_script(str(n), "٠١٢٣٤٥٦٧٨٩")))


@settings(FUZZ, max_examples=200)  # each example is a database transaction or two
@given(text=grid_texts, goal_id=st.sampled_from(GOAL_IDS), which=st.sampled_from(["dots", "likelihood", "impact"]), language=st.sampled_from(["en", "ar"]))
def test_a_number_typed_in_a_workshop_grid_is_stored_or_refused_changing_nothing(
    service: ResilienceService, item_id: int, room: tuple[int, int, int, int], text: str, goal_id: str, which: str, language: str
) -> None:
    """As the facilitator's grids do: read the cell as a whole number of at least 0, then store it."""
    workshop_id, dot_vote, ranking, table = room
    workshops = service.workshops
    before = workshops.snapshot(workshop_id)
    with using_language(language):
        try:
            value = parse_whole_number(text, field="value", minimum=0) if text.strip() else None
            if which == "dots":
                workshops.set_dots(dot_vote, table, goal_id, value or 0)
            else:
                current = next((rating for rating in before.ratings.get(ranking, []) if rating.group_id == table), GroupRating(table, item_id, None, None))
                changed = {"likelihood": value, "impact": current.impact} if which == "likelihood" else {"likelihood": current.likelihood, "impact": value}
                workshops.set_rating(ranking, GroupRating(table, item_id, **changed))
        except UserFacingError as refused:
            assert refused.message.strip()
            assert language == "en" or reads_in_arabic(refused.message)
            after = workshops.snapshot(workshop_id)
            assert (after.votes, after.ratings) == (before.votes, before.ratings), "a refused value changed the room's results"
            return
    after = workshops.snapshot(workshop_id)
    if which == "dots":
        assert after.votes[dot_vote].get((table, goal_id), 0) == (value or 0)
        assert sum(count for (group, _goal), count in after.votes[dot_vote].items() if group == table) <= 10
    else:
        stored = {rating.group_id: getattr(rating, which) for rating in after.ratings.get(ranking, [])}
        assert stored.get(table) == value
        assert value is None or 1 <= value <= 5
