"""Everything a brief says, read from the services in one go (the builders never touch storage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resilience_app.core.content.model import Framework, Hazard
from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.register.ranking import Link
from resilience_app.core.register.service import RegisterRanking, ranking_of
from resilience_app.core.scoring.profile import ResilienceProfile
from resilience_app.core.storage.records import AnswerRecord, AssessmentRecord, EvidenceRecord
from resilience_app.core.storage.register_records import (
    ActionRecord,
    DiscoveryAreaRecord,
    RegisterItemRecord,
    RegisterLinkRecord,
)

if TYPE_CHECKING:
    from resilience_app.core.services import ResilienceService


@dataclass(frozen=True)
class BriefData:
    assessment: AssessmentRecord
    framework: Framework
    profile: ResilienceProfile
    answers: Mapping[str, AnswerRecord]
    evidence: Mapping[str, Sequence[EvidenceRecord]]
    items: Mapping[int, RegisterItemRecord]
    item_names: Mapping[int, Mapping[str, str]]  # item id -> language -> name
    links: Sequence[RegisterLinkRecord]
    ranking: RegisterRanking
    actions: Sequence[ActionRecord]
    areas: Sequence[DiscoveryAreaRecord]
    hazards: Mapping[str, Hazard]
    prepared_on: dt.date

    def item_name(self, item_id: int, language: str) -> str:
        return self.item_names.get(item_id, {}).get(language, "")


def collect(service: ResilienceService, assessment_id: int, *, today: dt.date | None = None) -> BriefData:
    record = service.get_assessment(assessment_id)
    register = service.register
    items = register.items(assessment_id)
    links = register.links(assessment_id)
    return BriefData(
        assessment=record,
        framework=service.framework(record.framework_id),
        profile=service.profile(assessment_id),
        answers=service.answers(assessment_id),
        evidence=service.evidence(assessment_id),
        items={item.id: item for item in items},
        item_names={item.id: {lang: register.item_name(item, lang) for lang in SUPPORTED_LANGUAGES} for item in items},
        links=links,
        ranking=ranking_of(items, [Link(link.source_id, link.target_id) for link in links]),  # from what is read already
        actions=register.actions(assessment_id),
        areas=register.areas(assessment_id),
        hazards=register.catalogue,
        prepared_on=today or dt.date.today(),
    )
