"""Whatever a person types, a build ends in files or located problems: never a crash."""

from __future__ import annotations

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

words = st.sampled_from([
    "growth", "**bold claim**", "*aside*", "[a link](https://example.com)", "[@s1]",
    "小米人车家", "مرحبا", "👩‍💻", "<b>&amp;</b>", "≈ × — “quoted”", "é ü ñ", "x" * 300,
    "\\*escaped\\*", "100%", "#3", "RMB 215,900",
])
texts = st.lists(words, min_size=1, max_size=12).map(" ".join)
numbers = st.one_of(st.integers(-10**6, 10**9), st.floats(-1e6, 1e9, allow_nan=False),
                    st.none())


@st.composite
def slide(draw):
    kind = draw(st.sampled_from(["bullets", "stats", "chart", "table", "timeline", "quote",
                                 "two-column"]))
    base = {"kind": kind, "title": draw(texts), "notes": draw(st.one_of(st.none(), texts))}
    if kind == "bullets":
        base["bullets"] = draw(st.lists(st.one_of(texts, st.fixed_dictionaries(
            {"text": texts, "sub": st.lists(texts, max_size=3)})), min_size=1, max_size=25))
    elif kind == "stats":
        base["stats"] = draw(st.lists(st.fixed_dictionaries(
            {"value": st.sampled_from(["169M", "#3", "~14%", "215,900", "x" * 40]),
             "label": texts, "source": st.just("s1")}), min_size=2, max_size=4))
    elif kind == "chart":
        n = draw(st.integers(1, 8))
        ctype = draw(st.sampled_from(["bar", "column", "line", "pie", "doughnut"]))
        series = draw(st.integers(1, 1 if ctype in ("pie", "doughnut") else 3))
        base["chart"] = {"type": ctype, "categories": [f"C{i}" for i in range(n)],
                         "series": [{"name": f"S{j}", "values": draw(st.lists(
                             numbers, min_size=n, max_size=n))} for j in range(series)],
                         "source": "s1"}
    elif kind == "table":
        cols = draw(st.integers(1, 6))
        base["table"] = {"columns": [f"Col {i}" for i in range(cols)],
                         "rows": draw(st.lists(st.lists(texts, min_size=cols, max_size=cols),
                                               min_size=1, max_size=30))}
    elif kind == "timeline":
        base["events"] = draw(st.lists(st.fixed_dictionaries(
            {"date": st.sampled_from(["2010", "Mar 2024", "2027"]), "title": texts}),
            min_size=2, max_size=9))
    elif kind == "quote":
        base["quote"] = draw(texts)
        base["attribution"] = draw(texts)
    else:
        base["left"] = {"heading": draw(texts), "text": draw(texts)}
        base["right"] = {"bullets": draw(st.lists(texts, min_size=1, max_size=6))}
    return base


@st.composite
def outline(draw):
    return {
        "meta": {"title": draw(texts), "subtitle": draw(st.one_of(st.none(), texts))},
        "brand": draw(st.sampled_from(["default", "ember", "midnight"])),
        "sources": [{"id": "s1", "title": draw(texts)}],
        "sections": draw(st.lists(st.fixed_dictionaries({
            "title": texts, "prose": st.lists(texts, max_size=3),
            "key_points": st.lists(texts, max_size=3),
            "slides": st.lists(slide(), min_size=1, max_size=3)}), min_size=1, max_size=2)),
    }


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(outline())
def test_any_outline_builds_or_reports(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "outline.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    (out / "deck.pptx").write_bytes(b"earlier deck")
    (out / "brief.pdf").write_bytes(b"earlier brief")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out), "--quiet"])
    assert "internal error" not in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code == 1:
        assert result.stderr.strip().endswith("nothing was written"), result.stderr
        assert all(line.startswith(str(path)) for line in result.stderr.splitlines()[:-1])
        assert (out / "deck.pptx").read_bytes() == b"earlier deck"
        assert (out / "brief.pdf").read_bytes() == b"earlier brief"
    else:
        assert (out / "deck.pptx").read_bytes().startswith(b"PK")
        assert (out / "brief.pdf").read_bytes().startswith(b"%PDF")
