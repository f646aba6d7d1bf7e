"""The plan's tables (SQLAlchemy 2.0, typed).

Every table has an integer primary key ``id`` so that one generic change recorder
(:mod:`dxeditor.plan.changes`) can insert, update, delete and undo any row.
Order among siblings is an explicit ``position``. Months are absolute month indexes
(``fy * 12 + k``, k = 0 for April; see :mod:`dxeditor.core.fiscal`).

Foreign keys carry no ``ON DELETE`` action on purpose: deletes go through the
recorder, which removes (and remembers) children first, so undo can restore them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a stable constraint naming convention (for migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class Meta(Base):
    """Key/value facts about the file itself (format marker, creating program)."""

    __tablename__ = "dx_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Plan(Base):
    """The plan's metadata (exactly one row, id = 1)."""

    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    subtitle: Mapped[str] = mapped_column(Text, default="")
    municipality: Mapped[str] = mapped_column(Text, default="")
    issuing_department: Mapped[str] = mapped_column(Text, default="")
    version_label: Mapped[str] = mapped_column(Text, default="")
    formulation_date: Mapped[str] = mapped_column(Text, default="")  # as printed: 令和5年11月
    period_start_fy: Mapped[int] = mapped_column(Integer)
    period_end_fy: Mapped[int] = mapped_column(Integer)
    period_label: Mapped[str] = mapped_column(Text, default="")  # free text override: 令和3年11月〜令和8年3月
    year_style: Mapped[str] = mapped_column(String(16), default="short")
    numbering_style: Mapped[str] = mapped_column(String(16), default="paren")
    basic_philosophy: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The rating scale of the yearly review as JSON ([{"key", "name", "color"}]); "" = the default A–D
    # (see dxeditor.core.achievement.DEFAULT_RATINGS).
    rating_scale: Mapped[str] = mapped_column(Text, default="")


class Chapter(Base):
    """Plan-level prose: はじめに, 基本理念, 推進体制, 参考 … (nestable; before or after the initiatives)."""

    __tablename__ = "chapters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("chapters.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    placement: Mapped[str] = mapped_column(String(8), default="front")  # front / back of the outline
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # paragraphs separated by blank lines


