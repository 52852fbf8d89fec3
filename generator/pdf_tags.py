"""Tagged PDF (PDF/UA-1) written with reportlab: shared by the brief and the slides PDF.

The structure tree is plain data (``Element``, what a drawing pass marked in ``Marks``, the
link annotations in ``Link``), made by each document in its own way: the brief beside its
story (``brief.tagging``, ``brief.typesetting``), the slides PDF from the slide plans
(``slides_pdf.tags``). This module writes such a tree into a reportlab PDF: the
``/StructTreeRoot``, the parent tree, each page's ``/Tabs`` and ``/StructParents``, each link
annotation's ``/Contents`` and print flag, ``/MarkInfo`` and the XMP packet claiming PDF/UA-1.
``TaggingCanvas`` marks every page's content as an artifact unless a tagger marks it as the
content of an element, and sees every link annotation drawn. What a figure's ``/Alt`` says
is ``generator.alt_text``'s.

Like ``brief.typesetting``, this relies on reportlab 5.x private names (``pyproject.toml``
pins ``reportlab>=5.0,<6``), as of reportlab 5.1.0:

- ``pdfgen/canvas.py``: ``Canvas._doc``, ``Canvas._code`` (the page's content stream, where
  marked-content operators are written), ``Canvas._addAnnotation`` (overridden to see each
  link annotation), ``Canvas._annotationrefs``.
- ``pdfbase/pdfdoc.py``: ``PDFDocument._timeStamp`` (``set_clock``),
  ``PDFDocument.Pages.pages``, ``PDFDocument.Catalog``,
  ``PDFDocument.idToObjectNumberAndVersion``; ``PDFPage.__NoDefault__`` (extended per page
  for ``/Tabs`` and ``/StructParents``); ``LinkAnnotation.permitted`` and ``otherkw`` (for
  ``/StructParent``).
"""

from __future__ import annotations

import datetime as _dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

TESTED_MAJOR = 5
"""The reportlab major version this module was written against and is tested with."""

if int(REPORTLAB_VERSION.split(".")[0]) != TESTED_MAJOR:
    raise ImportError(f"deckgen's tagged PDFs need reportlab {TESTED_MAJOR}.x (they rely on "
                      f"private names listed in {__name__}); found reportlab "
                      f"{REPORTLAB_VERSION}")

ANNOTATION_PRINT = 4
"""The annotation flag that prints an annotation (and shows it to every reader)."""


# --- the tree as plain data -------------------------------------------------------

SOURCE_PREFIX = "source-"
"""Destinations in the sources list start so: a link to one is a citation (a Reference)."""


@dataclass(eq=False)
class Element:
    """One structure element: its type, its parent, and what it holds.

    ``kids`` are the elements made with the story, in reading order; ``content`` is what
    drawing added, in drawing order: marked content (page index, MCID), annotations (page
    index, annotation number) and the link elements made for those annotations.
    """

    role: str
    parent: Element | None = None
    alt: str | None = None
    """Alternative text (figures): what a screen reader says instead of the drawing."""
    scope: str | None = None
    """'Column' or 'Row' for a table header cell."""
    ident: str | None = None
    """The element's ID (notes): the anchor name citations point at."""
    kids: list[Element] = field(default_factory=list)
    content: list[tuple] = field(default_factory=list)
    drawn_in: int = 0
    """The drawing pass whose marks ``content`` holds."""

    def __post_init__(self) -> None:
        if self.parent is not None:
            self.parent.kids.append(self)

    def __deepcopy__(self, memo) -> Element:
        # a flowable copied for a trial layout keeps its place in the one tree
        return self

    def __copy__(self) -> Element:
        return self

    def has_content(self, drawing: int) -> bool:
        """Return whether this element or one under it got content in pass ``drawing``."""
        if self.drawn_in == drawing and self.content:
            return True
        return any(kid.has_content(drawing) for kid in self.kids)


