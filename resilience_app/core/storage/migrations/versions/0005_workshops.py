"""Workshops: participants, groups, sessions, exercises, what each group entered, and room ratings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _key(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete)


def _table(table: str, *columns: sa.schema.SchemaItem) -> None:
    op.create_table(table, sa.Column("id", sa.Integer(), nullable=False), *columns, sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")))


def _index(table: str, column: str, unique: bool = False) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_index(batch.f(f"ix_{table}_{column}"), [column], unique=unique)


def upgrade() -> None:
    _table(
        "workshops",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("own_sectors", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        _key("workshops", "assessment_id", "assessments"),
    )
    _index("workshops", "assessment_id")
    _table(
        "workshop_groups",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        _key("workshop_groups", "workshop_id", "workshops"),
    )
    _index("workshop_groups", "workshop_id")
    _table(
        "participants",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("sector", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("age_band", sa.String(length=20), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        _key("participants", "workshop_id", "workshops"),
        _key("participants", "group_id", "workshop_groups", ondelete="SET NULL"),
    )
    _index("participants", "workshop_id")
    _table(
        "workshop_sessions",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        _key("workshop_sessions", "workshop_id", "workshops"),
    )
    _index("workshop_sessions", "workshop_id")
    _table(
        "exercises",
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("dots_per_group", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        _key("exercises", "workshop_id", "workshops"),
        _key("exercises", "session_id", "workshop_sessions"),
    )
    _index("exercises", "workshop_id")
    _table(
        "dot_votes",
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.String(length=100), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        _key("dot_votes", "exercise_id", "exercises"),
        _key("dot_votes", "group_id", "workshop_groups"),
        sa.UniqueConstraint("exercise_id", "group_id", "goal_id", name="uq_dot_votes_exercise_group_goal"),
    )
    _index("dot_votes", "exercise_id")
    _table(
        "group_ratings",
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=True),
        sa.Column("impact", sa.Integer(), nullable=True),
        _key("group_ratings", "exercise_id", "exercises"),
        _key("group_ratings", "group_id", "workshop_groups"),
        _key("group_ratings", "item_id", "register_items"),
        sa.UniqueConstraint("exercise_id", "group_id", "item_id", name="uq_group_ratings_exercise_group_item"),
    )
    _index("group_ratings", "exercise_id")
    _table(
        "room_ratings",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("likelihood", sa.Float(), nullable=False),
        sa.Column("impact", sa.Float(), nullable=False),
        sa.Column("groups", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        _key("room_ratings", "item_id", "register_items"),
        _key("room_ratings", "exercise_id", "exercises"),
        sa.UniqueConstraint("item_id", name=op.f("uq_room_ratings_item_id")),
    )
    _index("room_ratings", "exercise_id")


def downgrade() -> None:
    for table in ("room_ratings", "group_ratings", "dot_votes", "exercises", "workshop_sessions", "participants", "workshop_groups", "workshops"):
        op.drop_table(table)
