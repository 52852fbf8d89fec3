"""Pages rendered to images, and the regions where two renderings differ."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from .. import pdfium

CELL = 8
"""Changed regions are found on a grid of cells this many pixels square."""
PAD = 6
"""Pixels added around each changed region when it is marked."""
THRESHOLD = 24
"""A pixel whose channels differ by more than this (of 255) has changed."""
MARK = (220, 38, 38)
ADDED = (22, 163, 74)
MARK_WIDTH = 3


def render(pdf: Path, indexes: list[int], scale: float) -> dict[int, Image.Image]:
    """Return the pages ``indexes`` (0-based) of ``pdf`` as RGB images, ``scale`` px/pt."""
    return dict(pdfium.images(pdf, indexes, scale)) if indexes else {}


def regions(before: Image.Image, after: Image.Image,
            ignore: tuple[tuple[int, int, int, int], ...] = ()) -> list[tuple[int, int, int, int]]:
    """Return the boxes (left, top, right, bottom, in pixels) where the two images differ.

    Differences inside ``ignore`` boxes are left out. Images of different sizes differ
    everywhere.
    """
    if before.size != after.size:
        return [(0, 0, *after.size)]
    diff = ImageChops.difference(before, after).convert("L").point(
        lambda v: 255 if v > THRESHOLD else 0)
    if ignore:
        draw = ImageDraw.Draw(diff)
        for box in ignore:
            draw.rectangle(box, fill=0)
    if diff.getbbox() is None:
        return []
    w, h = diff.size
    cols, rows = (w + CELL - 1) // CELL, (h + CELL - 1) // CELL
    grid = diff.resize((cols, rows), Image.Resampling.BOX)
    lit = grid.tobytes()  # mode "L": one byte a cell, row by row
    hot = {(x, y) for y in range(rows) for x in range(cols) if lit[y * cols + x] > 0}
    boxes = []
    while hot:
        stack = [hot.pop()]
        x0 = x1 = stack[0][0]
        y0 = y1 = stack[0][1]
        while stack:
            x, y = stack.pop()
            x0, x1, y0, y1 = min(x0, x), max(x1, x), min(y0, y), max(y1, y)
            for nx in (x - 1, x, x + 1):  # neighbours, diagonals too: a word is one region
                for ny in (y - 1, y, y + 1):
                    if (nx, ny) in hot:
                        hot.remove((nx, ny))
                        stack.append((nx, ny))
        boxes.append((max(x0 * CELL - PAD, 0), max(y0 * CELL - PAD, 0),
                      min((x1 + 1) * CELL + PAD, w), min((y1 + 1) * CELL + PAD, h)))
    return sorted(_merged(boxes), key=lambda b: (b[1], b[0]))


def _merged(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Return ``boxes`` with every two that overlap joined into one, until none overlap."""
    boxes = list(boxes)
    joined = True
    while joined:
        joined = False
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                p, q = boxes[a], boxes[b]
                if p[0] <= q[2] and q[0] <= p[2] and p[1] <= q[3] and q[1] <= p[3]:
                    boxes[a] = (min(p[0], q[0]), min(p[1], q[1]), max(p[2], q[2]),
                                max(p[3], q[3]))
                    del boxes[b]
                    joined = True
                    break
            if joined:
                break
    return boxes


def marked(image: Image.Image, boxes: list[tuple[int, int, int, int]],
           colour: tuple[int, int, int] = MARK) -> Image.Image:
    """Return a copy of ``image`` with each box outlined in ``colour``."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    for box in boxes:
        draw.rectangle(box, outline=colour, width=MARK_WIDTH)
    return out


def framed(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """Return a copy of ``image`` with a border all round in ``colour`` (added or removed)."""
    return marked(image, [(0, 0, image.width - 1, image.height - 1)], colour)
