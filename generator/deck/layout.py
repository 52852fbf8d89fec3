"""Slide geometry in points: the page, its margins and the boxes every slide shares."""

from __future__ import annotations

from dataclasses import dataclass

SLIDE_HEIGHT = 540.0
WIDTHS = {"16:9": 960.0, "4:3": 720.0, "16:10": 864.0}
"""Page width per slide shape; 16:10 comes only from a template of that shape."""
MARGIN_X = 48.0
RULE_Y = 30.0
RULE_W = 48.0
RULE_H = 4.0
TITLE_Y = 42.0
TITLE_H = 80.0
BODY_TOP = 136.0
BODY_GAP = 12.0
FOOTER_H = 14.0
FOOTER_BOTTOM = 22.0
FOOTNOTE_GAP = 8.0
NUMBER_W = 40.0
LOGO_MAX_W = 120.0
LOGO_H = 28.0
LOGO_GAP = 16.0
GUTTER = 24.0
PANEL_PAD = 14.0
FIT_MARGIN = 0.95
"""Text is fitted to this share of its box, leaving room for renderer differences."""
FIT_STEP = 1.0
"""Font sizes shrink in steps of this many points."""
BULLET_INDENT = 0.9
"""Hanging indent of a bullet, as a multiple of the font size."""
SUB_BULLET_INDENT = 2.0
"""Left margin of a sub-bullet's text, as a multiple of the body font size."""
TIMELINE_MAX_EVENTS = {"16:9": 6, "4:3": 4, "16:10": 5}
MAX_FOOTNOTE_LINES = 3


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide: left, top, width, height in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """The x coordinate of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """The y coordinate of the bottom edge."""
        return self.y + self.h

    def overlaps(self, other: Box, tolerance: float = 0.5) -> bool:
        """Whether the two rectangles share more than ``tolerance`` points of area edge."""
        return (self.x + tolerance < other.right and other.x + tolerance < self.right
                and self.y + tolerance < other.bottom and other.y + tolerance < self.bottom)

    def take_top(self, h: float, gap: float = 0.0) -> tuple[Box, Box]:
        """Return (a box ``h`` high at the top, the rest below it after ``gap``)."""
        return Box(self.x, self.y, self.w, h), Box(self.x, self.y + h + gap, self.w,
                                                   max(self.h - h - gap, 0.0))

    def take_bottom(self, h: float, gap: float = 0.0) -> tuple[Box, Box]:
        """Return (the rest above, a box ``h`` high at the bottom after ``gap``)."""
        return (Box(self.x, self.y, self.w, max(self.h - h - gap, 0.0)),
                Box(self.x, self.bottom - h, self.w, h))

    def columns(self, n: int, gap: float) -> list[Box]:
        """Return ``n`` equal columns across the box with ``gap`` between them."""
        w = (self.w - gap * (n - 1)) / n
        return [Box(self.x + i * (w + gap), self.y, w, self.h) for i in range(n)]


@dataclass(frozen=True)
class Geometry:
    """Where things go on a slide of one aspect ratio."""

    aspect: str
    width: float
    height: float = SLIDE_HEIGHT
    has_logo: bool = False

    @property
    def content_width(self) -> float:
        """Width between the side margins."""
        return self.width - 2 * MARGIN_X

    @property
    def rule(self) -> Box:
        """The short accent bar above the title."""
        return Box(MARGIN_X, RULE_Y, RULE_W, RULE_H)

    @property
    def logo(self) -> Box:
        """The largest box the logo may take, top right."""
        return Box(self.width - MARGIN_X - LOGO_MAX_W, RULE_Y - 8, LOGO_MAX_W, LOGO_H)

    @property
    def title(self) -> Box:
        """The title of a content slide."""
        w = self.content_width - (LOGO_MAX_W + LOGO_GAP if self.has_logo else 0)
        return Box(MARGIN_X, TITLE_Y, w, TITLE_H)

    @property
    def footer(self) -> Box:
        """The footer line, left of the slide number."""
        y = self.height - FOOTER_BOTTOM - FOOTER_H
        return Box(MARGIN_X, y, self.content_width - NUMBER_W - GUTTER, FOOTER_H)

    @property
    def number(self) -> Box:
        """The slide number, bottom right."""
        return Box(self.width - MARGIN_X - NUMBER_W, self.footer.y, NUMBER_W, FOOTER_H)

    @property
    def content_bottom(self) -> float:
        """The lowest y that body text and footnotes may reach."""
        return self.footer.y - BODY_GAP

    def body(self, footnote_h: float = 0.0) -> Box:
        """The body area of a content slide, above a footnote ``footnote_h`` high."""
        bottom = self.content_bottom - (footnote_h + FOOTNOTE_GAP if footnote_h else 0.0)
        return Box(MARGIN_X, BODY_TOP, self.content_width, bottom - BODY_TOP)

    def footnote(self, h: float) -> Box:
        """The source footnote, ``h`` high, just above the footer."""
        return Box(MARGIN_X, self.content_bottom - h, self.content_width, h)


def geometry(aspect: str, has_logo: bool = False) -> Geometry:
    """Return the geometry for ``aspect`` ('16:9', '4:3' or a template's '16:10')."""
    if aspect not in WIDTHS:
        raise ValueError(f"aspect '{aspect}' is not supported; expected 16:9, 4:3 or 16:10")
    return Geometry(aspect, WIDTHS[aspect], has_logo=has_logo)
