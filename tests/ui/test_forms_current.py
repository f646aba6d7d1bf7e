"""The generated form modules match their Designer files (regenerate with ``python -m dxeditor.ui.forms``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxeditor.ui import forms


@pytest.mark.parametrize(("ui_name", "py_name"), sorted(forms.FORMS.items()))
def test_generated_form_is_current(ui_name: str, py_name: str) -> None:
    stored = (Path(forms.__file__).parent / py_name).read_text(encoding="utf-8")
    assert stored.startswith("# GENERATED FILE - DO NOT EDIT.")
    fresh = forms.generate(ui_name)
    assert forms.strip_header(stored) == forms.strip_header(fresh), (
        f"dxeditor/ui/forms/{py_name} is stale: run `python -m dxeditor.ui.forms`")
