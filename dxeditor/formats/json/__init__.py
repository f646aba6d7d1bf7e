"""JSON interchange: field specification, checks, import/export, canonical text."""
