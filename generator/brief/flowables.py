"""Blocks of the brief: stat call-outs, key points, pull-quotes, tables, timelines, comparisons."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..model import Event, Peer, Playbook, Stat
from ..model import Table as TableModel
from ..text import plain
from .context import Context
from .styles import CELL_PT, FRAME_WIDTH, SPACE

PAD = 6
"""Cell padding of tables and panels, in points."""
TABLE_START = 100
"""Room a table needs at the foot of a page to start there: title, header and two rows."""
MIN_COLUMN = 48
"""The narrowest a table column gets, in points."""


def stat_panel(ctx: Context, stats: list[Stat], title: str | None = None) -> Flowable:
    """Return stats as call-outs side by side: big value, label, detail and source."""
    s = ctx.styles
    cells = []
    for stat in stats:
        cell = [ctx.para(stat.value, s.stat_value), ctx.para(stat.label, s.stat_label)]
        detail = ctx.markup(stat.detail) if stat.detail else ""
        cite = ctx.cite(stat.source)
        if detail or cite:
            cell.append(Paragraph(detail + cite, s.stat_detail))
        cells.append(cell)
    width = FRAME_WIDTH / len(cells)
    table = Table([cells], colWidths=[width] * len(cells))
    pal = s.palette
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
        ("BACKGROUND", (0, 0), (-1, -1), pal.surface),
        ("LINEABOVE", (0, 0), (-1, 0), 2.5, pal.primary),
        ("LINEAFTER", (0, 0), (-2, -1), 0.75, pal.background),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 2),
    ]))
    parts: list[Flowable] = []
    if title:
        parts.append(ctx.para(title, s.h3))
    parts += [table, Spacer(0, SPACE * 1.5)]
    return KeepTogether(parts)


def key_points(ctx: Context, points: list[str], title: str = "Key points") -> Flowable:
    """Return the points as a bulleted list in a tinted box with a brand rule at its left."""
    s = ctx.styles
    items = ListFlowable(
        [ListItem(ctx.para(p, s.bullet), leftIndent=12) for p in points],
        bulletType="bullet", start="\u2022", leftIndent=12, bulletFontName=s.body_font.bold,
        bulletColor=s.palette.primary, bulletFontSize=s.bullet.fontSize)
    box = Table([[[Paragraph(ctx.literal(title.upper()), s.box_title), items]]],
                colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
        ("BACKGROUND", (0, 0), (-1, -1), s.palette.surface),
        ("LINEBEFORE", (0, 0), (0, -1), 3, s.palette.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 2),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]))
    return KeepTogether([Spacer(0, SPACE / 2), box, Spacer(0, SPACE * 1.5)])


def pull_quote(ctx: Context, quote: str, attribution: str, role: str | None) -> Flowable:
    """Return a pull-quote: the words large, with the speaker and role under them."""
    s = ctx.styles
    who = "\u2014 " + ctx.markup(attribution)
    if role:
        who += ", " + ctx.markup(role)
    body = [Paragraph("\u201c" + ctx.markup(quote) + "\u201d", s.quote),
            Paragraph(who, s.attribution)]
    table = Table([[body]], colWidths=[FRAME_WIDTH - 2 * SPACE * 3])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
        ("LINEBEFORE", (0, 0), (0, -1), 3, s.palette.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 3),
        ("TOPPADDING", (0, 0), (-1, -1), PAD / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD / 2),
    ]))
    return KeepTogether([Spacer(0, SPACE), table, Spacer(0, SPACE * 2)])


def column_widths(rows: list[list[str]], total: float, font: str, bold_font: str,
                  size: float = CELL_PT, weights: list[float] | None = None) -> list[float]:
    """Return widths for the columns of ``rows`` (plain text, header first) summing to ``total``.

    As a browser lays out an automatic table: each column first gets its longest word (so
    words are not broken when the frame allows), capped at a third of the frame; what is
    left goes to the columns in proportion to how much more their longest cell wants.
    """
    n = max(len(r) for r in rows)
    least = [0.0] * n
    most = [0.0] * n
    for r, row in enumerate(rows):
        face = bold_font if r == 0 else font
        for i, cell in enumerate(row):
            words = cell.split() or [""]
            least[i] = max(least[i], max(stringWidth(w, face, size) for w in words) + 2 * PAD)
            most[i] = max(most[i], stringWidth(cell, face, size) + 2 * PAD)
    least = [min(w, total / 3) for w in least]
    if weights:
        most = [w * k for w, k in zip(most, weights, strict=True)]
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    want = [max(m - w, 0.0) for m, w in zip(most, least, strict=True)]
    spare = total - sum(least)
    if sum(want) <= spare:
        extra = [w + (spare - sum(want)) * (m / sum(most)) for w, m in zip(want, most,
                                                                          strict=True)]
    else:
        extra = [spare * w / sum(want) for w in want]
    return [w + e for w, e in zip(least, extra, strict=True)]


def data_table(ctx: Context, header: list[str], rows: list[list[str]],
               first_column_strong: bool = False,
               weights: list[float] | None = None) -> Table:
    """Return a table that fits the frame: wrapped cells, striped rows, header repeated on split.

    ``header`` and ``rows`` hold inline-marked text.
    """
    s = ctx.styles
    widths = column_widths([[plain(c) for c in header]] + [[plain(c) for c in r] for r in rows],
                           FRAME_WIDTH, s.body_font.regular, s.body_font.bold,
                           weights=weights)
    body_styles = [s.cell_strong if first_column_strong and i == 0 else s.cell
                   for i in range(len(header))]
    data = [[ctx.para(c, s.cell_head) for c in header]]
    data += [[_cell(ctx, c, body_styles[i]) for i, c in enumerate(row)] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    pal = s.palette
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), pal.primary),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.75),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ("LINEBELOW", (0, -1), (-1, -1), 0.75, pal.primary),
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), pal.surface)
                 for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands))
    return table


def _cell(ctx: Context, text: str, style: ParagraphStyle) -> Paragraph:
    return ctx.para(text, style) if text else Paragraph("", style)


def table_block(ctx: Context, table: TableModel, title: str) -> list[Flowable]:
    """Return a numbered table with its title above and caption and source below."""
    ctx.tables += 1
    s = ctx.styles
    head = ctx.para(f"Table {ctx.tables}. " + title, s.table_head)
    grid = data_table(ctx, list(table.columns), [list(r) for r in table.rows])
    return [head, grid, _caption(ctx, table.caption, table.source)]


def _caption(ctx: Context, caption: str | None, source: str | None,
             unit: str | None = None) -> Flowable:
    parts = []
    if caption:
        parts.append(ctx.markup(caption))
    if unit:
        parts.append("Unit: " + ctx.literal(unit) + ".")
    if source:
        parts.append("Source:" + ctx.cite(source))
    if not parts:
        return Spacer(0, SPACE * 1.5)
    return Paragraph(" ".join(parts), ctx.styles.caption)


def timeline(ctx: Context, events: list[Event], title: str) -> list[Flowable]:
    """Return dated events as a compact two-column list: date, then what happened."""
    s = ctx.styles
    rows = []
    for event in events:
        what = [ctx.para(event.title, s.cell_strong)]
        if event.detail:
            what.append(ctx.para(event.detail, s.cell))
        rows.append([ctx.para(event.date, s.cell_strong), what])
    date_width = max(MIN_COLUMN + 12, max(stringWidth(plain(e.date), s.body_font.bold, CELL_PT)
                                          for e in events) + 3 * PAD)
    date_width = min(date_width, FRAME_WIDTH * 0.3)
    table = Table(rows, colWidths=[date_width, FRAME_WIDTH - date_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBEFORE", (1, 0), (1, -1), 1.5, s.palette.primary),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), PAD * 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), PAD / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, s.palette.surface),
    ]))
    return [ctx.para(title, s.table_head), table, Spacer(0, SPACE * 1.5)]


def comparison(ctx: Context, playbook: Playbook) -> list[Flowable]:
    """Return the playbook as a table of dimensions against the subject and each peer."""
    header = ["Dimension", playbook.subject] + [p.name for p in playbook.peers]
    rows = [[d.label, d.subject] + [p.contrasts[d.id] for p in playbook.peers]
            for d in playbook.dimensions]
    weights = [0.8] + [1.0] * (len(header) - 1)
    ctx.tables += 1
    head = ctx.para(f"Table {ctx.tables}. {playbook.subject} against its peers",
                    ctx.styles.table_head)
    return [CondPageBreak(TABLE_START), head,
            data_table(ctx, header, rows, first_column_strong=True, weights=weights),
            Spacer(0, SPACE * 1.5)]


def peer_read(ctx: Context, playbook: Playbook, peer: Peer) -> list[Flowable]:
    """Return a short read of one peer: headline, its contrasts, and the takeaway."""
    s = ctx.styles
    cites = "".join(ctx.cite(sid) for sid in peer.sources)
    out: list[Flowable] = [ctx.para(peer.name, s.h2, cites),
                           ctx.para(peer.headline, s.lead)]
    labels = {d.id: d for d in playbook.dimensions}
    items = []
    for dim_id, contrast in peer.contrasts.items():
        dim = labels[dim_id]
        ours = peer.subject.get(dim_id, dim.subject)
        text = (f"<b>{ctx.markup(dim.label)}.</b> {ctx.markup(contrast)} "
                f"<font color=\"{ctx.outline.brand.palette.muted}\">"
                f"({ctx.literal(playbook.subject)}: {ctx.markup(ours)})</font>")
        items.append(ListItem(Paragraph(text, s.bullet), leftIndent=12))
    out.append(ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=12,
                            bulletFontName=s.body_font.bold, bulletColor=s.palette.primary,
                            bulletFontSize=s.bullet.fontSize))
    out.append(Spacer(0, SPACE / 2))
    out.append(Paragraph("<b>Takeaway.</b> " + ctx.markup(peer.takeaway), s.body))
    return out
