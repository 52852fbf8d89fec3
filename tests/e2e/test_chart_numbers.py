"""Numbers deckgen writes itself (chart value labels, ticks, pie shares) follow
`meta.language`: read back from the brief and deck.pdf, and equal to what `check` measures."""

from __future__ import annotations

import ctypes
import html
import re
from pathlib import Path
from zipfile import ZipFile

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import yaml

from generator import build as builds
from generator import loader
from generator.brief import figures

FIXTURE = Path(__file__).parents[1] / "fixtures" / "numbers" / "charts.yaml"
NNBSP = "\u202f"
SHOWN = {
    "en": ["741.5", "1,234.5", "12,345.6", "5,000", "10,000", "15,000", "-2.50", "3.25",
           "12.5%", "37.5%", "0.5", "1.5", "2.5"],
    "de": ["741,5", "1.234,5", "12.345,6", "5.000", "10.000", "15.000", "-2,50", "3,25",
           "12,5%", "37,5%", "0,5", "1,5", "2,5"],
    "fr": ["741,5", f"1{NNBSP}234,5", f"12{NNBSP}345,6", f"5{NNBSP}000", f"10{NNBSP}000",
           f"15{NNBSP}000", "-2,50", "3,25", "12,5%", "37,5%", "0,5", "1,5", "2,5"],
    "es": ["741,5", "1234,5", "12.345,6", "5000", "10.000", "15.000", "-2,50", "3,25",
           "12,5%", "37,5%", "0,5", "1,5", "2,5"],
}
"""What each language shows: Spanish groups only from five digits (CLDR minimum grouping
digits 2), French with a narrow no-break space; the minus sign is the same everywhere."""
ENGLISH_ONLY = ["741.5", "1,234.5", "12,345.6", "5,000", "-2.50", "3.25", "12.5%", "1.5"]


def _outline(folder: Path, language: str) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["meta"]["language"] = language
    path = folder / f"charts-{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=sorted(SHOWN))
def built(request, tmp_path_factory) -> tuple[str, Path, Path]:
    """Build the brief, deck.pdf and deck of the fixture in one language; return the
    language, the outline and the output folder."""
    language = request.param
    folder = tmp_path_factory.mktemp(language)
    outline = _outline(folder, language)
    builds.build(loader.load(outline), folder / "out", which=("deck", "brief", "slides-pdf"))
    return language, outline, folder / "out"


def _text(pdf: Path) -> str:
    """Return the PDF's text as a reader copies it, narrow no-break spaces kept (pdftotext
    turns them into plain spaces)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


@pytest.mark.parametrize("artifact", ["brief.pdf", "deck.pdf"])
def test_chart_numbers_are_written_the_outline_language_way(built, artifact) -> None:
    language, _, out = built
    text = _text(out / artifact)
    missing = [number for number in SHOWN[language] if number not in text]
    assert missing == [], (language, artifact)
    if language != "en":
        left = [n for n in ENGLISH_ONLY if re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", text)]
        assert left == [], (language, artifact)


def _strings(pdf: Path) -> list[tuple[str, float]]:
    """Return every text object of the PDF in content order, with its font size: a chart
    label is drawn as one string, so this is what the reader sees, string by string."""
    out = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in doc:
            textpage = page.get_textpage()
            for obj in page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_TEXT,)):
                n = pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                buffer = ctypes.create_string_buffer(n)
                pdfium_raw.FPDFTextObj_GetText(
                    obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(
                        pdfium_raw.FPDF_WCHAR)), n)
                size = ctypes.c_float()
                pdfium_raw.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
                out.append((buffer.raw[:n - 2].decode("utf-16-le"), size.value))
    finally:
        doc.close()
    return out


def _folded(text: str) -> str:
    """Return ``text`` with runs of ASCII spaces as one and none at either end (the PDF
    reader adds a space after a word); no-break and narrow spaces are kept."""
    return re.sub(" +", " ", text).strip(" ")


def test_the_labels_check_measures_are_the_labels_the_brief_shows(built) -> None:
    language, outline, out = built
    loaded = loader.load(outline)
    measured = {number: [_folded(label.text) for label in laid.labels]
                for _, number, laid in figures.figure_layouts(loaded.outline)}
    assert len(measured) == 4
    drawn: dict[int, list[str]] = {}
    figure = None
    for text, size in _strings(out / "brief.pdf"):
        heading = re.match(r"\w+ (\d+)\. ", text)
        if heading and size > 7:
            figure = int(heading.group(1))
            drawn[figure] = []
        elif figure is not None and abs(size - figures.CHART_PT) < 0.01 and text.strip():
            # the chart's own strings (the page's running head and footer come before)
            drawn[figure].append(_folded(text))
    assert drawn == measured, language
    labels = [text for texts in drawn.values() for text in texts]
    assert [n for n in SHOWN[language] if not any(n in text for text in labels)] == []


def test_the_deck_keeps_locale_neutral_number_formats(built) -> None:
    """PowerPoint shows a chart's number format in the viewer's locale: '.' and ',' in the
    code are the decimal mark and grouping, whatever the outline's language. The deck
    writes the same codes in every language, none with a quoted or escaped '.' or ','."""
    language, _, out = built
    codes = _format_codes(out / "deck.pptx")
    assert codes == _format_codes_of("en", out.parent.parent), language
    for code in codes:
        literal = "".join(re.findall(r'"([^"]*)"', code)) + "".join(re.findall(r"\\(.)", code))
        assert not set(literal) & {".", ","}, code
    # the pie's shares (12.5, 37.5, 50) have no format of their own: one decimal each
    assert {"#,##0.0", "0.00", '0.0"%"'} <= codes


def _format_codes(pptx: Path) -> set[str]:
    with ZipFile(pptx) as z:
        return {html.unescape(code) for name in z.namelist()
                if name.startswith("ppt/charts/chart")
                for code in re.findall(r'formatCode="([^"]*)"', z.read(name).decode())}


_CODES: dict[str, set[str]] = {}


def _format_codes_of(language: str, root: Path) -> set[str]:
    if language not in _CODES:
        folder = root / f"codes-{language}"
        folder.mkdir(exist_ok=True)
        outline = _outline(folder, language)
        builds.build(loader.load(outline), folder / "out", which=("deck",))
        _CODES[language] = _format_codes(folder / "out" / "deck.pptx")
    return _CODES[language]


SPOKEN = {"en": "North: -2.50; South: 3.25; East: 1.50",
          "de": "North: -2,50; South: 3,25; East: 1,50",
          "fr": "North\u00a0: -2,50 ; South\u00a0: 3,25 ; East\u00a0: 1,50",
          "es": "North: -2,50; South: 3,25; East: 1,50"}
"""The bar chart's values in the alt text of deck.pptx, deck.pdf and the brief alike, as
the chart shows them, punctuated as the language punctuates."""


def test_screen_readers_hear_the_numbers_the_page_shows(built) -> None:
    language, _, out = built
    spoken = SPOKEN[language]
    with ZipFile(out / "deck.pptx") as z:
        slides = " ".join(z.read(n).decode() for n in z.namelist()
                          if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    assert spoken in slides
    for artifact in ("brief.pdf", "deck.pdf"):
        with pikepdf.open(out / artifact) as pdf:
            alts = [str(obj.get("/Alt")) for obj in pdf.objects
                    if isinstance(obj, pikepdf.Dictionary) and "/Alt" in obj]
        assert any(spoken in alt for alt in alts), (artifact, alts)
