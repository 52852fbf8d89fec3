"""Charts as vector drawings, shared by the brief and the slides PDF, with a proof of their labels.

Neutral: it knows a chart of the model and a ``ChartLook`` of plain values, nothing of
either document. Both PDF builders draw their charts here, so a chart reads the same in
the brief and on a slide.

A chart is first laid out (``layout``: plain shapes and measured labels, no reportlab), then
drawn (``render``: reportlab graphics). Every text is measured with the bundled fonts'
metrics (``text.measure``) and placed as a box checked against the boxes already placed
(``chart_geometry``): value labels go where they touch nothing or are left out, line ends
are moved apart, category names wrap by the shared line breaker (a column chart whose names
cannot stand under their columns is drawn as bars), pie and doughnut labels sit outside
with leader lines, and characters the look's font lacks are set in a fallback font. What
that avoidance cannot place, and any two labels that still overlap or leave the figure,
``proof`` reports (the builders turn it into located findings, so ``check`` says it too).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import chart_colours
from . import chart_values as _values
from .chart_geometry import Rect, clear, collisions, crosses, spread
from .locale import ENGLISH_NUMBERS, NumberStyle
from .locale import get as _locale
from .model import Chart
from .text import FontMetrics, metrics, plain
from .text import breaking as _breaking

if TYPE_CHECKING:  # reportlab is imported only when a chart is drawn
    from reportlab.graphics.shapes import Drawing

BASE_PT = 7
"""The type size the chart's spacing was drawn for; larger type scales the spacing with it."""


@dataclass(frozen=True)
class ChartLook:
    """How a chart is drawn: its font family, type size and '#RRGGBB' colours.

    ``font`` is the family the text is measured (``text.metrics``) and drawn in; characters
    it lacks are set in the first of ``fallback_files`` (TrueType paths) that has them.
    ``grid`` colours the value grid lines, ``muted`` the zero line and pie leader lines,
    ``background`` the gaps between pie slices; ``series`` are used in turn. ``language``
    (BCP 47) chooses the hyphenation of wrapped names and how numbers are written.
    """

    font: str
    size: float
    text: str
    muted: str
    grid: str
    background: str
    series: tuple[str, ...]
    fallback_files: tuple[str, ...] = ()
    language: str | None = None

    @property
    def unit(self) -> float:
        """How much larger than ``BASE_PT`` the type is: spacing grows with it."""
        return self.size / BASE_PT

    @property
    def numbers(self) -> NumberStyle:
        """How the chart's numbers are written: its language's decimal mark and grouping."""
        return _locale(self.language).numbers if self.language else ENGLISH_NUMBERS


@dataclass(frozen=True)
class Mark:
    """A shape of a laid-out chart in plain values.

    ``kind`` and ``at``: 'line' (x0, y0, x1, y1), 'rect' (x, y, width, height), 'circle'
    (cx, cy, r), 'polyline' (x0, y0, x1, y1, ...), 'polygon' (x0, y0, x1, y1, ..., closed),
    'wedge' (cx, cy, r, start, end, inner r). Colours are '#RRGGBB' or None (not filled,
    not stroked); a series' line has ``round_joins``, and ``dash`` (lengths of dash and
    gap, in points) when it is not solid.
    """

    kind: str
    at: tuple[float, ...]
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0
    round_joins: bool = False
    dash: tuple[float, ...] = ()


ROLES = {"tick": "axis label", "category": "category name", "value": "value label",
         "legend": "legend entry", "slice": "slice label"}
"""What each kind of label is called in a finding."""


@dataclass(frozen=True)
class Label:
    """One line of text placed on a chart: its start ``x``, baseline ``y``, size, colour,
    the box it takes (measured with the fonts that draw it) and its ``role`` (``ROLES``)."""

    text: str
    x: float
    y: float
    size: float
    colour: str
    box: Rect
    role: str


@dataclass
class ChartLayout:
    """A chart laid out ``width`` by ``height``: its marks and labels in drawing order, and
    what the layout could not place (``problems``, sentences for a finding)."""

    width: float
    height: float
    look: ChartLook
    items: list[Mark | Label] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[Label]:
        """Every text placed, in drawing order."""
        return [item for item in self.items if isinstance(item, Label)]


def formatter(number_format: str | None, values: list[float],
              numbers: NumberStyle = ENGLISH_NUMBERS) -> Callable[[float | None], str]:
    """Return a function that shows a value as the chart's number format asks ('' for a gap),
    written in the ``numbers`` style of the outline's language ('741,5' in German).

    See ``_format`` for the formats understood.
    """
    show = _format(number_format, values, numbers)
    return lambda v: "" if v is None else show(v)


def _format(number_format: str | None, values: list[float],
            numbers: NumberStyle = ENGLISH_NUMBERS) -> Callable[[float], str]:
    """Return a function that shows a value as the chart's number format asks.

    Understands the common Excel formats: '0', '0.0', '#,##0.00', '0%' and '0.0%'; without
    one, whole numbers show whole and others with up to two decimals. The format's '.' and
    ',' mean the decimal mark and grouping, as in Excel: ``numbers`` says how they are
    written.
    """
    if number_format:
        sections = number_format.split(";")
        shows = [_section(sec, numbers) for sec in sections[:3]]
        if len(shows) == 1:
            return shows[0]
        zero = shows[2] if len(shows) > 2 else shows[0]
        return lambda v: shows[0](v) if v > 0 else shows[1](-v) if v < 0 else zero(v)
    whole = all(v is None or float(v).is_integer() for v in values)
    if whole and values:
        return lambda v: numbers.write(f"{v:,.0f}")
    return lambda v: numbers.write(f"{v:,.2f}".rstrip("0").rstrip("."))


