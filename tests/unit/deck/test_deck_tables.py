"""Planned tables as a reader sees them: how many slides, how wide each column, where lines
break, how tall the rows of a table spilt over slides are."""

from __future__ import annotations

import pytest

from generator import text as _text
from generator.deck import DeckBuilder, fit
from generator.deck.elements import TableGrid
from generator.model import Outline
from generator.report import BuildOptions
from generator.text.breaking import CURRENCIES

DIMENSIONS = [
    {"id": "app", "label": "Aplicativo", "subject": "Nota 4,6 nas lojas; Pix parcelado em 2026"},
    {"id": "custo", "label": "Custo por transação",
     "subject": "R$ 0,38, abaixo da média do setor"},
    {"id": "agencias", "label": "Agências", "subject": "612 agências; 42 a fechar"},
    {"id": "credito", "label": "Crédito digital", "subject": "Renegociação ainda manual"},
]
PEERS = [
    ("Nubank", {"app": "Nota 4,8; referência em usabilidade", "custo": "R$ 0,09 por transação",
                "agencias": "Nenhuma agência", "credito": "Crédito pré-aprovado em segundos"}),
    ("Itaú Unibanco", {"app": "Nota 4,7; superapp", "custo": "R$ 0,31",
                       "agencias": "Rede em redução acelerada",
                       "credito": "Modelos próprios de risco"}),
    ("Bradesco", {"app": "Nota 4,5", "custo": "R$ 0,44",
                  "agencias": "Fechou 400 agências em 2024",
                  "credito": "Renegociação digital desde 2023"}),
    ("Banco Inter", {"app": "Nota 4,6; marketplace integrado", "custo": "R$ 0,12",
                     "agencias": "Nenhuma agência",
                     "credito": "Crédito com garantia de investimentos"}),
    ("Caixa Econômica Federal", {"app": "Nota 4,1; instabilidade frequente", "custo": "R$ 0,52",
                                 "agencias": "Presente em quase todos os municípios",
                                 "credito": "Habitação domina a carteira"}),
]


def bank(peers: int) -> Outline:
    """A pt-BR retail bank's playbook against its first ``peers`` peers."""
    book = {"title": "Comparação", "subject": "Banco Horizonte",
            "headline": "Cada concorrente lidera em uma frente", "dimensions": DIMENSIONS,
            "peers": [{"name": name, "headline": "Outro modelo", "contrasts": contrasts,
                       "takeaway": "Uma lição."} for name, contrasts in PEERS[:peers]],
            "takeaway": "O Banco Horizonte está no meio do grupo; precisa acelerar crédito "
                        "digital."}
    slide = {"kind": "bullets", "title": "Pontos", "notes": "n", "bullets": ["x"]}
    return Outline.parse({"meta": {"title": "T", "footer": "F", "language": "pt-BR"},
                          "brand": {}, "sections": [{"title": "S", "slides": [slide]}],
                          "playbooks": [book]})


def overview(o: Outline, aspect: str) -> list[TableGrid]:
    plan = DeckBuilder().plan(o, BuildOptions(aspect=aspect))
    return [e for s in plan.slides if s.kind == "playbook" for e in s.elements
            if isinstance(e, TableGrid)]


def lines(grid: TableGrid) -> list[str]:
    """Every line of every cell, as the deck breaks it."""
    out = []
    for row in grid.rows:
        for cell, width in zip(row, grid.widths, strict=True):
            for para in cell.paras:
                out += _text.wrap_runs(list(para.runs), fit.usable(para, width - 2 * grid.pad),
                                       para.size, para.font, para.lang)
    return out


def content_height(grid: TableGrid, r: int) -> float:
    """The height row ``r``'s tallest cell needs, its top and bottom margins included."""
    return max(fit.height(cell.paras, width - 2 * grid.pad)
               for cell, width in zip(grid.rows[r], grid.widths, strict=True)) + 2 * grid.pad_v


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_an_overview_of_four_peers_fits_one_slide_at_either_aspect(aspect: str) -> None:
    """Subject and four peers: at 4:3 the table spilt over two slides, its columns shared
    by their one-line widths; shared by the lines they make, it fits one."""
    grids = overview(bank(4), aspect)
    assert len(grids) == 1
    assert len(grids[0].rows) == 1 + len(DIMENSIONS)


