"""Evidence behind answers: references, attached files copied whole, clear refusals."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from resilience_app.core.assessment.evidence_rules import MAX_FILE_BYTES
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails, EvidenceDraft
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.services import ResilienceService


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid")).id


def question_id(service: ResilienceService) -> str:
    return next(service.framework().questions()).id


def test_an_attached_file_is_copied_into_the_assessments_folder(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    report = tmp_path / "تقرير المياه 2025.pdf"
    report.write_bytes(b"%PDF- survey")
    added = service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("Water survey", "Ministry archive, ref 12", report))
    copy = service.assessments.evidence_file(added)
    assert copy is not None and copy.read_bytes() == b"%PDF- survey"
    assert copy.parent == service.paths.evidence_dir / f"assessment-{assessment_id}"
    assert added.original_name == "تقرير المياه 2025.pdf"  # the name the user knows is kept
    assert copy.name == hashlib.sha256(b"%PDF- survey").hexdigest() + ".pdf"  # stored under its content's hash
    report.unlink()  # the original can go: the assessment keeps its own copy
    assert copy.exists()
    assert [e.title for e in service.assessments.evidence(assessment_id)[question_id(service)]] == ["Water survey"]
    history = service.assessments.answer_history(assessment_id, question_id(service))
    assert [(c.field, c.new_value) for c in history] == [("evidence", "Water survey")]


def test_the_same_file_twice_is_stored_once_and_kept_while_one_entry_names_it(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    report = tmp_path / "..\\..\\evil name.PDF"
    report.write_bytes(b"%PDF- twice")
    first = service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("One", source_file=report))
    second = service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("Two", source_file=report))
    stored = service.assessments.evidence_file(first)
    assert stored is not None and stored == service.assessments.evidence_file(second)
    assert stored.parent == service.paths.evidence_dir / f"assessment-{assessment_id}" and stored.suffix == ".pdf"
    service.assessments.remove_evidence(first.id)
    assert stored.exists()  # the second entry still needs it
    service.assessments.remove_evidence(second.id)
    assert not stored.exists()


def test_evidence_counts_in_the_profile(service: ResilienceService, assessment_id: int) -> None:
    qid = question_id(service)
    service.assessments.save_answer(assessment_id, qid, AnswerDraft(status="level", level=3, confidence="low"))
    assert service.assessments.profile(assessment_id).unevidenced_questions == (qid,)
    service.assessments.add_evidence(assessment_id, qid, EvidenceDraft("Council minutes, March"))
    assert service.assessments.profile(assessment_id).unevidenced_questions == ()
    assert service.assessments.profile(assessment_id).low_confidence_questions == (qid,)


def test_removing_evidence_removes_its_copy_and_is_in_the_history(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(b"plan")
    added = service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("Plan", source_file=source))
    copy = service.assessments.evidence_file(added)
    service.assessments.remove_evidence(added.id)
    assert copy is not None and not copy.exists()
    assert service.assessments.evidence(assessment_id) == {}
    assert [(c.old_value, c.new_value) for c in service.assessments.answer_history(assessment_id, question_id(service))][-1] == ("Plan", None)


def test_bad_evidence_is_refused_with_a_message_and_nothing_is_stored(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: takes no real space
    cases = {
        "title": EvidenceDraft("   "),
        "source_file": EvidenceDraft("Missing", source_file=tmp_path / "nowhere.pdf"),
    }
    cases["too large"] = EvidenceDraft("Huge", source_file=huge)
    cases["folder"] = EvidenceDraft("Folder", source_file=tmp_path)
    for case, draft in cases.items():
        with pytest.raises(InvalidInputError) as caught:
            service.assessments.add_evidence(assessment_id, question_id(service), draft)
        assert caught.value.field_errors, case
    assert "50" in str(_refusal(service, assessment_id, EvidenceDraft("Huge", source_file=huge)))
    assert service.assessments.evidence(assessment_id) == {}
    assert not (service.paths.evidence_dir / f"assessment-{assessment_id}").exists() or not any(
        (service.paths.evidence_dir / f"assessment-{assessment_id}").iterdir()
    )


def _refusal(service: ResilienceService, assessment_id: int, draft: EvidenceDraft) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        service.assessments.add_evidence(assessment_id, question_id(service), draft)
    return caught.value


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"x")
    secret.chmod(0)
    assert "source_file" in _refusal(service, assessment_id, EvidenceDraft("Secret", source_file=secret)).field_errors


def test_a_failed_copy_leaves_no_partial_file(service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "data.csv"
    source.write_bytes(b"a,b\n" * 1000)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("resilience_app.core.storage.evidence_files.os.replace", disk_full)
    with pytest.raises(UserFacingError) as caught:
        service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("Data", source_file=source))
    assert caught.value.code == "evidence-copy-failed"
    folder = service.paths.evidence_dir / f"assessment-{assessment_id}"
    assert list(folder.iterdir()) == []
    assert service.assessments.evidence(assessment_id) == {}


def test_duplicating_and_deleting_carry_the_files(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    source = tmp_path / "map.png"
    source.write_bytes(b"png")
    service.assessments.add_evidence(assessment_id, question_id(service), EvidenceDraft("Flood map", source_file=source))
    copy = service.assessments.duplicate_assessment(assessment_id)
    [copied] = service.assessments.evidence(copy.id)[question_id(service)]
    copied_file = service.assessments.evidence_file(copied)
    assert copied_file is not None and copied_file.read_bytes() == b"png"
    service.assessments.delete_assessment(assessment_id)
    assert not (service.paths.evidence_dir / f"assessment-{assessment_id}").exists()
    assert copied_file.exists()


def test_clearing_an_answer_makes_the_question_unanswered_again(service: ResilienceService, assessment_id: int) -> None:
    qid = question_id(service)
    service.assessments.save_answer(assessment_id, qid, AnswerDraft(status="level", level=2, confidence="medium"))
    service.assessments.clear_answer(assessment_id, qid)
    assert service.assessments.answers(assessment_id) == {}
    assert [(c.field, c.old_value, c.new_value) for c in service.assessments.answer_history(assessment_id, qid)][-2:] == [
        ("level", "2", None), ("confidence", "medium", None)
    ]


def test_a_failed_save_keeps_the_file_another_entry_names(service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from resilience_app.core.assessment.evidence_repository import EvidenceRepository

    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF same content")
    first, second = [question.id for question in service.framework().questions()][:2]
    kept = service.assessments.add_evidence(assessment_id, first, EvidenceDraft("Report", source_file=report))

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise UserFacingError("The disk is full.", code="disk-full")

    monkeypatch.setattr(EvidenceRepository, "add", disk_full)
    with pytest.raises(UserFacingError):
        service.assessments.add_evidence(assessment_id, second, EvidenceDraft("The same report", source_file=report))
    path = service.assessments.evidence_file(kept)
    assert path is not None and path.read_bytes() == b"%PDF same content"
