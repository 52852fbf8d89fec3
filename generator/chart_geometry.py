"""Boxes of chart text, for both builders: overlap tests, and spreading labels apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TOUCH = 0.5
"""Boxes may share this much (points) at an edge without counting as drawn over each other."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned box in drawing coordinates (y up): left, bottom, right, top."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        """The box's width."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """The box's height."""
        return self.y1 - self.y0

    def overlaps(self, other: Rect, touch: float = TOUCH) -> bool:
        """Whether this box and ``other`` share more than ``touch`` points both ways."""
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > touch
                and min(self.y1, other.y1) - max(self.y0, other.y0) > touch)

    def inside(self, other: Rect, touch: float = TOUCH) -> bool:
        """Whether this box lies within ``other`` (give or take ``touch``)."""
        return (self.x0 >= other.x0 - touch and self.x1 <= other.x1 + touch
                and self.y0 >= other.y0 - touch and self.y1 <= other.y1 + touch)

    def moved(self, dx: float = 0.0, dy: float = 0.0) -> Rect:
        """Return this box moved by ``dx``, ``dy``."""
        return Rect(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)


def collisions(boxes: Iterable[Rect], touch: float = TOUCH) -> list[tuple[int, int]]:
    """Return the index pairs of the boxes that overlap, each pair once (i < j).

    Boxes are swept left to right, so a chart's few hundred labels cost little.
    """
    order = sorted(enumerate(boxes), key=lambda ib: ib[1].x0)
    out = []
    for k, (i, a) in enumerate(order):
        for j, b in order[k + 1:]:
            if b.x0 >= a.x1 - touch:
                break
            if a.overlaps(b, touch):
                out.append((min(i, j), max(i, j)))
    return sorted(out)


def clear(box: Rect, placed: Iterable[Rect]) -> bool:
    """Whether ``box`` overlaps none of the ``placed`` boxes."""
    return not any(box.overlaps(p) for p in placed)


def spread(wanted: list[float], heights: list[float], low: float, high: float,
           gap: float = 1.0) -> list[float] | None:
    """Return centre heights near ``wanted`` at which boxes of ``heights`` do not overlap.

    The boxes keep their order (by wanted height) and stay between ``low`` and ``high``;
    each moves as little as this simple sweep allows. Returns None when they cannot all fit.
    """
    if sum(heights) + gap * max(len(heights) - 1, 0) > high - low:
        return None
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    ys = [0.0] * len(wanted)
    floor = low
    for i in order:  # upwards, each above the one below it
        ys[i] = max(wanted[i], floor + heights[i] / 2)
        floor = ys[i] + heights[i] / 2 + gap
    ceiling = high
    for i in reversed(order):  # then down again where the top ran over
        ys[i] = min(ys[i], ceiling - heights[i] / 2)
        ceiling = ys[i] - heights[i] / 2 - gap
    return ys


def crosses(box: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether the line segment from ``a`` to ``b`` runs through ``box`` (Liang-Barsky)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box.x0), (dx, box.x1 - x0), (-dy, y0 - box.y0), (dy, box.y1 - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
