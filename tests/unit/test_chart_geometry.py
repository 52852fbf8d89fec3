"""The geometry of chart text: overlapping boxes found, labels spread apart, segments."""

from __future__ import annotations

from generator.chart_geometry import Rect, collisions, crosses, spread


def test_boxes_that_share_only_an_edge_do_not_collide():
    a, b, c = Rect(0, 0, 10, 10), Rect(10, 0, 20, 10), Rect(5, 5, 15, 15)
    assert not a.overlaps(b)
    assert a.overlaps(c) and b.overlaps(c)
    assert collisions([a, b, c]) == [(0, 2), (1, 2)]


def test_collisions_finds_every_overlapping_pair():
    boxes = [Rect(x, y, x + 12, y + 8) for x in range(0, 60, 10) for y in (0, 5, 30)]
    brute = sorted((i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                   if boxes[i].overlaps(boxes[j]))
    assert collisions(boxes) == brute


def test_spread_moves_close_labels_apart_in_order_and_within_bounds():
    ys = spread([50, 51, 52, 20], [8, 8, 8, 8], 0, 100, gap=1)
    assert ys is not None
    boxes = [Rect(0, y - 4, 10, y + 4) for y in ys]
    assert collisions(boxes, touch=0.01) == []
    assert ys[0] < ys[1] < ys[2]
    assert all(4 <= y <= 96 for y in ys)
    assert ys[3] == 20
    assert spread([50] * 20, [8] * 20, 0, 100) is None


def test_a_segment_crosses_a_box_it_runs_through_and_not_one_it_passes():
    box = Rect(10, 10, 20, 20)
    assert crosses(box, (0, 0), (30, 30))
    assert crosses(box, (15, 0), (15, 30))
    assert not crosses(box, (0, 25), (30, 25))
    assert not crosses(box, (0, 0), (9, 30))
