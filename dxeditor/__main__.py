"""``python -m dxeditor`` runs the command line (GUI when no command is given)."""

from dxeditor.cli import main

raise SystemExit(main())
