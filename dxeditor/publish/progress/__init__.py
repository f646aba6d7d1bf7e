"""The progress report (進捗状況報告) as PDF (reportlab, with reportlab.graphics charts)."""
