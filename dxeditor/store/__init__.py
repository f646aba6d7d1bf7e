"""The plan's storage: SQLAlchemy models, the plan document (open, working copy, atomic save), locks, raw reads."""
