"""The brief's type scale, page geometry and paragraph styles, from the brand."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from .. import brand as _brand
from .. import chart_colours
from ..model import Brand
from ..text import hyphenate as _hyphenate
from ..text import typeface
from .fonts import Family, register
from .geometry import (  # noqa: F401 - the page geometry, named here for the brief's modules
    CELL_LEADING,
    CELL_PT,
    CHART_HEIGHT,
    CHART_PT,
    CHART_SHARE,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GUTTER,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    PIE_HEIGHT,
)
from .geometry import MM as mm
from .typesetting import Breaker

HEADER_GAP = 10 * mm
"""Distance from the top of the text frame up to the running header's baseline."""

BODY_PT, BODY_LEADING = 9.5, 13.5
LEAD_PT, LEAD_LEADING = 10.5, 14.5
H1_PT, H1_LEADING = 16, 20
H2_PT, H2_LEADING = 10.5, 14
H3_PT, H3_LEADING = 9.5, 12.5
SMALL_PT, SMALL_LEADING = 7.5, 9.5
STAT_PT, STAT_LEADING = 16, 18
QUOTE_PT, QUOTE_LEADING = 11, 15
COVER_TITLE_PT, COVER_TITLE_LEADING = 34, 40
COVER_SUB_PT, COVER_SUB_LEADING = 15, 20
COVER_TITLE_DROP = 96
"""Space above the cover's title inside the dark band, in points."""
FOOTER_PT = 7
CHAPTER_GAP = 22
"""Space above a chapter's opening when it shares a page with the chapter before."""
SPACE = 6
"""The unit of vertical rhythm between blocks, in points."""
CHAPTER_LINES = 2
"""Lines of text, after its lead's first line, a chapter opening at a page's foot has under
its heading: a typesetter's rule (a heading is never followed by fewer than two lines)."""
CHAPTER_ROOM = (H1_LEADING + SPACE * 2 + 1 + LEAD_LEADING + SPACE
                + CHAPTER_LINES * BODY_LEADING)
"""Room a chapter needs to open on a page: its heading with the space and 1 pt rule under
it, its lead's first line and ``CHAPTER_LINES`` lines of text (the space above the heading
not counted). With less room left it opens on the next page; with more it follows the
chapter before, as a report's chapters run on (a start in the bottom third moved to a new
page left pages a third empty)."""


def colour(value: str) -> colors.Color:
    """Return the reportlab colour of a '#RRGGBB' string."""
    return colors.HexColor(value)


@dataclass(frozen=True)
class Palette:
    """The brand palette as reportlab colours, plus the readable text colours on each fill."""

    primary: colors.Color
    secondary: colors.Color
    accent: colors.Color
    text: colors.Color
    muted: colors.Color
    background: colors.Color
    surface: colors.Color
    on_primary: colors.Color
    on_secondary: colors.Color
    chart: tuple[colors.Color, ...]
    ink: colors.Color
    """Headings' colour: the dark brand colour, or body text where that would not read."""
    paint_background: bool
    """Whether pages need their background painted (it is not white)."""


