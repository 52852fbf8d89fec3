"""Chart slides: a native, editable chart in brand colours, with an optional takeaway."""

from __future__ import annotations

import math
import re

from ... import brand as _brand
from ... import chart_colours
from ... import chart_values as _values
from ... import text as _text
from ...chart_geometry import Rect, clear
from ...model import Chart, ChartSlide
from .. import alt, fit, scale
from ..context import Context
from ..elements import ChartFrame, ChartLabels, Element, Shape
from ..layout import GUTTER, PANEL_PAD, Box
from .table import CAPTION_GAP, caption

CHART_TEXT_PT = 12
TAKEAWAY_SHARE = 0.32
BAR_W = 4.0
LABEL_GAP = 4.0
"""Space kept between two value labels, in points."""
PLOT_SHARE = 0.72
"""The share of a chart frame's height its plot area takes (the rest: legend, axis labels)."""
BAR_PLOT_SHARE = 0.6
"""The share of a bar chart frame's width its plot takes (the rest: names, legend)."""


def frame(ctx: Context, chart: Chart, box: Box, title: str = "") -> list[Element]:
    """Return the chart in ``box`` with its caption and unit ('Unit: %.', in the outline's
    language, as in the brief) in a line under it.

    Its alt text is the chart's ``alt`` or is made from its data, under ``title``.
    """
    unit = ctx.locale.unit_note(chart.unit) if chart.unit else None
    note = ctx.locale.punctuation.sentences([p for p in (chart.caption, unit) if p])
    out: list[Element] = []
    if note:
        para, h = caption(ctx, note, box.w)
        box, line = box.take_bottom(h, gap=CAPTION_GAP)
        out.append(ctx.text(line, [para], role="caption"))
    colours = tuple(chart_colours.series_colours(ctx.brand))
    out.insert(0, ChartFrame(box, chart, colours, ctx.body_font, ctx.palette.text,
                             CHART_TEXT_PT, alt=alt.chart(chart, title, ctx.locale.numbers),
                             labels=labels(ctx, chart, box, colours), grid=ctx.palette.surface))
    return out


def labels(ctx: Context, chart: Chart, box, colours: tuple[str, ...]) -> ChartLabels:
    """Return how ``chart`` at ``box`` shows its numbers.

    Pies and doughnuts label every slice (with its share of the whole unless the values are
    percentages already). Bars, columns and lines have a fixed value axis whose ticks carry
    no more decimals than its step; their values are labelled where the labels cannot
    touch: every point when they are spaced, else the end of each line when those are
    apart, else none (the values stay in the chart's data sheet).
    """
    fmt = _values.label_format(chart) or "General"
    if chart.type in ("pie", "doughnut"):
        values = [v for v in chart.series[0].values if v is not None and v > 0]
        percent = not _values.is_share(chart)
        fmt = _values.share_format(values) if percent else fmt
        n = len(chart.categories)
        on_ring = tuple(_brand.on_colour(chart_colours.slice_colour(colours, i, n), ctx.brand)
                        for i in range(n))
        return ChartLabels("all", fmt, percent,
                           label_colours=on_ring if chart.type == "doughnut" else (),
                           hidden=_crowded_slices(chart, box, fmt, percent, ctx.body_font))
    data = _values.values(chart) or [0.0]
    zero = chart.type != "line"
    axis = _values.nice_scale(min(data), max(data), zero=zero)
    points = _label_points(chart, box, axis, fmt, ctx.body_font)
    if points == "all" and chart.type in ("bar", "column"):
        axis = _room_for_labels(chart, box, axis, fmt, ctx.body_font)
    return ChartLabels(points, fmt, False, axis,
                       _values.axis_format(chart.number_format, axis[2]),
                       _values.has_negatives(chart))


def _room_for_labels(chart: Chart, box, axis: tuple[float, float, float], fmt: str,
                     font: str) -> tuple[float, float, float]:
    """Return the value axis widened by whole steps until the labels beyond the longest bars
    (outside their ends) stay inside the plot, clear of the category names."""
    low, high, step = axis
    data = _values.values(chart)
    if not data:  # every value is a gap: no label needs room
        return axis
    if chart.type == "bar":
        need = max(_text.text_width(_excel(v, fmt), CHART_TEXT_PT, font) for v in data)
        length = box.w * BAR_PLOT_SHARE
    else:
        need = _text.line_height(CHART_TEXT_PT)
        length = box.h * PLOT_SHARE
    need += LABEL_GAP
    for _ in range(4):
        per = length / ((high - low) or 1.0)
        if min(data) < 0 and (min(data) - low) * per < need:
            low -= step
        elif max(data) > 0 and (high - max(data)) * per < need:
            high += step
        else:
            break
    return low, high, step


