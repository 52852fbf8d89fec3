"""Random and mutated outlines end in a valid outline or located problems, never a crash."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import source
from generator.errors import OutlineError
from generator.loader import LoadedOutline, validate

FIXTURES = Path(__file__).parent.parent / "fixtures"
BASE = yaml.safe_load((FIXTURES / "minimal.yaml").read_text())

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["小米 人车家", "مرحبا بالعالم", "👩‍💻🚗🏠", "<b>&amp;</b>", "x" * 5000,
                     "[@s1]", "[@nope]", "**", "*", "\u200f\u202e", "\t\r"]),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), texts)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)), max_leaves=12)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


@st.composite
def mutated(draw):
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(texts)] = draw(values)
        else:
            parent.append(draw(values))
    return yaml.safe_dump(data, allow_unicode=True)


@st.composite
def corrupted(draw):
    text = (FIXTURES / "minimal.yaml").read_text()
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["dup", "drop", "insert", "indent"]))
        if action == "dup":
            lines.insert(i, lines[i])
        elif action == "drop":
            del lines[i]
        elif action == "insert":
            lines.insert(i, draw(st.text(max_size=30)))
        else:
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
        if not lines:
            lines = [""]
    extras = draw(st.sampled_from(["", "\nx: &a [1,2]\ny: *a\n", "\nz: !tag v\n",
                                   "\n" + "[" * 80 + "]" * 80 + "\n"]))
    return "\n".join(lines) + extras


def _load(text: str, tmp: Path):
    try:
        document = source.parse(text, "outline.yaml")
        return validate(document, tmp)
    except OutlineError as exc:
        assert exc.problems
        for problem in exc.problems:
            rendered = str(problem)
            assert rendered.startswith("outline.yaml")
            assert problem.line >= 0 and problem.column >= 0
        return exc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_outlines_load_or_report(tmp_path_factory, text):
    result = _load(text, tmp_path_factory.mktemp("o"))
    assert isinstance(result, (LoadedOutline, OutlineError))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrupted())
def test_corrupted_yaml_loads_or_reports(tmp_path_factory, text):
    result = _load(text, tmp_path_factory.mktemp("o"))
    assert isinstance(result, (LoadedOutline, OutlineError))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_loads_or_reports(tmp_path_factory, text):
    result = _load(text, tmp_path_factory.mktemp("o"))
    assert isinstance(result, (LoadedOutline, OutlineError))
