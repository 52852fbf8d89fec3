"""YAML source: positions, duplicate keys, tags, limits."""

from __future__ import annotations

import pytest

from generator.errors import OutlineError
from generator.source import parse


def test_positions_of_values_and_keys_are_one_based():
    doc = parse("meta:\n  title: Hello\nsections:\n  - title: A\n")
    assert doc.values[("meta", "title")] == (2, 10)
    assert doc.keys[("meta", "title")] == (2, 3)
    assert doc.values[("sections", 0, "title")] == (4, 12)


def test_locate_falls_back_to_the_nearest_parent():
    doc = parse("meta:\n  title: Hello\n")
    assert doc.locate(("meta", "subtitle")) == (2, 3)


def test_duplicate_keys_are_problems_and_the_first_value_is_kept():
    doc = parse("a: 1\na: 2\n")
    assert doc.data == {"a": 1}
    assert [str(p) for p in doc.problems] == [
        "<outline>:2:1: duplicate key 'a' (first at line 1); expected each key once in a mapping"]


def test_keys_stay_text_even_when_they_look_like_other_values():
    assert parse("yes: 1\n2024: b\n").data == {"yes": 1, "2024": "b"}


def test_dates_are_kept_as_written():
    assert parse("d: 2025-07-01\n").data == {"d": "2025-07-01"}


def test_custom_tags_are_refused():
    doc = parse("a: !secret value\n")
    assert "the tag '!secret' is not allowed" in str(doc.problems[0])


def test_aliases_are_allowed_but_bounded():
    assert parse("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}
    bomb = "a: &a [" + ",".join(["x"] * 100) + "]\n"
    for name, prev in zip("bcd", "abc", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 100) + "]\n"
    with pytest.raises(OutlineError, match="expands to more than"):
        parse(bomb)


def test_deep_nesting_is_reported_not_crashed():
    with pytest.raises(OutlineError, match="nested"):
        doc = parse("a: " + "[" * 200 + "]" * 200 + "\n")
        if doc.problems:
            raise OutlineError(doc.problems)


def test_control_characters_are_located():
    with pytest.raises(OutlineError, match=r"<outline>:2:11: character U\+0007"):
        parse("meta:\n  title: x\x07\n")


def test_control_characters_in_quoted_text_are_located_problems():
    doc = parse('meta:\n  title: "Bell \\a here"\n')
    assert doc.data == {"meta": {"title": None}}
    assert str(doc.problems[0]).startswith(
        "<outline>:2:10: text holds the control character U+0007")