@pytest.mark.parametrize("peers", [4, 5])
@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_the_subject_column_gets_its_fair_share(peers: int, aspect: str) -> None:
    """The subject's column holds the longest cells: it is never the narrowest (it was, at
    0.87 in, set one word a line: 'Banco Hori-zonte', 'Rene-gocia-ção')."""
    for grid in overview(bank(peers), aspect):
        subject, others = grid.widths[1], grid.widths[2:]
        assert subject >= sum(others) / len(others), grid.widths
        assert subject > min(others)


def test_an_overview_too_tall_for_one_slide_spills_balanced_rows_as_tall_as_their_text(
        ) -> None:
    """Subject and five peers at 4:3 do not fit one slide at the 14 pt floor: two slides of
    two rows each (not 1 + 1 + 2), each row as tall as its text (not grown to fill)."""
    grids = overview(bank(5), "4:3")
    assert [len(g.rows) - 1 for g in grids] == [2, 2]
    for grid in grids:
        for r in range(len(grid.rows)):
            assert grid.heights[r] == pytest.approx(content_height(grid, r), abs=0.5)


@pytest.mark.parametrize("peers", [4, 5])
@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_no_cell_line_is_a_currency_alone(peers: int, aspect: str) -> None:
    """'R$ 0,38' is never broken after 'R$'."""
    found = [ln for g in overview(bank(peers), aspect) for ln in lines(g)]
    assert any(ln.startswith("R$\u00a00,38") for ln in found), found
    assert not [ln for ln in found if ln.strip() in CURRENCIES], found


def table_outline(columns: list[str], rows: list[list[str]], language: str = "en") -> Outline:
    slide = {"kind": "table", "title": "Tab", "notes": "n",
             "table": {"columns": columns, "rows": rows}}
    return Outline.parse({"meta": {"title": "T", "footer": "F", "language": language},
                          "brand": {}, "sections": [{"title": "S", "slides": [slide]}]})


def table_grids(o: Outline, aspect: str) -> list[TableGrid]:
    plan = DeckBuilder().plan(o, BuildOptions(aspect=aspect))
    return [e for s in plan.slides for e in s.elements if isinstance(e, TableGrid)]


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
def test_a_wide_table_of_prices_keeps_each_currency_with_its_number(aspect: str) -> None:
    columns = ["Market", "Price", "Revenue", "Margin", "Outlook", "Risk", "Owner"]
    rows = [["Brazil", "R$ 0,38 per transaction", "US$ 1.2bn in 2025", "€ 12 per client",
             "Growing steadily", "Currency", "Treasury"],
            ["Germany", "€ 12 per month", "US$ 0.4bn", "R$ 5 per account",
             "Internationalisation", "Regulation", "Compliance"],
            ["United States", "US$ 3 per user", "US$ 2.1bn", "€ 7", "Flat",
             "Competition", "Strategy"]]
    grids = table_grids(table_outline(columns, rows), aspect)
    assert len(grids) == 1
    found = [ln for g in grids for ln in lines(g)]
    assert not [ln for ln in found if ln.strip() in CURRENCIES], found
    assert not [ln for ln in found if ln.rstrip().endswith(("R$", "US$", "€"))], found


def test_a_long_table_spilt_over_slides_keeps_its_rows_as_tall_as_their_text() -> None:
    rows = [[f"Row {i}", "Some value that wraps over a line or two in its column",
             "Another value"] for i in range(40)]
    grids = table_grids(table_outline(["A", "B", "C"], rows), "4:3")
    assert len(grids) > 1
    counts = [len(g.rows) - 1 for g in grids]
    assert max(counts) - min(counts) <= 1, counts
    for grid in grids:
        for r in range(len(grid.rows)):
            assert grid.heights[r] == pytest.approx(content_height(grid, r), abs=0.5)
