"""Printed output: bundled fonts and the PDF writer."""
