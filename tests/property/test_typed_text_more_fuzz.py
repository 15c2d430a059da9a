"""The rest of what a user types, from the whole of Unicode: evidence titles and references,
discovery areas, workshop titles, venues, notes, groups and sessions, and participants —
these last through the sign-in sheet's CSV export and back. Each is kept as the one text rule
says or refused with a `UserFacingError` that changes nothing; a participant written to the CSV
reads back as the same person (issue 16)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resilience_app.core.assessment.records import EvidenceDraft
from resilience_app.core.errors import UserFacingError
from resilience_app.core.register.records import DiscoveryAreaDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.text_rules import clean_text
from resilience_app.core.workshop.participants_csv import cell_text
from resilience_app.core.workshop.records import ParticipantDraft, WorkshopDraft
from tests.property.support import FUZZ
from tests.property.test_typed_text_fuzz import TEXTS

FORMULA_STARTS = st.sampled_from(["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "Ali;=1+1", 'say "hi"', "a,b", "tab\there", "line\nbreak"])
PARTICIPANT_TEXTS = st.one_of(TEXTS, FORMULA_STARTS, st.tuples(FORMULA_STARTS, TEXTS).map("".join))


@pytest.fixture(scope="module")
def workshop_id(service: ResilienceService, assessment_id: int) -> int:
    return service.workshops.add_workshop(assessment_id, WorkshopDraft(title="Agenda-setting workshop")).id


@FUZZ
@given(title=TEXTS, reference=TEXTS)
def test_evidence_titles_and_references(service: ResilienceService, assessment_id: int, title: str, reference: str) -> None:
    question = next(service.framework().questions()).id
    before = service.assessments.evidence(assessment_id)
    try:
        added = service.assessments.add_evidence(assessment_id, question, EvidenceDraft(title, reference))
    except UserFacingError as refused:
        assert refused.message.strip()
        assert service.assessments.evidence(assessment_id) == before
        return
    assert (added.title, added.reference) == (clean_text(title), clean_text(reference))
    service.assessments.remove_evidence(added.id)


@FUZZ
@given(title=TEXTS, rationale=TEXTS)
def test_discovery_areas(service: ResilienceService, assessment_id: int, title: str, rationale: str) -> None:
    goal = next(iter(service.framework().goals())).id
    count = len(service.register.areas(assessment_id))
    try:
        area = service.register.add_area(assessment_id, DiscoveryAreaDraft(title=title, rationale=rationale, goals=(goal,)))
    except UserFacingError:
        assert len(service.register.areas(assessment_id)) == count
        return
    assert (area.area.title, area.area.rationale) == (clean_text(title), clean_text(rationale))
    service.register.remove_area(area.id)


@FUZZ
@given(title=TEXTS, venue=TEXTS, notes=TEXTS, group=TEXTS, session_title=TEXTS)
def test_workshop_titles_venues_notes_groups_and_sessions(
    service: ResilienceService, workshop_id: int, title: str, venue: str, notes: str, group: str, session_title: str
) -> None:
    workshops = service.workshops
    before = workshops.snapshot(workshop_id)
    try:
        record = workshops.update_workshop(workshop_id, WorkshopDraft(title=title, venue=venue, notes=notes))
    except UserFacingError:
        assert workshops.snapshot(workshop_id).record == before.record
    else:
        assert (record.workshop.title, record.workshop.venue, record.workshop.notes) == tuple(map(clean_text, (title, venue, notes)))
    for add, remove, typed in ((workshops.add_group, workshops.remove_group, group), (workshops.add_session, workshops.remove_session, session_title)):
        try:
            added = add(workshop_id, typed)
        except UserFacingError:
            continue
        remove(added.id)
    after = workshops.snapshot(workshop_id)
    assert (len(after.groups), len(after.sessions)) == (len(before.groups), len(before.sessions))


@FUZZ
@given(name=PARTICIPANT_TEXTS, organisation=PARTICIPANT_TEXTS, language=st.sampled_from(["en", "ar"]))
def test_a_participant_goes_to_the_csv_and_back_as_the_same_person(
    service: ResilienceService, workshop_id: int, name: str, organisation: str, language: str
) -> None:
    workshops = service.workshops
    sector = next(iter(workshops.sectors))
    try:
        added = workshops.add_participant(workshop_id, ParticipantDraft(sector=sector, name=name, organisation=organisation))
    except UserFacingError:
        return
    try:
        exported = workshops.export_participants_csv(workshop_id, language)
        preview = workshops.preview_participants_csv(workshop_id, exported)
        [row] = preview.rows  # the workshop holds this one participant
        assert row.participant is not None
        person = (row.participant.name, row.participant.organisation, row.participant.sector)
        assert person == (cell_text(added.participant.name), cell_text(added.participant.organisation), sector)
        assert row.duplicate, "re-importing the app's own export adds nobody twice"
        assert preview.importable_rows == ()
    finally:
        workshops.remove_participant(added.id)
