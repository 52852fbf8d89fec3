"""Line breaking shared by the deck and the brief: where a line may end, and how lines fill.

The rules, for any language:

- a line may end at a space, after a hyphen or dash inside a word, after ``/`` (and a
  Windows path's ``\\``) and before ``?``, ``#`` and ``&`` in a URL or path, after ``_``
  and ``=`` in a web address, between two CJK characters (kinsoku: no line starts with
  、。，）」 and the like, none ends with （「), and at a hyphenation point of the outline's
  language (``hyphenate``), where the line shows a hyphen (never inside a web address,
  where a hyphen would read as part of it);
- a lone punctuation mark or unit never starts a line, a number keeps its unit and a
  currency sign its number ('R$ 0,38'):
  ``glue`` makes those spaces non-breaking (the deck and the brief both write them so, so
  no renderer breaks there either), and French « » hold their words the same way;
- a word with no break point that fits is broken between characters only as a last resort,
  and the line says so (``Line.forced``): fitting treats that as not fitting;
- CJK text keeps a number with the counter or unit after it (2024年, 1200円, 15%) and never
  splits a doubled mark (……, ——);
- a paragraph of two or more lines never ends on a line of one CJK character (or one and
  its closing marks, 区。): the line before gives it characters, at an allowed break, as a
  Japanese or Chinese typesetter would (``_carry``); the line count stays as it was.

A line is filled greedily, as both PowerPoint and reportlab do; a word that does not fit is
hyphenated when the line would otherwise stay less than ``HYPHENATE_BELOW`` full.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
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
                          "ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
                          "ゎゕゖヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ〃"
                          "］〙〗〟｠‼⁇⁈⁉゠〜～‐℃°′″"
                          "｡｣､･ｰｧｨｩｪｫｬｭｮｯ")
"""Characters that never open a line: Latin closing marks and, for CJK (JIS X 4051
kinsoku), closing brackets and quotes, 、。，．・：；！？, small kana, the long vowel mark ー,
the iteration marks 々ゝゞヽヾ〃, the wave dash 〜 and the units ％℃° after a number."""
NO_LINE_END = frozenset("([{«“‘（「『【〈《〔｛［〘〖〝｟｢￥＄￡＃")
"""Characters that never close a line: opening brackets and quotes, and the currency signs
that stand before a number (￥1200)."""
_INSEPARABLE = frozenset("…‥—―")
"""Marks set doubled in CJK text (……, ——) that no line splits."""
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_DECIMAL = frozenset(".,．，")
UNITS = frozenset({
    "%", "‰", "€", "$", "£", "¥", "pp", "pt", "bn", "mn", "m", "M", "Mrd.", "Mio.", "Md",
    "k", "K", "GW", "GWh", "MW", "MWh", "kW", "kWh", "TWh", "W", "Wh", "t", "kt", "Mt",
    "km", "kg", "g", "l", "°C", "°", "h", "min", "s", "ms", "ct", "x", "×", "USD", "EUR",
    "CHF", "JPY", "CNY", "yen", "m²", "m³", "km²", "Gt",
})
"""Tokens that stay with the number before them."""
CURRENCIES = ("R$", "US$", "A$", "C$", "HK$", "S$", "NZ$", "MX$", "$", "€", "£", "¥", "₹",
              "₩", "₽", "₺", "CHF", "USD", "EUR", "GBP", "JPY", "CNY", "BRL", "kr", "zł")
"""Currency signs and codes that stay with the number after them ('R$ 0,38', '€ 12')."""

_SPACE_BEFORE = re.compile(r"(?<=\S) (?=[,.;:!?%‰)\]}»”’]+(?:\s|$))")
_AFTER_GUILLEMET = re.compile(r"(«|‹) ")
_BEFORE_GUILLEMET = re.compile(r" (»|›)")
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(\S+?)[,.;:!?)]*(?:\s|$))")
_CURRENCY_NUMBER = re.compile(
    r"(?:^|(?<=[\s(\[]))(?:" + "|".join(map(re.escape, sorted(CURRENCIES, key=len, reverse=True)))
    + r") (?=[-+\u2212]?\d)")
_URLISH = re.compile(r"://|^www\.|/\S")


def glue(text: str) -> str:
    """Return ``text`` with the spaces that must not break made non-breaking.

    A space before a lone punctuation mark (" %", " :", " »"), after «, between a number
    and its unit ("48 %", "12 GWh") and between a currency and its number ("R$ 0,38",
    "US$ 1.2bn") becomes U+00A0. The text keeps its length.
    """
    if " " not in text:
        return text
    text = _SPACE_BEFORE.sub(NBSP, text)
    text = _AFTER_GUILLEMET.sub(lambda m: m.group(1) + NBSP, text)
    text = _BEFORE_GUILLEMET.sub(lambda m: NBSP + m.group(1), text)
    text = _CURRENCY_NUMBER.sub(lambda m: m.group(0)[:-1] + NBSP, text)
    return _NUMBER_UNIT.sub(lambda m: NBSP if m.group(1) in UNITS else " ", text)


def wide(ch: str) -> bool:
    """Whether ``ch`` is a wide (CJK) character, which lines may break around."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


