"""Loads the Windows-semantics layer into child processes of a ``--windows-semantics`` test run.

``tests/conftest.py`` puts this folder on ``PYTHONPATH`` and names the temp root in
``DXEDITOR_WINDOWS_SEMANTICS_ROOT``; every Python started by a test (the CLI, a second
dxeditor, a killed writer) then runs under the same rules as the test itself.
"""

import os
import sys

_root = os.environ.get("DXEDITOR_WINDOWS_SEMANTICS_ROOT")
if _root:
    _repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if _repo not in sys.path:
        sys.path.append(_repo)
    from tests import winsem

    winsem.install(_root)