def _section(section: str, numbers: NumberStyle) -> Callable[[float], str]:
    """Return a function that shows a value as one section of an Excel format shows it:
    literal text around one number, with its decimals, grouping and percent scaling (a
    quoted "%" is shown, not scaled)."""
    bare = re.sub(r'"[^"]*"', "", section)
    scale = 100 if "%" in bare else 1
    match = re.search(r"General|[#0,]*0(\.0+)?", section)
    if match is None:
        return lambda v: section.replace('"', "")
    before, after = (part.replace('"', "") for part in (section[:match.start()],
                                                         section[match.end():]))
    if match.group(0) == "General":
        general = _format(None, [], numbers)
        return lambda v: f"{before}{general(v * scale)}{after}"
    decimals = len(match.group(1) or ".") - 1
    thousands = "," if "," in match.group(0) else ""
    return lambda v: f"{before}{numbers.write(f'{v * scale:{thousands}.{decimals}f}')}{after}"


def _axis_formatter(number_format: str | None,
                    numbers: NumberStyle = ENGLISH_NUMBERS) -> Callable[[float], str]:
    """Return the tick label format: the data's percent scaling, no forced decimals,
    written in the ``numbers`` style."""
    scale, suffix = (100, "%") if number_format and "%" in number_format else (1, "")

    def show(v: float) -> str:
        v = 0.0 if abs(v) < 1e-9 else v * scale
        return numbers.write(f"{v:,.2f}".rstrip("0").rstrip(".")) + suffix

    return show


def layout(look: ChartLook, chart: Chart, width: float, height: float) -> ChartLayout:
    """Return ``chart`` laid out ``width`` by ``height`` points: shapes and measured labels.

    Pure: no reportlab. Every text is placed clear of every other where the layout can
    manage it; ``proof`` reports what it could not.
    """
    canvas = _Canvas(look, width, height)
    if chart.type in ("pie", "doughnut"):
        _pie(canvas, chart)
    else:
        _xy(canvas, chart)
    return canvas.out


def drawing(look: ChartLook, chart: Chart, width: float, height: float,
            font_name: Callable[[str], str] | None = None) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points.

    ``font_name`` gives the registered reportlab name of a font file (by default the file
    is registered under its stem).
    """
    return render(layout(look, chart, width, height), font_name)


def proof(laid: ChartLayout) -> list[str]:
    """Return a sentence for what the layout could not place, for the labels that overlap
    and for those outside the figure; [] when every label is clear."""
    out = list(laid.problems)
    labels = laid.labels
    pairs = collisions([label.box for label in labels])
    if pairs:
        a, b = labels[pairs[0][0]], labels[pairs[0][1]]
        many = f"{len(pairs)} pairs of labels overlap, such as" if len(pairs) > 1 else ""
        out.append(f"{many or 'the'} {'the ' if many else ''}{ROLES[a.role]} "
                   f"'{_short(a.text)}' and the {ROLES[b.role]} '{_short(b.text)}'"
                   f"{'' if many else ' overlap'}; expected fewer or shorter labels, or a "
                   "larger chart")
    frame = Rect(0, 0, laid.width, laid.height)
    outside = [label for label in labels if not label.box.inside(frame)]
    if outside:
        first = f"{ROLES[outside[0].role]} '{_short(outside[0].text)}'"
        out.append((f"{len(outside)} labels run outside the chart, such as the {first}"
                    if len(outside) > 1 else f"the {first} runs outside the chart")
                   + "; expected shorter labels or a larger chart")
    return out


def findings(look: ChartLook, chart: Chart, width: float, height: float) -> list[str]:
    """Return ``proof`` of ``chart`` laid out ``width`` by ``height``."""
    return proof(layout(look, chart, width, height))


def _short(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def register(path: str) -> str:
    """Register the TrueType file at ``path`` with reportlab under its stem; return the name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = Path(path).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def render(laid: ChartLayout, font_name: Callable[[str], str] | None = None) -> Drawing:
    """Return the laid-out chart as a reportlab drawing; ``font_name`` as in ``drawing``."""
    from reportlab.graphics import shapes

    name_of = font_name or register
    main = name_of(_main(laid.look.font).path)
    d = shapes.Drawing(laid.width, laid.height)
    d.initialFontName = main
    for item in laid.items:
        if isinstance(item, Label):
            cursor = item.x
            for font, part in _runs(laid.look, item.text):
                d.add(shapes.String(cursor, item.y, part, fontName=name_of(font.path),
                                    fontSize=item.size, fillColor=_colour(item.colour)))
                cursor += font.width(part, item.size)
        else:
            d.add(_shape(shapes, item))
    return d


