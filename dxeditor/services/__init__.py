"""Operations that change a plan (each one transaction, recorded for undo), import and export."""
