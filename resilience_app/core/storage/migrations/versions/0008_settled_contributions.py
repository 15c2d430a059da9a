"""When the CRO settled a contribution: by taking one as the answer on record or by a level agreed.

A disagreement is settled only by those two acts, never by an ordinary edit of the answer on record;
a contribution sent again with a different answer is open again (its mark is cleared).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contributions") as batch:
        batch.add_column(sa.Column("settled_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contributions") as batch:
        batch.drop_column("settled_at")
