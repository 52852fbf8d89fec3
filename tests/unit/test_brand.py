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


def test_a_logo_lost_on_the_slides_it_is_drawn_on_is_a_warning_at_brand_logo(tmp_path):
    from PIL import Image

    from generator import checks
    from generator.model import Outline

    def logo_findings(colour: str) -> list[str]:
        path = tmp_path / f"logo-{colour.strip('#')}.png"
        im = Image.new("RGBA", (120, 40), (0, 0, 0, 0))  # transparent round a solid mark
        im.paste(Image.new("RGBA", (100, 30), colour), (10, 5))
        im.save(path)
        outline = Outline.parse({
            "meta": {"title": "T"},
            "brand": {"logo": str(path), "palette": {"secondary": "#0B2545",
                                                     "background": "#FFFFFF"}},
            "sections": [{"title": "S", "slides": [{"kind": "bullets", "title": "A",
                                                    "notes": "n", "bullets": ["x", "y"]}]}]})
        return [f.message for f in checks.findings(outline) if f.path == ("brand", "logo")]

    navy = logo_findings("#0D2748")
    assert len(navy) == 1 and "the title, divider and closing slides (#0B2545)" in navy[0]
    white = logo_findings("#FAFAFA")
    assert len(white) == 1 and "content slides (#FFFFFF)" in white[0]
    assert logo_findings("#E95C10") == []  # orange shows on both
