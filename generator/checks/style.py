"""Outline-wide checks that need no builder: colour contrast and measurable fonts."""

from __future__ import annotations

from collections.abc import Iterator

from .. import brand as _brand
from ..model import Outline
from ..report import Finding
from ..text import typeface


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield a warning for each brand colour pair below WCAG AA and each unmeasurable font."""
    for message in _brand.contrast_warnings(outline.brand):
        yield Finding(("brand", "palette"), message, "contrast")
    yield from _logo(outline)
    seen: set[str] = set()
    for role in ("heading", "body"):
        family = getattr(outline.brand.fonts, role)
        measured = _brand.measurable(typeface(outline.brand.fonts, role))
        if not measured and family.casefold() not in seen:
            seen.add(family.casefold())
            yield Finding(("brand", "fonts", role),
                          f"no metrics bundled for '{family}'; text is measured as "
                          f"{_brand.FALLBACK_METRICS} with a "
                          f"{round((1 - _brand.UNMEASURED_MARGIN) * 100)}% safety margin and "
                          "may fit differently when shown (expected Arial, Calibri, Cambria, "
                          "Times New Roman, Courier New or their metric twins, or a .ttf "
                          "file of the family under brand.fonts.files)", "font")


LOGO_LOST = 0.25
"""A logo of which more than this share nearly matches a slide's colour (under 1.5:1) is
partly lost on it."""


def _logo(outline: Outline) -> Iterator[Finding]:
    """Warn when much of the brand's logo vanishes on the slides it is drawn on: the dark
    colour of the title, divider and closing slides, or the content slides' background."""
    from pathlib import Path

    from .. import images

    if not outline.brand.logo:
        return
    p = outline.brand.palette
    for where, colour in (("the title, divider and closing slides", p.secondary),
                          ("content slides", p.background)):
        share = images.lost_share(Path(outline.brand.logo), colour)
        if share is not None and share > LOGO_LOST:
            yield Finding(("brand", "logo"), f"{share:.0%} of the logo is nearly the colour of "
                          f"{where} ({colour}) and barely shows there; expected a logo in "
                          "colours that contrast with it (a light version for dark slides, "
                          "or a palette colour that sets it off)", "contrast")
