"""How the framework's questions nest into the groups the profile reports, and the mean that respects the nesting.

A group is a *tree*: an indicator is its questions; a goal, its indicators; a dimension, its goals; a quality, the
questions carrying it, indicator by indicator. The level of a tree is the mean of its parts' levels, each part weighing
the same whatever its size (`nested_mean`): a goal's level is the mean of its indicators' levels, so an indicator asked
through three questions weighs no more than one asked through two, and a dimension's level is the mean of its goals'.
A part with no level is left out of its parent's mean.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, TypeAlias

from resilience_app.core.content.model import Framework, Goal

GroupKind = Literal["dimension", "goal", "indicator", "quality"]
Tree: TypeAlias = str | tuple["Tree", ...]  # a question id, or parts that each weigh the same


def group_trees(framework: Framework, kind: GroupKind) -> Iterator[tuple[str, Tree]]:
    """Each group of `kind` in `framework`, in its order, with the tree of its questions."""
    if kind == "dimension":
        for dimension in framework.dimensions:
            yield dimension.id, tuple(_goal_tree(goal) for goal in dimension.goals)
    elif kind == "goal":
        for goal in framework.goals():
            yield goal.id, _goal_tree(goal)
    elif kind == "indicator":
        for indicator in framework.indicators():
            yield indicator.id, tuple(question.id for question in indicator.questions)
    else:
        for quality in framework.qualities:
            parts = (tuple(q.id for q in indicator.questions if quality.id in q.qualities) for indicator in framework.indicators())
            yield quality.id, tuple(part for part in parts if part)


def question_ids(tree: Tree | Iterable[str]) -> tuple[str, ...]:
    """The question ids of a tree, in order."""
    if isinstance(tree, str):
        return (tree,)
    return tuple(question_id for part in tree for question_id in question_ids(part))


def nested_mean(tree: Tree | Iterable[str], value: Callable[[str], float | None]) -> float | None:
    """The mean of the parts' means down to the questions' values; None when no question has a value."""
    if isinstance(tree, str):
        return value(tree)
    means = [mean for part in tree if (mean := nested_mean(part, value)) is not None]
    return statistics.fmean(means) if means else None


def _goal_tree(goal: Goal) -> Tree:
    return tuple(tuple(question.id for question in indicator.questions) for indicator in goal.indicators)
