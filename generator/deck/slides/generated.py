"""Slides made from the outline rather than written in it: title, agenda, dividers, closing."""

from __future__ import annotations

from typing import NamedTuple

from ... import brand as _brand
from ... import text as _text
from .. import fit, scale
from ..context import Context
from ..elements import Element, Para, Picture, Shape
from ..layout import FIT_MARGIN, LOGO_H, LOGO_MAX_W, MARGIN_X, Box

COVER_TITLE_PT = 40
COVER_TITLE_MIN_PT = 28
COVER_SUB_PT = 22
BYLINE_PT = 16
DIVIDER_TITLE_PT = 36
BAR_H = 6.0
AGENDA_SUMMARIES_UP_TO = 6
"""Longer agendas list the section titles only."""


def _fitted(ctx: Context, make, box: Box, pref: float, floor: float, path: tuple,
            what: str) -> list[Para]:
    got = fit.shrink(make, box, pref, floor)
    if got is None:
        ctx.note(path, f"{what} does not fit on its slide; expected shorter text", "overflow",
                 "error")
        return make(floor)
    return got[1]


def _stack(ctx: Context, top: float, width: float, blocks: list[tuple]) -> list[Element]:
    """Lay text blocks (paras, role, placeholder, gap) down from ``top``, each as tall as needed."""
    out: list[Element] = []
    y = top
    for paras, role, placeholder, gap in blocks:
        h = fit.height(paras, width) / FIT_MARGIN + 2
        out.append(ctx.text(Box(MARGIN_X, y, width, h), paras, role=role,
                            placeholder=placeholder))
        y += h + gap
    return out


def _logo(ctx: Context) -> list[Element]:
    if not ctx.brand.logo:
        return []
    g = ctx.geo
    box = Box(g.width - MARGIN_X - LOGO_MAX_W, g.height - MARGIN_X - LOGO_H, LOGO_MAX_W, LOGO_H)
    alt = ctx.word("logo", name=ctx.brand.name or "").strip()
    return [Picture(box, ctx.brand.logo, alt, align="right")]


def cover(ctx: Context) -> list[Element]:
    """Return the elements of the title slide: title, subtitle and byline on the dark colour."""
    meta = ctx.outline.meta
    g = ctx.geo
    width = g.width * 0.78
    title_box = Box(MARGIN_X, 0, width, 3 * COVER_TITLE_PT * _brand.LINE_SPACING)
    title = _fitted(ctx, lambda s: [ctx.para(meta.title, s, heading=True, bold=True,
                                             colour=ctx.on_dark)],
                    title_box, COVER_TITLE_PT, COVER_TITLE_MIN_PT, ("meta", "title"), "title")
    blocks: list[tuple] = [(title, "title", 0, 14)]
    if meta.subtitle:
        blocks.append(([ctx.para(meta.subtitle, COVER_SUB_PT, colour=ctx.on_dark)], "subtitle",
                       1, 24))
    byline: list[str] = []
    for part in (meta.author, meta.organisation,
                 ctx.locale.date(meta.date) if meta.date else None):
        if part and part not in byline:
            byline.append(part)
    if byline:
        blocks.append(([ctx.para("  ·  ".join(byline), BYLINE_PT, colour=ctx.on_dark,
                                 markup_=False)], "byline", None, 0))
    top = g.height * 0.34
    return [Shape(Box(MARGIN_X, top - 24, 64, BAR_H), ctx.palette.primary),
            *_stack(ctx, top, width, blocks), *_logo(ctx)]


class AgendaEntry(NamedTuple):
    """A part of the deck as the agenda lists it: its label ('01', 'Playbook'), title,
    summary line (or None) and the anchor of its first slide."""

    label: str
    title: str
    summary: str | None
    anchor: str


AGENDA_LABEL_GAP = 0.75
"""Space between the widest agenda label and the titles' column, as a multiple of the size."""


def label_column(ctx: Context, labels: list[str], size: float) -> float:
    """Return where the titles of entries labelled ``labels`` start at ``size`` points: past
    the widest label (bold, measured with the deck's font) and a gap."""
    widest = max(_text.text_width(label, size, ctx.body_font, bold=True) for label in labels)
    return widest + AGENDA_LABEL_GAP * size


