"""The pure translation: an outline becomes slide plans in order, with findings; no file I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from .. import brand as _brand
from .. import text as _text
from ..model import ChartSlide, Outline, Playbook, Section, StatsSlide, TwoColumnSlide
from ..node import Node
from ..report import BuildOptions
from . import chrome, layout, markup
from .context import Context
from .elements import DeckPlan, Element, SlidePlan
from .layout import Box
from .slides import (
    bullets,
    chart,
    generated,
    image,
    playbook,
    quote,
    sources,
    stats,
    table,
    timeline,
    two_column,
)

INTRO = "Introduction"
APPENDIX = "Appendix"
CONTINUED = " (continued)"
DARK_KINDS = ("title", "divider", "closing")

KINDS: dict[str, tuple[Callable, str]] = {
    "bullets": (bullets.pages, "Title and Content"),
    "stats": (stats.pages, "Title Only"),
    "chart": (chart.pages, "Title Only"),
    "table": (table.pages, "Title Only"),
    "timeline": (timeline.pages, "Title Only"),
    "quote": (quote.pages, "Title Only"),
    "two-column": (two_column.pages, "Two Content"),
    "image": (image.pages, "Title Only"),
}
"""Slide kind -> (its planner, the layout it is built on)."""

_HIDDEN = {"kind", "layout", "notes", "sources", "source", "image", "alt", "number_format",
           "type", "categories", "series", "unit"}


def plan(outline: Outline, options: BuildOptions) -> DeckPlan:
    """Return the deck laid out: every slide's elements, notes and section, and findings."""
    geo = layout.geometry(options.aspect, has_logo=bool(outline.brand.logo))
    ctx = Context(outline, geo)
    slides: list[SlidePlan] = [_cover(ctx), *_agenda(ctx)]
    ids = outline.section_ids()
    placed = outline.placed_playbooks()
    for i, section in enumerate(outline.sections):
        slides += _section(ctx, section, i, ids[i])
        for k, book in placed.get(i, []):
            slides += _playbook(ctx, book, k)
    if outline.sources:
        slides += _content(ctx, "sources", "Title and Content", "Sources", ("sources",),
                           APPENDIX, "The sources cited in this deck, for reference.", [],
                           lambda body: sources.pages(ctx, body))
    slides.append(_dark(ctx, "closing", "Title Only", outline.closing or outline.meta.title,
                        generated.closing(ctx), "Thank the audience and invite questions.",
                        APPENDIX, ("closing",)))
    for n, slide in enumerate(slides, 1):
        slide.number = n
        if slide.kind not in DARK_KINDS:
            slide.elements += chrome.footer(ctx, n)
    return DeckPlan(slides, ctx.findings, geo.width, geo.height)


# --- generated slides -------------------------------------------------------------


def _dark(ctx: Context, kind: str, layout_name: str, title: str, elements: list[Element],
          notes: str, section: str, path: tuple, anchor: str | None = None) -> SlidePlan:
    return SlidePlan(kind, layout_name, title, ctx.palette.secondary, elements, notes, section,
                     path, anchor)


def _cover(ctx: Context) -> SlidePlan:
    meta = ctx.outline.meta
    notes = " ".join(p for p in (f"Welcome. This deck is {markup.plain(meta.title)}.",
                                 meta.subtitle, f"Presented by {meta.author}." if meta.author
                                 else None) if p)
    return _dark(ctx, "title", "Title Slide", meta.title, generated.cover(ctx), notes, INTRO,
                 ("meta",))


def _agenda(ctx: Context) -> list[SlidePlan]:
    anchors = [_anchor(sid) for sid in ctx.outline.section_ids()]
    notes = "Today we cover: " + "; ".join(markup.plain(s.title)
                                           for s in ctx.outline.sections) + "."
    return _content(ctx, "agenda", "Title and Content", "Agenda", ("sections",), INTRO, notes,
                    [], lambda body: generated.agenda(ctx, anchors, body))


def _anchor(sid: str) -> str:
    return f"section:{sid}"


def _section(ctx: Context, section: Section, i: int, sid: str) -> list[SlidePlan]:
    path = ("sections", i)
    name = markup.plain(section.title)
    notes = _section_notes(section) or f"This section covers {name}."
    out = [_dark(ctx, "divider", "Section Header", section.title,
                 generated.divider(ctx, i + 1, section, path), notes, name, path,
                 _anchor(sid))]
    for j, slide in enumerate(section.slides):
        out += _slide(ctx, section, slide, (*path, "slides", j), name)
    return out


def _section_notes(section: Section) -> str:
    if section.prose:
        return "\n\n".join(markup.plain(p) for p in section.prose)
    return "\n".join(f"- {markup.plain(k)}" for k in section.key_points)


