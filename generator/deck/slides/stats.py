"""Stats slides: two to four big numbers on panels, each with label and detail."""

from __future__ import annotations

from dataclasses import replace

from ... import text as _text
from ...model import Stat, StatsSlide
from .. import fit, scale
from ..context import Context
from ..elements import Element, Para, Shape
from ..layout import FIT_MARGIN, GUTTER, PANEL_PAD, Box

VALUE_MIN_PT = scale.BODY_PT
BAR_H = 4.0
MIN_PANEL_H = 150.0
ROW_DROP = 0.4
"""A single row of cards shorter than the body sits this share of the spare height down:
just above the middle, where the eye expects it, not under the title with the slide's lower
half empty."""


def value_size(ctx: Context, stats: list[Stat], width: float,
               path: tuple | None = None) -> float:
    """Return the largest value size at which every value fits on one line of ``width``.

    Values shrink down to ``VALUE_MIN_PT``; a value that does not fit even then is an error
    (at ``path``), never a value wrapped onto its label.
    """
    values = [_text.plain(s.value) for s in stats]
    for size in fit.sizes(scale.STAT_VALUE_PT, VALUE_MIN_PT):
        if all(_one_line(ctx, v, size, width) for v in values):
            return size
    if path is not None:
        wide = next(v for v in values if not _one_line(ctx, v, VALUE_MIN_PT, width))
        ctx.note(path, f"stat value '{wide}' does not fit its card on one line even at "
                 f"{VALUE_MIN_PT} pt; expected a shorter value (put words in the label)",
                 "overflow", "error")
    return VALUE_MIN_PT


def value_para(ctx: Context, stat: Stat, size: float) -> Para:
    """Return the big number as a paragraph."""
    return ctx.para(stat.value, size, heading=True, bold=True, colour=ctx.palette.primary)


def label_paras(ctx: Context, stat: Stat, size: float, whole: bool = False) -> list[Para]:
    """Return the label and detail of a stat at label ``size``; with ``whole``, their lines
    break between words only (no hyphenation)."""
    out = [ctx.para(stat.label, size, bold=True)]
    if stat.detail:
        out.append(ctx.para(stat.detail, max(size - 2, scale.BODY_MIN_PT), colour=ctx.palette.muted,
                            space_before=0.4 * size))
    return [replace(p, lang=None) for p in out] if whole else out


def block(ctx: Context, stats: list[Stat], boxes: list[Box], path: tuple) -> list[Element]:
    """Return each stat's value and label text boxes inside its box, sizes shared by all."""
    vsize = value_size(ctx, stats, min(b.w for b in boxes), path)
    vh = _text.line_height(vsize) / FIT_MARGIN
    out: list[Element] = []
    size, whole = None, False
    for whole in (True, False):  # whole words at a smaller size before hyphens at a larger
        for lsize in fit.sizes(scale.STAT_LABEL_PT, scale.BODY_MIN_PT):
            if all(fit.fits(label_paras(ctx, s, lsize, whole), Box(0, 0, b.w, b.h - vh - 6))
                   for s, b in zip(stats, boxes, strict=True)):
                size = lsize
                break
        if size is not None:
            break
    if size is None:
        size = scale.BODY_MIN_PT
        ctx.note(path, "a stat's label and detail do not fit even at the smallest size; "
                 "expected shorter text", "overflow", "error")
    elif size < scale.STAT_LABEL_PT:
        ctx.note(path, f"stat labels shrunk to {size:g} pt to fit", "shrunk")
    need = max(fit.height(label_paras(ctx, s, size, whole), b.w)
               for s, b in zip(stats, boxes, strict=True))
    for stat, b in zip(stats, boxes, strict=True):
        vbox, rest = b.take_top(vh, gap=6)
        rest = Box(rest.x, rest.y, rest.w, min(rest.h, need / FIT_MARGIN + 2))
        out.append(ctx.text(vbox, [value_para(ctx, stat, vsize)], role="stat-value"))
        out.append(ctx.text(rest, label_paras(ctx, stat, size, whole), role="stat-label"))
    return out


