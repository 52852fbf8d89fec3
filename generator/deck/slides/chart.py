"""Chart slides: a native, editable chart in brand colours, with an optional takeaway."""

from __future__ import annotations

import math
import re

from ... import alt_text, chart_colours
from ... import brand as _brand
from ... import chart_drawing as _drawing
from ... import chart_values as _values
from ... import text as _text
from ...chart_drawing import ChartLook
from ...chart_geometry import Rect, clear
from ...checks.glyphs import fallback_files
from ...model import Chart, ChartSlide
from .. import fit, scale
from ..context import Context
from ..elements import ChartFrame, ChartLabels, Element, Shape
from ..layout import GUTTER, PANEL_PAD, Box
from .table import CAPTION_GAP, caption

CHART_TEXT_PT = 12
TAKEAWAY_SHARE = 0.32
BAR_W = 4.0
LABEL_GAP = 4.0
"""Space kept between two value labels, in points."""


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
    shown = labels(ctx, chart, box, colours)
    out.insert(0, ChartFrame(box, chart, colours, ctx.body_font, ctx.palette.text,
                             CHART_TEXT_PT, alt=alt_text.chart(chart, title, ctx.locale,
                                                               shown.kind),
                             labels=shown, grid=ctx.palette.surface))
    return out


def labels(ctx: Context, chart: Chart, box, colours: tuple[str, ...]) -> ChartLabels:
    """Return how ``chart`` at ``box`` shows its numbers.

    Pies and doughnuts label every slice (with its share of the whole unless the values are
    percentages already). Bars, columns and lines take the form the shared chart drawing
    decides at the frame's size, in the deck's chart type (``chart_drawing.form``): a
    column chart whose names cannot stand under their columns shown as bars, a fixed value
    axis (round steps, grown by whole steps to keep the value labels inside the plot) whose
    ticks carry no more decimals than its step, and value labels on every point, on the
    end of each line, or on none (the values stay in the chart's data sheet). The native
    chart and its drawing in deck.pdf both follow that one decision.
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
    form = _drawing.form(look(ctx, colours), chart, box.w, box.h)
    assert form is not None  # a bar, column or line chart has one
    return ChartLabels(form.points, fmt, False, form.axis,
                       _values.axis_format(chart.number_format, form.axis[2]),
                       _values.has_negatives(chart), kind=form.kind, name_step=form.name_step,
                       below=form.below)


def look(ctx: Context, colours: tuple[str, ...]) -> ChartLook:
    """Return the look the deck's charts are laid out in: the body font at ``CHART_TEXT_PT``,
    the bundled fallback fonts and the outline's language, as deck.pdf draws them, with the
    value labels where a native chart puts them (above each point, line ends unmoved)."""
    palette = ctx.palette
    return ChartLook(ctx.body_font, CHART_TEXT_PT, palette.text, palette.muted, palette.surface,
                     palette.background, colours, tuple(str(f) for f in fallback_files()),
                     ctx.outline.meta.language, movable_labels=False)


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
