"""The brief's type scale, page geometry and paragraph styles, from the brand."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .. import brand as _brand
from ..model import Brand
from .fonts import Family, register

PAGE = A4
MARGIN_X = 24 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
HEADER_GAP = 12 * mm
"""Distance from the top of the text frame up to the running header's baseline."""

BODY_PT, BODY_LEADING = 10, 14.5
LEAD_PT, LEAD_LEADING = 12, 17
H1_PT, H1_LEADING = 24, 29
CHAPTER_NO_PT = 40
H2_PT, H2_LEADING = 13, 17
H3_PT, H3_LEADING = 10.5, 14
SMALL_PT, SMALL_LEADING = 8, 10.5
CELL_PT, CELL_LEADING = 8.5, 11
STAT_PT, STAT_LEADING = 24, 27
QUOTE_PT, QUOTE_LEADING = 14, 20
COVER_TITLE_PT, COVER_TITLE_LEADING = 34, 40
COVER_SUB_PT, COVER_SUB_LEADING = 15, 20
COVER_TITLE_DROP = 96
"""Space above the cover's title inside the dark band, in points."""
FOOTER_PT = 7.5
CHART_PT = 7.5
CHART_HEIGHT = 62 * mm
CHAPTER_ROOM = 0.45 * (PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM)
"""A chapter opens on the same page as the last one ended only if this much is left."""
CHAPTER_GAP = 36
"""Space above a chapter's opening when it shares a page with the chapter before."""
SPACE = 8
"""The unit of vertical rhythm between blocks, in points."""


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
    hex_primary: str
    ink: colors.Color
    """Headings' colour: the dark brand colour, or body text where that would not read."""
    paint_background: bool
    """Whether pages need their background painted (it is not white)."""


