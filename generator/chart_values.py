"""What a chart's numbers mean to both builders: shares of a whole, axis scales, tick formats."""

from __future__ import annotations

import math
import re

from .model import Chart

PERCENT_UNITS = ("%", "％", "percent", "per cent", "pct")
"""Units that say the values are already percentages (compared in lower case)."""
WHOLE_TOLERANCE = 0.015
"""How far from 100 (or 1.0 with a percent format) values may sum and still be a whole."""


def is_share(chart: Chart) -> bool:
    """Whether a pie's or doughnut's values are already percentages of the whole.

    True when the number format is a percent format, the unit is a percent sign, or the
    values add up to 100 (give or take rounding).
    """
    if chart.number_format and "%" in chart.number_format:
        return True
    if chart.unit and chart.unit.strip().lower() in PERCENT_UNITS:
        return True
    values = [v for v in chart.series[0].values if v is not None]
    return abs(sum(values) - 100) <= 100 * WHOLE_TOLERANCE


def label_format(chart: Chart) -> str | None:
    """Return the number format of ``chart``'s value labels: its own, followed by a percent
    sign (as an Excel literal, no scaling) when the values are percentages (the unit says
    so, or a pie's values add up to 100) and the format does not show one. Without a format
    of its own, labels show as many decimals as the most precise value (at most
    ``MOST_DECIMALS``): 6 and 7.3 label as 6.0 and 7.3, not as Excel's General writes them."""
    fmt = chart.number_format or implied_format(values(chart))
    if fmt and "%" in fmt:
        return fmt
    unit = (chart.unit or "").strip()
    if unit in ("%", "％"):
        return f'{fmt or "General"}"{unit}"'
    if chart.type in ("pie", "doughnut") and is_share(chart):  # they add up to 100
        return f'{fmt or "General"}"%"'
    return fmt


MOST_DECIMALS = 2
"""The most decimals a chart's labels show when its outline gives no number format."""


def implied_format(numbers: list[float]) -> str | None:
    """Return '0.0' (or '0.00') when some of ``numbers`` have decimals, so every label
    shows as many; None (General) when they are all whole."""
    decimals = 0
    for number in numbers:
        while (decimals < MOST_DECIMALS
               and abs(round(number, decimals) - number) > 1e-9 * max(1.0, abs(number))):
            decimals += 1
    return "0." + "0" * decimals if decimals else None


def share_format(values: list[float]) -> str:
    """Return the Excel format for shares of the whole: '0%', or '0.0%' when a slice would
    otherwise show as 0%."""
    total = sum(v for v in values if v and v > 0)
    small = total and any(0 < v / total < 0.005 for v in values if v)
    return "0.0%" if small else "0%"


def nice_scale(low: float, high: float, ticks: int = 5,
               zero: bool = True) -> tuple[float, float, float]:
    """Return (minimum, maximum, step) of an axis that shows ``low``..``high`` in about
    ``ticks`` steps of 1, 2, 2.5 or 5 times a power of ten; zero included if ``zero``."""
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    raw = (high - low) / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw - 1e-12)
    return (math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step)


def axis_format(number_format: str | None, step: float) -> str:
    """Return the tick-label format: the data format's sign, grouping and percent, with only
    as many decimals as the axis step needs.

    ``'0.0'`` with a step of 2 gives ``'0'``; ``'0.0%'`` with a step of 0.025 gives
    ``'0.0%'``; without a data format the ticks show 'General'.
    """
    if not number_format:
        return "General"
    scaled = step * (100 if "%" in number_format else 1)
    decimals = 0
    while decimals < 4 and abs(round(scaled, decimals) - scaled) > 1e-9:
        decimals += 1
    zeros = "." + "0" * decimals if decimals else ""
    return re.sub(r"([#0,]*0)(\.0+|\.#+)?", lambda m: m.group(1) + zeros, number_format)


def has_negatives(chart: Chart) -> bool:
    """Whether any value of ``chart`` is below zero."""
    return any(v is not None and v < 0 for s in chart.series for v in s.values)


def values(chart: Chart) -> list[float]:
    """Return every value of ``chart``, gaps left out."""
    return [v for s in chart.series for v in s.values if v is not None]
