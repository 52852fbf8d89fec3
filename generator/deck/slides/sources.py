"""The sources slide: every source of the outline, spilt over continued slides if many."""

from __future__ import annotations

from ...model import Source
from ...text import Run
from .. import fit
from ..context import Context
from ..elements import Element, Para
from ..layout import Box

SOURCES_PT = 16
SOURCES_MIN_PT = 12


def entry(ctx: Context, source: Source, size: float, first: bool) -> list[Para]:
    """Return one source as a paragraph: title, publisher and date, then its linked address."""
    marks = ctx.locale.punctuation
    runs = [Run(source.title, bold=True)]
    date = ctx.locale.source_date(source.date) if source.date else None
    rest = marks.comma.join(p for p in (source.publisher, date) if p)
    if rest:
        runs.append(Run(f"{marks.full_stop}{marks.space}{rest}"))
    if source.url:
        runs.append(Run(marks.full_stop + marks.space))
        runs.append(Run(source.url, link=source.url))
    return [Para(tuple(runs), size, ctx.body_font, ctx.palette.text,
                 space_before=0.0 if first else 0.5 * size)]


def pages(ctx: Context, body: Box) -> list[list[Element]]:
    """Return the pages of the sources slide."""
    items = ctx.outline.sources
    laid = fit.paginate(lambda i, s, first: entry(ctx, items[i], s, first), len(items), body,
                        SOURCES_PT, SOURCES_MIN_PT)
    if laid.overflow:
        ctx.note(("sources",), "a source entry does not fit on a slide", "overflow", "error")
    return [[ctx.text(body, paras, placeholder=1)] for paras in laid.pages]

