"""Line breaking shared by the deck and the brief: where a line may end, and how lines fill.

The rules, for any language:

- a line may end at a space, after a hyphen or dash inside a word, after ``/`` (and a
  Windows path's ``\\``) and before ``?``, ``#`` and ``&`` in a URL or path, after ``_``
  and ``=`` in a web address, between two CJK characters (kinsoku: no line starts with
  、。，）」 and the like, none ends with （「), and at a hyphenation point of the outline's
  language (``hyphenate``), where the line shows a hyphen (never inside a web address,
  where a hyphen would read as part of it);
- a lone punctuation mark or unit never starts a line, and a number keeps its unit:
  ``glue`` makes those spaces non-breaking (the deck and the brief both write them so, so
  no renderer breaks there either), and French « » hold their words the same way;
- a word with no break point that fits is broken between characters only as a last resort,
  and the line says so (``Line.forced``): fitting treats that as not fitting.

A line is filled greedily, as both PowerPoint and reportlab do; a word that does not fit is
hyphenated when the line would otherwise stay less than ``HYPHENATE_BELOW`` full.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import hyphenate

NBSP = "\u00a0"
LINE_BREAK = "\v"
"""A line break inside a paragraph (the deck writes it as ``a:br``)."""
HYPHEN = "-"
COMPOUND_PART_HYPHENATED = 11
"""A part of a hyphenated compound ('quick-commerce') is hyphenated itself only when it has
at least this many characters (its hyphen included): 'Battery-swap-ping' reads badly."""
HYPHENATE_BELOW = 0.6
"""A word that does not fit is hyphenated when its line would stay less full than this."""
_KEEP = frozenset(NBSP + "\u202f\u2007\u2060\ufeff")
"""Spaces that never break."""
_DASHES = "-\u2010\u2012\u2013\u2014"
NO_LINE_START = frozenset(",.;:!?%‰)]}»”’" "、。，．：；！？）」』】〉》〕｝％・"
                          "ーぁぃぅぇぉっゃゅょァィゥェォッャュョ")
"""Characters that never open a line (Latin closing marks, CJK kinsoku)."""
NO_LINE_END = frozenset("([{«“‘（「『【〈《〔｛")
"""Characters that never close a line."""
UNITS = frozenset({
    "%", "‰", "€", "$", "£", "¥", "pp", "pt", "bn", "mn", "m", "M", "Mrd.", "Mio.", "Md",
    "k", "K", "GW", "GWh", "MW", "MWh", "kW", "kWh", "TWh", "W", "Wh", "t", "kt", "Mt",
    "km", "kg", "g", "l", "°C", "°", "h", "min", "s", "ms", "ct", "x", "×", "USD", "EUR",
    "CHF", "JPY", "CNY", "yen", "m²", "m³", "km²", "Gt",
})
"""Tokens that stay with the number before them."""

_SPACE_BEFORE = re.compile(r"(?<=\S) (?=[,.;:!?%‰)\]}»”’]+(?:\s|$))")
_AFTER_GUILLEMET = re.compile(r"(«|‹) ")
_BEFORE_GUILLEMET = re.compile(r" (»|›)")
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(\S+?)[,.;:!?)]*(?:\s|$))")
_URLISH = re.compile(r"://|^www\.|/\S")


def glue(text: str) -> str:
    """Return ``text`` with the spaces that must not break made non-breaking.

    A space before a lone punctuation mark (" %", " :", " »"), after «, and between a number
    and its unit ("48 %", "12 GWh") becomes U+00A0. The text keeps its length.
    """
    if " " not in text:
        return text
    text = _SPACE_BEFORE.sub(NBSP, text)
    text = _AFTER_GUILLEMET.sub(lambda m: m.group(1) + NBSP, text)
    text = _BEFORE_GUILLEMET.sub(lambda m: NBSP + m.group(1), text)
    return _NUMBER_UNIT.sub(lambda m: NBSP if m.group(1) in UNITS else " ", text)


def wide(ch: str) -> bool:
    """Whether ``ch`` is a wide (CJK) character, which lines may break around."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


@dataclass(frozen=True)
class Break:
    """A place a line may end: the line ends at ``end``, the next starts at ``next``.

    ``kind`` is 'space', 'after' (after a hyphen, slash or CJK character), 'hyphen' (a
    hyphenation point: the line shows a hyphen) or 'hard' (a line break in the text).
    """

    end: int
    next: int
    kind: str


@lru_cache(maxsize=1 << 14)
def breaks(text: str, language: str | None = None) -> tuple[Break, ...]:
    """Return every place a line of ``text`` may end, in order."""
    out: list[Break] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in "\v\n":
            out.append(Break(i, i + 1, "hard"))
            i += 1
            continue
        if ch.isspace() and ch not in _KEEP:
            j = i
            while j < n and text[j].isspace() and text[j] not in _KEEP and text[j] not in "\v\n":
                j += 1
            if i > 0 and j < n:
                out.append(Break(i, j, "space"))
            i = j
            continue
        j = i
        while j < n and not ((text[j].isspace() and text[j] not in _KEEP) or text[j] in "\v\n"):
            j += 1
        out += _word_breaks(text[i:j], i, language)
        i = j
    return tuple(out)


