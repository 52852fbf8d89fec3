"""The PDF builder: the outline typeset as a written brief, the only reportlab imports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import runtime
from ..model import Fonts, Outline
from ..report import BuildOptions, BuildResult, Finding

if TYPE_CHECKING:
    from .story import BriefPlan

__all__ = ["BriefBuilder", "BriefPlan"]


def __getattr__(name: str) -> object:
    """Import the plan type on first use: the builder's registry imports this package, and
    reportlab should load only when a brief is made."""
    if name == "BriefPlan":
        from .story import BriefPlan

        return BriefPlan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class BriefBuilder:
    """Builds the brief: ``plan`` translates the outline, ``build`` lays it out and writes it."""

    name = "brief"
    stem = "brief"
    suffix = ".pdf"
    unit = "pages"

    def prepare(self) -> None:
        """Import what a build needs and read the default fonts, ahead of the outline."""
        from . import pages, story  # noqa: F401 - imported for their cost, now
        from .fonts import register

        fonts = Fonts()
        register(fonts.body)
        register(fonts.heading)

    def plan(self, outline: Outline, options: BuildOptions | None = None) -> BriefPlan:
        """Return the brief's story and layout findings; reads and writes no file."""
        from .story import plan

        return plan(outline, options or BuildOptions())

    def findings(self, outline: Outline, options: BuildOptions | None = None
                 ) -> list[Finding]:
        """Return the layout findings a build would report: the table cells whose words no
        column can hold uncut, and the chart labels that find no room (the brief flows all
        else onto more pages; what it cannot draw is the checks stage's). Worked out from
        the outline with the fonts' metrics, without reportlab or the story, so ``deckgen
        check`` stays quick; a test keeps it equal to ``plan`` and ``build``."""
        from .. import locale
        from ..checks.charts import charts
        from .columns import findings

        out = findings(outline, locale.of(outline).word("dimension"))
        if next(charts(outline), None) is None:
            return out
        from .figures import label_findings

        return out + label_findings(outline)

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the brief to ``path``; return its page count and layout findings.

        Characters no font draws are the checks stage's errors (``checks.glyphs``): a build
        stops before any builder runs when it finds one.
        """
        from reportlab.platypus.doctemplate import LayoutError

        from ..limits import too_tall
        from .pages import BriefDocument  # reportlab is loaded now, before its settings

        options = options or BuildOptions()
        path = Path(path)
        with runtime.quick():
            brief = self.plan(outline, options)
            doc = BriefDocument(str(path), outline, brief.context, options.timestamp,
                                brief.total)
            try:
                doc.multiBuild(brief.story)
            except LayoutError:  # a block taller than a page: an error, not a crash
                return BuildResult(path, 0, self.unit, [*brief.findings, too_tall()])
        return BuildResult(path, brief.total.total or 0, self.unit, brief.findings)
