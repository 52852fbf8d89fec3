"""Inline text as the deck shows it: runs without citation markers, and what a slide cites."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .. import locale as _locale
from .. import text as _text
from ..model import Source
from ..text import Run
from ..text.markup import strip_citations


class Cite(NamedTuple):
    """A source a slide cites, with what it points at inside it ('p. 12'), if given."""

    id: str
    locator: str | None = None


@lru_cache(maxsize=1 << 14)
def runs(value: str, *, bold: bool = False, italic: bool = False,
         names: tuple[tuple[str, str], ...] = (),
         lead_words: frozenset[str] = frozenset()) -> tuple[Run, ...]:
    """Return the runs of marked-up ``value`` without its citations, the sentence mended.

    A citation that is part of the sentence (after one of ``lead_words``, 'based on [@a]')
    is replaced by its source's name from ``names`` (id -> name); the others are left to
    the slide's source note (see ``text.markup.strip_citations``). Remembered: a text is
    laid out at several sizes while it is fitted.
    """
    known = dict(names)

    def name(cites: list[Run]) -> str:
        parts = []
        for run in cites:
            part = known.get(run.cite or "", run.cite or "")
            parts.append(f"{part}, {run.locator}" if run.locator else part)
        return ", ".join(dict.fromkeys(parts))

    parsed = _text.parse_inline(value, bold=bold, italic=italic)
    return tuple(strip_citations(parsed, name=name, lead_words=lead_words))


def cited(*values: str | None) -> list[Cite]:
    """Return the sources cited inline in ``values`` (with locators), in order, each once."""
    out: list[Cite] = []
    for value in values:
        if not value or "[@" not in value:
            continue
        for run in _text.parse_inline(value):
            if run.cite and Cite(run.cite, run.locator) not in out:
                out.append(Cite(run.cite, run.locator))
    return out


def short_name(source: Source) -> str:
    """Return how running text names ``source``: its publisher, else its title."""
    return plain(source.publisher or source.title)


def source_line(source: Source, words: _locale.Locale | None = None) -> str:
    """Return 'Publisher, Title (date)' for a footnote, punctuated in the language of
    ``words`` (経済産業省、商業動態統計（2025）)."""
    language = words or _locale.get()
    marks = language.punctuation
    head = f"{source.publisher}{marks.comma}{source.title}" if source.publisher else source.title
    return head + marks.aside(language.source_date(source.date)) if source.date else head


def footnote(cites: Sequence[Cite | str], sources: dict[str, Source],
             words: _locale.Locale | None = None) -> str:
    """Return 'Source: A; B' (in the language of ``words``) for the known sources, or ''.

    A citation with a locator ('p. 12') shows it after its source.
    """
    words = words or _locale.get()
    where: dict[str, list[str]] = {}
    for cite in cites:
        sid, locator = (cite.id, cite.locator) if isinstance(cite, Cite) else (cite, None)
        if sid in sources:
            found = where.setdefault(sid, [])
            if locator and locator not in found:
                found.append(locator)
    lines = [words.punctuation.comma.join([source_line(sources[sid], words), *locators])
             for sid, locators in where.items()]
    if not lines:
        return ""
    name = "sources_note" if len(lines) > 1 else "source_note"
    return words.word(name, sources=words.join(lines))


def plain(value: str) -> str:
    """Return ``value`` as plain text without markup or citation markers, whitespace folded."""
    return " ".join("".join(r.text for r in runs(value)).split())
