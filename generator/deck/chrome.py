"""The parts every content slide shares: accent rule, title, logo, footnote, footer, number."""

from __future__ import annotations

from collections.abc import Sequence

from .. import brand as _brand
from .. import text as _text
from . import fit, markup, scale
from .context import Context
from .elements import Element, Picture, Shape, TextBox
from .layout import MAX_FOOTNOTE_LINES


def title(ctx: Context, value: str, path: tuple) -> TextBox:
    """Return the slide title in the title placeholder, shrunk to fit (a finding if it cannot)."""
    box = ctx.geo.title

    def make(size: float):
        return [ctx.para(value, size, heading=True, bold=True, colour=ctx.palette.secondary
                         if _dark_enough(ctx) else ctx.palette.text)]

    fitted = fit.shrink(make, box, scale.TITLE_PT, scale.TITLE_MIN_PT)
    if fitted is None:
        ctx.note(path, f"title '{_text.plain(value)}' does not fit in two lines even at "
                 f"{scale.TITLE_MIN_PT} pt; expected a shorter headline", "overflow", "error")
        fitted = (scale.TITLE_MIN_PT, make(scale.TITLE_MIN_PT))
    elif fitted[0] < scale.TITLE_PT:
        ctx.note(path, f"title shrunk to {fitted[0]:g} pt to fit (preferred "
                 f"{scale.TITLE_PT} pt)", "shrunk")
    return ctx.text(box, fitted[1], role="title", anchor="top", placeholder=0)


def _dark_enough(ctx: Context) -> bool:
    """Whether the secondary colour reads as title text on the background."""
    return _brand.contrast(ctx.palette.secondary, ctx.palette.background) >= _brand.AA_LARGE


def footnote_text(ctx: Context, ids: Sequence[markup.Cite | str],
                  path: tuple = ()) -> tuple[str, float]:
    """Return the source note for the sources cited (ids, or citations with locators) and
    the height of its box (0 without sources).

    The note names each source in full ('Publisher, Title (date)') when that takes at most
    ``MAX_FOOTNOTE_LINES`` lines across the slide, else by its short name (publisher, else
    title), locators kept. The box is as high as the note's lines, so the note deckgen
    composes always fits it, at either aspect and in every language; a short note still
    longer than ``MAX_FOOTNOTE_LINES`` is a warning at ``path`` (it takes the body's room).
    """
    note = markup.footnote(ids, ctx.sources, ctx.locale)
    if not note:
        return "", 0.0
    if _note_lines(ctx, note) > MAX_FOOTNOTE_LINES:
        note = markup.footnote(ids, ctx.sources, ctx.locale, short=True)
        lines = _note_lines(ctx, note)
        if lines > MAX_FOOTNOTE_LINES:
            ctx.note(path, f"the source note takes {lines} lines even naming each source by "
                     f"its publisher, leaving the slide's text less room; expected fewer "
                     f"sources cited on this slide (at most {MAX_FOOTNOTE_LINES} lines)",
                     "shrunk")
    return note, footnote_text_height(ctx, note)


def footnote_text_height(ctx: Context, note: str) -> float:
    """Return the height of the footnote box that holds all the lines of ``note``."""
    return _note_lines(ctx, note) * _text.line_height(scale.SOURCE_NOTE_PT) / 0.95 + 1


def _note_lines(ctx: Context, note: str) -> int:
    """Return how many lines ``note`` takes across the slide at the source-note size."""
    para = ctx.para(note, scale.SOURCE_NOTE_PT, colour=ctx.palette.muted, markup_=False)
    return fit.lines(para, ctx.geo.content_width)


def continued_note(ctx: Context, cites: list[markup.Cite]) -> str:
    """Return the one-line source note of a continued slide: the publishers (or titles) of
    ``cites``, or, if even that takes more than a line, a pointer to the first slide."""
    names = [ctx.sources[c.id].publisher or ctx.sources[c.id].title for c in cites
             if c.id in ctx.sources]
    names = list(dict.fromkeys(markup.plain(n) for n in names))
    if not names:
        return ""
    note = ctx.word("sources_note" if len(names) > 1 else "source_note",
                    sources=ctx.locale.join(names))
    para = ctx.para(note, scale.SOURCE_NOTE_PT, colour=ctx.palette.muted, markup_=False)
    return note if fit.lines(para, ctx.geo.content_width) == 1 else ctx.word("sources_as_before")


def footnote(ctx: Context, note: str, h: float) -> TextBox:
    """Return the source footnote box."""
    para = ctx.para(note, scale.SOURCE_NOTE_PT, colour=ctx.palette.muted, markup_=False)
    return ctx.text(ctx.geo.footnote(h), [para], role="footnote", anchor="bottom")


def decorations(ctx: Context) -> list[Element]:
    """Return the accent rule and, if the brand has one, the logo."""
    out: list[Element] = [Shape(ctx.geo.rule, ctx.palette.primary)]
    if ctx.brand.logo:
        out.append(Picture(ctx.geo.logo, ctx.brand.logo,
                           ctx.word("logo", name=ctx.brand.name or "").strip(),
                           align="right"))
    return out


def footer(ctx: Context, number: int) -> list[TextBox]:
    """Return the footer line (footer and confidentiality) and the slide number.

    The number is a slide-number field showing ``number``; the writer puts both in the
    layout's footer and slide-number placeholders where it has them.
    """
    meta = ctx.outline.meta
    parts = [p for p in (meta.footer, meta.confidentiality) if p]
    out = []
    if parts:
        para = ctx.para("  |  ".join(parts), scale.FOOTER_PT, colour=ctx.palette.muted,
                        markup_=False)
        out.append(ctx.text(ctx.geo.footer, [para], role="footer", anchor="bottom"))
    num = ctx.para(str(number), scale.FOOTER_PT, colour=ctx.palette.muted, markup_=False,
                   align="right", field="slidenum")
    out.append(ctx.text(ctx.geo.number, [num], role="number", anchor="bottom"))
    return out
