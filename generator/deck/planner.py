"""The pure translation: an outline becomes slide plans in order, with layout findings; no I/O.

What a slide says (wordy, unsourced, without notes) is the checks stage's to report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .. import brand as _brand
from .. import locale as _locale
from ..model import Outline, Playbook, Section, TwoColumnSlide, shown_text
from ..report import BuildOptions, Finding
from . import access, artwork, chrome, layout, markup, resize, verify
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

if TYPE_CHECKING:
    from .template_reader import ListLevel, Template

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

def _template(outline: Outline, options: BuildOptions) -> Template | None:
    """Return the template the deck is built on: the one the loader read
    (``options.template``), else the brand's file, read here as the writer reads it then;
    None without a template or when it cannot be read (the writer reports that)."""
    template = options.template
    if template is None and outline.brand.template:
        from . import template_reader  # only for a build on a template

        try:
            template = template_reader.read(Path(outline.brand.template))
        except template_reader.TemplateProblem:
            return None
    return template


def _list_levels(template: Template | None, geo: layout.Geometry) -> tuple[ListLevel, ...]:
    """Return the template's list levels in points of the plan's page: divided by the factor
    the writer scales the plan by to a template of the same shape at another size."""
    if template is None or not template.levels:
        return ()
    s = resize.factor(template.size, geo.width, geo.height)
    return tuple(replace(level, indent=level.indent / s, hang=level.hang / s)
                 for level in template.levels)


def plan(outline: Outline, options: BuildOptions) -> DeckPlan:
    """Return the deck laid out: every slide's elements, notes and section, and findings."""
    geo = layout.geometry(options.aspect, has_logo=bool(outline.brand.logo))
    template = _template(outline, options)
    ctx = Context(outline, geo, levels=_list_levels(template, geo))
    slides: list[SlidePlan] = [_cover(ctx), *_agenda(ctx)]
    ids = outline.section_ids()
    placed = outline.placed_playbooks()
    for i, section in enumerate(outline.sections):
        slides += _section(ctx, section, i, ids[i])
        for k, book in placed.get(i, []):
            slides += _playbook(ctx, book, k)
    appendix = ctx.word("appendix")
    if outline.sources:
        slides += _content(ctx, "sources", preferred("sources"), ctx.word("sources"),
                           ("sources",), appendix,
                           outline.notes.sources or ctx.word("notes_sources"), [],
                           lambda body: sources.pages(ctx, body))
    slides.append(_dark(ctx, "closing", preferred("closing"), outline.closing or outline.meta.title,
                        generated.closing(ctx), outline.notes.closing or ctx.word("notes_closing"),
                        appendix, ("closing",)))
    _untitled_layouts(ctx, template, slides)
    _template_shape(ctx, template)
    for n, slide in enumerate(slides, 1):
        slide.number = n
        if slide.kind not in DARK_KINDS:
            slide.elements += chrome.footer(ctx, n)
        if not any(f.severity == "error" and f.path[:len(slide.path)] == slide.path
                   for f in ctx.findings):  # what a planner reported is not reported twice
            for path, message in verify.findings(slide):
                ctx.note(path, message, "overflow", "error")
    found = access.findings(slides, _brand.low_pairs(outline.brand))
    if template is not None:  # the template's logo and bars clear of the content
        found += [Finding(path, message, "artwork") for path, message in
                  artwork.findings(slides, template, geo.width, geo.height, outline.brand.logo)]
        found += [Finding(path, message, "contrast")  # and its pictures seen on our colours
                  for path, message in artwork.faint_pictures(slides, template)]
    return DeckPlan(slides, ctx.findings + found, geo.width, geo.height)


# --- generated slides -------------------------------------------------------------


def _dark(ctx: Context, kind: str, layout_name: str, title: str, elements: list[Element],
          notes: str, section: str, path: tuple, anchor: str | None = None) -> SlidePlan:
    return SlidePlan(kind, layout_name, title, ctx.palette.secondary, elements, notes, section,
                     path, anchor)


def _cover(ctx: Context) -> SlidePlan:
    meta = ctx.outline.meta
    notes = ctx.outline.notes.title or ctx.locale.punctuation.sentences([p for p in (
        ctx.word("notes_welcome", title=markup.plain(meta.title)), meta.subtitle,
        ctx.word("notes_presenter", author=meta.author) if meta.author else None) if p])
    return _dark(ctx, "title", preferred("title"), meta.title, generated.cover(ctx), notes,
                 ctx.word("introduction"), ("meta",))


AGENDA_FROM = 2
"""The fewest parts (sections with slides, playbooks) that make an agenda worth a slide."""


def agenda_entries(outline: Outline) -> list[generated.AgendaEntry]:
    """Return the parts of the deck in order: each section that has slides (numbered as in
    the brief) and each playbook after the section it follows, labelled as in the brief."""
    words = _locale.of(outline)
    ids = outline.section_ids()
    placed = outline.placed_playbooks()
    out: list[generated.AgendaEntry] = []
    for i, section in enumerate(outline.sections):
        if section.slides:
            out.append(generated.AgendaEntry(f"{i + 1:02d}", section.title, section.summary,
                                             _anchor(ids[i])))
        for k, book in placed.get(i, []):
            out.append(generated.AgendaEntry(words.word("playbook"), book.title, book.headline,
                                             _playbook_anchor(k)))
    return out


def _agenda(ctx: Context) -> list[SlidePlan]:
    entries = agenda_entries(ctx.outline)
    if len(entries) < AGENDA_FROM:
        return []
    notes = ctx.outline.notes.agenda or ctx.word("notes_agenda", sections=ctx.locale.join(
        [markup.plain(e.title) for e in entries]))
    return _content(ctx, "agenda", preferred("agenda"), ctx.word("agenda"), ("sections",),
                    ctx.word("introduction"), notes, [],
                    lambda body: generated.agenda(ctx, entries, body))


