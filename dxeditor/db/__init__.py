"""SQLAlchemy models and the plan document (open, working copy, atomic save, migrations)."""