class Phase(Base):
    """A phase kind of bars (検討, 準備・構築, 実施, 継続, その他, or user-defined)."""

    __tablename__ = "phases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    color: Mapped[str] = mapped_column(String(16), default="#9e9e9e")
    pattern: Mapped[str] = mapped_column(String(32), default="solid")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Department(Base):
    """A department (部 / 課 / 係) in the organisation tree, valid over a span of fiscal years."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(8), default="課")  # 部 / 課 / 係 / 室 …
    name: Mapped[str] = mapped_column(Text)  # the name from valid_from_fy until the first rename
    code: Mapped[str] = mapped_column(String(32), default="")
    valid_from_fy: Mapped[int | None] = mapped_column(Integer)
    valid_to_fy: Mapped[int | None] = mapped_column(Integer)  # last fiscal year it exists
    note: Mapped[str] = mapped_column(Text, default="")


class DepartmentName(Base):
    """A rename: the department is called ``name`` from ``valid_from_fy`` on."""

    __tablename__ = "department_names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    valid_from_fy: Mapped[int] = mapped_column(Integer)


class DepartmentLink(Base):
    """A reorganisation: ``predecessor`` continues as ``successor`` from ``fiscal_year`` (merge / split)."""

    __tablename__ = "department_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    successor_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="merge")  # merge / split


class Section(Base):
    """An outline section: 基本方針 / 柱 / グループ, nestable."""

    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="group")  # policy / pillar / group
    number_label: Mapped[str] = mapped_column(Text, default="")  # manual number; "" = automatic
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Initiative(Base):
    """An initiative (取組事項) with its text blocks, KPIs, SDGs, references and schedule rows."""

    __tablename__ = "initiatives"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    number_label: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    national_category: Mapped[str] = mapped_column(String(16), default="")  # focus / together / optional / system
    national_number: Mapped[int | None] = mapped_column(Integer)
    national_target_fy: Mapped[int | None] = mapped_column(Integer)
    national_target_text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class InitiativeSdg(Base):
    """An SDGs goal (1–17) an initiative contributes to."""

    __tablename__ = "initiative_sdgs"
    __table_args__ = (UniqueConstraint("initiative_id", "goal"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    goal: Mapped[int] = mapped_column(Integer)


class InitiativeDepartment(Base):
    """A department responsible for an initiative: one ``lead`` (主管), any ``related`` (関係課)."""

    __tablename__ = "initiative_departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="related")
    position: Mapped[int] = mapped_column(Integer, default=0)


class TextItem(Base):
    """One bullet (or paragraph) of an initiative's text block, with its nesting level.

    ``block`` is ``current`` (現状と課題), ``direction`` (取組の方向性) or ``content`` (取組内容).
    """

    __tablename__ = "text_items"
    __table_args__ = (Index("ix_text_items_owner", "initiative_id", "block", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"))
    block: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer, default=0)
    bullet: Mapped[bool] = mapped_column(Boolean, default=True)
    text: Mapped[str] = mapped_column(Text, default="")


class Kpi(Base):
    """A KPI (成果目標) of an initiative."""

    __tablename__ = "kpis"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text, default="")
    baseline_text: Mapped[str] = mapped_column(Text, default="")
    baseline_value: Mapped[float | None] = mapped_column(Float)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_text: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    deadline_fy: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    lower_is_better: Mapped[bool] = mapped_column(Boolean, default=False)  # e.g. 待ち時間, 紙の申請件数


class KpiTarget(Base):
    """The target of a KPI for one fiscal year: the path towards the final target (年度別目標)."""

    __tablename__ = "kpi_targets"
    __table_args__ = (UniqueConstraint("kpi_id", "fiscal_year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpis.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text, default="")  # when the year's target is a sentence


class KpiActual(Base):
    """The measured value of a KPI in a fiscal year (進行管理)."""

    __tablename__ = "kpi_actuals"
    __table_args__ = (UniqueConstraint("kpi_id", "fiscal_year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpis.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class Reference(Base):
    """A legal or policy basis / related plan (根拠・関連計画) of an initiative."""

    __tablename__ = "plan_references"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    date_text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ScheduleRow(Base):
    """A row of a schedule table (工程表): belongs to an initiative, may be a sub-row of another row."""

    __tablename__ = "schedule_rows"
    __table_args__ = (Index("ix_schedule_rows_owner", "initiative_id", "parent_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_rows.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    national_target_fy: Mapped[int | None] = mapped_column(Integer)
    national_target_text: Mapped[str] = mapped_column(Text, default="")


class RowDepartment(Base):
    """A department responsible for a schedule row (lead / related)."""

    __tablename__ = "row_departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("schedule_rows.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="related")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Bar(Base):
    """A bar (工程) in a schedule row: inclusive month span, label drawn inside, phase, lane."""

    __tablename__ = "bars"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("schedule_rows.id"), index=True)
    lane: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(64), default="")
    continues: Mapped[bool] = mapped_column(Boolean, default=False)  # arrow past the period
    note: Mapped[str] = mapped_column(Text, default="")


class Milestone(Base):
    """A milestone (節目, ◆ with a label) in a schedule row."""

    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("schedule_rows.id"), index=True)
    lane: Mapped[int] = mapped_column(Integer, default=0)
    month: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")


class Progress(Base):
    """Progress of an initiative or a schedule row in one fiscal year (進行管理)."""

    __tablename__ = "progress"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    initiative_id: Mapped[int | None] = mapped_column(ForeignKey("initiatives.id"), index=True)
    row_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_rows.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="")  # not_started / on_track / done / delayed / stopped
    comment: Mapped[str] = mapped_column(Text, default="")
    # The yearly review (進捗評価): a key of the plan's rating scale ("" = not rated) and three texts.
    rating: Mapped[str] = mapped_column(String(16), default="")
    results: Mapped[str] = mapped_column(Text, default="")  # 実績・成果
    issues: Mapped[str] = mapped_column(Text, default="")  # 課題
    direction: Mapped[str] = mapped_column(Text, default="")  # 今後の方向性
    entered_by: Mapped[str] = mapped_column(Text, default="")  # who entered it (user or 照会回答の部署)
    entered_at: Mapped[str] = mapped_column(String(32), default="")  # ISO 8601, UTC


class GlossaryTerm(Base):
    """A glossary term (用語解説) with its reading for kana order."""

    __tablename__ = "glossary"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(Text)
    reading: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Who changed what and when (never undone; the log of the document's history)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601, UTC
    user: Mapped[str] = mapped_column(Text, default="")
    host: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")  # the command's name, as shown in Edit ▸ Undo
    entity: Mapped[str] = mapped_column(Text, default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON


class PlanVersion(Base):
    """A named version (版) of the plan: the whole plan as it was, kept inside the file.

    ``snapshot`` is the plan's JSON interchange form (without versions), compressed: a
    version is read only to compare, print or restore it, never edited.
    """

    __tablename__ = "plan_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(Text, default="")  # Ver.1.0
    date_text: Mapped[str] = mapped_column(Text, default="")  # as printed: 令和4年3月策定
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32), default="")  # ISO 8601, UTC
    created_by: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[bytes] = mapped_column(LargeBinary)


class CompareNote(Base):
    """A 備考 typed for one change of a comparison (新旧対照表) between two sides, by their labels."""

    __tablename__ = "compare_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    before_label: Mapped[str] = mapped_column(Text, default="")
    after_label: Mapped[str] = mapped_column(Text, default="")
    change_key: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")


# Tables that hold the plan's content, in dependency order (parents first).
CONTENT_TABLES = [
    Plan.__table__,
    Chapter.__table__,
    Phase.__table__,
    Department.__table__,
    DepartmentName.__table__,
    DepartmentLink.__table__,
    Section.__table__,
    Initiative.__table__,
    InitiativeSdg.__table__,
    InitiativeDepartment.__table__,
    TextItem.__table__,
    Kpi.__table__,
    KpiTarget.__table__,
    KpiActual.__table__,
    Reference.__table__,
    ScheduleRow.__table__,
    RowDepartment.__table__,
    Bar.__table__,
    Milestone.__table__,
    Progress.__table__,
    GlossaryTerm.__table__,
]

TEXT_BLOCKS = ("current", "direction", "content")
TEXT_BLOCK_NAMES = {"current": "現状と課題", "direction": "取組の方向性", "content": "取組内容"}
NATIONAL_CATEGORIES = {
    "system": "推進体制の構築",
    "focus": "重点取組事項",
    "together": "自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組",
    "optional": "必要に応じ実施を検討する取組",
}
PROGRESS_STATUSES = {
    "not_started": "未着手",
    "on_track": "順調",
    "done": "完了",
    "delayed": "遅延",
    "stopped": "中止",
}
DEFAULT_PHASES = [
    # key, name, colour, pattern (distinct in black and white too)
    ("study", "検討", "#8fb8de", "diagonal"),
    ("build", "準備・構築", "#f2c46d", "cross"),
    ("run", "実施", "#7cc48a", "solid"),
    ("continue", "継続", "#b9d9a8", "dots"),
    ("other", "その他", "#c8c8c8", "horizontal"),
]
