"""The Excel export (XlsxWriter): schedule table and list sheets, print set-up."""