def _shape(shapes, mark: Mark):
    """Return the reportlab shape of ``mark``."""
    fill = _colour(mark.fill) if mark.fill else None
    stroke = _colour(mark.stroke) if mark.stroke else None
    at = mark.at
    if mark.kind == "line":
        return shapes.Line(*at, strokeColor=stroke, strokeWidth=mark.stroke_width,
                           strokeDashArray=list(mark.dash) or None)
    if mark.kind == "polygon":
        return shapes.Polygon(list(at), fillColor=fill, strokeColor=stroke)
    if mark.kind == "rect":
        return shapes.Rect(*at, fillColor=fill, strokeColor=stroke)
    if mark.kind == "circle":
        return shapes.Circle(*at, fillColor=fill, strokeColor=stroke)
    if mark.kind == "polyline":
        line = shapes.PolyLine(list(at), strokeColor=stroke, strokeWidth=mark.stroke_width,
                               strokeDashArray=list(mark.dash) or None)
        if mark.round_joins:
            line.strokeLineJoin = 1
        return line
    cx, cy, r, start, end, inner = at
    wedge = shapes.Wedge(cx, cy, r, start, end, fillColor=fill, strokeColor=stroke,
                         strokeWidth=mark.stroke_width)
    if inner:
        wedge.radius1 = inner
    return wedge


def _colour(value: str):
    """Return the reportlab colour of 'RRGGBB' or '#RRGGBB'."""
    from reportlab.lib import colors

    return colors.HexColor("#" + value.lstrip("#"))


@lru_cache(maxsize=32)
def _main(family: str) -> FontMetrics:
    return metrics(family)


@lru_cache(maxsize=16)
def _fallback(path: str) -> FontMetrics:
    return FontMetrics(path)


def _font_of(look: ChartLook, char: str) -> FontMetrics:
    """Return the font that draws ``char``: the look's, else the first fallback that has it
    (a space the look's font lacks too, such as the narrow no-break space French groups
    digits with), else the look's."""
    main = _main(look.font)
    if main.has(char):
        return main
    for path in look.fallback_files:
        font = _fallback(path)
        if font.has(char):
            return font
    return main


def _runs(look: ChartLook, text: str) -> list[tuple[FontMetrics, str]]:
    """Return ``text`` as (font, text) runs: the look's font, and fallbacks where needed."""
    out: list[tuple[FontMetrics, str]] = []
    for char in text:
        font = _font_of(look, char)
        if out and out[-1][0] is font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


class _Canvas:
    """A chart being laid out, and the boxes of the text placed on it so far.

    Text is measured in the look's font, with runs in a fallback font for the characters it
    lacks (CJK names), and its box is kept so later text can be placed clear of it.
    """

    def __init__(self, look: ChartLook, width: float, height: float):
        self.look = look
        self.size = look.size
        self.u = look.unit
        self.width, self.height = width, height
        self.out = ChartLayout(width, height, look)
        self.boxes: list[Rect] = []

    def add(self, kind: str, *at: float, fill: str | None = None, stroke: str | None = None,
            width: float = 0.0, round_joins: bool = False, dash: tuple[float, ...] = ()
            ) -> None:
        """Add a shape (see ``Mark``)."""
        self.out.items.append(Mark(kind, tuple(at), fill, stroke, width, round_joins, dash))

    def marker(self, shape: str, x: float, y: float, r: float, colour: str) -> None:
        """Add a line series' point marker of ``shape`` (``chart_colours.MARKERS``), about
        ``2 r`` across, centred on (x, y)."""
        if shape == "circle":
            self.add("circle", x, y, r, fill=colour)
        elif shape == "square":
            s = r * 0.9
            self.add("rect", x - s, y - s, 2 * s, 2 * s, fill=colour)
        elif shape == "triangle":
            s = r * 1.2
            self.add("polygon", x - s, y - s * 0.8, x + s, y - s * 0.8, x, y + s * 1.1,
                     fill=colour)
        elif shape == "diamond":
            s = r * 1.25
            self.add("polygon", x - s, y, x, y - s, x + s, y, x, y + s, fill=colour)
        elif shape == "x":
            s = r * 0.95
            self.add("line", x - s, y - s, x + s, y + s, stroke=colour, width=1.3)
            self.add("line", x - s, y + s, x + s, y - s, stroke=colour, width=1.3)
        else:  # plus
            s = r * 1.2
            self.add("line", x - s, y, x + s, y, stroke=colour, width=1.3)
            self.add("line", x, y - s, x, y + s, stroke=colour, width=1.3)

    def problem(self, sentence: str) -> None:
        """Note something the layout could not place."""
        self.out.problems.append(sentence)

    # --- text -------------------------------------------------------------------------

    def measure(self, text: str, size: float | None = None) -> float:
        """Return the width of ``text`` as drawn, fallback runs included."""
        size = size or self.size
        return sum(font.width(part, size) for font, part in _runs(self.look, text))

    def box(self, x: float, y: float, text: str, anchor: str = "start",
            size: float | None = None) -> Rect:
        """Return the box ``text`` would take with its baseline at ``y``, anchored at ``x``."""
        size = size or self.size
        w = self.measure(text, size)
        x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        return Rect(x0, y - DESCENT * size, x0 + w, y + ASCENT * size)

    def lines_box(self, x: float, y: float, lines: list[str], anchor: str = "start",
                  size: float | None = None) -> Rect:
        """Return the box of ``lines`` set downwards from a first baseline at ``y``."""
        size = size or self.size
        boxes = [self.box(x, y - k * size * LEADING, line, anchor, size)
                 for k, line in enumerate(lines)]
        return Rect(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                    max(b.x1 for b in boxes), max(b.y1 for b in boxes))

    def fits(self, box: Rect) -> bool:
        """Whether ``box`` is inside the drawing and clear of every text placed so far."""
        return box.inside(Rect(0, 0, self.width, self.height)) and clear(box, self.boxes)

    def text(self, x: float, y: float, text: str, anchor: str = "start", role: str = "value",
             size: float | None = None, colour: str | None = None) -> Rect:
        """Place ``text`` with its baseline at ``y``; return (and remember) its box."""
        size = size or self.size
        box = self.box(x, y, text, anchor, size)
        self.out.items.append(Label(text, box.x0, y, size, colour or self.look.text, box, role))
        self.boxes.append(box)
        return box

    def lines(self, x: float, y: float, lines: list[str], anchor: str = "start",
              role: str = "category", size: float | None = None) -> Rect:
        """Place ``lines`` downwards from a first baseline at ``y``; return their box."""
        size = size or self.size
        for k, line in enumerate(lines):
            self.text(x, y - k * size * LEADING, line, anchor, role, size)
        return self.lines_box(x, y, lines, anchor, size)

    def wrap(self, text: str, width: float, size: float | None = None,
             hyphenate: bool = True) -> list[str] | None:
        """Return ``text`` broken into lines no wider than ``width``; None if a piece is wider.

        The shared line breaker (``text.breaking``) breaks it: at spaces, after hyphens
        and slashes, between CJK characters, and (with ``hyphenate``) at the look language's
        hyphenation points.
        """
        size = size or self.size
        if not text.strip():
            return [""]
        text = _breaking.glue(" ".join(text.split()))
        advances = [_font_of(self.look, ch).width(ch, size) for ch in text]
        hyphen = _main(self.look.font).width(_breaking.HYPHEN, size)
        lines = _breaking.fill(text, advances, width, hyphen,
                               self.look.language if hyphenate else None)
        if any(ln.forced for ln in lines):
            return None
        return [text[ln.start:ln.end] + (_breaking.HYPHEN if ln.hyphen else "")
                for ln in lines]


