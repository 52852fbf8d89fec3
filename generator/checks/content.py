"""What each outline slide says: crowded, without notes, or with figures that cite nothing."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .. import brand as _brand
from .. import locale as _locale
from .. import text as _text
from ..model import ChartSlide, Outline, StatsSlide, TwoColumnSlide, shown_text
from ..report import Finding


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield the warnings about every slide of ``outline``: wordy, unsourced, no notes."""
    per_word = _locale.of(outline).characters_per_word
    for i, section in enumerate(outline.sections):
        for j, slide in enumerate(section.slides):
            yield from slide_findings(slide, ("sections", i, "slides", j), per_word)


def slide_findings(slide, path: tuple, characters_per_word: float = 2.0) -> Iterator[Finding]:
    """Yield the warnings about one outline slide at ``path``.

    A slide's words are those between spaces plus, in Japanese and Chinese text, one for
    every ``characters_per_word`` kana or Han characters (the language's ratio of
    characters to the English words that say as much; ``text.word_count``).
    """
    counts = [_counts(text) for _, text in shown_text(slide, labels=False)]
    characters = sum(c for _, c in counts)
    words = sum(w for w, _ in counts) + round(characters / characters_per_word)
    if words > _brand.WORDS_PER_SLIDE:
        yield Finding(path, _wordy(words, characters, characters_per_word), "wordy")
    if not slide.notes:
        yield Finding(path, "slide has no speaker notes; notes were made from the section",
                      "notes")
    if isinstance(slide, StatsSlide):
        for i, stat in enumerate(slide.stats):
            if not stat.source:
                yield Finding((*path, "stats", i), f"stat '{stat.value}' has no source; "
                              "expected 'source: <id>'", "unsourced")
    if isinstance(slide, ChartSlide) and not slide.chart.source:
        yield Finding((*path, "chart"), "chart has no source; expected 'source: <id>'",
                      "unsourced")
    if isinstance(slide, TwoColumnSlide):
        for side in ("left", "right"):
            col = getattr(slide, side)
            for what in ("stat", "chart"):
                part = getattr(col, what)
                if part is not None and not part.source:
                    yield Finding((*path, side, what), f"{what} has no source; expected "
                                  "'source: <id>'", "unsourced")


def _wordy(words: int, characters: int, per_word: float) -> str:
    """Return the message of a wordy slide: its words, and its characters where they
    count (Japanese, Chinese)."""
    most = _brand.WORDS_PER_SLIDE
    advice = "(move detail to the notes or the brief)"
    if not characters:
        return f"slide has {words} words; expected at most {most} {advice}"
    return (f"slide has {characters} characters, as much as {words} words at {per_word:g} "
            f"characters a word; expected at most {most} words {advice}")


@lru_cache(maxsize=1 << 14)
def _counts(value: str) -> tuple[int, int]:
    """Return the words between spaces and the characters written without spaces in
    ``value`` (remembered: labels and headings repeat from slide to slide)."""
    return _text.spaced_and_unspaced(value)
