"""The sample's department contributions: three contributors whose workbooks came back, two disagreements
settled and one left open, so a newcomer sees the feature at work.

Made the way a CRO makes them: contributors added and assigned, each workbook exported, filled (here by
openpyxl, as a department would in Excel), previewed and imported; then one disagreement settled by taking
a contributor's answer and one by the level the contributors agreed on. The workbooks are written in a
temporary folder that is removed at the end.
"""

from __future__ import annotations

import dataclasses
import io
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, SOURCE_KIND_NAMES, STATUS_VALUES
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import Framework, Indicator
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.contributions.workbook_layout import FIRST_QUESTION_ROW, LETTERS
from resilience_app.core.every_language import as_stored, in_every_language, message_in_every_language
from resilience_app.core.i18n import N_, translate_in
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet_text import put_text

# Each contributor, the indicator assigned to them, and by how many levels they see its first levelled
# question differently from the answer on record (0: they agree throughout).
CONTRIBUTORS = (
    ({"en": "Rania Haddad", "ar": "رانيا حداد"}, N_("Water and Sanitation Authority"), "ind-1.3", 0),
    ({"en": "Dr. Sami Nasser", "ar": "د. سامي ناصر"}, N_("Health Directorate"), "ind-3.1", 1),
    ({"en": "Col. Khaled Mansour", "ar": "العقيد خالد منصور"}, N_("Civil Defence Directorate"), "ind-10.5", -1),
)
# Triangulation: a question on emergency medical care goes to both the health directorate and the civil
# defence, who differ on it.
SHARED_INDICATOR = "ind-3.3"
SHARED_WITH = ("ind-3.1", "ind-10.5")
AGREEING_NOTE = N_("Confirmed against our own service records for 2025; we see the city as the questionnaire does.")
DIFFERING_NOTE = N_(
    "Our service records for 2025 show a weaker picture than the city's figures: coverage drops in the eastern districts "
    "and the newer neighbourhoods."
)
STRONGER_NOTE = N_(
    "Our service records for 2025 show more than the city's figures: the services opened since 2024 are not in them yet."
)
EVIDENCE_NOTE = N_("{department}: service records 2025")
RECORDS_YEAR = 2025  # the year the departments' own service records describe: what a differing answer rests on
CONSENSUS_REASON = N_(
    "Agreed at the focal points' meeting: the health directorate's figures cover every hospital, the civil defence's only "
    "its own ambulance stations."
)


def add_sample_contributions(service: ResilienceService, assessment_id: int, language: str) -> None:
    """Add the three contributors with their returned workbooks; settle two disagreements and leave one open."""
    answers = {question_id: record.answer for question_id, record in service.assessments.answers(assessment_id).items()}
    framework = service.framework(service.assessments.get_assessment(assessment_id).framework_id)
    contributors: list[ContributorRecord] = []
    shared = next(question.id for question in _indicator(framework, SHARED_INDICATOR).questions if _has_level(answers.get(question.id)))
    shared_shift = -1 if (answers[shared].level or 0) > 1 else 1  # one level apart, within the scale
    with tempfile.TemporaryDirectory(prefix="sample-workbooks-") as folder:
        for names, department, indicator_id, shift in CONTRIBUTORS:
            draft = ContributorDraft(in_every_language(names.__getitem__), _worded(department), language)
            contributor = service.contributions.add_contributor(assessment_id, draft)
            own = [question.id for question in _indicator(framework, indicator_id).questions]
            service.contributions.assign(contributor.id, own + ([shared] if indicator_id in SHARED_WITH else []))
            path = Path(folder) / f"{contributor.id}.xlsx"
            sent = service.contributions.export_workbook(contributor.id, path)
            differing = [question_id for question_id in own if _levelled(answers.get(question_id))]
            shifted = {differing[0]: shift} if shift and differing else {}
            if indicator_id == SHARED_WITH[1]:
                shifted[shared] = shared_shift
            data = _filled(path.read_bytes(), sent.question_ids, answers, shifted, language, department, _answered_by(names, department))
            service.contributions.import_workbook(service.contributions.preview_workbook(assessment_id, data))
            contributors.append(contributor)
    _settle(service, assessment_id, contributors)


