"""PowerPoint sections: the p14:sectionLst extension of presentation.xml."""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.oxml.ns import qn

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_NAMESPACE = uuid.UUID("6f1c1b52-6a55-4b8e-9b1e-2f7d2c4d9a10")


def section_guid(name: str, index: int) -> str:
    """Return a stable GUID for the ``index``-th section called ``name``."""
    return "{" + str(uuid.uuid5(_NAMESPACE, f"{index}:{name}")).upper() + "}"


def write(presentation_element, sections: list[tuple[str, list[int]]]) -> None:
    """Write ``sections`` (name, slide ids) into the presentation element, replacing any."""
    ext_lst = presentation_element.find(qn("p:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(presentation_element, qn("p:extLst"))
    for ext in ext_lst.findall(qn("p:ext")):
        if ext.get("uri") == SECTIONS_URI:
            ext_lst.remove(ext)
    ext = etree.SubElement(ext_lst, qn("p:ext"))
    ext.set("uri", SECTIONS_URI)
    section_lst = etree.SubElement(ext, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for i, (name, ids) in enumerate(sections):
        section = etree.SubElement(section_lst, f"{{{P14}}}section")
        section.set("name", name)
        section.set("id", section_guid(name, i))
        id_lst = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for sid in ids:
            etree.SubElement(id_lst, f"{{{P14}}}sldId").set("id", str(sid))
