"""Languages: the words deckgen writes itself, dates and quotation marks, one data file each.

Each supported language is a readable YAML file in ``generator/locales/`` (``en.yaml``,
``de.yaml``, ...). An outline's ``meta.language`` picks one (a regional tag such as de-DE,
pt-BR or zh-Hans falls back to its base language; an unknown one to English, which the
checks stage reports), and its ``labels:`` override any word. Both builders read words,
dates, quotes and the way numbers are written (``NumberStyle``: the region of the tag may
change it, es-MX writes 1,234.5) from here and nowhere else.
"""

from __future__ import annotations

import datetime as _dt
import re
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
class NumberStyle:
    """How a language writes the numbers deckgen formats itself (its CLDR number symbols).

    ``decimal`` is the decimal mark, ``group`` the mark between groups of three digits, and
    a number is grouped only when its first group would have at least
    ``minimum_grouping_digits`` digits (Spanish has 2: '1234,5' but '12.345,6'). The minus
    sign is the same in every language: the one Python writes.
    """

    decimal: str = "."
    group: str = ","
    minimum_grouping_digits: int = 1

    def write(self, english: str) -> str:
        """Return ``english``, a number as Python formats it ('-1,234.5', '12.5'), in this
        style: '-1.234,5' in German, '-1\u202f234,5' in French, '-1234,5' in Spanish.

        Anything else (literal text, 'inf') comes back as it is, and so does every number in
        the English style: English output stays byte for byte what it was.
        """
        if self == ENGLISH_NUMBERS:
            return english
        match = _PYTHON_NUMBER.fullmatch(english)
        if match is None:
            return english
        sign, whole, fraction = match.groups()
        digits = whole.replace(",", "")
        if "," in whole and len(digits) >= 3 + self.minimum_grouping_digits:
            head = len(digits) % 3 or 3
            digits = self.group.join([digits[:head]] + [digits[k:k + 3]
                                                         for k in range(head, len(digits), 3)])
        return sign + digits + (self.decimal + fraction if fraction is not None else "")


ENGLISH_NUMBERS = NumberStyle()
"""Numbers as deckgen has always written them: '1,234.5' (English, and any language
whose locale file says nothing of numbers)."""
_PYTHON_NUMBER = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


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


_ISO_DATE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?")
"""A source date written as YYYY-MM or YYYY-MM-DD."""

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
    numbers: NumberStyle = ENGLISH_NUMBERS
    """How the numbers deckgen formats itself are written (chart labels and ticks)."""
    overrides: Mapping[str, str] = field(default_factory=dict)
    punctuation: Punctuation = Punctuation()
    """How the sentences deckgen composes are punctuated."""
    characters_per_word: float = 2.0
    """Kana or Han characters that say as much as one English word: how the wordy check
    counts text written without spaces (a locale file's ``characters_per_word``)."""
    month_year: str = "{month} {year}"
    """How a month of a year is written ('Februar 2026', '2026年2月'): a source's date."""

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
        one line with the word that names it (spaces made no-break when it is short), so no
        line ends on a bare 'Unit:'."""
        if len(unit) > 24:
            return self.word("unit_note", unit=unit)
        note = self.word("unit_note", unit="\0").replace(" \0", "\u00a0\0")
        return note.replace("\0", unit.replace(" ", "\u00a0"))

    def date(self, day: _dt.date) -> str:
        """Return ``day`` written out as this language writes dates: '28. Februar 2025'."""
        number = self.first_day if day.day == 1 and self.first_day else str(day.day)
        return (self.date_format.replace("{day}", number)
                .replace("{month}", self.months[day.month - 1])
                .replace("{month_number}", str(day.month))
                .replace("{year}", str(day.year)))

    def source_date(self, value: str) -> str:
        """Return a source's ``date`` as this language writes it: YYYY-MM-DD as ``date``,
        YYYY-MM as ``month_year`` ('2026-02' -> 'February 2026'); anything else as given."""
        found = _ISO_DATE.fullmatch(value.strip())
        if found is None:
            return value
        year, month = int(found[1]), int(found[2])
        if found[3]:
            try:
                return self.date(_dt.date(year, month, int(found[3])))
            except ValueError:
                return value
        return (self.month_year.replace("{month}", self.months[month - 1])
                .replace("{month_number}", str(month)).replace("{year}", str(year)))

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
                  frozenset(w.lower() for w in data.get("cited_after") or ()),
                  _numbers(data.get("numbers") or {}, region(tag) if code == base(tag) else None),
                  dict(overrides), _punctuation(data.get("punctuation") or {}),
                  float(data.get("characters_per_word")
                        or _data(DEFAULT)["characters_per_word"]),
                  data.get("month_year", "{month} {year}"))


def region(tag: str) -> str | None:
    """Return the region of BCP 47 ``tag`` in upper case: 'es-MX' -> 'MX', 'es-419' -> '419',
    'zh-Hans-CN' -> 'CN'; None when it names none."""
    for part in tag.replace("_", "-").split("-")[1:]:
        if re.fullmatch(r"[A-Za-z]{2}|\d{3}", part):
            return part.upper()
    return None


def _numbers(data: Mapping, region: str | None) -> NumberStyle:
    """Return the number style of a locale file's ``numbers:``, with its ``regions:`` entry
    for ``region`` (if any) over it."""
    own = {**data, **((data.get("regions") or {}).get(region) or {})}
    return NumberStyle(str(own.get("decimal", ".")), str(own.get("group", ",")),
                       int(own.get("minimum_grouping_digits", 1)))


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