def _slide(ctx: Context, section: Section, slide, path: tuple, name: str) -> list[SlidePlan]:
    planner, layout_name = KINDS[slide.kind]
    strings = list(_strings(slide))
    _check(ctx, slide, path, strings)
    notes = slide.notes or _section_notes(section) or markup.plain(slide.title)
    cites = list(slide.sources)
    for sid in _own_sources(slide) + markup.cited(*strings):
        if sid not in cites:
            cites.append(sid)
    out = _content(ctx, slide.kind, layout_name, slide.title, path, name, notes, cites,
                   lambda body: planner(ctx, slide, body, path))
    for page in out:
        page.requested = slide.layout or section.layout
    return out


def _playbook(ctx: Context, book: Playbook, k: int) -> list[SlidePlan]:
    path = ("playbooks", k)
    name = markup.plain(book.title)
    notes = book.notes or "\n\n".join(markup.plain(p) for p in book.intro) or markup.plain(
        book.takeaway)
    cites = list(book.sources)
    out = _content(ctx, "playbook", "Title Only", book.headline, path, name, notes, cites,
                   lambda body: playbook.overview(ctx, book, body, path))
    for j, peer in enumerate(book.peers):
        ppath = (*path, "peers", j)
        pnotes = peer.notes or markup.plain(peer.takeaway)
        title = f"{peer.name}: {peer.headline}"
        out += _content(ctx, "peer", "Title Only", title, ppath, name, pnotes,
                        list(peer.sources),
                        lambda body, peer=peer, ppath=ppath: playbook.peer(ctx, book, peer,
                                                                            body, ppath))
    return out


# --- content slides -----------------------------------------------------------------


def _content(ctx: Context, kind: str, layout_name: str, title: str, path: tuple, section: str,
             notes: str, cites: list[str], pages: Callable[[Box], list[list[Element]]]
             ) -> list[SlidePlan]:
    """Return the slides of one content slide: its pages, each with title, rule and footnote."""
    note, h = chrome.footnote_text(ctx, cites)
    body = ctx.geo.body(h)
    out = []
    for n, page in enumerate(pages(body)):
        shown = title if n == 0 else title + CONTINUED
        elements: list[Element] = [*chrome.decorations(ctx), chrome.title(ctx, shown, path),
                                   *page]
        if note:
            elements.append(chrome.footnote(ctx, note, h))
        out.append(SlidePlan(kind, layout_name, shown, ctx.palette.background, elements, notes,
                             section, path))
    return out


def _own_sources(slide) -> list[str]:
    """Return the source ids a slide's stats, chart, table or columns name."""
    out: list[str] = []
    parts = [slide]
    if isinstance(slide, TwoColumnSlide):
        parts = [slide.left, slide.right]
    for part in parts:
        things = list(getattr(part, "stats", None) or [])
        things += [getattr(part, name, None) for name in ("stat", "chart", "table")]
        for thing in things:
            if thing is not None and thing.source and thing.source not in out:
                out.append(thing.source)
    return out


def _strings(node, key: str = "") -> Iterator[str]:
    """Yield every text of a slide that the audience reads."""
    if key in _HIDDEN:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, Node):
        for name in type(node).fields:
            yield from _strings(getattr(node, name), name)


@lru_cache(maxsize=1 << 14)
def _word_count(value: str) -> int:
    """Return how many words a reader sees in ``value`` (remembered: footers, labels and
    headings repeat from slide to slide)."""
    return _text.word_count(value)


def _check(ctx: Context, slide, path: tuple, strings: list[str]) -> None:
    """Record the warnings about one outline slide: wordy, unsourced, no notes."""
    words = sum(_word_count(s) for s in strings)
    if words > _brand.WORDS_PER_SLIDE:
        ctx.note(path, f"slide has {words} words; expected at most {_brand.WORDS_PER_SLIDE} "
                 "(move detail to the notes or the brief)", "wordy")
    if not slide.notes:
        ctx.note(path, "slide has no speaker notes; notes were made from the section",
                 "notes")
    if isinstance(slide, StatsSlide):
        for i, stat in enumerate(slide.stats):
            if not stat.source:
                ctx.note((*path, "stats", i), f"stat '{stat.value}' has no source; expected "
                         "'source: <id>'", "unsourced")
    if isinstance(slide, ChartSlide) and not slide.chart.source:
        ctx.note((*path, "chart"), "chart has no source; expected 'source: <id>'",
                 "unsourced")
    if isinstance(slide, TwoColumnSlide):
        for side in ("left", "right"):
            col = getattr(slide, side)
            for what in ("stat", "chart"):
                part = getattr(col, what)
                if part is not None and not part.source:
                    ctx.note((*path, side, what), f"{what} has no source; expected "
                             "'source: <id>'", "unsourced")
