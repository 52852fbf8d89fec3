"""Constant-cost additions to a python-pptx package, so build time grows linearly with slides.

python-pptx finds a free part name, a matching relationship or an existing image by scanning
every part or relationship already in the package. That makes each new slide, notes page,
chart or picture cost more than the one before. These adapters keep indexes instead, and
finished slides and notes pages are kept as their XML bytes rather than as element trees
(a frozen part parses its bytes again when it is next read, so the presentation stays
usable). The package is saved as the final, stamped zip in one pass (``save``), written by
the deck's one zip writer (``zipwriter.StampedZip``).
"""

from __future__ import annotations

import collections
import datetime as _dt
import posixpath
import re
from pathlib import Path

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import _Relationships
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from pptx.opc.serialized import PackageWriter
from pptx.opc.spec import default_content_types
from pptx.oxml import parse_xml
from pptx.package import _ImageParts
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesSlidePart, SlidePart

from .zipwriter import StampedZip

_SLD_ID = "{http://schemas.openxmlformats.org/presentationml/2006/main}sldId"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class _IndexedRelationships(_Relationships):
    """Relationships with lookups by type and by target kept in dicts."""

    def reindex(self) -> None:
        """Rebuild both indexes from the relationships."""
        self._by_type: collections.defaultdict[str, list] = collections.defaultdict(list)
        self._by_target: dict[tuple[str, bool, object], str] = {}
        for rel in self._rels.values():
            self._note(rel)

    def _note(self, rel) -> None:
        self._by_type[rel.reltype].append(rel)
        target = rel.target_ref if rel.is_external else id(rel.target_part)
        self._by_target.setdefault((rel.reltype, rel.is_external, target), rel.rId)

    @property
    def _rels_by_reltype(self):
        return self._by_type

    def _get_matching(self, reltype, target, is_external=False):
        key = (reltype, is_external, target if is_external else id(target))
        return self._by_target.get(key)

    def _add_relationship(self, reltype, target, is_external=False):
        rId = super()._add_relationship(reltype, target, is_external)
        self._note(self._rels[rId])
        return rId

    def pop(self, rId):
        rel = super().pop(rId)
        self.reindex()
        return rel

    def load_from_xml(self, base_uri, xml_rels, parts):
        super().load_from_xml(base_uri, xml_rels, parts)
        self.reindex()


class _IndexedImageParts(_ImageParts):
    """Image parts found by SHA-1 in a dict built once."""

    def __init__(self, package):
        super().__init__(package)
        self._by_sha1 = {p.sha1: p for p in super().__iter__() if hasattr(p, "sha1")}

    def get_or_add_image_part(self, image_file):
        image = Image.from_file(image_file)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            part = ImagePart.new(self._package, image)
            self._by_sha1[image.sha1] = part
        return part


class _FrozenPart:
    """A part with indexed relationships that can trade its element tree for its bytes.

    Once ``freeze`` is called the tree is gone and ``blob`` returns the bytes; a slide's
    XML is the same either way, but a few kilobytes of bytes take far less memory than the
    tree of a few hundred elements it came from. Reading the part's element afterwards
    (``part._element``, as every python-pptx proxy does) parses the bytes again, once.
    """

    _frozen: bytes | None = None

    def __init__(self, partname, content_type, package, element):
        super().__init__(partname, content_type, package, element)  # type: ignore[call-arg]  # a mixin: the next class in the MRO is python-pptx's Part
        rels = _IndexedRelationships(partname.baseURI)
        rels.reindex()
        self.__dict__["_rels"] = rels  # python-pptx's lazy _rels, made indexed up front

    @property
    def _element(self):
        """The part's element tree, parsed again from its bytes if it was frozen."""
        if self._frozen is not None:
            self.__dict__["_tree"] = parse_xml(self._frozen)
            self._frozen = None
            for proxy in ("slide", "notes_slide"):  # python-pptx's cached proxies of the tree
                self.__dict__.pop(proxy, None)
        return self.__dict__["_tree"]

    @_element.setter
    def _element(self, element) -> None:
        self.__dict__["_tree"] = element

    def freeze(self) -> None:
        """Serialise the element now and drop it."""
        self._frozen = serialize_part_xml(self._element)
        self.__dict__["_tree"] = None

    @property
    def blob(self) -> bytes:
        return self._frozen if self._frozen is not None else serialize_part_xml(self._element)