def _worded(message: str, *, department: str = "") -> str:
    """A message of the sample in every language (`core.every_language`), with the department's name in each."""
    return message_in_every_language(message, department=lambda language: translate_in(language, department) if department else "")


def _answered_by(names: dict[str, str], department: str) -> str:
    """"Name (Department)" as the department types it in its workbook, in every language."""
    return in_every_language(lambda language: f"{names[language]} ({translate_in(language, department)})")


def _indicator(framework: Framework, indicator_id: str) -> Indicator:
    return next(indicator for indicator in framework.indicators() if indicator.id == indicator_id)


def _has_level(answer: AnswerDraft | None) -> bool:
    return answer is not None and answer.status == "level" and answer.level is not None


def _levelled(answer: AnswerDraft | None) -> bool:
    return answer is not None and answer.status == "level" and answer.level is not None and 1 < answer.level < 5


def _filled(
    data: bytes,
    question_ids: tuple[str, ...],
    answers: dict[str, AnswerDraft],
    shifted: dict[str, int],
    language: str,
    department: str,
    answered_by: str,
) -> bytes:
    """The workbook as the department sends it back: the answer on record, shifted where it sees things differently, and
    there the quality of the data it rests on (the rest of the data quality left as filled in from the record)."""
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[1]
    for row, question_id in enumerate(question_ids, start=FIRST_QUESTION_ROW):
        answer = answers.get(question_id)
        if answer is None or not answer.status:
            continue
        level = answer.level + shifted.get(question_id, 0) if answer.level is not None else None
        given = dataclasses.replace(answer, level=level, numeric_value=None if question_id in shifted else answer.numeric_value)
        sheet[f"{LETTERS['level']}{row}"] = level if given.status == "level" else translate_in(language, STATUS_VALUES[given.status])
        if given.numeric_value:
            sheet[f"{LETTERS['value']}{row}"] = float(given.numeric_value)
        if given.confidence:
            sheet[f"{LETTERS['confidence']}{row}"] = translate_in(language, CONFIDENCE_NAMES[given.confidence])
        shift = shifted.get(question_id, 0)
        note = DIFFERING_NOTE if shift < 0 else STRONGER_NOTE if shift > 0 else AGREEING_NOTE
        # Typed as the app keeps text in every language (core.every_language), so the answers read back keep both.
        put_text(sheet[f"{LETTERS['justification']}{row}"], as_stored(_worded(note)))
        put_text(sheet[f"{LETTERS['evidence']}{row}"], as_stored(_worded(EVIDENCE_NOTE, department=department)))
        put_text(sheet[f"{LETTERS['answered_by']}{row}"], as_stored(answered_by))
        if shift:  # a department that sees it differently says what its answer rests on: its own records, measured, of the city
            put_text(sheet[f"{LETTERS['source_kind']}{row}"], translate_in(language, SOURCE_KIND_NAMES["measured"]))
            sheet[f"{LETTERS['data_year']}{row}"] = RECORDS_YEAR
            put_text(sheet[f"{LETTERS['data_scale']}{row}"], translate_in(language, DATA_SCALE_NAMES["city"]))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _settle(service: ResilienceService, assessment_id: int, contributors: list[ContributorRecord]) -> None:
    """The health directorate's own answer is taken on record; the shared question is settled by the level agreed.

    The civil defence's own differing answer is left for the CRO to settle.
    """
    _water, health, civil_defence = contributors
    for entry in service.contributions.disagreements(assessment_id):
        ids = {record.contributor_id for record in entry.contributions}
        if ids == {health.id}:
            service.contributions.take_contribution(assessment_id, health.id, entry.question_id)
        elif ids == {health.id, civil_defence.id}:
            agreed = next(record.answer.level for record in entry.contributions if record.contributor_id == health.id)
            if agreed is not None:
                service.contributions.settle(assessment_id, entry.question_id, agreed, _worded(CONSENSUS_REASON))
