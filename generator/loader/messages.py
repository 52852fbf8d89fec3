"""Wording: validation errors and cross-check findings as located, readable Problems."""

from __future__ import annotations

import re
from typing import Any

from .. import source
from ..errors import Problem, count, quoted
from ..model import SLIDE_KINDS
from ..node import ValidationError


def problem_at(document: source.Document, where: tuple, message: str, *,
               key: bool = False) -> Problem:
    """Return a Problem about the value at model path ``where`` (at its key when ``key``)."""
    line, col = document.locate(where, key=key)
    return Problem(document.file, line, col, message, format_path(where))


def problems_from(exc: ValidationError, document: source.Document) -> list[Problem]:
    """Return one located Problem per distinct validation error in ``exc``.

    Errors under a value the YAML reader already reported are left out, and so is a missing
    key when an unknown key beside it is its likely misspelling.
    """
    problems = []
    seen = set()
    errors = exc.errors()
    renamed = _misspelt_required(errors)
    split = _split_text(errors)
    for error in errors:
        loc = tuple(error["loc"])
        if any(loc[:len(bad)] == bad for bad in document.invalid):
            continue
        if error["type"] == "missing" and (loc in renamed or loc[:-1] in split):
            continue  # reported as the unknown key that was meant to be this one
        message, at_key, where = _message(error, loc)
        problem = problem_at(document, where, message, key=at_key)
        hint = yaml_hint(document.line(problem.line), problem.column, message)
        if error["type"] == "extra_forbidden" and loc[:-1] in split:
            text = document.line(problem.line)[problem.column - 1:].strip()
            text = text if len(text) <= 40 else text[:37] + "..."
            hint = (f"in YAML ': ' inside text starts a value, so this text became a key: put "
                    f"it in quotes, e.g. \"{text}\"")
        if hint:
            problem = problem_at(document, where, f"{message}; {hint}", key=at_key)
        if (problem.line, problem.column, problem.message) not in seen:
            seen.add((problem.line, problem.column, problem.message))
            problems.append(problem)
    return problems


def _split_text(errors: list[dict]) -> set[tuple]:
    """Return paths of mappings that lack their 'text' and have one unknown key instead: a
    bullet like ``- Objectif : réduire`` that a ': ' turned into a key and a value."""
    lacking = {tuple(e["loc"])[:-1] for e in errors
               if e["type"] == "missing" and tuple(e["loc"])[-1:] == ("text",)}
    unknown: dict[tuple, int] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc[:-1] in lacking:
            unknown[loc[:-1]] = unknown.get(loc[:-1], 0) + 1
    return {path for path, n in unknown.items() if n == 1}


def _misspelt_required(errors: list[dict]) -> set[tuple]:
    """Return paths of missing keys for which an unknown key beside them is a likely typo."""
    missing = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc:
            missing[loc] = loc[-1]
    out = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            for path, name in missing.items():
                if path[:-1] == loc[:-1] and close(str(loc[-1]), [name]):
                    out.add(path)
    return out


def yaml_hint(line: str, column: int, message: str) -> str:
    """Return a hint naming the YAML slip behind ``message`` at ``line``/``column``, or ''.

    Two slips account for most surprises: '#' after a space starts a comment (so
    ``value: #2`` is empty), and a comma ends a value inside ``[...]`` or ``{...}`` (so an
    unquoted "a, b" becomes two cells, or a stray key).
    """
    rest = line[column - 1:].lstrip()
    before = line[:column - 1]
    if rest.startswith("#") and "got nothing" in message:
        return "in YAML '#' after a space starts a comment: put the value in quotes, e.g. \"#2\""
    counted = re.search(r"has (\d+) values? for (\d+) categor", message)
    decimal = re.search(r"(?<![\d.])(\d+),(\d{1,2})(?![\d])", rest)
    if counted and int(counted[1]) > int(counted[2]) and rest.startswith("[") and decimal:
        return (f"in '[...]' a comma ends a value, so {decimal[0]} is two numbers: write "
                f"decimals with a point, e.g. {decimal[1]}.{decimal[2]} (the chart shows "
                "them in the outline's language)")
    cells = re.search(r"has (\d+) cells; expected (\d+)", message)
    if (rest.startswith("[") and cells and int(cells[1]) > int(cells[2])) or (
            (message.startswith("unknown key") and "did you mean" not in message
             or message.startswith("no dimension"))
            and before.count("{") > before.count("}")):
        return ("in '[...]' and '{...}' a comma ends a value: put text that has a comma in "
                "quotes, e.g. \"Refining, petrochemicals\"")
    return ""


