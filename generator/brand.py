"""Brand values shared by both builders: colours and contrast, font files, line spacing.

The deck's own type scale lives in ``deck/scale.py``; the brief's in ``brief/styles.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Brand

FONT_DIR = Path(__file__).parent / "fonts"

METRIC_FILES = {
    "arial": "LiberationSans",
    "liberation sans": "LiberationSans",
    "arimo": "LiberationSans",
    "helvetica": "LiberationSans",
    "calibri": "Carlito",
    "carlito": "Carlito",
    "cambria": "Caladea",
    "caladea": "Caladea",
    "times new roman": "LiberationSerif",
    "liberation serif": "LiberationSerif",
    "tinos": "LiberationSerif",
    "times": "LiberationSerif",
    "courier new": "LiberationMono",
    "liberation mono": "LiberationMono",
    "cousine": "LiberationMono",
    "courier": "LiberationMono",
}
"""Typeface name (lower case) -> the bundled, metric-compatible font files that measure it.

Each has its family's advance widths glyph for glyph, and LibreOffice substitutes it for
that family, so text measured here is laid out the same in PowerPoint, Keynote and
Impress: Liberation Sans for Arial, Carlito for Calibri, Caladea for Cambria, Liberation
Serif for Times New Roman and Liberation Mono for Courier New (all SIL OFL 1.1; licence
texts in generator/fonts/LICENSE-*.txt).
"""
FALLBACK_METRICS = "LiberationSans"
UNMEASURED_MARGIN = 0.88
"""Text in a font without bundled metrics is measured as ``FALLBACK_METRICS`` and fitted to
this share of the width it would otherwise get: room for a face up to about 12% wider
than Arial (Verdana, Georgia and Segoe UI are within it) to stay inside its box."""

FILE_FACE = "\0"
"""Separates the parts of a typeface given by the outline's own font files (see
``text.typeface``): the family name, then the files of its regular, bold, italic and bold
italic styles. No family name or path holds a NUL, so a typeface with one is such a key."""

STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
          (True, True): "BoldItalic"}

# --- measures both builders use ---------------------------------------------------

LINE_SPACING = 1.2
"""Line height as a multiple of the font size, used by measurement and by the text frames."""

WORDS_PER_SLIDE = 60
"""More words than this on one slide is more than an audience reads while listening."""

AA_BODY = 4.5
AA_LARGE = 3.0


@dataclass(frozen=True)
class RGB:
    """A colour as three 0-255 channels."""

    r: int
    g: int
    b: int

    @classmethod
    def hex(cls, value: str) -> RGB:
        """Return the colour of a '#RRGGBB' string."""
        value = value.lstrip("#")
        return cls(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))

    @property
    def luminance(self) -> float:
        """Relative luminance as WCAG 2 defines it."""

        def channel(c: int) -> float:
            s = c / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)

    @property
    def hexstr(self) -> str:
        """The colour as 'RRGGBB' without the hash."""
        return f"{self.r:02X}{self.g:02X}{self.b:02X}"


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two '#RRGGBB' colours (1.0 to 21.0)."""
    return luminance_ratio(RGB.hex(a).luminance, RGB.hex(b).luminance)


def luminance_ratio(a: float, b: float) -> float:
    """Return the WCAG contrast ratio of two relative luminances, in either order."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def on_colour(background: str, brand: Brand) -> str:
    """Return the brand's text or background colour, whichever reads better on ``background``."""
    light, dark = brand.palette.background, brand.palette.text
    if RGB.hex(light).luminance < RGB.hex(dark).luminance:
        light, dark = dark, light
    return light if contrast(background, light) >= contrast(background, dark) else dark


def chart_colours(brand: Brand) -> list[str]:
    """Return the series colours for charts: the palette's own, or ones derived from it."""
    p = brand.palette
    return list(p.chart) or [p.primary, p.secondary, p.accent, p.muted, p.surface]


def text_pairs(brand: Brand) -> list[tuple[str, str, str, float]]:
    """Return (what, foreground, background, required ratio) for every text colour in use."""
    p = brand.palette
    title_on = on_colour(p.secondary, brand)
    return [
        ("body text on background", p.text, p.background, AA_BODY),
        ("muted text on background", p.muted, p.background, AA_BODY),
        ("body text on surface", p.text, p.surface, AA_BODY),
        ("title text on dark slides", title_on, p.secondary, AA_LARGE),
        ("primary headings on background", p.primary, p.background, AA_LARGE),
        ("header text on primary", on_colour(p.primary, brand), p.primary, AA_LARGE),
    ]


def low_pairs(brand: Brand) -> frozenset[tuple[str, str]]:
    """Return the (foreground, background) pairs ``contrast_warnings`` warns about."""
    return frozenset((fg.upper(), bg.upper()) for _, fg, bg, need in text_pairs(brand)
                     if contrast(fg, bg) + 1e-9 < need)


def contrast_warnings(brand: Brand) -> list[str]:
    """Return a message for each colour pair below its WCAG AA contrast ratio."""
    out = []
    for what, fg, bg, need in text_pairs(brand):
        ratio = contrast(fg, bg)
        if ratio + 1e-9 < need:
            out.append(f"low contrast: {what} ({fg} on {bg}) is {ratio:.2f}:1; "
                       f"expected at least {need}:1 (WCAG AA)")
    return out


def file_face(family: str, files: dict[tuple[bool, bool], str]) -> str:
    """Return the typeface ``family`` drawn by the font ``files`` of its styles ((bold,
    italic) -> path; the regular style is required, a missing one uses the nearest given)."""
    def nearest(bold: bool, italic: bool) -> str:
        for style in ((bold, italic), (bold, False), (False, italic), (False, False)):
            if style in files:
                return files[style]
        raise KeyError("a file for the regular style")

    return FILE_FACE.join([family, *(nearest(b, i) for b, i in STYLES)])


def family_name(face: str) -> str:
    """Return the family name a deck writes for the typeface ``face`` ('DejaVu Sans')."""
    return face.split(FILE_FACE, 1)[0]


def metric_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """Return the font file that measures ``family`` in that style: the outline's own file
    for a typeface given by files (``file_face``), else the bundled metric-compatible one."""
    if FILE_FACE in family:
        return Path(family.split(FILE_FACE)[1 + list(STYLES).index((bold, italic))])
    stem = METRIC_FILES.get(family.strip().lower(), FALLBACK_METRICS)
    return FONT_DIR / f"{stem}-{STYLES[(bold, italic)]}.ttf"


def measurable(family: str) -> bool:
    """Whether ``family``'s real metrics are known: a bundled metric-compatible font, or the
    outline's own files (``file_face``); else a fallback measures it, with a margin."""
    return FILE_FACE in family or family.strip().lower() in METRIC_FILES
