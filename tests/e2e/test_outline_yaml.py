"""The shipped outline.yaml builds, and its deck and brief read back with the whole story."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from generator.cli import main
from generator.loader import load
from generator.text import plain
from helpers import golden_json

ROOT = Path(__file__).parents[2]
OUTLINE = ROOT / "outline.yaml"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1754006400"}).invoke(
        main, ["build", str(OUTLINE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, load(OUTLINE).outline


def _slide_texts(deck: Path) -> list[dict]:
    slides = []
    for slide in Presentation(str(deck)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(c.text for row in shape.table.rows for c in row.cells)
        title = slide.shapes.title.text if slide.shapes.title is not None else None
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"layout": slide.slide_layout.name, "title": title, "texts": texts,
                       "notes": bool(notes.strip()),
                       "charts": [s.chart.chart_type.name for s in slide.shapes if s.has_chart]})
    return slides


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_deck_tells_every_section_and_every_peer(built):
    out, outline = built
    slides = _slide_texts(out / "deck.pptx")
    titles = [s["title"] for s in slides]
    assert all(titles), "every slide has a title in its title placeholder"
    shown = _norm(" ".join(" ".join(s["texts"]) for s in slides))
    for section in outline.sections:
        assert _norm(plain(section.title)) in shown
        for slide in section.slides:
            assert any(t.startswith(plain(slide.title)) for t in titles), slide.title
    for playbook in outline.playbooks:
        for peer in playbook.peers:
            assert any(peer.name in t for t in titles), peer.name
    assert all(s["notes"] for s in slides[1:]), "every slide after the title has notes"
    assert sum(len(s["charts"]) for s in slides) >= 1


def test_brief_tells_every_section_and_every_figure(built):
    out, outline = built
    reader = PdfReader(out / "brief.pdf")
    assert 6 <= len(reader.pages) <= 12, f"{len(reader.pages)} pages; a brief is 6 to 12"
    text = _norm(" ".join(page.extract_text() for page in reader.pages))
    for section in outline.sections:
        assert _norm(plain(section.title)) in text, section.title
    for figure in outline.key_figures:
        assert _norm(figure.value) in text, figure.value
    for section in outline.sections:
        for slide in section.slides:
            for stat in getattr(slide, "stats", []):
                assert _norm(stat.value) in text, stat.value
    for playbook in outline.playbooks:
        for peer in playbook.peers:
            assert peer.name in text
    assert re.search(r"\[1\]", text), "citations are numbered"


def test_deck_text_matches_golden(built, update_golden):
    """The meaning of every slide (layout, title, texts, charts) as a reviewable JSON diff."""
    out, _ = built
    slides = _slide_texts(out / "deck.pptx")
    assert golden_json(GOLDEN / "outline-deck.json", slides, update_golden) == slides