class Styles:
    """Every paragraph style of the brief, with the fonts and palette they use."""

    def __init__(self, brand: Brand, language: str | None = None):
        p = brand.palette
        self.hyphenation = Breaker(_hyphenate.dictionary_name(language))
        """Where reportlab may split a word: the deck's rules and dictionary (``text``)."""
        self.unhyphenated = Breaker(None)
        """The same rules without a dictionary: breaks after slashes, dashes and the like,
        never at a hyphenation point (table cells whose columns hold their words whole)."""
        self.body_font = register(typeface(brand.fonts, "body"))
        self.heading_font = register(typeface(brand.fonts, "heading"))
        self.palette = Palette(
            colour(p.primary), colour(p.secondary), colour(p.accent), colour(p.text),
            colour(p.muted), colour(p.background), colour(p.surface),
            colour(_brand.on_colour(p.primary, brand)),
            colour(_brand.on_colour(p.secondary, brand)),
            tuple(colour(c) for c in chart_colours.series_colours(brand)),
            colour(p.secondary if _brand.contrast(p.secondary, p.background) >= _brand.AA_LARGE
                   else p.text),
            p.background.upper() != "#FFFFFF")
        self._make()

    def _style(self, name: str, font: Family, size: float, leading: float, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", self.palette.text)
        return ParagraphStyle(name, fontName=kw.pop("fontName", font.regular), fontSize=size,
                              leading=leading, allowWidows=0, allowOrphans=0,
                              hyphenationLang=self.hyphenation, embeddedHyphenation=2,
                              hyphenationMinWordLength=_hyphenate.MIN_WORD,
                              splitLongWords=1, **kw)

    def _make(self) -> None:
        b, h, pal = self.body_font, self.heading_font, self.palette
        self.body = self._style("body", b, BODY_PT, BODY_LEADING, spaceAfter=SPACE - 1)
        self.lead = self._style("lead", b, LEAD_PT, LEAD_LEADING, spaceAfter=SPACE,
                                textColor=pal.ink)
        self.h1 = self._style("h1", h, H1_PT, H1_LEADING, fontName=h.bold,
                              textColor=pal.ink, keepWithNext=1, spaceBefore=CHAPTER_GAP,
                              spaceAfter=SPACE / 2)
        self.h2 = self._style("h2", h, H2_PT, H2_LEADING, fontName=h.bold, textColor=pal.ink,
                              keepWithNext=1, spaceBefore=SPACE * 1.5, spaceAfter=2)
        self.h3 = self._style("h3", h, H3_PT, H3_LEADING, fontName=h.bold,
                              textColor=pal.ink, keepWithNext=1, spaceAfter=3)
        # A table's title is not kept with its table, so a long table starts on the same
        # page; a CondPageBreak before the title keeps it off the foot of a page.
        self.table_head = self._style("table-head", h, H3_PT, H3_LEADING, fontName=h.bold,
                                      textColor=pal.ink, spaceBefore=SPACE / 2, spaceAfter=3)
        self.column_head = self._style("column-head", h, BODY_PT, H3_LEADING, fontName=h.bold,
                                       textColor=pal.ink, keepWithNext=1, spaceAfter=3)
        self.bullet = self._style("bullet", b, BODY_PT, BODY_LEADING, leftIndent=12,
                                  bulletIndent=2, bulletFontName=b.regular, spaceAfter=2)
        self.sub_bullet = self._style("sub-bullet", b, BODY_PT - 0.5, BODY_LEADING - 1,
                                      leftIndent=24, bulletIndent=14, bulletFontName=b.regular,
                                      textColor=pal.muted, spaceAfter=2)
        self.small = self._style("small", b, SMALL_PT, SMALL_LEADING, textColor=pal.muted)
        self.caption = self._style("caption", b, SMALL_PT, SMALL_LEADING, textColor=pal.muted,
                                   spaceBefore=2, spaceAfter=SPACE * 1.5)
        self.note = self._style("note", b, BODY_PT - 0.5, BODY_LEADING - 1, textColor=pal.ink,
                                spaceAfter=SPACE)
        self.peer_headline = self._style("peer-headline", h, BODY_PT, BODY_LEADING - 1,
                                         textColor=pal.ink, keepWithNext=1, spaceAfter=4)
        self.peer_takeaway = self._style("peer-takeaway", b, BODY_PT - 0.5, BODY_LEADING - 1.5,
                                         spaceBefore=4)
        self.cell = self._style("cell", b, CELL_PT, CELL_LEADING)
        self.cell_head = self._style("cell-head", b, CELL_PT, CELL_LEADING, fontName=b.bold,
                                     textColor=pal.on_primary)
        self.cell_strong = self._style("cell-strong", b, CELL_PT, CELL_LEADING, fontName=b.bold,
                                       textColor=pal.ink)
        self.cell_date = self._style("cell-date", b, CELL_PT, CELL_LEADING, fontName=b.bold,
                                     textColor=pal.primary)
        self.stat_value = self._style("stat-value", h, STAT_PT, STAT_LEADING, fontName=h.bold,
                                      textColor=pal.primary, spaceAfter=1)
        self.stat_label = self._style("stat-label", b, CELL_PT, CELL_LEADING,
                                      fontName=b.bold, textColor=pal.ink)
        self.stat_detail = self._style("stat-detail", b, SMALL_PT, SMALL_LEADING,
                                       textColor=pal.muted, spaceBefore=1)
        self.quote = self._style("quote", h, QUOTE_PT, QUOTE_LEADING, fontName=h.italic,
                                 textColor=pal.ink)
        self.attribution = self._style("attribution", b, SMALL_PT + 0.5, SMALL_LEADING + 0.5,
                                       textColor=pal.muted, spaceBefore=3)
        self.box_bullet = self._style("box-bullet", b, BODY_PT - 0.5, BODY_LEADING - 1.5,
                                      leftIndent=10, bulletIndent=0, bulletFontName=b.bold,
                                      bulletColor=pal.primary)
        self.box_title = self._style("box-title", h, SMALL_PT, SMALL_LEADING,
                                     fontName=h.bold, textColor=pal.primary, spaceAfter=2)
        self.source = self._style("source", b, SMALL_PT, SMALL_LEADING,
                                  leftIndent=16, firstLineIndent=-16, spaceAfter=0)
        self.cover_title = self._style("cover-title", h, COVER_TITLE_PT, COVER_TITLE_LEADING,
                                       fontName=h.bold, textColor=pal.on_secondary,
                                       spaceAfter=14)
        self.cover_kicker = self._style("cover-kicker", b, SMALL_PT + 1.5, SMALL_LEADING + 2.5,
                                        fontName=b.bold, textColor=pal.on_secondary,
                                        spaceAfter=10)
        self.cover_sub = self._style("cover-sub", b, COVER_SUB_PT, COVER_SUB_LEADING,
                                     textColor=pal.on_secondary)
        self.cover_meta = self._style("cover-meta", b, BODY_PT + 1.5, BODY_LEADING + 2.5,
                                      textColor=pal.ink)
        self.cover_meta_strong = self._style("cover-meta-strong", b, BODY_PT + 2.5,
                                             BODY_LEADING + 3.5, fontName=b.bold,
                                             textColor=pal.ink)
        self.toc_levels = [
            self._style("toc-1", b, BODY_PT + 0.5, BODY_LEADING + 1, fontName=b.bold,
                        textColor=pal.ink, leftIndent=0, firstLineIndent=0,
                        spaceBefore=5),
            self._style("toc-2", b, BODY_PT, BODY_LEADING, leftIndent=18, firstLineIndent=0),
        ]
        self.footer = self._style("footer", b, FOOTER_PT, FOOTER_PT * 1.3, textColor=pal.muted)
        self.footer_right = self._style("footer-r", b, FOOTER_PT, FOOTER_PT * 1.3,
                                        textColor=pal.muted, alignment=TA_RIGHT)
        self.centre = TA_CENTER
        self.left = TA_LEFT
