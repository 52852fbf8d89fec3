"""Table slides and the native-table layout that playbook slides share."""

from __future__ import annotations

from dataclasses import replace

from ... import alt_text
from ... import text as _text
from ...model import Table, TableSlide
from ...text.cells import numeric_columns
from .. import fit, scale
from ..context import Context
from ..elements import Cell, Element, Para, TableGrid
from ..layout import FIT_MARGIN, Box

CELL_PAD = 6.0
CELL_PAD_V = 4.0
CAPTION_GAP = 8.0
DENSE_TABLE_PT = scale.TABLE_MIN_PT
"""Preferred size of comparison tables with ``DENSE_COLUMNS`` or more columns."""
DENSE_COLUMNS = 5
GROW_ROWS = 1.5
"""A table with room to spare grows its rows up to this factor to fill its box."""


def preferred_size(columns: int) -> float:
    """Return the preferred text size of a table with ``columns`` columns."""
    return DENSE_TABLE_PT if columns >= DENSE_COLUMNS else scale.TABLE_PT


def grids(ctx: Context, header: list[str], rows: list[list[str]], box: Box, path: tuple,
          *, first_bold: bool = False, grow: bool = False, title: str = "",
          table: Table | None = None) -> list[TableGrid]:
    """Return the table laid out in ``box``: shrunk to fit, else spilt over several grids.

    Column widths come from the content (``widths``). Dense tables (``DENSE_COLUMNS`` or
    more) prefer ``DENSE_TABLE_PT``. With ``grow`` a table that fits with room to spare is
    set larger, up to ``TABLE_MAX_PT`` (a dense one up to ``TABLE_PT``), and its rows grow
    to fill the box. A table that does
    not fit at the floor is spilt over as few grids as the floor allows, balanced, the
    header repeated on each. Rows too tall for a slide alone, and words wider than any
    column can be, are errors. Each grid's alt text is ``table``'s ``alt`` or a summary of
    ``title``, its size and header.
    """
    return [replace(g, alt=alt_text.table(table, title, header, len(g.rows) - 1,
                                             ctx.locale))
            for g in _grids(ctx, header, rows, box, path, first_bold, grow,
                            cells=table is not None)]


def _grids(ctx: Context, header: list[str], rows: list[list[str]], box: Box, path: tuple,
           first_bold: bool, grow: bool, *, cells: bool = False) -> list[TableGrid]:
    """``grids``; with ``cells``, ``header`` and ``rows`` are the outline's ``columns`` and
    ``rows`` under ``path``, so a finding about one cell is located at it."""
    pref, floor = preferred_size(len(header)), scale.TABLE_MIN_PT
    # with room, a table grows: a dense one up to the table size, any other to the largest
    top = (scale.TABLE_MAX_PT if pref == scale.TABLE_PT else scale.TABLE_PT) if grow else pref
    room = box.h * FIT_MARGIN
    numeric = numeric_columns(rows, len(header))
    # whole words at a smaller size before hyphenated words at a larger one
    for whole in (True, False):
        for size in fit.sizes(top, floor):
            widths = _widths(ctx, header, rows, box.w, size, first_bold, whole=whole)
            if widths is None:
                continue
            heights = _heights(ctx, header, rows, widths, size, first_bold, numeric,
                               hyphenate=not whole)
            if sum(heights) <= room:
                if size < pref:
                    ctx.note(path, f"table text shrunk to {size:g} pt to fit (preferred "
                             f"{pref:g} pt)", "shrunk")
                if grow:
                    heights = _grown(heights, room)
                return [_grid(ctx, header, rows, widths, heights, size, box, first_bold,
                              numeric, hyphenate=not whole)]
    widths = _widths(ctx, header, rows, box.w, floor, first_bold, whole=True)
    whole = widths is not None  # split over slides, still in whole words where they fit
    if widths is None:
        widths = _widths(ctx, header, rows, box.w, floor, first_bold)
    if widths is None:
        widths = _widths(ctx, header, rows, box.w, floor, first_bold, force=True)
        assert widths is not None  # forced widths always exist
        word, where = _overfull(ctx, header, rows, widths, floor)
        ctx.note((*path, *where) if cells else path,
                 f"on the slide, the table's columns cannot all fit their longest unbreakable "
                 f"words even at {floor:g} pt (e.g. '{word}'); expected fewer columns or "
                 "shorter words", "overflow", "error")
        return [_grid(ctx, header, rows, widths,
                      _heights(ctx, header, rows, widths, floor, first_bold, numeric), floor,
                      box, first_bold, numeric)]
    heights = _heights(ctx, header, rows, widths, floor, first_bold, numeric,
                       hyphenate=not whole)
    for i, h in enumerate(heights[1:]):
        if heights[0] + h > room:
            ctx.note((*path, "rows", i), f"table row {i + 1} does not fit on a slide even "
                     f"alone at {floor:g} pt; expected shorter cells", "overflow", "error")
    out = []
    for a, b in fit.balanced(heights[1:], room - heights[0]):
        page = [heights[0], *heights[1 + a:1 + b]]
        out.append(_grid(ctx, header, rows[a:b], widths, _grown(page, room) if grow else page,
                         floor, box, first_bold, numeric, hyphenate=not whole))
    return out


