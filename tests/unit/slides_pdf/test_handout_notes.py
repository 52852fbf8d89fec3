"""The handout prints the notes' list items as a list, as the deck's notes pages show them."""

from __future__ import annotations

from pypdf import PdfReader

from generator import build as builds
from generator.loader import load


def _handout(folder, outline_text: str):
    """Build the handout of ``outline_text`` in ``folder``; return its path."""
    outline = folder / "outline.yaml"
    outline.write_text(outline_text, encoding="utf-8")
    loaded = load(outline)
    builds.build(loaded, folder / "out", which=("handout",), options=builds.options_for(loaded))
    return folder / "out" / "handout.pdf"


def test_notes_list_items_are_bulleted_not_dashes(tmp_path):
    handout = _handout(tmp_path, "meta:\n  title: Notes\nsections:\n  - title: S\n    slides:\n"
                       "      - kind: bullets\n        title: A slide\n        notes: |\n"
                       "          Open with the number.\n          - First point\n"
                       "            - a sub point\n          - Second point\n"
                       "        bullets: [One, Two]\n")
    text = "\n".join(p.extract_text() for p in PdfReader(handout).pages)
    lines = [line.strip() for line in text.splitlines()]
    assert "• First point" in lines and "– a sub point" in lines and "• Second point" in lines
    assert not any(line.startswith("- ") for line in lines)


def test_a_dark_themes_notes_print_dark_on_the_white_page(tmp_path):
    """The handout is printed on white paper: a dark theme's light text colour would all but
    vanish there, so the notes and the running header take the brand colour that reads on
    white (at least 4.5:1)."""
    from generator import pdfium
    from generator.brand import RGB, luminance_ratio

    handout = _handout(tmp_path, "meta:\n  title: Notes\nbrand: midnight\nsections:\n"
                       "  - title: S\n    slides:\n      - kind: bullets\n        title: A slide\n"
                       "        notes: Open with the number, then the story behind it.\n"
                       "        bullets: [One, Two]\n")
    (_, page), = pdfium.images(handout, [1], 1.5)
    w, h = page.size
    notes = page.crop((0, int(h * 0.42), w, int(h * 0.95)))  # under the slide
    header = page.crop((0, 0, w, int(h * 0.05)))
    for part in (notes, header):
        darkest = part.convert("L").getextrema()[0]  # the text's own colour, at its core
        assert luminance_ratio(RGB(darkest, darkest, darkest).luminance, 1.0) >= 4.5, darkest
