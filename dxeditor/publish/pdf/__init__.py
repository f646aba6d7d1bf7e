"""PDF export: schedule table, initiative sheets, the booklet; layout as display lists, rendering with reportlab."""