def _overfull(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
              size: float) -> tuple[str, tuple]:
    """Return the widest cell word that does not fit its column at ``widths`` and where
    the cell is under the table: the word that made the columns too narrow (a short header
    word squeezed by it comes after)."""
    found: list[tuple[float, str, tuple]] = []
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            for para in _paras(ctx, value, size, head=r == 0, bold=False):
                word = fit.overfull(para, widths[c] - 2 * CELL_PAD)
                if word:
                    width = _text.longest_piece(list(para.runs), size, para.font, para.lang)
                    found.append((width, word, ("columns", c) if r == 0 else
                                  ("rows", r - 1, c)))
    if not found:
        return "?", ()
    _, word, where = max(found, key=lambda f: f[0])
    return word, where


def _grown(heights: list[float], room: float) -> list[float]:
    """Return body rows grown evenly to fill ``room``, at most ``GROW_ROWS`` times as tall."""
    body = sum(heights[1:])
    if not body:
        return heights
    factor = min((room - heights[0]) / body, GROW_ROWS)
    return [heights[0], *[h * max(factor, 1.0) for h in heights[1:]]]


def _paras(ctx: Context, value: str, size: float, *, head: bool, bold: bool,
           align: str = "left", hyphenate: bool = True) -> tuple[Para]:
    """A cell's paragraphs; without ``hyphenate`` its lines break at spaces only (columns
    as wide as their longest words need no hyphens, and narrow ones look choppy with them)."""
    colour = ctx.on_primary if head else ctx.palette.text
    para = ctx.para(value, size, colour=colour, bold=head or bold, heading=head, align=align)
    return (para if hyphenate else replace(para, lang=None),)


def _measure(ctx: Context, cells: list[tuple[str, bool, bool]], size: float
             ) -> tuple[float, float, float]:
    """Return (hard minimum, soft minimum, natural) width of a column's text, unpadded.

    The hard minimum is the widest piece no break may split (hyphenation allowed), the soft
    one the widest whole word, the natural width the widest cell on one line.
    """
    hard = soft = natural = 0.0
    for value, bold, head in cells:
        para = ctx.para(value, size, bold=bold, heading=head)
        runs = list(para.runs)
        hard = max(hard, _text.longest_piece(runs, size, para.font, para.lang))
        soft = max(soft, _text.longest_piece(runs, size, para.font, para.lang,
                                             hyphenate=False))
        natural = max(natural, _text.text_width("".join(r.text for r in runs), size,
                                                para.font, bold))
    return hard, soft, natural


