"""The child order ECMA-376 prescribes for the slide elements deckgen writes.

PowerPoint refuses a file whose elements are out of schema order and offers to repair
it; LibreOffice and python-pptx are more forgiving, so the order is checked here. Each
sequence lists the children an element may have, in order; a set is a choice at one
position, and ``many`` marks a position that may repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}


@dataclass(frozen=True)
class many:
    """A position in a sequence that may occur any number of times."""

    tags: frozenset[str]


def _many(*tags: str) -> many:
    return many(frozenset(tags))


FILLS = {"a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill"}
LINE_FILLS = {"a:noFill", "a:solidFill", "a:gradFill", "a:pattFill"}
EFFECTS = {"a:effectLst", "a:effectDag"}
COLOURS = {"a:scrgbClr", "a:srgbClr", "a:hslClr", "a:sysClr", "a:schemeClr", "a:prstClr"}
CHARACTER = ["a:ln", FILLS, EFFECTS, "a:highlight", {"a:uLnTx", "a:uLn"},
             {"a:uFillTx", "a:uFill"}, "a:latin", "a:ea", "a:cs", "a:sym", "a:hlinkClick",
             "a:hlinkMouseOver", "a:rtl", "a:extLst"]
TEXT_BODY = ["a:bodyPr", "a:lstStyle", _many("a:p")]
SPACING = [{"a:spcPct", "a:spcPts"}]

SEQUENCES: dict[str, list] = {
    "p:sld": ["p:cSld", "p:clrMapOvr", "p:transition", "p:timing", "p:extLst"],
    "p:notes": ["p:cSld", "p:clrMapOvr", "p:extLst"],
    "p:cSld": ["p:bg", "p:spTree", "p:custDataLst", "p:controls", "p:extLst"],
    "p:bg": [{"p:bgPr", "p:bgRef"}],
    "p:bgPr": [FILLS, EFFECTS, "p:extLst"],
    "p:clrMapOvr": [{"a:masterClrMapping", "a:overrideClrMapping"}],
    "p:spTree": ["p:nvGrpSpPr", "p:grpSpPr",
                 _many("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic",
                       "p:contentPart"), "p:extLst"],
    "p:nvGrpSpPr": ["p:cNvPr", "p:cNvGrpSpPr", "p:nvPr"],
    "p:grpSpPr": ["a:xfrm", FILLS, EFFECTS, "a:scene3d", "a:extLst"],
    "p:sp": ["p:nvSpPr", "p:spPr", "p:style", "p:txBody", "p:extLst"],
    "p:nvSpPr": ["p:cNvPr", "p:cNvSpPr", "p:nvPr"],
    "p:cNvPr": ["a:hlinkClick", "a:hlinkHover", "a:extLst"],
    "p:cNvSpPr": ["a:spLocks", "a:extLst"],
    "p:nvPr": ["p:ph", {"a:audioCd", "a:wavAudioFile", "a:audioFile", "a:videoFile",
                        "a:quickTimeFile"}, "p:custDataLst", "p:extLst"],
    "p:spPr": ["a:xfrm", {"a:custGeom", "a:prstGeom"}, FILLS, "a:ln", EFFECTS, "a:scene3d",
               "a:sp3d", "a:extLst"],
    "a:xfrm": ["a:off", "a:ext", "a:chOff", "a:chExt"],  # chOff, chExt: group transforms
    "p:xfrm": ["a:off", "a:ext"],
    "a:prstGeom": ["a:avLst"],
    "a:ln": [LINE_FILLS, {"a:prstDash", "a:custDash"}, {"a:round", "a:bevel", "a:miter"},
             "a:headEnd", "a:tailEnd", "a:extLst"],
    "a:solidFill": [COLOURS],
    "p:txBody": TEXT_BODY,
    "a:txBody": TEXT_BODY,
    "a:bodyPr": ["a:prstTxWarp", {"a:noAutofit", "a:normAutofit", "a:spAutoFit"},
                 "a:scene3d", {"a:sp3d", "a:flatTx"}, "a:extLst"],
    "a:p": ["a:pPr", _many("a:r", "a:br", "a:fld"), "a:endParaRPr"],
    "a:pPr": ["a:lnSpc", "a:spcBef", "a:spcAft", {"a:buClrTx", "a:buClr"},
              {"a:buSzTx", "a:buSzPct", "a:buSzPts"}, {"a:buFontTx", "a:buFont"},
              {"a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip"}, "a:tabLst", "a:defRPr",
              "a:extLst"],
    "a:tabLst": [_many("a:tab")],
    "a:lnSpc": SPACING,
    "a:spcBef": SPACING,
    "a:spcAft": SPACING,
    "a:r": ["a:rPr", "a:t"],
    "a:fld": ["a:rPr", "a:pPr", "a:t"],
    "a:extLst": [_many("a:ext")],
    "a:rPr": CHARACTER,
    "a:endParaRPr": CHARACTER,
    "a:defRPr": CHARACTER,
    "p:pic": ["p:nvPicPr", "p:blipFill", "p:spPr", "p:style", "p:extLst"],
    "p:nvPicPr": ["p:cNvPr", "p:cNvPicPr", "p:nvPr"],
    "p:cNvPicPr": ["a:picLocks", "a:extLst"],
    "p:blipFill": ["a:blip", "a:srcRect", {"a:tile", "a:stretch"}],
    "a:stretch": ["a:fillRect"],
    "p:graphicFrame": ["p:nvGraphicFramePr", "p:xfrm", "a:graphic", "p:extLst"],
    "p:nvGraphicFramePr": ["p:cNvPr", "p:cNvGraphicFramePr", "p:nvPr"],
    "p:cNvGraphicFramePr": ["a:graphicFrameLocks", "a:extLst"],
    "a:graphic": ["a:graphicData"],
    "a:tbl": ["a:tblPr", "a:tblGrid", _many("a:tr")],
    "a:tblPr": [FILLS, EFFECTS, {"a:tableStyle", "a:tableStyleId"}, "a:extLst"],
    "a:tblGrid": [_many("a:gridCol")],
    "a:tr": [_many("a:tc"), "a:extLst"],
    "a:tc": ["a:txBody", "a:tcPr", "a:extLst"],
    "a:tcPr": ["a:lnL", "a:lnR", "a:lnT", "a:lnB", "a:lnTlToBr", "a:lnBlToTr", "a:cell3D",
               FILLS, "a:headers", "a:extLst"],
}
"""Element -> its children's sequence, from the PresentationML and DrawingML schemas."""

