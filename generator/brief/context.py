"""What every translation step shares: styles, the citation numbering, glyph fallback."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from .. import locale as _locale
from ..checks.glyphs import fallback_files
from ..model import Outline
from ..text import citations as _citations
from . import markup as _markup
from .fonts import GlyphMap
from .styles import Styles
from .tagging import Structure
from .typesetting import Paragraph


class Context:
    """Turns outline text into paragraphs in the brand's styles, numbering citations."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.styles = Styles(outline.brand, outline.meta.language)
        self.glyphs = GlyphMap([outline.brand.fonts.body, outline.brand.fonts.heading],
                               fallback_files(outline))
        self.citations = _markup.outline_citations(outline)
        self.link_colour = _markup.colour(outline.brand.palette.primary)
        """The colour of links and citation numbers, as paragraph markup names it."""
        self.locale = _locale.of(outline)
        """The outline's language: every word the brief writes itself, dates, quotes."""
        self.figures = 0
        self.tables = 0
        self.tags = Structure()
        """The brief's structure tree, which the story adds to as it is made."""

    def word(self, key: str, /, **values: object) -> str:
        """Return the generated word ``key`` in the outline's language (see ``locale``)."""
        return self.locale.word(key, **values)

    def colour(self, name: str) -> str:
        """Return the palette colour ``name`` ('primary', 'muted', ...) for paragraph markup."""
        return _markup.colour(getattr(self.outline.brand.palette, name))

    def markup(self, text: str) -> str:
        """Return paragraph markup of inline-marked ``text``, citations numbered."""
        return _markup.markup(text, self.citations, link_colour=self.link_colour,
                              fallback=self.glyphs.fallbacks)

    def literal(self, text: str) -> str:
        """Return paragraph markup showing ``text`` exactly (no inline markup)."""
        return _markup.literal(text, self.glyphs.fallbacks)

    def cite(self, source_id: str | None, text: str | None = None) -> str:
        """Return ' [n]' linked to the source's entry, or '' when there is no source.

        Also '' when ``text`` (shown beside it) cites the source already: never '[4] [4]'.
        """
        if source_id and text and source_id in _citations(text):
            return ""
        cite = _markup.cite_markup(source_id, self.citations, self.link_colour)
        return f" {cite}" if cite else ""

    def para(self, text: str, style: ParagraphStyle, suffix: str = "",
             role: str | None = None, **attrs) -> Paragraph:
        """Return a paragraph of inline-marked ``text``, with extra markup ``suffix``.

        The paragraph is a new element of the structure tree, of type ``role`` (by default
        the one its style stands for).
        """
        return self.tagged(self.markup(text) + suffix, style, role, **attrs)

    def plain_para(self, text: str, style: ParagraphStyle, suffix: str = "",
                   role: str | None = None, **attrs) -> Paragraph:
        """Return a paragraph showing ``text`` literally, with extra markup ``suffix``."""
        return self.tagged(self.literal(text) + suffix, style, role, **attrs)

    def tagged(self, markup: str, style: ParagraphStyle, role: str | None = None,
               bulletText: str | None = None, **attrs) -> Paragraph:
        """Return a paragraph of paragraph ``markup``, a new element of the structure tree."""
        return self.tags.tag(Paragraph(markup, style, bulletText=bulletText), role, **attrs)
