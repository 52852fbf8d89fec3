"""Charts a reader cannot read right: more series (or slices) than colours tell apart.

A negative pie or doughnut value is not checked here: the model rejects it at load, at the
value (``model.Chart``).
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import chart_colours
from ..model import Chart, ChartSlide, Outline, TwoColumnSlide
from ..report import Finding


def charts(outline: Outline) -> Iterator[tuple[tuple, Chart]]:
    """Yield every chart of ``outline`` with its model path, in outline order."""
    for i, section in enumerate(outline.sections):
        for j, slide in enumerate(section.slides):
            path = ("sections", i, "slides", j)
            if isinstance(slide, ChartSlide):
                yield (*path, "chart"), slide.chart
            elif isinstance(slide, TwoColumnSlide):
                for side in ("left", "right"):
                    chart = getattr(slide, side).chart
                    if chart is not None:
                        yield (*path, side, "chart"), chart


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield a warning for each chart with more series (or slices) than the brand's palette
    can tell apart."""
    separable = chart_colours.capacity(outline.brand)
    for path, chart in charts(outline):
        count = chart_colours.series_count(chart)
        if count > separable:
            what = "slices" if chart.type in ("pie", "doughnut") else "series"
            yield Finding(path, f"chart has {count} {what} but the palette can tell only "
                          f"{separable} apart (3:1 on the background, distinct from each "
                          f"other); expected at most {separable}: group the smallest, or "
                          "add colours to brand.palette.chart", "colours")

