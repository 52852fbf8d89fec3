"""The layout contract: which template layout each slide kind is built on.

This is the one place that says which layout a slide kind prefers (``NEEDS``); the planner
names its slides' layouts from it (``preferred``), the writer places slides with ``place``,
and the loader and ``deckgen check-template`` report ``contract``. Pure: it works on a parsed
``template_reader.Template`` and imports no file-format library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .template_reader import Layout, Template


@dataclass(frozen=True)
class Need:
    """What a slide kind needs from a layout: a preferred name, and its placeholders."""

    name: str
    bodies: int = 0
    subtitle: bool = False
    body: str = "content"
    """The body placeholder type the kind prefers: 'content' (any content) or 'body' (text)."""

    @property
    def title(self) -> str:
        """The title placeholder type the kind prefers: centred for the cover."""
        return "ctrTitle" if self.subtitle else "title"


NEEDS: dict[str, Need] = {
    "title": Need("Title Slide", subtitle=True),
    "agenda": Need("Title and Content", 1),
    "divider": Need("Section Header", 1, body="body"),
    "bullets": Need("Title and Content", 1),
    "two-column": Need("Two Content", 2),
    "stats": Need("Title Only"),
    "chart": Need("Title Only"),
    "table": Need("Title Only"),
    "timeline": Need("Title Only"),
    "quote": Need("Title Only"),
    "image": Need("Title Only"),
    "playbook": Need("Title Only"),
    "peer": Need("Title Only"),
    "sources": Need("Title and Content", 1),
    "closing": Need("Title Only"),
}
"""Slide kind -> the layout it prefers. Every kind needs a title placeholder."""


@dataclass(frozen=True)
class Placement:
    """Where one slide kind goes: the layout, how it was found, and what is missing.

    ``how`` is 'name' (the preferred name), 'placeholders' (a layout with the right
    placeholders), 'fallback' (a layout with a title only), 'outline' (named by the
    outline), or 'none' (nothing can hold the kind). ``missing`` lists placeholders the
    layout lacks; their text goes into text boxes.
    """

    kind: str
    layout: str | None
    how: str
    missing: tuple[str, ...] = ()

    @property
    def placeable(self) -> bool:
        """Whether the kind can be built on this template."""
        return self.layout is not None


def place(template: Template, kind: str, requested: str | None = None) -> Placement:
    """Return the layout for slide ``kind``: ``requested`` if given, else by the contract."""
    need = NEEDS[kind]
    if requested is not None:
        layout = template.layout(requested)
        if layout is None:
            return Placement(kind, None, "none", ("layout " + repr(requested),))
        return Placement(kind, layout.name, "outline", _missing(layout, need))
    named = template.layout(need.name)
    if named is not None and named.has_title:
        return Placement(kind, named.name, "name", _missing(named, need))
    shaped = [lay for lay in template.layouts if lay.has_title and not _missing(lay, need)]
    if shaped:
        return Placement(kind, min(shaped, key=lambda lay: _extra(lay, need)).name,
                         "placeholders")
    titled = [lay for lay in template.layouts if lay.has_title]
    if titled:
        best = min(titled, key=lambda lay: (len(_missing(lay, need)), _extra(lay, need)))
        return Placement(kind, best.name, "fallback", _missing(best, need))
    return Placement(kind, None, "none", ("title",))


def _extra(layout: Layout, need: Need) -> tuple[int, int, int]:
    """Sort key: a title and bodies of the preferred types first, then the fewest unused
    placeholders."""
    return (need.title not in layout.roles, max(need.bodies - layout.roles.count(need.body), 0),
            len(layout.roles) - 1 - need.bodies - need.subtitle)


def contract(template: Template) -> list[Placement]:
    """Return the placement of every slide kind, in deck order."""
    return [place(template, kind) for kind in NEEDS]


def _missing(layout: Layout, need: Need) -> tuple[str, ...]:
    out = [] if layout.has_title else ["title"]
    if need.subtitle and "subtitle" not in layout.roles:
        out.append("subtitle")
    out += ["body"] * max(need.bodies - layout.bodies, 0)
    return tuple(out)


def preferred(kind: str) -> str:
    """Return the name of the layout slide ``kind`` prefers."""
    return NEEDS[kind].name
