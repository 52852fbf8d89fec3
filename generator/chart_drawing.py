"""Charts as vector drawings (reportlab graphics), shared by the brief and the slides PDF.

Neutral: it knows a chart of the model and a ``ChartLook`` of plain values, nothing of
either document. Both PDF builders draw their charts here, so a chart reads the same in
the brief and on a slide.

Every part is drawn from reportlab shapes, and every text is placed as a box checked
against the boxes already placed (``chart_geometry``): value labels go where they touch
nothing or are left out, line ends are moved apart, category names wrap (a column chart
whose names cannot stand under their columns is drawn as bars), pie and doughnut labels sit
outside with leader lines, and characters the look's font lacks are set in a fallback font.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import chart_colours
from . import chart_values as _values
from .chart_geometry import Rect, clear, collisions, crosses, spread
from .model import Chart
from .text import plain

if TYPE_CHECKING:  # reportlab.graphics is imported only when a document has a chart
    from reportlab.graphics.shapes import Drawing

BASE_PT = 7
"""The type size the chart's spacing was drawn for; larger type scales the spacing with it."""


def _no_fallbacks(text: str) -> Mapping[str, str]:
    return {}


@dataclass(frozen=True)
class ChartLook:
    """How a chart is drawn: its registered font, type size and '#RRGGBB' colours.

    ``grid`` colours the value grid lines, ``muted`` the zero line and pie leader lines,
    ``background`` the gaps between pie slices; ``series`` are used in turn. ``fallbacks``
    returns, for a text, the registered font of each character the font lacks.
    """

    font: str
    size: float
    text: str
    muted: str
    grid: str
    background: str
    series: tuple[str, ...]
    fallbacks: Callable[[str], Mapping[str, str]] = field(default=_no_fallbacks,
                                                          compare=False)

    @property
    def unit(self) -> float:
        """How much larger than ``BASE_PT`` the type is: spacing grows with it."""
        return self.size / BASE_PT


class _Palette:
    """The look's colours as reportlab colours, by the roles the drawing gives them."""

    def __init__(self, look: ChartLook):
        self.text = _colour(look.text)
        self.muted = _colour(look.muted)
        self.surface = _colour(look.grid)
        self.background = _colour(look.background)
        self.chart = tuple(_colour(c) for c in look.series)


def _colour(value: str) -> colors.Color:
    """Return the reportlab colour of 'RRGGBB' or '#RRGGBB'."""
    return colors.HexColor("#" + value.lstrip("#"))


def formatter(number_format: str | None, values: list[float]) -> Callable[[float | None], str]:
    """Return a function that shows a value as the chart's number format asks ('' for a gap).

    See ``_format`` for the formats understood.
    """
    show = _format(number_format, values)
    return lambda v: "" if v is None else show(v)


def _format(number_format: str | None, values: list[float]) -> Callable[[float], str]:
    """Return a function that shows a value as the chart's number format asks.

    Understands the common Excel formats: '0', '0.0', '#,##0.00', '0%' and '0.0%'; without
    one, whole numbers show whole and others with up to two decimals.
    """
    if number_format:
        sections = number_format.split(";")
        shows = [_section(sec) for sec in sections[:3]]
        if len(shows) == 1:
            return shows[0]
        zero = shows[2] if len(shows) > 2 else shows[0]
        return lambda v: shows[0](v) if v > 0 else shows[1](-v) if v < 0 else zero(v)
    whole = all(v is None or float(v).is_integer() for v in values)
    if whole and values:
        return lambda v: f"{v:,.0f}"
    return lambda v: f"{v:,.2f}".rstrip("0").rstrip(".")


def _section(section: str) -> Callable[[float], str]:
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
        general = _format(None, [])
        return lambda v: f"{before}{general(v * scale)}{after}"
    decimals = len(match.group(1) or ".") - 1
    thousands = "," if "," in match.group(0) else ""
    return lambda v: f"{before}{v * scale:{thousands}.{decimals}f}{after}"


def _axis_formatter(number_format: str | None) -> Callable[[float], str]:
    """Return the tick label format: the data's percent scaling, no forced decimals."""
    scale, suffix = (100, "%") if number_format and "%" in number_format else (1, "")

    def show(v: float) -> str:
        v = 0.0 if abs(v) < 1e-9 else v * scale
        return f"{v:,.2f}".rstrip("0").rstrip(".") + suffix

    return show


def drawing(look: ChartLook, chart: Chart, width: float, height: float) -> Drawing:
    """Return ``chart`` drawn as vector graphics, ``width`` by ``height`` points.

    Every text is placed clear of every other (see ``chart_geometry``).
    """
    canvas = _Canvas(look, width, height)
    if chart.type in ("pie", "doughnut"):
        _pie(canvas, chart)
    else:
        _xy(canvas, chart)
    return canvas.drawing


