"""Markdown tables of the results."""

import math


def format_cell(value, digits=2):
    """Floats with DIGITS decimals (NaN as ``n/a``), anything else as str."""
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


def markdown_table(columns, rows, digits=2):
    """A GitHub markdown table; ROWS are sequences in COLUMNS order."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(format_cell(v, digits) for v in row) + " |" for row in rows]
    return "\n".join(lines)
