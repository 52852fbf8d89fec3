"""The slides as PDF and the presenter's handout, drawn with reportlab from the deck's plans.

No office suite is involved: the slide plans the PPTX writer uses (``deck.planner``) are
painted on PDF pages with the same geometry, bundled fonts, colours, tables and charts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Outline
from ..report import BuildOptions, BuildResult, Finding

if TYPE_CHECKING:
    from ..deck.elements import DeckPlan

__all__ = ["HANDOUT_LAYOUTS", "HandoutBuilder", "SlidesPdfBuilder"]

HANDOUT_LAYOUTS = (1, 3)
"""Slides per handout page: one with its notes below, or three with lines for notes."""


class _SlidesBuilder:
    """What deck.pdf and the handout share: the deck's own plan, its findings, a PDF."""

    suffix = ".pdf"
    unit = "pages"

    def plan(self, outline: Outline, options: BuildOptions | None = None):
        """Return the slide plans (the deck's DeckPlan), their findings joined by the labels
        of the PDF's chart drawings that find no room; writes nothing."""
        from dataclasses import replace

        from ..deck import DeckBuilder
        from .charts import findings

        deck = DeckBuilder().plan(outline, options or BuildOptions())
        return replace(deck, findings=[*deck.findings, *findings(deck, outline)])

    def findings(self, outline: Outline, options: BuildOptions | None = None
                 ) -> list[Finding]:
        """Return the layout findings a build would report: the plan's."""
        return list(self.plan(outline, options).findings)

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the PDF to ``path``; return its page count and the findings."""
        options = options or BuildOptions()
        deck = self.plan(outline, options)
        count = self._write(deck, outline, Path(path), options)
        return BuildResult(Path(path), count, self.unit, list(deck.findings))

    def _write(self, deck: DeckPlan, outline: Outline, path: Path,
               options: BuildOptions) -> int:
        raise NotImplementedError


class SlidesPdfBuilder(_SlidesBuilder):
    """Builds deck.pdf: ``plan`` is the deck's own plan, ``build`` paints it page by page."""

    name = "slides-pdf"
    stem = "deck"

    def prepare(self) -> None:
        """Import reportlab and the deck's planner ahead of the outline."""
        from . import document  # noqa: F401 - imported for its cost, now

    def _write(self, deck: DeckPlan, outline: Outline, path: Path,
               options: BuildOptions) -> int:
        from . import backdrop, document

        return document.write(deck, outline, path, options.timestamp, options.progress,
                              backdrop.of(deck, outline, options))


class HandoutBuilder(_SlidesBuilder):
    """Builds handout.pdf: each slide with its speaker notes, for a presenter to print.

    ``options.handout_layout`` is 1 (one slide and its notes per page) or 3 (three slides
    a page, each with ruled lines for notes).
    """

    name = "handout"
    stem = "handout"

    def prepare(self) -> None:
        """Import reportlab's page layout ahead of the outline."""
        from . import handout  # noqa: F401 - imported for its cost, now

    def _write(self, deck: DeckPlan, outline: Outline, path: Path,
               options: BuildOptions) -> int:
        from . import backdrop, handout

        layout = options.handout_layout
        if layout not in HANDOUT_LAYOUTS:
            raise ValueError(f"handout layout {layout}; expected one of {HANDOUT_LAYOUTS}")
        return handout.write(deck, outline, path, options.timestamp, layout,
                             backdrop.of(deck, outline, options))
