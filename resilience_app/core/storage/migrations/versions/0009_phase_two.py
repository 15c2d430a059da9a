"""What Phase II must work on: each discovery area's questions, data needed and partners; the next steps.

The three texts the CRO fills on a discovery area start empty. A next step belongs to an assessment
(removed with it) and may name the discovery area it serves (it stays, naming none, when the area goes).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

AREA_TEXTS = ("questions", "data_needed", "partners")


def upgrade() -> None:
    with op.batch_alter_table("discovery_areas") as batch:
        for column in AREA_TEXTS:
            batch.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "next_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=500), nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], name=op.f("fk_next_steps_assessment_id_assessments"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["area_id"], ["discovery_areas.id"], name=op.f("fk_next_steps_area_id_discovery_areas"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_steps")),
    )
    with op.batch_alter_table("next_steps") as batch:
        batch.create_index(batch.f("ix_next_steps_assessment_id"), ["assessment_id"], unique=False)


def downgrade() -> None:
    op.drop_table("next_steps")
    with op.batch_alter_table("discovery_areas") as batch:
        for column in reversed(AREA_TEXTS):
            batch.drop_column(column)
