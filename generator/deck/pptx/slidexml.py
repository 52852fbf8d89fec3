"""Slide XML built directly with lxml: text bodies, shapes, tables, pictures and frames.

The writer used to reach this XML through python-pptx's shape and text proxies, which cost
thousands of XPath look-ups per slide. These builders make the same elements, in the same
schema order, straight from the plan: every child is appended in the order the DrawingML and
PresentationML schemas require (``a:rPr``: solidFill, latin, hlinkClick; ``a:pPr``: lnSpc,
spcBef, spcAft, buFont, buChar or buNone), and all text passes through lxml, which escapes it.
Nothing here knows about parts or relationships: callers pass relationship ids in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from ... import brand as _brand
from ..elements import Para, Shape, TableGrid, TextBox
from ..notes import blocks as notes_blocks

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NSMAP = {"a": A, "p": P, "r": R}
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
"""PowerPoint's default table style ("Medium Style 2 - Accent 1")."""
SLIDE_JUMP = "ppaction://hlinksldjump"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The extension PowerPoint writes in a shape's ``p:cNvPr`` to mark it decorative."""
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
FIELD_IDS = {"slidenum": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"}
"""Field type -> the field id written for it (PowerPoint's own slide-number field id)."""
BULLET_FONT = "Arial"
"""The typeface of bullet characters, as PowerPoint's own templates set it: every program has
it, and its bullet sits inside the first line of any body font."""
PLACEHOLDER_OF_ROLE = {"footer": "ftr", "number": "sldNum"}
"""Text role -> the type of the layout placeholder that holds it. The layouts' date
placeholders stay on the layouts, for Header & Footer to show when asked."""

ALIGN = {"left": "l", "right": "r", "center": "ctr"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
PRESET = {"rect": ("Rectangle", "rect"), "line": ("Rectangle", "rect"),
          "oval": ("Oval", "ellipse")}
"""Shape kind -> (name stem, preset geometry)."""
ROLE_NAMES = {"footer": "Footer", "number": "Slide Number", "footnote": "Source Note",
              "caption": "Caption"}

_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")


class _Names:
    """Clark names in one namespace, spelled as attributes: ``DML.rPr`` is '{...main}rPr'."""

    def __init__(self, uri: str):
        self._uri = uri

    def __getattr__(self, name: str) -> str:
        value = f"{{{self._uri}}}{name}"
        setattr(self, name, value)  # found in the instance from now on
        return value


DML, PML, REL, CHART = _Names(A), _Names(P), _Names(R), _Names(C)
"""DrawingML, PresentationML, relationship and chart element and attribute names."""
R_ID = REL.id


_SE = etree.SubElement


def emu(points: float) -> int:
    """Return ``points`` as EMU, rounded to a whole number."""
    return int(round(points * 12700))


@lru_cache(maxsize=512)
def centipoints(points: float) -> str:
    """Return ``points`` in hundredths of a point as python-pptx writes them (``Pt`` floored)."""
    return str(int(points * 12700) // 127)


def clean(text: str) -> str:
    """Return ``text`` with each control character but tab and newline written as _xHHHH_."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def _xfrm(parent, tag: str, x: int, y: int, cx: int, cy: int) -> None:
    xfrm = _SE(parent, tag)
    _SE(xfrm, DML.off, x=str(x), y=str(y))
    _SE(xfrm, DML.ext, cx=str(cx), cy=str(cy))


def _solid(parent, colour: str) -> None:
    _SE(_SE(parent, DML.solidFill), DML.srgbClr, val=colour.lstrip("#").upper())


# --- the slide ---------------------------------------------------------------------------


def slide(background: str):
    """Return a new ``p:sld`` with a solid ``background`` and an empty shape tree.

    The shape tree is ``result[0][1]`` (``p:sld/p:cSld/p:spTree``).
    """
    sld = etree.Element(PML.sld, nsmap=NSMAP)
    csld = _SE(sld, PML.cSld)
    bg_pr = _SE(_SE(csld, PML.bg), PML.bgPr)
    _solid(bg_pr, background)
    _SE(bg_pr, DML.effectLst)
    tree = _SE(csld, PML.spTree)
    nv = _SE(tree, PML.nvGrpSpPr)
    _SE(nv, PML.cNvPr, id="1", name="")
    _SE(nv, PML.cNvGrpSpPr)
    _SE(nv, PML.nvPr)
    _SE(tree, PML.grpSpPr)
    _SE(_SE(sld, PML.clrMapOvr), DML.masterClrMapping)
    return sld


def shape_tree(sld):
    """Return the ``p:spTree`` of a slide made by :func:`slide`."""
    return sld[0][1]


# --- prototypes ---------------------------------------------------------------------------


class Prototypes:
    """The elements a deck's slides are made of, each built once per style and then copied.

    Copying a prebuilt subtree and setting the few values that differ (ids, positions, text)
    costs a fraction of building the same elements one by one. Every prototype is made here
    with the children and attributes in the order the schema (and python-pptx) write them.
    """

    def __init__(self, language: str):
        self.language = language
        self._paras: dict[tuple, etree._Element] = {}
        self._runs: dict[tuple, etree._Element] = {}
        self._ends: dict[float, etree._Element] = {}
        self._shapes: dict[tuple[str, str], etree._Element] = {}
        self._cells: dict[tuple[str, str, str], etree._Element] = {}
        self._bodies: dict[str, etree._Element] = {}
        self.text_box = self._text_box()
        self.xfrm = self._xfrm()

    def para(self, para: Para, inherited: Inherited | None = None):
        """Return a new ``a:p`` holding the ``a:pPr`` of ``para`` (alignment, spacing, bullet).

        ``inherited`` is what the placeholder's list style gives a paragraph of that level
        (``inherited_levels``): a property equal to it is left to the style, so a paragraph
        the master styles fully is written as its level alone (``lvl="1"``) and takes the
        master's indent and bullet when a presenter changes its level.
        """
        hang = para.hanging
        bullet_font = para.bullet_font or BULLET_FONT
        key = (para.align, para.indent, hang, para.size, para.space_before, para.bullet,
               bullet_font if para.bullet else None, para.level, para.label is not None,
               tuple(sorted(inherited.items())) if inherited else None)
        proto = self._paras.get(key)
        if proto is None:
            base = inherited or {}
            proto = etree.Element(DML.p)
            attrs = {"algn": ALIGN[para.align], "marL": str(emu(para.indent)),
                     "indent": str(-emu(hang))}
            if base.get("marL") == attrs["marL"] and base.get("indent") == attrs["indent"]:
                del attrs["marL"], attrs["indent"]  # the two make one indent: both or none
            if base.get("algn") == attrs["algn"]:
                del attrs["algn"]
            p_pr = _SE(proto, DML.pPr, attrs)
            if para.level:
                p_pr.set("lvl", str(para.level))
            for tag, value in ((DML.lnSpc, centipoints(para.size * _brand.LINE_SPACING)),
                               (DML.spcBef, centipoints(para.space_before)),
                               (DML.spcAft, "0")):
                if base.get(tag) != value:
                    _SE(_SE(p_pr, tag), DML.spcPts, val=value)
            bullet = f"{bullet_font}|{para.bullet}" if para.bullet else "none"
            if base.get("bullet") != bullet:
                if para.bullet:
                    _SE(p_pr, DML.buFont, typeface=bullet_font)
                    _SE(p_pr, DML.buChar, char=para.bullet)
                else:
                    _SE(p_pr, DML.buNone)
            if para.label is not None:  # the label's tab reaches the text's indent
                _SE(_SE(p_pr, DML.tabLst), DML.tab, pos=str(emu(para.indent)), algn="l")
            if not len(p_pr) and not p_pr.attrib:
                proto.remove(p_pr)
            self._paras[key] = proto
        return proto.__copy__()

    def run(self, para: Para, bold: bool, italic: bool):
        """Return a new ``a:r`` with the run properties of ``para`` and an empty ``a:t``."""
        key = (para.size, bold, italic, para.colour, para.font, bool(para.jump))
        proto = self._runs.get(key)
        if proto is None:
            proto = etree.Element(DML.r)
            attrs = {"sz": centipoints(para.size), "b": "1" if bold else "0",
                     "i": "1" if italic else "0", "lang": self.language, "cap": "none"}
            if para.jump:
                attrs["u"] = "none"  # an agenda entry reads as text; the theme colours it
            r_pr = _SE(proto, DML.rPr, attrs)
            _solid(r_pr, para.colour)
            _SE(r_pr, DML.latin, typeface=_brand.family_name(para.font))
            _SE(proto, DML.t)
            self._runs[key] = proto
        return proto.__copy__()

    def end(self, size: float):
        """Return a new ``a:endParaRPr`` for a paragraph at ``size``."""
        proto = self._ends.get(size)
        if proto is None:
            proto = self._ends[size] = etree.Element(
                DML.endParaRPr, sz=str(int(round(size * 100))), lang=self.language)
        return proto.__copy__()

    def body_pr(self, anchor: str):
        """Return a new ``a:bodyPr``: wrapped, no insets, no autofit, anchored at ``anchor``."""
        proto = self._bodies.get(anchor)
        if proto is None:
            proto = self._bodies[anchor] = etree.Element(
                DML.bodyPr, wrap="square", lIns="0", rIns="0", tIns="0", bIns="0",
                anchor=ANCHOR[anchor])
            _SE(proto, DML.noAutofit)
        return proto.__copy__()

    def shape(self, kind: str, fill: str):
        """Return a new filled ``p:sp`` of preset ``kind`` without outline or text."""
        proto = self._shapes.get((kind, fill))
        if proto is None:
            preset = PRESET[kind][1]
            proto = etree.Element(PML.sp)
            nv = _SE(proto, PML.nvSpPr)
            _SE(nv, PML.cNvPr, id="0", name="")
            _SE(nv, PML.cNvSpPr)
            _SE(nv, PML.nvPr)
            sp_pr = _SE(proto, PML.spPr)
            _xfrm(sp_pr, DML.xfrm, 0, 0, 0, 0)
            _SE(_SE(sp_pr, DML.prstGeom, prst=preset), DML.avLst)
            _solid(sp_pr, fill)
            _SE(_SE(sp_pr, DML.ln), DML.noFill)
            tx_body = _SE(proto, PML.txBody)
            _SE(tx_body, DML.bodyPr, rtlCol="0", anchor="ctr")
            _SE(tx_body, DML.lstStyle)
            _SE(_SE(tx_body, DML.p), DML.pPr, algn="ctr")
            self._shapes[(kind, fill)] = proto
        return proto.__copy__()

    def cell(self, fill: str, pad: str, pad_v: str):
        """Return a new ``a:tc``: an empty text body, margins, middle anchor and ``fill``."""
        proto = self._cells.get((fill, pad, pad_v))
        if proto is None:
            proto = etree.Element(DML.tc)
            tx_body = _SE(proto, DML.txBody)
            _SE(tx_body, DML.bodyPr)
            _SE(tx_body, DML.lstStyle)
            tc_pr = _SE(proto, DML.tcPr, marL=pad, marR=pad, marT=pad_v, marB=pad_v, anchor="ctr")
            _solid(tc_pr, fill)
            self._cells[(fill, pad, pad_v)] = proto
        return proto.__copy__()

    @staticmethod
    def _text_box():
        sp = etree.Element(PML.sp)
        nv = _SE(sp, PML.nvSpPr)
        _SE(nv, PML.cNvPr, id="0", name="")
        _SE(nv, PML.cNvSpPr, txBox="1")
        _SE(nv, PML.nvPr)
        sp_pr = _SE(sp, PML.spPr)
        _xfrm(sp_pr, DML.xfrm, 0, 0, 0, 0)
        _SE(_SE(sp_pr, DML.prstGeom, prst="rect"), DML.avLst)
        _SE(sp_pr, DML.noFill)
        tx_body = _SE(sp, PML.txBody)
        _SE(tx_body, DML.bodyPr)
        _SE(tx_body, DML.lstStyle)
        return sp

    @staticmethod
    def _xfrm():
        xfrm = etree.Element(DML.xfrm)
        _SE(xfrm, DML.off, x="0", y="0")
        _SE(xfrm, DML.ext, cx="0", cy="0")
        return xfrm


def _name(sp, shape_id: int, name: str) -> None:
    """Set the id and name of the first-child ``p:cNvPr`` of the shape ``sp``."""
    c_nv_pr = sp[0][0]
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)


def decorative(c_nv_pr) -> None:
    """Mark the shape of ``c_nv_pr`` decorative as PowerPoint does; screen readers skip it."""
    ext = _SE(_SE(c_nv_pr, DML.extLst), DML.ext, uri=DECORATIVE_URI)
    _SE(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")


def set_id(sp, shape_id: int) -> None:
    """Set the id of the shape ``sp`` (its first-child ``p:cNvPr``)."""
    sp[0][0].set("id", str(shape_id))


def _place(xfrm, box) -> None:
    """Set the offset and extent of ``xfrm`` (``a:off``, ``a:ext``) to ``box`` in EMU."""
    off, ext = xfrm[0], xfrm[1]
    off.set("x", str(emu(box.x)))
    off.set("y", str(emu(box.y)))
    ext.set("cx", str(emu(box.w)))
    ext.set("cy", str(emu(box.h)))


# --- text --------------------------------------------------------------------------------


Inherited = dict[str, str]
"""What a list style gives a paragraph of one level, as the writer would spell it: 'marL',
'indent', 'algn', the spacing elements (``DML.lnSpc`` ...) as centipoints, and 'bullet'
('<font>|<char>' or 'none'). A property no style sets is absent."""

LEVELS = 2
"""The list levels the deck writes: bullets and sub-bullets."""

_TITLE_TYPES = ("title", "ctrTitle")


def inherited_levels(layout_sp, master) -> tuple[Inherited, ...]:
    """Return what the text of the layout placeholder ``layout_sp`` inherits at each list
    level, from its own list style, the master's placeholder of its kind and the master's
    title or body text style, the nearest first (as PowerPoint resolves it)."""
    ph = layout_sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
    kind = ph.get("type", "obj") if ph is not None else "obj"
    title = kind in _TITLE_TYPES
    master_kind = "title" if title else "body" if kind in ("obj", "body", "subTitle") else kind
    chain = [layout_sp.find(f"{PML.txBody}/{DML.lstStyle}")]
    for sp in master.iter(PML.sp):
        mph = sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
        if mph is not None and mph.get("type", "obj") == master_kind:
            chain.append(sp.find(f"{PML.txBody}/{DML.lstStyle}"))
            break
    styles = master.find(PML.txStyles)
    if styles is not None:
        chain.append(styles.find(PML.titleStyle if title else PML.bodyStyle))
    return tuple(_level_style([c.find(getattr(DML, f"lvl{n}pPr")) for c in chain
                               if c is not None]) for n in range(1, LEVELS + 1))


def _level_style(chain: list) -> Inherited:
    out: Inherited = {}
    for p_pr in (p for p in chain if p is not None):
        for name in ("marL", "indent", "algn"):
            if name not in out and p_pr.get(name) is not None:
                out[name] = p_pr.get(name)
        for tag in (DML.lnSpc, DML.spcBef, DML.spcAft):
            spacing = p_pr.find(tag)
            if tag not in out and spacing is not None:
                points = spacing.find(DML.spcPts)
                out[tag] = points.get("val") if points is not None else "percent"
        if "bullet" not in out:
            if p_pr.find(DML.buFont) is not None and p_pr.find(DML.buChar) is None:
                out["bullet"] = "other"  # a font for a character set further up: kept
            elif p_pr.find(DML.buNone) is not None:
                out["bullet"] = "none"
            elif p_pr.find(DML.buChar) is not None:
                font = p_pr.find(DML.buFont)
                out["bullet"] = (f"{font.get('typeface') if font is not None else ''}|"
                                 f"{p_pr.find(DML.buChar).get('char')}")
            elif p_pr.find(DML.buAutoNum) is not None or p_pr.find(DML.buBlip) is not None:
                out["bullet"] = "other"
    return out


class TextWriter:
    """Writes paragraphs into text bodies: runs in the deck's language, links through ``link``.

    ``link(url)`` returns the relationship id of an external hyperlink. Runs of paragraphs
    that jump to a slide are collected in ``jumps`` as (``a:rPr``, anchor) for the writer
    to link once every slide exists.
    """

    def __init__(self, protos: Prototypes, link: Callable[[str], str]):
        self.protos = protos
        self.link = link
        self.jumps: list[tuple[object, str]] = []

    def frame(self, tx_body, element: TextBox,
              inherited: tuple[Inherited, ...] = ()) -> None:
        """Write ``element``'s frame settings and paragraphs into a ``p:txBody``.

        ``tx_body`` holds an empty ``a:bodyPr`` (and ``a:lstStyle``) and nothing else;
        ``inherited`` is what its list style gives each level (``inherited_levels``).
        """
        tx_body.replace(tx_body[0], self.protos.body_pr(element.anchor))
        self.paras(tx_body, element.paras, inherited)

    def paras(self, tx_body, paras: tuple[Para, ...],
              inherited: tuple[Inherited, ...] = ()) -> None:
        """Append one ``a:p`` per paragraph to ``tx_body``."""
        protos = self.protos
        for para in paras:
            p = protos.para(para, inherited[para.level] if para.level < len(inherited)
                            else None)
            if para.label:  # in the hanging indent, then a tab to the text (Para.label);
                for piece in (para.label, "\t"):  # not linked: LibreOffice drops a tab
                    r = protos.run(para, para.bold, para.italic)  # inside a link, and the
                    r[1].text = clean(piece)  # title is the entry's one link
                    p.append(r)
            for run in para.runs:
                for k, piece in enumerate(run.text.split("\v")):
                    r = protos.run(para, run.bold or para.bold, run.italic or para.italic)
                    if k:  # a line break the planner placed (see deck.fit.settle)
                        _SE(p, DML.br)
                    if not piece:
                        continue
                    r[1].text = clean(piece)
                    if para.field:
                        r.tag = DML.fld  # a:fld holds rPr and t as a:r does
                        r.set("id", FIELD_IDS[para.field])
                        r.set("type", para.field)
                    if run.link:
                        _SE(r[0], DML.hlinkClick, {R_ID: self.link(run.link)})
                    if para.jump:
                        self.jumps.append((r[0], para.jump))
                    p.append(r)
            p.append(protos.end(para.size))
            tx_body.append(p)


def jump(r_pr, r_id: str) -> None:
    """Make the run of ``r_pr`` jump to the slide related by ``r_id`` (replacing a link)."""
    link = r_pr[-1]
    if link.tag != DML.hlinkClick:
        link = _SE(r_pr, DML.hlinkClick)  # hlinkClick is the last child a run has here
    link.set(R_ID, r_id)
    link.set("action", SLIDE_JUMP)


def text_box(shape_id: int, element: TextBox, text: TextWriter):
    """Return a ``p:sp`` text box of ``element``, named by its role."""
    sp = text.protos.text_box.__copy__()
    _name(sp, shape_id, f"{ROLE_NAMES.get(element.role, element.role.title())} {shape_id}")
    _place(sp[1][0], element.box)
    text.frame(sp[2], element)
    return sp


def fill_placeholder(sp, element: TextBox, text: TextWriter,
                     inherited: tuple[Inherited, ...] = ()) -> None:
    """Position the cloned placeholder ``sp`` at ``element``'s box and write its text.

    ``sp`` is a fresh clone of a layout placeholder: ``p:nvSpPr``, an empty ``p:spPr`` and
    a ``p:txBody`` of an empty ``a:bodyPr``, ``a:lstStyle`` and one empty ``a:p``;
    ``inherited`` is what the placeholder's list style gives each level.
    """
    xfrm = text.protos.xfrm.__copy__()
    _place(xfrm, element.box)
    sp[1].append(xfrm)
    tx_body = sp[2]
    for child in list(tx_body)[2:]:
        tx_body.remove(child)
    text.frame(tx_body, element, inherited)


def chrome_placeholder(layout_sp, shape_id: int, element: TextBox, text: TextWriter):
    """Return a slide's footer, date or slide-number placeholder holding ``element``.

    ``layout_sp`` is the layout's placeholder of that type: the new shape keeps its
    placeholder reference (type and idx) so Header & Footer manages it, and takes
    ``element``'s box and text as a text box would. It is the shape python-pptx's
    ``clone_placeholder`` makes, filled.
    """
    sp = etree.Element(PML.sp)
    nv = _SE(sp, PML.nvSpPr)
    name = f"{ROLE_NAMES.get(element.role, element.role.title())} Placeholder {shape_id - 1}"
    _SE(nv, PML.cNvPr, id=str(shape_id), name=name)
    _SE(_SE(nv, PML.cNvSpPr), DML.spLocks, noGrp="1")
    nv_pr = _SE(nv, PML.nvPr)
    ph = layout_sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
    _SE(nv_pr, PML.ph, {k: ph.get(k) for k in ("type", "idx", "orient", "sz")
                        if ph.get(k) is not None})  # in python-pptx's order
    sp_pr = _SE(sp, PML.spPr)
    xfrm = text.protos.xfrm.__copy__()
    _place(xfrm, element.box)
    sp_pr.append(xfrm)
    tx_body = _SE(sp, PML.txBody)
    _SE(tx_body, DML.bodyPr)
    text.frame(tx_body, element)
    return sp


# --- shapes, tables, pictures, charts ----------------------------------------------------


def shape(shape_id: int, element: Shape, protos: Prototypes):
    """Return a ``p:sp`` of ``element``: a filled rectangle or oval without an outline."""
    sp = protos.shape(element.kind, element.fill)
    _name(sp, shape_id, f"{PRESET[element.kind][0]} {shape_id - 1}")
    if element.decorative:
        decorative(sp[0][0])
    _place(sp[1][0], element.box)
    return sp


def _graphic_frame(shape_id: int, name: str, x: int, y: int, cx: int, cy: int, uri: str,
                   alt: str = ""):
    """Return (a ``p:graphicFrame`` described by ``alt``, its ``a:graphicData`` of ``uri``)."""
    frame = etree.Element(PML.graphicFrame)
    nv = _SE(frame, PML.nvGraphicFramePr)
    c_nv_pr = _SE(nv, PML.cNvPr, id=str(shape_id), name=name)
    if alt:
        c_nv_pr.set("descr", clean(alt))
    _SE(_SE(nv, PML.cNvGraphicFramePr), DML.graphicFrameLocks, noGrp="1")
    _SE(nv, PML.nvPr)
    _xfrm(frame, PML.xfrm, x, y, cx, cy)
    data = _SE(_SE(frame, DML.graphic), DML.graphicData, uri=uri)
    return frame, data


def table(shape_id: int, element: TableGrid, text: TextWriter):
    """Return a ``p:graphicFrame`` holding ``element`` as a native table, header row first."""
    widths = [emu(w) for w in element.widths]
    heights = [emu(h) for h in element.heights]
    b = element.box
    frame, data = _graphic_frame(shape_id, f"Table {shape_id - 1}", emu(b.x), emu(b.y),
                                 sum(widths), sum(heights), TABLE_URI, element.alt)
    tbl = _SE(data, DML.tbl)
    _SE(_SE(tbl, DML.tblPr, firstRow="1"), DML.tableStyleId).text = TABLE_STYLE
    grid = _SE(tbl, DML.tblGrid)
    for w in widths:
        _SE(grid, DML.gridCol, w=str(w))
    pad, pad_v = str(emu(element.pad)), str(emu(element.pad_v))
    for row, h in zip(element.rows, heights, strict=True):
        tr = _SE(tbl, DML.tr, h=str(h))
        for cell in row:
            tc = text.protos.cell(cell.fill, pad, pad_v)
            text.paras(tc[0], cell.paras)
            tr.append(tc)
    return frame


def picture(shape_id: int, r_id: str, alt: str, x: int, y: int, cx: int, cy: int):
    """Return a ``p:pic`` of the image related by ``r_id``, with ``alt`` as its description."""
    pic = etree.Element(PML.pic)
    nv = _SE(pic, PML.nvPicPr)
    _SE(nv, PML.cNvPr, id=str(shape_id), name=f"Picture {shape_id - 1}", descr=clean(alt))
    _SE(_SE(nv, PML.cNvPicPr), DML.picLocks, noChangeAspect="1")
    _SE(nv, PML.nvPr)
    fill = _SE(pic, PML.blipFill)
    _SE(fill, DML.blip, {REL.embed: r_id})
    _SE(_SE(fill, DML.stretch), DML.fillRect)
    sp_pr = _SE(pic, PML.spPr)
    _xfrm(sp_pr, DML.xfrm, x, y, cx, cy)
    _SE(_SE(sp_pr, DML.prstGeom, prst="rect"), DML.avLst)
    return pic


def chart(shape_id: int, r_id: str, box, alt: str = ""):
    """Return a ``p:graphicFrame`` showing the chart part related by ``r_id`` at ``box``."""
    frame, data = _graphic_frame(shape_id, f"Chart {shape_id - 1}", emu(box.x), emu(box.y),
                                 emu(box.w), emu(box.h), C, alt)
    _SE(data, CHART.chart, {R_ID: r_id}, nsmap={"c": C})
    return frame


# --- notes -------------------------------------------------------------------------------


NOTES_INDENT = 171450
"""Hanging indent of a list item in the notes, in EMU (0.1875 in, as PowerPoint sets it)."""


class NotesPage:
    """A notes page made from a prototype: the notes master's slide image, body and number.

    ``prototype`` is a ``p:notes`` element with those placeholders cloned; ``body`` is the
    position of the body placeholder's ``p:txBody`` as child indexes from the root.
    """

    def __init__(self, prototype, body: tuple[int, ...], language: str = "en"):
        self.prototype = prototype
        self.body = body
        self.language = language

    def make(self, notes: str, link: Callable[[str], str] | None = None):
        """Return a new ``p:notes`` element holding ``notes`` (see :meth:`fill`)."""
        root = self.prototype.__copy__()
        self.fill(root, notes, link)
        return root

    def blank(self):
        """Return a new ``p:notes`` element with an empty body, to :meth:`fill` later."""
        return self.prototype.__copy__()

    def fill(self, root, notes: str, link: Callable[[str], str] | None = None) -> None:
        """Write ``notes`` into the body of ``root`` as real paragraphs.

        Each line is a paragraph and list items are bulleted paragraphs at their level
        (:func:`notes_blocks`); a vertical tab is a line break inside a paragraph. Inline
        markup is read as on slides: **bold**, *italic*, [links](url) (related through
        ``link(url)`` -> rId; without it, link text is plain), citation markers dropped.
        """
        from ..markup import runs as _runs

        tx_body = root
        for i in self.body:
            tx_body = tx_body[i]
        for p in tx_body.findall(DML.p):
            tx_body.remove(p)
        for level, value in notes_blocks(notes) or [(None, "")]:
            p = _SE(tx_body, DML.p)
            if level is not None:
                p_pr = _SE(p, DML.pPr, marL=str(NOTES_INDENT * (level + 1)),
                           indent=str(-NOTES_INDENT))
                if level:
                    p_pr.set("lvl", str(level))
                _SE(p_pr, DML.buFont, typeface="Arial")
                _SE(p_pr, DML.buChar, char="•")
            for k, piece in enumerate(value.split("\v")):
                if k:
                    _SE(p, DML.br)
                self._runs(p, _runs(piece), link)

    def _runs(self, p, runs, link) -> None:
        """Append an ``a:r`` to ``p`` for each of ``runs``: bold, italic, linked."""
        for run in runs:
            r = _SE(p, DML.r)
            r_pr = _SE(r, DML.rPr, lang=self.language)
            if run.bold:
                r_pr.set("b", "1")
            if run.italic:
                r_pr.set("i", "1")
            if run.link and link is not None:
                _SE(r_pr, DML.hlinkClick, {R_ID: link(run.link)})
            _SE(r, DML.t).text = clean(run.text)
