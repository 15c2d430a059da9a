"""The brief's fixed sections: purpose, primer, agenda and next steps (prose from `prose.py`)."""

from __future__ import annotations

from resilience_app.core.brief import prose
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Bullets, Heading, Paragraph, Table
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, current_language


def _paragraphs(texts: tuple[str, ...]) -> list[Block]:
    return [Paragraph(_(text)) for text in texts]


def purpose(data: BriefData) -> list[Block]:
    return [
        *_paragraphs(prose.PURPOSE),
        Heading(_("Decisions the workshop should produce")),
        Bullets(tuple(_(text) for text in prose.DECISIONS)),
    ]


def primer(data: BriefData) -> list[Block]:
    language = current_language()
    framework = data.framework
    dimensions = Table(
        header=(_("Dimension"), _("Goals")),
        rows=tuple(
            (
                dimension.name.in_language(language),
                "\n".join(_("{number}. {name}").format(number=format_number(goal.number), name=goal.name.in_language(language)) for goal in dimension.goals),
            )
            for dimension in framework.dimensions
        ),
    )
    qualities = Table(
        header=(_("Quality"), _("What it means")),
        rows=tuple((quality.name.in_language(language), quality.description.in_language(language)) for quality in framework.qualities),
    )
    levels = Bullets(
        tuple(
            _("{number} · {name}").format(number=format_number(level), name=name.in_language(language))
            for level, name in sorted(framework.levels.items())
        )
    )
    return [
        Heading(_("Shocks and stresses")),
        *_paragraphs(prose.PRIMER_SHOCKS_STRESSES),
        Heading(_("The framework: four dimensions, twelve goals")),
        *_paragraphs(prose.PRIMER_FRAMEWORK),
        dimensions,
        Heading(_("The seven qualities")),
        *_paragraphs(prose.PRIMER_QUALITIES),
        qualities,
        Heading(_("Levels, coverage and confidence")),
        *_paragraphs(prose.PRIMER_READING),
        Paragraph(_("The five levels used in the questionnaire:")),
        levels,
    ]


def agenda(data: BriefData) -> list[Block]:
    blocks: list[Block] = [
        Table(
            header=(_("Session"), _("Minutes"), _("Purpose")),
            rows=tuple((_(item.title), format_number(item.minutes), _(item.purpose)) for item in prose.AGENDA),
        ),
        Heading(_("Questions for the room")),
    ]
    for item in prose.AGENDA:
        blocks.append(Paragraph(_(item.title)))
        blocks.append(Bullets(tuple(_(question) for question in item.questions)))
    return blocks


def next_steps(data: BriefData) -> list[Block]:
    return [Bullets(tuple(_(text) for text in prose.NEXT_STEPS))]
