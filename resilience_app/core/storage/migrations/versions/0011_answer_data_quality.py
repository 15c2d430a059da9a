"""The quality of each answer's data: the kind of source, the year the data describe, and their scale.

All three are optional; every answer of an older database states none of them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns without a server default: SQLite adds them in place, so the answers table is not copied.
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("source_kind", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("data_year", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("data_scale", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("data_scale")
        batch.drop_column("data_year")
        batch.drop_column("source_kind")
