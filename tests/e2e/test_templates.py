"""Bring your own brand: decks built on templates made here with python-pptx, and the themes."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from generator import themes
from generator.cli import main
from generator.deck import template_reader as templates
from helpers import make_template, outline_on

FIXTURES = Path(__file__).parents[1] / "fixtures"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not "
                                   "installed")
CORPORATE = {"dk1": "101820", "lt1": "FFFFFF", "dk2": "0B3D2E", "lt2": "EEF5F1",
             "accent1": "0B7A53", "accent2": "A1521B", "accent3": "3C6E91",
             "accent4": "7A7A7A", "accent5": "B8D8C8", "accent6": "D9A441"}


def build(outline: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", str(outline), "--out", str(out), *extra])
    return result


def orphans(pptx: Path) -> list[str]:
    """Return the parts in the zip that no relationship reaches from the package root."""
    with zipfile.ZipFile(pptx) as zf:
        names = set(zf.namelist())
        reached = {"[Content_Types].xml", "_rels/.rels"}
        todo = ["_rels/.rels"]
        while todo:
            rels = todo.pop()
            folder = rels.rsplit("_rels/", 1)[0]
            root = etree.fromstring(zf.read(rels))
            for rel in root:
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target")
                part = target.lstrip("/") if target.startswith("/") else str(
                    Path(folder, target)).replace("\\", "/")
                part = _normpath(part)
                if part in reached:
                    continue
                reached.add(part)
                head, tail = part.rsplit("/", 1) if "/" in part else ("", part)
                part_rels = f"{head}/_rels/{tail}.rels" if head else f"_rels/{tail}.rels"
                if part_rels in names:
                    reached.add(part_rels)
                    todo.append(part_rels)
        return sorted(n for n in names - reached if not n.endswith("/"))


def _normpath(part: str) -> str:
    out: list[str] = []
    for piece in part.split("/"):
        if piece == "..":
            out.pop()
        elif piece and piece != ".":
            out.append(piece)
    return "/".join(out)


def render_pages(pptx: Path) -> int:
    """Convert ``pptx`` with LibreOffice; return the page count of the PDF (exit 0 checked)."""
    profile = pptx.parent / "lo-profile"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(pptx.parent), str(pptx)],
                          capture_output=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(pptx.with_suffix(".pdf")) as pdf:
        return len(pdf.pages)


def layouts_used(prs) -> dict[str, set[str]]:
    """Return slide title -> layout name, for every slide."""
    return {s.shapes.title.text_frame.text if s.shapes.title is not None else "":
            s.slide_layout.name for s in prs.slides}


# --- themes ------------------------------------------------------------------------


@pytest.mark.parametrize("theme", themes.names())
def test_every_bundled_theme_builds_deck_and_brief(tmp_path, theme):
    result = build(FIXTURES / "minimal.yaml", tmp_path, "--brand", theme)
    assert result.exit_code == 0, result.output
    prs = Presentation(str(tmp_path / "deck.pptx"))
    palette = yaml.safe_load((themes.BUNDLED_DIR / f"{theme}.yaml").read_text())["palette"]
    assert str(prs.slides[0].background.fill.fore_color.rgb) == palette["secondary"][1:]
    # slide 2 is the section's divider (a one-part deck has no agenda), slide 3 its content
    assert str(prs.slides[1].background.fill.fore_color.rgb) == palette["secondary"][1:]
    assert str(prs.slides[2].background.fill.fore_color.rgb) == palette["background"][1:]
    assert (tmp_path / "brief.pdf").stat().st_size > 0


def test_themes_lists_every_bundled_theme():
    result = CliRunner().invoke(main, ["themes"])
    assert [line.split()[0] for line in result.output.splitlines()] == themes.names()


def test_midnight_brief_is_painted_in_the_theme(tmp_path):
    assert build(FIXTURES / "minimal.yaml", tmp_path, "--brand", "midnight").exit_code == 0
    with pdfplumber.open(tmp_path / "brief.pdf") as pdf:
        page = pdf.pages[1]
        fills = {tuple(round(c * 255) for c in r["non_stroking_color"])
                 for r in page.rects if r.get("non_stroking_color")
                 and len(r["non_stroking_color"]) == 3}
        fonts = {c["fontname"].split("+")[-1] for c in page.chars}
    assert (0x13, 0x1C, 0x2B) in fills, "the page is painted in the midnight background"
    assert all(f.startswith("LiberationSans") for f in fonts)


def test_theme_links_take_brand_text_colour(tmp_path):
    assert build(FIXTURES / "minimal.yaml", tmp_path, "--only", "deck", "--brand",
                 "ember").exit_code == 0
    with zipfile.ZipFile(tmp_path / "deck.pptx") as zf:
        theme = etree.fromstring(zf.read("ppt/theme/theme1.xml"))
    scheme = theme.find(f"{{{A}}}themeElements/{{{A}}}clrScheme")
    for slot in ("hlink", "folHlink"):
        assert scheme.find(f"{{{A}}}{slot}/{{{A}}}srgbClr").get("val") == "212226"
    assert scheme.find(f"{{{A}}}accent1/{{{A}}}srgbClr").get("val") == "E95C10"


# --- templates -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corporate(tmp_path_factory):
    """A corporate template with renamed, reordered layouts, example slides and a theme."""
    folder = tmp_path_factory.mktemp("corporate")
    make_template(folder / "corporate.pptx", examples=3, colours=CORPORATE,
                  fonts=("Georgia", "Verdana"),
                  rename={"Title and Content": "Content", "Title Only": "Headline",
                          "Two Content": "Split"},
                  order=["Blank", "Headline", "Section Header"])
    outline = outline_on(folder, "corporate.pptx")
    result = build(outline, folder / "out")
    assert result.exit_code == 0, result.output
    return folder, Presentation(str(folder / "out" / "deck.pptx"))


def test_the_slides_take_the_templates_shape_unless_asked_for_another(tmp_path):
    make_template(tmp_path / "square.pptx", wide=False)
    outline = outline_on(tmp_path, "square.pptx", name="minimal.yaml")
    assert build(outline, tmp_path / "own").exit_code == 0
    prs = Presentation(str(tmp_path / "own" / "deck.pptx"))
    assert (prs.slide_width, prs.slide_height) == (Emu(9144000), Emu(6858000))  # 4:3
    assert build(outline, tmp_path / "wide", "--aspect", "16:9").exit_code == 0
    prs = Presentation(str(tmp_path / "wide" / "deck.pptx"))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))


def test_a_template_of_no_deck_shape_is_a_warning_check_and_build_agree_on(tmp_path):
    prs = Presentation()
    prs.slide_width = prs.slide_height = Emu(8 * 914400)  # 8 × 8 in
    prs.save(str(tmp_path / "square.pptx"))
    outline = outline_on(tmp_path, "square.pptx", name="minimal.yaml")
    checked = CliRunner().invoke(main, ["check", str(outline)])
    built = build(outline, tmp_path / "out")
    assert checked.exit_code == built.exit_code == 0, built.output
    said = ("brand.template: the template's slides are 8 × 8 in, neither 16:9, 16:10 nor "
            "4:3, so the deck is built at 16:9 (13.33 × 7.5 in)")
    assert [line for line in checked.stderr.splitlines() if said in line] == [
        line for line in built.stderr.splitlines() if said in line] != []


def test_template_layouts_by_name_and_by_placeholders(corporate):
    _, prs = corporate
    used = layouts_used(prs)
    assert used["Northwind in 2025"] == "Title Slide"
    assert used["Where we stand"] == "Section Header"
    assert used["Agenda"] == "Content"              # renamed: found by its placeholders
    assert used["Three numbers frame the year"] == "Headline"
    assert used["We can buy speed or build it"] == "Split"
    assert [lay.name for lay in prs.slide_layouts][:3] == ["Blank", "Headline", "Section Header"]


def test_template_placeholders_are_filled(corporate):
    _, prs = corporate
    for slide in prs.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text
        for ph in slide.placeholders:
            assert ph.text_frame.text.strip(), "an empty placeholder was left behind"
    agenda = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Agenda")
    body = [ph for ph in agenda.placeholders if ph.placeholder_format.idx == 1]
    assert body and "Where we stand" in body[0].text_frame.text


def test_template_example_slides_are_gone_without_orphans(corporate):
    folder, prs = corporate
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert not [t for t in titles if t.startswith("Example slide")]
    deck = folder / "out" / "deck.pptx"
    assert orphans(deck) == []
    with zipfile.ZipFile(deck) as zf:
        slides = [n for n in zf.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        assert len(slides) == len(prs.slides)
        assert b"delete me" not in b"".join(zf.read(n) for n in zf.namelist())


def test_template_theme_gives_palette_and_fonts_to_deck_and_brief(corporate):
    folder, prs = corporate
    cover = prs.slides[0]
    assert str(cover.background.fill.fore_color.rgb) == CORPORATE["dk2"]
    fonts = {r.font.name for s in prs.slides for sh in s.shapes if sh.has_text_frame
             for p in sh.text_frame.paragraphs for r in p.runs}
    assert fonts == {"Georgia", "Verdana"}
    table = next(sh.table for s in prs.slides for sh in s.shapes if sh.has_table)
    assert str(table.cell(0, 0).fill.fore_color.rgb) == CORPORATE["accent1"]
    with pdfplumber.open(folder / "out" / "brief.pdf") as pdf:
        colours = {tuple(round(x * 255) for x in c["non_stroking_color"])
                   for page in pdf.pages for c in page.chars
                   if c.get("non_stroking_color") and len(c["non_stroking_color"]) == 3}
    assert (0x0B, 0x7A, 0x53) in colours or (0x0B, 0x3D, 0x2E) in colours or (
        0x10, 0x18, 0x20) in colours


def test_outline_palette_overrides_template_theme(tmp_path):
    make_template(tmp_path / "corporate.pptx", colours=CORPORATE)
    outline = outline_on(tmp_path, "corporate.pptx", "minimal.yaml",
                         palette={"secondary": "#222222"}, fonts={"heading": "Arial"})
    assert build(outline, tmp_path / "out", "--only", "deck").exit_code == 0
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert str(prs.slides[0].background.fill.fore_color.rgb) == "222222"
    title = prs.slides[2].shapes.title.text_frame.paragraphs[0].runs[0]
    assert title.font.name == "Arial"


def test_potx_template_saves_as_a_presentation(tmp_path):
    make_template(tmp_path / "corporate.potx", examples=1)
    outline = outline_on(tmp_path, "corporate.potx", "minimal.yaml")
    result = build(outline, tmp_path / "out", "--only", "deck")
    assert result.exit_code == 0, result.output
    deck = tmp_path / "out" / "deck.pptx"
    with zipfile.ZipFile(deck) as zf:
        types = zf.read("[Content_Types].xml").decode()
    assert templates.PRESENTATION_CT in types and templates.TEMPLATE_CT not in types
    assert len(Presentation(str(deck)).slides) == 5  # a one-part deck has no agenda
    assert orphans(deck) == []


def test_slide_and_section_layouts_from_the_outline(tmp_path):
    make_template(tmp_path / "corporate.pptx", rename={"Comparison": "Wide"})
    data = yaml.safe_load((FIXTURES / "minimal.yaml").read_text())
    data["brand"] = {"template": "corporate.pptx"}
    data["sections"][0]["layout"] = "Wide"
    data["sections"][0]["slides"].append({"kind": "bullets", "title": "On its own layout",
                                          "layout": "title only", "bullets": ["One"],
                                          "notes": "n"})
    (tmp_path / "outline.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert build(tmp_path / "outline.yaml", tmp_path / "out", "--only", "deck").exit_code == 0
    used = layouts_used(Presentation(str(tmp_path / "out" / "deck.pptx")))
    first = data["sections"][0]["slides"][0]["title"]
    assert used[first] == "Wide"
    assert used["On its own layout"] == "Title Only"
    assert used[data["sections"][0]["title"]] == "Section Header"


def test_missing_layout_is_a_located_error(tmp_path):
    make_template(tmp_path / "corporate.pptx")
    text = (FIXTURES / "minimal.yaml").read_text()
    text = text.replace("sections:\n", "brand:\n  template: corporate.pptx\nsections:\n", 1)
    text = re.sub(r"(\n  - title: [^\n]*\n)", r"\1    layout: Fancy\n", text, count=1)
    (tmp_path / "outline.yaml").write_text(text)
    line = text.splitlines().index("    layout: Fancy") + 1
    result = build(tmp_path / "outline.yaml", tmp_path / "out")
    assert result.exit_code == 1
    assert (f"outline.yaml:{line}:13: sections[0].layout: no layout 'Fancy' in the template; "
            "expected one of: Title Slide, Title and Content") in result.stderr
    assert not (tmp_path / "out" / "deck.pptx").exists()


@pytest.mark.parametrize("value, message", [
    ("missing.pptx", "no file at 'missing.pptx'; expected a PowerPoint .pptx or .potx template "
                     "relative to the outline's folder"),
    ("../outside.pptx", "'../outside.pptx' is outside the outline's folder"),
    ("notes.txt", "'notes.txt' cannot be used as a template: expected a PowerPoint .pptx or "
                  ".potx file"),
    ("fake.pptx", "'fake.pptx' cannot be used as a template: not a readable PowerPoint file"),
])
def test_bad_template_paths_are_located_errors(tmp_path, value, message):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello")
    (folder / "fake.pptx").write_text("not a zip")
    make_template(tmp_path / "outside.pptx")
    outline = outline_on(folder, value, "minimal.yaml")
    result = build(outline, folder / "out")
    assert result.exit_code == 1
    assert re.search(r"outline\.yaml:\d+:\d+: brand\.template: " + re.escape(message),
                     result.stderr), result.stderr


def test_check_template_reports_fallbacks_exactly(tmp_path):
    make_template(tmp_path / "slim.pptx", drop=("Two Content", "Title Only", "Comparison",
                                                "Content with Caption", "Section Header"),
                  fonts=("Georgia", "Verdana"))
    result = CliRunner().invoke(main, ["check-template", str(tmp_path / "slim.pptx")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:16] == [
        "slim.pptx: 6 layouts, slides 16:9 (13.33 x 7.50 in)",
        '  title       "Title Slide"           by name',
        '  agenda      "Title and Content"     by name',
        '  divider     "Picture with Caption"  by placeholders',
        '  bullets     "Title and Content"     by name',
        '  two-column  "Title and Content"     fallback; missing body placeholder '
        '(text boxes instead)',
        *[f'  {kind:<10}  "Title and Content"     by placeholders' for kind in
          ("stats", "chart", "table", "timeline", "quote", "image", "playbook", "peer")],
        '  sources     "Title and Content"     by name',
        '  closing     "Title and Content"     by placeholders',
    ]
    assert result.output.splitlines()[16:18] == [
        "  theme fonts: Georgia (headings), Verdana (body)",
        "  theme colours: dk1 #000000 lt1 #FFFFFF dk2 #1F497D lt2 #EEECE1 accent1 #4F81BD "
        "accent2 #C0504D accent3 #9BBB59 accent4 #8064A2 accent5 #4BACC6 accent6 #F79646"]
    assert result.output.splitlines()[-1] == "every slide kind can be placed (1 on a fallback " \
                                             "layout)"


def test_check_template_fails_without_a_title_layout(tmp_path):
    make_template(tmp_path / "bare.pptx", drop=tuple(
        n for n in templates.read(templates.default_path()).names if n != "Blank"))
    result = CliRunner().invoke(main, ["check-template", str(tmp_path / "bare.pptx")])
    assert result.exit_code == 1
    assert '  title       -    cannot be placed; missing title placeholder' in result.output
    assert result.output.splitlines()[-1] == (
        "15 slide kinds cannot be placed: title, agenda, divider, bullets, two-column, stats, "
        "chart, table, timeline, quote, image, playbook, peer, sources, closing; expected a "
        "layout with a title placeholder")


@pytest.mark.render
@needs_soffice
@pytest.mark.parametrize("variant", ["renamed", "reordered", "missing", "examples", "potx"])
def test_template_decks_open_and_render_one_page_per_slide(tmp_path, variant):
    options = {"renamed": {"rename": {"Title Slide": "Cover", "Section Header": "Chapter",
                                      "Title and Content": "Text", "Title Only": "Heading"}},
               "reordered": {"order": ["Title Only", "Blank", "Two Content"]},
               "missing": {"drop": ("Two Content", "Title Only", "Section Header")},
               "examples": {"examples": 4},
               "potx": {"examples": 1}}[variant]
    name = "brand.potx" if variant == "potx" else "brand.pptx"
    make_template(tmp_path / name, **options)
    outline = outline_on(tmp_path, name)
    result = build(outline, tmp_path / "out", "--only", "deck")
    assert result.exit_code == 0, result.output
    deck = tmp_path / "out" / "deck.pptx"
    prs = Presentation(str(deck))
    assert len(prs.slides) == 23  # with the playbook's divider
    assert orphans(deck) == []
    assert render_pages(deck) == len(prs.slides)


# --- --brand on an outline with its own template -------------------------------------


def _check(outline: Path, *extra: str):
    return CliRunner().invoke(main, ["check", str(outline), *extra])


def test_brand_option_swaps_the_theme_and_keeps_the_outlines_template(tmp_path):
    make_template(tmp_path / "corporate.pptx", colours=CORPORATE,
                  rename={"Title and Content": "Content"}, order=["Blank"])
    outline = outline_on(tmp_path, "corporate.pptx", "minimal.yaml")
    result = build(outline, tmp_path / "out", "--only", "deck", "--brand", "midnight")
    assert result.exit_code == 0, result.output
    assert "template" not in result.output  # nothing dropped, nothing to say
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert prs.slide_layouts[0].name == "Blank"  # the template's layouts, in its order
    assert "Content" in [lay.name for lay in prs.slide_layouts]
    midnight = yaml.safe_load((themes.BUNDLED_DIR / "midnight.yaml").read_text())["palette"]
    assert str(prs.slides[0].background.fill.fore_color.rgb) == midnight["secondary"][1:]
    checked = _check(outline, "--only", "deck", "--brand", "midnight")
    assert (checked.exit_code, "template" in checked.output) == (0, False)


def test_a_brand_theme_with_its_own_template_is_a_warning_at_the_outlines(tmp_path):
    make_template(tmp_path / "corporate.pptx", colours=CORPORATE)
    make_template(tmp_path / "other.pptx", order=["Blank"])
    outline = outline_on(tmp_path, "corporate.pptx", "minimal.yaml")
    (tmp_path / "other.yaml").write_text("base: ember\ntemplate: other.pptx\n", encoding="utf-8")
    line = next(n for n, text in enumerate(outline.read_text().splitlines(), 1)
                if text.strip().startswith("template:"))
    expected = (f"outline.yaml:{line}:13: warning: brand.template: the outline's template "
                "'corporate.pptx' is not used: --brand 'other.yaml' names its own template "
                "'other.pptx'")
    built = build(outline, tmp_path / "out", "--only", "deck", "--brand", "other.yaml")
    checked = _check(outline, "--only", "deck", "--brand", "other.yaml")
    assert built.exit_code == checked.exit_code == 0, built.output
    assert expected in built.output.replace(str(tmp_path) + "/", "")
    assert expected in checked.output.replace(str(tmp_path) + "/", "")
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert prs.slide_layouts[0].name == "Blank"  # the theme's template, not the outline's
    strict = _check(outline, "--only", "deck", "--brand", "other.yaml", "--strict")
    assert strict.exit_code == 1


def test_brand_option_keeps_a_template_named_in_the_outlines_theme_file(tmp_path):
    (tmp_path / "brand").mkdir()
    make_template(tmp_path / "brand" / "corporate.pptx", order=["Blank"])
    (tmp_path / "brand" / "corp.yaml").write_text("base: ember\ntemplate: corporate.pptx\n",
                                                  encoding="utf-8")
    outline = outline_on(tmp_path, None, "minimal.yaml")
    outline.write_text(outline.read_text().replace("brand: {}", "brand: brand/corp.yaml"),
                       encoding="utf-8")
    result = build(outline, tmp_path / "out", "--only", "deck", "--brand", "midnight")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert prs.slide_layouts[0].name == "Blank"  # the template, found beside its theme file