def agenda_item(ctx: Context, entry: AgendaEntry, size: float, first: bool,
                summary: bool = True, column: float | None = None) -> list[Para]:
    """Return an agenda entry: its label ('01', 'Playbook') in a column of its own, then
    its linked title, and (optionally) its summary under the title.

    ``column`` is where every entry's title starts (``label_column``; by default, past
    this entry's own label), so numbered and labelled titles line up.
    """
    gap = 0.7 if summary else 0.45
    column = column if column is not None else label_column(ctx, [entry.label], size)
    out = [ctx.para(entry.title, size, bold=True, jump=entry.anchor, label=entry.label,
                    indent=column, hang=column, space_before=0.0 if first else gap * size,
                    colour=ctx.palette.text)]
    if summary and entry.summary:
        out.append(ctx.para(entry.summary, size - 4, colour=ctx.palette.muted,
                            indent=column, space_before=0.15 * size))
    return out


def agenda(ctx: Context, entries: list[AgendaEntry], body: Box) -> list[list[Element]]:
    """Return the agenda pages: one linked entry per part of the deck, titles in one column."""
    summary = len(entries) <= AGENDA_SUMMARIES_UP_TO
    labels = [entry.label for entry in entries]
    laid = fit.paginate(lambda i, s, first: agenda_item(ctx, entries[i], s, first, summary,
                                                        label_column(ctx, labels, s)),
                        len(entries), body, scale.BODY_PT, scale.BODY_MIN_PT)
    return [[ctx.text(body, paras, placeholder=1)] for paras in laid.pages]


def divider(ctx: Context, label_text: str, title_text: str, summary_text: str | None,
            path: tuple) -> list[Element]:
    """Return the elements of a divider: its label ('01', 'Playbook'), title and summary."""
    g = ctx.geo
    width = g.width * 0.78
    label = [ctx.para(label_text, 20, heading=True, bold=True, colour=ctx.on_dark,
                      markup_=False)]
    box = Box(MARGIN_X, 0, width, 2 * DIVIDER_TITLE_PT * _brand.LINE_SPACING)
    title = _fitted(ctx, lambda s: [ctx.para(title_text, s, heading=True, bold=True,
                                             colour=ctx.on_dark)],
                    box, DIVIDER_TITLE_PT, scale.TITLE_MIN_PT, (*path, "title"), "title")
    blocks = [(label, "label", None, 8), (title, "title", 0, 16)]
    if summary_text:
        sbox = Box(MARGIN_X, 0, width, 3 * scale.BODY_PT * _brand.LINE_SPACING)
        summary = _fitted(ctx, lambda s: [ctx.para(summary_text, s, colour=ctx.on_dark)],
                          sbox, scale.BODY_PT, scale.BODY_MIN_PT, (*path, "summary"),
                          "summary")
        blocks.append((summary, "summary", 1, 0))
    top = g.height * 0.34
    return [Shape(Box(MARGIN_X, top - 24, 64, BAR_H), ctx.palette.primary),
            *_stack(ctx, top, width, blocks)]


def closing(ctx: Context) -> list[Element]:
    """Return the elements of the closing slide: the closing line, or the deck's title."""
    g = ctx.geo
    line = ctx.outline.closing or ctx.outline.meta.title
    width = g.width * 0.78
    box = Box(MARGIN_X, 0, width, 3 * DIVIDER_TITLE_PT * _brand.LINE_SPACING)
    main = _fitted(ctx, lambda s: [ctx.para(line, s, heading=True, bold=True,
                                            colour=ctx.on_dark)],
                   box, DIVIDER_TITLE_PT, scale.TITLE_MIN_PT, ("closing",), "closing line")
    blocks: list[tuple] = [(main, "title", 0, 16)]
    if ctx.outline.closing:
        blocks.append(([ctx.para(ctx.outline.meta.title, BYLINE_PT, colour=ctx.on_dark)],
                       "byline", None, 0))
    top = g.height * 0.38
    return [Shape(Box(MARGIN_X, top - 24, 64, BAR_H), ctx.palette.primary),
            *_stack(ctx, top, width, blocks), *_logo(ctx)]
