"""Table slides and the native-table layout that playbook slides share."""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations

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
    to fill the box. A size the table overfills is given up only once width moved between
    columns (``_shortened``) does not make it fit. A table that does not fit at the floor is
    spilt over as few grids as the floor allows, balanced, the header repeated on each, its
    rows as tall as their text. Rows too tall for a slide alone, and words wider than any
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
    # whole words at a smaller size before hyphenated words at a larger one, and the
    # fewest columns hyphenated before any
    for whole, loose in ((True, False), (False, False), (False, True)):
        for size in fit.sizes(top, floor):
            widths = _widths(ctx, header, rows, box.w, size, first_bold, whole=whole)
            if widths is None:
                continue
            heights = _heights(ctx, header, rows, widths, size, first_bold, numeric,
                               _hyphenated(ctx, header, rows, widths, size, first_bold, whole))
            if room < sum(heights) <= room * SHORTEN_REACH:  # measure before giving up
                widths = _shortened(ctx, header, rows, widths, size, first_bold,
                                    hyphenate=not whole, loose=loose)
                heights = _heights(ctx, header, rows, widths, size, first_bold, numeric,
                                   _hyphenated(ctx, header, rows, widths, size, first_bold,
                                               whole))
            if sum(heights) <= room:
                if size < pref:
                    ctx.note(path, f"table text shrunk to {size:g} pt to fit (preferred "
                             f"{pref:g} pt)", "shrunk")
                if grow:
                    heights = _grown(heights, room)
                return [_grid(ctx, header, rows, widths, heights, size, box, first_bold,
                              numeric, _hyphenated(ctx, header, rows, widths, size,
                                                   first_bold, whole))]
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
        every = [True] * len(header)
        return [_grid(ctx, header, rows, widths,
                      _heights(ctx, header, rows, widths, floor, first_bold, numeric, every),
                      floor, box, first_bold, numeric, every)]
    start, slides = widths, 0
    for loose in (False,) if whole else (False, True):  # hyphenate more only for fewer slides
        trial = _shortened(ctx, header, rows, start, floor, first_bold, hyphenate=not whole,
                           loose=loose)
        hyphenate = _hyphenated(ctx, header, rows, trial, floor, first_bold, whole)
        tall = _heights(ctx, header, rows, trial, floor, first_bold, numeric, hyphenate)
        count = len(fit.balanced(tall[1:], room - tall[0]))
        if not slides or count < slides:
            widths, heights, slides = trial, tall, count
    hyphenate = _hyphenated(ctx, header, rows, widths, floor, first_bold, whole)
    for i, h in enumerate(heights[1:]):
        if heights[0] + h > room:
            ctx.note((*path, "rows", i), f"table row {i + 1} does not fit on a slide even "
                     f"alone at {floor:g} pt; expected shorter cells", "overflow", "error")
    out = []
    for a, b in fit.balanced(heights[1:], room - heights[0]):
        page = [heights[0], *heights[1 + a:1 + b]]
        out.append(_grid(ctx, header, rows[a:b], widths, page, floor, box, first_bold,
                         numeric, hyphenate))  # rows as tall as their text
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
    key = ("table-cell", value, size, head, bold, align, hyphenate)
    kept = ctx.memo.get(key)  # a cell is measured at many widths: made once
    if kept is None:
        colour = ctx.on_primary if head else ctx.palette.text
        para = ctx.para(value, size, colour=colour, bold=head or bold, heading=head,
                        align=align)
        kept = ctx.memo[key] = (para if hyphenate else replace(para, lang=None),)
    return kept


def _measure(ctx: Context, cells: list[tuple[str, bool, bool]], size: float
             ) -> tuple[float, float, list[float]]:
    """Return (hard minimum, soft minimum, each cell's natural width) of a column's text,
    unpadded.

    The hard minimum is the widest piece no break may split (hyphenation allowed), the soft
    one the widest whole word, a cell's natural width its width on one line.
    """
    hard = soft = 0.0
    natural = []
    for value, bold, head in cells:
        para = ctx.para(value, size, bold=bold, heading=head)
        runs = list(para.runs)
        hard = max(hard, _text.longest_piece(runs, size, para.font, para.lang))
        soft = max(soft, _text.longest_piece(runs, size, para.font, para.lang,
                                             hyphenate=False))
        natural.append(_text.text_width("".join(r.text for r in runs), size, para.font, bold))
    return hard, soft, natural


