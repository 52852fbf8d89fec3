"""Opening the deck's template in python-pptx: .potx as .pptx, example slides dropped, slots."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape

from ..template_reader import PRESENTATION_CT, TEMPLATE_CT, Template

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def open_presentation(template: Template, *, own: bool = False):
    """Return a python-pptx Presentation on the parsed ``template``'s bytes.

    ``own`` marks python-pptx's built-in template, opened as ``Presentation()`` opens it.
    A .potx is opened as a presentation; the template's own slides are removed, with their
    relationships, so none of their parts is saved. A template made in memory (no bytes)
    is read from its path.
    """
    data = template.data or Path(template.path).read_bytes()
    if own:
        return Presentation(io.BytesIO(data))
    prs = Presentation(io.BytesIO(as_presentation(data)))
    drop_slides(prs)
    return prs


def as_presentation(data: bytes) -> bytes:
    """Return the package ``data`` with a template's main part typed as a presentation."""
    src = zipfile.ZipFile(io.BytesIO(data))
    types = src.read("[Content_Types].xml")
    if TEMPLATE_CT.encode() not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(TEMPLATE_CT.encode(), PRESENTATION_CT.encode())
            dst.writestr(info, blob)
    return out.getvalue()


def drop_slides(prs) -> None:
    """Remove every slide of ``prs`` and everything that points at one.

    The slide ids and relationships go from the presentation, custom shows with them, and
    every other part's relationship to a dropped slide goes too, with the elements that
    name it (the outline view's slide list in viewProps, for one). A part only the
    dropped slides used (their notes pages, pictures, charts) is then reachable from
    nothing and is not saved.
    """
    id_list = prs.slides._sldIdLst
    dropped = set()
    for sld_id in list(id_list):
        dropped.add(id(prs.part.rels.pop(sld_id.get(qn("r:id"))).target_part))
        id_list.remove(sld_id)
    root = prs.part._element
    for tag in ("p:custShowLst",):
        for el in root.findall(qn(tag)):
            root.remove(el)
    for part in list(prs.part.package.iter_parts()):
        if id(part) not in dropped:
            _unlink(part, dropped)


def _unlink(part, dropped: set[int]) -> None:
    """Remove ``part``'s relationships to the parts in ``dropped`` and the XML naming them.

    An XML part python-pptx keeps as bytes (viewProps is one) is parsed, edited and
    written back.
    """
    stale = [r_id for r_id, rel in part.rels.items()
             if not rel.is_external and id(rel.target_part) in dropped]
    if not stale:
        return
    element = getattr(part, "_element", None)
    as_bytes = element is None and part.content_type.endswith("xml")
    if as_bytes:
        element = etree.fromstring(part.blob)
    for r_id in stale:
        part.rels.pop(r_id)
        if element is None:
            continue
        for el in [e for e in element.iter() if e.get(f"{{{_R}}}id") == r_id]:
            parent = el.getparent()
            parent.remove(el)
            if len(parent) == 0 and parent.tag == qn("p:sldLst"):
                parent.getparent().remove(parent)
    if as_bytes:
        part._blob = etree.tostring(element, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)


def slots(slide) -> dict[int, BaseShape]:
    """Return the slide's placeholders by deckgen slot: 0 the title, 1, 2 ... the bodies.

    Bodies (body, content and subtitle placeholders) are numbered in index order.
    """
    out: dict[int, BaseShape] = {}
    bodies = []
    for ph in sorted(slide.placeholders, key=lambda p: p.placeholder_format.idx):
        kind = ph.placeholder_format.type
        if kind in TITLE_TYPES and 0 not in out:
            out[0] = ph
        elif kind in BODY_TYPES:
            bodies.append(ph)
    out.update({n: ph for n, ph in enumerate(bodies, 1)})
    return out
