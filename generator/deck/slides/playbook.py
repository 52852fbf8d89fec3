"""Playbook slides: the overview table of subject against peers, and one slide per peer."""

from __future__ import annotations

from ... import brand as _brand
from ...model import Peer, Playbook
from .. import fit
from ..context import Context
from ..elements import Element
from ..layout import FIT_MARGIN, GUTTER, PANEL_PAD, Box
from . import chart, table


def _with_takeaway(ctx: Context, value: str, body: Box, path: tuple, header: list[str],
                   rows: list[list[str]]) -> list[list[Element]]:
    para = ctx.para(value, _brand.BODY_PT, bold=True)
    h = fit.height([para], body.w - 2 * PANEL_PAD - 4) / FIT_MARGIN + 2 * PANEL_PAD + 2
    room, _ = body.take_bottom(h, gap=GUTTER)
    grids = table.grids(ctx, header, rows, room, path, first_bold=True)
    pages: list[list[Element]] = [[g] for g in grids]
    panel = Box(body.x, grids[-1].box.bottom + GUTTER, body.w, h)
    pages[-1] += chart.takeaway(ctx, value, panel, (*path, "takeaway"))
    return pages


def overview(ctx: Context, playbook: Playbook, body: Box, path: tuple) -> list[list[Element]]:
    """Return the overview: one row per dimension, the subject and each peer as columns."""
    header = ["", playbook.subject, *[p.name for p in playbook.peers]]
    rows = [[d.label, d.subject, *[p.contrasts[d.id] for p in playbook.peers]]
            for d in playbook.dimensions]
    return _with_takeaway(ctx, playbook.takeaway, body, path, header, rows)


def peer(ctx: Context, playbook: Playbook, peer: Peer, body: Box,
         path: tuple) -> list[list[Element]]:
    """Return the side-by-side slide of the subject against one peer."""
    header = ["", playbook.subject, peer.name]
    rows = [[d.label, peer.subject.get(d.id, d.subject), peer.contrasts[d.id]]
            for d in playbook.dimensions]
    return _with_takeaway(ctx, peer.takeaway, body, path, header, rows)
