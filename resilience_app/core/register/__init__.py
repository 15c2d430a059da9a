"""The shocks and stresses register: rating, interconnections and prioritisation (pure functions)."""

from resilience_app.core.register.ranking import (
    TRENDS,
    Link,
    RankedItem,
    RankOverride,
    RatedItem,
    connectedness,
    most_connected,
    rank_items,
)

__all__ = ["TRENDS", "Link", "RankOverride", "RankedItem", "RatedItem", "connectedness", "most_connected", "rank_items"]