def _widths(ctx: Context, header: list[str], rows: list[list[str]], width: float,
            size: float, labels: bool = False, *, force: bool = False,
            whole: bool = False) -> list[float] | None:
    """Return column widths that fill ``width``.

    Every column gets at least its widest whole word (or, when the words cannot all fit,
    the columns with the longest words their widest hyphenated piece). A table whose cells
    all fit on one line shares the rest in proportion to the one-line widths; otherwise the
    rest goes where it makes the table shortest (``_shared``), so a column of long cells
    gets its fair share however short its words. Returns None when even the hard minimums
    do not fit (unless ``force``), or, with ``whole``, when the whole words do not.
    """
    hard, soft, natural, cells = _column_wants(ctx, tuple(header), tuple(map(tuple, rows)),
                                               size, labels)
    if whole and sum(soft) > width:
        return None
    if sum(natural) <= width:
        return [n + (width - sum(natural)) * n / sum(natural) for n in natural]
    least = _least(hard, soft, width)
    if sum(least) > width:
        return [w * width / sum(least) for w in least] if force else None
    return _shared(least, cells, width)


def _least(hard: list[float], soft: list[float], width: float) -> list[float]:
    """Return each column's least width: its widest whole word, or, while those overfill
    ``width``, its widest hyphenated piece, the column whose words gain most from it
    first."""
    least = list(soft)
    for c in sorted(range(len(least)), key=lambda c: hard[c] - soft[c]):
        if sum(least) <= width:
            break
        least[c] = hard[c]
    return least


SHARE_STEPS = 40
"""``_shared`` hands out the width beyond the minimums in this many steps."""
SHARE_NORM = 6
"""How sharply ``_shared`` sees a row's height as that of its tallest cell (a p-norm: the
higher, the closer to the maximum; a finite one still rewards widening a column whose cell
ties for the tallest)."""


def _shared(least: list[float], cells: list[list[float]], width: float) -> list[float]:
    """Return ``least`` grown to fill ``width`` so that the table is as short as it can be.

    A cell of one-line width ``n`` in a column of text width ``u`` takes about ``n / u``
    lines (at least one), a row as many as its tallest cell, the table the sum of its rows.
    The width is handed out in small steps, each to the column that shortens that sum most:
    columns of long text (often the subject's own) get the room their lines need, columns
    whose cells already sit on one line get none.
    """
    pad = 2 * CELL_PAD + 1
    out = list(least)
    step = (width - sum(out)) / SHARE_STEPS
    lines = [[max(1.0, n / (w - pad)) for n, w in zip(row, out, strict=True)] for row in cells]
    powers = [sum(n ** SHARE_NORM for n in row) for row in lines]
    for _ in range(SHARE_STEPS):
        gains = [0.0] * len(out)
        for row, row_lines, power in zip(cells, lines, powers, strict=True):
            norm = power ** (1 / SHARE_NORM)
            for c, n in enumerate(row_lines):
                if n > 1.0:
                    gains[c] += (n / norm) ** (SHARE_NORM - 1) * row[c] / (out[c] - pad) ** 2
        best = max(range(len(out)), key=gains.__getitem__)
        if gains[best] <= 0.0:
            break
        out[best] += step
        for r, row in enumerate(cells):
            new = max(1.0, row[best] / (out[best] - pad))
            powers[r] += new ** SHARE_NORM - lines[r][best] ** SHARE_NORM
            lines[r][best] = new
    left = width - sum(out)
    return [w + left * w / sum(out) for w in out]


def _column_wants(ctx: Context, header: tuple, rows: tuple, size: float, labels: bool
                  ) -> tuple[list[float], list[float], list[float], list[list[float]]]:
    """Return each column's padded (hard minimum, whole-word minimum, one-line) width and
    each cell's unpadded one-line width (header row first, by row), kept on ``ctx`` so
    trying a size twice measures it once."""
    key = ("table-columns", header, rows, size, labels)
    kept = ctx.memo.get(key)
    if kept is None:
        pad = 2 * CELL_PAD + 1
        hard, soft, natural = [], [], []
        cells: list[list[float]] = [[] for _ in range(len(rows) + 1)]
        for c, head in enumerate(header):
            column = [(head, True, True)] + [(r[c], labels and c == 0, False) for r in rows]
            h, s, n = _measure(ctx, column, size)
            hard.append(h / FIT_MARGIN + pad)
            soft.append(s / FIT_MARGIN + pad)
            natural.append(max(max(n) / FIT_MARGIN + pad, s / FIT_MARGIN + pad))
            for r, width in enumerate(n):
                cells[r].append(width / FIT_MARGIN)
        kept = ctx.memo[key] = (hard, soft, natural, cells)
    return kept


