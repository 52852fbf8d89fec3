"""Alt text of charts and tables: what a screen reader says, in the outline's language."""

from __future__ import annotations

from generator import alt_text
from generator.locale import get
from generator.model import Chart, Table

ENGLISH = get("en", None)
SALES = {"type": "column", "categories": ["North", "South"],
         "series": [{"name": "Sales", "values": [10, 12.5]}], "unit": "EUR bn"}
MOVING = {"type": "line", "categories": ["2021", "2022", "2023", "2024"],
          "series": [{"name": "Plan", "values": [11, 15, 9, 12]},
                     {"name": "Base", "values": [11, None, 10, 9.5]}]}


def test_a_short_chart_reads_every_value_with_its_category():
    chart = Chart.parse(SALES)
    assert alt_text.chart(chart, "Sales by region", ENGLISH) == (
        "Column chart: Sales by region, in EUR bn. North: 10; South: 12.5.")


def test_a_column_chart_shown_as_bars_is_called_a_bar_chart():
    chart = Chart.parse(SALES)
    assert alt_text.chart(chart, "Sales by region", ENGLISH, "bar").startswith(
        "Bar chart: Sales by region")


def test_several_series_are_named_and_a_gap_is_said():
    chart = Chart.parse({**SALES, "series": [{"name": "2024", "values": [10, None]},
                                             {"name": "2025", "values": [11, 12]}]})
    assert alt_text.chart(chart, "Sales", ENGLISH) == (
        "Column chart: Sales, in EUR bn. 2024: North: 10; South: no value. "
        "2025: North: 11; South: 12.")


def test_a_run_of_numbers_is_told_as_the_way_it_moves():
    chart = Chart.parse(MOVING)
    assert alt_text.chart(chart, "Share by year", ENGLISH) == (
        "Line chart: Share by year. Plan: up from 11 in 2021 to 12 in 2024; highest 15 in "
        "2022; lowest 9 in 2023. Base: down from 11 in 2021 to 9.5 in 2024.")


def test_one_moving_series_is_told_without_its_name():
    chart = Chart.parse({**MOVING, "series": [MOVING["series"][0]]})
    assert alt_text.chart(chart, "Share", ENGLISH) == (
        "Line chart: Share. Up from 11 in 2021 to 12 in 2024; highest 15 in 2022; lowest 9 in "
        "2023.")


def test_the_outlines_own_alt_text_wins():
    chart = Chart.parse({**SALES, "alt": "Sales **rose** in the south"})
    assert alt_text.chart(chart, "T", ENGLISH) == "Sales rose in the south"


def test_words_numbers_and_punctuation_follow_the_language():
    chart = Chart.parse(SALES)
    assert alt_text.chart(chart, "Umsatz nach Region", get("de", None)) == (
        "Säulendiagramm: Umsatz nach Region, in EUR bn. North: 10; South: 12,5.")
    assert alt_text.chart(chart, "Ventes", get("fr", None), "bar") == (
        "Graphique à barres\u00a0: Ventes, en EUR bn. North\u00a0: 10 ; South\u00a0: 12,5.")
    assert alt_text.chart(chart, "地域別売上", get("ja", None)) == (
        "縦棒グラフ：地域別売上（単位：EUR bn）。North：10、South：12.5。")
    moving = Chart.parse({**MOVING, "series": [MOVING["series"][0]]})
    assert alt_text.chart(moving, "份额", get("zh", None)) == (
        "折线图：份额。从2021的11升至2024的12；最高值为2022的15；最低值为2023的9。")


def test_a_table_is_told_by_its_title_size_and_header():
    table = Table.parse({"columns": ["Risk", "Signal"], "rows": [["a", "b"]]})
    assert alt_text.table(table, "Risks", ["Risk", "Signal"], 1, ENGLISH) == (
        "Table: Risks, 1 row by 2 columns; columns: Risk, Signal.")
    assert alt_text.table(None, "", ["", "Us", "Them"], 3, ENGLISH) == (
        "Table, 3 rows by 3 columns; columns: Dimension, Us, Them.")  # the row labels
    assert alt_text.table(table, "Risiken", ["Risiko", "Signal"], 4, get("de", None)) == (
        "Tabelle: Risiken, 4 Zeilen und 2 Spalten; Spalten: Risiko, Signal.")
    own = Table.parse({"columns": ["A"], "rows": [["b"]], "alt": "Mine"})
    assert alt_text.table(own, "T", ["A"], 1, ENGLISH) == "Mine"


def test_every_language_has_every_word():
    from generator import locale

    keys = {k for k in ENGLISH.labels if k.startswith(("alt_", "chart_"))}
    assert len(keys) == 22
    for code in locale.supported():
        assert keys <= set(get(code, None).labels), code


def test_a_pies_slices_are_read_as_the_shares_the_chart_shows():
    mix = Chart.parse({"type": "doughnut", "categories": ["Pix", "TED", "Boleto"],
                       "series": [{"name": "Volume", "values": [262.3, 120.1, 103.6]}]})
    assert alt_text.chart(mix, "Meios", get("pt-BR", None)) == (
        "Gráfico de rosca: Meios. Pix: 54%; TED: 25%; Boleto: 21%.")
    shares = Chart.parse({"type": "pie", "categories": ["A", "B"], "unit": "%",
                          "series": [{"name": "x", "values": [54, 46]}]})
    assert alt_text.chart(shares, "Mix", ENGLISH) == (  # numbers alone: its extremes, in words
        "Pie chart: Mix, in %. Highest 54% in A; lowest 46% in B.")
