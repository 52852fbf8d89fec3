"""The checks stage: every content finding, run by check, build and watch before any builder.

No builder owns a check here and no check imports a builder's library: contrast and fonts
(``style``), crowded, unnoted and unsourced slides (``content``), and characters no font
draws (``glyphs``). Builders add only their own layout findings (text shrunk or overflowing).
"""

from __future__ import annotations

from ..model import Outline
from ..report import Finding
from . import content, glyphs, style


def findings(outline: Outline) -> list[Finding]:
    """Return every content finding of ``outline``: warnings, and errors for undrawable text."""
    return [*style.findings(outline), *content.findings(outline), *glyphs.findings(outline)]
