"""The rounds' use cases: an assessment's round, starting a follow-up, and comparing two rounds.

Reached as `ResilienceService.rounds`. A follow-up is made by the assessment feature's own copy
(`AssessmentService.copy_assessment`, which duplication uses too), so what a duplicate takes along and what a
follow-up carries over cannot drift apart; the round is set inside the same transaction.

Deleting a round deletes that assessment only: the other rounds keep their series and their kind (a follow-up
whose baseline was deleted stays a follow-up, standing alone in its series), and a duplicate belongs to no series.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_repository import AnswerRepository
from resilience_app.core.assessment.records import AnswerRecord, AssessmentRecord
from resilience_app.core.assessment.repository import AssessmentRepository
from resilience_app.core.assessment.service import ASSESSMENT_GONE, AssessmentService, Copier, CopyPlan, answer_values, assessment_in
from resilience_app.core.content.model import Framework
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.rounds.compare import RoundAnswers, compare_rounds
from resilience_app.core.rounds.records import ComparedRound, FollowUp, FollowUpOptions, RoundDraft, RoundRecord, RoundsCompared
from resilience_app.core.rounds.repository import RoundRepository
from resilience_app.core.rounds.rules import BASELINE, check_follow_up, clean_round, new_series_key

_log = logging.getLogger("resilience_app.rounds")


class RoundService:
    """Everything a user does with the rounds of a city's assessment over time."""

    def __init__(self, context: CoreContext, *, assessments: AssessmentService, register_copier: Copier) -> None:
        """`register_copier` carries the register, actions, discovery areas and next steps into a follow-up."""
        self._context = context
        self._assessments = assessments
        self._register_copier = register_copier

    def _unit_of_work(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work(ASSESSMENT_GONE)

    def round_of(self, assessment_id: int) -> RoundRecord:
        with self._unit_of_work() as session:
            return RoundRepository(session).get(assessment_id)

    def every_round(self) -> dict[int, RoundRecord]:
        """Each assessment's round by id, for a list of assessments (an assessment in no series: kind None)."""
        with self._unit_of_work() as session:
            return RoundRepository(session).every_round()

    def series_of(self, assessment_id: int) -> list[RoundRecord]:
        """The rounds of the assessment's series, oldest first; the assessment alone when it is in none."""
        with self._unit_of_work() as session:
            rounds = RoundRepository(session)
            current = rounds.get(assessment_id)
            return rounds.series(current.series_key) if current.series_key else [current]

    def set_round(self, assessment_id: int, draft: RoundDraft) -> RoundRecord:
        """Set the assessment's round kind and date (an assessment in no series starts one of its own)."""
        cleaned = clean_round(draft)
        with self._unit_of_work() as session:
            rounds = RoundRepository(session)
            series_key = rounds.get(assessment_id).series_key or new_series_key()
            return rounds.set(assessment_id, series_key=series_key, kind=cleaned.kind, date=cleaned.date)

    def start_follow_up(
        self, assessment_id: int, options: FollowUpOptions | None = None, *, changed_by: str = "", today: dt.date | None = None
    ) -> FollowUp:
        """A new round of the assessment's series, with the city's details and what `options` carries over.

        The original becomes the series' baseline when it had no round (dated by its assessment date, else the
        day it was created). The follow-up takes the framework's current version: only the answers to questions
        it still has are carried over, matched by id. One transaction: a failure makes nothing.
        """
        options = options or FollowUpOptions()
        cleaned = clean_round(RoundDraft(options.kind, options.date))
        date = cleaned.date or today or dt.date.today()
        check_follow_up(cleaned.kind, date, None)
        made: list[FollowUp] = []  # what `link` set, inside the copy's transaction

        def link(session: Session, original: AssessmentRecord, record: AssessmentRecord) -> None:
            rounds = RoundRepository(session)
            before = rounds.get(original.id)
            check_follow_up(cleaned.kind, date, round_day(before, original))  # a refusal here undoes the copy
            series_key = before.series_key or new_series_key()
            if not before.in_series:
                rounds.set(original.id, series_key=series_key, kind=before.kind or BASELINE, date=round_day(before, original))
            dated = AssessmentRepository(session).update_details(record.id, dataclasses.replace(record.details, assessment_date=date))
            follow_up_round = rounds.set(record.id, series_key=series_key, kind=cleaned.kind, date=date)
            made.append(FollowUp(dated, follow_up_round, carried_answers=len(AnswerRepository(session).carried_over_question_ids(record.id))))

        plan = CopyPlan(
            name_as_copy=False, latest_framework=True, answers=options.carry_answers, carry_over=True,
            copiers=(self._register_copier,) if options.carry_register else (), and_then=link, changed_by=changed_by,
        )
        self._assessments.copy_assessment(assessment_id, plan=plan)
        follow_up = made[0]
        _log.info("Started assessment %s as a follow-up of %s", follow_up.record.id, assessment_id)
        return follow_up

    def compare(self, baseline_id: int, follow_up_id: int) -> RoundsCompared:
        """Two assessments compared as rounds (`compare.compare_rounds`), read in one transaction.

        Answers carried over and still to review say nothing about the round they were carried into: they are
        left out of it (its coverage shows how much is still to review).
        """
        if baseline_id == follow_up_id:
            raise user_error(ErrorCode.COMPARED_WITH_ITSELF, id=format_number(baseline_id))
        with self._unit_of_work() as session:
            rounds, answers = RoundRepository(session), AnswerRepository(session)
            sides = []
            for assessment_id in (baseline_id, follow_up_id):
                record = assessment_in(session, assessment_id)
                stored = answers.for_assessment(assessment_id)
                sides.append((record, rounds.get(assessment_id), stored))
        (base_record, base_round, base_answers), (next_record, next_round, next_answers) = sides
        first, second = round_day(base_round, base_record), round_day(next_round, next_record)
        if (first, baseline_id) > (second, follow_up_id):
            raise user_error(ErrorCode.COMPARED_IN_REVERSE, first=format_number(baseline_id), second=format_number(follow_up_id),
                             first_date=format_date(first), second_date=format_date(second))
        comparison = compare_rounds(self._round_answers(base_record, base_answers), self._round_answers(next_record, next_answers))
        return RoundsCompared(
            baseline=ComparedRound(base_record, base_round, _to_review(base_answers)),
            follow_up=ComparedRound(next_record, next_round, _to_review(next_answers)),
            comparison=comparison,
        )

    def _round_answers(self, record: AssessmentRecord, stored: dict[str, AnswerRecord]) -> RoundAnswers:
        return round_answers(self._context.framework(record.framework_id), stored)


def round_answers(framework: Framework, stored: Mapping[str, AnswerRecord]) -> RoundAnswers:
    """A round as the comparison reads it: its answers, those carried over and still to review left out and named."""
    values = answer_values(dict(stored))
    return RoundAnswers(framework, {question_id: value for question_id, value in values.items() if not value.carried_over},
                        frozenset(question_id for question_id, value in values.items() if value.carried_over))


def round_day(round_record: RoundRecord, record: AssessmentRecord) -> dt.date:
    """The day a round stands for: its round date, else its assessment date, else the day it was made."""
    return round_record.date or record.details.assessment_date or record.created_at.date()


def _to_review(stored: dict[str, AnswerRecord]) -> int:
    return sum(record.carried_over and bool(record.answer.status) for record in stored.values())
