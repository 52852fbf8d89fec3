"""The thin writing step: a DeckPlan becomes a .pptx file, slide XML written directly.

python-pptx opens the template (the bytes the loader already read), clones each layout's
placeholders once, and makes the chart parts; every slide and notes page is built as one
lxml tree (``slidexml``), added as a part at constant cost and kept as bytes once
finished, and the package is saved in one pass (``package``). No slide goes through
python-pptx's per-property proxies.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.slide import NotesSlide, Slide

from ... import text as _text
from ...errors import BuildError
from ...model import Outline
from ...report import BuildOptions
from .. import resize, template_reader
from ..contract import place
from ..elements import (
    ChartFrame,
    DeckPlan,
    Picture,
    Shape,
    SlidePlan,
    TableGrid,
    TextBox,
)
from ..layout import SLIDE_HEIGHT, WIDTHS, Geometry, geometry
from . import master as _master
from . import package, sections, slidexml, template, theme
from .slidexml import emu


@dataclass(frozen=True)
class _Prototype:
    """What every slide on one layout starts with: the layout's placeholders, cloned once.

    ``placeholders`` are the ``p:sp`` elements python-pptx clones onto a new slide, in
    order; ``slots`` maps deckgen's slot (0 the title, 1, 2 ... the bodies) to a position in
    that list; ``chrome`` maps a text role ('footer', 'number') to the layout's
    placeholder of that type, which python-pptx does not clone.
    """

    placeholders: tuple
    slots: dict[int, int]
    chrome: dict[str, object]
    inherited: tuple[tuple[slidexml.Inherited, ...], ...] = ()
    """For each of ``placeholders``, what its text inherits at each list level."""


def _prototype(layout) -> _Prototype:
    """Return the placeholders python-pptx would clone from ``layout``, and their slots."""
    scratch = Slide(CT_Slide.new(), None)  # type: ignore[arg-type]  # a proxy with no part, never saved
    scratch.shapes.clone_layout_placeholders(layout)
    tree = scratch.shapes._spTree
    elements = [el for el in tree.iterchildren() if el.tag == slidexml.PML.sp]
    slots = {n: elements.index(ph._element) for n, ph in template.slots(scratch).items()}
    chrome = {}
    types = {kind: role for role, kind in slidexml.PLACEHOLDER_OF_ROLE.items()}
    for sp in layout.shapes._spTree.iterchildren(slidexml.PML.sp):
        ph = sp.find(f"{slidexml.PML.nvSpPr}/{slidexml.PML.nvPr}/{slidexml.PML.ph}")
        role = types.get(ph.get("type")) if ph is not None else None
        if role and role not in chrome:
            chrome[role] = sp
    master = layout.slide_master._element
    by_ph = {_ph_key(sp): sp for sp in layout.shapes._spTree.iterchildren(slidexml.PML.sp)}
    inherited = tuple(slidexml.inherited_levels(by_ph.get(_ph_key(el), el), master)
                      for el in elements)
    return _Prototype(tuple(elements), slots, chrome, inherited)


def _ph_key(sp) -> tuple[str | None, str | None]:
    """Return the (type, idx) of the placeholder ``sp``, as a clone of it keeps them."""
    ph = sp.find(f"{slidexml.PML.nvSpPr}/{slidexml.PML.nvPr}/{slidexml.PML.ph}")
    return (None, None) if ph is None else (ph.get("type"), ph.get("idx"))


def reading_order(elements: list) -> list:
    """Return ``elements`` in reading order: the title first, then the rest as planned.

    Shapes drawn under the title (a band it sits on) stay before it, so the picture is
    unchanged; they are decorative, so a screen reader still starts at the title.
    """
    at = next((i for i, e in enumerate(elements)
               if isinstance(e, TextBox) and e.role == "title"), None)
    if at is None:
        return list(elements)
    title = elements[at]
    under = [e for e in elements[:at] if isinstance(e, Shape) and e.box.overlaps(title.box)]
    rest = [e for e in elements[:at] if not any(e is u for u in under)]
    return [*under, title, *rest, *elements[at + 1:]]


def _notes_page(notes_master, language: str) -> slidexml.NotesPage:
    """Return the notes page prototype cloned from ``notes_master`` as python-pptx clones it."""
    root = CT_NotesSlide.new()
    notes = NotesSlide(root, None)  # type: ignore[arg-type]  # a proxy with no part, never saved
    notes.clone_master_placeholders(notes_master)
    placeholder = notes.notes_placeholder
    if placeholder is None or placeholder._element.txBody is None:
        raise BuildError("the template's notes master has no notes body placeholder")
    body = placeholder._element.txBody
    path = []
    el = body
    while el is not root:
        parent = el.getparent()
        path.append(parent.index(el))
        el = parent
    return slidexml.NotesPage(root, tuple(reversed(path)), language)


class _Writer:
    """Writes one deck: slides in order, then agenda links, sections and properties."""

    def __init__(self, plan: DeckPlan, outline: Outline, options: BuildOptions,
                 parsed: template_reader.Template | None = None):
        self.plan = plan
        self.outline = outline
        self.options = options
        self.template_path = outline.brand.template
        self.contract = _template(self.template_path, parsed)
        self.prs = template.open_presentation(self.contract, own=self.template_path is None)
        self.plan = plan = _on_template_size(plan, self.contract, self.template_path is not None)
        self.prs.slide_width = emu(plan.width)
        self.prs.slide_height = emu(plan.height)
        _name_slide_size(self.prs)
        self.layouts = {layout.name: layout for master in self.prs.slide_masters
                        for layout in master.slide_layouts}
        theme.apply(self.prs, outline.brand, whole=self.template_path is None)
        if self.template_path is None:
            _master.fit(self.prs, _geometry(plan, outline), outline.brand)
        self.parts = package.IndexedPackage(self.prs)
        self.protos = slidexml.Prototypes(outline.meta.language)
        self.prototypes: dict[int, _Prototype] = {}
        self.placements: dict[tuple[str, str | None], object] = {}
        self.notes: slidexml.NotesPage | None = None
        self.images: dict[str, tuple[object, int, int]] = {}
        self.anchors: dict[str, package.FrozenSlidePart] = {}
        self.jumps: list[tuple[package.FrozenSlidePart, object, str]] = []
        self.linked: list[package.FrozenSlidePart] = []
        self.slide_ids: list[int] = []
        self.used_layouts: set[int] = set()

    def write(self, path: Path) -> int:
        total = len(self.plan.slides)
        for n, slide_plan in enumerate(self.plan.slides, 1):
            self._slide(slide_plan)
            if callable(self.options.progress):
                self.options.progress(n, total)
        self._link()
        if self.template_path is None:
            self._drop_unused_layouts()
        ids = self.slide_ids
        sections.write(self.prs.part._element,
                       [(name, [ids[i] for i in idx]) for name, idx in self.plan.sections])
        self._properties()
        self._app_properties()
        package.save(self.prs, path, self.options.timestamp)
        return total

    # --- slides -------------------------------------------------------------------

    def _layout(self, plan: SlidePlan):
        """Return the layout ``plan`` is built on, by the template contract."""
        key = (plan.kind, plan.requested)
        if key not in self.placements:
            placement = place(self.contract, plan.kind, plan.requested)
            if placement.layout is None:
                raise BuildError(f"the template has no layout for a {plan.kind} slide "
                                 f"({', '.join(placement.missing)}); run "
                                 "'deckgen check-template'")
            self.placements[key] = self.layouts[placement.layout]
        return self.placements[key]

    def _prototype(self, layout) -> _Prototype:
        proto = self.prototypes.get(id(layout))
        if proto is None:
            proto = self.prototypes[id(layout)] = _prototype(layout)
        return proto

    def _slide(self, plan: SlidePlan) -> None:
        """Add the slide of ``plan`` and its notes page; keep it as bytes unless it links."""
        layout = self._layout(plan)
        self.used_layouts.add(id(layout))
        sld = slidexml.slide(plan.background)
        part, slide_id = self.parts.add_slide_part(sld, layout.part)
        self.slide_ids.append(slide_id)
        text = slidexml.TextWriter(self.protos, _linker(part))
        self._shapes(slidexml.shape_tree(sld), self._prototype(layout), plan, part, text)
        self._notes(part, plan.notes)
        if text.jumps:
            self.jumps += [(part, r_pr, anchor) for r_pr, anchor in text.jumps]
            self.linked.append(part)
        else:
            part.freeze()
        if plan.anchor:
            self.anchors[plan.anchor] = part

    def _shapes(self, tree, proto: _Prototype, plan: SlidePlan, part, text) -> None:
        """Fill ``tree`` with the plan's elements in reading order (title first).

        Text the layout has a placeholder for goes in a copy of that placeholder (title
        and bodies by slot; footer, date and slide number by role); each placeholder is
        used once and those nothing fills are left out. Shape ids count up from 2.
        """
        used: set[object] = set()
        for shape_id, element in enumerate(reading_order(plan.elements), 2):
            if isinstance(element, TextBox):
                tree.append(self._text(element, proto, used, shape_id, text))
            elif isinstance(element, Shape):
                tree.append(slidexml.shape(shape_id, element, self.protos))
            elif isinstance(element, TableGrid):
                tree.append(slidexml.table(shape_id, element, text))
            elif isinstance(element, ChartFrame):
                tree.append(self._chart(part, shape_id, element))
            elif isinstance(element, Picture):
                tree.append(self._picture(part, shape_id, element))

    @staticmethod
    def _text(element: TextBox, proto: _Prototype, used: set, shape_id: int, text):
        """Return the shape of ``element``: a layout placeholder it fills, else a text box."""
        at = None if element.placeholder is None else proto.slots.get(element.placeholder)
        if at is not None and at not in used:
            used.add(at)
            sp = proto.placeholders[at].__copy__()
            slidexml.set_id(sp, shape_id)
            slidexml.fill_placeholder(sp, element, text, proto.inherited[at])
            return sp
        layout_sp = proto.chrome.get(element.role)
        if layout_sp is not None and element.role not in used:
            used.add(element.role)
            return slidexml.chrome_placeholder(layout_sp, shape_id, element, text)
        return slidexml.text_box(shape_id, element, text)

    def _notes(self, slide_part, notes: str) -> None:
        """Add the notes page of ``slide_part`` holding ``notes``."""
        master = self.prs.part.notes_master_part
        if self.notes is None:
            self.notes = _notes_page(master.notes_master, self.outline.meta.language)
        root = self.notes.blank()
        part = self.parts.add_notes_part(root, slide_part, master)
        self.notes.fill(root, notes, _linker(part))
        part.freeze()

    def _chart(self, part, shape_id: int, element: ChartFrame):
        """Return the graphic frame of a new native chart of ``element``."""
        from . import charts  # XlsxWriter is imported only for a deck with charts

        return slidexml.chart(shape_id, charts.add(part, element, self._when), element.box,
                              element.alt)

    def _picture(self, part, shape_id: int, element: Picture):
        """Return the ``p:pic`` of ``element``: its image scaled into the box, kept in shape."""
        image_part, w0, h0 = self._image(element.path)
        r_id = part.relate_to(image_part, RT.IMAGE)
        b = element.box
        scale = min(emu(b.w) / w0, emu(b.h) / h0)
        w, h = int(w0 * scale), int(h0 * scale)
        left = emu(b.x) + (emu(b.w) - w if element.align == "right" else
                           (emu(b.w) - w) // 2 if element.align == "center" else 0)
        top = emu(b.y) + (emu(b.h) - h) // 2
        return slidexml.picture(shape_id, r_id, element.alt, left, top, w, h)

    def _image(self, path: str) -> tuple[object, int, int]:
        """Return the image part of the file at ``path`` and its native size in EMU (cached)."""
        if path not in self.images:
            part = self.parts.package.get_or_add_image_part(path)
            w, h = part.scale(None, None)
            self.images[path] = (part, int(w), int(h))
        return self.images[path]

    # --- deck-wide ------------------------------------------------------------------

    def _link(self) -> None:
        """Make every agenda entry jump to its section's first slide."""
        for part, r_pr, anchor in self.jumps:
            target = self.anchors.get(anchor)
            if target is None:
                continue
            slidexml.jump(r_pr, part.relate_to(target, RT.SLIDE))
        for part in self.linked:
            part.freeze()

    def _drop_unused_layouts(self) -> None:
        """Remove the built-in layouts no slide uses, so the deck carries only what it needs."""
        for master in self.prs.slide_masters:
            listed = master.slide_layouts._sldLayoutIdLst
            for layout, entry in zip(list(master.slide_layouts), listed.sldLayoutId_lst,
                                     strict=True):
                if id(layout) not in self.used_layouts:
                    # as SlideLayouts.remove does, without scanning every slide for users
                    listed.remove(entry)
                    master.part.drop_rel(entry.rId)

    @property
    def _when(self) -> _dt.datetime:
        when = self.options.timestamp
        if when.tzinfo is not None:
            when = when.astimezone(_dt.UTC).replace(tzinfo=None)
        return when

    def _app_properties(self) -> None:
        """Write true counts into docProps/app.xml, when the template has one."""
        try:
            part = self.prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
        except KeyError:
            return
        words, paras = _counts(self.plan)
        values = {"Slides": len(self.plan.slides), "Notes": len(self.plan.slides),
                  "HiddenSlides": 0, "Words": words, "Paragraphs": paras,
                  "PresentationFormat": FORMATS.get(_shape(self.plan) or "", "Custom")}
        part._blob = package.app_xml(part.blob, values)

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


