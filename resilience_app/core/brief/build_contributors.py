"""The section on contributors and agreement: which departments answered, how much, and per goal
where their answers check each other and where they still differ.

Every number is counted by `brief.contributors` from what `core.contributions` stores. No answer
is quoted, so a question marked sensitive is counted like any other and its answers shown nowhere.
"""

from __future__ import annotations

from resilience_app.core.brief import prose
from resilience_app.core.brief.build_profile import DASH, city_profile
from resilience_app.core.brief.contributors import AgreementCounts
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Heading, Paragraph, Table
from resilience_app.core.content.labels import goal_label
from resilience_app.core.contributions.service import ContributorStatus
from resilience_app.core.formatting import format_date, format_number, local_moment
from resilience_app.core.i18n import _, ngettext
from resilience_app.core.register.labels import name_list


def _returned(status: ContributorStatus) -> str:
    """When the last workbook came back, when it went out and has not, or a dash when none was sent."""
    sent = status.last_sent
    if sent is None:
        return _(DASH)
    if sent.returned_at is None:
        return _("Not yet (sent {date})").format(date=format_date(local_moment(sent.sent_at).date()))
    return format_date(local_moment(sent.returned_at).date())


def _count(value: int) -> str:
    return format_number(value)


def contributors(data: BriefData) -> list[Block]:
    part = data.contributors
    blocks: list[Block] = [Paragraph(_(text)) for text in prose.CONTRIBUTORS]
    if not part.statuses:
        return [*blocks, Paragraph(_("No contributors are recorded for this assessment yet, so this brief cannot show which departments "
                                     "answered or where their answers agree."), muted=True)]
    blocks.append(Table(
        header=(_("Contributor"), _("Department"), _("Questions assigned"), _("Answered"), _("Workbook returned")),
        rows=tuple(
            (status.record.name, status.record.contributor.department or _(DASH), _count(len(status.assigned)) if status.assigned else _(DASH),
             _count(status.answered) if status.assigned else _(DASH), _returned(status))
            for status in part.statuses
        ),
    ))
    total = part.agreement.counts()
    blocks.append(Paragraph(_summary(total.several, total.differing, total.settled)))
    rows: list[tuple[str, ...]] = []
    emphasis: list[int] = []
    for goal in data.framework.goals():
        counts = part.agreement.counts(question.id for indicator in goal.indicators for question in indicator.questions)
        if counts.differing:
            emphasis.append(len(rows))
        rows.append((goal_label(goal), *_counts(counts)))
    rows.append((_("All goals"), *_counts(total)))
    note = _("A question's answers differ when its contributors answered it differently, or a contributor's answer is not the "
             "one on record. The difference is settled once the Chief Resilience Officer takes one of them on record or sets "
             "the level agreed; a contributor's changed answer opens it again.")
    if emphasis:
        note += " " + _("Goals in bold have answers that still differ.")
    blocks += [
        Heading(_("Agreement by goal")),
        Table(
            header=(_("Goal"), _("Questions assigned"), _("Answered by a contributor"), _("Answered by two or more"), _("Settled"),
                    _("Still differ")),
            rows=tuple(rows),
            emphasis=tuple(emphasis),
        ),
        Paragraph(note, muted=True),
    ]
    return blocks


def _counts(counts: AgreementCounts) -> tuple[str, ...]:
    return tuple(_count(value) for value in (counts.assigned, counts.answered, counts.several, counts.settled, counts.differing))


def _summary(several: int, differing: int, settled: int) -> str:
    """How much the contributors' answers check each other, and how much is still to settle, in two or three sentences."""
    sentences = [ngettext(
        "{count} question was answered by two or more contributors.", "{count} questions were answered by two or more contributors.", several
    ).format(count=format_number(several))]
    if differing:
        sentences.append(ngettext(
            "The answers to {count} question still differ.", "The answers to {count} questions still differ.", differing
        ).format(count=format_number(differing)))
    if settled:
        sentences.append(ngettext(
            "{count} difference has been settled.", "{count} differences have been settled.", settled
        ).format(count=format_number(settled)))
    if not differing and not settled:
        sentences.append(_("No answers differ."))
    return " ".join(sentences)


def city_context(data: BriefData) -> list[Block]:
    """The city in numbers and its context (as in the brief), then the departments whose answers the assessment holds."""
    statuses = [status for status in data.contributors.statuses if status.answered]
    if not statuses:
        return [*city_profile(data), Heading(_("Who answered")), Paragraph(_("No contributor is recorded for this assessment yet."))]
    departments = sorted({status.record.contributor.department for status in statuses if status.record.contributor.department})
    people = ngettext("{count} contributor answered.", "{count} contributors answered.", len(statuses)).format(count=format_number(len(statuses)))
    return [
        *city_profile(data),
        Heading(_("Who answered")),
        Paragraph(people + " " + _("Departments: {names}.").format(names=name_list(departments)) if departments else people),
    ]
