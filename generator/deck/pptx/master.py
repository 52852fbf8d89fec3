"""The bundled master and layouts laid out like the deck: its grid, type scale and colours.

Without a template the deck is built on python-pptx's own master, drawn for a 10 x 7.5 in
slide. ``fit`` redraws it for the deck: every placeholder of the master and of the layouts
the deck keeps sits where the planner puts that text on a generated slide (title, body,
columns, footer, slide number; the cover and dividers as the generated ones stack them),
the master's title and body styles carry the deck's sizes, colours, line spacing and
bullets (level 1 '•', level 2 '–' at the planner's indents: a bullet at the preferred size
is written with its level alone and takes them from here), and the title and section
layouts have the dark background. A slide a presenter adds from any layout then looks like
a generated one. A template's master is never touched.
"""

from __future__ import annotations

from lxml import etree

from ... import brand as _brand
from ...model import Brand
from .. import scale
from ..layout import (
    BULLET_INDENT,
    FIT_MARGIN,
    GUTTER,
    MARGIN_X,
    SUB_BULLET_INDENT,
    Box,
    Geometry,
)
from ..slides import generated
from .slidexml import DML, PML, centipoints, emu

DATE_W = 120.0
"""Width of the date placeholder, left of the slide number (shown only when asked for)."""
COVER_TOP = 0.34
"""The cover's and dividers' text starts this far down the slide, as the planner stacks it."""
DIVIDER_LABEL_H = 20 * _brand.LINE_SPACING / FIT_MARGIN + 2 + 8
"""Height of a divider's number label and the gap under it, as the planner stacks them."""
DARK_LAYOUTS = ("Title Slide", "Section Header")


def _lines(n: int, size: float) -> float:
    """Return the height the planner gives ``n`` lines at ``size`` in a stacked text block."""
    return n * size * _brand.LINE_SPACING / FIT_MARGIN + 2


def _title_colour(brand: Brand) -> str:
    p = brand.palette
    return p.secondary if _brand.contrast(p.secondary, p.background) >= _brand.AA_LARGE \
        else p.text


def boxes(geo: Geometry) -> dict[str, dict[str, Box]]:
    """Return layout name -> placeholder key -> box, keys being a type or 'type:idx'.

    The master's own boxes are under '' (title, body, dt, ftr, sldNum). The cover's and
    dividers' boxes are one line high (two for a divider's summary), stacked as the
    planner stacks a one-line title; the two columns fill the body as on a two-column
    slide without headings.
    """
    body = geo.body()
    left, right = body.columns(2, GUTTER * 1.5)
    width = geo.width * 0.78
    top = geo.height * COVER_TOP
    cover_title_h = _lines(1, generated.COVER_TITLE_PT)
    divider_title_h = _lines(1, generated.DIVIDER_TITLE_PT)
    number = geo.number
    chrome = {"dt": Box(number.x - GUTTER - DATE_W, number.y, DATE_W, number.h),
              "ftr": geo.footer, "sldNum": number}
    title_y = top + DIVIDER_LABEL_H
    return {
        "": {"title": geo.title, "body": body, **chrome},
        "Title Slide": {"ctrTitle": Box(MARGIN_X, top, width, cover_title_h),
                        "subTitle": Box(MARGIN_X, top + cover_title_h + 14, width,
                                        _lines(1, generated.COVER_SUB_PT))},
        "Title and Content": {"title": geo.title, "obj": body, "body": body},
        "Section Header": {"title": Box(MARGIN_X, title_y, width, divider_title_h),
                           "body": Box(MARGIN_X, title_y + divider_title_h + 16, width,
                                       _lines(2, scale.BODY_PT))},
        "Two Content": {"title": geo.title, "obj:1": left, "obj:2": right},
        "Title Only": {"title": geo.title},
    }