SHORTEN_STEPS = (16.0, 8.0, 4.0, 2.0)
"""Widths, in points, that ``_shortened`` moves between two columns, coarse to fine."""
SHORTEN_REACH = 1.5
"""A size whose table, at the estimated widths, is at most this many times as tall as its
room is measured again with ``_shortened`` widths before a smaller size is tried."""
SHORTEN_TRIES = 3000
"""``_shortened`` stops moving width once it has measured about this many cells."""


def _shortened(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
               size: float, first_bold: bool, *, hyphenate: bool, loose: bool = False
               ) -> list[float]:
    """Return ``widths`` with width moved between columns while that makes the table
    shorter, its cells measured as they will be set (``_shared`` only estimates lines).

    No column goes under its least width (``_least``), or, ``loose``, under its widest
    hyphenated piece: any column may then hyphenate its words.
    """
    hard, soft, _, _ = _column_wants(ctx, tuple(header), tuple(map(tuple, rows)), size,
                                     first_bold)
    least = soft if not hyphenate else hard if loose else _least(hard, soft, sum(widths))
    table = [header, *rows]
    tries = [0]

    def column(c: int, w: float) -> list[float]:
        hyphens = hyphenate and w < soft[c] - 1e-6  # as ``_hyphenated``
        key = ("table-column", tuple(r[c] for r in table), size, first_bold and c == 0,
               hyphens, round(w, 3))
        kept = ctx.memo.get(key)
        if kept is None:
            tries[0] += len(table)
            kept = ctx.memo[key] = [
                fit.height(_paras(ctx, row[c], size, head=r == 0, bold=first_bold and c == 0
                                  and r > 0, hyphenate=hyphens), w - 2 * CELL_PAD)
                for r, row in enumerate(table)]
        return kept

    out = list(widths)
    cols = [column(c, w) for c, w in enumerate(out)]
    best = sum(map(max, zip(*cols, strict=True)))
    for step in SHORTEN_STEPS:
        better = True
        while better and tries[0] < SHORTEN_TRIES:
            better = False
            tallest = list(map(max, zip(*cols, strict=True)))
            # only a column holding a row's tallest cell makes the table shorter as it widens
            takers = {c for c, col in enumerate(cols)
                      for h, top in zip(col, tallest, strict=True) if h >= top - 1e-6}
            for give, take in permutations(range(len(out)), 2):
                if take not in takers or out[give] - step < least[give] - 1e-6:
                    continue
                trial = list(out)
                trial[give] -= step
                trial[take] += step
                moved = list(cols)
                moved[give], moved[take] = column(give, trial[give]), column(take, trial[take])
                height = sum(map(max, zip(*moved, strict=True)))
                if height < best - 1e-6:
                    out, cols, best, better = trial, moved, height, True
                    break
    return out


def _hyphenated(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
                size: float, first_bold: bool, whole: bool) -> list[bool]:
    """Return which columns at ``widths`` hyphenate their words: unless ``whole``, those
    narrower than their widest whole word (the others break at spaces only)."""
    _, soft, _, _ = _column_wants(ctx, tuple(header), tuple(map(tuple, rows)), size,
                                  first_bold)
    return [not whole and w < s - 1e-6 for w, s in zip(widths, soft, strict=True)]


def _heights(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
             size: float, first_bold: bool, numeric: list[bool], hyphenate: list[bool]
             ) -> list[float]:
    out = []
    for r, row in enumerate([header, *rows]):
        tallest = 0.0
        for c, value in enumerate(row):
            paras = _paras(ctx, value, size, head=r == 0, bold=first_bold and c == 0,
                           hyphenate=hyphenate[c])
            tallest = max(tallest, fit.height(paras, widths[c] - 2 * CELL_PAD))
        out.append(tallest + 2 * CELL_PAD_V)
    return out


def _grid(ctx: Context, header: list[str], rows: list[list[str]], widths: list[float],
          heights: list[float], size: float, box: Box, first_bold: bool,
          numeric: list[bool], hyphenate: list[bool]) -> TableGrid:
    def cell(value: str, c: int, fill: str, head: bool) -> Cell:
        align = "right" if numeric[c] else "left"
        paras = _paras(ctx, value, size, head=head, bold=first_bold and c == 0 and not head,
                       align=align, hyphenate=hyphenate[c])
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
