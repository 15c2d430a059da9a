"""Build the brief document model of an assessment in one language, with the chosen sections."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from resilience_app.core.brief import build_contributors, build_fixed, build_profile, build_register, build_workshop
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, BriefDocument, Cover, Facts, Section
from resilience_app.core.brief.sections import SECTION_IDS, SECTION_TITLES
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.formatting import format_date, format_number, format_percent, localise_digits
from resilience_app.core.i18n import _, using_language

SectionBuilder = Callable[[BriefData], list[Block]]
BUILDERS: dict[str, SectionBuilder] = {
    "purpose": build_fixed.purpose,
    "primer": build_fixed.primer,
    "city_profile": build_profile.city_profile,
    "resilience_profile": build_profile.resilience_profile,
    "strengths_weaknesses": build_profile.strengths_weaknesses,
    "qualities": build_profile.qualities,
    "shocks_stresses": build_register.shocks_stresses,
    "interconnections": build_register.interconnections,
    "workshop": build_workshop.workshop,
    "actions": build_register.actions,
    "discovery_areas": build_register.discovery_areas,
    "contributors": build_contributors.contributors,
    "evidence_gaps": build_profile.evidence_gaps,
    "agenda": build_fixed.agenda,
    "next_steps": build_fixed.next_steps,
    "appendix": build_profile.appendix,
}
assert tuple(BUILDERS) == SECTION_IDS, "every section has a builder, in the order of the brief"


def check_sections(section_ids: Iterable[str]) -> tuple[str, ...]:
    """The chosen sections in the brief's order; unknown ids or an empty choice are refused."""
    chosen = set(section_ids)
    unknown = sorted(chosen - set(SECTION_IDS))
    if unknown:
        raise user_error(ErrorCode.UNKNOWN_SECTION, names=", ".join(unknown), choices=", ".join(SECTION_IDS))
    if not chosen:
        raise user_error(ErrorCode.NO_SECTION)
    return tuple(section_id for section_id in SECTION_IDS if section_id in chosen)


def _cover(data: BriefData, language: str) -> Cover:
    record, framework = data.assessment, data.framework
    details = record.details
    overall = data.profile.overall
    facts = [
        (_("Prepared on"), format_date(data.prepared_on)),
        (_("Assessment date"), format_date(details.assessment_date) if details.assessment_date else _("—")),
        (_("Chief Resilience Officer"), details.cro_name or _("—")),
        (_("Framework"), _("{name}, version {version}").format(name=framework.name.in_language(language), version=localise_digits(record.framework_version))),
        (_("Questions answered"), _("{answered} of {total} ({share})").format(
            answered=format_number(overall.answered), total=format_number(overall.total), share=format_percent(overall.progress))),
    ]
    return Cover(
        title=_("Strategy-workshop brief"),
        city=record.city_name(language),
        subtitle=_("City resilience assessment: profile, priorities and agenda for the strategy workshop"),
        facts=Facts(tuple(facts)),
        sample_notice=_("Sample assessment: invented data for practice, not a real city's.") if record.is_sample else "",
        sensitivity_notice=_sensitivity_notice(data),
    )


def _sensitivity_notice(data: BriefData) -> str:
    if not data.includes_sensitive:
        return data.withheld.describe()
    return _("Includes content marked sensitive. Share it only with those who need it.") if data.withheld.anything else ""


def build_brief(data: BriefData, language: str, section_ids: Iterable[str] = SECTION_IDS) -> BriefDocument:
    chosen = check_sections(section_ids)
    with using_language(language):
        city = data.assessment.city_name(language)
        sections = tuple(Section(section_id, _(SECTION_TITLES[section_id]), tuple(BUILDERS[section_id](data))) for section_id in chosen)
        return BriefDocument(
            language=language,
            title=_("Strategy-workshop brief: {city}").format(city=city),
            cover=_cover(data, language),
            sections=sections,
            page_label=_("Page {number} of {total}"),
            subject=_("City resilience assessment and strategy-workshop agenda"),
        )
