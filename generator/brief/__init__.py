"""The PDF builder: the outline typeset as a written brief, the only reportlab imports."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import Fonts, Outline
from ..report import BuildOptions, BuildResult
from .story import BriefPlan

__all__ = ["BriefBuilder", "BriefPlan"]


class BriefBuilder:
    """Builds the brief: ``plan`` translates the outline, ``build`` lays it out and writes it."""

    name = "brief"
    suffix = ".pdf"

    def prepare(self) -> None:
        """Import what a build needs and read the default fonts, ahead of the outline."""
        from . import pages, story  # noqa: F401 - imported for their cost, now
        from .fonts import register

        fonts = Fonts()
        register(fonts.body)
        register(fonts.heading)

    def plan(self, outline: Outline, options: BuildOptions | None = None) -> BriefPlan:
        """Return the brief's story and findings; reads and writes no file."""
        from .story import plan

        return plan(outline, options or BuildOptions())

    def build(self, outline: Outline, path: Path | str,
              options: BuildOptions | None = None) -> BuildResult:
        """Write the brief to ``path``; return its page count and findings.

        When a character cannot be drawn the PDF is not written and the result carries
        the 'glyph' errors.
        """
        from reportlab.platypus.doctemplate import LayoutError

        from ..limits import too_tall
        from .pages import BriefDocument

        options = options or BuildOptions()
        path = Path(path)
        with _quick_settings():
            brief = self.plan(outline, options)
            if any(f.severity == "error" for f in brief.findings):
                return BuildResult(path, 0, "pages", brief.findings)
            doc = BriefDocument(str(path), outline, brief.context, options.timestamp,
                                brief.total)
            try:
                doc.multiBuild(brief.story)
            except LayoutError:  # a block taller than a page: an error, not a crash
                return BuildResult(path, 0, "pages", [*brief.findings, too_tall()])
        return BuildResult(path, brief.total.total or 0, "pages", brief.findings)


@contextmanager
def _quick_settings() -> Iterator[None]:
    """Set Python and reportlab, while a brief is made, to skip three costs; then reset them.

    - The cycle collector is paused: the story lives until the file is written, and the
      collector would walk it again each time it grew, a cost that grows faster than the
      brief. Reference counting still frees whatever is dropped on the way.
    - Chart shapes are not checked as they are set (the unit tests make charts with the
      checks on).
    - Page streams are written as binary Flate, without ASCII85 on top: a quarter smaller,
      and nothing more to encode or decode.
    """
    from reportlab import rl_config

    was_collecting = gc.isenabled()
    saved = rl_config.shapeChecking, rl_config.useA85
    gc.disable()
    rl_config.shapeChecking, rl_config.useA85 = 0, 0
    try:
        yield
    finally:
        rl_config.shapeChecking, rl_config.useA85 = saved
        if was_collecting:
            gc.enable()
