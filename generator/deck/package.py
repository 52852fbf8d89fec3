"""Constant-cost additions to a python-pptx package, so build time grows linearly with slides.

python-pptx finds a free part name, a matching relationship or an existing image by scanning
every part or relationship already in the package. That makes each new slide, notes page,
chart or picture cost more than the one before. These adapters keep indexes instead; they
change no behaviour, only the cost.
"""

from __future__ import annotations

import collections
import re

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import _Relationships
from pptx.opc.packuri import PackURI
from pptx.package import _ImageParts
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import SlidePart


class _IndexedRelationships(_Relationships):
    """Relationships with lookups by type and by target kept in dicts."""

    def reindex(self) -> None:
        """Rebuild both indexes from the relationships."""
        self._by_type = collections.defaultdict(list)
        self._by_target = {}
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
        ids = [int(i) for i in prs.slides._sldIdLst.xpath("./p:sldId/@id")]
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

    def add_slide(self, layout):
        """Add a slide on ``layout``, as ``prs.slides.add_slide`` does, in constant time."""
        self._slides += 1
        partname = self.next_partname("/ppt/slides/slide%d.xml")
        slide_part = SlidePart.new(partname, self.package, layout.part)
        rId = self.prs.part.relate_to(slide_part, RT.SLIDE)
        self.prs.slides._sldIdLst._add_sldId(id=self._next_slide_id, rId=rId)
        self._next_slide_id += 1
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        return slide