ASCENT, DESCENT, LEADING = 0.93, 0.24, 1.2
"""Text box above and below the baseline, and line pitch, as multiples of the size (the
bundled Liberation Sans and the CJK fallback both stay within them)."""
LABEL_GAP = 2.5
"""Space between a value label and its bar end or point, in points at ``BASE_PT`` (these
lengths grow with the look's type size)."""
MARKER = 2.2
"""Radius of a line chart's point markers."""
LINE_WIDTH = 1.75
"""Width of a line series, in points."""
DASH_ARRAYS = {"solid": (), "dash": (5.0, 2.5), "dot": (1.5, 2.0), "dashdot": (5.0, 2.0, 1.5, 2.0),
               "longdash": (9.0, 2.5), "longdashdot": (9.0, 2.0, 1.5, 2.0)}
"""Dash and gap lengths of each dash pattern (``chart_colours.DASHES``), in points."""
MAX_CATEGORY_LINES = 3
"""Column charts whose category names need more lines than this are drawn as bars."""
SWATCH = 7.0
"""Side of a legend's colour square (or length of its line), in points at ``BASE_PT``."""
LEGEND_LINE = 2.5
"""How many times ``SWATCH`` long a legend's line is when it shows a dash and a marker."""


# --- bar, column and line charts -----------------------------------------------------

@dataclass
class _Plot:
    """Where the plot area is and how values map into it."""

    left: float
    bottom: float
    right: float
    top: float
    low: float
    high: float
    step: float
    horizontal: bool
    pad_low: float = 0.0
    pad_high: float = 0.0

    def at(self, value: float) -> float:
        """Return the coordinate of ``value`` along the value axis."""
        start, end = ((self.left, self.right) if self.horizontal else (self.bottom, self.top))
        start, end = start + self.pad_low, end - self.pad_high
        return start + (value - self.low) * (end - start) / ((self.high - self.low) or 1.0)

    def band(self, j: int, count: int) -> tuple[float, float]:
        """Return the start and width of category ``j`` of ``count`` across the plot."""
        if self.horizontal:  # first category on top, as it is read
            size = (self.top - self.bottom) / count
            return self.top - (j + 1) * size, size
        size = (self.right - self.left) / count
        return self.left + j * size, size


BAR_NAME_SHARES = (0.35, 0.42, 0.5)
"""Shares of a bar chart's width its category names may take, tried in turn until every
name fits beside its bar."""
MIN_PLOT = 3.0
"""The least height (or width) a plot keeps, in lines of the chart's type."""


