"""Two builds compared: which slides and pages were added, removed, moved or changed.

Pages are paired by what they say, not by where they are: first those whose title and text
are identical, then the most similar remaining pairs (title and text together) above
``MATCH``. A pair is 'changed' when its text differs, or what it draws (a chart's bar that
grew with no label to say so); 'moved' when it left the order the other pairs keep (the
longest run of pairs in the same order stays put).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .pages import Page

MATCH = 0.5
"""The least similarity (0 to 1) at which two pages are taken to be one page, changed."""
TITLE_WEIGHT = 0.4
"""How much a same title counts in the similarity; the text counts the rest."""


@dataclass(frozen=True)
class Change:
    """One difference: 'added', 'removed', 'moved' or 'changed', of a slide or a page.

    ``before`` and ``after`` are the page on each side (None where there is none);
    ``removed_lines`` and ``added_lines`` are the text that changed. A page both changed and
    moved is 'changed' with ``moved`` set.
    """

    what: str
    before: Page | None
    after: Page | None
    removed_lines: tuple[str, ...] = ()
    added_lines: tuple[str, ...] = ()
    moved: bool = False

    @property
    def page(self) -> Page:
        """The page after the change, or before it when the change removed it."""
        page = self.after or self.before
        if page is None:
            raise ValueError("a change has a page before it, after it, or both")
        return page

    @property
    def kind(self) -> str:
        """'slide' or 'page'."""
        return self.page.kind

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def drawn_only(self) -> bool:
        """Whether a changed page changed only in what it draws (a chart, shape or picture),
        its text the same."""
        return (self.what == "changed" and not self.removed_lines and not self.added_lines
                and self.before is not None and self.after is not None
                and self.before.drawing != self.after.drawing)

    def describe(self) -> str:
        """A one-line summary: 'changed slide 4 → 4: Title'."""
        where = " → ".join(p.label.split()[1] for p in (self.before, self.after) if p)
        what = "changed and moved" if self.moved else self.what
        return f"{what} {self.kind} {where}: {self.title}"

    def as_json(self) -> dict:
        return {"change": self.what, "kind": self.kind, "title": self.title,
                "moved": self.moved or self.what == "moved",
                "before": None if self.before is None else self.before.index + 1,
                "after": None if self.after is None else self.after.index + 1,
                "removed": list(self.removed_lines), "added": list(self.added_lines),
                "drawing_only": self.drawn_only}


@dataclass
class Comparison:
    """Every change between two builds, slides first, in the order of the newer build."""

    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def counts(self, kind: str) -> dict[str, int]:
        """How many of each change there are among the ``kind`` ('slide' or 'page')."""
        out = {"added": 0, "removed": 0, "moved": 0, "changed": 0}
        for c in self.changes:
            if c.kind == kind:
                out[c.what] += 1
        return out


def similarity(a: Page, b: Page) -> float:
    """Return how alike two pages are, 0 to 1: their titles and their text."""
    title = 1.0 if a.title == b.title else 0.0
    text = difflib.SequenceMatcher(None, a.lines, b.lines, autojunk=False).ratio()
    if text < 1.0:
        words = difflib.SequenceMatcher(None, " ".join(a.lines).split(),
                                        " ".join(b.lines).split(), autojunk=False)
        text = max(text, words.ratio())
    return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * text


def pair(before: list[Page], after: list[Page]) -> list[tuple[int, int]]:
    """Return (index before, index after) of the pages that are one page, in after's order."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    same: dict[tuple, list[int]] = {}
    for j, page in enumerate(after):
        same.setdefault((page.title, page.lines), []).append(j)
    for i, page in enumerate(before):  # identical pages first, in order
        free = same.get((page.title, page.lines))
        if free:
            j = free.pop(0)
            pairs[i] = j
            taken.add(j)
    rest_b = [i for i in range(len(before)) if i not in pairs]
    rest_a = [j for j in range(len(after)) if j not in taken]
    scored = sorted(((similarity(before[i], after[j]), -abs(i - j), i, j)
                     for i in rest_b for j in rest_a), reverse=True)
    for score, _, i, j in scored:
        if score < MATCH:
            break
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return sorted(pairs.items(), key=lambda p: p[1])


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Return the longest run of ``pairs`` (in after's order) whose before-indexes rise."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (i, _) in enumerate(pairs):
        pos = bisect.bisect_left(tails, i)
        if pos == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[pos] = i
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k])
        k = back[k]
    return keep


def compare_pages(before: list[Page], after: list[Page]) -> tuple[list[Change], int]:
    """Return the changes from ``before`` to ``after`` and how many pages stayed the same."""
    pairs = pair(before, after)
    steady = _in_order(pairs)
    paired_b = {i for i, _ in pairs}
    paired_a = {j: i for i, j in pairs}
    changes: list[Change] = []
    unchanged = 0
    for j, page in enumerate(after):
        i = paired_a.get(j)
        if i is None:
            changes.append(Change("added", None, page, (), page.lines))
            continue
        old = before[i]
        moved = (i, j) not in steady
        if old.lines != page.lines or old.title != page.title or old.drawing != page.drawing:
            removed, added = _line_diff(old.lines, page.lines)
            changes.append(Change("changed", old, page, removed, added, moved))
        elif moved:
            changes.append(Change("moved", old, page))
        else:
            unchanged += 1
    for i, page in enumerate(before):
        if i not in paired_b:
            changes.append(Change("removed", page, None, page.lines, ()))
    return changes, unchanged


def _line_diff(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed += a[i1:i2]
        if op in ("replace", "insert"):
            added += b[j1:j2]
    return tuple(removed), tuple(added)


def compare(before_slides: list[Page], after_slides: list[Page], before_pages: list[Page],
            after_pages: list[Page]) -> Comparison:
    """Return every change of slides, then of brief pages."""
    slides, same_slides = compare_pages(before_slides, after_slides)
    pages, same_pages = compare_pages(before_pages, after_pages)
    return Comparison(slides + pages, same_slides + same_pages)
