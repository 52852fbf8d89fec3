"""What an outline may hold: sizes that keep a build bounded, and values the builders can draw.

Each limit is documented in docs/security.md. The checks run on the parsed data before
validation, so each problem is located at its line like every other outline problem.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

MAX_TEXT = 20_000
"""Most characters in one text value (a paragraph, a title, a cell). A long paragraph is
about 1,500; laying out text costs more than linear time in its length."""
MAX_CHART_POINTS = 1_000
"""Most values one chart may hold (categories x series), so a deck's chart part and the
brief's drawing stay small (each value may carry a label to lay out)."""
MAX_TABLE_COLUMNS = 30
"""Most columns one table may have: more do not fit a slide or a page at a readable size."""
MAX_TABLE_CELLS = 20_000
"""Most cells one table may hold (columns x rows)."""
MAX_CELL = 2_000
"""Most characters in one table cell: a cell must fit on one page of the brief."""
MAX_VALUE = 1e15
"""Largest magnitude of a chart value: Excel keeps 15 significant digits, and the renderers'
axis arithmetic overflows long before Excel's own limit (about 1e308)."""
MAX_NUMBER_FORMAT = 100
"""Longest number format accepted."""
_NUMBER_FORMAT = re.compile(r"^[^<>&\x00-\x1f\x7f]*$")
"""A number format may hold any printable character (a literal '−', '€' or '円' included)
but '<', '>', '&' and controls, which the renderers' markup and the deck's XML take as
their own."""
ZIP_EARLIEST = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
ZIP_LATEST = _dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=_dt.UTC)
"""The range of times a zip entry (and so a .pptx) can store; PDF holds more."""


def findings(data: Any) -> Iterator[tuple[tuple, str]]:
    """Yield (path, message) for every value of the outline ``data`` beyond a limit."""
    for path, value in _walk(data, ()):
        if isinstance(value, str):
            limit = MAX_CELL if _in_table(path) else MAX_TEXT
            if len(value) > limit:
                yield path, (f"text of {len(value):,} characters ('{excerpt(value)}'); expected "
                             f"at most {limit:,}{' in a table cell' if limit == MAX_CELL else ''}"
                             " (split it)")
        elif isinstance(value, dict):
            if "series" in value and "categories" in value:
                yield from _chart(value, path)
            if "columns" in value and "rows" in value:
                yield from _table(value, path)


def problems(document, format_path: Callable[[tuple], str]) -> list:
    """Return a located Problem for every value of a parsed outline ``document`` over a limit."""
    from .errors import located

    return located(document, findings(document.data), format_path)


def excerpt(value: Any, limit: int = 40) -> str:
    """Return ``value`` as text cut to about ``limit`` characters, for quoting in a message."""
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _chart(chart: dict, path: tuple) -> Iterator[tuple[tuple, str]]:
    series = chart.get("series")
    categories = chart.get("categories")
    series = series if isinstance(series, list) else []
    count = len(categories) if isinstance(categories, list) else 0
    points = count * max(len(series), 1)
    if points > MAX_CHART_POINTS:
        yield (*path, "categories"), (f"the chart has {points:,} values ({count:,} categories x "
                                      f"{len(series)} series); expected at most "
                                      f"{MAX_CHART_POINTS:,} (sum or sample the data)")
        return
    pie = chart.get("type") in ("pie", "doughnut")
    fmt = chart.get("number_format")
    if isinstance(fmt, str) and (len(fmt) > MAX_NUMBER_FORMAT or not _NUMBER_FORMAT.match(fmt)):
        yield (*path, "number_format"), (f"'{excerpt(fmt)}' is not a number format this deck can "
                                         "write; expected an Excel format such as 0, 0.0, "
                                         "#,##0 or 0% (no '<', '>' or '&')")
    for i, one in enumerate(series):
        values = one.get("values") if isinstance(one, dict) else None
        if not isinstance(values, list):
            continue
        numbers = []
        for j, value in enumerate(values):
            where = (*path, "series", i, "values", j)
            if isinstance(value, str) and len(value) < 400:  # '1e308' is text in YAML 1.1
                value = _as_number(value)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if isinstance(value, float) and math.isnan(value):
                yield where, ("the value is not a number (.nan); expected a number, or null "
                              "for a gap")
            elif abs(value) > MAX_VALUE:
                yield where, (f"the value {_number(value)} is too large to chart; expected a "
                              f"magnitude of at most {MAX_VALUE:.0e} (change the unit)")
            else:
                numbers.append(value)  # a negative share in a pie is the model's to report
        if pie and len(numbers) == len([v for v in values if v is not None]) and all(
                n == 0 for n in numbers):
            yield (*path, "series", i, "values"), (f"the {chart['type']} chart's values add up "
                                                   "to zero; expected at least one above zero")


def _as_number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def _number(value: int | float) -> str:
    if isinstance(value, float):
        return "infinite" if math.isinf(value) else f"{value:g}"
    digits = int(value.bit_length() * 0.30103) + 1
    return f"of about {digits:,} digits" if digits > 20 else str(value)


def _table(table: dict, path: tuple) -> Iterator[tuple[tuple, str]]:
    columns = table.get("columns")
    rows = table.get("rows")
    width = len(columns) if isinstance(columns, list) else 0
    if width > MAX_TABLE_COLUMNS:
        yield (*path, "columns"), (f"the table has {width:,} columns; expected at most "
                                   f"{MAX_TABLE_COLUMNS} (split it, or turn it around)")
    cells = width * (len(rows) if isinstance(rows, list) else 0)
    if cells > MAX_TABLE_CELLS:
        yield (*path, "rows"), (f"the table has {cells:,} cells; expected at most "
                                f"{MAX_TABLE_CELLS:,} (split it)")


def _in_table(path: tuple) -> bool:
    return "rows" in path or ("columns" in path and "table" in path)


def _walk(value: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, value) for ``value`` and everything in it, with a stack (no recursion)."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), value[i]) for i in range(len(value) - 1, -1, -1))


def too_tall():
    """Return the error Finding for a block of the brief (a table row, a paragraph) that is
    taller than a page, which no page break can place."""
    from .report import Finding

    return Finding(("sections",), "the brief has a table row or block of text taller than a "
                   "page; expected shorter table cells, fewer columns or shorter text",
                   "overflow", "error")


# --- times written into files ------------------------------------------------------------


def file_time(when: _dt.datetime) -> _dt.datetime:
    """Return ``when`` clamped to what a zip entry can store (1980 to 2107), for metadata."""
    return min(max(when, ZIP_EARLIEST), ZIP_LATEST)


def file_time_from_epoch(epoch: int) -> _dt.datetime:
    """Return seconds since 1970 as a time for file metadata, clamped to 1980-2107."""
    low, high = ZIP_EARLIEST.timestamp(), ZIP_LATEST.timestamp()
    return _dt.datetime.fromtimestamp(min(max(epoch, low), high), tz=_dt.UTC)