class Styles:
    """Every paragraph style of the brief, with the fonts and palette they use."""

    def __init__(self, brand: Brand):
        p = brand.palette
        self.body_font = register(brand.fonts.body)
        self.heading_font = register(brand.fonts.heading)
        self.palette = Palette(
            colour(p.primary), colour(p.secondary), colour(p.accent), colour(p.text),
            colour(p.muted), colour(p.background), colour(p.surface),
            colour(_brand.on_colour(p.primary, brand)),
            colour(_brand.on_colour(p.secondary, brand)),
            tuple(colour(c) for c in _brand.chart_colours(brand)), p.primary,
            colour(p.secondary if _brand.contrast(p.secondary, p.background) >= _brand.AA_LARGE
                   else p.text),
            p.background.upper() != "#FFFFFF")
        self._make()

    def _style(self, name: str, font: Family, size: float, leading: float, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", self.palette.text)
        return ParagraphStyle(name, fontName=kw.pop("fontName", font.regular), fontSize=size,
                              leading=leading, allowWidows=0, allowOrphans=0,
                              splitLongWords=1, **kw)

    def _make(self) -> None:
        b, h, pal = self.body_font, self.heading_font, self.palette
        self.body = self._style("body", b, BODY_PT, BODY_LEADING, spaceAfter=SPACE)
        self.lead = self._style("lead", b, LEAD_PT, LEAD_LEADING, spaceAfter=SPACE * 1.5,
                                textColor=pal.ink)
        self.chapter_no = self._style("chapter-no", h, CHAPTER_NO_PT, CHAPTER_NO_PT,
                                      fontName=h.bold, textColor=pal.primary, keepWithNext=1,
                                      spaceBefore=CHAPTER_GAP, spaceAfter=4)
        self.h1 = self._style("h1", h, H1_PT, H1_LEADING, fontName=h.bold,
                              textColor=pal.ink, keepWithNext=1, spaceAfter=SPACE)
        self.h2 = self._style("h2", h, H2_PT, H2_LEADING, fontName=h.bold, textColor=pal.primary,
                              keepWithNext=1, spaceBefore=SPACE * 1.5, spaceAfter=SPACE * 0.75)
        self.h3 = self._style("h3", h, H3_PT, H3_LEADING, fontName=h.bold,
                              textColor=pal.ink, keepWithNext=1, spaceAfter=3)
        # A table's title is not kept with its table, so a long table starts on the same
        # page; a CondPageBreak before the title keeps it off the foot of a page.
        self.table_head = self._style("table-head", h, H3_PT, H3_LEADING, fontName=h.bold,
                                      textColor=pal.ink, spaceAfter=4)
        self.kicker = self._style("kicker", h, SMALL_PT + 0.5, SMALL_LEADING, fontName=h.bold,
                                  textColor=pal.primary, keepWithNext=1,
                                  spaceBefore=CHAPTER_GAP, spaceAfter=5)
        self.small = self._style("small", b, SMALL_PT, SMALL_LEADING, textColor=pal.muted)
        self.caption = self._style("caption", b, SMALL_PT, SMALL_LEADING, textColor=pal.muted,
                                   spaceBefore=3, spaceAfter=SPACE * 1.5)
        self.cell = self._style("cell", b, CELL_PT, CELL_LEADING)
        self.cell_head = self._style("cell-head", b, CELL_PT, CELL_LEADING, fontName=b.bold,
                                     textColor=pal.on_primary)
        self.cell_strong = self._style("cell-strong", b, CELL_PT, CELL_LEADING, fontName=b.bold,
                                       textColor=pal.ink)
        self.stat_value = self._style("stat-value", h, STAT_PT, STAT_LEADING, fontName=h.bold,
                                      textColor=pal.primary, spaceAfter=2)
        self.stat_label = self._style("stat-label", b, CELL_PT + 0.5, CELL_LEADING + 0.5,
                                      fontName=b.bold, textColor=pal.ink)
        self.stat_detail = self._style("stat-detail", b, SMALL_PT, SMALL_LEADING,
                                       textColor=pal.muted, spaceBefore=2)
        self.quote = self._style("quote", h, QUOTE_PT, QUOTE_LEADING, fontName=h.italic,
                                 textColor=pal.ink)
        self.attribution = self._style("attribution", b, BODY_PT - 1, BODY_LEADING - 1,
                                       textColor=pal.muted, spaceBefore=6)
        self.bullet = self._style("bullet", b, BODY_PT, BODY_LEADING - 0.5, spaceAfter=3)
        self.box_title = self._style("box-title", h, SMALL_PT + 0.5, SMALL_LEADING,
                                     fontName=h.bold, textColor=pal.primary, spaceAfter=5)
        self.source = self._style("source", b, SMALL_PT + 0.5, SMALL_LEADING + 1.5,
                                  leftIndent=22, firstLineIndent=-22, spaceAfter=5)
        self.cover_title = self._style("cover-title", h, COVER_TITLE_PT, COVER_TITLE_LEADING,
                                       fontName=h.bold, textColor=pal.on_secondary,
                                       spaceAfter=14)
        self.cover_kicker = self._style("cover-kicker", b, SMALL_PT + 1, SMALL_LEADING + 2,
                                        fontName=b.bold, textColor=pal.on_secondary,
                                        spaceAfter=10)
        self.cover_sub = self._style("cover-sub", b, COVER_SUB_PT, COVER_SUB_LEADING,
                                     textColor=pal.on_secondary)
        self.cover_meta = self._style("cover-meta", b, BODY_PT + 1, BODY_LEADING + 2,
                                      textColor=pal.ink)
        self.cover_meta_strong = self._style("cover-meta-strong", b, BODY_PT + 2,
                                             BODY_LEADING + 3, fontName=b.bold,
                                             textColor=pal.ink)
        self.toc_levels = [
            self._style("toc-1", b, BODY_PT + 1, BODY_LEADING + 4, fontName=b.bold,
                        textColor=pal.ink, leftIndent=0, firstLineIndent=0,
                        spaceBefore=4),
            self._style("toc-2", b, BODY_PT, BODY_LEADING, leftIndent=18, firstLineIndent=0),
        ]
        self.footer = self._style("footer", b, FOOTER_PT, FOOTER_PT * 1.3, textColor=pal.muted)
        self.footer_right = self._style("footer-r", b, FOOTER_PT, FOOTER_PT * 1.3,
                                        textColor=pal.muted, alignment=TA_RIGHT)
        self.centre = TA_CENTER
        self.left = TA_LEFT