def _crowded_slices(chart: Chart, box, fmt: str, percent: bool, font: str) -> tuple[int, ...]:
    """Return the slices whose labels would sit on a bigger slice's label.

    The pie is taken as the presentation programs draw it: centred in the frame above the
    legend, labels outside a pie's rim or in the middle of a doughnut's ring. Labels are
    placed biggest slice first; one that would touch a label already placed is left out.
    """
    values = [v if v is not None and v > 0 else 0.0 for v in chart.series[0].values]
    total = sum(values) or 1.0
    legend = _text.line_height(CHART_TEXT_PT) * 2.5
    radius = min(box.w, box.h - legend) * (0.4 if chart.type == "doughnut" else 0.33)
    at = radius * (0.75 if chart.type == "doughnut" else 1.0)
    placed: list[Rect] = []
    hidden = []
    angle = 90.0
    spots = []
    for k, v in enumerate(values):
        sweep = 360.0 * v / total
        spots.append((k, v, math.radians(angle - sweep / 2)))
        angle -= sweep
    for k, v, mid in sorted(spots, key=lambda s: -s[1]):
        if v <= 0:
            continue
        text = _excel(v / total if percent else v, fmt)
        w, h = _text.text_width(text, CHART_TEXT_PT, font), _text.line_height(CHART_TEXT_PT)
        x, y = at * math.cos(mid), at * math.sin(mid)
        if chart.type == "pie":  # outside the rim, pushed out by half the label
            x += (w / 2 + LABEL_GAP) * math.cos(mid)
            y += (h / 2 + LABEL_GAP) * math.sin(mid)
        label = Rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if clear(label, placed):
            placed.append(label)
        else:
            hidden.append(k)
    return tuple(sorted(hidden))


def _label_points(chart: Chart, box, axis: tuple[float, float, float], fmt: str,
                  font: str) -> str:
    """Return which points of a bar, column or line chart get a value label."""
    size = CHART_TEXT_PT
    cats = len(chart.categories)
    widest = max(_text.text_width(_excel(v, fmt), size, font) for v in _values.values(chart)
                 or [0.0])
    tall = _text.line_height(size)
    if chart.type == "bar":
        band = box.h * PLOT_SHARE / cats / len(chart.series)
        return "all" if band >= tall + LABEL_GAP / 2 else "none"
    band = box.w * 0.85 / cats
    if chart.type == "column":
        return "all" if len(chart.series) == 1 and band >= widest + LABEL_GAP else "none"
    per_point = box.h * PLOT_SHARE / ((axis[1] - axis[0]) or 1.0)
    if len(chart.series) == 1 and band >= widest + LABEL_GAP:
        return "all"
    ends = sorted(next((v for v in reversed(s.values) if v is not None), axis[0])
                  for s in chart.series)
    apart = all((b - a) * per_point >= tall for a, b in zip(ends, ends[1:], strict=False))
    return "last" if apart else "none"


def _excel(value: float, fmt: str) -> str:
    """Return about what Excel's ``fmt`` shows for ``value``: as wide, for measuring."""
    section = fmt.split(";")[0]
    literal = "".join(re.findall(r'"([^"]*)"', section))
    section = re.sub(r'"[^"]*"', "", section)
    if section.startswith("General"):
        return f"{value:g}{literal}"
    decimals = len(section.split(".")[1].rstrip("%")) if "." in section else 0
    scaled = value * 100 if "%" in section else value
    shown = f"{scaled:{',' if ',' in section else ''}.{decimals}f}"
    return shown + ("%" if "%" in section else "") + literal


def takeaway(ctx: Context, value: str, box: Box, path: tuple) -> list[Element]:
    """Return a takeaway panel: surface fill, primary bar, text shrunk to fit."""
    inner = Box(box.x + BAR_W + PANEL_PAD, box.y + PANEL_PAD, box.w - BAR_W - 2 * PANEL_PAD,
                box.h - 2 * PANEL_PAD)
    fitted = fit.shrink(lambda s: [ctx.para(value, s, bold=True)], inner, scale.BODY_PT,
                        scale.BODY_MIN_PT)
    if fitted is None:
        ctx.note(path, "takeaway does not fit beside the chart; expected one sentence",
                 "overflow", "error")
        fitted = (scale.BODY_MIN_PT, [ctx.para(value, scale.BODY_MIN_PT, bold=True)])
    elif fitted[0] < scale.BODY_PT:
        ctx.note(path, f"takeaway shrunk to {fitted[0]:g} pt to fit", "shrunk")
    return [Shape(box, ctx.palette.surface), Shape(Box(box.x, box.y, BAR_W, box.h),
                                                   ctx.palette.primary),
            ctx.text(inner, fitted[1], role="takeaway", anchor="middle")]


def pages(ctx: Context, slide: ChartSlide, body: Box, path: tuple) -> list[list[Element]]:
    """Return the chart slide; with a takeaway the chart takes the left two thirds."""
    if not slide.takeaway:
        return [frame(ctx, slide.chart, body, slide.title)]
    side = body.w * TAKEAWAY_SHARE
    left = Box(body.x, body.y, body.w - side - GUTTER, body.h)
    right = Box(left.right + GUTTER, body.y, side, min(body.h, 200.0))
    return [frame(ctx, slide.chart, left, slide.title) + takeaway(ctx, slide.takeaway, right,
                                                     (*path, "takeaway"))]
