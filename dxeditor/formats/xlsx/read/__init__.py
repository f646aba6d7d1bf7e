"""Reading workbooks (openpyxl): our own exports back, and municipal 工程表 recognised."""
