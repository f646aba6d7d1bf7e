"""File formats the plan is read from and written to: JSON interchange, workbooks, department lists, clipboard text."""
