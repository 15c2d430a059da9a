"""Text the app writes itself follows the language of the screen or document, whichever language it was written
in; what a user types stays as typed (core.every_language)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.every_language import MARKER, in_every_language, in_language
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.services import ResilienceService
from resilience_app.core.text_rules import clean_text
from resilience_app.core.workshop.records import WorkshopDraft

ARABIC_LETTERS = range(0x0621, 0x064B)


def _arabic(text: str) -> bool:
    return any(ord(character) in ARABIC_LETTERS for character in text)


def _with_a_weak_goal(service: ResilienceService) -> int:
    """An assessment whose first goal is weak (every answer at level 1) and has no action: the app proposes it."""
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    goal = next(iter(service.framework(record.framework_id).goals()))
    for indicator in goal.indicators:
        for question in indicator.questions:
            service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=1, justification="Checked."))
    return record.id


@pytest.mark.parametrize(("proposed_in", "read_in"), [("ar", "en"), ("en", "ar")])
def test_a_proposed_discovery_area_reads_in_the_language_it_is_read_in(service: ResilienceService, proposed_in: str, read_in: str) -> None:
    assessment_id = _with_a_weak_goal(service)
    with using_language(proposed_in):
        proposed = service.register.propose_areas(assessment_id)
    assert proposed, "a weak goal without actions is proposed"
    with using_language(read_in):
        area = service.register.areas(assessment_id)[0].area
    assert _arabic(area.title) == (read_in == "ar") and _arabic(area.rationale) == (read_in == "ar"), (area.title, area.rationale)
    level = translate_in(read_in, "level {level} of {top}").split("{")[0].strip()
    assert level.lower() in area.rationale.lower()  # "Level 1 of 5" / «المستوى ١ من ٥»


def test_accepting_a_proposal_or_copying_it_to_a_new_round_keeps_it_in_every_language(service: ResilienceService) -> None:
    assessment_id = _with_a_weak_goal(service)
    with using_language("ar"):
        area = service.register.propose_areas(assessment_id)[0]
        service.register.set_area_status(area.id, "accepted")  # in an Arabic window
        copy = service.assessments.duplicate_assessment(assessment_id)
    with using_language("en"):
        for read in (service.register.areas(assessment_id)[0], service.register.areas(copy.id)[0]):
            assert read.area.status == "accepted" and not _arabic(read.area.title), read.area.title
            assert read.area.origin == "app"  # not counted as the CRO's own wording


def test_a_title_the_user_types_is_kept_as_typed_in_every_language(service: ResilienceService) -> None:
    assessment_id = _with_a_weak_goal(service)
    with using_language("en"):
        area = service.register.propose_areas(assessment_id)[0]
        service.register.update_area(area.id, lambda draft: dataclasses.replace(draft, title="Water for the eastern slopes"))
    with using_language("ar"):
        read = service.register.areas(assessment_id)[0].area
    assert (read.title, read.origin) == ("Water for the eastern slopes", "edited")
    assert _arabic(read.rationale)  # the rationale the user left alone still follows the language


def test_a_new_workshops_first_session_is_named_in_the_language_it_is_read_in(service: ResilienceService) -> None:
    assessment_id = _with_a_weak_goal(service)
    with using_language("ar"):
        workshop = service.workshops.add_workshop(assessment_id, WorkshopDraft(title="ورشة"))
    for language in ("en", "ar"):
        with using_language(language):
            (session,) = service.workshops.snapshot(workshop.id).sessions
        assert session.title == translate_in(language, "Session 1")


@pytest.mark.parametrize(
    "stored",
    [
        "Plain words a user typed",
        MARKER + "not JSON at all",
        MARKER + '["en", "ar"]',
        MARKER + '{"en": 5}',
        MARKER + "{}",
        MARKER,
    ],
)
def test_a_value_that_is_not_text_in_every_language_reads_as_it_was_stored(stored: str) -> None:
    assert in_language(stored, "ar") == stored


def test_the_same_text_in_every_language_is_kept_plain() -> None:
    assert in_every_language(lambda language: "Rania Haddad") == "Rania Haddad"
    both = in_every_language(lambda language: {"en": "Table 1", "ar": "الطاولة ١"}[language])
    assert (in_language(both, "en"), in_language(both, "ar")) == ("Table 1", "الطاولة ١")
    assert in_language(in_language(both, "en"), "ar") == "الطاولة ١"  # a text read in one language still knows the others


def test_a_text_in_every_language_survives_a_copy_whole() -> None:
    """Records are copied (the brief's data, an undo step): the copy still knows every language."""
    both = in_every_language(lambda language: {"en": "Table 1", "ar": "الطاولة ١"}[language])
    for copied in (copy.copy(both), copy.deepcopy(both), pickle.loads(pickle.dumps(both))):
        assert copied == both and in_language(copied, "ar") == "الطاولة ١"


def test_a_form_that_strips_or_cleans_a_text_in_every_language_keeps_it_whole() -> None:
    both = in_every_language(lambda language: {"en": "Rare but catastrophic", "ar": "نادر لكنه كارثي"}[language])
    for kept in (both.strip(), clean_text(both)):
        assert in_language(kept, "ar") == "نادر لكنه كارثي"
    assert in_language(f"{both} ".strip(), "ar") == "Rare but catastrophic"  # a text built from it is plain


@pytest.mark.parametrize(
    "stored",
    [
        MARKER + "[" * 20_000,  # nested deeper than the JSON parser goes
        MARKER + '{"xx": "only another language"}',
        MARKER + '{"en": "a", "ar": "b", "fr": "c"}',
    ],
)
def test_a_value_typed_to_look_like_text_in_every_language_is_read_as_typed(stored: str) -> None:
    assert in_language(stored, "ar") == stored


def test_a_note_nested_too_deep_to_parse_leaves_the_assessment_readable(service: ResilienceService) -> None:
    notes = MARKER + "[" * 10_000  # far deeper than the JSON parser goes, within the notes' length
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", notes=notes))
    assert service.assessments.get_assessment(record.id).details.notes == notes
    assert [summary.id for summary in service.assessments.list_assessments()] == [record.id]
