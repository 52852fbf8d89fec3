"""The thin writing step: a DeckPlan becomes a .pptx file through python-pptx."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .. import brand as _brand
from .. import templates
from .. import text as _text
from ..errors import BuildError
from ..model import Outline
from ..report import BuildOptions
from . import charts, sections, template, theme
from .elements import (
    ChartFrame,
    DeckPlan,
    Para,
    Picture,
    Shape,
    SlidePlan,
    TableGrid,
    TextBox,
)
from .layout import BULLET_INDENT
from .package import IndexedPackage

ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
ROLE_NAMES = {"footer": "Footer", "number": "Slide Number", "footnote": "Source Note",
              "caption": "Caption"}


def emu(points: float) -> Emu:
    """Return ``points`` as EMU, rounded to a whole number."""
    return Emu(int(round(points * 12700)))


def _rgb(hexstr: str) -> RGBColor:
    return RGBColor.from_string(hexstr.lstrip("#").upper())


class _Writer:
    """Writes one deck: slides in order, then agenda links, sections and properties."""

    def __init__(self, plan: DeckPlan, outline: Outline, options: BuildOptions):
        self.plan = plan
        self.outline = outline
        self.options = options
        self.template_path = outline.brand.template
        self.prs = template.open_presentation(self.template_path)
        self.prs.slide_width = emu(plan.width)
        self.prs.slide_height = emu(plan.height)
        self.contract = templates.read(self.template_path or templates.default_path())
        self.layouts = {layout.name: layout for master in self.prs.slide_masters
                        for layout in master.slide_layouts}
        theme.apply(self.prs, outline.brand, whole=self.template_path is None)
        self.package = IndexedPackage(self.prs)
        self.anchors: dict[str, object] = {}
        self.jumps: list[tuple[object, object, str]] = []
        self.language = outline.meta.language

    def write(self, path: Path) -> int:
        total = len(self.plan.slides)
        for n, slide_plan in enumerate(self.plan.slides, 1):
            self._slide(slide_plan)
            if callable(self.options.progress):
                self.options.progress(n, total)
        self._link()
        if self.template_path is None:
            self._drop_unused_layouts()
        ids = [s.slide_id for s in self.prs.slides]
        sections.write(self.prs.part._element,
                       [(name, [ids[i] for i in idx]) for name, idx in self.plan.sections])
        self._properties()
        self.prs.save(str(path))
        return total

    # --- slides -------------------------------------------------------------------

    def _layout(self, plan: SlidePlan):
        """Return the layout ``plan`` is built on, by the template contract."""
        placement = templates.place(self.contract, plan.kind, plan.requested)
        if placement.layout is None:
            raise BuildError(f"the template has no layout for a {plan.kind} slide "
                             f"({', '.join(placement.missing)}); run 'deckgen check-template'")
        return self.layouts[placement.layout]

    def _slide(self, plan: SlidePlan) -> None:
        slide = self.package.add_slide(self._layout(plan))
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = _rgb(plan.background)
        slots = template.slots(slide)
        used: set[int] = set()
        for element in plan.elements:
            if isinstance(element, TextBox):
                shape = slots.get(element.placeholder) if element.placeholder is not None \
                    else None
                if shape is not None:
                    used.add(shape.placeholder_format.idx)
                self._text(slide, element, shape)
            elif isinstance(element, Shape):
                self._shape(slide, element)
            elif isinstance(element, TableGrid):
                self._table(slide, element)
            elif isinstance(element, ChartFrame):
                charts.add(slide.shapes, element, emu, self._when)
            elif isinstance(element, Picture):
                self._picture(slide, element)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.idx not in used:
                ph._element.getparent().remove(ph._element)
        slide.notes_slide.notes_text_frame.text = plan.notes
        if plan.anchor:
            self.anchors[plan.anchor] = slide

    def _text(self, slide, element: TextBox, shape=None) -> None:
        """Write ``element`` into placeholder ``shape``, or into a new text box without one."""
        b = element.box
        if shape is not None:
            shape.left, shape.top, shape.width, shape.height = (emu(b.x), emu(b.y), emu(b.w),
                                                                emu(b.h))
        else:
            shape = slide.shapes.add_textbox(emu(b.x), emu(b.y), emu(b.w), emu(b.h))
            shape.name = f"{ROLE_NAMES.get(element.role, element.role.title())} {shape.shape_id}"
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = ANCHOR[element.anchor]
        self._paras(slide, frame, element.paras)

    def _paras(self, slide, frame, paras: tuple[Para, ...]) -> None:
        frame.clear()
        for k, para in enumerate(paras):
            p = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            self._para(slide, p, para)

    def _para(self, slide, p, para: Para) -> None:
        p.alignment = ALIGN[para.align]
        p.line_spacing = Pt(para.size * _brand.LINE_SPACING)
        p.space_before = Pt(para.space_before)
        p.space_after = Pt(0)
        p_pr = p._p.get_or_add_pPr()
        hang = BULLET_INDENT * para.size if para.bullet else 0.0
        p_pr.set("marL", str(emu(para.indent)))
        p_pr.set("indent", str(-emu(hang)))
        for tag in ("a:buFont", "a:buChar", "a:buNone", "a:buAutoNum"):
            for old in p_pr.findall(qn(tag)):
                p_pr.remove(old)
        if para.bullet:
            etree.SubElement(p_pr, qn("a:buFont")).set("typeface", para.font)
            etree.SubElement(p_pr, qn("a:buChar")).set("char", para.bullet)
        else:
            etree.SubElement(p_pr, qn("a:buNone"))
        for run in para.runs:
            self._run(slide, p, run, para)
        end = p._p.get_or_add_endParaRPr()
        end.set("sz", str(int(round(para.size * 100))))
        end.set("lang", self.language)

    def _run(self, slide, p, run: _text.Run, para: Para) -> None:
        r = p.add_run()
        r.text = run.text
        font = r.font
        font.name = para.font
        font.size = Pt(para.size)
        font.bold = run.bold or para.bold
        font.italic = run.italic or para.italic
        font.color.rgb = _rgb(para.colour)
        r_pr = r._r.get_or_add_rPr()
        r_pr.set("lang", self.language)
        r_pr.set("cap", "none")
        if run.link:
            r.hyperlink.address = run.link
        if para.jump:
            r_pr.set("u", "none")  # an agenda entry reads as text; the theme colours it
            self.jumps.append((slide, r, para.jump))

    def _shape(self, slide, element: Shape) -> None:
        b = element.box
        kind = MSO_SHAPE.OVAL if element.kind == "oval" else MSO_SHAPE.RECTANGLE
        shape = slide.shapes.add_shape(kind, emu(b.x), emu(b.y), emu(b.w), emu(b.h))
        style = shape._element.find(qn("p:style"))
        if style is not None:
            shape._element.remove(style)
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(element.fill)
        shape.line.fill.background()

    def _table(self, slide, element: TableGrid) -> None:
        b = element.box
        rows, cols = len(element.rows), len(element.widths)
        graphic = slide.shapes.add_table(rows, cols, emu(b.x), emu(b.y), emu(b.w), emu(b.h))
        table = graphic.table
        table.first_row = True
        table.horz_banding = False
        for c, w in enumerate(element.widths):
            table.columns[c].width = emu(w)
        for r, h in enumerate(element.heights):
            table.rows[r].height = emu(h)
        for r, row in enumerate(element.rows):
            for c, spec in enumerate(row):
                cell = table.cell(r, c)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(spec.fill)
                cell.margin_left = cell.margin_right = emu(element.pad)
                cell.margin_top = cell.margin_bottom = emu(4)
                cell.vertical_anchor = MSO_ANCHOR.TOP
                self._paras(slide, cell.text_frame, spec.paras)

    def _picture(self, slide, element: Picture) -> None:
        b = element.box
        pic = slide.shapes.add_picture(element.path, emu(b.x), emu(b.y))
        scale = min(emu(b.w) / pic.width, emu(b.h) / pic.height)
        w, h = int(pic.width * scale), int(pic.height * scale)
        pic.width, pic.height = Emu(w), Emu(h)
        left = emu(b.x) + (emu(b.w) - w if element.align == "right" else
                           (emu(b.w) - w) // 2 if element.align == "center" else 0)
        pic.left = Emu(left)
        pic.top = Emu(emu(b.y) + (emu(b.h) - h) // 2)
        pic._element.nvPicPr.cNvPr.set("descr", element.alt)

    # --- deck-wide ------------------------------------------------------------------

    def _link(self) -> None:
        """Make every agenda entry jump to its section's first slide."""
        for slide, run, anchor in self.jumps:
            target = self.anchors.get(anchor)
            if target is None:
                continue
            r_id = slide.part.relate_to(target.part, RT.SLIDE)
            link = run._r.get_or_add_rPr().add_hlinkClick(r_id)
            link.set("action", "ppaction://hlinksldjump")

    def _drop_unused_layouts(self) -> None:
        """Remove the built-in layouts no slide uses, so the deck carries only what it needs."""
        used = {id(slide.slide_layout) for slide in self.prs.slides}
        for master in self.prs.slide_masters:
            for layout in list(master.slide_layouts):
                if id(layout) not in used:
                    master.slide_layouts.remove(layout)

    @property
    def _when(self) -> _dt.datetime:
        when = self.options.timestamp
        if when.tzinfo is not None:
            when = when.astimezone(_dt.UTC).replace(tzinfo=None)
        return when

    def _properties(self) -> None:
        meta = self.outline.meta
        props = self.prs.core_properties
        props.title = _property(_text.plain(meta.title))
        props.subject = _property(meta.subtitle or "")
        props.author = _property(meta.author or meta.organisation or "")
        props.last_modified_by = _property(meta.author or meta.organisation or "")
        props.language = meta.language
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.created = props.modified = props.last_printed = self._when
        props.revision = 1


def _property(value: str) -> str:
    """Return ``value`` cut to the 255 characters a document property may hold."""
    return value if len(value) <= 255 else value[:254] + "…"


def write(plan: DeckPlan, outline: Outline, path: Path, options: BuildOptions) -> int:
    """Write ``plan`` to ``path`` as a .pptx; return the number of slides."""
    return _Writer(plan, outline, options).write(Path(path))