class _Canvas:
    """A drawing and the boxes of the text placed on it so far.

    Text is set in the brand font, with runs in a fallback font for the characters the brand
    font lacks (CJK names), and its box is kept so later text can be placed clear of it.
    """

    def __init__(self, look: ChartLook, width: float, height: float):
        from reportlab.graphics.shapes import Drawing

        self.look = look
        self.palette = _Palette(look)
        self.font = look.font
        self.size = look.size
        self.u = look.unit
        self.width, self.height = width, height
        self.drawing = Drawing(width, height)
        self.drawing.initialFontName = self.font
        self.boxes: list[Rect] = []

    # --- text -------------------------------------------------------------------------

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Return ``text`` as (font, text) runs: the brand font, and fallbacks where needed."""
        fallbacks = self.look.fallbacks(text)
        out: list[tuple[str, str]] = []
        for char in text:
            font = fallbacks.get(char, self.font)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def measure(self, text: str, size: float | None = None) -> float:
        """Return the width of ``text`` as drawn, fallback runs included."""
        size = size or self.size
        return sum(stringWidth(t, f, size) for f, t in self.runs(text))

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

    def text(self, x: float, y: float, text: str, anchor: str = "start",
             size: float | None = None, colour=None) -> Rect:
        """Draw ``text`` with its baseline at ``y``; return (and remember) its box."""
        size = size or self.size
        from reportlab.graphics.shapes import String

        box = self.box(x, y, text, anchor, size)
        cursor = box.x0
        for font, part in self.runs(text):
            self.drawing.add(String(cursor, y, part, fontName=font, fontSize=size,
                                    fillColor=colour or self.palette.text))
            cursor += stringWidth(part, font, size)
        self.boxes.append(box)
        return box

    def lines(self, x: float, y: float, lines: list[str], anchor: str = "start",
              size: float | None = None, colour=None) -> Rect:
        """Draw ``lines`` downwards from a first baseline at ``y``; return their box."""
        size = size or self.size
        for k, line in enumerate(lines):
            self.text(x, y - k * size * LEADING, line, anchor, size, colour)
        return self.lines_box(x, y, lines, anchor, size)

    def wrap(self, text: str, width: float, size: float | None = None) -> list[str] | None:
        """Return ``text`` broken into lines no wider than ``width``; None if a word is wider.

        Lines break at spaces; text without spaces in a wide script (CJK) breaks between
        characters.
        """
        size = size or self.size
        lines: list[str] = []
        for word in text.split():
            pieces = [word]
            if self.measure(word, size) > width and any(_wide(c) for c in word):
                pieces = _cjk_pieces(word)
            for piece in pieces:
                joiner = "" if lines and _wide(lines[-1][-1:]) and _wide(piece[:1]) else " "
                if lines and self.measure(lines[-1] + joiner + piece, size) <= width:
                    lines[-1] += joiner + piece
                elif self.measure(piece, size) <= width:
                    lines.append(piece)
                else:
                    return None
        return lines or [""]


def _wide(text: str) -> bool:
    return bool(text) and unicodedata.east_asian_width(text[0]) in ("W", "F")


def _cjk_pieces(word: str) -> list[str]:
    """Return ``word`` cut before each wide character (never before closing punctuation)."""
    pieces: list[str] = []
    for char in word:
        if pieces and (not _wide(char) and not _wide(pieces[-1][-1:])
                       or unicodedata.category(char) in ("Pe", "Pf", "Po")):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


ASCENT, DESCENT, LEADING = 0.93, 0.24, 1.2
"""Text box above and below the baseline, and line pitch, as multiples of the size (the
bundled Liberation Sans and the CJK fallback both stay within them)."""
LABEL_GAP = 2.5
"""Space between a value label and its bar end or point, in points at ``BASE_PT`` (these
lengths grow with the look's type size)."""
MARKER = 2.2
"""Radius of a line chart's point markers."""
MAX_CATEGORY_LINES = 3
"""Column charts whose category names need more lines than this are drawn as bars."""
SWATCH = 7.0
"""Side of a legend's colour square (or length of its line), in points at ``BASE_PT``."""


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


def _xy(c: _Canvas, chart: Chart) -> None:
    cats = [plain(x) for x in chart.categories]
    fmt = formatter(_values.label_format(chart), _values.values(chart))
    data = _values.values(chart) or [0.0]
    scale = _values.nice_scale(min(data), max(data), ticks=4, zero=chart.type != "line")
    ticks = [scale[0] + k * scale[2] for k in range(round((scale[1] - scale[0]) / scale[2]) + 1)]
    tick_fmt = _axis_formatter(chart.number_format)
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
    if kind == "line":
        _lines(c, chart, plot, fmt)
    else:
        _bars(c, chart, plot, fmt)


def _name_step(c: _Canvas, cats: list[str], band: float) -> tuple[int, list[list[str]]]:
    """Return how many categories apart names are shown under a plot (1: every one), and
    each shown name's lines.

    A name must wrap within the width of the categories it stands for, in at most
    ``MAX_CATEGORY_LINES`` lines; where not every name can, every second (third ...) is
    shown, as on a dense time axis.
    """
    for step in range(1, len(cats) + 1):
        shown = [c.wrap(name, band * step - 2) for name in cats[::step]]
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


def _bar_frame(c: _Canvas, cats: list[str], top: float, low: float, high: float,
               step: float) -> _Plot:
    """Lay out a horizontal bar chart: names on the left, value ticks along the bottom."""
    names = [c.wrap(n, c.width * 0.35) or [n] for n in cats]
    name_w = max(c.measure(line) for lines in names for line in lines)
    tick_h = (ASCENT + DESCENT) * c.size + 3
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
    from reportlab.graphics.shapes import Line

    pal = c.palette
    for t in ticks:
        at = plot.at(t)
        line = (Line(at, plot.bottom, at, plot.top) if plot.horizontal
                else Line(plot.left, at, plot.right, at))
        line.strokeColor, line.strokeWidth = (pal.muted if abs(t) < 1e-12 else pal.surface), 0.5
        c.drawing.add(line)
        if plot.horizontal:
            c.text(at, plot.bottom - 3 - ASCENT * c.size, tick_fmt(t), "middle")
        else:
            c.text(plot.left - 4, at - c.size * 0.35, tick_fmt(t), "end")
    count = len(cats)
    if plot.horizontal:
        for j, name in enumerate(cats):
            start, size = plot.band(j, count)
            lines = c.wrap(name, c.width * 0.35) or [name]
            centre = start + size / 2
            first = centre + (len(lines) - 1) * c.size * LEADING / 2 - c.size * 0.35
            c.lines(plot.left - 5, first, lines, "end")
        return
    step, names = _name_step(c, cats, plot.band(0, count)[1])
    for j, lines in zip(range(0, count, step), names, strict=True):
        start, size = plot.band(j, count)
        c.lines(start + size / 2, plot.bottom - 3 - ASCENT * c.size, lines, "middle")


def _bars(c: _Canvas, chart: Chart, plot: _Plot, fmt) -> None:
    """Draw the bars, then their value labels if every one of them has room."""
    from reportlab.graphics.shapes import Rect as Box

    cats = [plain(x) for x in chart.categories]
    plot.pad_low, plot.pad_high = _value_pads(c, chart, fmt, plot.horizontal)
    ticks = _ticks(plot)
    _axes(c, chart, plot, cats, ticks, _axis_formatter(chart.number_format))
    colours = c.palette.chart
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
                rect = Box(min(zero, end), offset, abs(end - zero), thick)
                x = end + (LABEL_GAP * c.u if v >= 0 else -LABEL_GAP * c.u)
                y = offset + thick / 2 - c.size * 0.35
                anchor = "start" if v >= 0 else "end"
                labels.append((c.box(x, y, fmt(v), anchor), x, y, fmt(v), anchor))
            else:
                rect = Box(offset, min(zero, end), thick, abs(end - zero))
                x = offset + thick / 2
                y = (end + LABEL_GAP * c.u + DESCENT * c.size if v >= 0
                     else end - LABEL_GAP * c.u - ASCENT * c.size)
                labels.append((c.box(x, y, fmt(v), "middle"), x, y, fmt(v), "middle"))
            rect.fillColor, rect.strokeColor = colours[i % len(colours)], None
            c.drawing.add(rect)
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
    from reportlab.graphics.shapes import Circle, PolyLine

    cats = [plain(x) for x in chart.categories]
    _axes(c, chart, plot, cats, _ticks(plot), _axis_formatter(chart.number_format))
    colours = c.palette.chart
    count = len(cats)

    def x_of(j: int) -> float:
        start, size = plot.band(j, count)
        return start + size / 2

    markers: list[Rect] = []
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for i, row in line_segments(chart):
        colour = colours[i % len(colours)]
        points = [(x_of(j), plot.at(v)) for j, v in enumerate(row) if v is not None]
        segments += zip(points, points[1:], strict=False)
        c.drawing.add(PolyLine([p for xy in points for p in xy], strokeColor=colour,
                               strokeWidth=1.75, strokeLineJoin=1))
        r = MARKER * c.u
        for x, y in points:
            c.drawing.add(Circle(x, y, r, fillColor=colour, strokeColor=None))
            markers.append(Rect(x - r, y - r, x + r, y + r))
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
    from reportlab.graphics.shapes import Line

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
    for i, x, y, centre, baseline, text in placed:
        if abs(centre - y) > 0.75:
            leader = Line(x + MARKER * c.u, y, x_text - 1, centre,
                          strokeColor=c.palette.chart[i % len(c.palette.chart)],
                          strokeWidth=0.5)
            c.drawing.add(leader)
        c.text(x_text, baseline, text)
    return True


def _legend(c: _Canvas, chart: Chart, kind: str, top: float) -> float:
    """Draw the series names in order, left to right, wrapping into rows; return the
    height left under them."""
    from reportlab.graphics.shapes import Line
    from reportlab.graphics.shapes import Rect as Box

    colours = c.palette.chart
    row = c.size * LEADING + 3
    swatch = SWATCH * c.u
    x, baseline = 0.0, top - ASCENT * c.size - 1
    for i, series in enumerate(chart.series):
        name = plain(series.name)
        w = swatch + 3 + c.measure(name)
        if x > 0 and x + w > c.width:
            x, baseline = 0.0, baseline - row
        colour = colours[i % len(colours)]
        mid = baseline + c.size * 0.3
        if kind == "line":
            c.drawing.add(Line(x, mid, x + swatch, mid, strokeColor=colour, strokeWidth=1.75))
        else:
            c.drawing.add(Box(x, mid - swatch / 2, swatch, swatch, fillColor=colour,
                              strokeColor=None))
        c.text(x + swatch + 3, baseline, name)
        x += w + 10
    return baseline - DESCENT * c.size - 2


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
    from reportlab.graphics.shapes import Wedge

    series = chart.series[0]
    n = len(chart.categories)
    slices = [(plain(name), v, chart_colours.slice_colour(c.palette.chart, i, n))
              for i, (name, v) in enumerate(zip(chart.categories, series.values, strict=True))
              if v is not None and v > 0]
    pairs = [(name, v) for name, v, _ in slices]
    if not pairs:
        return
    total = sum(v for _, v in pairs)
    if _values.is_share(chart):
        fmt = formatter(_values.label_format(chart), [v for _, v in pairs])
        shown = [fmt(v) for _, v in pairs]
    else:
        pct = _format(_values.share_format([v for _, v in pairs]), [])
        shown = [pct(v / total) for _, v in pairs]
    radius = min(c.height / 2 - 4, (c.width - 2 * c.u * (PIE_LABEL_MIN + PIE_LABEL_GAP)) / 2)
    radius = max(radius, 12.0)
    cx, cy = c.width / 2, c.height / 2
    angle = 90.0
    mids = []
    for k, (_, v) in enumerate(pairs):
        sweep = 360.0 * v / total
        wedge = Wedge(cx, cy, radius, angle - sweep, angle,
                      fillColor=slices[k][2], strokeColor=c.palette.background,
                      strokeWidth=1)
        if chart.type == "doughnut":
            wedge.radius1 = radius * DOUGHNUT_HOLE
        c.drawing.add(wedge)
        mids.append(angle - sweep / 2)
        angle -= sweep
    column = (c.width - 2 * radius) / 2 - PIE_LABEL_GAP * c.u - 2
    for side in (1, -1):
        members = [k for k, a in enumerate(mids) if (math.cos(math.radians(a)) >= 0) == (side > 0)]
        _pie_side(c, side, members, [f"{pairs[k][0]}  {shown[k]}" for k in members],
                  [mids[k] for k in members], cx, cy, radius, column)


def _pie_side(c: _Canvas, side: int, members: list[int], texts: list[str],
              angles: list[float], cx: float, cy: float, radius: float, column: float) -> None:
    """Set one side's labels in a column beside the pie, moved apart, with leader lines."""
    from reportlab.graphics.shapes import PolyLine

    if not members:
        return
    wrapped = [c.wrap(t, column) or [t] for t in texts]
    heights = [len(lines) * c.size * LEADING for lines in wrapped]
    wanted = [cy + (radius + 4) * math.sin(math.radians(a)) for a in angles]
    ys = spread(wanted, heights, 0.0, c.height, gap=1.0)
    if ys is None:  # more labels than the side can hold: keep the biggest that fit
        ys = wanted
    x_text = cx + side * (radius + PIE_LABEL_GAP * c.u)
    anchor = "start" if side > 0 else "end"
    for lines, centre, height, a in zip(wrapped, ys, heights, angles, strict=True):
        first = centre + height / 2 - ASCENT * c.size
        box = c.lines_box(x_text, first, lines, anchor)
        if not c.fits(box):
            continue
        rim = (cx + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
        elbow = (cx + (radius + 5) * math.cos(math.radians(a)),
                 cy + (radius + 5) * math.sin(math.radians(a)))
        c.drawing.add(PolyLine([*rim, *elbow, x_text - side * 2, centre],
                               strokeColor=c.palette.muted, strokeWidth=0.5))
        c.lines(x_text, first, lines, anchor)


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


