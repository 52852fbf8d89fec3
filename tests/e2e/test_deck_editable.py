"""A deck the presenter can keep editing: fields, placeholders, levels, alt text, clean packages."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pptx_audit
import pytest
import yaml
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator import loader as outline
from generator.deck import DeckBuilder
from generator.report import BuildOptions
from helpers import FIXTURES, WHEN, A, build_deck, check_layout, make_image, make_template

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DARK = ("title", "divider", "closing")


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editable")
    loaded, result = build_deck(folder)
    return loaded, result, Presentation(str(result.path))


def _descr(shape) -> str:
    return shape._element.xpath("./*[1]/p:cNvPr/@descr")[0] if shape._element.xpath(
        "./*[1]/p:cNvPr/@descr") else ""


def _decorative(shape) -> bool:
    return bool(shape._element.xpath("./*[1]/p:cNvPr/a:extLst/a:ext/*[local-name()="
                                     "'decorative' and @val='1']"))


def test_slide_numbers_are_fields_in_the_slide_number_placeholder(deck) -> None:
    _, _, prs = deck
    numbered = 0
    for n, slide in enumerate(prs.slides, 1):
        phs = {ph.placeholder_format.type: ph for ph in slide.placeholders}
        if PP_PLACEHOLDER.SLIDE_NUMBER not in phs:
            continue
        numbered += 1
        field = phs[PP_PLACEHOLDER.SLIDE_NUMBER]._element.find(f".//{{{A}}}fld")
        assert field is not None and field.get("type") == "slidenum"
        assert field.findtext(f"{{{A}}}t") == str(n)
    assert numbered == len(prs.slides) - sum(
        1 for s in prs.slides if not any(p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
                                         for p in s.placeholders))
    assert numbered >= len(prs.slides) - 2 - 4  # all but title, dividers and closing


def test_footer_is_in_the_footer_placeholder(deck) -> None:
    _, _, prs = deck
    footers = [ph for s in prs.slides for ph in s.placeholders
               if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    assert footers
    assert {f.text_frame.text for f in footers} == {"Northwind strategy review  |  Internal"}
    assert not [sh for s in prs.slides for sh in s.shapes
                if not sh.is_placeholder and sh.name.startswith(("Footer", "Slide Number"))]


def test_sub_bullets_are_level_one_paragraphs(deck) -> None:
    _, _, prs = deck
    slide = next(s for s in prs.slides if s.shapes.title is not None and
                 s.shapes.title.text_frame.text.startswith("Growth came from two regions"))
    body = next(ph for ph in slide.placeholders if ph.placeholder_format.idx == 1)
    levels = [(p.level, "".join(r.text for r in p.runs)) for p in body.text_frame.paragraphs]
    assert (1, "Three new partners signed in Q2") in levels
    assert (1, "Average basket up 9%") in levels
    assert levels[0][0] == 0


def test_sub_bullets_take_their_indent_and_bullet_from_the_master(deck) -> None:
    _, _, prs = deck
    slide = next(s for s in prs.slides if s.shapes.title is not None and
                 s.shapes.title.text_frame.text.startswith("Growth came from two regions"))
    body = next(ph for ph in slide.placeholders if ph.placeholder_format.idx == 1)
    subs = [p._p.find(f"{{{A}}}pPr") for p in body.text_frame.paragraphs if p.level == 1]
    assert subs
    for p_pr in subs:  # the level alone: Increase/Decrease List Level restyles it
        assert dict(p_pr.attrib) == {"lvl": "1"} and len(p_pr) == 0
    style = prs.slide_master._element.find(f"{{{P}}}txStyles/{{{P}}}bodyStyle/{{{A}}}lvl2pPr")
    assert int(style.get("marL")) > 0 and style.find(f"{{{A}}}buChar").get("char") == "–"


def test_charts_tables_and_pictures_have_alt_text(deck) -> None:
    _, _, prs = deck
    kinds = Counter()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart or shape.has_table or shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                kind = "chart" if shape.has_chart else "table" if shape.has_table else "pic"
                kinds[kind] += 1
                assert _descr(shape), f"{kind} {shape.name} has no alt text"
    assert kinds["chart"] and kinds["table"] and kinds["pic"]


def test_chart_alt_text_is_made_from_its_data(deck) -> None:
    """Every value is read with its category; a run that would be mostly numbers is told
    by the way each series moves, from its first category to its last (as the brief and
    deck.pdf tell it: one alt text for all three)."""
    _, _, prs = deck
    frames = [sh for s in prs.slides for sh in s.shapes if sh.has_chart]
    for frame in frames:
        text = _descr(frame)
        chart = frame.chart
        assert text.split(":")[0].endswith("chart")
        categories = [str(c) for c in chart.plots[0].categories]
        told = any(way in text.lower() for way in ("up from ", "down from ", "level at "))
        for category in [categories[0], categories[-1]] if told else categories:
            assert category in text
        series = list(chart.plots[0].series)
        for one in series if len(series) > 1 else []:  # one series is the chart itself
            assert one.name in text


def test_decoration_is_marked_decorative_and_text_is_not(deck) -> None:
    _, _, prs = deck
    shapes = [sh for s in prs.slides for sh in s.shapes]
    autoshapes = [sh for sh in shapes if sh.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
                  and not sh.has_text_frame or sh.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
                  and not sh.text_frame.text]
    assert autoshapes
    assert all(_decorative(sh) for sh in autoshapes)
    assert not any(_decorative(sh) for sh in shapes if sh.has_text_frame and sh.text_frame.text)


def test_title_is_first_in_reading_order(deck) -> None:
    _, _, prs = deck
    for slide in prs.slides:
        readable = [sh for sh in slide.shapes if not _decorative(sh)]
        assert readable[0].is_placeholder
        assert readable[0].placeholder_format.type in (PP_PLACEHOLDER.TITLE,
                                                        PP_PLACEHOLDER.CENTER_TITLE)


def test_alt_key_overrides_the_generated_text(tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURES / "deck_all_kinds.yaml").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for slide in section.get("slides", []):
            if slide["kind"] == "chart":
                slide["chart"]["alt"] = "My own chart description"
            if slide["kind"] == "table":
                slide["table"]["alt"] = "My own table description"
    (tmp_path / "outline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                           encoding="utf-8")
    make_image(tmp_path / "deck_image.png")
    loaded = outline.load(tmp_path / "outline.yaml")
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(loaded.outline, target, BuildOptions(timestamp=WHEN))
    prs = Presentation(str(target))
    alts = {_descr(sh) for s in prs.slides for sh in s.shapes if sh.has_chart or sh.has_table}
    assert "My own chart description" in alts
    assert "My own table description" in alts


def test_generated_slides_take_notes_from_the_outline(tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    data["notes"] = {"title": "Hello **all**", "closing": "Bye\n- one\n- see [x](https://e.com)"}
    (tmp_path / "outline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                           encoding="utf-8")
    loaded = outline.load(tmp_path / "outline.yaml")
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(loaded.outline, target, BuildOptions(timestamp=WHEN))
    prs = Presentation(str(target))
    first = prs.slides[0].notes_slide.notes_text_frame
    assert first.text == "Hello all"
    assert any(r.font.bold for r in first.paragraphs[0].runs)
    last = prs.slides[-1].notes_slide.notes_text_frame
    assert [p.text for p in last.paragraphs] == ["Bye", "one", "see x"]
    assert last.paragraphs[2].runs[-1].hyperlink.address == "https://e.com"
    assert last.paragraphs[1]._p.find(f"{{{A}}}pPr/{{{A}}}buChar") is not None


# --- templates ------------------------------------------------------------------------


def _template_with_outline_list(path: Path) -> Path:
    """Write a template whose two example slides are listed in viewProps' outline list."""
    make_template(path, examples=2)
    prs = Presentation(str(path))
    view = prs.part.part_related_by(RT.VIEW_PROPS)
    root = etree.fromstring(view.blob)
    outline_view = etree.Element(f"{{{P}}}outlineViewPr")
    c_view = etree.SubElement(outline_view, f"{{{P}}}cViewPr")
    scale = etree.SubElement(c_view, f"{{{P}}}scale")
    etree.SubElement(scale, f"{{{A}}}sx", n="33", d="100")
    etree.SubElement(scale, f"{{{A}}}sy", n="33", d="100")
    etree.SubElement(c_view, f"{{{P}}}origin", x="0", y="0")
    sld_lst = etree.SubElement(outline_view, f"{{{P}}}sldLst")
    for slide in prs.slides:
        r_id = view.relate_to(slide.part, RT.SLIDE)
        etree.SubElement(sld_lst, f"{{{P}}}sld", {f"{{{R}}}id": r_id, "collapse": "1"})
    root.find(f"{{{P}}}slideViewPr").addnext(outline_view)
    view._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    prs.save(str(path))
    return path


