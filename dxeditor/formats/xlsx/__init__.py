"""Workbooks: the XlsxWriter export (write/) and the openpyxl import of workbooks (read/)."""
