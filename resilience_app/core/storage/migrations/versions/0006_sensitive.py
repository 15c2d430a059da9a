"""The "sensitive" marks: answers, register items, and the notes of assessments and workshops.

Content marked sensitive stays out of the brief unless the user includes it when exporting.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MARKS = (("answers", "sensitive"), ("register_items", "sensitive"), ("assessments", "notes_sensitive"), ("workshops", "notes_sensitive"))


def upgrade() -> None:
    for table, column in MARKS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(column, sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    for table, column in reversed(MARKS):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
