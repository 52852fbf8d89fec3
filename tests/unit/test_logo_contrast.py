"""A logo that much of nearly matches the colour of the slides it is drawn on is a warning."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from generator import checks, images
from generator.loader import load


def _logo(path: Path, mark: str, word: str) -> Path:
    """Write a 600 x 200 logo: a square in ``mark`` and a wordmark bar in ``word``, on
    transparency (as a designer exports one)."""
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 20, 160, 180), fill=mark)
    draw.rectangle((190, 70, 540, 130), fill=word)
    image.save(path)
    return path


def _warnings(tmp_path: Path, logo: Path) -> list[str]:
    outline = tmp_path / "outline.yaml"
    outline.write_text(f"meta:\n  title: T\nbrand:\n  logo: {logo.name}\nsections:\n"
                       "  - title: S\n    slides:\n      - kind: bullets\n        title: A\n"
                       "        notes: N.\n        bullets: [One]\n", encoding="utf-8")
    loaded = load(outline)
    return [f.message for f in checks.findings(loaded.outline) if f.path == ("brand", "logo")]


def test_a_navy_logo_on_the_dark_slides_is_a_warning(tmp_path):
    """A blue wordmark of 1.5:1 against the title slides' navy is as good as gone there."""
    found = _warnings(tmp_path, _logo(tmp_path / "logo.png", "#124A7A", "#124A7A"))
    assert len(found) == 1
    assert "title, divider and closing slides" in found[0] and "barely shows" in found[0]


def test_a_logo_that_stands_out_on_every_slide_is_not(tmp_path):
    assert _warnings(tmp_path, _logo(tmp_path / "logo.png", "#F2A900", "#F2A900")) == []


def test_the_share_lost_counts_opaque_pixels_only(tmp_path):
    logo = _logo(tmp_path / "logo.png", "#FFFFFF", "#1E2A38")  # white mark, navy word
    share = images.lost_share(logo, "#1E2A38")
    assert share is not None and 0.3 < share < 0.7
    assert images.lost_share(logo.read_bytes(), "#1E2A38") == share
    assert images.lost_share(b"not an image", "#1E2A38") is None
