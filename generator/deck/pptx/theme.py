"""The presentation's theme parts: brand colours and fonts written into a:clrScheme and fonts."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ... import brand as _brand
from ...model import Brand
from ...text import typeface

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme_parts(prs) -> list:
    """Return the theme part of every slide master of ``prs``, each once."""
    out: list = []
    for master in prs.slide_masters:
        part = master.part.part_related_by(RT.THEME)
        if all(part is not p for p in out):
            out.append(part)
    return out


def scheme(brand: Brand) -> dict[str, str]:
    """Return the theme colour slots (dk1 ... folHlink) filled from the brand, as RRGGBB."""
    p = brand.palette
    charts = _brand.chart_colours(brand)
    accents = [p.primary, p.accent, *[c for c in charts if c not in (p.primary, p.accent)]]
    accents = (accents + charts * 6)[:6]
    slots = {"dk1": p.text, "lt1": p.background, "dk2": p.secondary, "lt2": p.surface}
    slots.update({f"accent{i}": c for i, c in enumerate(accents, 1)})
    slots.update(links(brand))
    return {k: v.lstrip("#").upper() for k, v in slots.items()}


def links(brand: Brand) -> dict[str, str]:
    """Return the hyperlink slots: links read as body text, visited or not."""
    return {"hlink": brand.palette.text, "folHlink": brand.palette.text}


SCRIPT_FONTS = {("majorFont", "Jpan"): "游ゴシック Light", ("minorFont", "Jpan"): "游ゴシック",
                ("majorFont", "Hans"): "等线 Light", ("minorFont", "Hans"): "等线"}
"""The sans-serif faces Office's own theme has given Japanese and simplified Chinese text
since 2013 (Yu Gothic, DengXian), in place of the 2007 theme's MS P Gothic and SimSun: a
Japanese or Chinese run (its ``lang``) is set in them in PowerPoint, beside Arial-like
Latin text."""


def apply(prs, brand: Brand, *, whole: bool) -> None:
    """Write the brand into every theme of ``prs``: all colours and fonts when ``whole``,
    else only the hyperlink colours (a template keeps its own scheme)."""
    colours = scheme(brand) if whole else {k: v.lstrip("#").upper()
                                           for k, v in links(brand).items()}
    for part in theme_parts(prs):
        root = etree.fromstring(part.blob)
        _colours(root, colours)
        if whole:
            _fonts(root, *(_brand.family_name(typeface(brand.fonts, role))
                            for role in ("heading", "body")))
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)


def _colours(root, colours: dict[str, str]) -> None:
    clr = root.find(f"{{{A}}}themeElements/{{{A}}}clrScheme")
    if clr is None:
        return
    for name, value in colours.items():
        slot = clr.find(f"{{{A}}}{name}")
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr").set("val", value)


def _fonts(root, heading: str, body: str) -> None:
    fonts = root.find(f"{{{A}}}themeElements/{{{A}}}fontScheme")
    if fonts is None:
        return
    for tag, face in (("majorFont", heading), ("minorFont", body)):
        latin = fonts.find(f"{{{A}}}{tag}/{{{A}}}latin")
        if latin is not None:
            latin.set("typeface", face)
        for script in fonts.findall(f"{{{A}}}{tag}/{{{A}}}font"):
            modern = SCRIPT_FONTS.get((tag, script.get("script")))
            if modern:
                script.set("typeface", modern)
