"""The handout prints the notes' list items as a list, as the deck's notes pages show them."""

from __future__ import annotations

from pypdf import PdfReader

from generator import build as builds
from generator.loader import load


def test_notes_list_items_are_bulleted_not_dashes(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta:\n  title: Notes\nsections:\n  - title: S\n    slides:\n"
                       "      - kind: bullets\n        title: A slide\n        notes: |\n"
                       "          Open with the number.\n          - First point\n"
                       "            - a sub point\n          - Second point\n"
                       "        bullets: [One, Two]\n", encoding="utf-8")
    loaded = load(outline)
    builds.build(loaded, tmp_path / "out", which=("handout",),
                 options=builds.options_for(loaded))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "out" / "handout.pdf").pages)
    lines = [line.strip() for line in text.splitlines()]
    assert "• First point" in lines and "– a sub point" in lines and "• Second point" in lines
    assert not any(line.startswith("- ") for line in lines)
