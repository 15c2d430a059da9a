"""The resilience profile: per goal, per dimension and per quality, never one number for the city.

Rules (also in the README):
- a question is *answered* when it has a level, "not applicable" or "don't know";
- the *level* of an indicator is the mean of the levels given to its questions; a goal's is the mean of its
  indicators' levels, a dimension's the mean of its goals' levels, and a quality's the mean, indicator by
  indicator, of the questions carrying it (`grouping.nested_mean`): each indicator weighs the same in its goal
  however many questions ask about it; "not applicable" and "don't know" give no level;
- *coverage* is the share of applicable questions (all but "not applicable") that have a level;
- *lowest*, *highest* and *spread* (population standard deviation) are those of the questions' levels;
- the *low-confidence share* is the share of levelled answers given with low confidence;
- the *strongest* and *weakest* goals are the ends of the goals ranked by level (ties: better
  coverage first, then framework order); with fewer than two levelled goals there are none,
  and no goal is ever in both lists;
- questions *to revisit* are levelled answers given with low confidence, and levelled answers
  without any evidence;
- an answer carried over from an earlier round counts as answered but never as *reviewed* until a
  user confirms or changes it: *reviewed* is answered minus carried over, still to review.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from resilience_app.core.content.model import Framework
from resilience_app.core.scoring.grouping import Tree, group_trees, nested_mean, question_ids

AnswerStatus = Literal["level", "not_applicable", "dont_know"]
Confidence = Literal["low", "medium", "high"]


@dataclass(frozen=True)
class AnswerValue:
    """What scoring needs to know of one answer."""

    status: AnswerStatus
    level: int | None = None
    confidence: Confidence | None = None
    has_evidence: bool = False
    carried_over: bool = False  # carried over from an earlier round and still to review

    def __post_init__(self) -> None:
        if self.status == "level" and (self.level is None or not 1 <= self.level <= 5):
            raise ValueError(f"a levelled answer needs a level from 1 to 5, got {self.level!r}")
        if self.status != "level" and self.level is not None:
            raise ValueError("only a levelled answer carries a level")


@dataclass(frozen=True)
class GroupSummary:
    """The answers of a group of questions (a goal, a dimension, a quality) summed up."""

    total: int
    answered: int
    levelled: int
    not_applicable: int
    level: float | None
    lowest: int | None
    highest: int | None
    spread: float | None
    low_confidence: int
    carried_over: int = 0  # answers carried over from an earlier round, still to review

    @property
    def reviewed(self) -> int:
        """Answers given or confirmed in this round: carried-over answers still to review never count."""
        return self.answered - self.carried_over

    @property
    def progress(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def coverage(self) -> float | None:
        applicable = self.total - self.not_applicable
        return self.levelled / applicable if applicable else None

    @property
    def low_confidence_share(self) -> float | None:
        return self.low_confidence / self.levelled if self.levelled else None


def summarise(group: Tree | Iterable[str], answers: Mapping[str, AnswerValue]) -> GroupSummary:
    """A group's answers summed up: `group` is its tree (`grouping`), or a flat list of question ids weighing the same."""
    tree: Tree = group if isinstance(group, str) else tuple(group)
    ids = question_ids(tree)
    given = [answers[question_id] for question_id in ids if question_id in answers]
    levels = [answer.level for answer in given if answer.status == "level" and answer.level is not None]
    return GroupSummary(
        total=len(ids),
        answered=len(given),
        levelled=len(levels),
        not_applicable=sum(answer.status == "not_applicable" for answer in given),
        level=nested_mean(tree, lambda question_id: level_of(answers.get(question_id))),
        lowest=min(levels) if levels else None,
        highest=max(levels) if levels else None,
        spread=statistics.pstdev(levels) if levels else None,
        low_confidence=sum(answer.status == "level" and answer.confidence == "low" for answer in given),
        carried_over=sum(answer.carried_over for answer in given),
    )


def level_of(answer: AnswerValue | None) -> int | None:
    return answer.level if answer is not None and answer.status == "level" else None


@dataclass(frozen=True)
class ResilienceProfile:
    goals: Mapping[str, GroupSummary]
    dimensions: Mapping[str, GroupSummary]
    qualities: Mapping[str, GroupSummary]
    indicators: Mapping[str, GroupSummary]
    overall: GroupSummary  # progress and coverage only: its level is never shown as a city score
    low_confidence_questions: tuple[str, ...] = ()
    unevidenced_questions: tuple[str, ...] = ()
    to_review_questions: tuple[str, ...] = ()  # carried over from an earlier round, not yet confirmed or changed

    def ranked_goals(self) -> list[str]:
        """Goals with a level, strongest first (ties: better coverage first, then framework order)."""
        order = {goal_id: position for position, goal_id in enumerate(self.goals)}
        levelled = [goal_id for goal_id, summary in self.goals.items() if summary.level is not None]
        return sorted(levelled, key=lambda goal_id: (-(self.goals[goal_id].level or 0), -(self.goals[goal_id].coverage or 0), order[goal_id]))

    def strongest_goals(self, count: int = 3) -> list[str]:
        ranked = self.ranked_goals()
        return ranked[: min(count, len(ranked) // 2)]

    def weakest_goals(self, count: int = 3) -> list[str]:
        """The lowest goals, weakest first."""
        ranked = self.ranked_goals()
        return ranked[::-1][: min(count, len(ranked) // 2)]


def build_profile(framework: Framework, answers: Mapping[str, AnswerValue]) -> ResilienceProfile:
    goals, dimensions, qualities, indicators = (
        {group_id: summarise(tree, answers) for group_id, tree in group_trees(framework, kind)}
        for kind in ("goal", "dimension", "quality", "indicator")
    )
    overall = summarise((q.id for q in framework.questions()), answers)
    levelled = [q.id for q in framework.questions() if q.id in answers and answers[q.id].status == "level"]
    return ResilienceProfile(
        goals=goals,
        dimensions=dimensions,
        qualities=qualities,
        indicators=indicators,
        overall=overall,
        low_confidence_questions=tuple(q for q in levelled if answers[q].confidence == "low"),
        unevidenced_questions=tuple(q for q in levelled if not answers[q].has_evidence),
        to_review_questions=tuple(q.id for q in framework.questions() if q.id in answers and answers[q.id].carried_over),
    )
