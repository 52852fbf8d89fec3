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