@dataclass(frozen=True)
class Break:
    """A place a line may end: the line ends at ``end``, the next starts at ``next``.

    ``kind`` is 'space', 'after' (after a hyphen, slash or CJK character), 'hyphen' (a
    hyphenation point: the line shows a hyphen), 'fallback' (taken only as a hyphenation
    point is, by a piece that overflows its line, but showing no hyphen: after a web
    address's 'https://') or 'hard' (a line break in the text).
    """

    end: int
    next: int
    kind: str


@lru_cache(maxsize=1 << 14)
def breaks(text: str, language: str | None = None) -> tuple[Break, ...]:
    """Return every place a line of ``text`` may end, in order."""
    out: list[Break] = []
    lo = 0
    for b in _plain_breaks(text):
        out += _hyphen_breaks(text, lo, b.end, language)
        out.append(b)
        lo = b.next
    out += _hyphen_breaks(text, lo, len(text), language)
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _plain_breaks(text: str) -> tuple[Break, ...]:
    """Return the places a line of ``text`` may end other than hyphenation points, in order.

    Between two of them (and before the first, after the last) lies a piece of a word that
    only hyphenation may break (``_hyphen_breaks``): fitting looks its points up only for
    the pieces that overflow a line, as most words fit as they are.
    """
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
        out += [Break(i + k, i + k, "after") for k in _inner_breaks(text[i:j])]
        i = j
    return tuple(out)


_INNER = frozenset(_DASHES + "/\\?#&_=")
"""The ASCII characters that may make a break inside a word other than hyphenation."""


@lru_cache(maxsize=1 << 15)
def _inner_breaks(word: str) -> tuple[int, ...]:
    """Return the offsets inside one space-free ``word`` after which a line may end without
    a hyphen (after a dash or slash, before a URL's ``?#&``, around CJK), in order."""
    if word.isascii() and _INNER.isdisjoint(word):  # no CJK, dash, slash or URL mark
        return ()
    inner: list[int] = []
    urlish = bool(_URLISH.search(word))
    # a URL or file path breaks after its slashes; '€/kg' and 'and/or' do not
    path = ("://" in word or word.startswith("www.") or "\\" in word
            or word.count("/") >= 2)
    web = _web(word)
    query = word.find("?") if urlish else -1  # where a URL's parameters start
    for k in range(1, len(word)):
        a, b = word[k - 1], word[k]
        if path and a in "/\\" and b not in "/\\" and k > 1:
            if word[max(k - 3, 0):k] != "://":  # 'https://' is not left alone on a line
                inner.append(k)  # after a slash in a path, whatever follows ('/?q=1' too)
            continue
        if urlish and b == "?" and a != "/" and word[k + 1:k + 2].isalnum():
            inner.append(k)  # a URL's query: '?' opens a line (not one ending a sentence)
            continue
        if b in NO_LINE_START or a in NO_LINE_END or (a == b and a in _INSEPARABLE):
            continue
        if _in_number(word, k):
            continue
        if wide(a) or wide(b):
            inner.append(k)
        elif a in _DASHES and word[:k - 1].strip(_DASHES) and b.isalnum() and not (
                b.isdigit() and word[k - 2].isdigit()):  # not inside 2026-10 or 75–150
            inner.append(k)
        elif web and a in "_=" and b.isalnum() and word[:k - 1].isascii() and (
                a == "=" or not 0 <= query < k):
            inner.append(k)  # a web address also after '_' in its path and after '=' (as
            # style guides allow), not inside a parameter's name ('utm_' / 'source')
        elif urlish and b in "?#&" and a != "/":
            inner.append(k)
    return tuple(inner)


