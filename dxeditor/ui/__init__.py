"""Qt user interface: main window, item models, schedule view, dialogs."""
