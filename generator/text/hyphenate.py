"""Hyphenation points from real dictionaries (pyphen ships LibreOffice's patterns), by language."""

from __future__ import annotations

from functools import lru_cache

MIN_WORD = 8
"""Words shorter than this many letters are never hyphenated."""
MIN_LEFT = 3
MIN_RIGHT = 3
"""Letters a hyphenated word keeps at least before and after its hyphen."""


@lru_cache(maxsize=32)
def dictionary_name(language: str | None) -> str | None:
    """Return the pyphen dictionary for BCP 47 ``language`` ('de', 'en-GB'), or None.

    Languages without a dictionary (Finnish, Chinese, Japanese, ...) are not hyphenated:
    their long words must fit, shrink or be reported.
    """
    if not language:
        return None
    import pyphen  # imported here: only a build breaks lines

    return pyphen.language_fallback(language.replace("-", "_"))


@lru_cache(maxsize=32)
def _dictionary(name: str):
    import pyphen

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
