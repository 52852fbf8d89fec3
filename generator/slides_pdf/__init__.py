"""The slides as PDF and the presenter's handout, drawn with reportlab from the deck's plans.

No office suite is involved: the slide plans the PPTX writer uses (``deck.planner``) are
painted on PDF pages with the same geometry, bundled fonts, colours, tables and charts.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Outline
from ..report import BuildOptions, BuildResult, Finding

__all__ = ["HANDOUT_LAYOUTS", "HandoutBuilder", "SlidesPdfBuilder"]

HANDOUT_LAYOUTS = (1, 3)
"""Slides per handout page: one with its notes below, or three with lines for notes."""


def _plan(outline: Outline, options: BuildOptions):
    from ..deck import DeckBuilder

    return DeckBuilder().plan(outline, options)


class SlidesPdfBuilder:
    """Builds deck.pdf: ``plan`` is the deck's own plan, ``build`` paints it page by page."""

    name = "slides-pdf"
    stem = "deck"
    suffix = ".pdf"
    unit = "pages"

    def prepare(self) -> None:
        """Import reportlab and the deck's planner ahead of the outline."""
        from . import document  # noqa: F401 - imported for its cost, now

    def plan(self, outline: Outline, options: BuildOptions | None = None):
        """Return the slide plans (the deck's DeckPlan); writes nothing."""
        return _plan(outline, options or BuildOptions())

    def findings(self, outline: Outline, options: BuildOptions | None = None
                 ) -> list[Finding]:
        """Return the layout findings a build would report: the deck plan's."""
        return list(self.plan(outline, options).findings)

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the slides to ``path`` as a PDF; return the page count and the findings."""
        from . import document

        options = options or BuildOptions()
        deck = self.plan(outline, options)
        count = document.write(deck, outline, Path(path), options.timestamp, options.progress)
        return BuildResult(Path(path), count, self.unit, list(deck.findings))


class HandoutBuilder:
    """Builds handout.pdf: each slide with its speaker notes, for a presenter to print.

    ``options.handout_layout`` is 1 (one slide and its notes per page) or 3 (three slides
    a page, each with ruled lines for notes).
    """

    name = "handout"
    stem = "handout"
    suffix = ".pdf"
    unit = "pages"

    def prepare(self) -> None:
        """Import reportlab's page layout ahead of the outline."""
        from . import handout  # noqa: F401 - imported for its cost, now

    def plan(self, outline: Outline, options: BuildOptions | None = None):
        """Return the slide plans the handout shows; writes nothing."""
        return _plan(outline, options or BuildOptions())

    def findings(self, outline: Outline, options: BuildOptions | None = None
                 ) -> list[Finding]:
        """Return the layout findings a build would report: the deck plan's."""
        return list(self.plan(outline, options).findings)

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the handout to ``path``; return its page count and the findings."""
        from . import handout

        options = options or BuildOptions()
        deck = self.plan(outline, options)
        layout = options.handout_layout
        if layout not in HANDOUT_LAYOUTS:
            raise ValueError(f"handout layout {layout}; expected one of {HANDOUT_LAYOUTS}")
        count = handout.write(deck, outline, Path(path), options.timestamp, layout)
        return BuildResult(Path(path), count, self.unit, list(deck.findings))
