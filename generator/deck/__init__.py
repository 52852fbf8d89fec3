"""The PPTX builder: outline -> slide plans (pure) -> an editable PowerPoint deck."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import Outline
from ..report import BuildOptions, BuildResult
from .elements import DeckPlan, SlidePlan
from .planner import plan as _plan

__all__ = ["DeckBuilder", "DeckPlan", "SlidePlan"]


class DeckBuilder:
    """Builds the deck: ``plan`` lays the slides out in memory, ``build`` writes the file."""

    name = "deck"
    suffix = ".pptx"

    def prepare(self) -> None:
        """Import what a build needs (python-pptx), ahead of the outline."""
        from .pptx import writer  # noqa: F401 - imported for its cost, now

    def plan(self, outline: Outline, options: BuildOptions | None = None) -> DeckPlan:
        """Return the deck laid out as slide plans, with findings; writes nothing."""
        return _plan(outline, options or BuildOptions())

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the deck to ``path``; return the slide count and the findings."""
        from .pptx import writer  # python-pptx is needed only to write

        options = options or BuildOptions()
        with _collector_paused():
            deck = self.plan(outline, options)
            count = writer.write(deck, outline, Path(path), options)
        return BuildResult(Path(path), count, "slides", list(deck.findings))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a deck is laid out and written.

    A build makes hundreds of thousands of long-lived objects (plans, parts, relationships)
    and almost no garbage cycles; each full collection walks all of them, which made time
    grow faster than the slide count. Reference counting still frees everything else, and
    the collector resumes (if it was on) when the build ends or fails.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
