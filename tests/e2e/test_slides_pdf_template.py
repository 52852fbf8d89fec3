"""deck.pdf, the handout and preview on a PowerPoint template: its slide size and its artwork.

LibreOffice's rendering of the same decks is compared in ``test_slides_pdf_render``; these
tests need nothing but the build.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation

from generator import pdfium
from generator.cli import main
from generator.deck import template_reader
from helpers import BAR_RGB, EMU_PER_PT, LOGO_RGB, art_template, outline_on

ONLY = ["--only", "deck", "--only", "slides-pdf", "--only", "handout"]
SMALL_WIDE = (9144000, 5143500)
"""10 x 5.625 in, the 16:9 of Google Slides and pandoc (720 x 405 pt)."""
SQUARE = (9144000, 6858000)
"""10 x 7.5 in, PowerPoint's 4:3 (720 x 540 pt)."""


def _template(folder: Path, size: tuple[int, int]) -> tuple[Path, tuple, tuple]:
    """Write corporate.pptx of ``size`` with a bar down the left edge and a logo at the top
    right, and an outline on it; return the outline, the bar and the logo (points)."""
    w, h = size[0] / EMU_PER_PT, size[1] / EMU_PER_PT
    bar, logo = (0.0, 0.0, 18.0, h), (w - 96.0, 10.0, 72.0, 24.0)
    art_template(folder / "corporate.pptx", size, bar=bar, logo=logo)
    return outline_on(folder, "corporate.pptx"), bar, logo


def _build(outline: Path, out: Path, *extra: str, only: tuple[str, ...] = tuple(ONLY)):
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1741910400"}).invoke(
        main, ["build", str(outline), "--out", str(out), "-q", *only, *extra])
    assert result.exit_code == 0, result.output
    return result


def _sizes(pdf: Path) -> set[tuple[float, float]]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return {tuple(round(v, 2) for v in doc[i].get_size()) for i in range(len(doc))}
    finally:
        doc.close()


def _pptx_size(pptx: Path) -> tuple[float, float]:
    prs = Presentation(str(pptx))
    return (round(prs.slide_width / EMU_PER_PT, 2), round(prs.slide_height / EMU_PER_PT, 2))


def _colour_at(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    return image.getpixel((int(x), int(y)))


def _close(a: tuple[int, ...], b: tuple[int, ...], near: int = 24) -> bool:
    return sum(abs(p - q) for p, q in zip(a, b, strict=True)) <= near


@pytest.mark.parametrize("size, aspect", [(SMALL_WIDE, None), (SQUARE, None),
                                          (SQUARE, "16:9")],
                         ids=["16:9-10in", "4:3", "4:3-at-16:9"])
def test_deck_pdf_pages_are_the_pptx_slide_size_with_the_art_in_place(tmp_path, size, aspect):
    outline, bar, logo = _template(tmp_path, size)
    _build(outline, tmp_path / "out", *(("--aspect", aspect) if aspect else ()))
    page = _pptx_size(tmp_path / "out" / "deck.pptx")
    assert _sizes(tmp_path / "out" / "deck.pdf") == {page}
    for _, image in pdfium.images(tmp_path / "out" / "deck.pdf", None, 1.0):
        assert image.size == (round(page[0]), round(page[1]))
        assert _close(_colour_at(image, bar[2] / 2, page[1] / 2), BAR_RGB)
        assert _close(_colour_at(image, logo[0] + logo[2] / 2, logo[1] + logo[3] / 2), LOGO_RGB)
        # the template's art stays where it is drawn (its own points) at any --aspect
        assert not _close(_colour_at(image, bar[2] + 3, page[1] / 2), BAR_RGB)


def test_the_handout_draws_each_slide_in_the_pptx_shape_with_the_art(tmp_path):
    outline, bar, logo = _template(tmp_path, SMALL_WIDE)
    _build(outline, tmp_path / "out")
    (_, image), = pdfium.images(tmp_path / "out" / "handout.pdf", [0], 1.0)
    px = image.load()
    bars = [(x, y) for y in range(image.height) for x in range(image.width)
            if _close(px[x, y], BAR_RGB)]
    logos = [(x, y) for y in range(image.height) for x in range(image.width)
             if _close(px[x, y], LOGO_RGB)]
    assert bars and logos
    height = max(y for _, y in bars) - min(y for _, y in bars) + 1
    width = max(x for x, _ in logos) - min(x for x, _ in logos) + 1
    assert height / width == pytest.approx(405 / 72, rel=0.05)  # the slide's 16:9 shape


def test_preview_images_have_the_templates_shape(tmp_path):
    outline, _, _ = _template(tmp_path, SMALL_WIDE)
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1741910400"}).invoke(
        main, ["preview", str(outline), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with Image.open(tmp_path / "out" / "preview" / "slide-1.png") as image:
        assert image.width / image.height == pytest.approx(16 / 9, rel=0.01)
        assert image.width == round(720 * 80 / 72)


def test_deck_pdf_on_a_template_is_byte_reproducible(tmp_path):
    outline, _, _ = _template(tmp_path, SMALL_WIDE)
    digests = []
    for out in ("a", "b"):
        _build(outline, tmp_path / out)
        digests.append([hashlib.sha256((tmp_path / out / name).read_bytes()).hexdigest()
                        for name in ("deck.pdf", "handout.pdf")])
    assert digests[0] == digests[1]


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)))


