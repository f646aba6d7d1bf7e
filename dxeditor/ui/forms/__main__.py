"""Regenerate the form modules: ``python -m dxeditor.ui.forms``."""

from dxeditor.ui.forms import main

main()
