"""The next steps after the Preliminary Resilience Assessment: what is to be done, by whom, by when, for which area.

Reached as `ResilienceService.next_steps`. Each method is one unit of work and returns frozen values; a refused
step raises `InvalidInputError` naming its fields and changes nothing. A step is copied when its assessment is
duplicated and removed with it (`service.copy_register`); it follows its discovery area into a merge and names
no area once its area is removed.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from resilience_app.core.assessment.service import ASSESSMENT_GONE, assessment_in
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.register.planning_repository import PlanningRepository, PlanningRowNotFound
from resilience_app.core.register.records import NextStepDraft, NextStepRecord
from resilience_app.core.register.rules import clean_next_step


def _gone(_missing: LookupError) -> UserFacingError:
    return user_error(ErrorCode.REGISTER_ENTRY_NOT_FOUND)


class NextStepService:
    def __init__(self, context: CoreContext) -> None:
        self._context = context

    def _session(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work({**ASSESSMENT_GONE, PlanningRowNotFound: _gone})

    def next_steps(self, assessment_id: int) -> list[NextStepRecord]:
        """The assessment's next steps in the order they were added."""
        with self._session() as session:
            assessment_in(session, assessment_id)
            return PlanningRepository(session).next_steps(assessment_id)

    @staticmethod
    def _clean(session: Session, assessment_id: int, draft: NextStepDraft) -> NextStepDraft:
        assessment_in(session, assessment_id)
        return clean_next_step(draft, area_ids=[area.id for area in PlanningRepository(session).areas(assessment_id)])

    def add_next_step(self, assessment_id: int, draft: NextStepDraft) -> NextStepRecord:
        with self._session() as session:
            return PlanningRepository(session).add_next_step(assessment_id, self._clean(session, assessment_id, draft))

    def update_next_step(self, step_id: int, draft: NextStepDraft) -> NextStepRecord:
        with self._session() as session:
            planning = PlanningRepository(session)
            assessment_id = planning.get_next_step(step_id).assessment_id
            return planning.update_next_step(step_id, self._clean(session, assessment_id, draft))

    def remove_next_step(self, step_id: int) -> None:
        with self._session() as session:
            PlanningRepository(session).remove_next_step(step_id)