@dataclass
class Marks:
    """What one drawing pass marked: per page, the element of each MCID; the link annotations."""

    drawing: int
    pages: list[list[Element]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def add_content(self, page: int, element: Element) -> int:
        """Record marked content of ``element`` on page ``page`` (from 0); return its MCID."""
        while len(self.pages) <= page:
            self.pages.append([])
        mcids = self.pages[page]
        mcids.append(element)
        self._own(element).append(("mc", page, len(mcids) - 1))
        return len(mcids) - 1

    def add_link(self, page: int, element: Element | None, annotation, target: str,
                 external: bool, root: Element) -> Link:
        """Record a link annotation drawn inside ``element`` (None: outside any element).

        A link drawn inside a 'Link' element belongs to it; any other gets a 'Link' element
        of its own in the one it was drawn in (inside a 'Reference' when it cites a source).
        """
        holder = element if element is not None else root
        if holder.role != "Link":
            kind = "Reference" if target.startswith(SOURCE_PREFIX) and not external else None
            if kind:
                outer = Element(kind)
                self._own(holder).append(("kid", outer))
                holder = Element("Link")
                self._own(outer).append(("kid", holder))
            else:
                link = Element("Link")
                self._own(holder).append(("kid", link))
                holder = link
        made = Link(page, annotation, target, external, holder, len(self.links))
        self.links.append(made)
        self._own(holder).append(("annot", page, made.number))
        return made

    def _own(self, element: Element) -> list[tuple]:
        """Return ``element``'s content for this pass, emptied first if it is of an older one."""
        if element.drawn_in != self.drawing:
            element.drawn_in = self.drawing
            element.content = []
        return element.content


@dataclass
class Link:
    """A link annotation as drawn: its page, the annotation object, and where it goes."""

    page: int
    annotation: object
    target: str
    """The destination's name (an internal link) or the URL."""
    external: bool
    element: Element
    number: int
    ref: object = None
    """The annotation's reference in the PDF, once it is written."""


# --- marking pages ---------------------------------------------------------------


class Tagger(Protocol):
    """What marks a document's content as it is drawn: told of every link annotation."""

    def link(self, canvas: Canvas, annotation, ref, target: str, external: bool) -> None:
        """Record a link annotation drawn now (its object, reference and destination)."""


class TaggingCanvas(Canvas):
    """A canvas that, given a tagger, marks every page's content and sees every link.

    A page's content is an artifact unless the tagger marks it: each page opens an
    ``/Artifact`` sequence, which the tagger closes while it draws an element's own
    ``/Role <</MCID n>>`` sequence (``begin_marked``), and reopens after (``end_marked``).
    """

    tagger: Tagger | None = None
    _link_target: tuple[str, bool] | None = None

    # showPage, linkRect, linkURL and _addAnnotation extend Canvas's of reportlab 5.1
    # (pdfgen/canvas.py)
    def showPage(self):
        if self.tagger is not None:
            self._code.insert(0, "/Artifact BMC")
            self._code.append("EMC")
        super().showPage()

    def begin_marked(self, role: str, mcid: int) -> None:
        """Close the page's artifact and open marked content ``mcid`` of an element."""
        self._code.append(f"EMC /{role} <</MCID {mcid}>> BDC")

    def end_marked(self) -> None:
        """Close an element's marked content: what follows is an artifact again."""
        self._code.append("EMC /Artifact BMC")

    def linkRect(self, contents, destinationname, *args, **kwargs):
        self._link_target = (destinationname, False)
        return super().linkRect(contents, destinationname, *args, **kwargs)

    def linkURL(self, url, rect, *args, **kwargs):
        self._link_target = (url, True)
        return super().linkURL(url, rect, *args, **kwargs)

    def _addAnnotation(self, annotation, name=None, addtopage=1):
        super()._addAnnotation(annotation, name, addtopage)
        target, self._link_target = self._link_target, None
        if self.tagger is not None and target is not None and addtopage:
            self.tagger.link(self, annotation, self._annotationrefs[-1], *target)


# --- writing the tree -------------------------------------------------------------


def write_structure(doc, root: Element, marks: Marks,
                    describe: Callable[[str, bool], str], *, group_pages: bool = False) -> None:
    """Write the tree under ``root`` as marked in ``marks`` into the PDF document ``doc``.

    Sets the catalog's ``/StructTreeRoot``, each page's ``/StructParents`` and ``/Tabs``, and
    each link annotation's ``/StructParent``, ``/Contents`` (``describe(target, external)``)
    and print flag. With ``group_pages``, an element that holds only other elements (a
    table, a list) names the page of its first content as its ``/Pg`` too, so that checkers
    placing it on a page find it there. The tree's objects are formatted here, in one step
    each (``_Raw``): a long brief has thousands, and reportlab's general formatter would
    triple the cost of saving the file.
    """
    pages = doc.Pages.pages
    for link in marks.links:  # a link without text of its own is described by its /Alt
        if not any(kind == "mc" for kind, *_ in link.element.content):
            link.element.alt = describe(link.target, link.external)
    tree = _Raw()
    writer = _TreeWriter(doc, marks, len(pages), group_pages)
    document = writer.write(root, writer.register(tree, "StructTreeRoot"))
    nums = []
    for index, page in enumerate(pages):
        page.__NoDefault__ = [*page.__NoDefault__, "Tabs", "StructParents"]
        page.Tabs = PDFName("S")
        owners = writer.page_owners[index]
        if owners:
            page.StructParents = index
            nums.append(b"%d [%s]" % (index, b" ".join(b"%d 0 R" % n for n in owners)))
    for link in marks.links:
        key = len(pages) + link.number
        nums.append(b"%d %d 0 R" % (key, writer.numbers[id(link.element)]))
        _describe_annotation(link.annotation, describe(link.target, link.external), key)
    parent_tree = _Raw(b"<< /Nums [" + b"\n".join(nums) + b"] >>")
    tree.data = (b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d "
                 b"/RoleMap << >> >>" % (document, writer.register(parent_tree, "ParentTree"),
                                        len(pages) + len(marks.links)))
    doc.Catalog.StructTreeRoot = PDFObjectReference("StructTreeRoot")


def _describe_annotation(annotation, words: str, key: int) -> None:
    """Give a link annotation its description, the print flag and its parent-tree key."""
    if isinstance(annotation, PDFDictionary):
        annotation["Contents"] = PDFString(words)
        annotation["F"] = ANNOTATION_PRINT
        annotation["StructParent"] = key
        return
    annotation.Contents = words
    annotation.otherkw["F"] = ANNOTATION_PRINT
    annotation.otherkw["StructParent"] = key
    annotation.permitted = (*annotation.permitted, "StructParent")


class _Raw(PDFObject):
    """A PDF object whose bytes are given: written as they are."""

    def __init__(self, data: bytes = b""):
        self.data = data

    def format(self, document):
        return self.data


class _TreeWriter:
    """Writes elements as PDF objects, noting the element that owns each MCID of each page."""

    def __init__(self, doc, marks: Marks, pages: int, group_pages: bool = False):
        self.doc = doc
        self.marks = marks
        self.group_pages = group_pages
        self.first_page: dict[int, int] = {}
        """The page of the first content of each element written, by its object number."""
        self.numbers: dict[int, int] = {}
        """The object number of each element written, by the element's id."""
        self.page_owners: list[list[int]] = [[] for _ in range(pages)]
        self._pages = [self.number(f"Page{i + 1}") for i in range(pages)]
        self._count = 0

    def number(self, name: str) -> int:
        """Return the object number of the object registered as ``name``."""
        return self.doc.idToObjectNumberAndVersion[name][0]

    def register(self, obj: PDFObject, name: str) -> int:
        """Register ``obj`` as ``name`` in the document; return its object number."""
        self.doc.Reference(obj, name)
        return self.number(name)

    def write(self, element: Element, parent: int) -> int:
        """Write ``element`` and what it holds under object ``parent``; return its number."""
        self._count += 1
        obj = _Raw()
        number = self.numbers[id(element)] = self.register(obj, f"StructElem{self._count}")
        drawing = self.marks.drawing
        kids = [b"%d 0 R" % self.write(kid, number) for kid in element.kids
                if kid.has_content(drawing)]
        page = None
        content = element.content if element.drawn_in == drawing else []
        for kind, *what in content:
            if kind == "kid":
                kids.append(b"%d 0 R" % self.write(what[0], number))
            elif kind == "mc":
                index, mcid = what
                owners = self.page_owners[index]
                owners += [0] * (mcid + 1 - len(owners))
                owners[mcid] = number
                if page is None:
                    page = index
                kids.append(b"%d" % mcid if index == page else
                            b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (self._pages[index], mcid))
            else:
                index, link = what
                kids.append(b"<< /Type /OBJR /Pg %d 0 R /Obj %d 0 R >>" % (
                    self._pages[index], self.number(self.marks.links[link].ref.name)))
        # one kid is written alone, as PDF allows (and as some readers expect of a heading)
        entries = [b"<< /Type /StructElem /S /%s /P %d 0 R /K " % (
                   element.role.encode("ascii"), parent),
                   kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]"]
        shown = page
        if shown is None:
            shown = next((self.first_page[int(kid.split()[0])] for kid in kids
                          if kid[:1].isdigit() and b" 0 R" in kid
                          and int(kid.split()[0]) in self.first_page), None)
        if shown is not None:
            self.first_page[number] = shown
        if page is None and self.group_pages:
            page = shown
        if page is not None:
            entries.append(b" /Pg %d 0 R" % self._pages[page])
        if element.alt:
            entries += [b" /Alt ", PDFString(element.alt).format(self.doc)]
        if element.scope:
            entries.append(b" /A << /O /Table /Scope /%s >>" % element.scope.encode("ascii"))
        if element.ident:
            entries += [b" /ID ", PDFString(element.ident).format(self.doc)]
        entries.append(b" >>")
        obj.data = b"".join(entries)
        return number


# --- document-level metadata ------------------------------------------------------


def xmp(title: str, subject: str, author: str, language: str, when: _dt.datetime) -> bytes:
    """Return the XMP metadata: title, author, language, dates and the PDF/UA-1 claim."""
    stamp = when.astimezone(_dt.UTC) if when.tzinfo else when
    date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    creator = (f"<dc:creator><rdf:Seq><rdf:li>{_escape(author)}</rdf:li></rdf:Seq>"
               "</dc:creator>" if author else "")
    return XMP.format(title=_escape(title), subject=_escape(subject), lang=_escape(language),
                      creator=creator, date=date).encode("utf-8")


def _escape(text: str) -> str:
    """Return ``text`` with '&', '<' and '>' escaped (without importing xml.sax)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def mark_document(doc, metadata: bytes) -> None:
    """Say in the catalog of the PDF document ``doc`` that it is tagged, with ``metadata``."""
    catalog = doc.Catalog
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        metadata, filters=[])


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
{creator}
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<xmp:CreatorTool>deckgen</xmp:CreatorTool>
<pdf:Producer>deckgen</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
"""The XMP metadata packet: dates from the build's timestamp, so rebuilds are identical."""


class Stamp:
    """A fixed creation time for the PDF's info dictionary, in UTC."""

    def __init__(self, when: _dt.datetime):
        when = when.astimezone(_dt.UTC) if when.tzinfo else when.replace(tzinfo=_dt.UTC)
        self.t = when.timestamp()
        self.lt = time.gmtime(self.t)
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def set_clock(canv: Canvas, when: _dt.datetime) -> None:
    """Make ``canv`` write ``when`` as the PDF's creation and change time, not now.

    Used by every PDF deckgen writes (the brief, deck.pdf, the handout); here, beside the
    metadata ``mark_document`` writes, so deck.pdf need not import reportlab's page layout.
    """
    canv._doc._timeStamp = Stamp(when)
