"""Contributions: contributors, their assigned questions, the workbooks sent to them and the answers they gave.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _key(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE")


def _index(table: str, column: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_index(batch.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "contributors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=300), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        _key("contributors", "assessment_id", "assessments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributors")),
    )
    _index("contributors", "assessment_id")
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contributor_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=False),
        _key("assignments", "contributor_id", "contributors"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint("contributor_id", "question_id", name="uq_assignments_contributor_question"),
    )
    _index("assignments", "contributor_id")
    op.create_table(
        "workbooks",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("contributor_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("question_ids", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        _key("workbooks", "contributor_id", "contributors"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workbooks")),
    )
    _index("workbooks", "contributor_id")
    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contributor_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("numeric_value", sa.String(length=50), nullable=True),
        sa.Column("confidence", sa.String(length=10), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("workbook_id", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        _key("contributions", "contributor_id", "contributors"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
        sa.UniqueConstraint("contributor_id", "question_id", name="uq_contributions_contributor_question"),
    )
    _index("contributions", "contributor_id")


def downgrade() -> None:
    for table in ("contributions", "workbooks", "assignments", "contributors"):
        op.drop_table(table)
