"""A restore brings back exactly what was there, evidence files included."""

from __future__ import annotations

from pathlib import Path

from resilience_app.core.assessment.records import AssessmentDetails, EvidenceDraft, EvidenceRecord
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


def _attach_files(service: ResilienceService, assessment_id: int, folder: Path, count: int) -> list[EvidenceRecord]:
    questions = list(service.framework().questions())
    added = []
    for number in range(count):
        source = folder / f"report-{number}.pdf"
        source.write_bytes(f"%PDF- report {number}".encode())
        added.append(service.assessments.add_evidence(assessment_id, questions[number].id, EvidenceDraft(f"Report {number}", source_file=source)))
    return added


def _reopened(service: ResilienceService) -> ResilienceService:
    paths = service.paths
    service.close()
    return ResilienceService.open(paths)  # takes the start-up backup


def test_deleting_an_assessment_and_restoring_the_backup_brings_its_files_back(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    added = _attach_files(service, assessment.id, tmp_path, 10)
    service = _reopened(service)
    backup = service.backups.list()[0]
    service.assessments.delete_assessment(assessment.id)
    service.restore_backup(backup)
    evidence = [entry for entries in service.assessments.evidence(assessment.id).values() for entry in entries]
    assert len(evidence) == 10
    for number, entry in enumerate(sorted(evidence, key=lambda entry: entry.title)):
        path = service.assessments.evidence_file(entry)
        assert path is not None and path.read_bytes() == f"%PDF- report {number}".encode()
    assert {entry.file_name for entry in evidence} == {entry.file_name for entry in added}
    service.close()


def test_removing_one_entry_and_restoring_brings_its_file_back(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    [entry] = _attach_files(service, assessment.id, tmp_path, 1)
    service = _reopened(service)
    backup = service.backups.list()[0]
    service.assessments.remove_evidence(entry.id)
    path = service.assessments.evidence_file(entry)
    assert path is not None and path.exists()  # the backup still names it
    service.restore_backup(backup)
    assert path.read_bytes() == b"%PDF- report 0"
    service.close()


def test_a_file_no_entry_and_no_backup_names_is_removed(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)  # a new folder: no backup yet
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    [entry] = _attach_files(service, assessment.id, tmp_path, 1)
    path = service.assessments.evidence_file(entry)
    service.assessments.remove_evidence(entry.id)
    assert path is not None and not path.exists()
    service.close()


def test_files_are_removed_once_the_last_backup_naming_them_is_rotated_out(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    [entry] = _attach_files(service, assessment.id, tmp_path, 1)
    service = _reopened(service)
    service.assessments.delete_assessment(assessment.id)
    path = service.assessments.evidence_file(entry)
    assert path is not None and path.exists()
    service.close()
    for backup in app_paths.backups_dir.iterdir():  # the user clears the backups folder by hand
        backup.unlink()
    ResilienceService.open(app_paths).close()
    assert not path.exists()
