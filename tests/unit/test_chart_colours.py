"""Series colours: each visible on the plot, each told from the others, in every theme."""

from __future__ import annotations

import pytest
import yaml

from generator import brand, chart_colours, checks, themes
from generator.model import Brand, Outline


def _theme(name: str) -> Brand:
    return Brand.parse(yaml.safe_load((themes.BUNDLED_DIR / f"{name}.yaml").read_text()))


@pytest.mark.parametrize("name", themes.names())
def test_every_series_colour_passes_3_to_1_on_the_background(name):
    theme = _theme(name)
    colours = chart_colours.series_colours(theme)
    assert len(colours) >= 4
    for colour in colours:
        assert brand.contrast(colour, theme.palette.background) >= chart_colours.MIN_CONTRAST


@pytest.mark.parametrize("name", themes.names())
def test_series_colours_are_distinct_from_each_other_and_from_the_text(name):
    theme = _theme(name)
    colours = chart_colours.series_colours(theme)
    for i, a in enumerate(colours):
        assert chart_colours.distance(a, theme.palette.text) >= chart_colours.MIN_DISTANCE
        for b in colours[i + 1:]:
            assert chart_colours.distance(a, b) >= chart_colours.MIN_DISTANCE, (a, b)


def test_near_white_is_darkened_on_white_and_white_is_not_a_series_on_dark():
    light = Brand.parse({"palette": {"chart": ["#1F4E79", "#F4F6F8"]}})
    colours = chart_colours.series_colours(light)
    assert "#F4F6F8" not in colours
    assert all(brand.contrast(c, "#FFFFFF") >= 3 for c in colours)
    dark = _theme("midnight")
    assert dark.palette.text.upper() in [c.upper() for c in dark.palette.chart]
    assert all(chart_colours.distance(c, dark.palette.text) >= chart_colours.MIN_DISTANCE
               for c in chart_colours.series_colours(dark))


def test_a_short_palette_is_extended_with_separable_tints():
    one = Brand.parse({"palette": {"chart": ["#1F4E79"]}})
    colours = chart_colours.series_colours(one)
    assert colours[0] == "#1F4E79"
    assert len(colours) >= 3
    assert chart_colours.capacity(one) == len(colours)


def test_the_colour_difference_is_ciede2000():
    # Sharma, Wu and Dalal (2005), test pairs 1 and 17
    assert chart_colours.delta_e((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(
        2.0425, abs=1e-4)
    assert chart_colours.delta_e((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492,
                                                                               abs=1e-4)


def _outline(series: int, theme: dict | None = None) -> Outline:
    chart = {"type": "line", "categories": ["a", "b"], "source": "s",
             "series": [{"name": f"s{i}", "values": [i, i + 1]} for i in range(series)]}
    return Outline.parse({
        "meta": {"title": "T"}, "brand": theme or {}, "sources": [{"id": "s", "title": "S"}],
        "sections": [{"title": "One", "slides": [
            {"kind": "chart", "title": "C", "notes": "n", "chart": chart}]}]})


def test_a_chart_with_more_series_than_colours_is_a_warning():
    theme = {"palette": {"chart": ["#1F4E79", "#E07A1F"]}}
    room = chart_colours.capacity(Brand.parse(theme))
    assert not [f for f in checks.findings(_outline(room, theme)) if f.code == "colours"]
    found = [f for f in checks.findings(_outline(room + 1, theme)) if f.code == "colours"]
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].path == ("sections", 0, "slides", 0, "chart")
    assert f"chart has {room + 1} series but the palette can tell only {room} apart" in (
        found[0].message)


@pytest.mark.parametrize("name", themes.names())
@pytest.mark.parametrize("extra", [1, 2, 3, 4])
def test_neighbouring_slices_never_share_a_colour_when_the_palette_runs_out(name, extra):
    """A pie with more slices than colours: slices reuse colours, but no slice has the
    colour of a neighbour, the last and the first included (they touch at twelve)."""
    colours = chart_colours.series_colours(_theme(name))
    n = len(colours) + extra
    ring = [chart_colours.slice_colour(colours, i, n) for i in range(n)]
    assert ring[:len(colours)] == colours
    for i in range(n):
        assert ring[i] != ring[(i + 1) % n], (i, ring)
