"""Who may change what, enforced by PostgreSQL: roles, grants and row-level security.

Three group roles (no login): ``dx_office`` (the DX office: everything), ``dx_department``
(reads everything; writes only its own initiatives — with their text blocks, KPIs, SDGs and
references —, schedule rows, bars, milestones and progress answers) and ``dx_viewer`` (reads). Login accounts are members of one of them; a
department login names its department(s) in the plan's ``dx_accounts`` table.

An initiative belongs to the department that leads it (``initiative_departments``, role
``lead``); a schedule row to the department that leads the row, or to its initiative's lead.
Updates by a department are checked on the new row (``WITH CHECK``), and the columns that
would move a row to another owner are not granted, so changing another department's row is
refused with an error (``new row violates row-level security policy``), not skipped quietly.
Deleting another department's row deletes nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from dxeditor.store import models as m

OFFICE, DEPARTMENT, VIEWER = "dx_office", "dx_department", "dx_viewer"
ROLES = (OFFICE, DEPARTMENT, VIEWER)
#: Tables with row-level security; the others are written by the office only.
RLS_TABLES = ("initiatives", "text_items", "kpis", "kpi_targets", "kpi_actuals", "initiative_sdgs",
              "plan_references", "schedule_rows", "bars", "milestones", "progress")
#: Columns a department may not update (identity and the link to the owner).
_FIXED = {"initiatives": {"id", "section_id", "position"}, "text_items": {"id", "initiative_id"},
          "kpis": {"id", "initiative_id"}, "kpi_targets": {"id", "kpi_id"}, "kpi_actuals": {"id", "kpi_id"},
          "initiative_sdgs": {"id", "initiative_id"}, "plan_references": {"id", "initiative_id"},
          "schedule_rows": {"id", "initiative_id"},
          "bars": {"id", "row_id"}, "milestones": {"id", "row_id"}, "progress": {"id", "initiative_id", "row_id"}}


def create_roles(conn: Connection) -> None:
    """Create the three group roles where missing (needs CREATEROLE)."""
    for role in ROLES:
        conn.execute(text(f"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN;
                END IF;
            END $$"""))


def grant_bookkeeping(conn: Connection) -> None:
    """Everyone reads the list of plans; the office publishes plans (creates schemas)."""
    conn.execute(text(f"GRANT USAGE ON SCHEMA dxeditor TO {', '.join(ROLES)}"))
    conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA dxeditor TO {', '.join(ROLES)}"))
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON dxeditor.plans TO {OFFICE}"))
    db = conn.execute(text("SELECT current_database()")).scalar_one()
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{db}" TO {", ".join(ROLES)}'))
    conn.execute(text(f'GRANT CREATE ON DATABASE "{db}" TO {OFFICE}'))


def _policy_functions(conn: Connection, schema: str) -> None:
    s = f'"{schema}"'
    conn.execute(text(f"""
        CREATE FUNCTION {s}.dx_my_initiative(iid integer) RETURNS boolean
        LANGUAGE sql STABLE AS $$
            SELECT EXISTS (
                SELECT 1 FROM {s}.initiative_departments d
                JOIN {s}.dx_accounts a ON a.department_id = d.department_id
                WHERE d.initiative_id = iid AND d.role = 'lead' AND a.db_user = session_user)
        $$"""))
    conn.execute(text(f"""
        CREATE FUNCTION {s}.dx_my_row(rid integer) RETURNS boolean
        LANGUAGE sql STABLE AS $$
            SELECT EXISTS (
                SELECT 1 FROM {s}.row_departments d
                JOIN {s}.dx_accounts a ON a.department_id = d.department_id
                WHERE d.row_id = rid AND d.role = 'lead' AND a.db_user = session_user)
            OR EXISTS (
                SELECT 1 FROM {s}.schedule_rows r WHERE r.id = rid AND {s}.dx_my_initiative(r.initiative_id))
        $$"""))


def _owner_check(schema: str, table: str) -> str:
    """The SQL condition: the department of the session's user owns this row of ``table``."""
    s = f'"{schema}"'
    by_kpi = f"EXISTS (SELECT 1 FROM {s}.kpis k WHERE k.id = kpi_id AND {s}.dx_my_initiative(k.initiative_id))"
    return {
        "initiatives": f"{s}.dx_my_initiative(id)",
        "text_items": f"{s}.dx_my_initiative(initiative_id)",
        "kpis": f"{s}.dx_my_initiative(initiative_id)",
        "initiative_sdgs": f"{s}.dx_my_initiative(initiative_id)",
        "plan_references": f"{s}.dx_my_initiative(initiative_id)",
        "kpi_targets": by_kpi,
        "kpi_actuals": by_kpi,
        "schedule_rows": f"{s}.dx_my_row(id)",
        "bars": f"{s}.dx_my_row(row_id)",
        "milestones": f"{s}.dx_my_row(row_id)",
        "progress": f"(CASE WHEN row_id IS NOT NULL THEN {s}.dx_my_row(row_id) "
                    f"ELSE {s}.dx_my_initiative(initiative_id) END)",
    }[table]


def secure_plan(conn: Connection, schema: str) -> None:
    """Grants and row-level security policies on plan ``schema``'s tables."""
    s = f'"{schema}"'
    roles = ", ".join(ROLES)
    conn.execute(text(f"GRANT USAGE ON SCHEMA {s} TO {roles}"))
    conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {roles}"))
    conn.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA {s} TO {OFFICE}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {OFFICE}, {DEPARTMENT}"))
    conn.execute(text(f"GRANT INSERT ON {s}.audit_log TO {DEPARTMENT}"))
    # the audit log is append-only for everyone but its owner
    conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {s}.audit_log FROM {OFFICE}"))
    _policy_functions(conn, schema)
    for table in RLS_TABLES:
        t = f"{s}.{table}"
        own = _owner_check(schema, table)
        conn.execute(text(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"CREATE POLICY dx_read ON {t} FOR SELECT USING (true)"))
        conn.execute(text(f"CREATE POLICY dx_office_all ON {t} FOR ALL TO {OFFICE} USING (true) WITH CHECK (true)"))
        columns = ", ".join('"' + c.name + '"' for c in m.Base.metadata.tables[table].c if c.name not in _FIXED[table])
        conn.execute(text(f"GRANT UPDATE ({columns}) ON {t} TO {DEPARTMENT}"))
        conn.execute(text(f"CREATE POLICY dx_department_update ON {t} FOR UPDATE TO {DEPARTMENT} "
                          f"USING (true) WITH CHECK ({own})"))
        if table == "initiatives":
            continue  # the office creates and removes initiatives
        conn.execute(text(f"GRANT INSERT, DELETE ON {t} TO {DEPARTMENT}"))
        insert_check = (f"{s}.dx_my_initiative(initiative_id) OR (parent_id IS NOT NULL AND {s}.dx_my_row(parent_id))"
                        if table == "schedule_rows" else own)
        conn.execute(text(f"CREATE POLICY dx_department_insert ON {t} FOR INSERT TO {DEPARTMENT} "
                          f"WITH CHECK ({insert_check})"))
        conn.execute(text(f"CREATE POLICY dx_department_delete ON {t} FOR DELETE TO {DEPARTMENT} USING ({own})"))
