"""Chart series colours both builders use: each visible on the plot, each told from the others.

WCAG 2.1 SC 1.4.11 (non-text contrast) asks that the parts of a graphic needed to understand
it have 3:1 contrast against what they sit on, and that series which carry meaning can be
told apart. So every series colour is brought to 3:1 against the background (its lightness
moved, its hue kept) and kept only if it is far enough, in CIEDE2000 colour difference, from
every colour already chosen. When the palette runs out, tints and shades of its colours that
pass both tests are added, farthest first. ``capacity`` is how many series a brand can
separate; the checks stage warns about charts with more.

Colour alone does not carry a line chart: a palette of one or two hues gives series that
pass that test yet read as near neighbours (four blue-greys), and a line is thin. So when
any two of a line chart's series are closer than ``CLEAR_DISTANCE``, every series also gets
its own dash pattern and marker shape (``line_styles``), in the brief, deck.pdf and the
deck's native chart alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from . import brand as _brand
from .model import Brand, Chart

MIN_CONTRAST = 3.0
"""WCAG 1.4.11: a series (line, bar, slice) against the plot background."""
MIN_DISTANCE = 10.0
"""CIEDE2000 difference that keeps two series apart at a glance (2.3 is just noticeable;
about 10 is clearly different to most readers, 12 leaves room for projectors)."""
CLEAR_DISTANCE = 20.0
"""CIEDE2000 difference at which two thin lines read as different series by colour alone,
also on a projector and to a reader with a colour-vision deficiency; closer line series
differ in dash and marker as well."""
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
"""The dash patterns of line series told apart by more than colour, in series order."""
MARKERS = ("circle", "square", "triangle", "diamond", "x", "plus")
"""The marker shapes of line series told apart by more than colour, in series order."""
MAX_SERIES = 12
"""No palette is stretched past this many colours: more series need grouping, not colour."""
_LIGHTNESS_STEPS = tuple(range(18, 94, 4))
"""CIELAB lightness values tried when a tint or shade of a palette colour is derived."""

Lab = tuple[float, float, float]
C = TypeVar("C")


def series_colours(brand: Brand) -> list[str]:
    """Return the brand's chart colours as '#RRGGBB', each passing 3:1 on the background.

    The list is as long as the palette can separate (see ``capacity``); a chart with more
    series than that reuses colours from the start, which the checks stage warns about.
    """
    p = brand.palette
    return list(_separable(tuple(_brand.chart_colours(brand)), p.background, p.text))


def capacity(brand: Brand) -> int:
    """Return how many chart series the brand's palette can tell apart on its background."""
    return len(series_colours(brand))


def series_count(chart: Chart) -> int:
    """Return how many colours ``chart`` needs: its slices for a pie or doughnut, else its
    series."""
    if chart.type in ("pie", "doughnut"):
        return len(chart.categories)
    return len(chart.series)


class LineStyle(NamedTuple):
    """How one line series is drawn besides its colour: its dash pattern ('solid', 'dash',
    'dot', 'dashdot', 'longdash', 'longdashdot') and its marker ('circle', 'square',
    'triangle', 'diamond', 'x', 'plus')."""

    dash: str
    marker: str


PLAIN = LineStyle("solid", "circle")
"""The style of every series of a line chart whose colours are told apart by themselves."""


