"""The outline's language: a warning when deckgen has no words for it."""

from __future__ import annotations

from collections.abc import Iterator

from .. import locale as _locale
from ..model import Outline
from ..report import Finding


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield a warning when ``meta.language`` (or its base language) has no locale file."""
    tag = outline.meta.language
    if not _locale.is_supported(tag):
        yield Finding(("meta", "language"),
                      f"language '{tag}' is not supported, so generated words, dates and "
                      f"quotes are in English; expected one of: "
                      f"{', '.join(_locale.supported())} (or a regional tag such as de-DE)",
                      "language")