def fit(prs, geo: Geometry, brand: Brand) -> None:
    """Lay out the master and layouts of ``prs`` (python-pptx's own) for ``geo`` and ``brand``."""
    plan = boxes(geo)
    scale = geo.width / 720.0  # python-pptx's master is drawn for a 720 pt wide slide
    for master in prs.slide_masters:
        root = master._element
        _place_all(root, plan[""], scale)
        _styles(root, brand)
        for layout in master.slide_layouts:
            lay = layout._element
            _place_all(lay, {**plan[""], **plan.get(layout.name, {})}, scale)
            if layout.name in DARK_LAYOUTS:
                _dark(lay, brand)


def _key(ph) -> tuple[str, str]:
    kind = ph.get("type", "obj")
    return kind, f"{kind}:{ph.get('idx', '0')}"


def _place_all(root, plan: dict[str, Box], scale: float) -> None:
    """Give every placeholder of ``root`` its box from ``plan``, else scale it across."""
    for sp in root.iter(PML.sp):
        ph = sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
        if ph is None:
            continue
        kind, full = _key(ph)
        box = plan.get(full) or plan.get(kind)
        sp_pr = sp.find(PML.spPr)
        xfrm = sp_pr.find(DML.xfrm)
        if box is None:
            if xfrm is not None:
                _scale(xfrm, scale)
            continue
        if xfrm is None:
            xfrm = etree.Element(DML.xfrm)
            sp_pr.insert(0, xfrm)
            etree.SubElement(xfrm, DML.off)
            etree.SubElement(xfrm, DML.ext)
        xfrm[0].set("x", str(emu(box.x)))
        xfrm[0].set("y", str(emu(box.y)))
        xfrm[1].set("cx", str(emu(box.w)))
        xfrm[1].set("cy", str(emu(box.h)))
        _flush(sp, kind)


def _scale(xfrm, scale: float) -> None:
    off, ext = xfrm.find(DML.off), xfrm.find(DML.ext)
    if off is not None:
        off.set("x", str(round(int(off.get("x")) * scale)))
    if ext is not None:
        ext.set("cx", str(round(int(ext.get("cx")) * scale)))


def _flush(sp, kind: str) -> None:
    """Set the placeholder's text frame as the deck's: no insets, anchored as generated."""
    tx_body = sp.find(PML.txBody)
    if tx_body is None:
        return
    body_pr = tx_body.find(DML.bodyPr)
    if body_pr is None:
        body_pr = etree.Element(DML.bodyPr)
        tx_body.insert(0, body_pr)
    for side in ("lIns", "tIns", "rIns", "bIns"):
        body_pr.set(side, "0")
    body_pr.set("anchor", "b" if kind in ("dt", "ftr", "sldNum") else "t")
    for child in list(body_pr):
        if child.tag in (DML.normAutofit, DML.spAutoFit, DML.noAutofit):
            body_pr.remove(child)
    etree.SubElement(body_pr, DML.noAutofit)


def _level(style, n: int, *, size: float, colour: str, font: str, bold: bool = False,
           bullet: str | None = None, indent: float = 0.0, hang: float = 0.0,
           space_before: float = 0.0, align: str = "l") -> None:
    """Replace ``style``'s ``a:lvl{n}pPr`` with the deck's paragraph and run style."""
    tag = getattr(DML, f"lvl{n}pPr")
    old = style.find(tag)
    p_pr = etree.Element(tag, marL=str(emu(indent)), indent=str(-emu(hang)), algn=align,
                         rtl="0", eaLnBrk="1", latinLnBrk="0", hangingPunct="1")
    etree.SubElement(etree.SubElement(p_pr, DML.lnSpc), DML.spcPts,
                     val=centipoints(size * _brand.LINE_SPACING))
    etree.SubElement(etree.SubElement(p_pr, DML.spcBef), DML.spcPts,
                     val=centipoints(space_before))
    etree.SubElement(etree.SubElement(p_pr, DML.spcAft), DML.spcPts, val="0")
    if bullet:
        etree.SubElement(p_pr, DML.buFont, typeface="Arial")
        etree.SubElement(p_pr, DML.buChar, char=bullet)
    else:
        etree.SubElement(p_pr, DML.buNone)
    d = etree.SubElement(p_pr, DML.defRPr, sz=centipoints(size), b="1" if bold else "0",
                         kern="1200")
    etree.SubElement(etree.SubElement(d, DML.solidFill), DML.srgbClr,
                     val=colour.lstrip("#").upper())
    etree.SubElement(d, DML.latin, typeface=font)
    if old is not None:
        old.addprevious(p_pr)
        style.remove(old)
    else:
        style.append(p_pr)


