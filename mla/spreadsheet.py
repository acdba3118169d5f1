"""Text bound for a spreadsheet (CSV or XLSX) that the spreadsheet will not run as a formula."""

from __future__ import annotations

# What a spreadsheet reads as the start of a formula (CSV injection): a cell starting with one of
# these runs when the file is opened, whoever typed the text (a request's party name, a label).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def spreadsheet_safe_text(value: object) -> str:
    """``value`` as text, with a leading apostrophe if a spreadsheet would read it as a formula
    (the apostrophe is how spreadsheets themselves mark "this is text")."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text
