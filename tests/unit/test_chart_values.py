"""What a chart's numbers mean: shares of a whole, axis scales and tick formats."""

from __future__ import annotations

import pytest

from generator import chart_values
from generator.model import Chart


def _pie(values, **kw) -> Chart:
    return Chart.parse({"type": "pie", "categories": [f"c{i}" for i in range(len(values))],
                        "series": [{"name": "s", "values": values}], **kw})


@pytest.mark.parametrize(("values", "kw", "share"), [
    ([57, 48, 31], {}, False),
    ([45.1, 24.7, 30.2], {}, True),
    ([0.35, 0.65], {"number_format": "0%"}, True),
    ([3, 5], {"unit": "%"}, True),
    ([3, 5], {"unit": "M t"}, False),
])
def test_a_pie_is_a_share_when_its_values_say_so(values, kw, share):
    assert chart_values.is_share(_pie(values, **kw)) is share


def test_a_tiny_slice_gets_a_decimal_in_its_share():
    assert chart_values.share_format([50, 50]) == "0%"
    assert chart_values.share_format([999, 1]) == "0.0%"


@pytest.mark.parametrize(("low", "high", "zero", "scale"), [
    (0, 1510, True, (0, 2000, 500)),
    (-26.6, 0, True, (-30, 0, 10)),
    (-9.4, 1.5, True, (-10, 2.5, 2.5)),
    (89.1, 100, False, (87.5, 100, 2.5)),
])
def test_axis_scales_are_round(low, high, zero, scale):
    assert chart_values.nice_scale(low, high, zero=zero) == pytest.approx(scale)


@pytest.mark.parametrize(("fmt", "step", "ticks"), [
    ("0.0", 2, "0"),
    ("0.0", 2.5, "0.0"),
    ("0.0%", 0.025, "0.0%"),
    ("0%", 0.1, "0%"),
    ("#,##0.00", 500, "#,##0"),
    ("+0.0;−0.0;0.0", 5, "+0;−0;0"),
    (None, 5, "General"),
])
def test_the_tick_format_keeps_sign_grouping_and_percent_but_not_the_decimals(fmt, step,
                                                                              ticks):
    assert chart_values.axis_format(fmt, step) == ticks


def test_percent_values_without_a_percent_format_show_the_sign_as_a_literal():
    assert chart_values.label_format(_pie([45.1, 54.9], unit="%",
                                          number_format="0.0")) == '0.0"%"'
    assert chart_values.label_format(_pie([45, 55], unit="%")) == 'General"%"'
    assert chart_values.label_format(_pie([0.4, 0.6], number_format="0%")) == "0%"
    assert chart_values.label_format(_pie([4, 6], unit="M t")) is None
    assert chart_values.label_format(_pie([70, 30])) == 'General"%"'  # adds up to 100
