"""The profile grouped by an external framework's items: checked by hand on small cases, then through the service."""

from __future__ import annotations

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.content.model import (
    Crosswalk,
    CrosswalkItem,
    CrosswalkMapping,
    Dimension,
    Framework,
    Goal,
    Indicator,
    Question,
    Text,
)
from resilience_app.core.errors import UserFacingError
from resilience_app.core.scoring.by_framework import SCALE, group_by_crosswalk
from resilience_app.core.scoring.profile import AnswerValue
from resilience_app.core.services import ResilienceService


def _text(words: str) -> Text:
    return Text({"en": words, "ar": words})


def _question(question_id: str) -> Question:
    return Question(question_id, _text("?"), _text(""), _text(""), {}, ())


def _framework() -> Framework:
    """Indicator A has three questions, B one, C two."""
    indicators = (
        Indicator("ind-a", "1.1", _text("A"), (_question("a1"), _question("a2"), _question("a3"))),
        Indicator("ind-b", "1.2", _text("B"), (_question("b1"),)),
        Indicator("ind-c", "1.3", _text("C"), (_question("c1"), _question("c2"))),
    )
    goal = Goal("goal-1", 1, _text("Goal"), _text("Outcome"), indicators)
    return Framework("crf", "1", _text("CRF"), _text(""), {}, (), (Dimension("d", _text("D"), (goal,)),))


def _crosswalk() -> Crosswalk:
    items = (CrosswalkItem("x-1", _text("1"), _text("One")), CrosswalkItem("x-2", _text("2"), _text("Two")), CrosswalkItem("x-3", _text("3"), _text("Three")))
    mappings = (
        CrosswalkMapping("ind-a", ("x-1",)),
        CrosswalkMapping("ind-b", ("x-1", "x-2")),
        CrosswalkMapping("ind-c", ("x-2",)),
        CrosswalkMapping("ind-gone", ("x-2",)),  # an indicator this framework lacks is skipped
    )
    return Crosswalk("x", "2026.1", "crf", _text("X"), _text(""), None, items, mappings)


def level(value: int) -> AnswerValue:
    return AnswerValue("level", value)


def test_nothing_answered_has_no_level_and_no_coverage_yet_lists_the_indicators() -> None:
    profile = group_by_crosswalk(_framework(), _crosswalk(), {})
    one, two, three = profile.items
    assert [result.indicator.id for result in one.indicators] == ["ind-a", "ind-b"]
    assert [result.indicator.id for result in two.indicators] == ["ind-b", "ind-c"]
    assert (one.level, one.coverage, one.levelled_indicators) == (None, 0.0, 0)
    assert three.mapped == 0 and three.coverage is None and three.level is None
    assert profile.scale == SCALE == (1, 5)


def test_levels_average_per_indicator_first_and_coverage_counts_questions() -> None:
    answers = {
        "a1": level(1), "a2": level(2), "a3": AnswerValue("dont_know"),  # A: 1.5, two of three questions levelled
        "b1": level(5),  # B: 5
        "c1": AnswerValue("not_applicable"),  # C: no level, one applicable question unanswered
    }
    one, two, _three = group_by_crosswalk(_framework(), _crosswalk(), answers).items
    # Item 1: indicators A (1.5) and B (5) weigh the same, whatever their number of questions: (1.5 + 5) / 2.
    assert one.level == pytest.approx(3.25)
    assert one.levelled_indicators == 2
    assert one.coverage == pytest.approx(3 / 4)  # a1, a2, b1 of a1-a3 and b1
    # Item 2: B has a level, C none: the mean is B's, and one indicator of two has a level.
    assert two.level == 5 and two.levelled_indicators == 1
    assert two.coverage == pytest.approx(1 / 2)  # b1 of b1 and c2 (c1 is not applicable)


def test_levels_stay_on_the_frameworks_scale() -> None:
    answers = {question: level(5) for question in ("a1", "a2", "a3", "b1", "c1", "c2")}
    one, two, _three = group_by_crosswalk(_framework(), _crosswalk(), answers).items
    assert one.level == two.level == 5  # never rescaled to the scorecard's 0-5 or to a percentage
    assert one.coverage == two.coverage == 1


def test_an_item_without_a_level_lists_its_indicators_and_counts_their_answers_but_shows_no_mean() -> None:
    """An outcome the framework does not measure (Sendai's loss targets): `no_level` keeps the indicators, drops the mean."""
    crosswalk = _crosswalk()
    items = (CrosswalkItem("x-1", _text("1"), _text("One"), "thin", no_level=True), *crosswalk.items[1:])
    answers = {question: level(4) for question in ("a1", "a2", "a3", "b1", "c1", "c2")}
    one, two, _three = group_by_crosswalk(_framework(), Crosswalk(**{**crosswalk.__dict__, "items": items}), answers).items
    assert [result.indicator.id for result in one.indicators] == ["ind-a", "ind-b"]
    assert one.level is None and one.levelled_indicators == 2 and one.coverage == 1
    assert two.level == 4  # the other items keep their mean


def test_the_service_groups_an_assessment_by_the_shipped_ten_essentials(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    assert {crosswalk.id for crosswalk in service.assessments.crosswalks(record.id)} == {
        "undrr-ten-essentials", "sendai-framework", "sdg-11", "strong-cities-network"
    }
    essentials = service.context.content.crosswalk("undrr-ten-essentials")
    assert essentials is not None
    question = next(q for q in service.context.framework().indicators() if q.id == "ind-7.1").questions[0]
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=4, confidence="high"))
    profile = service.assessments.profile_by_framework(record.id, "undrr-ten-essentials")
    by_id = {result.item.id: result for result in profile.items}
    assert [result.item.id for result in profile.items] == [item.id for item in essentials.items]
    risk = by_id["undrr-e02"]  # hazard mapping (7.1) is mapped to the second essential
    assert "ind-7.1" in [result.indicator.id for result in risk.indicators]
    assert risk.level == 4 and risk.levelled_indicators == 1
    assert by_id["undrr-e01"].level is None


def test_an_unknown_crosswalk_is_a_plain_error(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    with pytest.raises(UserFacingError) as raised:
        service.assessments.profile_by_framework(record.id, "undrr-essentials")
    assert raised.value.code == "crosswalk-missing"
    assert "undrr-essentials" in str(raised.value)