class FrozenSlidePart(_FrozenPart, SlidePart):  # type: ignore[override]  # Part.blob is a plain attribute in python-pptx's stubs, a property at run time
    """A slide part that can be frozen to bytes once written."""


class FrozenNotesSlidePart(_FrozenPart, NotesSlidePart):  # type: ignore[override]  # Part.blob is a plain attribute in python-pptx's stubs, a property at run time
    """A notes page part that can be frozen to bytes once written."""


class IndexedPackage:
    """Installs the indexes on one presentation and adds slides at constant cost."""

    def __init__(self, prs):
        """Index ``prs`` (a python-pptx Presentation) in place."""
        self.prs = prs
        self.package = prs.part.package
        self._counters: dict[str, int] = {}
        rels = prs.part.rels
        rels.__class__ = _IndexedRelationships
        rels.reindex()
        self.package.__dict__["_image_parts"] = _IndexedImageParts(self.package)
        self.package.next_partname = self.next_partname
        self.package.next_image_partname = self.next_image_partname
        self._id_list = prs.slides._sldIdLst
        ids = [int(i) for i in self._id_list.xpath("./p:sldId/@id")]
        self._next_slide_id = max(ids, default=255) + 1
        self._slides = len(ids)

    def next_partname(self, tmpl: str) -> PackURI:
        """Return the next free part name for a '%d' template, counting instead of scanning."""
        if tmpl not in self._counters:
            pattern = re.compile("^" + re.escape(tmpl).replace("%d", r"(\d+)") + "$")
            used = [int(m.group(1)) for p in self.package.iter_parts()
                    if (m := pattern.match(str(p.partname)))]
            self._counters[tmpl] = max(used, default=0)
        self._counters[tmpl] += 1
        return PackURI(tmpl % self._counters[tmpl])

    def next_image_partname(self, ext: str) -> PackURI:
        """Return the next free image part name with extension ``ext``."""
        return self.next_partname("/ppt/media/image%d." + ext)

    def add_slide_part(self, element, layout_part) -> tuple[FrozenSlidePart, int]:
        """Add a slide holding the ``p:sld`` ``element`` on ``layout_part``, at the end.

        Return the slide part and its slide id. As ``prs.slides.add_slide`` does, the slide
        is related to its layout first (rId1) and listed in the presentation.
        """
        self._slides += 1
        partname = self.next_partname("/ppt/slides/slide%d.xml")
        slide_part = FrozenSlidePart(partname, CT.PML_SLIDE, self.package, element)
        slide_part.relate_to(layout_part, RT.SLIDE_LAYOUT)
        rId = self.prs.part.relate_to(slide_part, RT.SLIDE)
        slide_id = self._next_slide_id
        etree.SubElement(self._id_list, _SLD_ID, {"id": str(slide_id), _R_ID: rId})
        self._next_slide_id += 1
        return slide_part, slide_id

    def add_notes_part(self, element, slide_part, master_part) -> FrozenNotesSlidePart:
        """Add the notes page ``element`` (a ``p:notes``) of ``slide_part``.

        It is related to ``master_part`` (the notes master) and to its slide, and the slide
        to it, in the order python-pptx relates them.
        """
        partname = self.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        notes_part = FrozenNotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package,
                                          element)
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes_part


APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def app_xml(blob: bytes, values: dict[str, object]) -> bytes:
    """Return docProps/app.xml ``blob`` with each element named in ``values`` (Slides,
    Notes, Words ...) set to its value; elements the part lacks are left out."""
    root = etree.fromstring(blob)
    for tag, value in values.items():
        el = root.find(f"{{{APP_NS}}}{tag}")
        if el is not None:
            el.text = str(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- saving -------------------------------------------------------------------------------

PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIPS = f"{{{PACKAGE_RELS}}}Relationships"
_RELATIONSHIP = f"{{{PACKAGE_RELS}}}Relationship"
class _RelativeRefs:
    """Relative references from a part's folder to a target, the folders' relation cached."""

    def __init__(self):
        self._folders: dict[tuple[str, str], str] = {}

    def __call__(self, partname: str, base: str) -> str:
        if base == "/":
            return partname[1:]
        folder, name = partname.rsplit("/", 1)
        key = (folder or "/", base)
        prefix = self._folders.get(key)
        if prefix is None:
            prefix = self._folders[key] = posixpath.relpath(key[0], base)
        return name if prefix == "." else f"{prefix}/{name}"


def rels_xml(rels, base: str, relative: _RelativeRefs) -> bytes:
    """Return the .rels XML of ``rels`` as python-pptx writes it: in rId order, UTF-8."""
    root = etree.Element(_RELATIONSHIPS, nsmap={None: PACKAGE_RELS})
    keyed = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r)
                   for r in rels.keys())
    for _, r_id in keyed:
        rel = rels[r_id]
        if rel.is_external:
            etree.SubElement(root, _RELATIONSHIP, Id=r_id, Type=rel.reltype,
                             Target=rel.target_ref, TargetMode=RTM.EXTERNAL)
        else:
            etree.SubElement(root, _RELATIONSHIP, Id=r_id, Type=rel.reltype,
                             Target=relative(rel.target_part.partname, base))
    return etree.tostring(root, encoding="UTF-8", standalone=True)


CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def content_types_xml(parts) -> bytes:
    """Return [Content_Types].xml for ``parts`` as python-pptx writes it.

    An extension with its usual content type gets a Default (sorted by extension, in lower
    case), every other part an Override (sorted by part name).
    """
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in _USUAL_TYPES:
            defaults[ext] = part.content_type
        else:
            overrides[part.partname] = part.content_type
    root = etree.Element(f"{{{CONTENT_TYPES}}}Types", nsmap={None: CONTENT_TYPES})
    for ext, content_type in sorted(defaults.items()):
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension=ext,
                         ContentType=content_type)
    for partname, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName=partname,
                         ContentType=content_type)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


_USUAL_TYPES = frozenset(default_content_types)


class _PackageWriter(PackageWriter):
    """python-pptx's package writer, writing a stamped zip and .rels at constant cost."""

    def __init__(self, zip_writer, pkg_rels, parts):
        super().__init__("", pkg_rels, parts)
        self._zip = zip_writer
        self._relative = _RelativeRefs()

    def write_entries(self) -> None:
        """Write content types, package rels, then each part and its rels, and finish."""
        try:
            self._write_content_types_stream(self._zip)
            self._write_pkg_rels(self._zip)
            self._write_parts(self._zip)
            self._zip.close()
        except BaseException:
            self._zip.abandon()
            raise

    def _write_content_types_stream(self, phys_writer) -> None:
        phys_writer.write(CONTENT_TYPES_URI, content_types_xml(self._parts))

    def _write_pkg_rels(self, phys_writer) -> None:
        phys_writer.write(PACKAGE_URI.rels_uri, rels_xml(self._pkg_rels, "/", self._relative))

    def _write_parts(self, phys_writer) -> None:
        for part in self._parts:
            phys_writer.write(part.partname, part.blob)
            if part._rels:
                phys_writer.write(part.partname.rels_uri,
                                  rels_xml(part._rels, part.partname.baseURI, self._relative))


def save(prs, path: Path, when: _dt.datetime) -> None:
    """Save the presentation ``prs`` to ``path`` as python-pptx would, in one pass.

    The parts are python-pptx's, in its order; the zip is the deck's own
    (``zipwriter.StampedZip``): [Content_Types].xml first, every entry stamped ``when``,
    mode 0644, made on Unix. ``prs`` stays usable afterwards.
    """
    package = prs.part.package
    parts = tuple(package.iter_parts())
    _PackageWriter(StampedZip(path, when), package._rels, parts).write_entries()
