"""The typed-node engine under the outline model: what a model author and the loader rely on."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Bullet, Chart, Meta, Outline, Palette, Table
from generator.node import ValidationError


def _errors(cls, data) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        cls.parse(data)
    return caught.value.errors()


def test_every_error_of_a_document_is_collected_with_its_path():
    errors = _errors(Outline, {
        "meta": {"title": "", "language": "english", "colour": 1},
        "sections": [{"title": "A", "slides": [{"kind": "bullets", "title": "T"},
                                               {"kind": "chrt", "title": "U"},
                                               {"title": "V"}]}],
    })
    found = {(e["type"], e["loc"]) for e in errors}
    assert found == {
        ("string_too_short", ("meta", "title")),
        ("string_pattern_mismatch", ("meta", "language")),
        ("extra_forbidden", ("meta", "colour")),
        ("missing", ("sections", 0, "slides", 0, "bullets")),
        ("union_tag_invalid", ("sections", 0, "slides", 1)),
        ("union_tag_not_found", ("sections", 0, "slides", 2)),
    }
    unknown = next(e for e in errors if e["type"] == "extra_forbidden")
    assert "title" in unknown["ctx"]["allowed"]


def test_text_is_stripped_and_numbers_stand_for_text():
    meta = Meta.parse({"title": 2024, "subtitle": "  spaced  ", "date": "2025-07-01"})
    assert meta.title == "2024"
    assert meta.subtitle == "spaced"
    assert meta.date == dt.date(2025, 7, 1)
    assert meta.language == "en"


def test_plain_text_fields_do_not_take_numbers():
    errors = _errors(Meta, {"title": "x", "language": 12})
    assert [(e["type"], e["loc"]) for e in errors] == [("string_type", ("language",))]


def test_nodes_are_frozen_and_compare_by_value():
    a = Palette.parse({"primary": "#000000"})
    b = Palette.parse({"primary": "#000000"})
    assert a == b and hash(a) == hash(b)
    with pytest.raises(AttributeError):
        a.primary = "#FFFFFF"


def test_defaults_are_fresh_for_every_node():
    a, b = Palette(), Palette()
    assert a.chart == [] and a.chart is not b.chart


def test_a_string_is_a_bullet():
    assert Bullet.parse("One").text == "One"
    assert Bullet.parse({"text": "Two", "sub": ["a"]}).sub == ["a"]


def test_cross_field_checks_run_once_the_fields_are_valid():
    errors = _errors(Table, {"columns": ["a", "b"], "rows": [["1", "2"], ["3"]]})
    assert errors[0]["type"] == "value_error"
    assert "row 2 has 1 cell; expected 2" in errors[0]["ctx"]["error"]  # plural agrees
    assert errors[0]["loc"] == ("rows", 1)  # located at the row
    # a type error inside the fields is reported instead of the shape
    errors = _errors(Chart, {"type": "pie", "categories": ["a"], "series": [{"name": "s",
                                                                             "values": ["x"]}]})
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("float_parsing", ("series", 0, "values", 0))]


def test_list_lengths_and_literals_are_checked():
    errors = _errors(Chart, {"type": "pies", "categories": [], "series": []})
    kinds = {e["loc"]: e for e in errors}
    assert kinds[("type",)]["type"] == "literal_error"
    assert "'pie'" in kinds[("type",)]["ctx"]["expected"]
    assert kinds[("categories",)]["ctx"] == {"min_length": 1, "actual_length": 0}