def line_styles(colours: Sequence[str], count: int) -> tuple[LineStyle, ...]:
    """Return the style of each of ``count`` line series drawn in ``colours`` (in turn).

    All plain while every two of the series' colours are ``CLEAR_DISTANCE`` apart; else
    each series its own dash and marker (``DASHES``, ``MARKERS``), so that no two series
    differ by colour alone: the first six in both, and past six (where the dashes come
    round again) the markers are shifted one further, so a series never repeats the
    style of one six before it.
    """
    drawn = [colours[i % len(colours)] for i in range(count)] if colours else []
    if all(distance(a, b) >= CLEAR_DISTANCE for i, a in enumerate(drawn)
           for b in drawn[i + 1:]):
        return (PLAIN,) * count
    return tuple(LineStyle(DASHES[i % len(DASHES)],
                           MARKERS[(i + i // len(DASHES)) % len(MARKERS)])
                 for i in range(count))


def slice_colour(colours: Sequence[C], i: int, n: int) -> C:
    """Return the colour of slice ``i`` of ``n`` in a pie or doughnut drawn with ``colours``.

    Slices take the colours in turn. When there are more slices than colours (the checks
    stage warns), the turn would give the last slice the first slice's colour, and the
    two touch at twelve o'clock; the last slice then takes a colour neither neighbour has.
    """
    k = len(colours)
    if i == n - 1 and n > k >= 3 and i % k == 0:
        before = (i - 1) % k
        return colours[next(j for j in range(1, k) if j != before)]
    return colours[i % k]


@lru_cache(maxsize=64)
def _separable(palette: tuple[str, ...], background: str, text: str) -> tuple[str, ...]:
    """Return the palette made visible and separable, extended with derived tints and shades.

    The text colour is kept out: a series drawn in it would read as an axis or a label.
    """
    bg = _lab(background)
    reserved = [_lab(text)]
    chosen: list[Lab] = []
    for colour in palette:
        lab = _visible(_lab(colour), background)
        if lab is not None and _far(lab, chosen + reserved):
            chosen.append(lab)
    bases = chosen[:] or [_lab("#1F4E79")]
    candidates = [c for (_, a, b) in bases for L in _LIGHTNESS_STEPS
                  if _in_gamut(c := (float(L), a, b)) and _contrast_lab(c, bg) >= MIN_CONTRAST]
    while len(chosen) < MAX_SERIES:
        taken = chosen + reserved
        best = max(candidates, key=lambda c: min(delta_e(c, k) for k in taken), default=None)
        if best is None or not _far(best, taken):
            break
        chosen.append(best)
    return tuple(_hex(c) for c in chosen)


def _far(lab: Lab, chosen: list[Lab]) -> bool:
    return all(delta_e(lab, other) >= MIN_DISTANCE for other in chosen)


def _visible(lab: Lab, background: str) -> Lab | None:
    """Return ``lab`` with its lightness moved just far enough for 3:1 on ``background``.

    Lighter on a dark background, darker on a light one; None if no lightness reaches it.
    """
    bg = _lab(background)
    if _contrast_lab(lab, bg) >= MIN_CONTRAST:
        return lab
    step = 1.0 if bg[0] < 50 else -1.0
    L, a, b = lab
    while 0.0 <= L <= 100.0:
        L += step
        c = _fit_gamut((L, a, b))
        if _contrast_lab(c, bg) >= MIN_CONTRAST:
            return c
    return None


def _contrast_lab(a: Lab, b: Lab) -> float:
    return _brand.contrast("#" + _hex(a).lstrip("#"), "#" + _hex(b).lstrip("#"))


# --- colour science: sRGB <-> CIELAB (D65), CIEDE2000 --------------------------------

_WHITE = (0.95047, 1.0, 1.08883)


def _lab(hexstr: str) -> Lab:
    rgb = _brand.RGB.hex(hexstr)

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = lin(rgb.r), lin(rgb.g), lin(rgb.b)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _rgb_floats(lab: Lab) -> tuple[float, float, float]:
    L, a, b = lab
    fy = (L + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def finv(t: float) -> float:
        return t ** 3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    x, y, z = (finv(t) * w for t, w in zip((fx, fy, fz), _WHITE, strict=True))
    lin = (3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z,
           0.0557 * x - 0.2040 * y + 1.0570 * z)

    def gamma(c: float) -> float:
        return 12.92 * c if c <= 0.0031308 else 1.055 * max(c, 0.0) ** (1 / 2.4) - 0.055

    r, g, b = (gamma(c) for c in lin)
    return r, g, b


def _in_gamut(lab: Lab) -> bool:
    return all(-0.001 <= c <= 1.001 for c in _rgb_floats(lab))


def _fit_gamut(lab: Lab) -> Lab:
    """Return ``lab`` with its chroma reduced until it is an sRGB colour."""
    L, a, b = lab
    for k in range(21):
        c = (L, a * (1 - k / 20), b * (1 - k / 20))
        if _in_gamut(c):
            return c
    return (L, 0.0, 0.0)


def _hex(lab: Lab) -> str:
    r, g, b = (min(255, max(0, round(c * 255))) for c in _rgb_floats(lab))
    return f"#{r:02X}{g:02X}{b:02X}"


def distance(a: str, b: str) -> float:
    """Return the CIEDE2000 difference of two '#RRGGBB' colours (0 for the same colour)."""
    return delta_e(_lab(a), _lab(b))


def delta_e(lab1: Lab, lab2: Lab) -> float:
    """Return the CIEDE2000 colour difference of two CIELAB colours."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dL, dC = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    L_bar, C_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6))
         - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(C_bar ** 7 / (C_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (L_bar - 50) ** 2 / math.sqrt(20 + (L_bar - 50) ** 2)
    s_c = 1 + 0.045 * C_bar
    s_h = 1 + 0.015 * C_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dL / s_l) ** 2 + (dC / s_c) ** 2 + (dH / s_h) ** 2
                     + r_t * (dC / s_c) * (dH / s_h))
