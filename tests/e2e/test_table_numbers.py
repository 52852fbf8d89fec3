"""Numbers in tables line up on their last digit, under their header, in the deck and in the
brief alike, even when a column has an 'n/a' or a blank among them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pptx import Presentation
from pptx.enum.text import PP_ALIGN

from generator import build as builds
from generator import loader

OUTLINE = """\
meta:
  title: Makers compared
sections:
  - title: Market
    prose: [The makers by volume.]
    slides:
      - kind: table
        title: Nine makers, three models
        notes: Read the volumes.
        table:
          columns: [Maker, Units (k), Share, Models, Price band]
          rows:
            - [Alpha Motors, 344, 30.1%, 6, 75–150]
            - [Beta Mobility, 238, 20.8%, 3, 95–185]
            - [Gamma, 17, "−1.5 %", n/a, 115–140]
            - [Others, 1204, 6.8%, "", 45–200]
"""


def _build(tmp_path: Path) -> Path:
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    builds.build(loader.load(tmp_path / "o.yaml"), tmp_path / "out")
    return tmp_path / "out"


def test_number_columns_are_flush_right_in_both_artifacts(tmp_path: Path) -> None:
    out = _build(tmp_path)
    table = next(shape.table for slide in Presentation(str(out / "deck.pptx")).slides
                 for shape in slide.shapes if shape.has_table)
    aligns = [[cell.text_frame.paragraphs[0].alignment for cell in row.cells]
              for row in table.rows]
    for row in aligns:
        assert row[0] != PP_ALIGN.RIGHT and row[4] != PP_ALIGN.RIGHT  # names, ranges
        assert row[1] == row[2] == row[3] == PP_ALIGN.RIGHT  # numbers, 'n/a' and header
    with pdfplumber.open(out / "brief.pdf") as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    for column in (["(k)", "344", "238", "17", "1204"], ["Share", "30.1%", "20.8%", "6.8%"],
                   ["Models", "6", "3", "n/a"]):
        found = [next(w for w in words if w["text"] == t) for t in column]
        rights = [round(w["x1"], 1) for w in found]
        assert max(rights) - min(rights) < 1.5, (column, rights)
    names = [next(w for w in words if w["text"] == t) for t in ("Alpha", "Beta", "Gamma")]
    assert len({round(w["x0"], 1) for w in names}) == 1  # text stays flush left


def test_a_dense_table_with_room_is_set_at_the_table_size(tmp_path: Path) -> None:
    """Five columns and four rows on a whole slide: 16 pt, not left at the dense 14 pt."""
    from generator.deck import scale

    out = _build(tmp_path)
    table = next(shape.table for slide in Presentation(str(out / "deck.pptx")).slides
                 for shape in slide.shapes if shape.has_table)
    sizes = {run.font.size.pt for row in table.rows for cell in row.cells
             for p in cell.text_frame.paragraphs for run in p.runs if run.font.size}
    assert sizes == {float(scale.TABLE_PT)}