@pytest.mark.parametrize("picture", [b"\x89PNG\r\n\x1a\n truncated", _png_header(60000, 60000),
                                     b"<svg xmlns='http://www.w3.org/2000/svg'/>"],
                         ids=["truncated", "too-many-pixels", "not-png-or-jpeg"])
def test_a_hostile_template_picture_is_left_out_and_the_rest_drawn(tmp_path, picture):
    outline, bar, logo = _template(tmp_path, SMALL_WIDE)
    template = tmp_path / "corporate.pptx"
    with zipfile.ZipFile(template) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    logo_part = next(info.filename for info, _ in entries
                     if info.filename.startswith("ppt/media/"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            dst.writestr(info, picture if info.filename == logo_part else data)
    template.write_bytes(buffer.getvalue())
    art = template_reader.read(template).layouts[1].art
    assert [a.kind for a in art] == ["rect", "picture"]
    _build(outline, tmp_path / "out", only=("--only", "slides-pdf"))  # the PDF alone
    (_, image), = pdfium.images(tmp_path / "out" / "deck.pdf", [1], 1.0)
    assert _close(_colour_at(image, bar[2] / 2, 200), BAR_RGB)
    assert not _close(_colour_at(image, logo[0] + logo[2] / 2, logo[1] + logo[3] / 2), LOGO_RGB)


def _text_template(path: Path) -> Path:
    """Write a template whose master shows a 'CONFIDENTIAL' text box (10 pt bold, dark red,
    wrapped in a 200 pt box at (20, 500) pt) over python-pptx's plain template."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    from helpers import make_template

    make_template(path)
    prs = Presentation(str(path))
    master = prs.slide_master
    scratch = prs.slides.add_slide(master.slide_layouts[6])
    box = scratch.shapes.add_textbox(Pt(20), Pt(500), Pt(200), Pt(24))
    box.name = "Confidential"
    box.text_frame.word_wrap = True
    box.text_frame.text = "CONFIDENTIAL – internal use"
    run = box.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.bold = Pt(10), True
    run.font.color.rgb = RGBColor(0x99, 0x11, 0x11)
    master.shapes._spTree.append(box._element)
    prs.part.drop_rel(prs.slides._sldIdLst[0].rId)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    prs.save(str(path))
    return path


def test_the_text_of_a_template_shape_is_set_in_deck_pdf_where_powerpoint_sets_it(tmp_path):
    """A master's text box says its words on every slide of deck.pdf: in its own size,
    weight and colour, at the shape's corner less PowerPoint's insets (7.2 pt, 3.6 pt)."""
    import pypdfium2

    template = template_reader.read(_text_template(tmp_path / "t.pptx"))
    [text] = [a.text for a in template.layout("Title and Content").art if a.text]
    assert text.paras[0].text == "CONFIDENTIAL – internal use"
    assert (text.paras[0].size, text.paras[0].bold, text.paras[0].colour) == (
        10.0, True, "#991111")
    assert text.insets == (7.2, 3.6, 7.2, 3.6) and text.wrap and text.anchor == "top"
    _build(outline_on(tmp_path, "t.pptx"), tmp_path / "out", only=("--only", "slides-pdf"))
    doc = pypdfium2.PdfDocument(str(tmp_path / "out" / "deck.pdf"))
    try:
        page = doc[1]
        height = page.get_height()
        words = page.get_textpage()
        found = words.search("CONFIDENTIAL")
        first = found.get_next()
        assert first is not None, "the template's text is missing from deck.pdf"
        left, bottom, _, top = words.get_charbox(first[0])
        assert left == pytest.approx(20 + 7.2, abs=1.0)
        assert height - top == pytest.approx(500 + 3.6 + 10 * 0.1, abs=2.5)
    finally:
        doc.close()
    (_, image), = pdfium.images(tmp_path / "out" / "deck.pdf", [1], 2.0)
    inked = [image.getpixel((x, y)) for x in range(int(28 * 2), int(90 * 2))
             for y in range(int(503 * 2), int(516 * 2))]
    assert any(_close(px, (0x99, 0x11, 0x11), 40) for px in inked)
