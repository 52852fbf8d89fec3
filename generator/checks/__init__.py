"""The checks stage: every content finding, run by check, build and watch before any builder.

No builder owns a check here and no check imports a builder's library: contrast and fonts
(``style``), crowded, unnoted and unsourced slides (``content``), characters no font
draws (``glyphs``), charts a reader cannot tell apart (``charts``), a language deckgen has
no words for (``language``), and slides without a title or pictures without alt text
(``access``). Builders add only their own layout findings (text shrunk or overflowing; the
deck also the contrast and reading order of each planned slide, ``deck.access``).
"""

from __future__ import annotations

from ..model import Outline
from ..report import Finding
from . import access, charts, content, glyphs, language, style


def findings(outline: Outline) -> list[Finding]:
    """Return every content finding of ``outline``: warnings, and errors for undrawable text."""
    return [*language.findings(outline), *style.findings(outline),
            *content.findings(outline), *access.findings(outline), *glyphs.findings(outline),
            *charts.findings(outline)]
