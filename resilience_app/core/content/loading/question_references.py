"""Questions named inside a question's text: "see {q-6.2.a}" in YAML reads "see 6.2.1" on screen.

A question's text may point to another question by its id in braces. The id is stable; the number a user sees
(`Framework.placement`: the indicator's number and the question's position in it) changes when questions are
added or removed, so the text names the id and the loader writes the number the user sees, in every language.
An id that does not exist is an `unknown-reference` problem at the question's line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from resilience_app.core.content.model import Framework, Goal, Indicator, Question, Text

QUESTION_REFERENCE = re.compile(r"\{(q-[a-z0-9.\-]+)\}")


def referenced_question_ids(texts: Iterator[Text]) -> Iterator[str]:
    """The question ids named in braces in `texts`."""
    for text in texts:
        for translation in text.translations.values():
            yield from QUESTION_REFERENCE.findall(translation)


def with_question_numbers(framework: Framework) -> Framework:
    """`framework` with every "{q-…}" in its questions' texts written as the number the user sees."""
    numbers = {question.id: framework.placement(question.id).number for question in framework.questions()}

    def written(text: Text) -> Text:
        if not any(QUESTION_REFERENCE.search(translation) for translation in text.translations.values()):
            return text
        return Text({language: QUESTION_REFERENCE.sub(lambda found: numbers.get(found.group(1), found.group(0)), translation)
                     for language, translation in text.translations.items()})

    def question(q: Question) -> Question:
        return dataclasses.replace(
            q, prompt=written(q.prompt), guidance=written(q.guidance), who_knows=written(q.who_knows),
            scenarios={level: written(text) for level, text in q.scenarios.items()},
        )

    def indicator(i: Indicator) -> Indicator:
        return dataclasses.replace(i, questions=tuple(question(q) for q in i.questions))

    def goal(g: Goal) -> Goal:
        return dataclasses.replace(g, indicators=tuple(indicator(i) for i in g.indicators))

    dimensions = tuple(dataclasses.replace(d, goals=tuple(goal(g) for g in d.goals)) for d in framework.dimensions)
    return dataclasses.replace(framework, dimensions=tuple(dimensions))
