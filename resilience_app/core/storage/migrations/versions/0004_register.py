"""The shocks and stresses register, its interconnections, the actions inventory and discovery areas.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    ]


def _belongs_to_assessment(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], name=op.f(f"fk_{table}_assessment_id_assessments"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _index_assessment(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_index(batch.f(f"ix_{table}_assessment_id"), ["assessment_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "register_items",
        *_belongs_to_assessment("register_items"),
        sa.Column("hazard_id", sa.String(length=100), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_ar", sa.String(length=200), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=True),
        sa.Column("impact", sa.Integer(), nullable=True),
        sa.Column("trend", sa.String(length=10), nullable=False),
        sa.Column("scenario_probable", sa.Text(), nullable=False),
        sa.Column("scenario_severe", sa.Text(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("systems", sa.Text(), nullable=False),
        sa.Column("groups_affected", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("override_rank", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        *_timestamps(),
    )
    _index_assessment("register_items")
    op.create_table(
        "register_links",
        *_belongs_to_assessment("register_links"),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["register_items.id"], name=op.f("fk_register_links_source_id_register_items"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["register_items.id"], name=op.f("fk_register_links_target_id_register_items"), ondelete="CASCADE"),
        sa.UniqueConstraint("source_id", "target_id", name="uq_register_links_source_target"),
    )
    _index_assessment("register_links")
    op.create_table(
        "actions",
        *_belongs_to_assessment("actions"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("timeframe", sa.String(length=100), nullable=False),
        sa.Column("budget_source", sa.String(length=300), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        sa.Column("qualities", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_timestamps(),
    )
    _index_assessment("actions")
    op.create_table(
        "discovery_areas",
        *_belongs_to_assessment("discovery_areas"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        *_timestamps(),
    )
    _index_assessment("discovery_areas")


def downgrade() -> None:
    for table in ("discovery_areas", "actions", "register_links", "register_items"):
        op.drop_table(table)
