"""Brand values: contrast ratios and the bundled themes."""

from __future__ import annotations

import pytest

from generator import brand
from generator.loader import load
from generator.model import Brand, Palette


def test_contrast_ratio_matches_wcag():
    assert round(brand.contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(brand.contrast("#777777", "#FFFFFF"), 2) == 4.48


def test_low_contrast_is_named_with_pair_and_ratio():
    pale = Brand(palette=Palette(text="#BBBBBB"))
    warnings = brand.contrast_warnings(pale)
    assert any("body text on background (#BBBBBB on #FFFFFF)" in w and ":1" in w
               for w in warnings)


@pytest.mark.parametrize("theme", ["default", "ember", "midnight"])
def test_bundled_themes_meet_wcag_aa(theme, tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text(f"meta: {{title: T}}\nbrand: {theme}\nsections: [{{title: S}}]\n")
    assert brand.contrast_warnings(load(outline).outline.brand) == []
