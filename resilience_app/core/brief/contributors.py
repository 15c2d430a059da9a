"""Who contributed to an assessment and where their answers agree, as the brief, the Excel workbook and the profile say it.

Computed from what `core.contributions` stores: read in the brief's one unit of work (`data.collect`), or through
the contribution service on the profile screen. A question's answers differ by the contributions' own rule
(`contributions.service.disagreements_of`): the answers given to it, each contributor's and the one on record, are
not all the same; the difference counts as settled as `Disagreement.settled` says (the CRO took one of them on record
or set the level agreed). Until then the answers still differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from resilience_app.core.content.model import Framework
from resilience_app.core.contributions.records import ContributionRecord, WorkbookRecord
from resilience_app.core.contributions.service import ContributorStatus, Disagreement


@dataclass(frozen=True)
class AgreementCounts:
    """How many of a group's questions (a goal's, say) the contributors were asked, answered, and answered differently."""

    assigned: int = 0  # assigned to at least one contributor
    answered: int = 0  # answered by at least one contributor (a level, not applicable or don't know)
    several: int = 0  # answered by two or more contributors: the answers check each other
    differing: int = 0  # whose answers still differ (the contributors', and the answer on record)
    settled: int = 0  # whose answers differ, settled by the CRO


@dataclass(frozen=True)
class Agreement:
    """The questions, by id, that contributors were asked, answered, answered several times, and answered differently."""

    assigned: frozenset[str] = frozenset()
    answered: frozenset[str] = frozenset()
    several: frozenset[str] = frozenset()
    differing: frozenset[str] = frozenset()  # still to settle
    settled: frozenset[str] = frozenset()

    def counts(self, question_ids: Iterable[str] | None = None) -> AgreementCounts:
        """The counts over `question_ids` (a goal's questions, say), or over the whole assessment."""
        sets = (self.assigned, self.answered, self.several, self.differing, self.settled)
        if question_ids is None:
            return AgreementCounts(*(len(ids) for ids in sets))
        wanted = set(question_ids)
        return AgreementCounts(*(len(ids & wanted) for ids in sets))


def agreement_of(
    statuses: Iterable[ContributorStatus], contributions: Mapping[str, Sequence[ContributionRecord]], disagreements: Iterable[Disagreement]
) -> Agreement:
    """Which questions were assigned, answered by one contributor or more, and answered differently.

    `disagreements` are all of them, settled or not (`disagreements_of`, or the service's with `include_settled`).
    """
    disagreements = list(disagreements)
    answered_by = {question_id: {record.contributor_id for record in records if record.answer.status} for question_id, records in contributions.items()}
    return Agreement(
        assigned=frozenset(question_id for status in statuses for question_id in status.assigned),
        answered=frozenset(question_id for question_id, who in answered_by.items() if who),
        several=frozenset(question_id for question_id, who in answered_by.items() if len(who) > 1),
        differing=frozenset(entry.question_id for entry in disagreements if not entry.settled),
        settled=frozenset(entry.question_id for entry in disagreements if entry.settled),
    )


@dataclass(frozen=True)
class Contributors:
    """The contributors' part of what a brief (and the Excel workbook) says.

    `contributions` are in framework order, then in the order the contributors were added. Once the brief's rule
    for sensitive content has applied (`withholding.without_sensitive`), those to a withheld question are blank
    placeholders: counted in `statuses` and `agreement`, never shown.
    """

    statuses: tuple[ContributorStatus, ...] = ()
    workbooks: tuple[WorkbookRecord, ...] = ()  # every workbook sent, oldest first
    contributions: tuple[ContributionRecord, ...] = ()
    agreement: Agreement = field(default_factory=Agreement)

    def workbooks_sent(self, contributor_id: int) -> int:
        return sum(workbook.contributor_id == contributor_id for workbook in self.workbooks)


def in_framework_order(framework: Framework, contributions: Mapping[str, Sequence[ContributionRecord]]) -> tuple[ContributionRecord, ...]:
    """Every contribution, question by question in framework order (a question the framework no longer has last)."""
    order = {question.id: index for index, question in enumerate(framework.questions())}
    return tuple(record for question_id in sorted(contributions, key=lambda key: (order.get(key, len(order)), key)) for record in contributions[question_id])
