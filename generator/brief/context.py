"""What every translation step shares: styles, the citation numbering, glyph fallback."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from ..model import Outline
from . import markup as _markup
from .fonts import GlyphMap
from .paragraph import Paragraph
from .styles import Styles


class Context:
    """Turns outline text into paragraphs in the brand's styles, numbering citations."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.styles = Styles(outline.brand, outline.meta.language)
        self.glyphs = GlyphMap([outline.brand.fonts.body, outline.brand.fonts.heading])
        self.citations = _markup.outline_citations(outline)
        self.link_colour = _markup.colour(outline.brand.palette.primary)
        """The colour of links and citation numbers, as paragraph markup names it."""
        self.figures = 0
        self.tables = 0

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

    def cite(self, source_id: str | None) -> str:
        """Return ' [n]' linked to the source's entry, or '' when there is no source."""
        cite = _markup.cite_markup(source_id, self.citations, self.link_colour)
        return f" {cite}" if cite else ""

    def para(self, text: str, style: ParagraphStyle, suffix: str = "") -> Paragraph:
        """Return a paragraph of inline-marked ``text``, with extra markup ``suffix``."""
        return Paragraph(self.markup(text) + suffix, style)

    def plain_para(self, text: str, style: ParagraphStyle, suffix: str = "") -> Paragraph:
        """Return a paragraph showing ``text`` literally, with extra markup ``suffix``."""
        return Paragraph(self.literal(text) + suffix, style)
