"""A stress is rated on its severity and its trend, not on its likelihood: a chronic stress is always "almost certain",
so its likelihood told nothing.

The columns stay: a stress's `impact` now holds its severity (what its impact said, kept as it was) and its `likelihood`
holds its trend rating, 1 easing fast to 5 worsening fast. Each stress's old likelihood is replaced by the rating its
trend gave: rising 4, stable 3, falling 2; a stress whose trend was unknown is left without a trend rating (to rate).
Shocks are untouched.

The downgrade cannot know the likelihoods that were replaced: it leaves the trend ratings where they are.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must keep doing what it did when the app's rules move on.
TREND_RATINGS = {"rising": 4, "stable": 3, "falling": 2}


def upgrade() -> None:
    items = sa.table("register_items", sa.column("kind", sa.String), sa.column("trend", sa.String), sa.column("likelihood", sa.Integer))
    rating = sa.case(*((items.c.trend == trend, level) for trend, level in TREND_RATINGS.items()), else_=sa.null())
    op.execute(items.update().where(items.c.kind == "stress").values(likelihood=rating))


def downgrade() -> None:
    pass