FORMATS = {"16:9": "On-screen Show (16:9)", "4:3": "On-screen Show (4:3)",
           "16:10": "On-screen Show (16:10)"}
"""Slide shape -> the presentation format app.xml names (else 'Custom')."""


_SIZE_NAMES = {(9144000, 6858000): "screen4x3", (9144000, 5143500): "screen16x9",
               (9144000, 5715000): "screen16x10"}
"""PowerPoint's named slide sizes (EMU); 13.33 x 7.5 in, its own 16:9 default, has no
name, and any other size is custom (no name either)."""


def _name_slide_size(prs) -> None:
    """Name the slide size as PowerPoint's Slide Size dialog knows it (python-pptx's
    default presentation says 4:3 whatever the size is set to)."""
    size = prs._element.sldSz
    name = _SIZE_NAMES.get((size.cx, size.cy))
    if name:
        size.set("type", name)
    elif "type" in size.attrib:
        del size.attrib["type"]


def _on_template_size(plan: DeckPlan, contract: template_reader.Template,
                      templated: bool) -> DeckPlan:
    """Return ``plan`` scaled to the template's own slide size when that has the plan's
    shape at another size (10 x 5.625 in for 16:9, say), so the template's master artwork
    stays where it was drawn; else ``plan`` itself (the slides take the plan's size)."""
    s = resize.factor(contract.size, plan.width, plan.height) if templated else 1.0
    return plan if s == 1.0 else resize.scaled(plan, s)


