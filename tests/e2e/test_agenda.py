"""The agenda as a presenter sees it: every title in one column, numbered or labelled.

A playbook's entry is labelled with a word ('Playbook', 'Estrategia') where a section's has
its number; the titles start at one tab stop past the widest label, in the plan, in the
PPTX (a tab stop, so PowerPoint keeps them there when a title is edited), in deck.pdf, and
as LibreOffice draws the deck.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from pptx.util import Emu

from generator import loader as _loader
from generator import text as _text
from generator.deck import DeckBuilder
from generator.deck.elements import TextBox
from generator.report import BuildOptions
from generator.slides_pdf import SlidesPdfBuilder
from helpers import FIXTURES, render

SAMPLE = FIXTURES / "brief_sample.yaml"  # three numbered sections and a playbook
TITLES = ["The mid-range market is large and still growing", "Acme's position & the gap to close",
          "Acme against its peers", "The plan for 2025–2027"]
LABELS = ["01", "02", "Playbook", "03"]


def _outline(tmp_path: Path, language: str | None = None):
    text = SAMPLE.read_text(encoding="utf-8")
    if language:
        text = text.replace("  language: en-GB\n", f"  language: {language}\n", 1)
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return _loader.load(path).outline


def _agenda_box(outline, aspect: str = "16:9") -> TextBox:
    plan = DeckBuilder().plan(outline, BuildOptions(aspect=aspect))
    slide = next(s for s in plan.slides if s.kind == "agenda")
    return next(e for e in slide.elements if isinstance(e, TextBox) and e.placeholder == 1)


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("language", [None, "es", "ja"])
def test_agenda_titles_share_one_column_past_the_widest_label(tmp_path, aspect, language):
    outline = _outline(tmp_path, language)
    box = _agenda_box(outline, aspect)
    entries = [p for p in box.paras if p.label]
    assert len(entries) == 4
    column = {p.indent for p in entries}
    assert len(column) == 1, "every title starts at the same place"
    for para in entries:
        assert para.hanging == para.indent  # the label hangs across the whole column
        label = _text.text_width(para.label, para.size, para.font, bold=True)
        assert label < para.indent, (para.label, label, para.indent)  # nothing overflows
    summaries = [p for p in box.paras if not p.label]
    assert summaries and all(p.indent == entries[0].indent for p in summaries)


def test_agenda_labels_in_the_outline_language(tmp_path):
    box = _agenda_box(_outline(tmp_path, "es"))
    assert [p.label for p in box.paras if p.label] == ["01", "02", "Estrategia", "03"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("agenda")
    outline = _outline(folder)
    deck, pdf = folder / "deck.pptx", folder / "slides.pdf"  # LibreOffice writes deck.pdf
    DeckBuilder().build(outline, deck, BuildOptions())
    SlidesPdfBuilder().build(outline, pdf, BuildOptions())
    return deck, pdf


def test_pptx_agenda_sets_each_label_before_a_tab_stop_at_the_titles(built):
    prs = Presentation(str(built[0]))
    agenda = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Agenda")
    body = next(ph for ph in agenda.placeholders if ph.placeholder_format.idx == 1)
    entries = [p for p in body.text_frame.paragraphs if "\t" in p.text]
    assert [p.text.split("\t") for p in entries] == [list(e) for e in zip(LABELS, TITLES,
                                                                          strict=True)]
    for p in entries:
        p_pr = p._p.pPr
        tabs = p_pr.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}tabLst/"
                            "{http://schemas.openxmlformats.org/drawingml/2006/main}tab")
        margin = p_pr.get("marL")
        assert [t.get("pos") for t in tabs] == [margin]
        assert p_pr.get("indent") == f"-{margin}"  # the first line starts at the label
    assert len({p._p.pPr.get("marL") for p in entries}) == 1


def _entries(page) -> list[tuple[float, float]]:
    """Return (the label's right edge, the title's left edge) of each agenda entry on
    ``page``: the line each label starts, and the first word after it on that line."""
    words = page.extract_words()
    out = []
    for label in LABELS:
        word = min((w for w in words if w["text"] == label), key=lambda w: w["top"])
        line = [w for w in words if abs(w["top"] - word["top"]) < 2 and w["x0"] > word["x1"]]
        out.append((word["x1"], min(w["x0"] for w in line)))
    return out


def test_deck_pdf_agenda_titles_line_up(built):
    with pdfplumber.open(built[1]) as pdf:
        entries = _entries(pdf.pages[1])
        lefts = [left for _, left in entries]
        assert max(lefts) - min(lefts) < 0.5, lefts
        assert max(right for right, _ in entries) < min(lefts) - 5  # no label meets a title


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_draws_the_agenda_titles_in_one_column(built):
    prs = Presentation(str(built[0]))
    with pdfplumber.open(render(built[0])) as pdf:
        page = pdf.pages[1]
        scale = float(page.width) / Emu(prs.slide_width).pt
        entries = _entries(page)
        lefts = [left for _, left in entries]
        assert max(lefts) - min(lefts) < 1.0 * scale, lefts
        assert max(right for right, _ in entries) < min(lefts) - 5 * scale