def _in_number(word: str, k: int) -> bool:
    """Whether offset ``k`` of ``word`` lies inside a number or between a number and the
    CJK counter or unit after it (１２００円, 2024年, 1,5): no line ends there."""
    a, b = word[k - 1], word[k]
    if a in _DIGITS:
        return b in _DIGITS or wide(b)
    return a in _DECIMAL and b in _DIGITS and k > 1 and word[k - 2] in _DIGITS


def _web(word: str) -> bool:
    """Whether ``word`` is a web address (never hyphenated: a hyphen would read as its own)."""
    return "://" in word or word.startswith("www.")


def _hyphen_breaks(text: str, lo: int, hi: int, language: str | None) -> list[Break]:
    """Return the hyphenation points of the piece ``text[lo:hi]`` (between two other breaks;
    spaces at either end of the text are skipped as non-letters), in order.

    None inside a web address (but the break after its 'https://', which a line takes
    only when the address would not fit it otherwise: the scheme is not left alone at the
    end of a line of text), and none in a short part of a hyphenated compound
    ('quick-commerce' breaks at its own hyphen, not as 'quick-com-merce').
    """
    start, end = lo, hi
    while start > 0 and not (text[start - 1].isspace() and text[start - 1] not in _KEEP):
        start -= 1
    while end < len(text) and not (text[end].isspace() and text[end] not in _KEEP):
        end += 1
    word = text[start:end].strip()
    if _web(word):  # never hyphenated; after its 'scheme://' only when the piece overflows
        scheme = text.find("://", lo, hi)
        return [Break(scheme + 3, scheme + 3, "fallback")] if lo < scheme and scheme + 3 < hi \
            else []
    compound = any(word[k - 1] in _DASHES for k in _inner_breaks(word))
    if compound and len(text[lo:hi].strip()) < COMPOUND_PART_HYPHENATED:
        return []
    return [Break(lo + p, lo + p, "hyphen") for p in _piece_points(text[lo:hi], language)]


@lru_cache(maxsize=1 << 15)
def _piece_points(piece: str, language: str | None) -> tuple[int, ...]:
    if not piece or any(wide(c) for c in piece):
        return ()
    return hyphenate.points(piece, language)


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
    ``HYPHENATE_BELOW`` full. Then a last line of one CJK character takes characters from
    the line before (``_carry``).
    """
    cum = [0.0]
    for w in advances:
        cum.append(cum[-1] + w)
    points = _plain_breaks(text)
    return _carry(text, _greedy(text, cum, points, width, hyphen_width, language), cum,
                  points, width)


def _greedy(text: str, cum: list[float], points: tuple[Break, ...], width: float,
            hyphen_width: float, language: str | None) -> list[Line]:
    """Return the lines of ``text`` filled greedily (``fill``), ``cum[k]`` the width of
    ``text[:k]``."""
    n = len(text)
    lines: list[Line] = []
    start, j = 0, 0
    while True:
        while j < len(points) and points[j].end <= start:
            j += 1
        best: Break | None = None
        hard = None
        k = j
        while k < len(points):
            b = points[k]
            w = cum[b.end] - cum[start]
            if b.kind == "hard":
                if w <= width:
                    hard = b
                break
            if w > width:
                break
            best = b
            k += 1
        if hard is None and cum[n] - cum[start] <= width:
            lines.append(Line(start, n, n, "end"))
            return lines
        if hard is not None:
            lines.append(Line(start, hard.end, hard.next, "hard"))
            start = hard.next
            continue
        if best is None or cum[best.end] - cum[start] < HYPHENATE_BELOW * width:
            # the piece that overflows (up to points[k]) may end the line at a hyphen: at
            # its last hyphenation point that fits, after any break before it
            lo = points[k - 1].next if k > 0 else 0
            hi = points[k].end if k < len(points) else n
            for h in reversed(_hyphen_breaks(text, lo, hi, language)):
                if h.end > start and cum[h.end] - cum[start] + _mark(h, hyphen_width) <= width:
                    best = h
                    break
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


def lone(line: str, before: str = "") -> bool:
    """Whether ``line`` holds one CJK character alone, or one and its closing marks (区。),
    or one letter or digit after CJK text (拠点 / 1; ``before`` is the text before the
    line): a last line that a Japanese or Chinese typesetter would not leave."""
    line = line.strip()
    if not line or line[0] in NO_LINE_START or not all(c in NO_LINE_START for c in line[1:]):
        return False
    return wide(line[0]) or (line[0].isalnum() and before[-1:].isalnum() and wide(before[-1]))


def _carry(text: str, lines: list[Line], cum: list[float], points: tuple[Break, ...],
           width: float) -> list[Line]:
    """Return ``lines`` with each paragraph's lone last line (``lone``) given characters
    from the line before, when that line ends between characters (the brief's reportlab
    splits only such a word again, see ``brief.typesetting.Breaker``): it ends instead at
    its last allowed break between characters (not at a space, where a presentation
    program would fill the line again) from which the rest fits ``width`` and is not lone
    itself. Where none does (a box one character wide) the lines stay as they are. A hard
    line break ends a paragraph too.
    """
    out = list(lines)
    for i in range(1, len(out)):
        last, before = out[i], out[i - 1]
        if last.kind not in ("end", "hard") or before.kind != "after" or (
                not lone(text[last.start:last.end], text[last.start - 1:last.start])):
            continue
        for b in reversed(points):
            if b.end >= before.end or b.kind != "after":
                continue
            if b.end <= before.start or cum[last.end] - cum[b.next] > width:
                break
            if not text[before.start:b.end].strip() or lone(text[b.next:last.end],
                                                             text[b.next - 1:b.next]):
                continue
            out[i - 1] = Line(before.start, b.end, b.next, b.kind)
            out[i] = replace(last, start=b.next)
            break
    return out


def widest_piece(text: str, advances: list[float], hyphen_width: float,
                 language: str | None = None, *, hyphenate: bool = True) -> float:
    """Return the width of the widest piece of ``text`` that no line break may split, the
    narrowest box it fits without a cut word (``advances[k]`` the width of text[k]); with
    ``hyphenate``, pieces end at hyphenation points too and carry a hyphen ``hyphen_width``
    wide.

    Only the pieces that could be the widest are hyphenated: one that is no wider than the
    widest so far, even with a hyphen, has no part wider than that either.

    A paragraph's last line holds no lone CJK character where the line before can give it
    one (``fill``): so its last piece counts with the characters it would take (田区, not
    区), and a box that fits ``拠点`` or ``スピード`` holds the word whole rather than leave
    one character alone on either of two lines.
    """
    cum = [0.0]
    acc = 0.0
    for w in advances:
        acc += w
        cum.append(acc)
    points = _plain_breaks(text)
    return max(_widest(text, cum, points, hyphen_width, language, hyphenate),
               _widest_last_line(text, cum, points))


def _mark(b: Break, hyphen_width: float) -> float:
    """The width a line ending at ``b`` adds for its mark: a hyphen's, or none."""
    return hyphen_width if b.kind == "hyphen" else 0.0


