"""Two rounds of one city's assessment compared: pure functions, no database.

Rules (also in the README, "Rounds and follow-ups"):
- each round's level, coverage and low-confidence share of a dimension, goal, indicator or quality are
  the profile's (`scoring.summarise`), over the questions that group has in that round's framework;
- a *change* is like for like: over the questions levelled in both rounds, the later level minus the earlier,
  averaged as the profile averages levels (per indicator first, then per goal: `grouping.nested_mean`), so a
  question answered in one round only never moves a group and an indicator weighs the same however many
  questions ask about it. It is computed only where
  enough of the group was levelled in both (`enough_in_common`: at least half its questions, and at least
  `MIN_IN_COMMON` of them or all it has); otherwise the change is None and the reason says why;
- a change smaller than `CHANGE_BAND` either way is "little or no change": means of 1–5 judgements made by
  different people years apart do not show a smaller move;
- a group whose coverage fell by more than `COVERAGE_FALL_THRESHOLD` is flagged "coverage fell" instead
  of being called improved or declined: fewer answers say less, whichever way the level moved;
- a change resting on answers of which more than `LOW_CONFIDENCE_FLAG` had low confidence, in either round,
  is flagged "low confidence";
- a dimension whose goals moved beyond the band in opposite directions is "mixed", not improved or declined;
- questions *moved* up or down when both rounds gave them a level and the levels differ; each group counts
  its questions up, down and the same;
- questions in one round's framework and not the other's are listed (matched by question id), never
  compared;
- the caller leaves out what a round must not count (answers carried over and still to review), naming them
  (`RoundAnswers.to_review`): a group that cannot be compared while some of its answers are still to review says
  "still to review" rather than "no level".
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, cast

from resilience_app.core.content.model import Framework
from resilience_app.core.scoring import AnswerValue
from resilience_app.core.scoring.grouping import GroupKind, Tree, group_trees, nested_mean, question_ids
from resilience_app.core.scoring.profile import GroupSummary, summarise

Verdict = Literal["improved", "declined", "little_change", "mixed", "coverage_fell", "not_comparable"]
NotComparableReason = Literal[
    "not_in_baseline", "not_in_follow_up", "no_level_in_baseline", "no_level_in_follow_up", "no_level_in_either", "nothing_in_common",
    "too_few_in_common", "still_to_review",
]

COVERAGE_FALL_THRESHOLD = 0.10  # a fall of more than ten points of coverage is flagged
CHANGE_BAND = 0.3  # a mean level moving less than this either way is little or no change
MIN_IN_COMMON = 3  # questions levelled in both rounds a group needs (or all it has, when it has fewer)
LOW_CONFIDENCE_FLAG = 1 / 3  # more than this share of the compared answers with low confidence flags the change
TOLERANCE = 1e-9  # levels are means of whole numbers: closer than this is the same


@dataclass(frozen=True)
class RoundAnswers:
    """What the comparison needs of one round: its framework and the answers that count."""

    framework: Framework
    answers: Mapping[str, AnswerValue]
    to_review: frozenset[str] = frozenset()  # answers carried over into this round and not yet reviewed (left out of `answers`)


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
    change: float | None  # like for like: over the questions levelled in both rounds
    verdict: Verdict
    reason: NotComparableReason | None = None  # why there is no change, when there is none
    levelled_in_both: int = 0
    questions: int = 0  # the group's questions in the later round's framework (the earlier's when it has none)
    up: int = 0  # questions levelled in both rounds that moved up
    down: int = 0
    low_confidence: bool = False  # more than LOW_CONFIDENCE_FLAG of the compared answers had low confidence in either round

    @property
    def coverage_fell(self) -> bool:
        return self.verdict == "coverage_fell"

    @property
    def same(self) -> int:
        return self.levelled_in_both - self.up - self.down

    @property
    def direction(self) -> int:
        """+1 or -1 for a change beyond the band, 0 otherwise."""
        if self.change is None or shown_change(self.change) < CHANGE_BAND - TOLERANCE:
            return 0
        return 1 if self.change > 0 else -1


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
    to_review = baseline.to_review | follow_up.to_review

    def changes(kind: GroupKind) -> tuple[GroupChange, ...]:
        before, after = dict(group_trees(baseline.framework, kind)), dict(group_trees(follow_up.framework, kind))
        return tuple(
            group_change(kind, group_id, before.get(group_id), after.get(group_id), baseline.answers, follow_up.answers,
                         levels=(levels_before, levels_after), coverage_fall_threshold=coverage_fall_threshold, to_review=to_review)
            for group_id in _ordered_union(after, before)
        )

    goals = changes("goal")

    before_ids, after_ids = _question_order(baseline.framework), _question_order(follow_up.framework)
    in_before, in_after = set(before_ids), set(after_ids)
    both = [question_id for question_id in after_ids if question_id in levels_before and question_id in levels_after]
    return RoundComparison(
        dimensions=tuple(_mixed_if_goals_differ(dimension, follow_up.framework, baseline.framework, goals) for dimension in changes("dimension")),
        goals=goals,
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
    baseline_questions: Tree | Iterable[str] | None,
    follow_up_questions: Tree | Iterable[str] | None,
    baseline_answers: Mapping[str, AnswerValue],
    follow_up_answers: Mapping[str, AnswerValue],
    *,
    levels: tuple[Mapping[str, int], Mapping[str, int]],
    coverage_fall_threshold: float = COVERAGE_FALL_THRESHOLD,
    to_review: frozenset[str] = frozenset(),
) -> GroupChange:
    """One group compared; the tree of its questions in each round's framework (`grouping`; a flat list weighs every
    question the same; None: the framework has no such group), and each round's levelled answers by question
    (`_levels`, derived once for every group). A group that cannot be compared while some of its answers are still to
    review says so, rather than "no level"."""
    before_tree = _tree(baseline_questions)
    after_tree = _tree(follow_up_questions)
    before_ids = question_ids(before_tree) if before_tree is not None else None
    after_ids = question_ids(after_tree) if after_tree is not None else None
    before = RoundFigures.of(summarise(before_tree, baseline_answers)) if before_tree is not None else None
    after = RoundFigures.of(summarise(after_tree, follow_up_answers)) if after_tree is not None else None
    levels_before, levels_after = levels
    in_before = set(before_ids or ())
    common = [q for q in (after_ids or ()) if q in in_before and q in levels_before and q in levels_after]
    size = len(after_ids if after_ids is not None else before_ids or ())
    counts = {
        "levelled_in_both": len(common),
        "questions": size,
        "up": sum(levels_after[q] > levels_before[q] for q in common),
        "down": sum(levels_after[q] < levels_before[q] for q in common),
        "low_confidence": _low_confidence(common, baseline_answers) or _low_confidence(common, follow_up_answers),
    }
    reason = not_comparable_reason(before, after, levelled_in_both=len(common), questions=size)
    if reason not in (None, "not_in_baseline", "not_in_follow_up") and to_review & set(after_ids or ()):
        reason = "still_to_review"
    if reason is not None or before is None or after is None:
        return GroupChange(kind, group_id, before, after, None, "not_comparable", reason, **counts)  # type: ignore[arg-type]
    in_common = set(common)
    # `common` is not empty here, so the mean has a value
    change = cast(float, nested_mean(after_tree or (), lambda q: levels_after[q] - levels_before[q] if q in in_common else None))
    verdict = verdict_of(before, after, change, coverage_fall_threshold)
    return GroupChange(kind, group_id, before, after, change, verdict, None, **counts)  # type: ignore[arg-type]


def shown_change(change: float) -> float:
    """The size of a change as it is written, to one decimal rounded half up: the band is judged on what a reader
    sees, so "+0.3" is never called little or no change beside another "+0.3" called improved."""
    return math.floor(abs(change) * 10 + 0.5 + TOLERANCE) / 10


def enough_in_common(levelled_in_both: int, questions: int) -> bool:
    """At least half the group's questions levelled in both rounds, and at least MIN_IN_COMMON (or all it has)."""
    return levelled_in_both >= min(MIN_IN_COMMON, questions) and 2 * levelled_in_both >= questions


