"""The quality of each answer's data: the kind of source, the year and the scale, kept, refused when wrong,
recorded in the history and carried into duplicates and follow-ups."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from alembic import command

from resilience_app.core import i18n
from resilience_app.core.assessment.answer_rules import latest_data_year
from resilience_app.core.assessment.labels import FIELD_NAMES, history_value
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import latin_digits
from resilience_app.core.paths import AppPaths
from resilience_app.core.rounds.records import FollowUpOptions
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import HEAD_REVISION, Database, alembic_config

SALT = AssessmentDetails(city_name_en="Salt", assessment_date=dt.date(2024, 5, 1))
MEASURED_2022 = AnswerDraft("level", 3, confidence="high", source_kind="measured", data_year=2022, data_scale="governorate_region")


def _first_question(service: ResilienceService) -> str:
    return next(service.framework().questions()).id


def test_the_three_fields_are_kept_and_read_back_and_none_is_needed(service: ResilienceService) -> None:
    assessment_id = service.assessments.create_assessment(SALT).id
    question_id = _first_question(service)
    service.assessments.save_answer(assessment_id, question_id, MEASURED_2022)
    stored = service.assessments.answers(assessment_id)[question_id].answer
    assert (stored.source_kind, stored.data_year, stored.data_scale) == ("measured", 2022, "governorate_region")
    service.assessments.save_answer(assessment_id, question_id, AnswerDraft("level", 3))
    stored = service.assessments.answers(assessment_id)[question_id].answer
    assert (stored.source_kind, stored.data_year, stored.data_scale) == (None, None, None)


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (AnswerDraft("level", 3, source_kind="rumour"), "source_kind"),
        (AnswerDraft("level", 3, data_scale="planet"), "data_scale"),
        (AnswerDraft("level", 3, data_year=1949), "data_year"),
        (AnswerDraft("level", 3, data_year=latest_data_year() + 1), "data_year"),
        (AnswerDraft("level", 3, data_year=True), "data_year"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_kind_scale_or_year_is_refused_naming_the_field_and_changes_nothing(
    service: ResilienceService, language: str, draft: AnswerDraft, field: str
) -> None:
    assessment_id = service.assessments.create_assessment(SALT).id
    question_id = _first_question(service)
    service.assessments.save_answer(assessment_id, question_id, MEASURED_2022)
    with pytest.raises(InvalidInputError) as refused:
        service.assessments.save_answer(assessment_id, question_id, draft)
    assert set(refused.value.field_errors) == {field}
    message = refused.value.field_errors[field]
    if language == "ar":
        assert any("\u0600" <= character <= "\u06ff" for character in message), message
    if field == "data_year":
        assert "1950" in latin_digits(message) and str(latest_data_year()) in latin_digits(message)
    assert service.assessments.answers(assessment_id)[question_id].answer == MEASURED_2022


def test_next_year_is_the_latest_a_year_may_be() -> None:
    assert latest_data_year(dt.date(2026, 12, 7)) == 2027


def test_each_change_is_a_history_line_read_in_the_users_language(service: ResilienceService) -> None:
    assessment_id = service.assessments.create_assessment(SALT).id
    question_id = _first_question(service)
    service.assessments.save_answer(assessment_id, question_id, MEASURED_2022)
    service.assessments.save_answer(assessment_id, question_id, AnswerDraft("level", 3, confidence="high", source_kind="estimate", data_year=2022))
    lines = [(c.field, c.old_value, c.new_value) for c in service.assessments.answer_history(assessment_id, question_id)]
    assert ("source_kind", None, "measured") in lines and ("data_year", None, "2022") in lines
    assert ("source_kind", "measured", "estimate") in lines and ("data_scale", "governorate_region", None) in lines
    assert [history_value("source_kind", "estimate"), history_value("data_scale", "country")] == ["An estimate", "Country level"]
    i18n.set_language("ar")
    assert i18n._(FIELD_NAMES["data_year"]) == "سنة البيانات"
    assert history_value("source_kind", "measured") == "بيانات مقيسة"


def test_a_duplicate_and_a_follow_up_carry_the_three_fields(service: ResilienceService) -> None:
    assessment_id = service.assessments.create_assessment(SALT).id
    question_id = _first_question(service)
    service.assessments.save_answer(assessment_id, question_id, MEASURED_2022)
    duplicate = service.assessments.duplicate_assessment(assessment_id)
    follow_up = service.rounds.start_follow_up(assessment_id, FollowUpOptions(carry_answers=True), today=dt.date(2026, 5, 1))
    for copy_id in (duplicate.id, follow_up.record.id):
        assert service.assessments.answers(copy_id)[question_id].answer == MEASURED_2022


def test_a_database_of_the_previous_version_opens_with_no_answer_stating_its_data(app_paths: AppPaths) -> None:
    app_paths.ensure_writable()
    older = Database(app_paths.default_database_url())
    config = alembic_config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")
        connection.exec_driver_sql("insert into assessments (id, city_name_en, city_name_ar, country, cro_name, framework_id, framework_version, "
                                   "notes, is_sample) values (1, 'Salt', '', '', '', 'crf', '1', '', 0)")
        connection.exec_driver_sql("insert into answers (assessment_id, question_id, status, level, justification, answered_by) "
                                   "values (1, 'q-1.1.a', 'level', 3, 'kept', '')")
    older.dispose()
    service = ResilienceService.open(app_paths)
    try:
        stored = service.assessments.answers(1)["q-1.1.a"].answer
        assert (stored.level, stored.justification, stored.source_kind, stored.data_year, stored.data_scale) == (3, "kept", None, None, None)
        service.assessments.save_answer(1, "q-1.1.a", MEASURED_2022)
        assert service.assessments.answers(1)["q-1.1.a"].answer == MEASURED_2022
    finally:
        service.close()
    with sqlite3.connect(app_paths.database_file) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (HEAD_REVISION,)
