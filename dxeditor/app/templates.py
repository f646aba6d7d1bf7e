"""The plans a new document can start from: blank, the demo plan and the bundled templates.

Templates are data: ``resources/demo/otaru.json`` is the demo, and every
``resources/templates/NAME.json`` is a template named NAME. A template other than the demo
gets a fresh plan uid, so two plans made from one template are two plans.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from dxeditor.core import paths
from dxeditor.core.errors import DxError
from dxeditor.store.document import PlanDocument

BLANK = "blank"
DEMO = "demo"


def template_files() -> dict[str, Path]:
    """Every template with a JSON file, by name (the demo first)."""
    found = {DEMO: paths.demo_plan_json()}
    folder = paths.resources() / "templates"
    if folder.is_dir():
        found.update({p.stem: p for p in sorted(folder.glob("*.json"))})
    return found


def template_names() -> list[str]:
    """The names ``dxeditor new --template`` accepts."""
    return [BLANK, *template_files()]


def open_template(name: str) -> PlanDocument:
    """A new unsaved document from the template ``name`` (see :func:`template_names`)."""
    from dxeditor.formats.json import io as json_io

    if name == BLANK:
        return PlanDocument.create()
    src = template_files().get(name)
    if src is None:
        raise DxError(f"ひな形「{name}」はありません。", f"There is no template {name!r}.")
    data = json_io.load_json_file(src)
    if name != DEMO:
        data["plan"]["uid"] = uuid.uuid4().hex
    return json_io.import_data(data, str(src))
