"""Chart labels in the brief and deck.pdf: never drawn over each other, and what cannot be
placed is a finding at the chart, the same from ``check`` as from ``build``.

The hostile fixture has twelve 40-character category names, eight close lines, negative
columns, eight series, CJK names and tiny slices; every word of both PDFs is read back with
its box, as a reader sees it.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from generator import build as builds
from generator import loader
from generator.chart_geometry import Rect, collisions
from generator.cli import main
from helpers import WHEN

FIXTURES = Path(__file__).parents[1] / "fixtures"
HOSTILE = FIXTURES / "charts" / "hostile.yaml"
TOO_MANY = FIXTURES / "parity" / "chart_labels.yaml"
ENV = {"SOURCE_DATE_EPOCH": "1735689600"}


def _build(outline: Path, artifact: str, out: Path, theme: str | None = None,
           aspect: str = "16:9") -> tuple[Path, list]:
    loaded = loader.load(outline, brand=theme)
    options = builds.BuildOptions(timestamp=WHEN, aspect=aspect)
    summary = builds.build(loaded, out, which=(artifact,), options=options)
    return summary.results[0].path, summary.warnings


def _words(pdf: Path) -> list[tuple[int, list[dict], float, float]]:
    with pdfplumber.open(pdf) as doc:
        return [(n, page.extract_words(y_tolerance=1), page.width, page.height)
                for n, page in enumerate(doc.pages, 1)]


def _clashes(pdf: Path) -> list[str]:
    """Return every two words drawn over each other, and every word off its page."""
    out = []
    for n, words, width, height in _words(pdf):
        boxes = [Rect(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]
        out += [f"page {n}: '{words[i]['text']}' over '{words[j]['text']}'"
                for i, j in collisions(boxes)]
        out += [f"page {n}: '{w['text']}' off the page" for w in words
                if w["x0"] < 0 or w["x1"] > width or w["top"] < 0 or w["bottom"] > height]
    return out


@pytest.mark.parametrize(("artifact", "theme", "aspect"), [
    ("brief", None, "16:9"), ("brief", "midnight", "16:9"), ("slides-pdf", None, "16:9"),
    ("slides-pdf", "midnight", "4:3")])
def test_hostile_charts_draw_no_word_over_another(artifact, theme, aspect, tmp_path):
    pdf, warnings = _build(HOSTILE, artifact, tmp_path, theme, aspect)
    assert _clashes(pdf) == []
    # the drawing resolved every label itself: nothing left out, nothing to report
    assert [w.message for w in warnings if "chart has" not in w.message] == []
    text = " ".join(w["text"] for _, words, _, _ in _words(pdf) for w in words)
    for shown in ("buildings.", "rooftops", "100.9", "100.2", "-12.1", "Product line 8",
                  "宁德时代", "Tiny five 0.1%", "Tiny four 0.6%"):
        assert shown.replace(" ", "") in text.replace(" ", "").replace("\u00a0", ""), shown


@pytest.mark.parametrize(("artifact", "where"), [
    ("brief", "figure 1 of the brief"), ("slides-pdf", "slide 3 of the slides PDF")])
def test_names_no_chart_can_hold_are_left_out_and_reported_at_the_chart(artifact, where,
                                                                        tmp_path):
    pdf, warnings = _build(TOO_MANY, artifact, tmp_path)
    assert _clashes(pdf) == []
    assert [str(w) for w in warnings] == [
        f"{TOO_MANY}:16:11: warning: sections[0].slides[0].chart: {where}: 20 of 40 "
        "category names do not fit beside their bars (such as 'Municipal district number 1 "
        "o…') and are left out; expected fewer or shorter categories, or a taller chart"]


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner(env=ENV).invoke(main, list(args))
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize("artifact", ["brief", "slides-pdf"])
@pytest.mark.parametrize("strict", [(), ("--strict",)], ids=["default", "strict"])
def test_check_reports_the_label_finding_exactly_as_build(artifact, strict, tmp_path,
                                                          monkeypatch):
    monkeypatch.chdir(TOO_MANY.parent)
    checked = _run("check", TOO_MANY.name, "--only", artifact, *strict)
    built = _run("build", TOO_MANY.name, "--only", artifact, "--out", str(tmp_path), *strict)
    assert checked[1][:-1] == built[1][:-1] and checked[0] == built[0]
    assert "category names do not fit beside their bars" in checked[1][0]
    if strict:
        assert checked[0] == 1 and checked[1][0].endswith("(an error under --strict)")
    else:
        assert checked[0] == 0 and checked[1][0].startswith(f"{TOO_MANY.name}:16:11: warning")


def test_the_finding_names_the_figure_the_brief_numbers(tmp_path):
    import yaml

    def chart(title: str, names: int) -> dict:
        return {"kind": "chart", "title": title, "notes": "n", "chart": {
            "type": "bar", "source": "s1",
            "categories": [f"District number {k + 1} of the wider region" for k in range(names)],
            "series": [{"name": "Homes", "values": [float(k + 1) for k in range(names)]}]}}

    outline = {"meta": {"title": "Figures"}, "sources": [{"id": "s1", "title": "A source"}],
               "sections": [{"title": "One", "slides": [chart("Few", 3), chart("Some", 4),
                                                        chart("Too many", 40)]},
                            {"title": "Two", "slides": [chart("Fine", 3)]}]}
    path = tmp_path / "figures.yaml"
    path.write_text(yaml.safe_dump(outline, sort_keys=False), encoding="utf-8")
    pdf, warnings = _build(path, "brief", tmp_path / "out")
    assert [w.path for w in warnings] == ["sections[0].slides[2].chart"]
    assert warnings[0].message.startswith("figure 3 of the brief: 20 of 40 category names")
    text = " ".join(w["text"] for _, words, _, _ in _words(pdf) for w in words)
    assert "Figure 3. Too many" in text and "Figure 4. Fine" in text
