"""Use cases shared by the command line and the GUI: templates, open/import/export runs."""
