"""Two rounds of one city's assessment compared: pure functions, no database.

Rules (also in the README, "Rounds and follow-ups"):
- each round's level, coverage and low-confidence share of a dimension, goal, indicator or quality are
  the profile's (`scoring.summarise`), over the questions that group has in that round's framework;
- a *change* (follow-up level − baseline level) is computed only where both rounds have a level and at
  least one of the group's questions is levelled in both; otherwise the change is None and the reason
  says why ("not comparable");
- a group whose coverage fell by more than `COVERAGE_FALL_THRESHOLD` is flagged "coverage fell" instead
  of being called improved or declined: fewer answers say less, whichever way the level moved;
- questions *moved* up or down when both rounds gave them a level and the levels differ;
- questions in one round's framework and not the other's are listed (matched by question id), never
  compared;
- the caller leaves out what a round must not count (answers carried over and still to review).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from resilience_app.core.content.model import Framework
from resilience_app.core.scoring import AnswerValue
from resilience_app.core.scoring.profile import GroupSummary, summarise

GroupKind = Literal["dimension", "goal", "indicator", "quality"]
Verdict = Literal["improved", "declined", "unchanged", "coverage_fell", "not_comparable"]
NotComparableReason = Literal[
    "not_in_baseline", "not_in_follow_up", "no_level_in_baseline", "no_level_in_follow_up", "no_level_in_either", "nothing_in_common"
]

COVERAGE_FALL_THRESHOLD = 0.10  # a fall of more than ten points of coverage is flagged
UNCHANGED_TOLERANCE = 1e-9  # levels are means of whole numbers: closer than this is the same level


@dataclass(frozen=True)
class RoundAnswers:
    """What the comparison needs of one round: its framework and the answers that count."""

    framework: Framework
    answers: Mapping[str, AnswerValue]


@dataclass(frozen=True)
class RoundFigures:
    """One group in one round, as its profile shows it."""

    level: float | None
    coverage: float | None
    low_confidence_share: float | None
    levelled: int

    @classmethod
    def of(cls, summary: GroupSummary) -> RoundFigures:
        return cls(summary.level, summary.coverage, summary.low_confidence_share, summary.levelled)


@dataclass(frozen=True)
class GroupChange:
    """One dimension, goal, indicator or quality in both rounds, and what changed (None where not comparable)."""

    kind: GroupKind
    id: str
    baseline: RoundFigures | None  # None when the baseline's framework has no such group
    follow_up: RoundFigures | None
    change: float | None
    verdict: Verdict
    reason: NotComparableReason | None = None  # why there is no change, when there is none
    levelled_in_both: int = 0

    @property
    def coverage_fell(self) -> bool:
        return self.verdict == "coverage_fell"


@dataclass(frozen=True)
class QuestionMove:
    question_id: str
    baseline_level: int
    follow_up_level: int


@dataclass(frozen=True)
class RoundComparison:
    dimensions: tuple[GroupChange, ...]
    goals: tuple[GroupChange, ...]
    indicators: tuple[GroupChange, ...]
    qualities: tuple[GroupChange, ...]
    moved_up: tuple[QuestionMove, ...]
    moved_down: tuple[QuestionMove, ...]
    only_in_baseline: tuple[str, ...]  # question ids the follow-up's framework no longer has
    only_in_follow_up: tuple[str, ...]  # question ids added since the baseline's framework

    def groups(self, kind: GroupKind) -> tuple[GroupChange, ...]:
        return {"dimension": self.dimensions, "goal": self.goals, "indicator": self.indicators, "quality": self.qualities}[kind]


def compare_rounds(baseline: RoundAnswers, follow_up: RoundAnswers, *, coverage_fall_threshold: float = COVERAGE_FALL_THRESHOLD) -> RoundComparison:
    """The change from `baseline` to `follow_up`, per group and per question (see the module's rules)."""
    levels_before, levels_after = _levels(baseline.answers), _levels(follow_up.answers)

    def changes(kind: GroupKind) -> tuple[GroupChange, ...]:
        before, after = dict(_groups(baseline.framework, kind)), dict(_groups(follow_up.framework, kind))
        return tuple(
            group_change(
                kind, group_id, before.get(group_id), after.get(group_id), baseline.answers, follow_up.answers,
                levelled_in_both=len(set(before.get(group_id, ())) & set(after.get(group_id, ())) & levels_before.keys() & levels_after.keys()),
                coverage_fall_threshold=coverage_fall_threshold,
            )
            for group_id in _ordered_union(after, before)
        )

    before_ids, after_ids = _question_order(baseline.framework), _question_order(follow_up.framework)
    in_before, in_after = set(before_ids), set(after_ids)
    both = [question_id for question_id in after_ids if question_id in levels_before and question_id in levels_after]
    return RoundComparison(
        dimensions=changes("dimension"),
        goals=changes("goal"),
        indicators=changes("indicator"),
        qualities=changes("quality"),
        moved_up=tuple(QuestionMove(q, levels_before[q], levels_after[q]) for q in both if levels_after[q] > levels_before[q]),
        moved_down=tuple(QuestionMove(q, levels_before[q], levels_after[q]) for q in both if levels_after[q] < levels_before[q]),
        only_in_baseline=tuple(question_id for question_id in before_ids if question_id not in in_after),
        only_in_follow_up=tuple(question_id for question_id in after_ids if question_id not in in_before),
    )


def group_change(
    kind: GroupKind,
    group_id: str,
    baseline_questions: Iterable[str] | None,
    follow_up_questions: Iterable[str] | None,
    baseline_answers: Mapping[str, AnswerValue],
    follow_up_answers: Mapping[str, AnswerValue],
    *,
    levelled_in_both: int,
    coverage_fall_threshold: float = COVERAGE_FALL_THRESHOLD,
) -> GroupChange:
    """One group compared; its questions in each round's framework (None: the framework has no such group)."""
    before = RoundFigures.of(summarise(baseline_questions, baseline_answers)) if baseline_questions is not None else None
    after = RoundFigures.of(summarise(follow_up_questions, follow_up_answers)) if follow_up_questions is not None else None
    reason = not_comparable_reason(before, after, levelled_in_both=levelled_in_both)
    if reason is not None or before is None or after is None or before.level is None or after.level is None:
        return GroupChange(kind, group_id, before, after, None, "not_comparable", reason, levelled_in_both)
    change = after.level - before.level
    return GroupChange(kind, group_id, before, after, change, verdict_of(before, after, change, coverage_fall_threshold), None, levelled_in_both)


def not_comparable_reason(before: RoundFigures | None, after: RoundFigures | None, *, levelled_in_both: int) -> NotComparableReason | None:
    """Why a group's two rounds cannot be compared, or None when they can."""
    if before is None:
        return "not_in_baseline"
    if after is None:
        return "not_in_follow_up"
    if before.level is None and after.level is None:
        return "no_level_in_either"
    if before.level is None:
        return "no_level_in_baseline"
    if after.level is None:
        return "no_level_in_follow_up"
    if levelled_in_both == 0:
        return "nothing_in_common"
    return None


def verdict_of(before: RoundFigures, after: RoundFigures, change: float, coverage_fall_threshold: float = COVERAGE_FALL_THRESHOLD) -> Verdict:
    """Improved, declined or unchanged; "coverage fell" instead when the follow-up levelled much less of the group."""
    if before.coverage is not None and after.coverage is not None and before.coverage - after.coverage > coverage_fall_threshold + UNCHANGED_TOLERANCE:
        return "coverage_fell"
    if math.isclose(change, 0.0, abs_tol=UNCHANGED_TOLERANCE):
        return "unchanged"
    return "improved" if change > 0 else "declined"


def _levels(answers: Mapping[str, AnswerValue]) -> dict[str, int]:
    return {question_id: answer.level for question_id, answer in answers.items() if answer.status == "level" and answer.level is not None}


def _question_order(framework: Framework) -> list[str]:
    return [question.id for question in framework.questions()]


def _groups(framework: Framework, kind: GroupKind) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each group of `kind` in `framework`, in its order, with its question ids."""
    if kind == "dimension":
        for dimension in framework.dimensions:
            yield dimension.id, tuple(q.id for goal in dimension.goals for indicator in goal.indicators for q in indicator.questions)
    elif kind == "goal":
        for goal in framework.goals():
            yield goal.id, tuple(q.id for indicator in goal.indicators for q in indicator.questions)
    elif kind == "indicator":
        for indicator in framework.indicators():
            yield indicator.id, tuple(q.id for q in indicator.questions)
    else:
        for quality in framework.qualities:
            yield quality.id, tuple(q.id for q in framework.questions() if quality.id in q.qualities)


def _ordered_union(first: Mapping[str, object], second: Mapping[str, object]) -> list[str]:
    """The keys of `first` in order, then those only `second` has."""
    return [*first, *(key for key in second if key not in first)]
