"""The pure translation: an outline becomes slide plans in order, with layout findings; no I/O.

What a slide says (wordy, unsourced, without notes) is the checks stage's to report.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Outline, Playbook, Section, TwoColumnSlide, shown_text
from ..report import BuildOptions
from . import chrome, layout, markup, verify
from .context import Context
from .contract import preferred
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
    "bullets": (bullets.pages, preferred("bullets")),
    "stats": (stats.pages, preferred("stats")),
    "chart": (chart.pages, preferred("chart")),
    "table": (table.pages, preferred("table")),
    "timeline": (timeline.pages, preferred("timeline")),
    "quote": (quote.pages, preferred("quote")),
    "two-column": (two_column.pages, preferred("two-column")),
    "image": (image.pages, preferred("image")),
}
"""Slide kind -> (its planner, the layout it prefers, from ``contract.NEEDS``)."""

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
        slides += _content(ctx, "sources", preferred("sources"), "Sources", ("sources",),
                           APPENDIX, "The sources cited in this deck, for reference.", [],
                           lambda body: sources.pages(ctx, body))
    slides.append(_dark(ctx, "closing", preferred("closing"), outline.closing or outline.meta.title,
                        generated.closing(ctx), "Thank the audience and invite questions.",
                        APPENDIX, ("closing",)))
    for n, slide in enumerate(slides, 1):
        slide.number = n
        if slide.kind not in DARK_KINDS:
            slide.elements += chrome.footer(ctx, n)
        if not any(f.severity == "error" and f.path[:len(slide.path)] == slide.path
                   for f in ctx.findings):  # what a planner reported is not reported twice
            for path, message in verify.findings(slide):
                ctx.note(path, message, "overflow", "error")
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
    return _dark(ctx, "title", preferred("title"), meta.title, generated.cover(ctx), notes, INTRO,
                 ("meta",))


def _agenda(ctx: Context) -> list[SlidePlan]:
    anchors = [_anchor(sid) for sid in ctx.outline.section_ids()]
    notes = "Today we cover: " + "; ".join(markup.plain(s.title)
                                           for s in ctx.outline.sections) + "."
    return _content(ctx, "agenda", preferred("agenda"), "Agenda", ("sections",), INTRO, notes,
                    [], lambda body: generated.agenda(ctx, anchors, body))


def _anchor(sid: str) -> str:
    return f"section:{sid}"


def _section(ctx: Context, section: Section, i: int, sid: str) -> list[SlidePlan]:
    path = ("sections", i)
    name = markup.plain(section.title)
    notes = _section_notes(section) or f"This section covers {name}."
    out = [_dark(ctx, "divider", preferred("divider"), section.title,
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
    strings = [text for _, text in shown_text(slide, labels=False)]
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
    out = _content(ctx, "playbook", preferred("playbook"), book.headline, path, name, notes, cites,
                   lambda body: playbook.overview(ctx, book, body, path))
    for j, peer in enumerate(book.peers):
        ppath = (*path, "peers", j)
        pnotes = peer.notes or markup.plain(peer.takeaway)
        title = f"{peer.name}: {peer.headline}"
        out += _content(ctx, "peer", preferred("peer"), title, ppath, name, pnotes,
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
        if note and n == 0:
            elements.append(chrome.footnote(ctx, note, h))
        elif note:  # a continued slide names its sources on one line
            line = chrome.continued_note(ctx, cites)
            elements.append(chrome.footnote(ctx, line, chrome.footnote_text_height(ctx, line)))
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
