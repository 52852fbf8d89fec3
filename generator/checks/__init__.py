"""The checks stage: every content finding, run by check, build and watch before any builder.

No builder owns a check here and no check imports a builder's library: contrast and fonts
(``style``), crowded, unnoted and unsourced slides (``content``), characters no font
draws (``glyphs``), and a language deckgen has no words for (``language``). Builders add
only their own layout findings (text shrunk or overflowing).
"""

from __future__ import annotations

from ..model import Outline
from ..report import Finding
from . import content, glyphs, language, style


def findings(outline: Outline) -> list[Finding]:
    """Return every content finding of ``outline``: warnings, and errors for undrawable text."""
    return [*language.findings(outline), *style.findings(outline),
            *content.findings(outline), *glyphs.findings(outline)]
