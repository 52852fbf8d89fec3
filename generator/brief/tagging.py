"""The brief's logical structure: the tagged-PDF tree, built beside the story, in reading order.

The story functions open parts (``Sect``, ``Table``, ``L`` ...) and give each paragraph or
drawing an element as they make it, so the tree's order is the story's order: the order a
person reads the brief. While a page is drawn, each tagged flowable adds its marked content
to its element (see ``typesetting``); everything else on a page is an artifact. Elements that
end up with no content (a measured layout that was not used) are left out when written.

No reportlab here: this is plain data, written into the PDF by ``typesetting``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STYLE_ROLES = {
    "h1": "H1",
    "h2": "H2",
    "h3": "H3",
    "cover-title": "H1",
    "table-head": "Caption",
    "box-title": "Caption",
}
"""The structure type of a paragraph by the name of its style; any other style is a 'P'."""

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


class Structure:
    """The tree of one brief, and where the story being made currently adds to it."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._open = [self.root]

    @property
    def current(self) -> Element:
        """The element new elements are added under."""
        return self._open[-1]

    def element(self, role: str, **attrs) -> Element:
        """Return a new element under the current one."""
        return Element(role, self.current, **attrs)

    @contextmanager
    def part(self, role: str, **attrs) -> Iterator[Element]:
        """Open a new element under the current one; what is made inside goes under it."""
        element = self.element(role, **attrs)
        self._open.append(element)
        try:
            yield element
        finally:
            self._open.pop()

    def tag(self, flowable, role: str | None = None, **attrs):
        """Give ``flowable`` a new element under the current one; return the flowable.

        Without a role, a paragraph's comes from its style (``STYLE_ROLES``), else 'P'.
        """
        if role is None:
            style = getattr(flowable, "style", None)
            role = STYLE_ROLES.get(getattr(style, "name", ""), "P")
        flowable._struct = Element(role, self.current, **attrs)
        return flowable


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