def _message(error: dict, loc: tuple) -> tuple[str, bool, tuple]:
    """Return (message, whether to point at the key, the path to point at)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        return (f"required key '{name}' is missing; expected '{name}: ...' here",
                True, loc[:-1])
    if kind == "extra_forbidden":
        allowed = list(ctx.get("allowed", ()))
        hint = did_you_mean(str(name), allowed)
        return (f"unknown key {quoted(name)}; {hint}", True, loc)
    if kind == "union_tag_invalid":
        hint = did_you_mean(str(ctx.get("tag", value)), list(SLIDE_KINDS), "slide kind")
        return (f"unknown slide kind '{ctx.get('tag')}'; {hint}", False, (*loc, "kind")
                if loc and loc[-1] != "kind" else loc)
    if kind == "union_tag_not_found":
        return (f"slide has no 'kind'; expected one of {', '.join(SLIDE_KINDS)}", False, loc)
    if kind == "string_type":
        return (f"expected text, got {describe(value)}{_colon_hint(value)}", False, loc)
    if kind in ("float_type", "float_parsing"):
        return (f"expected a number, got {describe(value)}{_number_hint(value)}", False, loc)
    if kind == "list_type":
        return (f"expected a list ('- item' lines), got {describe(value)}", False, loc)
    if kind == "model_type" and ctx.get("class_name") == "Bullet":
        return (f"expected a bullet: text, or 'text:' with 'sub:' lines; got {describe(value)}",
                False, loc)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (f"expected a mapping ('key: value' lines), got {describe(value)}", False, loc)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        hint = did_you_mean(str(value), re.findall(r"'([^']*)'", expected), "value")
        return (f"'{value}' is not allowed; {hint}", False, loc)
    if kind == "too_short":
        n = ctx.get("min_length")
        return (f"has {count(ctx.get('actual_length', 0), 'item')}; expected at least {n}",
                False, loc)
    if kind == "too_long":
        n = ctx.get("max_length")
        return (f"has {count(ctx.get('actual_length', 0), 'item')}; expected at most {n}",
                False, loc)
    if kind == "string_too_short":
        return ("is empty; expected some text", False, loc)
    if kind == "string_pattern_mismatch":
        hint = _pattern_hint(str(name), loc)
        if name == "language" and isinstance(value, str) and "_" in value:
            hint += f" (did you mean '{value.replace('_', '-')}'? a tag joins its parts with '-')"
        return (f"'{value}' is not valid; expected {hint}", False, loc)
    if kind in ("date_type", "date_parsing"):
        return (f"'{value}' is not a date; expected YYYY-MM-DD, e.g. 2025-07-01", False, loc)
    if kind == "value_error":
        return (str(ctx.get("error", error["msg"])), False, loc)
    return (f"{error['msg'].rstrip('.')}; got {describe(value)}", False, loc)


def _colon_hint(value: Any) -> str:
    """The hint for text YAML read as a mapping: a ': ' inside it made a key of its start."""
    if isinstance(value, dict) and len(value) == 1:
        (key, rest), = value.items()
        if isinstance(key, str) and isinstance(rest, (str, int, float)):
            example = f"{key}: {rest}"
            example = example if len(example) <= 40 else example[:37] + "..."
            return (f"; in YAML ': ' inside text starts a value: put the text in quotes, "
                    f"e.g. \"{example}\"")
    return ""


_DECIMAL_COMMA = re.compile(r"^[-+−]?\d{1,3}(?:[.\s]\d{3})*,\d+$|^[-+−]?\d+,\d+$")
_WITH_UNIT = re.compile(r"^[-+−]?\d+(?:\.\d+)?\s*(%|[A-Za-z€$£¥]+)$|^[€$£¥][-+−]?\d+(?:\.\d+)?$")


def _number_hint(value: Any) -> str:
    """The hint for a number written as text: a decimal comma, or a unit beside it."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if _DECIMAL_COMMA.match(text):
        plain = re.sub(r"[.\s]", "", text).replace(",", ".").replace("−", "-")
        return f"; numbers take a decimal point, e.g. {plain} (the chart shows it in the " \
               "outline's language)"
    if _WITH_UNIT.match(text):
        return "; give the number alone and its unit in the chart's 'unit'"
    return ""


def _pattern_hint(name: str, loc: tuple) -> str:
    if name in ("primary", "secondary", "accent", "text", "muted", "background", "surface") or (
            "chart" in loc and "palette" in loc):
        return "a colour as #RRGGBB, e.g. #FF6900"
    if name == "url":
        return "a web address starting with http:// or https://"
    if name == "language":
        return "a language tag such as en, en-GB or zh-CN"
    return "an id of letters, digits, '-', '_' or '.', e.g. idc-2024"


def close(word: str, options: list[str]) -> list[str]:
    """Return the option most like ``word``, if one is close (a list of at most one)."""
    import difflib  # only an outline with a problem needs it

    return difflib.get_close_matches(word, options, n=1, cutoff=0.6)


def did_you_mean(word: str, options: list[str], what: str = "key") -> str:
    """Return the hint after a bad value: the closest option, then all of them."""
    found = close(str(word), options)
    listing = ", ".join(options)
    if found:
        return f"did you mean '{found[0]}'? (expected one of: {listing})"
    return f"expected one of: {listing}" if options else f"expected no {what} here"


def describe(value: Any) -> str:
    """Return what ``value`` is, as a user would say it: "text 'abc'", 'a list of 2 items'."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"text {quoted(short)}"
    if isinstance(value, list):
        return f"a list of {count(len(value), 'item')}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def format_path(path: tuple) -> str:
    """Return a model path as a user reads it: ``sections[2].slides[0].title``."""
    out = ""
    for elem in path:
        if isinstance(elem, int):
            out += f"[{elem}]"
        else:
            out += f".{elem}" if out else str(elem)
    return out
