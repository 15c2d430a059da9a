"""Build the document model of an assessment — the workshop brief or the PRA — in one language, with the chosen sections."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from resilience_app.core.brief import (
    build_actions,
    build_change,
    build_contributors,
    build_figures,
    build_fixed,
    build_frameworks,
    build_phase_two,
    build_profile,
    build_register,
    build_scenarios,
    build_summary,
    build_workshop,
)
from resilience_app.core.brief.build_profile import answered_summary
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, BriefDocument, Cover, Facts, Section
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES, DocumentKind
from resilience_app.core.brief.withheld import LEFT_OUT_OF_THE_BRIEF, LEFT_OUT_OF_THE_PRA
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.formatting import format_date, format_number, localise_digits
from resilience_app.core.i18n import N_, _, ngettext, using_language
from resilience_app.core.rounds.labels import round_text
from resilience_app.core.text_rules import shown_file_name

SectionBuilder = Callable[[BriefData], list[Block]]
BUILDERS: dict[str, SectionBuilder] = {
    "summary": build_summary.summary,
    "executive_summary": build_summary.executive_summary,
    "purpose": build_fixed.purpose,
    "primer": build_fixed.primer,
    "city_profile": build_profile.city_profile,
    "city_context": build_contributors.city_context,
    "resilience_profile": build_profile.resilience_profile,
    "quantitative": build_figures.quantitative,
    "change": build_change.change,
    "by_framework": build_frameworks.by_framework,
    "strengths_weaknesses": build_profile.strengths_weaknesses,
    "qualities": build_profile.qualities,
    "shocks_stresses": build_register.shocks_stresses,
    "scenarios": build_scenarios.scenarios,
    "interconnections": build_register.interconnections,
    "workshop": build_workshop.workshop,
    "actions": build_actions.actions,
    "gaps_overlaps": build_actions.gaps_overlaps,
    "discovery_areas": build_phase_two.discovery_areas,
    "contributors": build_contributors.contributors,
    "evidence_gaps": build_profile.evidence_gaps,
    "agenda": build_fixed.agenda,
    "next_steps": build_fixed.next_steps,
    "appendix": build_profile.appendix,
}
assert set(BUILDERS) == set(SECTION_TITLES), "every section has a builder"
# Where a document's section says something of its own: the brief's next steps are those after the
# workshop, the PRA's those recorded for Phase II.
# The brief's change since the baseline is the shorter one a reader takes in before the day.
DOCUMENT_BUILDERS: dict[str, dict[str, SectionBuilder]] = {
    PRA: {"next_steps": build_phase_two.next_steps},
    BRIEF: {"change": build_change.brief_change},
}

COVER_TITLES = {BRIEF: N_("Strategy-workshop brief"), PRA: N_("Preliminary Resilience Assessment")}
COVER_SUBTITLES = {
    BRIEF: N_("City resilience assessment: profile, priorities and agenda for the strategy workshop"),
    PRA: N_("The city's resilience profile, its priority shocks and stresses, its actions and the discovery areas for Phase II"),
}
DOCUMENT_TITLES = {BRIEF: N_("Strategy-workshop brief: {city}"), PRA: N_("Preliminary Resilience Assessment: {city}")}
SUBJECTS = {
    BRIEF: N_("City resilience assessment and strategy-workshop agenda"),
    PRA: N_("Preliminary Resilience Assessment of the city, after the strategy workshop"),
}


def document_kind(document: str) -> DocumentKind:
    """The document asked for ("brief" or "pra"); any other is refused, naming those there are."""
    kind = DOCUMENTS.get(document)
    if kind is None:
        raise user_error(ErrorCode.UNKNOWN_DOCUMENT, name=document, choices=", ".join(DOCUMENTS))
    return kind


def check_sections(section_ids: Iterable[str] | None, document: str = BRIEF) -> tuple[str, ...]:
    """The chosen sections in the document's order (its defaults when None); ids it cannot hold or an empty choice are refused."""
    kind = document_kind(document)
    if section_ids is None:
        return kind.defaults
    chosen = set(section_ids)
    unknown = sorted(chosen - set(kind.sections))
    if unknown:
        raise user_error(ErrorCode.UNKNOWN_SECTION, names=", ".join(shown_file_name(name) for name in unknown), choices=", ".join(kind.sections))
    if not chosen:
        raise user_error(ErrorCode.NO_SECTION)
    return tuple(section_id for section_id in kind.sections if section_id in chosen)


def _cover(data: BriefData, language: str, document: str) -> Cover:
    record, framework = data.assessment, data.framework
    details = record.details
    overall = data.profile.overall
    facts = [
        (_("Prepared on"), format_date(data.prepared_on)),
        (_("Assessment date"), format_date(details.assessment_date) if details.assessment_date else _("—")),
        (_("Chief Resilience Officer"), details.cro_name or _("—")),
        (_("Framework"), _("{name}, version {version}").format(name=framework.name.in_language(language), version=localise_digits(record.framework_version))),
        (_("Questions answered"), answered_summary(overall)),
    ]
    if data.earlier is not None:
        facts.append((_("Round"), _("{round}; compared with {earlier}").format(
            round=round_text(data.earlier.later), earlier=round_text(data.earlier.round))))
    to_review = len(data.profile.to_review_questions)
    if to_review:
        facts.append((_("Carried over, still to review"), ngettext(
            "{count} answer, counted in the levels but not yet confirmed in this round",
            "{count} answers, counted in the levels but not yet confirmed in this round", to_review).format(count=format_number(to_review))))
    return Cover(
        title=_(COVER_TITLES[document]),
        city=record.city_name(language),
        subtitle=_(COVER_SUBTITLES[document]),
        facts=Facts(tuple(facts)),
        sample_notice=_("Sample assessment: invented data for practice, not a real city's.") if record.is_sample else "",
        sensitivity_notice=_sensitivity_notice(data, document),
    )


def _sensitivity_notice(data: BriefData, document: str) -> str:
    if not data.includes_sensitive:
        return data.withheld.describe(LEFT_OUT_OF_THE_PRA if document == PRA else LEFT_OUT_OF_THE_BRIEF)
    return _("Includes content marked sensitive. Share it only with those who need it.") if data.withheld.anything else ""


def build_brief(data: BriefData, language: str, section_ids: Iterable[str] | None = None, document: str = BRIEF) -> BriefDocument:
    """The `document` ("brief" or "pra") of `data` in `language`, with `section_ids` (by default the document's own)."""
    chosen = check_sections(section_ids, document)
    if section_ids is None:
        chosen = DOCUMENTS[document].defaults_for(has_earlier_round=data.earlier is not None)
    if document == BRIEF:  # read before the workshop: nothing a workshop said or decided belongs in it
        data = dataclasses.replace(data, workshops=(), room_ratings={}, areas=(), next_steps=())
    with using_language(language):
        city = data.assessment.city_name(language)
        builders = {**BUILDERS, **DOCUMENT_BUILDERS.get(document, {})}
        sections = tuple(Section(section_id, _(SECTION_TITLES[section_id]), tuple(builders[section_id](data))) for section_id in chosen)
        return BriefDocument(
            language=language,
            title=_(DOCUMENT_TITLES[document]).format(city=city),
            cover=_cover(data, language, document),
            sections=sections,
            page_label=_("Page {number} of {total}"),
            subject=_(SUBJECTS[document]),
        )
