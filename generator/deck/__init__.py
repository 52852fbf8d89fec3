"""The PPTX builder: outline -> slide plans (pure) -> an editable PowerPoint deck."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import runtime
from ..model import Outline
from ..report import BuildOptions, BuildResult, Finding

if TYPE_CHECKING:
    from .elements import DeckPlan, SlidePlan

__all__ = ["DeckBuilder", "DeckPlan", "SlidePlan"]


def __getattr__(name: str) -> object:
    """Import the plan types on first use: the builder's registry imports this package."""
    if name in ("DeckPlan", "SlidePlan"):
        from . import elements

        return getattr(elements, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DeckBuilder:
    """Builds the deck: ``plan`` lays the slides out in memory, ``build`` writes the file."""

    name = "deck"
    stem = "deck"
    suffix = ".pptx"
    unit = "slides"

    def prepare(self) -> None:
        """Import what a build needs (python-pptx), ahead of the outline."""
        from .pptx import writer  # noqa: F401 - imported for its cost, now

    def plan(self, outline: Outline, options: BuildOptions | None = None) -> DeckPlan:
        """Return the deck laid out as slide plans, with layout findings; writes nothing."""
        from .planner import plan

        return plan(outline, options or BuildOptions())

    def findings(self, outline: Outline, options: BuildOptions | None = None
                 ) -> list[Finding]:
        """Return the layout findings a build would report: the plan's."""
        return list(self.plan(outline, options).findings)

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the deck to ``path``, a deterministic zip; return the slide count and the
        layout findings."""
        from .pptx import writer  # python-pptx is needed only to write

        options = options or BuildOptions()
        with runtime.quick():
            deck = self.plan(outline, options)
            count = writer.write(deck, outline, Path(path), options)
        return BuildResult(Path(path), count, self.unit, list(deck.findings))
