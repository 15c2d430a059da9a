"""The quality of each contribution's data, as the department's workbook gives it: the kind of source, the year
the data describe and their scale, carried to the answer on record when the contribution is taken.

All three are optional; every contribution of an older database states none of them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns without a server default: SQLite adds them in place, so the contributions table is not copied.
    with op.batch_alter_table("contributions") as batch:
        batch.add_column(sa.Column("source_kind", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("data_year", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("data_scale", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contributions") as batch:
        batch.drop_column("data_scale")
        batch.drop_column("data_year")
        batch.drop_column("source_kind")