def _xy(c: _Canvas, chart: Chart) -> None:
    cats = [plain(x) for x in chart.categories]
    fmt = formatter(_values.label_format(chart), _values.values(chart), c.look.numbers)
    data = _values.values(chart) or [0.0]
    scale = _values.nice_scale(min(data), max(data), ticks=4, zero=chart.type != "line")
    ticks = [scale[0] + k * scale[2] for k in range(round((scale[1] - scale[0]) / scale[2]) + 1)]
    tick_fmt = _axis_formatter(chart.number_format, c.look.numbers)
    kind = chart.type
    if kind == "column":
        trial = _column_frame(c, chart, cats, ticks, tick_fmt, c.height, scale, kind, fmt)
        if _name_step(c, cats, trial.band(0, len(cats))[1])[0] > 1:
            kind = "bar"  # names too long to stand under their columns
    top = c.height
    if len(chart.series) > 1:
        top = _legend(c, chart, kind, top) - 4
    if kind == "bar":
        plot = _bar_frame(c, cats, top, *scale)
    else:
        plot = _column_frame(c, chart, cats, ticks, tick_fmt, top, scale, kind, fmt)
    room = min(plot.top - plot.bottom, plot.right - plot.left)
    if room < MIN_PLOT * c.size * LEADING:
        c.problem(f"the legend and the category names leave {max(room, 0):.0f} pt for the "
                  "plot; expected fewer or shorter series and category names, or a larger "
                  "chart")
        return
    if kind == "line":
        _lines(c, chart, plot, fmt)
    else:
        _bars(c, chart, plot, fmt)


def _name_step(c: _Canvas, cats: list[str], band: float) -> tuple[int, list[list[str]]]:
    """Return how many categories apart names are shown under a plot (1: every one), and
    each shown name's lines.

    A name must wrap within the width of the categories it stands for, in at most
    ``MAX_CATEGORY_LINES`` lines, without hyphenating its words (a column chart with words
    too long for its columns is drawn as bars); where not every name can, every second
    (third ...) is shown, as on a dense time axis.
    """
    for step in range(1, len(cats) + 1):
        shown = [c.wrap(name, band * step - 2, hyphenate=False) for name in cats[::step]]
        if all(lines is not None and len(lines) <= MAX_CATEGORY_LINES for lines in shown):
            return step, [lines or [""] for lines in shown]
    return len(cats), [[name] for name in cats[:1]]


def _value_pads(c: _Canvas, chart: Chart, fmt, horizontal: bool) -> tuple[float, float]:
    """Return the room a bar chart keeps beyond its lowest and highest values for labels."""
    values = _values.values(chart)
    neg = [v for v in values if v < 0]
    pos = [v for v in values if v >= 0]
    if horizontal:
        def need(vs: list[float]) -> float:
            return max(c.measure(fmt(v)) for v in vs) + LABEL_GAP * c.u + 1 if vs else 0.0
    else:
        def need(vs: list[float]) -> float:
            return (ASCENT + DESCENT) * c.size + LABEL_GAP * c.u + 1 if vs else 0.0
    return need(neg), need(pos)


def _bar_names(c: _Canvas, cats: list[str], band: float) -> tuple[float, list[list[str]]]:
    """Return the width a bar chart's names take and each name's lines.

    The names may take ``BAR_NAME_SHARES`` of the width in turn, until each fits the height
    of its bar's band: first with whole words, then hyphenated. A name with a piece wider
    than the last share stays whole (the proof reports it).
    """
    best: list[list[str]] = []
    for hyphenate in (False, True):
        for share in BAR_NAME_SHARES:
            wrapped = [c.wrap(n, c.width * share, hyphenate=hyphenate) for n in cats]
            best = [lines if lines is not None else [n]
                    for lines, n in zip(wrapped, cats, strict=True)]
            if all(lines is not None and _lines_height(c, lines) <= band for lines in wrapped):
                return max(c.measure(line) for lines in best for line in lines), best
    return max(c.measure(line) for lines in best for line in lines), best


def _lines_height(c: _Canvas, lines: list[str]) -> float:
    return (len(lines) - 1) * c.size * LEADING + (ASCENT + DESCENT) * c.size


def _bar_frame(c: _Canvas, cats: list[str], top: float, low: float, high: float,
               step: float) -> _Plot:
    """Lay out a horizontal bar chart: names on the left, value ticks along the bottom."""
    tick_h = (ASCENT + DESCENT) * c.size + 3
    name_w, _ = _bar_names(c, cats, (top - tick_h) / max(len(cats), 1))
    return _Plot(name_w + 6, tick_h, c.width - 2, top, low, high, step, horizontal=True)


def _column_frame(c: _Canvas, chart: Chart, cats: list[str], ticks: list[float], tick_fmt,
                  top: float, scale: tuple[float, float, float], kind: str, fmt) -> _Plot:
    """Lay out a column or line chart: value ticks on the left, names along the bottom."""
    tick_w = max(c.measure(tick_fmt(t)) for t in ticks)
    right = c.width - 2
    if kind == "line":
        ends = [fmt(v) for s in chart.series for v in s.values[-1:] if v is not None]
        right -= max((c.measure(e) for e in ends), default=0.0) + MARKER * c.u + 6
    band = (right - tick_w - 6) / len(cats)
    rows = max(len(lines) for lines in _name_step(c, cats, band)[1])
    bottom = rows * c.size * LEADING + 4
    return _Plot(tick_w + 6, bottom, right, top - c.size * 0.6, *scale, horizontal=False)


