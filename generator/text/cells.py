"""Table cells both builders set alike: which columns hold numbers (and are set flush right)."""

from __future__ import annotations

import re

from .markup import plain

NUMBER = re.compile(r"^[+\-−–~≈<>±]*\s*[$€£¥₹]?\s*[\d][\d.,\s\u00a0\u202f]*"
                    r"\s*(%|‰|[A-Za-z€$£¥₹°²³/]{1,4}\.?)?\*?$")
"""A cell that is a number: '12', '−4.5 %', '€1,200', '3.2 GWh', '~40', '12*'."""
NOT_AVAILABLE = frozenset({"n/a", "n.a.", "na", "-", "–", "—", "…", "?", "k. a.", "k.a.",
                           "n. v.", "n.v.", "n.d.", "s.o.", "nd", "–/–"})
"""Cells that stand for a missing number: a column of numbers with them is still numeric."""


def numeric_columns(rows: list[list[str]], columns: int) -> list[bool]:
    """Return, per column, whether its body cells are numbers (blanks and 'n/a' aside)."""
    out = []
    for c in range(columns):
        cells = [plain(r[c]).strip() for r in rows if c < len(r)]
        cells = [v for v in cells if v and v.lower() not in NOT_AVAILABLE]
        out.append(bool(cells) and all(NUMBER.match(v) for v in cells))
    return out
