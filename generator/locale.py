"""Languages: the words deckgen writes itself, dates and quotation marks, one data file each.

Each supported language is a readable YAML file in ``generator/locales/`` (``en.yaml``,
``de.yaml``, ...). An outline's ``meta.language`` picks one (a regional tag such as de-DE,
pt-BR or zh-Hans falls back to its base language; an unknown one to English, which the
checks stage reports), and its ``labels:`` override any word. Both builders read words,
dates and quotes from here and nowhere else.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import source

if TYPE_CHECKING:  # the model imports this module for the label names
    from .model import Outline

LOCALE_DIR = Path(__file__).parent / "locales"
DEFAULT = "en"


@lru_cache(maxsize=1)
def supported() -> tuple[str, ...]:
    """Return the base language codes that have a locale file, sorted."""
    return tuple(sorted(p.stem for p in LOCALE_DIR.glob("*.yaml")))


def base(tag: str) -> str:
    """Return the base language of BCP 47 ``tag``: 'de-DE' -> 'de', 'zh-Hans' -> 'zh'."""
    return tag.replace("_", "-").split("-")[0].lower()


def is_supported(tag: str) -> bool:
    """Whether ``tag`` (or its base language) has a locale file."""
    return base(tag) in supported()


@lru_cache(maxsize=16)
def _data(code: str) -> dict:
    data = source.read(LOCALE_DIR / f"{code}.yaml").data
    assert isinstance(data, dict), code
    return data


def label_names() -> tuple[str, ...]:
    """Return the names of every generated word (the keys ``labels:`` may override)."""
    return tuple(_data(DEFAULT)["labels"])


@dataclass(frozen=True)
class Punctuation:
    """How a language punctuates the sentences deckgen composes itself (source lines, the
    sources list, run-in heads): a locale file's ``punctuation:``, English's by default."""

    full_stop: str = "."
    comma: str = ", "
    """Between the parts of one source ('Publisher, Title')."""
    colon: str = ": "
    """After a name that heads a line ('Peer: headline')."""
    parentheses: tuple[str, str] = (" (", ")")
    """Around an aside ('Title (2025)'), the space before it included."""
    space: str = " "
    """After a full stop or a colon, before what follows (none after Japanese 。 or ：)."""
    gap: str = " "
    """Between two composed parts when the first ends with no mark (Japanese uses U+3000)."""

    def aside(self, text: str) -> str:
        """Return ``text`` in parentheses, as an aside to what stands before it."""
        return f"{self.parentheses[0]}{text}{self.parentheses[1]}"

    def after(self, part: str) -> str:
        """Return what follows ``part`` before another part: ``space`` when it ends with a
        full stop, colon or closing mark, ``gap`` when it does not."""
        return self.space if part[-1:] in _ENDING_MARKS else self.gap

    def sentences(self, parts: list[str]) -> str:
        """Return ``parts`` (sentences or captions) one after another, each followed by
        ``after`` it."""
        out = ""
        for part in parts:
            out += (self.after(out) if out else "") + part
        return out


_ENDING_MARKS = frozenset(".!?:;)]»”’…。．！？：；）」』】〉》")
"""Marks that end a sentence or an aside: no gap is needed after them."""


@dataclass(frozen=True)
class Locale:
    """One language's words, date format and quotation marks, with an outline's overrides."""

    language: str
    labels: Mapping[str, str]
    months: tuple[str, ...]
    date_format: str
    quotes: tuple[str, str]
    separator: str
    hyphenation: str | None = None
    first_day: str | None = None
    cited_after: frozenset[str] = frozenset()
    """Words after which a citation is part of the sentence ('based on [@a]')."""
    overrides: Mapping[str, str] = field(default_factory=dict)
    punctuation: Punctuation = Punctuation()
    """How the sentences deckgen composes are punctuated."""
    characters_per_word: float = 2.0
    """Kana or Han characters that say as much as one English word: how the wordy check
    counts text written without spaces (a locale file's ``characters_per_word``)."""

    def word(self, key: str, /, **values: object) -> str:
        """Return the generated word ``key``, its {placeholders} filled from ``values``.

        A placeholder the word (or an outline's override of it) does not use is left out;
        one it names but is not given stays as written.
        """
        text = self.overrides.get(key) or self.labels[key]
        for key, value in values.items():
            text = text.replace("{" + key + "}", str(value))
        return text

    def unit_note(self, unit: str) -> str:
        """Return the note that names a chart's unit: 'Unit: ₹ crore.', the unit kept whole on
        one line (its spaces made no-break when it is short)."""
        kept = unit.replace(" ", "\u00a0") if len(unit) <= 24 else unit
        return self.word("unit_note", unit=kept)

    def date(self, day: _dt.date) -> str:
        """Return ``day`` written out as this language writes dates: '28. Februar 2025'."""
        number = self.first_day if day.day == 1 and self.first_day else str(day.day)
        return (self.date_format.replace("{day}", number)
                .replace("{month}", self.months[day.month - 1])
                .replace("{month_number}", str(day.month))
                .replace("{year}", str(day.year)))

    def marks(self, text: str) -> tuple[str, str]:
        """Return the opening and closing marks ``text`` needs: this language's („…“, « … »,
        「…」), or none when the author already wrote the text inside quotation marks."""
        bare = text.strip()
        if len(bare) > 1 and bare[0] in _OPENING_MARKS and bare[-1] in _CLOSING_MARKS:
            return "", ""
        return self.quotes

    def quote(self, text: str) -> str:
        """Return ``text`` in this language's quotation marks, unless already quoted."""
        opening, closing = self.marks(text)
        return f"{opening}{text}{closing}"

    def join(self, items: list[str]) -> str:
        """Return ``items`` as a list in running text: 'a; b; c', 'a、b、c'."""
        return self.separator.join(items)


_OPENING_MARKS = frozenset("\"'«»‹›„‚“‘「『")
_CLOSING_MARKS = frozenset("\"'«»‹›“”‘’」』")
"""Marks an author may have put around a quotation already (» « is Danish and German style)."""


@lru_cache(maxsize=64)
def _locale(tag: str, overrides: tuple[tuple[str, str], ...]) -> Locale:
    code = base(tag) if is_supported(tag) else DEFAULT
    data = _data(code)
    labels = {**_data(DEFAULT)["labels"], **data["labels"]}
    open_, close = data["quotes"]
    return Locale(code, labels, tuple(data["months"]), data["date"], (open_, close),
                  data.get("list", "; "), data.get("hyphenation"), data.get("first_day"),
                  frozenset(w.lower() for w in data.get("cited_after") or ()), dict(overrides),
                  _punctuation(data.get("punctuation") or {}),
                  float(data.get("characters_per_word")
                        or _data(DEFAULT)["characters_per_word"]))


def _punctuation(data: Mapping[str, object]) -> Punctuation:
    """Return a locale file's ``punctuation:`` over English's."""
    marks = {**_data(DEFAULT).get("punctuation", {}), **data}
    opening, closing = marks.pop("parentheses", Punctuation.parentheses)
    return Punctuation(**marks, parentheses=(opening, closing))


def get(tag: str = DEFAULT, labels: Mapping[str, str] | None = None) -> Locale:
    """Return the locale of language ``tag`` with ``labels`` overriding its words.

    An unsupported tag gives English (the checks stage warns about it).
    """
    return _locale(tag, tuple(sorted((labels or {}).items())))


def of(outline: Outline) -> Locale:
    """Return the locale an outline asks for: ``meta.language`` and its ``labels``."""
    return get(outline.meta.language, outline.labels)
