"""The brief's logical structure: the tagged-PDF tree, built beside the story, in reading order.

The story functions open parts (``Sect``, ``Table``, ``L`` ...) and give each paragraph or
drawing an element as they make it, so the tree's order is the story's order: the order a
person reads the brief. While a page is drawn, each tagged flowable adds its marked content
to its element (see ``typesetting``); everything else on a page is an artifact. Elements that
end up with no content (a measured layout that was not used) are left out when written.

No reportlab here: this is plain data, written into the PDF by ``typesetting``. The
elements, marks and links themselves, and how they are written, are shared with the slides
PDF (``generator.pdf_tags``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..pdf_tags import SOURCE_PREFIX, Element, Link, Marks

__all__ = ["SOURCE_PREFIX", "STYLE_ROLES", "Element", "Link", "Marks", "Structure"]

STYLE_ROLES = {
    "h1": "H1",
    "h2": "H2",
    "h3": "H3",
    "cover-title": "H1",
    "table-head": "Caption",
    "box-title": "Caption",
}
"""The structure type of a paragraph by the name of its style; any other style is a 'P'."""

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
