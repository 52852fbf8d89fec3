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


CLOSE_LINES = {5: "the reported case: four blue-greys in the default theme",
               6: "as many series as there are dash patterns"}


def _line_chart(count: int):
    from generator.model import Chart

    return Chart.parse({"type": "line", "categories": ["a", "b", "c"],
                        "series": [{"name": f"S{i}", "values": [i, i + 1, i + 2]}
                                   for i in range(count)]})


def _apart(colours, styles) -> list[tuple]:
    """Return the pairs of series that differ by colour alone, and by less than the clear
    distance (CIEDE2000): what a reader could mistake for each other. (Within six series
    a styled chart differs in dash and marker both; see the test of five below.)"""
    out = []
    for i in range(len(styles)):
        for j in range(i + 1, len(styles)):
            a, b = colours[i % len(colours)], colours[j % len(colours)]
            close = chart_colours.distance(a, b) < chart_colours.CLEAR_DISTANCE
            if close and styles[i] == styles[j]:
                out.append((i, j, a, b))
    return out


@pytest.mark.parametrize("count", range(2, chart_colours.MAX_SERIES + 1))
@pytest.mark.parametrize("name", themes.names())
def test_no_two_line_series_differ_by_a_close_colour_alone(name, count):
    colours = chart_colours.series_colours(_theme(name))
    styles = chart_colours.line_styles(colours, count)
    assert _apart(colours, styles) == []


def test_the_default_themes_five_lines_differ_in_dash_and_marker():
    colours = chart_colours.series_colours(_theme("default"))[:5]
    close = [(a, b) for i, a in enumerate(colours) for b in colours[i + 1:]
             if chart_colours.distance(a, b) < chart_colours.CLEAR_DISTANCE]
    assert close, "the default palette has close blue-greys among its first five"
    styles = chart_colours.line_styles(colours, 5)
    assert len({s.dash for s in styles}) == len({s.marker for s in styles}) == 5


def test_lines_far_apart_in_colour_stay_plain():
    colours = chart_colours.series_colours(_theme("midnight"))
    assert chart_colours.line_styles(colours, 3) == (chart_colours.PLAIN,) * 3


@pytest.mark.parametrize("name", themes.names())
def test_brief_and_deck_pdf_draw_close_lines_in_their_own_dash_and_marker(name):
    """The one chart drawing of the brief and deck.pdf: each series' line and markers."""
    from generator import chart_drawing

    theme = _theme(name)
    colours = tuple(chart_colours.series_colours(theme))
    look = chart_drawing.ChartLook("Liberation Sans", 8, theme.palette.text, theme.palette.muted,
                                   theme.palette.surface, theme.palette.background, colours)
    for count in CLOSE_LINES:
        laid = chart_drawing.layout(look, _line_chart(count), 400, 240)
        lines = [m for m in laid.items if isinstance(m, chart_drawing.Mark)
                 and m.kind == "polyline"]
        drawn = [(m.stroke, m.dash) for m in lines]
        for i, (a, dash_a) in enumerate(drawn):
            for b, dash_b in drawn[i + 1:]:
                if chart_colours.distance(a, b) < chart_colours.CLEAR_DISTANCE:
                    assert dash_a != dash_b, (count, a, b)
