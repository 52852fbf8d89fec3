"""Hyphenation points from real dictionaries (pyphen ships LibreOffice's patterns), by language.

pyphen parses every pattern of a dictionary when it first opens it: 11,000 patterns for
English (about 0.15 s), 78,000 for German (about 1.2 s), however few words are hyphenated.
``_LazyPatterns`` reads the file in one go and parses a pattern only when a word looks it
up, with the same result. It relies on these pyphen names (checked before use; without them
pyphen parses as usual): ``pyphen.hdcache`` (the dictionaries pyphen has opened, by path,
which reportlab's ``hyphenationLang`` shares), ``pyphen.LANGUAGES``, ``pyphen.ignored``,
``pyphen.parse`` and ``HyphDict``'s attributes ``patterns``, ``cache`` and ``maxlen``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

MIN_WORD = 8
"""Words shorter than this many letters are never hyphenated."""
MIN_LEFT = 3
MIN_RIGHT = 3
"""Letters a hyphenated word keeps at least before and after its hyphen."""

_OTHER_DIGIT = re.compile(r"[^\D0-9]")


@lru_cache(maxsize=32)
def dictionary_name(language: str | None) -> str | None:
    """Return the pyphen dictionary for BCP 47 ``language`` ('de', 'en-GB'), or None.

    Languages without a dictionary (Finnish, Chinese, Japanese, ...) are not hyphenated:
    their long words must fit, shrink or be reported. The dictionary is opened lazily, for
    this module and for reportlab alike (``_open_lazily``).
    """
    if not language:
        return None
    import pyphen  # imported here: only a build breaks lines

    name = pyphen.language_fallback(language.replace("-", "_"))
    if name is not None:
        _open_lazily(name)
    return name


class _LazyPatterns:
    """A dictionary's patterns by their letters, each parsed from its line when first asked
    for, as pyphen's ``HyphDict`` parses them all up front (the ``patterns.get`` it uses).

    ``keys[i]`` holds the letters of pattern line ``lines[i]``; where several lines share
    their letters, pyphen keeps the last one it does not skip, and so does ``get``.
    """

    def __init__(self, keys: list[str], lines: list[str], parse, ignored):
        self._keys = keys
        self._lines = lines
        self._last = dict(zip(keys, lines, strict=True))
        self._shared: dict[str, list[str]] | None = None
        self._parsed: dict[str, tuple[int, tuple[int, ...]] | None] = {}
        self._parse = parse
        self._ignored = ignored

    def get(self, key: str, default=None):
        try:
            value = self._parsed[key]
        except KeyError:
            value = self._parsed[key] = self._pattern(key)
        return default if value is None else value

    def _pattern(self, key: str) -> tuple[int, tuple[int, ...]] | None:
        line = self._last.get(key)
        if line is None:
            return None
        value = self._values(line)
        if value is None and len(self._last) < len(self._keys):  # an earlier line, then
            for earlier in reversed(self._repeated().get(key, [])[:-1]):
                value = self._values(earlier)
                if value is not None:
                    break
        return value

    def _repeated(self) -> dict[str, list[str]]:
        """Return the lines of every key that more than one line has (worked out once)."""
        if self._shared is None:
            counts = Counter(self._keys)
            self._shared = {}
            for key, line in zip(self._keys, self._lines, strict=True):
                if counts[key] > 1:
                    self._shared.setdefault(key, []).append(line)
        return self._shared

    def _values(self, line: str) -> tuple[int, tuple[int, ...]] | None:
        """Return (offset, values) of pattern ``line`` as pyphen stores them, or None for a
        line that pyphen skips (settings, comments, no hyphenation value)."""
        if line.startswith(self._ignored):
            return None
        values = tuple(int(i or "0") for i, _ in self._parse(line))
        if max(values) == 0:
            return None
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        return start, values[start:end]


def _lazy_dict(path):
    """Return a pyphen ``HyphDict`` for ``path`` whose patterns are parsed on first use, or
    None when the file uses what only pyphen's own parser handles (``^^hh`` escapes,
    non-standard hyphenation, digits other than 0-9) or pyphen is not shaped as expected."""
    import pyphen

    if not all(hasattr(pyphen, n) for n in ("hdcache", "HyphDict", "parse", "ignored")):
        return None
    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    ignored = pyphen.ignored
    lines = [s for s in map(str.strip, path.read_text(encoding).split("\n")[1:])
             if s and not s.startswith(ignored)]
    joined = "\n".join(lines)
    if "^^" in joined or _OTHER_DIGIT.search(joined) or (
            "/" in joined and any("/" in s and "=" in s for s in lines)):
        return None
    # (bytes.translate: str.translate with a deletion table takes ten times as long)
    keys = joined.encode("utf-8").translate(None, b"0123456789").decode("utf-8").split("\n")
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns = _LazyPatterns(keys, lines, pyphen.parse, ignored)
    hd.cache = {}
    hd.maxlen = max(map(len, keys), default=0)
    return hd


@lru_cache(maxsize=32)
def _open_lazily(name: str) -> None:
    """Make pyphen's dictionary ``name`` one that parses its patterns on first use."""
    import pyphen

    path = pyphen.LANGUAGES.get(name) if hasattr(pyphen, "LANGUAGES") else None
    if path is None or path in getattr(pyphen, "hdcache", {path: None}):
        return
    hd = _lazy_dict(path)
    if hd is not None:
        pyphen.hdcache[path] = hd


@lru_cache(maxsize=32)
def _dictionary(name: str):
    import pyphen

    _open_lazily(name)
    return pyphen.Pyphen(lang=name, left=MIN_LEFT, right=MIN_RIGHT)


@lru_cache(maxsize=1 << 15)
def points(word: str, language: str | None) -> tuple[int, ...]:
    """Return the offsets inside ``word`` where it may be hyphenated, in order.

    Only the word's run of letters is hyphenated: leading and trailing punctuation stay on
    their side. Returns () without a dictionary for ``language`` or for a short word.
    """
    name = dictionary_name(language)
    if name is None:
        return ()
    start = 0
    while start < len(word) and not word[start].isalpha():
        start += 1
    end = len(word)
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    if len(core) < MIN_WORD or not core.isalpha():
        return ()
    return tuple(start + p for p in _dictionary(name).positions(core))