def _build_on(tmp_path: Path, template: Path, *, sparse: bool = False) -> Path:
    """Build the all-kinds fixture on ``template``; ``sparse``: no subtitle or summaries, so
    the title and divider slides leave their second placeholder unused."""
    data = yaml.safe_load((FIXTURES / "deck_all_kinds.yaml").read_text(encoding="utf-8"))
    data["brand"] = {"template": template.name}
    if sparse:
        data["meta"].pop("subtitle", None)
        for section in data["sections"]:
            section.pop("summary", None)
    (tmp_path / "outline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                           encoding="utf-8")
    make_image(tmp_path / "deck_image.png")
    loaded = outline.load(tmp_path / "outline.yaml")
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(loaded.outline, target,
                        BuildOptions(timestamp=WHEN, template=loaded.template,
                                     aspect=loaded.template_shape or "16:9"))
    return target


def test_template_slides_listed_in_view_props_leave_nothing_behind(tmp_path: Path) -> None:
    template = _template_with_outline_list(tmp_path / "listed.pptx")
    target = _build_on(tmp_path, template)
    data = target.read_bytes()
    assert pptx_audit.problems(data) == []
    zf = zipfile.ZipFile(io.BytesIO(data))
    view = zf.read("ppt/viewProps.xml")
    assert b"sldLst" not in view
    assert "ppt/_rels/viewProps.xml.rels" not in zf.namelist() or b"slide" not in zf.read(
        "ppt/_rels/viewProps.xml.rels")
    prs = Presentation(str(target))
    assert not any("delete me" in (s.shapes.title.text_frame.text if s.shapes.title else "")
                   for s in prs.slides)
    again = io.BytesIO()
    prs.save(again)  # python-pptx saves it again without duplicate entries
    names = [i.filename for i in zipfile.ZipFile(again).infolist()]
    assert len(names) == len(set(names))
    assert pptx_audit.problems(again.getvalue()) == []


def test_sub_bullets_on_a_template_take_its_own_list_style(tmp_path: Path) -> None:
    template = make_template(tmp_path / "levels.pptx")
    styles = Presentation(str(template)).slide_master._element.find(
        f"{{{P}}}txStyles/{{{P}}}bodyStyle")
    target = _build_on(tmp_path, template)
    prs = Presentation(str(target))
    assert etree.tostring(prs.slide_master._element.find(
        f"{{{P}}}txStyles/{{{P}}}bodyStyle")) == etree.tostring(styles)  # untouched
    slide = next(s for s in prs.slides if s.shapes.title is not None and
                 s.shapes.title.text_frame.text.startswith("Growth came from two regions"))
    body = next(ph for ph in slide.placeholders if ph.placeholder_format.idx == 1)
    paras = [p._p.find(f"{{{A}}}pPr") for p in body.text_frame.paragraphs]
    subs = [p_pr for p_pr in paras if p_pr is not None and p_pr.get("lvl") == "1"]
    assert subs
    for p_pr in paras:  # the template's indents and bullets ('•', '–'), not the deck's
        if p_pr is not None:
            assert p_pr.get("marL") is None and p_pr.get("indent") is None
            assert p_pr.find(f"{{{A}}}buChar") is None and p_pr.find(f"{{{A}}}buNone") is None


def test_placeholders_without_idx_are_filled_or_removed(tmp_path: Path) -> None:
    template = make_template(tmp_path / "noidx.pptx")
    prs = Presentation(str(template))
    for layout in prs.slide_layouts:
        for ph in layout._element.iter(f"{{{P}}}ph"):
            if ph.get("type") in (None, "body", "obj", "subTitle"):
                ph.attrib.pop("idx", None)
    prs.save(str(template))
    target = _build_on(tmp_path, template, sparse=True)
    assert pptx_audit.problems(target.read_bytes()) == []
    for slide in Presentation(str(target)).slides:
        for ph in slide.placeholders:
            if ph.placeholder_format.type not in (PP_PLACEHOLDER.SLIDE_NUMBER,):
                assert ph.has_text_frame and ph.text_frame.text.strip(), (
                    f"empty placeholder {ph.name}")


# --- the PyPI validator -----------------------------------------------------------------


def _plain_findings(tmp_path: Path) -> set[str]:
    plain = tmp_path / "plain.pptx"
    Presentation().save(str(plain))
    return {f.split(":", 1)[-1] for f in pptx_audit.validator_findings(plain) or []}


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_openxml_audit_finds_nothing_beyond_a_plain_deck(tmp_path: Path, aspect) -> None:
    pytest.importorskip("openxml_audit")
    _, result = build_deck(tmp_path, aspect=aspect)
    found = pptx_audit.validator_findings(result.path)
    baseline = _plain_findings(tmp_path)
    assert [f for f in found if f.split(":", 1)[-1] not in baseline] == []


def test_openxml_audit_on_a_template_deck(tmp_path: Path) -> None:
    pytest.importorskip("openxml_audit")
    target = _build_on(tmp_path, _template_with_outline_list(tmp_path / "listed.pptx"))
    baseline = _plain_findings(tmp_path)
    found = pptx_audit.validator_findings(target)
    assert [f for f in found if f.split(":", 1)[-1] not in baseline] == []


# --- template fonts and sizes ------------------------------------------------------------

FONTS = Path(__file__).parents[2] / "generator" / "fonts"


@pytest.fixture
def bundled_fonts(tmp_path, monkeypatch):
    """Let LibreOffice find the bundled fonts (Carlito for Calibri and so on) as a
    presenter's machine has the real ones."""
    _fonts_for_libreoffice(FONTS, tmp_path, monkeypatch)


def _fonts_for_libreoffice(fonts: Path, folder: Path, monkeypatch) -> None:
    """Point fontconfig (and so LibreOffice) at ``fonts`` beside the system's own."""
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{fonts}</dir><cachedir>{folder / 'fc-cache'}</cachedir>"
                    "</fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("size", [(12192000, 6858000), (9144000, 5143500), (9144000, 5715000),
                                  (9144000, 6858000)],
                         ids=["16:9", "16:9-10in", "16:10", "4:3"])
