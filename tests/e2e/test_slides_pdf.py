"""deck.pdf and handout.pdf built by the CLI from the all-kinds fixture, read back."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from generator.cli import main
from helpers import FIXTURES, make_image

ALL = ["--only", "deck", "--only", "brief", "--only", "slides-pdf", "--only", "handout"]
EPOCH = "1741910400"


def _build(folder: Path, out: Path, *extra: str, epoch: str = EPOCH) -> None:
    result = CliRunner(env={"SOURCE_DATE_EPOCH": epoch}).invoke(
        main, ["build", str(folder / "deck_all_kinds.yaml"), "--out", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slides-pdf")
    shutil.copy(FIXTURES / "deck_all_kinds.yaml", folder)
    make_image(folder / "deck_image.png")
    _build(folder, folder / "out", *ALL)
    return folder


def _text(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def test_deck_pdf_has_a_page_per_slide_of_the_slide_size(built):
    out = built / "out"
    prs = Presentation(str(out / "deck.pptx"))
    reader = PdfReader(out / "deck.pdf")
    assert len(reader.pages) == len(prs.slides)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (prs.slide_width.pt, prs.slide_height.pt)


def test_deck_pdf_shows_every_slide_text_and_no_notes(built):
    out = built / "out"
    prs = Presentation(str(out / "deck.pptx"))
    pages = _text(out / "deck.pdf")
    for slide, text in zip(prs.slides, pages, strict=True):
        flat = " ".join(text.split())
        title = slide.shapes.title.text if slide.shapes.title is not None else None
        if title:
            assert " ".join(title.split()) in flat
    everything = " ".join(" ".join(pages).split())
    for note in ("Start with the headline, then walk through each region.",
                 "Pause on each number."):
        assert note not in everything, "speaker notes stay out of deck.pdf"


def test_deck_pdf_embeds_the_bundled_fonts_only(built):
    reader = PdfReader(built / "out" / "deck.pdf")
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts, "text is drawn with embedded fonts"
    assert all("LiberationSans" in f for f in fonts), fonts


def test_deck_pdf_bookmarks_each_section_and_slide(built):
    out = built / "out"
    reader = PdfReader(out / "deck.pdf")
    top = [o for o in reader.outline if not isinstance(o, list)]
    assert [o.title for o in top][:2] == ["Introduction", "Where we stand"]
    slides = [o for group in reader.outline if isinstance(group, list) for o in group]
    assert len(slides) == len(reader.pages)
    assert slides[1].title == "2. Agenda"
    assert reader.get_destination_page_number(slides[5]) == 5


def test_deck_pdf_links_open_and_agenda_entries_jump(built):
    reader = PdfReader(built / "out" / "deck.pdf")
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages
            for a in page.get("/Annots", []) if "/A" in a.get_object()]
    assert "https://example.com/store" in uris
    agenda = reader.pages[1]
    jumps = [a.get_object()["/Dest"] for a in agenda.get("/Annots", [])
             if "/Dest" in a.get_object()]
    # the fixture's three sections and its playbook, which has its own agenda entry
    assert len(jumps) == 4, "one jump per section and playbook on the agenda"
    targets = [reader.get_page_number(d[0].get_object()) for d in jumps]
    dividers = [i for i, text in enumerate(_text(built / "out" / "deck.pdf"))
                if text.lstrip().startswith(("01", "02", "03", "Playbook\n"))]
    assert targets == dividers


def test_handout_has_each_slide_with_its_notes_and_page_numbers(built):
    out = built / "out"
    prs = Presentation(str(out / "deck.pptx"))
    pages = _text(out / "handout.pdf")
    assert len(pages) >= len(prs.slides)
    first = " ".join(pages[0].split())
    assert "Northwind in 2025" in first and "14 March 2025" in first
    assert f"Page 1 of {len(pages)}" in first
    notes = " ".join(prs.slides[3].notes_slide.notes_text_frame.text.split())
    assert notes in " ".join(pages[3].split())


def test_handout_three_slides_a_page_with_lines(built, tmp_path):
    _build(built, tmp_path, "--only", "handout", "--handout-layout", "3")
    slides = len(Presentation(str(built / "out" / "deck.pptx")).slides)
    pages = _text(tmp_path / "handout.pdf")
    assert len(pages) == math.ceil(slides / 3)
    assert f"Page 2 of {len(pages)}" in pages[1]
    with pdfplumber.open(tmp_path / "handout.pdf") as doc:
        rules = [ln for ln in doc.pages[0].lines if ln["x0"] > doc.pages[0].width / 2]
    assert len(rules) >= 3 * 8, "lines to write notes on beside each slide"


def test_every_artifact_is_in_the_manifest_and_byte_reproducible(built, tmp_path):
    _build(built, tmp_path, *ALL)
    first, again = built / "out", tmp_path
    manifest = json.loads((first / "manifest.json").read_text())
    names = [a["path"] for a in manifest["artifacts"]]
    assert names == ["deck.pptx", "brief.pdf", "deck.pdf", "handout.pdf"]
    for artifact in manifest["artifacts"]:
        data = (again / artifact["path"]).read_bytes()
        assert data == (first / artifact["path"]).read_bytes(), artifact["path"]
        assert hashlib.sha256(data).hexdigest() == artifact["sha256"]
    later = tmp_path / "later"
    _build(built, later, "--only", "slides-pdf", epoch="1767225600")
    assert (later / "deck.pdf").read_bytes() != (first / "deck.pdf").read_bytes(), \
        "the timestamp comes from SOURCE_DATE_EPOCH"


def test_the_default_build_is_still_deck_and_brief(built, tmp_path):
    _build(built, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "deck.pptx",
                                                          "manifest.json"]


CJK = """meta:
  title: 小米 2025 年度回顾
  date: 2025-01-15
  language: zh-CN
sections:
  - title: 增长
    slides:
      - kind: bullets
        title: 我们学到了什么
        notes: 逐点讲解。
        bullets:
          - 客户希望更快的配送 with Latin mixed in
"""


def test_cjk_text_is_drawn_with_the_fallback_font(tmp_path):
    (tmp_path / "o.yaml").write_text(CJK, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "o.yaml"), "--out",
                                       str(tmp_path), "--only", "slides-pdf", "--only",
                                       "handout", "-q"])
    assert result.exit_code == 0, result.output
    # title, divider, the bullets: a one-section outline has no agenda slide
    with pdfplumber.open(tmp_path / "deck.pdf") as doc:
        # a one-section deck has no agenda: title, divider, then this slide
        pages = [p for p in doc.pages if "客户希望更快的配送" in p.extract_text()]
        assert len(pages) == 1
        assert "客户希望更快的配送 with Latin mixed in" in pages[0].extract_text()
        fonts = {c["fontname"].split("+")[-1] for c in pages[0].chars}
    assert fonts == {"DroidSansFallback", "LiberationSans"}
    handout = _text(tmp_path / "handout.pdf")
    assert any(p.startswith("小米 2025 年度回顾") and "逐点讲解。" in p for p in handout)
    first = " ".join(handout[0].split())
    assert "2025年1月15日" in first and "January" not in first  # the outline's language
    assert f"第 1 页，共 {len(handout)} 页" in first
    assert "Page" not in " ".join(handout)
