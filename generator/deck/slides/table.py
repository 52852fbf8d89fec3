"""Table slides and the native-table layout that playbook slides share."""

from __future__ import annotations

from dataclasses import replace

from ... import text as _text
from ...model import Table, TableSlide
from .. import alt, fit, scale
from ..context import Context
from ..elements import Cell, Element, Para, TableGrid
from ..layout import FIT_MARGIN, Box

CELL_PAD = 6.0
CELL_PAD_V = 4.0
CAPTION_GAP = 8.0
MIN_SHARE = 0.08
"""No column is narrower than this share of the table."""
DENSE_TABLE_PT = 12
"""Preferred size of comparison tables with ``DENSE_COLUMNS`` or more columns."""
DENSE_COLUMNS = 5


def preferred_size(columns: int) -> float:
    """Return the preferred text size of a table with ``columns`` columns."""
    return DENSE_TABLE_PT if columns >= DENSE_COLUMNS else scale.TABLE_PT


def grids(ctx: Context, header: list[str], rows: list[list[str]], box: Box, path: tuple,
          *, first_bold: bool = False, grow: bool = False, title: str = "",
          table: Table | None = None) -> list[TableGrid]:
    """Return the table laid out in ``box``: shrunk to fit, else spilt over several grids.

    Dense tables (``DENSE_COLUMNS`` or more) start at ``DENSE_TABLE_PT``; with
    ``first_bold`` the first column holds row labels and is only as wide as they need.
    With ``grow`` a table that fits with room to spare is set larger, at the largest size
    up to ``TABLE_MAX_PT`` that still fits. The header row repeats on every grid. Rows too
    tall for a slide alone are errors. Each grid's alt text is ``table``'s ``alt`` or a
    summary of ``title``, its size and header.
    """
    return [replace(g, alt=alt.table(table, title, header, len(g.rows) - 1))
            for g in _grids(ctx, header, rows, box, path, first_bold, grow)]


def _grids(ctx: Context, header: list[str], rows: list[list[str]], box: Box, path: tuple,
           first_bold: bool, grow: bool) -> list[TableGrid]:
    pref, floor = preferred_size(len(header)), scale.TABLE_MIN_PT
    top = scale.TABLE_MAX_PT if grow and pref == scale.TABLE_PT else pref
    base = _widths(ctx, header, rows, box.w, pref, first_bold)
    for size in fit.sizes(top, floor):
        widths = base if size <= pref else _widths(ctx, header, rows, box.w, size, first_bold)
        heights = _heights(ctx, header, rows, widths, size, first_bold)
        if sum(heights) <= box.h * FIT_MARGIN:
            if size < pref:
                ctx.note(path, f"table text shrunk to {size:g} pt to fit (preferred "
                         f"{pref:g} pt)", "shrunk")
            return [_grid(ctx, header, rows, widths, heights, size, box, first_bold)]
    widths = base
    heights = _heights(ctx, header, rows, widths, pref, first_bold)
    out, start, used = [], 0, heights[0]
    for i, h in enumerate(heights[1:]):
        if used + h > box.h * FIT_MARGIN and i > start:
            out.append((start, i))
            start, used = i, heights[0]
        if heights[0] + h > box.h * FIT_MARGIN:
            ctx.note((*path, "rows", i), f"table row {i + 1} does not fit on a slide even "
                     "alone; expected shorter cells", "overflow", "error")
        used += h
    out.append((start, len(rows)))
    return [_grid(ctx, header, rows[a:b], widths, [heights[0], *heights[1 + a:1 + b]], pref,
                  box, first_bold) for a, b in out]


def _paras(ctx: Context, value: str, size: float, *, head: bool, bold: bool) -> tuple[Para]:
    colour = ctx.on_primary if head else ctx.palette.text
    return (ctx.para(value, size, colour=colour, bold=head or bold, heading=head),)


def _widths(ctx: Context, header: list[str], rows: list[list[str]], width: float,
            size: float, labels: bool = False) -> list[float]:
    """Return column widths that fill ``width``, wider for longer text.

    With ``labels`` the first column is as narrow as its longest label allows.
    """
    if labels and len(header) > 1:
        first = _label_width(ctx, [header[0], *[r[0] for r in rows]], size, width)
        rest = _widths(ctx, header[1:], [r[1:] for r in rows], width - first, size)
        return [first, *rest]
    want, least = [], []
    for c, head in enumerate(header):
        cells = [head] + [r[c] for r in rows]
        longest = max(_text.text_width(_text.plain(v), size, ctx.body_font) for v in cells)
        word = max((_text.text_width(w, size, ctx.body_font, bold=True)
                    for v in cells for w in _text.plain(v).split()), default=0.0)
        want.append(min(longest, width * 0.5) ** 0.8 + 1.0)
        least.append(max(word + 2 * CELL_PAD + 2, width * MIN_SHARE))
    total = sum(want)
    widths = [max(w / total * width, m) for w, m in zip(want, least, strict=True)]
    scale = width / sum(widths)
    return [w * scale for w in widths]


def _label_width(ctx: Context, labels: list[str], size: float, width: float) -> float:
    """Return the width of a row-label column: its longest bold label on one line, padded."""
    longest = max(_text.text_width(_text.plain(v), size, ctx.body_font, bold=True)
                  for v in labels)
    return min(longest / FIT_MARGIN + 2 * CELL_PAD + 2, width * 0.25)


def _heights(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
             size: float, first_bold: bool) -> list[float]:
    out = []
    for r, row in enumerate([header, *rows]):
        tallest = 0.0
        for c, value in enumerate(row):
            paras = _paras(ctx, value, size, head=r == 0, bold=first_bold and c == 0)
            tallest = max(tallest, fit.height(paras, widths[c] - 2 * CELL_PAD))
        out.append(tallest + 2 * CELL_PAD_V)
    return out


def _grid(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
          heights: list[float], size: float, box: Box, first_bold: bool) -> TableGrid:
    cells = [tuple(Cell(_paras(ctx, v, size, head=True, bold=False), ctx.palette.primary)
                   for v in header)]
    for r, row in enumerate(rows):
        fill = ctx.palette.background if r % 2 == 0 else ctx.palette.surface
        cells.append(tuple(Cell(_paras(ctx, v, size, head=False, bold=first_bold and c == 0),
                                 fill) for c, v in enumerate(row)))
    grid_box = Box(box.x, box.y, box.w, sum(heights))
    return TableGrid(grid_box, tuple(widths), tuple(heights), tuple(cells), CELL_PAD,
                     pad_v=CELL_PAD_V)


def caption(ctx: Context, value: str, width: float) -> tuple[Para, float]:
    """Return a muted caption paragraph and the height it needs at ``width``."""
    para = ctx.para(value, scale.BODY_MIN_PT, colour=ctx.palette.muted, italic=True)
    return para, fit.height([para], width) / FIT_MARGIN + 2


def pages(ctx: Context, slide: TableSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the pages of a table slide: the table (spilt if long), its caption under it."""
    para, cap_h = caption(ctx, slide.table.caption, body.w) if slide.table.caption else (None, 0)
    room = Box(body.x, body.y, body.w, body.h - (cap_h + CAPTION_GAP if para else 0))
    tables = grids(ctx, list(slide.table.columns), [list(r) for r in slide.table.rows], room,
                   (*path, "table"), grow=True, title=slide.title, table=slide.table)
    out: list[list[Element]] = []
    for t in tables:
        page: list[Element] = [t]
        if para:
            page.append(ctx.text(Box(body.x, t.box.bottom + CAPTION_GAP, body.w, cap_h), [para],
                                 role="caption"))
        out.append(page)
    return out