def _styles(master, brand: Brand) -> None:
    """Write the deck's title, body and other text styles into the master's ``p:txStyles``."""
    styles = master.find(PML.txStyles)
    if styles is None:
        return
    p = brand.palette
    title = styles.find(PML.titleStyle)
    _level(title, 1, size=scale.TITLE_PT, colour=_title_colour(brand), font="+mj-lt",
           bold=True)
    body = styles.find(PML.bodyStyle)
    size, sub = scale.BODY_PT, scale.BODY_PT - scale.SUB_BULLET_DELTA_PT
    _level(body, 1, size=size, colour=p.text, font="+mn-lt", bullet="•",
           indent=BULLET_INDENT * size, hang=BULLET_INDENT * size, space_before=0.6 * size)
    _level(body, 2, size=sub, colour=p.text, font="+mn-lt", bullet="–",
           indent=SUB_BULLET_INDENT * size, hang=BULLET_INDENT * sub,
           space_before=0.25 * size)
    for sp in master.iter(PML.sp):
        ph = sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
        if ph is not None and ph.get("type") in ("dt", "ftr", "sldNum"):
            _chrome_style(sp, ph.get("type"), p.muted)


def _chrome_style(sp, kind: str, colour: str) -> None:
    """Style the master's date, footer or slide-number text as the deck's footer line."""
    lst = _empty_list_style(sp.find(PML.txBody))
    _level(lst, 1, size=scale.FOOTER_PT, colour=colour, font="+mn-lt",
           align="r" if kind == "sldNum" else "l")


def _empty_list_style(tx_body):
    """Return the placeholder text body's list style, made (after its bodyPr) if it has none,
    and emptied, for the deck's own levels."""
    lst = tx_body.find(DML.lstStyle)
    if lst is None:
        lst = etree.Element(DML.lstStyle)
        tx_body.find(DML.bodyPr).addnext(lst)
    for child in list(lst):
        lst.remove(child)
    return lst


def _dark(layout, brand: Brand) -> None:
    """Give ``layout`` the dark background and light text of the cover and dividers."""
    c_sld = layout.find(PML.cSld)
    old = c_sld.find(PML.bg)
    if old is not None:
        c_sld.remove(old)
    bg = etree.Element(PML.bg)
    bg_pr = etree.SubElement(bg, PML.bgPr)
    etree.SubElement(etree.SubElement(bg_pr, DML.solidFill), DML.srgbClr,
                     val=brand.palette.secondary.lstrip("#").upper())
    etree.SubElement(bg_pr, DML.effectLst)
    c_sld.insert(0, bg)
    light = _brand.on_colour(brand.palette.secondary, brand)
    for sp in layout.iter(PML.sp):
        ph = sp.find(f"{PML.nvSpPr}/{PML.nvPr}/{PML.ph}")
        if ph is None or ph.get("type") in ("dt", "ftr", "sldNum"):
            continue
        tx_body = sp.find(PML.txBody)
        if tx_body is None:
            continue
        lst = _empty_list_style(tx_body)
        kind = ph.get("type", "obj")
        if kind in ("title", "ctrTitle"):
            size = (generated.COVER_TITLE_PT if kind == "ctrTitle"
                    else generated.DIVIDER_TITLE_PT)
            _level(lst, 1, size=size, colour=light, font="+mj-lt", bold=True)
        else:
            size = generated.COVER_SUB_PT if kind == "subTitle" else scale.BODY_PT
            _level(lst, 1, size=size, colour=light, font="+mn-lt")
