"""Alt text for charts and tables, made from their data when the outline gives none."""

from __future__ import annotations

from ..locale import ENGLISH_NUMBERS, NumberStyle
from ..model import Chart, Table
from . import markup

KIND_NAMES = {"bar": "Bar chart", "column": "Column chart", "line": "Line chart",
              "pie": "Pie chart", "doughnut": "Doughnut chart"}
MAX_ALT_CHARS = 1000
"""Longer generated alt text is cut here: a screen reader reads it in one go."""


def _number(value: float | None, numbers: NumberStyle) -> str:
    if value is None:
        return "no value"
    return numbers.write(f"{value:g}")


def chart(value: Chart, title: str, numbers: NumberStyle = ENGLISH_NUMBERS) -> str:
    """Return the alt text of ``value`` shown under ``title``: the outline's ``alt``, else
    its type, title, each series' value per category and the unit.

    The values are written in the ``numbers`` style of the outline's language; where that
    has a decimal comma, a semicolon parts one category's value from the next ('North 10;
    South 12,5').
    """
    if value.alt:
        return markup.plain(value.alt)
    head = KIND_NAMES[value.type] + (f": {markup.plain(title)}" if title else "")
    unit = f" ({markup.plain(value.unit)})" if value.unit else ""
    cats = [markup.plain(c) for c in value.categories]
    parts = [head + unit + "."]
    for series in value.series:
        pairs = ("; " if numbers.decimal == "," else ", ").join(
            f"{c} {_number(v, numbers)}" for c, v in zip(cats, series.values, strict=True))
        parts.append(f"{markup.plain(series.name)}: {pairs}.")
    return _cut(" ".join(parts))


def table(value: Table | None, title: str, header: list[str], rows: int) -> str:
    """Return the alt text of a table under ``title`` with ``header`` and ``rows`` body rows:
    the outline's ``alt`` if given, else its title, size and header cells."""
    if value is not None and value.alt:
        return markup.plain(value.alt)
    cols = len(header)
    head = f"Table: {markup.plain(title)}" if title else "Table"
    size = (f"{rows} row{'s' if rows != 1 else ''} by {cols} column"
            f"{'s' if cols != 1 else ''}")
    names = ", ".join(markup.plain(h) for h in header if markup.plain(h))
    return _cut(f"{head}, {size}" + (f"; columns: {names}." if names else "."))


def _cut(value: str) -> str:
    return value if len(value) <= MAX_ALT_CHARS else value[:MAX_ALT_CHARS - 1] + "…"
