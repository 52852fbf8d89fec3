"""Where the brief's tables split, and kept-together groups inside others."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer, Table

from generator.brief.typesetting import LEAST_ROWS, CaptionedTable, kept

ROW = 20.0


def _table(rows: int) -> CaptionedTable:
    data = [["Head", "Value"]] + [[f"r{n}", str(n)] for n in range(rows)]
    table = Table(data, colWidths=[100, 100], rowHeights=[ROW] * (rows + 1), repeatRows=1)
    return CaptionedTable(None, table, lambda: Spacer(0, 10))


def _body_rows(part: CaptionedTable) -> int:
    return len(part.table._cellvalues) - 1


def _split(table: CaptionedTable, rows_that_fit: int, at_top: bool = False) -> list:
    class Frame:
        _atTop = at_top

    table._frame = Frame()
    table.canv = Canvas("unused.pdf")
    table.wrap(300, 1000)
    return table.split(300, ROW * (rows_that_fit + 1) + 1)


def test_a_split_moves_rows_so_the_second_part_keeps_three():
    head, tail = _split(_table(10), 8)
    assert (_body_rows(head), _body_rows(tail)) == (7, 3)
    assert isinstance(tail.caption, Spacer)  # the continuation opens with its caption


def test_a_split_where_the_rows_fit_is_left_alone():
    head, tail = _split(_table(10), 5)
    assert (_body_rows(head), _body_rows(tail)) == (5, 5)


def test_a_table_that_cannot_start_with_three_rows_moves_on():
    assert _split(_table(10), 2) == []
    assert _split(_table(5), 3) == []  # either side would keep fewer than three


def test_at_the_top_of_a_page_a_table_splits_where_it_must():
    head, tail = _split(_table(40), LEAST_ROWS - 1, at_top=True)
    assert _body_rows(head) == LEAST_ROWS - 1


def test_kept_opens_a_kept_together_group_inside_it():
    inner = KeepTogether([Spacer(0, 10), Spacer(0, 20)])
    outer = kept([Spacer(0, 5), inner])
    assert [f.height for f in outer._content] == [5, 10, 20]