def _word_breaks(word: str, offset: int, language: str | None) -> list[Break]:
    """Breaks inside one space-free ``word`` that starts at ``offset`` of its text."""
    inner: list[int] = []
    urlish = bool(_URLISH.search(word))
    # a URL or file path breaks after its slashes; '€/kg' and 'and/or' do not
    path = ("://" in word or word.startswith("www.") or "\\" in word
            or word.count("/") >= 2)
    web = "://" in word or word.startswith("www.")
    for k in range(1, len(word)):
        a, b = word[k - 1], word[k]
        if path and a in "/\\" and b not in "/\\" and k > 1:
            inner.append(k)  # after a slash in a path, whatever follows ('/?q=1' too)
            continue
        if urlish and b == "?" and a != "/" and word[k + 1:k + 2].isalnum():
            inner.append(k)  # a URL's query: '?' opens a line (not one ending a sentence)
            continue
        if b in NO_LINE_START or a in NO_LINE_END:
            continue
        if wide(a) or wide(b):
            inner.append(k)
        elif a in _DASHES and word[:k - 1].strip(_DASHES) and b.isalnum() and not (
                b.isdigit() and word[k - 2].isdigit()):  # not inside 2026-10 or 75–150
            inner.append(k)
        elif web and a in "_=" and b.isalnum() and word[:k - 1].isascii():
            inner.append(k)  # a web address also after '_' and '=' (as style guides allow)
        elif urlish and b in "?#&" and a != "/":
            inner.append(k)
    out = [Break(offset + k, offset + k, "after") for k in inner]
    compound = any(word[k - 1] in _DASHES for k in inner)
    for lo, hi in zip([0, *inner], [*inner, len(word)], strict=True):
        piece = word[lo:hi]
        if web or any(wide(c) for c in piece) or (
                compound and len(piece) < COMPOUND_PART_HYPHENATED):
            continue  # a hyphenated compound breaks at its own hyphens, not beside them
        out += [Break(offset + lo + p, offset + lo + p, "hyphen")
                for p in hyphenate.points(piece, language)]
    out.sort(key=lambda b: b.end)
    return out


@dataclass(frozen=True)
class Line:
    """One line of a paragraph: ``text[start:end]``, shown with a hyphen when ``hyphen``.

    ``forced`` lines end inside a word where no rule allows a break: nothing else fitted.
    ``next`` is where the following line starts; ``kind`` how this line ends.
    """

    start: int
    end: int
    next: int
    kind: str
    hyphen: bool = False
    forced: bool = False


def fill(text: str, advances: list[float], width: float, hyphen_width: float,
         language: str | None = None) -> list[Line]:
    """Return the lines ``text`` fills in ``width``, ``advances[k]`` the width of text[k].

    Greedy: each line takes as much as fits up to its farthest allowed break; a word that
    overflows is hyphenated only when its line would otherwise stay less than
    ``HYPHENATE_BELOW`` full.
    """
    cum = [0.0]
    for w in advances:
        cum.append(cum[-1] + w)
    n = len(text)
    points = breaks(text, language)
    lines: list[Line] = []
    start, j = 0, 0
    while True:
        while j < len(points) and points[j].end <= start:
            j += 1
        plain_best = hyph_best = None
        hard = None
        k = j
        while k < len(points):
            b = points[k]
            w = cum[b.end] - cum[start] + (hyphen_width if b.kind == "hyphen" else 0.0)
            if b.kind == "hard":
                if w <= width:
                    hard = b
                break
            if w > width:
                if b.kind == "hyphen":
                    k += 1
                    continue
                break
            if b.kind == "hyphen":
                hyph_best = b
            else:
                plain_best = b
            k += 1
        if hard is None and cum[n] - cum[start] <= width:
            lines.append(Line(start, n, n, "end"))
            return lines
        if hard is not None:
            lines.append(Line(start, hard.end, hard.next, "hard"))
            start = hard.next
            continue
        best = plain_best
        if hyph_best is not None and (best is None or (
                hyph_best.end > best.end
                and cum[best.end] - cum[start] < HYPHENATE_BELOW * width)):
            best = hyph_best
        if best is not None:
            lines.append(Line(start, best.end, best.next, best.kind,
                              hyphen=best.kind == "hyphen"))
            start = best.next
            continue
        # no allowed break fits: break between characters, as the last resort
        end = start + 1
        while end < n and cum[end + 1] - cum[start] <= width:
            end += 1
        lines.append(Line(start, end, end, "forced", forced=True))
        start = end
        if start >= n:
            return lines
