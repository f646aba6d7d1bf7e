"""progress review: ratings, review texts, yearly KPI targets, rating scale

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kpi_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kpi_id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['kpi_id'], ['kpis.id'], name=op.f('fk_kpi_targets_kpi_id_kpis')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi_targets')),
    sa.UniqueConstraint('kpi_id', 'fiscal_year', name=op.f('uq_kpi_targets_kpi_id'))
    )
    with op.batch_alter_table('kpi_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kpi_targets_kpi_id'), ['kpi_id'], unique=False)
    # Plain ALTER TABLE ADD COLUMN (SQLite does it in place): a batch would copy and drop the tables,
    # which their children's foreign keys refuse. The server defaults fill in the existing rows.
    op.add_column('plan', sa.Column('rating_scale', sa.Text(), nullable=False, server_default=''))
    op.add_column('kpis', sa.Column('lower_is_better', sa.Boolean(), nullable=False, server_default=sa.text('0')))
    for name, kind in (('rating', sa.String(length=16)), ('results', sa.Text()), ('issues', sa.Text()),
                       ('direction', sa.Text()), ('entered_by', sa.Text()), ('entered_at', sa.String(length=32))):
        op.add_column('progress', sa.Column(name, kind, nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('progress', schema=None) as batch_op:
        for name in ('entered_at', 'entered_by', 'direction', 'issues', 'results', 'rating'):
            batch_op.drop_column(name)
    with op.batch_alter_table('kpis', schema=None) as batch_op:
        batch_op.drop_column('lower_is_better')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_column('rating_scale')
    with op.batch_alter_table('kpi_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kpi_targets_kpi_id'))
    op.drop_table('kpi_targets')
