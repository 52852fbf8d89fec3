"""The deck as LibreOffice draws it: every word on the page and inside its own text box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from helpers import build_deck, check_layout

pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]

@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_all_kinds_render_inside_their_boxes(tmp_path: Path, aspect: str) -> None:
    _, result = build_deck(tmp_path, aspect=aspect)
    assert check_layout(result.path) == []


def test_overflowing_content_spills_onto_continued_slides(tmp_path: Path) -> None:
    _, result = build_deck(tmp_path, "deck_overflow.yaml")
    assert not [f for f in result.findings if f.code == "overflow"]
    prs = Presentation(str(result.path))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles.count("Every reason we considered (continued)") >= 1
    assert titles.count("Every store we surveyed (continued)") >= 1
    bullets = [p.text for s in prs.slides if s.shapes.title.text_frame.text.startswith(
        "Every reason") for ph in s.placeholders if ph.placeholder_format.idx == 1
        for p in ph.text_frame.paragraphs]
    assert len(bullets) == 30 and bullets[-1].startswith("Reason 30,")
    rows = [r.cells[0].text for s in prs.slides for sh in s.shapes if sh.has_table
            for r in list(sh.table.rows)[1:]]
    assert rows == [f"Store {i}" for i in range(1, 46)]
    assert check_layout(result.path) == []
