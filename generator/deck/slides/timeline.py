"""Timeline slides: dated events left to right along a line with markers."""

from __future__ import annotations

from dataclasses import replace

from ... import text as _text
from ...model import Event, TimelineSlide
from .. import fit, scale
from ..context import Context
from ..elements import Element, Para, Shape
from ..layout import FIT_MARGIN, GUTTER, TIMELINE_MAX_EVENTS, Box

LINE_H = 2.0
MARKER = 14.0
DATE_PT = 18
EVENT_PT = 16
EVENT_MIN_PT = scale.BODY_MIN_PT
MOST_EVENTS = {"16:9": 8, "4:3": 6, "16:10": 7}
"""The most events a slide may carry, if their text fits the narrower columns."""


def _event_paras(ctx: Context, event: Event, size: float, hyphenate: bool = True
                 ) -> list[Para]:
    """An event's title and detail; without ``hyphenate`` their lines break at spaces only
    (a word wider than the column then does not fit)."""
    out = [ctx.para(event.title, size, bold=True)]
    if event.detail:
        out.append(ctx.para(event.detail, max(size - 2, EVENT_MIN_PT), colour=ctx.palette.muted,
                            space_before=0.4 * size))
    return out if hyphenate else [replace(p, lang=None) for p in out]


def _page(ctx: Context, events: list[Event], body: Box, path: tuple) -> list[Element]:
    cols = body.columns(len(events), GUTTER)
    date_h = 2 * _text.line_height(DATE_PT) / FIT_MARGIN
    line_y = body.y + date_h + 10 + MARKER / 2
    below = Box(body.x, line_y + MARKER / 2 + 14, body.w, body.bottom - line_y - MARKER / 2 - 14)
    size, hyphenate = None, True
    # whole words at a smaller size before hyphenated ones at a larger size: columns are
    # narrow, and a word cut in two in every column reads badly
    for hyphenate in (False, True):
        size = next((s for s in fit.sizes(EVENT_PT, EVENT_MIN_PT)
                     if all(fit.fits(_event_paras(ctx, e, s, hyphenate), Box(0, 0, c.w, below.h))
                            for e, c in zip(events, cols, strict=True))), None)
        if size is not None:
            break
    if size is None:
        size = EVENT_MIN_PT
        ctx.note(path, "timeline event text does not fit even at the smallest size; expected "
                 "shorter titles and details", "overflow", "error")
    elif size < EVENT_PT:
        ctx.note(path, f"timeline text shrunk to {size:g} pt to fit", "shrunk")
    need = max(fit.height(_event_paras(ctx, e, size, hyphenate), c.w)
               for e, c in zip(events, cols, strict=True))
    need = min(need / FIT_MARGIN + 4, below.h)
    shift = max((below.h - need) / 3, 0.0)
    body = Box(body.x, body.y + shift, body.w, body.h - shift)
    line_y += shift
    below = Box(below.x, below.y + shift, below.w, need)
    out: list[Element] = [Shape(Box(body.x, line_y - LINE_H / 2, body.w, LINE_H),
                                ctx.palette.muted)]
    for event, col in zip(events, cols, strict=True):
        out.append(Shape(Box(col.x, line_y - MARKER / 2, MARKER, MARKER), ctx.palette.primary,
                         kind="oval"))
        date = ctx.para(event.date, DATE_PT, heading=True, bold=True, colour=ctx.palette.primary)
        out.append(ctx.text(Box(col.x, body.y, col.w, date_h), [date], role="date",
                            anchor="bottom"))
        out.append(ctx.text(Box(col.x, below.y, col.w, below.h),
                            _event_paras(ctx, event, size, hyphenate), role="event"))
    return out


def pages(ctx: Context, slide: TimelineSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the timeline, spilt evenly over as few continued slides as its text allows.

    A slide carries up to ``TIMELINE_MAX_EVENTS`` events, more (up to ``MOST_EVENTS``) when
    every event's text still fits its narrower column; the events are then shared evenly
    (14 events: 7 + 7).
    """
    events = list(slide.events)
    most = TIMELINE_MAX_EVENTS[ctx.geo.aspect]
    for m in range(min(MOST_EVENTS[ctx.geo.aspect], len(events)), most, -1):
        chunks = fit.even_chunks(len(events), m)
        if all(_fits(ctx, events[a:b], body) for a, b in chunks):
            most = m
            break
    return [_page(ctx, events[a:b], body, (*path, "events"))
            for a, b in fit.even_chunks(len(events), most)]


def _fits(ctx: Context, events: list[Event], body: Box) -> bool:
    """Whether ``events`` fit side by side in ``body`` at the preferred event size."""
    cols = body.columns(len(events), GUTTER)
    below = body.h - 2 * _text.line_height(DATE_PT) / FIT_MARGIN - 10 - MARKER - 14
    return all(fit.fits(_event_paras(ctx, e, EVENT_PT), Box(0, 0, c.w, below))
               and fit.fits([ctx.para(e.date, DATE_PT, heading=True, bold=True)],
                            Box(0, 0, c.w, 2 * _text.line_height(DATE_PT)))
               for e, c in zip(events, cols, strict=True))