def height(elements: list[Element]) -> float:
    """Return the height that ``elements`` span, top to bottom."""
    return max(e.box.bottom for e in elements) - min(e.box.y for e in elements)


def pages(ctx: Context, slide: StatsSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the stats slide: one panel per number, with a brand-coloured top bar.

    The panels share one row; when a value does not fit its card on one line even at the
    smallest value size, the cards widen into two rows (or one column) first.
    """
    stats = list(slide.stats)
    cols = _cards(ctx, stats, body)
    inner = [Box(c.x + PANEL_PAD, c.y + BAR_H + PANEL_PAD, c.w - 2 * PANEL_PAD,
                 c.h - BAR_H - 2 * PANEL_PAD) for c in cols]
    texts = block(ctx, stats, inner, (*path, "stats"))
    rows = sorted({c.y for c in cols})
    if len(rows) == 1:
        panel_h = max(height(texts) + BAR_H + 2 * PANEL_PAD + 8, MIN_PANEL_H)
        row = [*panels(ctx, [Box(c.x, c.y, c.w, min(panel_h, c.h)) for c in cols]), *texts]
        dy = max(0.0, body.h - panel_h) * ROW_DROP
        return [[replace(e, box=Box(e.box.x, e.box.y + dy, e.box.w, e.box.h)) for e in row]]
    return [[*panels(ctx, cols), *texts]]


def _cards(ctx: Context, stats: list[Stat], body: Box) -> list[Box]:
    """Return the card of each stat: one row, else the widest grid whose values fit.

    A grid whose values fit but whose labels' longest words would have to be hyphenated
    even at the smallest label size ('trans-/ition-/sensitive' in a narrow 4:3 card) gives
    way to one of fewer cards a row where they stand whole, if there is one.
    """
    values = [_text.plain(s.value) for s in stats]
    n = len(stats)
    fitting = []
    for per_row in sorted({n, -(-n // 2), 1}, reverse=True):
        rows = -(-n // per_row)
        row_h = (body.h - GUTTER * (rows - 1)) / rows
        boxes = [b for r in range(rows) for b in Box(body.x, body.y + r * (row_h + GUTTER),
                                                     body.w, row_h).columns(per_row, GUTTER)]
        inner_w = boxes[0].w - 2 * PANEL_PAD
        if all(_one_line(ctx, v, VALUE_MIN_PT, inner_w) for v in values):
            if _whole_words(ctx, stats, inner_w):
                return boxes[:n]
            fitting.append(boxes[:n])
    return fitting[0] if fitting else body.columns(n, GUTTER)


def _whole_words(ctx: Context, stats: list[Stat], width: float) -> bool:
    """Whether every word of the stats' labels and details fits ``width`` whole at the
    smallest label size (no word needs a hyphen to stand in its card)."""
    for stat in stats:
        for para in label_paras(ctx, stat, scale.BODY_MIN_PT):
            piece = _text.longest_piece(list(para.runs), para.size, para.font, para.lang,
                                        hyphenate=False)
            if piece > fit.usable(para, width):
                return False
    return True


def _one_line(ctx: Context, value: str, size: float, width: float) -> bool:
    """Whether a stat's value at ``size`` sits on one line of ``width``, measured as its
    text box will measure it (``fit.usable``: a heading font without bundled metrics gets
    less of the width)."""
    usable = fit.usable(Para((), size, ctx.heading_font, ""), width)
    return _text.text_width(value, size, ctx.heading_font, bold=True) <= usable


def panels(ctx: Context, boxes: list[Box]) -> list[Element]:
    """Return a surface panel with a primary top bar for each box."""
    out: list[Element] = []
    for p in boxes:
        out.append(Shape(p, ctx.palette.surface))
        out.append(Shape(Box(p.x, p.y, p.w, BAR_H), ctx.palette.primary))
    return out
