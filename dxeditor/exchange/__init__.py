"""Exchanges with departments: inquiry (照会) workbooks out, answers (回答) back in."""