def _counts(plan: DeckPlan) -> tuple[int, int]:
    """Return (words, paragraphs) of the text on the slides, as app.xml counts them."""
    words = paras = 0
    for slide in plan.slides:
        for element in slide.elements:
            if isinstance(element, TextBox):
                groups = [element.paras]
            elif isinstance(element, TableGrid):
                groups = [cell.paras for row in element.rows for cell in row]
            else:
                continue
            for group in groups:
                for para in group:
                    text = para.text
                    if text.strip():
                        paras += 1
                        words += len(text.split())
    return words, paras


def _shape(plan: DeckPlan) -> str | None:
    """Return the name of ``plan``'s slide shape ('16:9', '4:3', '16:10'), or None."""
    return next((a for a, w in WIDTHS.items()
                 if resize.same_shape((w, SLIDE_HEIGHT), (plan.width, plan.height))), None)


def _geometry(plan: DeckPlan, outline: Outline) -> Geometry:
    """Return the planner's geometry of ``plan``'s slide size."""
    return geometry(_shape(plan) or "16:9", has_logo=bool(outline.brand.logo))


def _linker(part):
    """Return link(url) -> the rId of an external hyperlink from ``part`` to ``url``."""
    def link(url: str) -> str:
        return part.relate_to(url, RT.HYPERLINK, is_external=True)
    return link


def _property(value: str) -> str:
    """Return ``value`` cut to the 255 characters a document property may hold."""
    return value if len(value) <= 255 else value[:254] + "…"


def _template(path: str | None, parsed: template_reader.Template | None
              ) -> template_reader.Template:
    """Return the template the deck is built on: ``parsed`` (as the loader read it) when it
    is the brand's, else the file at ``path`` read now, else python-pptx's own (read once)."""
    if path is None:
        return template_reader.default()
    if parsed is not None and parsed.data and Path(parsed.path) == Path(path):
        return parsed
    try:
        return template_reader.read(path)
    except template_reader.TemplateProblem as exc:
        raise BuildError(f"{path}: cannot be used as a template: {exc}") from None


def write(plan: DeckPlan, outline: Outline, path: Path, options: BuildOptions) -> int:
    """Write ``plan`` to ``path`` as a .pptx; return the number of slides.

    The template is ``options.template`` when the loader read the brand's template (so the
    file is not read again), else it is read here. The python-pptx Presentation made on the
    way stays usable after the write (frozen slides are parsed again when read).
    """
    return _Writer(plan, outline, options, options.template).write(Path(path))
