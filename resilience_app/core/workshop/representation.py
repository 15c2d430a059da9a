"""Who was in the room: each sector's share against the share the content asks for, and the balances.

A sector is *missing* with no participant, *thin* below its minimum share of the participants
(rounded up to whole people), *present* otherwise. The women and youth balances count the
participants who gave their gender or age band; with none given, the balance is *unknown*.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from resilience_app.core.content.model import BalanceCheck, Sector
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _
from resilience_app.core.workshop.labels import YOUTH_BANDS, own_sector
from resilience_app.core.workshop.records import ParticipantDraft

Status = Literal["missing", "thin", "present", "unknown"]


@dataclass(frozen=True)
class SectorPresence:
    sector: str  # a content sector id or an own sector ("own:" + name)
    count: int
    share: float  # of all participants
    needed: int  # participants the minimum share asks for (0 for the workshop's own sectors)
    status: Status
    gap: Sector | None  # the content sector, with what the field warns of; None for own sectors


@dataclass(frozen=True)
class BalancePresence:
    check: BalanceCheck
    count: int
    known: int  # participants who gave the detail the balance needs
    status: Status

    @property
    def share(self) -> float | None:
        return self.count / self.known if self.known else None


@dataclass(frozen=True)
class Representation:
    total: int
    sectors: list[SectorPresence]
    balances: list[BalancePresence]

    @property
    def gaps(self) -> list[SectorPresence]:
        """Missing sectors, then thin ones, each in content order."""
        return [entry for status in ("missing", "thin") for entry in self.sectors if entry.status == status and entry.gap is not None]


def presence_text(entry: SectorPresence) -> str:
    """The sector's status in words: "Missing", "Thin: 2 of the 4 the minimum share asks for", "Present"."""
    if entry.status == "missing":
        return _("Missing")
    if entry.status == "thin":
        return _("Thin: {count} of the {needed} the minimum share asks for").format(count=format_number(entry.count), needed=format_number(entry.needed))
    return _("Present")


def _needed(total: int, minimum_share: float) -> int:
    return max(1, math.ceil(total * minimum_share / 100 - 1e-9))


def _status(count: int, needed: int) -> Status:
    if count == 0:
        return "missing"
    return "thin" if count < needed else "present"


def check_representation(
    participants: Sequence[ParticipantDraft], sectors: Sequence[Sector], balances: Sequence[BalanceCheck], own_sectors: Sequence[str] = ()
) -> Representation:
    total = len(participants)
    counts = Counter(participant.sector for participant in participants)
    presences = []
    for sector in sectors:
        needed = _needed(total, sector.minimum_share)
        presences.append(SectorPresence(sector.id, counts[sector.id], counts[sector.id] / total if total else 0.0, needed, _status(counts[sector.id], needed), sector))
    for name in own_sectors:
        count = counts[own_sector(name)]
        presences.append(SectorPresence(own_sector(name), count, count / total if total else 0.0, 0, "present" if count else "missing", None))
    return Representation(total, presences, [_balance(check, participants) for check in balances])


def _balance(check: BalanceCheck, participants: Sequence[ParticipantDraft]) -> BalancePresence:
    if check.id == "women":
        known = [participant for participant in participants if participant.gender]
        count = sum(participant.gender == "woman" for participant in known)
    else:
        known = [participant for participant in participants if participant.age_band]
        count = sum(participant.age_band in YOUTH_BANDS for participant in known)
    if not known:
        return BalancePresence(check, 0, 0, "unknown")
    return BalancePresence(check, count, len(known), _status(count, _needed(len(known), check.minimum_share)))