def _widths(ctx: Context, header: list[str], rows: list[list[str]], width: float,
            size: float, labels: bool = False, *, force: bool = False,
            whole: bool = False) -> list[float] | None:
    """Return column widths that fill ``width``, shared the way automatic table layout does.

    Every column gets at least its widest whole word (or, when the words cannot all fit,
    the columns with the longest words their widest hyphenated piece); what is left goes
    to the columns in proportion to how much more they would take on one line, and no
    column grows past its one-line width while another wants more. Returns None when even
    the hard minimums do not fit (unless ``force``), or, with ``whole``, when the whole words
    do not.
    """
    hard, soft, natural = _column_wants(ctx, tuple(header), tuple(map(tuple, rows)), size,
                                        labels)
    if whole and sum(soft) > width:
        return None
    if sum(natural) <= width:
        return [n + (width - sum(natural)) * n / sum(natural) for n in natural]
    least = list(soft)
    for c in sorted(range(len(least)), key=lambda c: hard[c] - soft[c]):
        if sum(least) <= width:
            break
        least[c] = hard[c]  # hyphenate the column whose words gain most from it first
    if sum(least) > width and not force:
        return None
    out = list(least)
    wants = [min(n, width) for n in natural]
    open_ = [c for c in range(len(out)) if wants[c] > out[c]]
    left = width - sum(out)
    while open_ and left > 1e-6:
        total = sum(wants[c] - least[c] for c in open_)
        done = [c for c in open_ if out[c] + left * (wants[c] - least[c]) / total >= wants[c]]
        if not done:
            for c in open_:
                out[c] += left * (wants[c] - least[c]) / total
            break
        for c in done:
            out[c] = wants[c]
            open_.remove(c)
        left = width - sum(out)
    if sum(out) < width - 1e-6:
        extra = width - sum(out)
        out = [w + extra * w / sum(out) for w in out]
    scale_ = width / sum(out)
    return [w * scale_ for w in out]


def _column_wants(ctx: Context, header: tuple, rows: tuple, size: float, labels: bool
                  ) -> tuple[list[float], list[float], list[float]]:
    """Return each column's padded (hard minimum, whole-word minimum, one-line) width,
    kept on ``ctx`` so trying a size twice measures it once."""
    key = ("table-columns", header, rows, size, labels)
    kept = ctx.memo.get(key)
    if kept is None:
        pad = 2 * CELL_PAD + 1
        hard, soft, natural = [], [], []
        for c, head in enumerate(header):
            cells = [(head, True, True)] + [(r[c], labels and c == 0, False) for r in rows]
            h, s, n = _measure(ctx, cells, size)
            hard.append(h / FIT_MARGIN + pad)
            soft.append(s / FIT_MARGIN + pad)
            natural.append(max(n / FIT_MARGIN + pad, s / FIT_MARGIN + pad))
        kept = ctx.memo[key] = (hard, soft, natural)
    return kept


def _heights(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
             size: float, first_bold: bool, numeric: list[bool], *,
             hyphenate: bool = True) -> list[float]:
    out = []
    for r, row in enumerate([header, *rows]):
        tallest = 0.0
        for c, value in enumerate(row):
            paras = _paras(ctx, value, size, head=r == 0, bold=first_bold and c == 0,
                           hyphenate=hyphenate)
            tallest = max(tallest, fit.height(paras, widths[c] - 2 * CELL_PAD))
        out.append(tallest + 2 * CELL_PAD_V)
    return out


def _grid(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
          heights: list[float], size: float, box: Box, first_bold: bool,
          numeric: list[bool], *, hyphenate: bool = True) -> TableGrid:
    def cell(value: str, c: int, fill: str, head: bool) -> Cell:
        align = "right" if numeric[c] else "left"
        paras = _paras(ctx, value, size, head=head, bold=first_bold and c == 0 and not head,
                       align=align, hyphenate=hyphenate)
        return Cell(tuple(fit.settle(p, widths[c] - 2 * CELL_PAD) for p in paras), fill)

    cells = [tuple(cell(v, c, ctx.palette.primary, True) for c, v in enumerate(header))]
    for r, row in enumerate(rows):
        fill = ctx.palette.background if r % 2 == 0 else ctx.palette.surface
        cells.append(tuple(cell(v, c, fill, False) for c, v in enumerate(row)))
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
