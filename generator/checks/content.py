"""What each outline slide says: crowded, without notes, or with figures that cite nothing."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .. import brand as _brand
from .. import text as _text
from ..model import ChartSlide, Outline, StatsSlide, TwoColumnSlide, shown_text
from ..report import Finding


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield the warnings about every slide of ``outline``: wordy, unsourced, no notes."""
    for i, section in enumerate(outline.sections):
        for j, slide in enumerate(section.slides):
            yield from slide_findings(slide, ("sections", i, "slides", j))


def slide_findings(slide, path: tuple) -> Iterator[Finding]:
    """Yield the warnings about one outline slide at ``path``."""
    words = sum(_word_count(text) for _, text in shown_text(slide, labels=False))
    if words > _brand.WORDS_PER_SLIDE:
        yield Finding(path, f"slide has {words} words; expected at most "
                      f"{_brand.WORDS_PER_SLIDE} (move detail to the notes or the brief)",
                      "wordy")
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


@lru_cache(maxsize=1 << 14)
def _word_count(value: str) -> int:
    """Return how many words a reader sees in ``value`` (remembered: labels and headings
    repeat from slide to slide)."""
    return _text.word_count(value)
