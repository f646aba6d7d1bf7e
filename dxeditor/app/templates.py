"""The plans a new document can start from: blank, the demo plan and the bundled templates.

Templates are data: ``resources/demo/otaru.json`` is the demo (opened from its built plan file
``otaru.dxplan`` when that is current), and every
``resources/templates/NAME.json`` is a template named NAME (the example plans entered from
published plans among them; ``examples.json`` lists those for the gallery). A template other than the demo
gets a fresh plan uid, so two plans made from one template are two plans.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from dxeditor.core import paths
from dxeditor.core.errors import DxError

if TYPE_CHECKING:  # the database layer loads when a template is opened, not with the command line
    from dxeditor.store.document import PlanDocument

BLANK = "blank"
DEMO = "demo"


def template_names() -> list[str]:
    """The names ``dxeditor new --template`` accepts: blank, demo, and every bundled template."""
    return [BLANK, DEMO, *paths.template_names()]


def open_template(name: str) -> PlanDocument:
    """A new unsaved document from the template ``name`` (see :func:`template_names`)."""
    from dxeditor.store.document import PlanDocument

    if name == BLANK:
        doc = PlanDocument.create()
    else:
        doc = _from_template(name)
    doc.setup_done()  # a crash before the first edit leaves nothing to recover: the template is still there
    return doc


def _from_template(name: str) -> PlanDocument:
    from dxeditor.store.document import PlanDocument

    if name == DEMO:  # built once by resources/demo/build_demo.py: no import at the first start
        built = PlanDocument.create_from_built(paths.demo_plan_built())
        if built is not None:
            return built
    src = paths.demo_plan_json() if name == DEMO else paths.template_json(name)
    if name not in template_names() or not src.exists():
        raise DxError(f"ひな形「{name}」はありません（{'、'.join(template_names())}）。",
                      f"There is no template {name!r} ({', '.join(template_names())}).")
    from dxeditor.formats.json import io as json_io

    data = json_io.load_json_file(src)
    if name != DEMO:
        data["plan"]["uid"] = uuid.uuid4().hex
    return json_io.import_data(data, str(src))