def _axes(c: _Canvas, chart: Chart, plot: _Plot, cats: list[str], ticks: list[float],
          tick_fmt) -> None:
    """Draw gridlines with their tick labels, the zero line, and the category names."""
    look = c.look
    tick_boxes: list[Rect] = []
    for t in ticks:
        at = plot.at(t)
        line = ((at, plot.bottom, at, plot.top) if plot.horizontal
                else (plot.left, at, plot.right, at))
        c.add("line", *line, stroke=look.muted if abs(t) < 1e-12 else look.grid, width=0.5)
        if plot.horizontal:
            x, y, anchor = at, plot.bottom - 3 - ASCENT * c.size, "middle"
        else:
            x, y, anchor = plot.left - 4, at - c.size * 0.35, "end"
        if clear(c.box(x, y, tick_fmt(t), anchor), tick_boxes):  # crowded ticks: every other
            tick_boxes.append(c.text(x, y, tick_fmt(t), anchor, "tick"))
    count = len(cats)
    if plot.horizontal:
        _, names = _bar_names(c, cats, plot.band(0, count)[1])
        missing = []
        for j, lines in enumerate(names):
            start, size = plot.band(j, count)
            centre = start + size / 2
            first = centre + (len(lines) - 1) * c.size * LEADING / 2 - c.size * 0.35
            if c.fits(c.lines_box(plot.left - 5, first, lines, "end")):
                c.lines(plot.left - 5, first, lines, "end")
            else:
                missing.append(cats[j])
        if missing:
            c.problem(f"{len(missing)} of {count} category names do not fit beside their "
                      f"bars (such as '{_short(missing[0])}') and are left out; expected fewer "
                      "or shorter categories, or a taller chart")
        return
    step, names = _name_step(c, cats, plot.band(0, count)[1])
    for j, lines in zip(range(0, count, step), names, strict=True):
        start, size = plot.band(j, count)
        c.lines(start + size / 2, plot.bottom - 3 - ASCENT * c.size, lines, "middle")


def _bars(c: _Canvas, chart: Chart, plot: _Plot, fmt) -> None:
    """Draw the bars, then their value labels if every one of them has room."""
    cats = [plain(x) for x in chart.categories]
    plot.pad_low, plot.pad_high = _value_pads(c, chart, fmt, plot.horizontal)
    ticks = _ticks(plot)
    _axes(c, chart, plot, cats, ticks, _axis_formatter(chart.number_format, c.look.numbers))
    colours = c.look.series
    n = len(chart.series)
    zero = plot.at(0.0)
    labels = []
    for j in range(len(cats)):
        start, size = plot.band(j, len(cats))
        group = size * (0.72 if n > 1 else 0.6)
        thick = group / n
        for i, series in enumerate(chart.series):
            v = series.values[j]
            if v is None:
                continue
            end = plot.at(v)
            offset = start + (size - group) / 2 + (i if not plot.horizontal else n - 1 - i) * thick
            if plot.horizontal:
                rect = (min(zero, end), offset, abs(end - zero), thick)
                x = end + (LABEL_GAP * c.u if v >= 0 else -LABEL_GAP * c.u)
                y = offset + thick / 2 - c.size * 0.35
                anchor = "start" if v >= 0 else "end"
                labels.append((c.box(x, y, fmt(v), anchor), x, y, fmt(v), anchor))
            else:
                rect = (offset, min(zero, end), thick, abs(end - zero))
                x = offset + thick / 2
                y = (end + LABEL_GAP * c.u + DESCENT * c.size if v >= 0
                     else end - LABEL_GAP * c.u - ASCENT * c.size)
                labels.append((c.box(x, y, fmt(v), "middle"), x, y, fmt(v), "middle"))
            c.add("rect", *rect, fill=colours[i % len(colours)])
    boxes = [b for b, *_ in labels]
    if all(c.fits(b) for b in boxes) and not collisions(boxes):
        for _, x, y, text, anchor in labels:
            c.text(x, y, text, anchor)


def _ticks(plot: _Plot) -> list[float]:
    count = round((plot.high - plot.low) / plot.step)
    return [plot.low + k * plot.step for k in range(count + 1)]


def _lines(c: _Canvas, chart: Chart, plot: _Plot, fmt) -> None:
    """Draw each series' runs and markers, then the value labels that have room: every
    point's when none touch, else the end of each line moved apart, else none."""
    cats = [plain(x) for x in chart.categories]
    _axes(c, chart, plot, cats, _ticks(plot),
          _axis_formatter(chart.number_format, c.look.numbers))
    colours = c.look.series
    count = len(cats)

    def x_of(j: int) -> float:
        start, size = plot.band(j, count)
        return start + size / 2

    styles = chart_colours.line_styles(colours, len(chart.series))
    markers: list[Rect] = []
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for i, row in line_segments(chart):
        colour = colours[i % len(colours)]
        points = [(x_of(j), plot.at(v)) for j, v in enumerate(row) if v is not None]
        segments += zip(points, points[1:], strict=False)
        c.add("polyline", *[p for xy in points for p in xy], stroke=colour, width=LINE_WIDTH,
              round_joins=True, dash=DASH_ARRAYS[styles[i].dash])
        r = MARKER * c.u
        for x, y in points:
            c.marker(styles[i].marker, x, y, r, colour)
            reach = r if styles[i] == chart_colours.PLAIN else r * 1.25  # a diamond's tips
            markers.append(Rect(x - reach, y - reach, x + reach, y + reach))
    if not _label_every_point(c, chart, plot, fmt, x_of, markers, segments):
        _label_line_ends(c, chart, plot, fmt, x_of)