def _anchor(sid: str) -> str:
    return f"section:{sid}"


def _playbook_anchor(k: int) -> str:
    return f"playbook:{k + 1}"


def _section(ctx: Context, section: Section, i: int, sid: str) -> list[SlidePlan]:
    """Return a section's divider and slides; a section without slides has none (its prose
    and key points are the brief's)."""
    if not section.slides:
        return []
    path = ("sections", i)
    name = markup.plain(section.title)
    notes = section.notes or _section_notes(section) or ctx.word("notes_section", section=name)
    out = [_dark(ctx, "divider", preferred("divider"), section.title,
                 generated.divider(ctx, f"{i + 1:02d}", section.title, section.summary, path),
                 notes, name, path, _anchor(sid))]
    for j, slide in enumerate(section.slides):
        out += _slide(ctx, section, slide, (*path, "slides", j), name)
    return out


def _section_notes(section: Section) -> str:
    if section.prose:
        return "\n\n".join(section.prose)
    return "\n".join(f"- {k}" for k in section.key_points)


def _template_shape(ctx: Context, template: Template | None) -> None:
    """Warn when the template's slides have none of the shapes the deck is laid out in (a
    square template): the deck is built at 16:9 on its layouts, drawn for another page."""
    if template is None or template.aspect is not None:
        return
    w, h = (v / 72 for v in template.points)
    ctx.note(("brand", "template"), f"the template's slides are {w:.4g} × {h:.4g} in, neither "
             f"16:9, 16:10 nor 4:3, so the deck is built at {ctx.geo.aspect} "
             f"({ctx.geo.width / 72:.4g} × {ctx.geo.height / 72:.4g} in) on layouts drawn for "
             "another shape; expected a 16:9 or 4:3 template", "template-shape")


def _untitled_layouts(ctx: Context, template: Template | None,
                      slides: list[SlidePlan]) -> None:
    """Warn about slides the outline puts on a layout with no title placeholder (``layout:
    Blank``): their title is written in a text box, which the outline view and screen
    readers do not take for the slide's title."""
    requested = {s.requested for s in slides if s.requested}
    if not requested:
        return
    if template is None:
        from . import template_reader  # only when a slide names its layout

        template = template_reader.default()
    warned = set()
    for slide in slides:
        layout = template.layout(slide.requested) if slide.requested else None
        if layout is None or layout.has_title or slide.path in warned:
            continue
        warned.add(slide.path)
        ctx.note(slide.path, f"layout '{slide.requested}' has no title placeholder: the title "
                 "is written in a text box, which PowerPoint's outline view and screen readers "
                 "do not take for the slide's title; expected a layout with a title",
                 "untitled")


def _slide(ctx: Context, section: Section, slide, path: tuple, name: str) -> list[SlidePlan]:
    planner, layout_name = KINDS[slide.kind]
    strings = [text for _, text in shown_text(slide, labels=False)]
    notes = slide.notes or _section_notes(section) or slide.title
    cites = _cites(slide.sources, _own_sources(slide), markup.cited(*strings))
    out = _content(ctx, slide.kind, layout_name, slide.title, path, name, notes, cites,
                   lambda body: planner(ctx, slide, body, path))
    for page in out:
        page.requested = slide.layout or section.layout
    return out


def _playbook(ctx: Context, book: Playbook, k: int) -> list[SlidePlan]:
    path = ("playbooks", k)
    name = markup.plain(book.title)
    notes = book.notes or "\n\n".join(book.intro) or book.takeaway
    shown = [text for field in ("headline", "subject", "takeaway", "dimensions")
             for _, text in shown_text(getattr(book, field))]
    shown += [text for peer in book.peers for _, text in shown_text(peer.contrasts)]
    cites = _cites(book.sources, markup.cited(*shown))
    divider = _dark(ctx, "divider", preferred("divider"), book.title,
                    generated.divider(ctx, ctx.word("playbook"), book.title, None, path),
                    notes, name, path, _playbook_anchor(k))
    out = [divider, *_content(ctx, "playbook", preferred("playbook"), book.headline, path, name,
                              notes, cites,
                              lambda body: playbook.overview(ctx, book, body, path))]
    for j, peer in enumerate(book.peers):
        ppath = (*path, "peers", j)
        pnotes = peer.notes or peer.takeaway
        title = playbook.peer_title(ctx, peer)
        out += _content(ctx, "peer", preferred("peer"), title, ppath, name, pnotes,
                        _cites(peer.sources, markup.cited(*[t for _, t in shown_text(peer)])),
                        partial(playbook.peer, ctx, book, peer, path=ppath))
    return out


# --- content slides -----------------------------------------------------------------


def _cites(*groups) -> list[markup.Cite]:
    """Return the citations of ``groups`` (ids or ``markup.Cite``s) in order, each once."""
    out: list[markup.Cite] = []
    for group in groups:
        for item in group:
            cite = item if isinstance(item, markup.Cite) else markup.Cite(item)
            if cite not in out:
                out.append(cite)
    return out


def _content(ctx: Context, kind: str, layout_name: str, title: str, path: tuple, section: str,
             notes: str, cites: list[markup.Cite], pages: Callable[[Box], list[list[Element]]]
             ) -> list[SlidePlan]:
    """Return the slides of one content slide: its pages, each with title, rule and footnote."""
    note, h = chrome.footnote_text(ctx, cites)
    body = ctx.geo.body(h)
    out = []
    for n, page in enumerate(pages(body)):
        shown = title if n == 0 else ctx.word("continued", title=title)
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
