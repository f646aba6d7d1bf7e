"""compare notes (備考 of the 新旧対照表)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compare_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("before_label", sa.Text(), nullable=False),
        sa.Column("after_label", sa.Text(), nullable=False),
        sa.Column("change_key", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compare_notes")),
    )


def downgrade() -> None:
    op.drop_table("compare_notes")