def _label_every_point(c: _Canvas, chart: Chart, plot: _Plot, fmt, x_of, markers: list[Rect],
                       segments: list) -> bool:
    """Label every point above it (or below, where above is taken) if all find room clear
    of the other labels, the markers and the lines; False (nothing drawn) if one does not."""
    placed: list[tuple[float, float, str]] = []
    boxes: list[Rect] = []
    order = sorted(((v, i, j) for i, s in enumerate(chart.series)
                    for j, v in enumerate(s.values) if v is not None), reverse=True)
    top_at: dict[int, float] = {}
    for v, _, j in order:
        top_at.setdefault(j, v)
    for v, _, j in order:
        x, y = x_of(j), plot.at(v)
        above = y + MARKER * c.u + LABEL_GAP * c.u + DESCENT * c.size
        below = y - MARKER * c.u - LABEL_GAP * c.u - ASCENT * c.size
        # the top line's labels above it, the others' under theirs, unless that is taken
        for baseline in ((above, below) if v >= top_at[j] else (below, above)):
            box = c.box(x, baseline, fmt(v), "middle")
            if (c.fits(box) and clear(box, boxes) and clear(box, markers)
                    and not any(crosses(box, a, b) for a, b in segments)):
                boxes.append(box)
                placed.append((x, baseline, fmt(v)))
                break
        else:
            return False
    for x, baseline, text in placed:
        c.text(x, baseline, text, "middle")
    return True


def _label_line_ends(c: _Canvas, chart: Chart, plot: _Plot, fmt, x_of) -> bool:
    """Label the last point of each line to its right, moved apart with a leader line where
    the ends are close; False (and nothing drawn) when they cannot all be placed."""
    ends = []
    for i, series in enumerate(chart.series):
        drawn = [(j, v) for j, v in enumerate(series.values) if v is not None]
        if drawn:
            j, v = drawn[-1]
            ends.append((i, x_of(j), plot.at(v), fmt(v)))
    if not ends:
        return True
    h = (ASCENT + DESCENT) * c.size
    ys = spread([y for _, _, y, _ in ends], [h] * len(ends), plot.bottom, plot.top + c.size,
                gap=0.6)
    if ys is None:
        return False
    x_text = max(x for _, x, _, _ in ends) + MARKER * c.u + 5
    placed = []
    for (i, x, y, text), centre in zip(ends, ys, strict=True):
        baseline = centre - (ASCENT - DESCENT) * c.size / 2
        box = c.box(x_text, baseline, text)
        if not c.fits(box):
            return False
        placed.append((i, x, y, centre, baseline, text))
    colours = c.look.series
    for i, x, y, centre, baseline, text in placed:
        if abs(centre - y) > 0.75:
            c.add("line", x + MARKER * c.u, y, x_text - 1, centre,
                  stroke=colours[i % len(colours)], width=0.5)
        c.text(x_text, baseline, text)
    return True


def _legend(c: _Canvas, chart: Chart, kind: str, top: float) -> float:
    """Draw the series names in order, left to right, wrapping into rows (a name wider than
    the chart wraps onto lines of its own); return the height left under them."""
    colours = c.look.series
    styles = chart_colours.line_styles(colours, len(chart.series))
    styled = kind == "line" and any(s != chart_colours.PLAIN for s in styles)
    # a line's key shows its dash and marker when series differ by them: a longer sample
    swatch = SWATCH * c.u * (LEGEND_LINE if styled else 1)
    room = c.width - swatch - 3
    x, baseline, row_lines = 0.0, top - ASCENT * c.size - 1, 1
    missing = []
    for i, series in enumerate(chart.series):
        name = plain(series.name)
        lines = [name] if c.measure(name) <= room else c.wrap(name, room)
        if lines is None:
            missing.append(name)
            continue
        w = swatch + 3 + max(c.measure(line) for line in lines)
        if x > 0 and x + w > c.width:
            x, baseline = 0.0, baseline - row_lines * c.size * LEADING - 3
            row_lines = 1
        if not c.fits(c.lines_box(x + swatch + 3, baseline, lines)):
            missing.append(name)
            continue
        row_lines = max(row_lines, len(lines))
        colour = colours[i % len(colours)]
        mid = baseline + c.size * 0.3
        if kind == "line":
            c.add("line", x, mid, x + swatch, mid, stroke=colour, width=LINE_WIDTH,
                  dash=DASH_ARRAYS[styles[i].dash])
            if styled:
                c.marker(styles[i].marker, x + swatch / 2, mid, MARKER * c.u, colour)
        else:
            c.add("rect", x, mid - swatch / 2, swatch, swatch, fill=colour)
        c.lines(x + swatch + 3, baseline, lines, "start", "legend")
        x += w + 10
    if missing:
        c.problem(f"{len(missing)} of {len(chart.series)} series names do not fit in the "
                  f"legend (such as '{_short(missing[0])}') and are left out; expected fewer "
                  "series or shorter names")
    return baseline - (row_lines - 1) * c.size * LEADING - DESCENT * c.size - 2


