"""The fast deck writer against python-pptx's own API: the same file, at a constant cost a slide.

``ReferenceWriter`` writes a deck plan the slow, obvious way, through python-pptx's shape,
text and notes proxies (as deckgen did before it wrote slide XML directly). The decks the
fast writer makes must be the same bytes, part for part, for every slide kind, both
aspects, the agenda's links, a template with renamed layouts and a synthetic outline.
Nothing here measures time; the cost is checked by counting python-pptx's XML queries.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.util import Emu, Pt

from generator import brand as _brand
from generator import loader as _loader
from generator import text as _text
from generator.deck import DeckBuilder, contract, template_reader
from generator.deck.elements import ChartFrame, Picture, Shape, TableGrid, TextBox
from generator.deck.pptx import (
    charts,
    master,
    package,
    sections,
    slidexml,
    template,
    theme,
    writer,
    zipwriter,
)
from generator.report import BuildOptions
from generator.text import Run
from helpers import bench_module, make_image, make_template, outline_on

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
WHEN = _dt.datetime(2025, 3, 14, tzinfo=_dt.UTC)
ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
ROLE_NAMES = {"footer": "Footer", "number": "Slide Number", "footnote": "Source Note",
              "caption": "Caption"}


CHROME = {"footer": PP_PLACEHOLDER.FOOTER, "number": PP_PLACEHOLDER.SLIDE_NUMBER}
"""Text role -> the layout placeholder it goes in (as ``slidexml.PLACEHOLDER_OF_ROLE``)."""


def emu(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def rgb(value: str) -> RGBColor:
    return RGBColor.from_string(value.lstrip("#").upper())


class ReferenceWriter:
    """Writes a deck plan with python-pptx's API only: slides, text, shapes, notes, save."""

    def __init__(self, plan, outline, options):
        self.plan, self.outline, self.options = plan, outline, options
        self.template_path = outline.brand.template
        self.contract = (template_reader.read(self.template_path) if self.template_path
                         else template_reader.default())
        self.prs = template.open_presentation(self.contract, own=self.template_path is None)
        self.plan = plan = writer._on_template_size(plan, self.contract,
                                                    self.template_path is not None)
        self.prs.slide_width, self.prs.slide_height = emu(plan.width), emu(plan.height)
        writer._name_slide_size(self.prs)  # python-pptx has no API for the size's name
        self.layouts = {lay.name: lay for m in self.prs.slide_masters for lay in m.slide_layouts}
        theme.apply(self.prs, outline.brand, whole=self.template_path is None)
        if self.template_path is None:
            master.fit(self.prs, writer._geometry(plan, outline), outline.brand)
        self.anchors: dict = {}
        self.jumps: list = []
        self.language = outline.meta.language
        self.when = options.timestamp.astimezone(_dt.UTC).replace(tzinfo=None)

    def write(self, path: Path) -> None:
        for plan in self.plan.slides:
            self.slide(plan)
        for slide, run, anchor in self.jumps:
            if anchor in self.anchors:
                r_id = slide.part.relate_to(self.anchors[anchor].part, RT.SLIDE)
                run._r.get_or_add_rPr().add_hlinkClick(r_id).set(
                    "action", "ppaction://hlinksldjump")
        if self.template_path is None:
            used = {id(s.slide_layout) for s in self.prs.slides}
            for master in self.prs.slide_masters:
                for layout in list(master.slide_layouts):
                    if id(layout) not in used:
                        master.slide_layouts.remove(layout)
        ids = [s.slide_id for s in self.prs.slides]
        sections.write(self.prs.part._element,
                       [(name, [ids[i] for i in idx]) for name, idx in self.plan.sections])
        self.properties()
        self.app_properties()
        self.prs.save(str(path))
        restamp(path, self.options.timestamp)

    def slide(self, plan) -> None:
        placement = contract.place(self.contract, plan.kind, plan.requested)
        slide = self.prs.slides.add_slide(self.layouts[placement.layout])
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = rgb(plan.background)
        slots = template.slots(slide)
        chrome = {r: ph for ph in slide.slide_layout.placeholders
                  for r, kind in CHROME.items() if ph.placeholder_format.type == kind}
        tree = slide.shapes._spTree
        placed, used = [], set()
        for element in writer.reading_order(plan.elements):
            if isinstance(element, TextBox):
                shape = slots.get(element.placeholder) if element.placeholder is not None \
                    else None
                if shape is not None and id(shape) in used:
                    shape = None
                inherited = _inherited(slide, shape) if shape is not None else ()
                if shape is None and element.role in chrome and element.role not in used:
                    used.add(element.role)
                    slide.shapes.clone_placeholder(chrome[element.role])
                    shape = next(p for p in slide.placeholders if p._element is tree[-1])
                elif shape is not None:
                    used.add(id(shape))
                shape = self.text(slide, element, shape, inherited)
            elif isinstance(element, Shape):
                shape = self.shape(slide, element)
            elif isinstance(element, TableGrid):
                shape = self.table(slide, element)
            elif isinstance(element, ChartFrame):
                shape = self.chart(slide, element)
            elif isinstance(element, Picture):
                shape = self.picture(slide, element)
            placed.append((shape._element, element))
        for ph in list(slide.placeholders):
            if all(ph._element is not el for el, _ in placed):
                tree.remove(ph._element)
        for n, (el, element) in enumerate(placed, 2):  # reading order, ids counted anew
            tree.remove(el)
            tree.append(el)
            c_nv_pr = el[0][0]
            c_nv_pr.set("id", str(n))
            if el.tag == qn("p:sp") and el.find(".//" + qn("p:ph")) is None:
                stem = c_nv_pr.get("name").rsplit(" ", 1)[0]
                c_nv_pr.set("name", f"{stem} {n}" if isinstance(element, TextBox)
                            else f"{stem} {n - 1}")
            elif el.tag != qn("p:sp"):
                c_nv_pr.set("name", f"{c_nv_pr.get('name').rsplit(' ', 1)[0]} {n - 1}")
            elif element.role in chrome and isinstance(element, TextBox):
                stem = c_nv_pr.get("name").rsplit(" ", 1)[0]
                c_nv_pr.set("name", f"{stem} {n - 1}")
        self.notes(slide, plan.notes)
        if plan.anchor:
            self.anchors[plan.anchor] = slide

    def notes(self, slide, notes: str) -> None:
        """Write ``notes`` as paragraphs: list items bulleted, inline markup as runs."""
        from generator.deck import markup

        frame = slide.notes_slide.notes_text_frame
        frame.text = ""
        for k, (level, value) in enumerate(slidexml.notes_blocks(notes) or [(None, "")]):
            p = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            if level is not None:
                p_pr = p._p.get_or_add_pPr()
                p_pr.set("marL", str(slidexml.NOTES_INDENT * (level + 1)))
                p_pr.set("indent", str(-slidexml.NOTES_INDENT))
                if level:
                    p_pr.set("lvl", str(level))
                etree.SubElement(p_pr, qn("a:buFont")).set("typeface", "Arial")
                etree.SubElement(p_pr, qn("a:buChar")).set("char", "•")
            for j, piece in enumerate(value.split("\v")):
                if j:
                    p.add_line_break()
                for run in markup.runs(piece):
                    r = p.add_run()
                    r_pr = r._r.get_or_add_rPr()
                    r_pr.set("lang", self.language)
                    if run.bold:
                        r_pr.set("b", "1")
                    if run.italic:
                        r_pr.set("i", "1")
                    if run.link:
                        r.hyperlink.address = run.link
                    r.text = run.text

    def text(self, slide, element, shape, inherited=()) -> None:
        b = element.box
        if shape is not None:
            shape.left, shape.top, shape.width, shape.height = (emu(b.x), emu(b.y),
                                                                emu(b.w), emu(b.h))
        else:
            shape = slide.shapes.add_textbox(emu(b.x), emu(b.y), emu(b.w), emu(b.h))
            shape.name = f"{ROLE_NAMES.get(element.role, element.role.title())} {shape.shape_id}"
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = ANCHOR[element.anchor]
        self.paras(slide, frame, element.paras, inherited)
        return shape

    def paras(self, slide, frame, paras, inherited=()) -> None:
        """Write ``paras``, leaving out what the placeholder's list style gives each level."""
        frame.clear()
        for k, para in enumerate(paras):
            base = inherited[para.level] if para.level < len(inherited) else {}
            p = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            if base.get("algn") != slidexml.ALIGN[para.align]:
                p.alignment = ALIGN[para.align]
            spacing = ((slidexml.DML.lnSpc, para.size * _brand.LINE_SPACING, "line_spacing"),
                       (slidexml.DML.spcBef, para.space_before, "space_before"),
                       (slidexml.DML.spcAft, 0, "space_after"))
            for tag, points, name in spacing:
                if base.get(tag) != slidexml.centipoints(points):
                    setattr(p, name, Pt(points))
            p_pr = p._p.get_or_add_pPr()
            marl, indent = str(emu(para.indent)), str(-emu(para.hanging))
            if (base.get("marL"), base.get("indent")) != (marl, indent):
                p_pr.set("marL", marl)
                p_pr.set("indent", indent)
            if para.level:
                p.level = para.level
            font = para.bullet_font or slidexml.BULLET_FONT
            if base.get("bullet") != (f"{font}|{para.bullet}" if para.bullet else "none"):
                if para.bullet:
                    etree.SubElement(p_pr, qn("a:buFont")).set("typeface", font)
                    etree.SubElement(p_pr, qn("a:buChar")).set("char", para.bullet)
                else:
                    etree.SubElement(p_pr, qn("a:buNone"))
            if para.label is not None:  # a tab stop where the text starts, past the label
                tabs = etree.SubElement(p_pr, qn("a:tabLst"))
                etree.SubElement(tabs, qn("a:tab"), pos=str(emu(para.indent)), algn="l")
            if not len(p_pr) and not p_pr.attrib:
                p._p.remove(p_pr)
            label = ((Run(para.label, para.bold, para.italic), Run("\t", para.bold, para.italic))
                     if para.label else ())
            for n, (run, piece, broken) in enumerate(_pieces(label + para.runs)):
                if broken:  # a line break the planner placed where it split a word
                    p.add_line_break()
                if not piece:
                    continue
                r = p.add_run()
                r.text = piece
                r.font.name = _brand.family_name(para.font)
                r.font.size = Pt(para.size)
                r.font.bold = run.bold or para.bold
                r.font.italic = run.italic or para.italic
                r.font.color.rgb = rgb(para.colour)
                r_pr = r._r.get_or_add_rPr()
                r_pr.set("lang", self.language)
                r_pr.set("cap", "none")
                if run.link:
                    r.hyperlink.address = run.link
                if para.jump:
                    r_pr.set("u", "none")
                    if not (para.label and n < 2):  # the label and its tab are no link
                        self.jumps.append((slide, r, para.jump))
                if para.field:  # a slide-number field: a run under another name
                    r._r.tag = qn("a:fld")
                    r._r.set("id", slidexml.FIELD_IDS[para.field])
                    r._r.set("type", para.field)
            end = p._p.get_or_add_endParaRPr()
            end.set("sz", str(int(round(para.size * 100))))
            end.set("lang", self.language)

    def shape(self, slide, element) -> None:
        b = element.box
        kind = MSO_SHAPE.OVAL if element.kind == "oval" else MSO_SHAPE.RECTANGLE
        shape = slide.shapes.add_shape(kind, emu(b.x), emu(b.y), emu(b.w), emu(b.h))
        shape._element.remove(shape._element.find(qn("p:style")))
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(element.fill)
        shape.line.fill.background()
        if element.decorative:
            slidexml.decorative(shape._element[0][0])
        return shape

    def table(self, slide, element) -> None:
        b = element.box
        frame = slide.shapes.add_table(len(element.rows), len(element.widths), emu(b.x),
                                       emu(b.y), emu(b.w), emu(b.h))
        frame._element[0][0].set("descr", element.alt)
        table = frame.table
        table.first_row, table.horz_banding = True, False
        for c, w in enumerate(element.widths):
            table.columns[c].width = emu(w)
        for r, h in enumerate(element.heights):
            table.rows[r].height = emu(h)
        for r, row in enumerate(element.rows):
            for c, spec in enumerate(row):
                cell = table.cell(r, c)
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(spec.fill)
                cell.margin_left = cell.margin_right = emu(element.pad)
                cell.margin_top = cell.margin_bottom = emu(element.pad_v)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE  # centred, as the deck writes cells
                self.paras(slide, cell.text_frame, spec.paras)
        return frame

    def chart(self, slide, element) -> None:
        b = element.box
        data = CategoryChartData(number_format=element.chart.number_format or "General")
        order = charts.drawn_order(element.chart)  # bar charts are written last first
        data.categories = order([_text.plain(c) for c in element.chart.categories])
        for series in order(list(element.chart.series)):
            data.add_series(_text.plain(series.name), order(list(series.values)))
        frame = slide.shapes.add_chart(charts.TYPES[element.chart.type], emu(b.x), emu(b.y),
                                       emu(b.w), emu(b.h), data)
        frame._element[0][0].set("descr", element.alt)
        chart = frame.chart
        charts._style(chart, element)
        charts._positive_axis_ids(chart._chartSpace)
        workbook = chart.part.chart_workbook
        stamp = self.when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        src, out = zipfile.ZipFile(io.BytesIO(workbook.xlsx_part.blob)), io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                blob = src.read(info)
                if info.filename == "docProps/core.xml":
                    blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                                  rb"\g<1>" + stamp, blob)
                dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                             blob, zipfile.ZIP_DEFLATED)
        workbook.update_from_xlsx_blob(out.getvalue())
        return frame

    def picture(self, slide, element) -> None:
        b = element.box
        pic = slide.shapes.add_picture(element.path, emu(b.x), emu(b.y))
        scale = min(emu(b.w) / pic.width, emu(b.h) / pic.height)
        w, h = int(pic.width * scale), int(pic.height * scale)
        pic.width, pic.height = Emu(w), Emu(h)
        pic.left = Emu(emu(b.x) + (emu(b.w) - w if element.align == "right" else
                                   (emu(b.w) - w) // 2 if element.align == "center" else 0))
        pic.top = Emu(emu(b.y) + (emu(b.h) - h) // 2)
        pic._element.nvPicPr.cNvPr.set("descr", element.alt)
        return pic

    def app_properties(self) -> None:
        part = self.prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
        words, paras = writer._counts(self.plan)
        n = len(self.plan.slides)
        part._blob = package.app_xml(part.blob, {
            "Slides": n, "Notes": n, "HiddenSlides": 0, "Words": words, "Paragraphs": paras,
            "PresentationFormat": writer.FORMATS.get(writer._shape(self.plan) or "", "Custom")})

    def properties(self) -> None:
        meta, props = self.outline.meta, self.prs.core_properties
        props.title = writer._property(_text.plain(meta.title))
        props.subject = writer._property(meta.subtitle or "")
        props.author = writer._property(meta.author or meta.organisation or "")
        props.last_modified_by = writer._property(meta.author or meta.organisation or "")
        props.language = meta.language
        props.keywords = props.comments = props.category = ""
        props.created = props.modified = props.last_printed = self.when
        props.revision = 1


def _pieces(runs) -> list[tuple]:
    """Return (run, text, after a line break) for each piece of ``runs`` between the line
    breaks (vertical tabs) the planner placed."""
    return [(run, piece, k > 0) for run in runs
            for k, piece in enumerate(run.text.split("\v"))]


def _inherited(slide, shape) -> tuple:
    """Return what the layout placeholder ``shape`` was cloned from gives its text at each
    list level (found by placeholder type and index, as the writer finds it)."""
    def key(el):
        ph = el.find(f"{slidexml.PML.nvSpPr}/{slidexml.PML.nvPr}/{slidexml.PML.ph}")
        return (ph.get("type"), ph.get("idx"))

    layout = slide.slide_layout
    source = next((ph._element for ph in layout.placeholders
                   if key(ph._element) == key(shape._element)), shape._element)
    return slidexml.inherited_levels(source, layout.slide_master._element)


def restamp(path: Path, when: _dt.datetime) -> None:
    """Rewrite the zip python-pptx saved at ``path`` as the deck's zip writer writes it."""
    with zipfile.ZipFile(path) as src:
        entries = [(i.filename, src.read(i)) for i in src.infolist()]
    entries.sort(key=lambda e: e[0] != zipwriter.CONTENT_TYPES_NAME)
    out = zipwriter.StampedZip(path, when)
    for name, data in entries:
        out.write("/" + name, data)
    out.close()


def both(outline_path: Path, folder: Path, aspect: str = "16:9") -> tuple[bytes, bytes]:
    """Return (the fast writer's deck, the reference writer's deck) for one outline."""
    loaded = _loader.load(outline_path)
    options = BuildOptions(timestamp=WHEN, aspect=aspect)
    fast = folder / "fast.pptx"
    DeckBuilder().build(loaded.outline, fast, options)
    assert zipwriter.is_stamped(fast, WHEN)
    slow = folder / "reference.pptx"
    plan = DeckBuilder().plan(loaded.outline, options)
    ReferenceWriter(plan, loaded.outline, options).write(slow)
    return fast.read_bytes(), slow.read_bytes()


def differences(fast: bytes, slow: bytes) -> list[str]:
    """Return the zip members that differ, for a readable failure."""
    a, b = zipfile.ZipFile(io.BytesIO(fast)), zipfile.ZipFile(io.BytesIO(slow))
    if a.namelist() != b.namelist():
        return [f"members: {sorted(set(a.namelist()) ^ set(b.namelist()))}"]
    return [n for n in a.namelist() if a.read(n) != b.read(n)]


def synthetic(folder: Path, slides: int) -> Path:
    """Write the benchmark's synthetic outline of ``slides`` slides into ``folder``."""
    bench = bench_module()
    bench._png(folder / "picture.png")
    target = folder / f"synthetic-{slides}.yaml"
    target.write_text(bench.synthetic_outline(slides, "picture.png"), encoding="utf-8")
    return target


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_all_kinds_deck_is_the_deck_python_pptx_writes(tmp_path, aspect) -> None:
    shutil.copy(FIXTURES / "deck_all_kinds.yaml", tmp_path / "deck_all_kinds.yaml")
    make_image(tmp_path / "deck_image.png")
    fast, slow = both(tmp_path / "deck_all_kinds.yaml", tmp_path, aspect)
    assert differences(fast, slow) == []
    assert fast == slow


def test_template_deck_is_the_deck_python_pptx_writes(tmp_path) -> None:
    make_template(tmp_path / "brand.potx", examples=2,
                  rename={"Title and Content": "Content", "Two Content": "Split"},
                  order=["Blank", "Title Only"])
    fast, slow = both(outline_on(tmp_path, "brand.potx"), tmp_path)
    assert differences(fast, slow) == []
    assert fast == slow


def test_synthetic_deck_is_the_deck_python_pptx_writes(tmp_path) -> None:
    fast, slow = both(synthetic(tmp_path, 40), tmp_path)
    assert differences(fast, slow) == []
    assert fast == slow


def xpath_queries(tmp_path: Path, slides: int, monkeypatch) -> int:
    """Return how many python-pptx XPath queries writing a bullets-only deck makes."""
    lines = ["meta: {title: Queries, footer: F}", "sections:", "  - title: One", "    slides:"]
    for n in range(slides):
        lines += [f"      - {{kind: bullets, title: Slide {n}, notes: n, "
                  f"bullets: [One point {n}, Two points]}}"]
    path = tmp_path / f"q{slides}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = _loader.load(path)
    plan = DeckBuilder().plan(loaded.outline, BuildOptions(timestamp=WHEN))
    count = 0
    original = BaseOxmlElement.xpath

    def counted(self, xpath_str):
        nonlocal count
        count += 1
        return original(self, xpath_str)

    with monkeypatch.context() as patch:
        patch.setattr(BaseOxmlElement, "xpath", counted)
        writer.write(plan, loaded.outline, tmp_path / f"q{slides}.pptx",
                     BuildOptions(timestamp=WHEN))
    return count


def test_writing_a_slide_makes_no_python_pptx_queries(tmp_path, monkeypatch) -> None:
    """Slides cost the same however many came before: no query scales with the deck."""
    assert xpath_queries(tmp_path, 10, monkeypatch) == xpath_queries(tmp_path, 40, monkeypatch)
