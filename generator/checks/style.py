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