# --- pie and doughnut ----------------------------------------------------------------

PIE_LABEL_GAP = 12.0
"""Space between a pie's rim and its labels, in points at ``BASE_PT``
(the leader lines run in it)."""
PIE_LABEL_MIN = 70.0
"""The narrowest a column of pie labels is made, in points at ``BASE_PT``
(the pie shrinks for it)."""
DOUGHNUT_HOLE = 0.55
"""A doughnut's hole as a share of its radius."""


def _pie(c: _Canvas, chart: Chart) -> None:
    """Draw the slices clockwise from twelve o'clock, each labelled outside with its name and
    share, on the side it points to, joined to it by a leader line."""
    series = chart.series[0]
    n = len(chart.categories)
    slices = [(plain(name), v, chart_colours.slice_colour(c.look.series, i, n))
              for i, (name, v) in enumerate(zip(chart.categories, series.values, strict=True))
              if v is not None and v > 0]
    pairs = [(name, v) for name, v, _ in slices]
    if not pairs:
        return
    total = sum(v for _, v in pairs)
    if _values.is_share(chart):
        fmt = formatter(_values.label_format(chart), [v for _, v in pairs], c.look.numbers)
        shown = [fmt(v) for _, v in pairs]
    else:
        pct = _format(_values.share_format([v for _, v in pairs]), [], c.look.numbers)
        shown = [pct(v / total) for _, v in pairs]
    radius = min(c.height / 2 - 4, (c.width - 2 * c.u * (PIE_LABEL_MIN + PIE_LABEL_GAP)) / 2)
    radius = max(radius, 12.0)
    cx, cy = c.width / 2, c.height / 2
    angle = 90.0
    mids = []
    for k, (_, v) in enumerate(pairs):
        sweep = 360.0 * v / total
        c.add("wedge", cx, cy, radius, angle - sweep, angle,
              radius * DOUGHNUT_HOLE if chart.type == "doughnut" else 0.0,
              fill=slices[k][2], stroke=c.look.background, width=1)
        mids.append(angle - sweep / 2)
        angle -= sweep
    column = (c.width - 2 * radius) / 2 - PIE_LABEL_GAP * c.u - 2
    missing: list[str] = []
    for side in (1, -1):
        members = [k for k, a in enumerate(mids) if (math.cos(math.radians(a)) >= 0) == (side > 0)]
        missing += _pie_side(c, side, [f"{pairs[k][0]}  {shown[k]}" for k in members],
                             [mids[k] for k in members], cx, cy, radius, column)
    if missing:
        c.problem(f"{len(missing)} of {len(pairs)} slice labels do not fit beside the pie "
                  f"(such as '{_short(missing[0])}') and are left out; expected fewer slices "
                  "(group the smallest) or shorter names")


def _pie_side(c: _Canvas, side: int, texts: list[str], angles: list[float], cx: float,
              cy: float, radius: float, column: float) -> list[str]:
    """Set one side's labels in a column beside the pie, moved apart, with leader lines;
    return the labels that found no room."""
    if not texts:
        return []
    wrapped = [c.wrap(t, column) or [t] for t in texts]
    heights = [_lines_height(c, lines) for lines in wrapped]
    wanted = [cy + (radius + 4) * math.sin(math.radians(a)) for a in angles]
    ys = spread(wanted, heights, 0.0, c.height, gap=1.0)
    if ys is None:  # more labels than the side can hold: keep those that fit
        ys = wanted
    x_text = cx + side * (radius + PIE_LABEL_GAP * c.u)
    anchor = "start" if side > 0 else "end"
    missing = []
    for text, lines, centre, height, a in zip(texts, wrapped, ys, heights, angles, strict=True):
        first = centre + height / 2 - ASCENT * c.size
        box = c.lines_box(x_text, first, lines, anchor)
        if not c.fits(box):
            missing.append(text)
            continue
        rim = (cx + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
        elbow = (cx + (radius + 5) * math.cos(math.radians(a)),
                 cy + (radius + 5) * math.sin(math.radians(a)))
        c.add("polyline", *rim, *elbow, x_text - side * 2, centre, stroke=c.look.muted,
              width=0.5)
        c.lines(x_text, first, lines, anchor, "slice")
    return missing


def line_segments(chart: Chart) -> list[tuple[int, tuple[float | None, ...]]]:
    """Return the rows a line chart draws: each series cut at its gaps, with its index.

    A row holds one unbroken run of a series and None elsewhere, so a gap (null value)
    breaks the line instead of being bridged.
    """
    rows = []
    for i, series in enumerate(chart.series):
        run: list[int] = []
        for j, value in enumerate([*series.values, None]):
            if value is not None:
                run.append(j)
            elif run:
                rows.append((i, tuple(series.values[k] if k in run else None
                                      for k in range(len(series.values)))))
                run = []
    return rows