def not_comparable_reason(
    before: RoundFigures | None, after: RoundFigures | None, *, levelled_in_both: int, questions: int
) -> NotComparableReason | None:
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
    if not enough_in_common(levelled_in_both, questions):
        return "too_few_in_common"
    return None


def verdict_of(before: RoundFigures, after: RoundFigures, change: float, coverage_fall_threshold: float = COVERAGE_FALL_THRESHOLD) -> Verdict:
    """Improved, declined or little change; "coverage fell" instead when the later round levelled much less of the group."""
    if before.coverage is not None and after.coverage is not None and before.coverage - after.coverage > coverage_fall_threshold + TOLERANCE:
        return "coverage_fell"
    if shown_change(change) < CHANGE_BAND - TOLERANCE:
        return "little_change"
    return "improved" if change > 0 else "declined"


def _mixed_if_goals_differ(dimension: GroupChange, later: Framework, earlier: Framework, goals: tuple[GroupChange, ...]) -> GroupChange:
    """A dimension whose goals moved beyond the band in opposite directions is "mixed" (its mean would hide them)."""
    if dimension.verdict not in ("improved", "declined", "little_change"):
        return dimension
    framework = later if any(d.id == dimension.id for d in later.dimensions) else earlier
    goal_ids = {goal.id for d in framework.dimensions if d.id == dimension.id for goal in d.goals}
    directions = {goal.direction for goal in goals if goal.id in goal_ids and goal.change is not None}
    return dataclasses.replace(dimension, verdict="mixed") if {1, -1} <= directions else dimension


def _low_confidence(question_ids: list[str], answers: Mapping[str, AnswerValue]) -> bool:
    low = sum(answers[q].confidence == "low" for q in question_ids)
    return bool(question_ids) and low / len(question_ids) > LOW_CONFIDENCE_FLAG + TOLERANCE


def _levels(answers: Mapping[str, AnswerValue]) -> dict[str, int]:
    return {question_id: answer.level for question_id, answer in answers.items() if answer.status == "level" and answer.level is not None}


def _question_order(framework: Framework) -> list[str]:
    return [question.id for question in framework.questions()]


def _tree(group: Tree | Iterable[str] | None) -> Tree | None:
    if group is None or isinstance(group, str):
        return group
    return tuple(group)


def _ordered_union(first: Mapping[str, object], second: Mapping[str, object]) -> list[str]:
    """The keys of `first` in order, then those only `second` has."""
    return [*first, *(key for key in second if key not in first)]
