"""Review fixes in the built deck: axes from zero, brand-coloured agenda links, lean layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from helpers import A, build_deck

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def prs(tmp_path_factory):
    _, result = build_deck(tmp_path_factory.mktemp("polish"))
    return Presentation(str(result.path))


def test_bar_and_column_value_axes_start_at_zero(prs):
    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    bars = [c for c in charts if str(c.chart_type).split(" ")[0] in ("BAR_CLUSTERED",
                                                                      "COLUMN_CLUSTERED")]
    assert bars and all(c.value_axis.minimum_scale == 0 for c in bars)


def test_agenda_links_are_not_underlined(prs):
    agenda = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Agenda")
    links = agenda._element.findall(f".//{{{A}}}hlinkClick")
    assert links and all(link.getparent().get("u") == "none" for link in links)


def test_only_used_layouts_are_kept(prs):
    used = {s.slide_layout.name for s in prs.slides}
    assert {lay.name for lay in prs.slide_layouts} == used


def test_dense_overview_table_keeps_its_preferred_size(tmp_path):
    from generator import loader
    from generator.deck import DeckBuilder
    from generator.deck.slides import table

    loaded = loader.load(ROOT / "outline.yaml")
    plan = DeckBuilder().plan(loaded.outline)
    assert not [f for f in plan.findings if f.code == "shrunk"]
    overview = next(s for s in plan.slides if s.kind == "playbook")
    grid = next(e for e in overview.elements if hasattr(e, "widths"))
    sizes = {p.size for row in grid.rows for cell in row for p in cell.paras}
    assert sizes == {table.DENSE_TABLE_PT} == {14}  # the slide floor: no table text under 14 pt
    assert grid.widths[0] < min(grid.widths[1:])


def test_a_peer_table_with_room_is_set_larger_and_fills_its_slide(prs):
    """A three-column peer table on a roomy slide is not left at 14-16 pt in its top third:
    its text grows to the largest table size and its rows grow to fill the space."""
    from generator.deck import scale

    peers = [sh for s in prs.slides for sh in s.shapes if sh.has_table
             and len(sh.table.columns) == 3 and ":" in s.shapes.title.text_frame.text]
    assert peers
    for shape in peers:
        sizes = {run.font.size.pt for row in shape.table.rows for cell in row.cells
                 for p in cell.text_frame.paragraphs for run in p.runs if run.font.size}
        assert sizes == {float(scale.TABLE_MAX_PT)}
        slide_h = prs.slide_height
        assert shape.top + shape.height > slide_h * 0.45


def test_a_row_of_stat_cards_sits_near_the_middle_of_the_slide(prs):
    """Not under the title with the lower half of the slide left empty."""
    slide = next(s for s in prs.slides
                 if any(sh.name.startswith("Stat-Value") for sh in s.shapes))
    values = [sh for sh in slide.shapes if sh.name.startswith("Stat-Value")]
    labels = [sh for sh in slide.shapes if sh.name.startswith("Stat-Label")]
    top = min(sh.top for sh in values)
    bottom = max(sh.top + sh.height for sh in labels)
    middle = (top + bottom) / 2
    assert prs.slide_height * 0.4 < middle < prs.slide_height * 0.6


@pytest.mark.parametrize(("aspect", "named"), [("16:9", None), ("4:3", "screen4x3")])
def test_the_slide_size_is_named_as_powerpoint_names_it(tmp_path, aspect, named):
    """PowerPoint's Slide Size dialog reads the name: a 13.33 x 7.5 in deck is its own
    16:9 default (no name), not 'On-screen Show (4:3)'."""
    _, result = build_deck(tmp_path, aspect=aspect)
    size = Presentation(str(result.path))._element.sldSz
    assert size.get("type") == named
