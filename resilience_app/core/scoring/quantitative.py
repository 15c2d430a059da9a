"""The quantitative profile: per goal, each question answered with a figure, its value and the level it gives.

Rules (also in the README):
- a question belongs to the quantitative profile when the framework gives it a numeric scale, in framework order;
- a question *has a value* when its answer keeps a figure (whatever its status), unless it is withheld;
- the *level the value gives* is the question's thresholds applied to the value (each threshold passed adds one
  level), beside the level on record, which a user may have chosen otherwise;
- a withheld question (sensitive, kept out of a document) shows neither value nor level but still counts in the total.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from resilience_app.core.content.model import Framework, Question


class FigureAnswer(Protocol):
    """What the quantitative profile needs of one answer (an assessment's answer draft has it)."""

    @property
    def status(self) -> str: ...  # level | not_applicable | dont_know, or "" while only notes are kept

    @property
    def level(self) -> int | None: ...

    @property
    def numeric_value(self) -> str | None: ...


@dataclass(frozen=True)
class QuantitativeRow:
    """One question asked as a figure, as it stands in an assessment."""

    question: Question
    number: str  # the question's number in the framework ("1.2.a"), in Latin digits
    answer: FigureAnswer | None  # None when unanswered or withheld
    withheld: bool = False

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def numeric_value(self) -> str | None:
        """The figure as stored (plain decimal notation), or None."""
        return self.answer.numeric_value or None if self.answer is not None else None

    @property
    def has_value(self) -> bool:
        return self.numeric_value is not None

    @property
    def value(self) -> Decimal | None:
        """The figure as a number; None when there is none or it cannot be read as one."""
        try:
            return Decimal(self.numeric_value) if self.numeric_value is not None else None
        except InvalidOperation:
            return None

    @property
    def level(self) -> int | None:
        """The level on record, when the answer is a level."""
        return self.answer.level if self.answer is not None and self.answer.status == "level" else None

    @property
    def value_level(self) -> int | None:
        """The level the value reaches on the question's thresholds, or None without a value."""
        value = self.value
        if value is None or self.question.numeric is None or not value.is_finite():
            return None
        return self.question.numeric.level_for(float(value))

    @property
    def level_differs(self) -> bool:
        """The level on record is not the one the value gives (a user chose another)."""
        return self.level is not None and self.value_level is not None and self.level != self.value_level


@dataclass(frozen=True)
class QuantitativeGoal:
    goal_id: str
    rows: tuple[QuantitativeRow, ...]

    @property
    def answered(self) -> int:
        return sum(row.has_value for row in self.rows)


@dataclass(frozen=True)
class QuantitativeProfile:
    goals: tuple[QuantitativeGoal, ...]  # framework order, goals without a figure question left out

    @property
    def rows(self) -> tuple[QuantitativeRow, ...]:
        return tuple(row for goal in self.goals for row in goal.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def answered(self) -> int:
        """Questions whose value can be shown."""
        return sum(row.has_value for row in self.rows)

    @property
    def withheld(self) -> int:
        return sum(row.withheld for row in self.rows)


def build_quantitative(
    framework: Framework, answers: Mapping[str, FigureAnswer], *, withheld: Set[str] = frozenset()
) -> QuantitativeProfile:
    """The quantitative questions of `framework` per goal, with their answers (none for the `withheld` ones)."""
    goals = []
    for goal in framework.goals():
        rows = tuple(
            QuantitativeRow(
                question=question,
                number=framework.placement(question.id).number,
                answer=None if question.id in withheld else answers.get(question.id),
                withheld=question.id in withheld,
            )
            for indicator in goal.indicators
            for question in indicator.questions
            if question.numeric is not None
        )
        if rows:
            goals.append(QuantitativeGoal(goal.id, rows))
    return QuantitativeProfile(tuple(goals))
