"""Rounds of one city's assessment over time, and answers carried over from an earlier round.

An assessment may belong to a series (the rounds share `series_key`, a random text, so no later assessment can
take the key of one deleted), with the round's kind (baseline, mid_term, follow_up) and date. Every assessment
of an older database stands alone, with no round. An answer carried over into a follow-up is marked until a user
saves it again; every answer of an older database was given where it stands.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns without a server default: SQLite adds them in place, so the assessments table (which
    # every feature's rows name) is never copied and dropped.
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("series_key", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("round_kind", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("round_date", sa.Date(), nullable=True))
        batch.create_index(batch.f("ix_assessments_series_key"), ["series_key"], unique=False)
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("carried_over", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("carried_over")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_index(batch.f("ix_assessments_series_key"))
        batch.drop_column("round_date")
        batch.drop_column("round_kind")
        batch.drop_column("series_key")
