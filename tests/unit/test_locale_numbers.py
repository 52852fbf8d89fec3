"""How each language writes the numbers deckgen formats itself (``locale.NumberStyle``), and
the chart formats that use it."""

from __future__ import annotations

import pytest

from generator import locale
from generator.chart_drawing import formatter

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("tag", "shown"), [
    ("en", ["741.5", "1,234", "1,234.5", "12,345.6", "-1,234,567.25"]),
    ("de-DE", ["741,5", "1.234", "1.234,5", "12.345,6", "-1.234.567,25"]),
    ("fr", ["741,5", f"1{NNBSP}234", f"1{NNBSP}234,5", f"12{NNBSP}345,6",
            f"-1{NNBSP}234{NNBSP}567,25"]),
    ("es", ["741,5", "1234", "1234,5", "12.345,6", "-1.234.567,25"]),
    ("es-MX", ["741.5", "1,234", "1,234.5", "12,345.6", "-1,234,567.25"]),
    ("de-CH", ["741.5", "1'234", "1'234.5", "12'345.6", "-1'234'567.25"]),
    ("pt-PT", ["741,5", "1234", "1234,5", f"12{NBSP}345,6", f"-1{NBSP}234{NBSP}567,25"]),
    ("pt-BR", ["741,5", "1.234", "1.234,5", "12.345,6", "-1.234.567,25"]),
    ("ja", ["741.5", "1,234", "1,234.5", "12,345.6", "-1,234,567.25"]),
    ("zh-Hans", ["741.5", "1,234", "1,234.5", "12,345.6", "-1,234,567.25"]),
    ("xx", ["741.5", "1,234", "1,234.5", "12,345.6", "-1,234,567.25"]),
])
def test_a_language_writes_numbers_its_own_way(tag, shown) -> None:
    style = locale.get(tag).numbers
    assert [style.write(n) for n in ["741.5", "1,234", "1,234.5", "12,345.6",
                                     "-1,234,567.25"]] == shown


def test_ungrouped_numbers_and_text_keep_their_digits() -> None:
    german = locale.get("de").numbers
    assert german.write("12345.5") == "12345,5"  # the format asked for no grouping
    assert [german.write(t) for t in ["inf", "", "n/a", "1.2.3"]] == ["inf", "", "n/a", "1.2.3"]


def test_every_locale_file_says_how_it_writes_numbers() -> None:
    for code in locale.supported():
        style = locale.get(code).numbers
        assert style.decimal != style.group, code
        assert style.minimum_grouping_digits in (1, 2), code
    assert locale.get("en").numbers == locale.ENGLISH_NUMBERS


@pytest.mark.parametrize(("number_format", "value", "en", "de"), [
    ("#,##0.0", 12345.6, "12,345.6", "12.345,6"),
    ("0.00", -2.5, "-2.50", "-2,50"),
    ("0.0%", 0.125, "12.5%", "12,5%"),
    ('General"%"', 12.5, "12.5%", "12,5%"),
    ('"€"#,##0', 1500, "€1,500", "€1.500"),
    ("0.0;(0.0)", -3.25, "(3.2)", "(3,2)"),
    (None, 1234.5, "1,234.5", "1.234,5"),
])
def test_chart_formats_write_the_language_s_marks(number_format, value, en, de) -> None:
    assert formatter(number_format, [value])(value) == en
    assert formatter(number_format, [value], locale.get("de").numbers)(value) == de


@pytest.mark.parametrize(("language", "month", "day"), [
    ("en", "February 2026", "3 November 2025"),
    ("de", "Februar 2026", "3. November 2025"),
    ("es", "febrero de 2026", "3 de noviembre de 2025"),
    ("fr", "février 2026", "3 novembre 2025"),
    ("ja", "2026年2月", "2025年11月3日"),
])
def test_a_source_date_is_written_as_the_language_writes_dates(language, month, day) -> None:
    words = locale.get(language)
    assert words.source_date("2026-02") == month
    assert words.source_date("2025-11-03") == day
    for as_given in ("2024", "Spring 2024", "2024-13", "2025-02-30"):
        assert words.source_date(as_given) == as_given


def test_a_short_unit_stays_on_the_line_of_the_word_that_names_it():
    get = locale.get
    assert get("en").unit_note("EUR bn") == "Unit:\u00a0EUR\u00a0bn."
    assert get("fr").unit_note("%") == "Unité\u00a0:\u00a0%."
    assert get("ja").unit_note("億円") == "単位：億円。"
    long = "thousand tonnes of CO2 equivalent a year"
    assert get("en").unit_note(long) == f"Unit: {long}."  # may break, as any long phrase
