"""Inline runs to reportlab paragraph markup: escaping, links, citations as [n] links."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model import Outline, Source
from ..text import Run, glue, parse_inline

Fallback = Callable[[str], Mapping[str, str]]
"""Maps each character of a text that the brand fonts cannot draw to a font that can."""


class Citations:
    """Numbers sources in order of first citation; uncited sources come after, in file order."""

    def __init__(self, sources: list[Source]):
        self._sources = {s.id: s for s in sources}
        self._numbers: dict[str, int] = {}

    def number(self, source_id: str) -> int | None:
        """Return the number of ``source_id``, giving it the next one on its first citation.

        Returns None for an id that names no source.
        """
        if source_id not in self._sources:
            return None
        return self._numbers.setdefault(source_id, len(self._numbers) + 1)

    def numbered(self) -> list[tuple[int, Source]]:
        """Return every source with its number: cited ones first, then the rest."""
        order = list(self._numbers) + [sid for sid in self._sources if sid not in self._numbers]
        return [(n, self._sources[sid]) for n, sid in enumerate(order, 1)]


def escape(text: str) -> str:
    """Return ``text`` with '&', '<' and '>' escaped, as xml.sax.saxutils.escape does."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """Return ``text`` quoted as an attribute value, as xml.sax.saxutils.quoteattr does.

    Kept here so that the brief does not import xml.sax (and with it urllib and http).
    """
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def colour(hex_colour: str) -> str:
    """Return '#RRGGBB' as paragraph markup's 'rgb(r,g,b)': the same colour, read faster.

    reportlab tries a '#RRGGBB' attribute as a Python expression before it reads it as hex.
    """
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red},{green},{blue})"


def anchor(number: int) -> str:
    """Return the name of the destination of source ``number`` in the sources list."""
    return f"source-{number}"


def cite_markup(source_id: str | None, citations: Citations, colour: str) -> str:
    """Return the markup of a citation of ``source_id``: '[n]' linked to its entry, or ''."""
    number = citations.number(source_id) if source_id else None
    if number is None:
        return ""
    return f'<a href="#{anchor(number)}" color="{colour}">[{number}]</a>'


def group_markup(cites: list[Run], citations: Citations, colour: str) -> str:
    """Return the markup of citations next to each other as one bracket: '[3, 4]'.

    Each number links to its entry; a source cited twice shows once, and a locator follows
    its number ('[3, p. 12]'). Returns '' when none of them names a source.
    """
    seen: dict[tuple[int, str | None], None] = {}
    for run in cites:
        number = citations.number(run.cite) if run.cite else None
        if number is not None:
            seen.setdefault((number, run.locator))
    located = {n for n, loc in seen if loc is not None}
    items = sorted((n, loc) for n, loc in seen if loc is not None or n not in located)
    if not items:
        return ""
    if len(items) == 1 and items[0][1] is None:
        return f'<a href="#{anchor(items[0][0])}" color="{colour}">[{items[0][0]}]</a>'
    parts = [f'<a href="#{anchor(n)}" color="{colour}">{n}</a>'
             + (f", {escape(loc)}" if loc else "") for n, loc in items]
    sep = "; " if any(loc for _, loc in items) else ", "
    return f'<font color="{colour}">[</font>{sep.join(parts)}<font color="{colour}">]</font>'


def runs_markup(runs: list[Run], citations: Citations | None = None, *,
                link_colour: str = "#1F4E79",
                fallback: Fallback | None = None) -> str:
    """Return paragraph markup for ``runs``; every run's text is escaped, so it shows literally.

    Citations become '[n]' links to the sources list, those next to each other one bracket
    ('[3, 4]'; dropped when ``citations`` is None); ``fallback(text)`` names a font for each
    character of a text the brand fonts cannot draw.
    """
    out = []
    i = 0
    while i < len(runs):
        run = runs[i]
        i += 1
        if run.cite:
            group = [run]
            while i < len(runs) and (runs[i].cite or _between_cites(runs, i)):
                if runs[i].cite:
                    group.append(runs[i])
                i += 1
            if citations is not None:
                out.append(group_markup(group, citations, link_colour))
            continue
        piece = _text(run.text, fallback)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.link:
            piece = f"<a href={quoteattr(run.link)} color=\"{link_colour}\">{piece}</a>"
        out.append(piece)
    return "".join(out)


def _between_cites(runs: list[Run], i: int) -> bool:
    """Whether run ``i`` is only space between two citations ('[@a] [@b]')."""
    return not runs[i].text.strip() and i + 1 < len(runs) and bool(runs[i + 1].cite)


def markup(text: str, citations: Citations | None = None, **kw) -> str:
    """Return paragraph markup for inline-marked ``text`` (see ``runs_markup``)."""
    return runs_markup(parse_inline(text), citations, **kw)


def literal(text: str, fallback: Fallback | None = None) -> str:
    """Return paragraph markup that shows ``text`` exactly, markup characters and all."""
    return _text(text, fallback)


def _text(text: str, fallback: Fallback | None) -> str:
    text = glue(text)  # no line starts with a lone mark or unit, as in the deck
    fonts = fallback(text) if fallback is not None else None
    if not fonts:
        return escape(text)
    out = []
    for char in text:
        font = fonts.get(char)
        piece = escape(char)
        out.append(f'<font face="{font}">{piece}</font>' if font else piece)
    return "".join(out)


def outline_citations(outline: Outline) -> Citations:
    """Return an empty numbering over the outline's sources."""
    return Citations(list(outline.sources))