def test_calibri_template_keeps_its_size_and_lays_out_cleanly(tmp_path, bundled_fonts,
                                                              size) -> None:
    template = make_template(tmp_path / "calibri.pptx", fonts=("Calibri", "Calibri"))
    prs = Presentation(str(template))
    prs.slide_width, prs.slide_height = size
    prs.save(str(template))
    target = _build_on(tmp_path, template)
    built = Presentation(str(target))
    assert (built.slide_width, built.slide_height) == size
    assert check_layout(target) == []


# --- a font file named in the theme ---------------------------------------------------------

WIDE = "Deckgen Wide"
"""A test face: the bundled DejaVu Sans (Bitstream Vera licence, generator/fonts/fallback/),
renamed and drawn 25% wider, so its text is far wider (some 40%) than the Arial metrics a
family without a file is measured with."""


def _wide_fonts(folder: Path) -> list[Path]:
    """Write the regular and bold files of ``WIDE`` into ``folder``; return their paths.

    Only Latin, punctuation and common symbols are kept. The bold file has the regular
    outlines under bold names, so every renderer uses those widths for bold text too.
    """
    from fontTools import subset
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / "fallback" / "DejaVuSans.ttf"))
    if "FFTM" in font:
        del font["FFTM"]  # a timestamp table the subsetter does not know
    options = subset.Options()
    options.name_IDs, options.name_languages, options.notdef_outline = ["*"], ["*"], True
    options.layout_features, options.hinting = [], False
    keep = [*range(0x20, 0x250), *range(0x2000, 0x2200), *range(0x2190, 0x2300)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    for tag in ("GPOS", "GSUB", "GDEF", "kern", "hdmx", "VDMX", "LTSH"):
        if tag in font:
            del font[tag]
    glyphs, glyf, hmtx = font.getGlyphSet(), font["glyf"], font["hmtx"]
    drawn = {}
    for name in font.getGlyphOrder():
        recording = DecomposingRecordingPen(glyphs)
        glyphs[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(TransformPen(pen, (1.25, 0, 0, 1, 0, 0)))
        drawn[name] = pen.glyph()
    for name, glyph in drawn.items():
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        hmtx[name] = (round(hmtx[name][0] * 1.25), getattr(glyph, "xMin", 0))
    font["OS/2"].xAvgCharWidth = round(font["OS/2"].xAvgCharWidth * 1.25)
    out = []
    for style, bold in (("Regular", False), ("Bold", True)):
        names = font["name"]
        names.removeNames(nameID=16)
        names.removeNames(nameID=17)
        for nid, value in ((1, WIDE), (2, style), (4, f"{WIDE} {style}"),
                           (6, f"DeckgenWide-{style}"), (3, f"DeckgenWide-{style}")):
            names.setName(value, nid, 3, 1, 0x409)
            names.setName(value, nid, 1, 0, 0)
        font["OS/2"].fsSelection = 0x20 if bold else 0x40
        font["OS/2"].usWeightClass = 700 if bold else 400
        font["head"].macStyle = 1 if bold else 0
        path = folder / f"DeckgenWide-{style}.ttf"
        font.save(str(path))
        out.append(path)
    return out


def _wide_outline(folder: Path, *, files: bool = True) -> Path:
    """Write the all-kinds outline set in ``WIDE`` into ``folder`` (with its font files
    under fonts/ when ``files``); return its path."""
    (folder / "fonts").mkdir(exist_ok=True)
    paths = _wide_fonts(folder / "fonts") if files else []
    data = yaml.safe_load((FIXTURES / "deck_all_kinds.yaml").read_text(encoding="utf-8"))
    data["brand"] = {"fonts": {"heading": WIDE, "body": WIDE.lower(),
                               "files": [f"fonts/{p.name}" for p in paths]}}
    target = folder / "outline.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    make_image(folder / "deck_image.png")
    return target


def _cli(*args: str) -> tuple[int, list[str]]:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1735689600"}).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr.splitlines()


def _check_and_build(source: Path) -> tuple[list[str], list[str]]:
    """Return the findings `check` and `build` report on ``source`` (all but the last line)."""
    check_code, check = _cli("check", str(source))
    build_code, build = _cli("build", str(source), "--out", str(source.parent / "out"))
    assert check_code == build_code == 0, (check, build)
    return check[:-1], build[:-1]


@pytest.fixture(scope="module")
def wide_deck(tmp_path_factory):
    """The all-kinds outline in ``WIDE`` given by its files, checked and built."""
    folder = tmp_path_factory.mktemp("wide")
    source = _wide_outline(folder)
    check, build = _check_and_build(source)
    return folder, check, build


def test_a_font_file_of_the_brand_family_measures_the_deck_and_names_it(wide_deck) -> None:
    folder, check, build = wide_deck
    assert check == build
    assert not [line for line in check if "no metrics" in line]
    prs = Presentation(str(folder / "out" / "deck.pptx"))
    typefaces = {r.font.name for s in prs.slides for sh in s.shapes if sh.has_text_frame
                 for p in sh.text_frame.paragraphs for r in p.runs if r.font.name}
    assert typefaces == {WIDE}  # the file's own family name, whatever case the theme used
    theme = zipfile.ZipFile(folder / "out" / "deck.pptx").read("ppt/theme/theme1.xml")
    assert f'<a:latin typeface="{WIDE}"'.encode() in theme
    from pypdf import PdfReader

    reader = PdfReader(str(folder / "out" / "brief.pdf"))
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DeckgenWide" in name for name in fonts)  # the brief sets the same face


def test_a_wide_font_file_fits_text_the_fallback_metrics_would_not(tmp_path, wide_deck) -> None:
    from generator.deck import fit
    from generator.deck.elements import Para
    from generator.model import Fonts
    from generator.text import Run, typeface

    folder, _, _ = wide_deck
    files = [str(p) for p in sorted((folder / "fonts").glob("*.ttf"))]
    face = typeface(Fonts(heading=WIDE, body=WIDE, files=files), "body")
    text = (Run("Revenue grew in both regions as new partners signed " * 3),)
    measured = fit.lines(Para(text, 20.0, face, "#000000"), 600)
    guessed = fit.lines(Para(text, 20.0, WIDE, "#000000"), 600)
    assert measured > guessed  # the file's widths, not Arial's less a margin


def test_a_family_without_metrics_gets_one_warning_in_check_and_build(tmp_path) -> None:
    source = _wide_outline(tmp_path, files=False)
    check, build = _check_and_build(source)
    assert check == build
    fonts = [line for line in check if "no metrics" in line]
    assert len(fonts) == 1 and "12% safety margin" in fonts[0]


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_deck_measured_with_a_font_file_fits_when_libreoffice_renders_it(
        wide_deck, monkeypatch) -> None:
    folder, _, _ = wide_deck
    _fonts_for_libreoffice(folder / "fonts", folder, monkeypatch)
    assert check_layout(folder / "out" / "deck.pptx") == []
