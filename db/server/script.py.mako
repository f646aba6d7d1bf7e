"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxeditor.store.server.migrate import for_each_plan
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    # the bookkeeping schema: name it (schema="dxeditor")
    # every plan: for_each_plan(step) runs step(schema) with search_path set to the plan's schema;
    # make each plan's tables exactly what dxeditor.store.server.ddl makes for a plan pushed now
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    raise NotImplementedError("the server layout is not downgraded: restore the backup taken before upgrading")