LEAVES = {"a:t", "a:off", "a:ext", "a:avLst", "a:srgbClr", "a:latin", "a:hlinkClick",
          "a:noFill", "a:noAutofit", "a:lstStyle", "a:buNone", "a:buChar", "a:buFont",
          "a:spcPts", "p:ph", "a:spLocks", "a:picLocks", "a:graphicFrameLocks", "a:blip",
          "a:fillRect", "a:gridCol", "a:tableStyleId", "a:effectLst", "p:cNvGrpSpPr",
          "a:masterClrMapping", "c:chart", "a:br", "a:chOff", "a:chExt", "a:tab"}
"""Elements deckgen writes without children."""


def _name(tag: str) -> str:
    for prefix, uri in NS.items():
        if tag.startswith("{" + uri + "}"):
            return f"{prefix}:{tag[len(uri) + 2:]}"
    return tag


def problems(root) -> list[str]:
    """Return every element under ``root`` whose children break the schema's order."""
    out: list[str] = []
    extensions = {ext for lst in root.iter(f"{{{NS['a']}}}extLst") for ext in lst}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if any(a in extensions for a in el.iterancestors()):
            continue  # an extension's content is defined by its uri (e.g. decorative)
        name = _name(el.tag)
        if el in extensions:
            if name != "a:ext" or not el.get("uri"):
                out.append(f"{name} in an a:extLst: expected a:ext with a uri")
            continue
        children = [_name(c.tag) for c in el if isinstance(c.tag, str)]
        if name in LEAVES:
            if children:
                out.append(f"{name} should have no children, has {children}")
            continue
        if name == "a:graphicData":
            continue  # its content is the table or chart named by its uri
        sequence = SEQUENCES.get(name)
        if sequence is None:
            out.append(f"{name}: no schema order known to this test")
            continue
        out += _check(name, children, sequence)
    return out


def _check(name: str, children: list[str], sequence: list) -> list[str]:
    out = []
    last, seen = -1, set()
    for child in children:
        at = next((i for i, slot in enumerate(sequence) if child in _tags(slot)), None)
        if at is None:
            out.append(f"{name}: {child} is not a child it may have")
            continue
        if at < last:
            out.append(f"{name}: {child} comes after {sequence[last]!r}, expected before")
        if at in seen and not isinstance(sequence[at], many):
            out.append(f"{name}: {child} appears twice")
        last = max(last, at)
        seen.add(at)
    return out


def _tags(slot) -> set[str] | frozenset[str]:
    if isinstance(slot, many):
        return slot.tags
    return slot if isinstance(slot, set) else {slot}