def _widest(text: str, cum: list[float], points: tuple[Break, ...], hyphen_width: float,
            language: str | None, hyphenate: bool) -> float:
    """Return the width of the widest piece between two breaks (``widest_piece``)."""
    spans, lo = [], 0
    for b in points:
        spans.append((b.end, lo))
        lo = b.next
    spans.append((len(text), lo))
    widest = 0.0
    for hi, lo in sorted(spans, key=lambda s: cum[s[0]] - cum[s[1]], reverse=True):
        if hyphenate and cum[hi] - cum[lo] + hyphen_width > widest:
            for h in _hyphen_breaks(text, lo, hi, language):
                widest = max(widest, cum[h.end] - cum[lo] + _mark(h, hyphen_width))
                lo = h.next
        widest = max(widest, cum[hi] - cum[lo])
    return widest


def _widest_last_line(text: str, cum: list[float], points: tuple[Break, ...]) -> float:
    """Return the width of the widest last line of a paragraph (the text, or a part of it
    before a hard line break) whose last piece is one CJK character alone: from the last
    break between characters before it whose rest is not alone, or from the paragraph's
    start or its last space (0 when no last piece is alone); from the paragraph's start
    when that would leave its first line alone instead (スピード, not ス / ピード)."""
    widest = 0.0
    ends = [k for k, b in enumerate(points) if b.kind == "hard"] + [len(points)]
    for k in ends:
        end = points[k].end if k < len(points) else len(text)
        lo = points[k - 1].next if k else 0
        if k == 0 or points[k - 1].kind != "after" or not lone(text[lo:end], text[lo - 1:lo]):
            continue
        first = next((b.next for b in reversed(points[:k - 1]) if b.kind == "hard"), 0)
        start = first  # where the last line starts: the paragraph's start at the latest
        for b in reversed(points[:k - 1]):
            if b.kind != "after" or not lone(text[b.next:end], text[b.next - 1:b.next]):
                start = b.next
                break
        if lone(text[first:start]):  # nor the first line of two (ス / ピード): one line
            start = first
        widest = max(widest, cum[end] - cum[start])
    return widest
