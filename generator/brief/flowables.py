"""Blocks of the brief: stat call-outs, key points, pull-quotes, tables, timelines, comparisons."""

from __future__ import annotations

from functools import partial

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from ..model import Bullet, Column, Event, Peer, Playbook, Stat
from ..model import Table as TableModel
from ..text import plain
from ..text.cells import numeric_columns
from ..text.markup import CJK_START
from . import columns
from .context import Context
from .geometry import PAD
from .styles import CELL_PT, FRAME_HEIGHT, FRAME_WIDTH, GUTTER, SPACE
from .typesetting import CaptionedTable, ColumnsTable, Paragraph

TABLE_START = 80
"""Room a table needs at the foot of a page to start there: title, header and two rows."""
STATS_PER_ROW = 4
"""The most stat call-outs side by side in one row."""
WIDE_STAT = 180
"""A stat cell at least this wide shows its value beside its label, not above it."""
PAIRED_READ_SHARE = 0.6
"""Peer reads, and the columns of a two-column slide, stand side by side only if each takes
at most this share of a page (a row of a table cannot split at a page foot)."""
GRID_ROWS = 20
"""Rows in each of the short tables that a two-column grid is set in."""
KEPT_POINTS = 8
"""A key-points box of up to this many points is kept on one page; a longer one splits."""
BOX_LABEL = 80
"""Width of the margin that holds a key-points box's title, in points."""


def bare_style(ctx: Context, *commands: tuple) -> TableStyle:
    """Return a layout table's style: no padding, cells top-aligned, the body font.

    The font is named so that an empty cell never pulls in a base-14 font.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), ctx.styles.body_font.regular),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0), *commands])


def stat_row(ctx: Context, stats: list[Stat], title: str | None = None) -> Flowable:
    """Return stats as a compact row of call-outs: value, label, detail and source.

    Up to four stats share a row; more wrap onto further rows. A row of one or two stats
    sets each value beside its words, so the row stays one value high.
    """
    s = ctx.styles
    rows = [stats[i:i + STATS_PER_ROW] for i in range(0, len(stats), STATS_PER_ROW)]
    parts: list[Flowable] = [ctx.para(title, s.h3, role="H2")] if title else []
    for row in rows:
        width = FRAME_WIDTH / len(row)
        cells = []
        for stat in row:  # each call-out is a division of the structure, read left to right
            with ctx.tags.part("Div"):
                cells.append(_stat_cell(ctx, stat, width))
        parts += [_stat_table(ctx, cells, width), Spacer(0, 2)]
    parts[-1] = Spacer(0, SPACE * 1.5)
    return KeepTogether(parts)


def stat_box(ctx: Context, stat: Stat, width: float) -> Table:
    """Return one stat call-out, ``width`` wide, as a row of ``stat_row`` shows it."""
    with ctx.tags.part("Div"):
        return _stat_table(ctx, [_stat_cell(ctx, stat, width)], width)


def _stat_table(ctx: Context, cells: list, width: float) -> Table:
    """Return stat call-outs side by side, each ``width`` wide, on the tinted ground."""
    pal = ctx.styles.palette
    table = Table([cells], colWidths=[width] * len(cells), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), ctx.styles.body_font.regular),
        ("BACKGROUND", (0, 0), (-1, -1), pal.surface),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, pal.primary),
        ("LINEAFTER", (0, 0), (-2, -1), 1.5, pal.background),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.75),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 1.25),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 1.5),
    ]))
    return table


def _stat_cell(ctx: Context, stat: Stat, width: float) -> list[Flowable] | Table:
    s = ctx.styles
    value = ctx.para(stat.value, s.stat_value)
    words = [ctx.para(stat.label, s.stat_label)]
    detail = ctx.markup(stat.detail) if stat.detail else ""
    cite = ctx.cite(stat.source, stat.detail)
    if detail or cite:
        words.append(ctx.tagged(detail + cite, s.stat_detail))
    if width < WIDE_STAT:
        return [value, *words]
    inner = width - PAD * 3.25
    value_w = min(stringWidth(plain(stat.value), s.heading_font.bold, s.stat_value.fontSize)
                  + PAD * 3, inner * 0.45)
    cell = Table([[value, words]], colWidths=[value_w, inner - value_w], hAlign="LEFT")
    cell.setStyle(bare_style(ctx, ("TOPPADDING", (1, 0), (1, 0), 2)))
    return cell


def column(ctx: Context, side: Column, width: float) -> list[Flowable]:
    """Return one column of a two-column slide as the brief shows it, ``width`` wide: its
    heading, then its paragraph, bullets (sub-bullets too) or stat call-out.

    A chart column is a figure (``charts``): here it is left out.
    """
    s = ctx.styles
    out: list[Flowable] = []
    with ctx.tags.part("Div"):
        if side.heading:  # a label of its column ('2027', 'Mid-2010s'), not an outline entry
            out.append(ctx.para(side.heading, s.column_head, role="P"))
        if side.text:
            out.append(ctx.para(side.text, s.body))
        if side.bullets:
            out += bullet_list(ctx, list(side.bullets))
        if side.stat is not None:
            out.append(stat_box(ctx, side.stat, width))
    return out


def bullet_list(ctx: Context, bullets: list[Bullet]) -> list[Flowable]:
    """Return bullet points as a list, each with its sub-points indented under it."""
    s = ctx.styles
    out: list[Flowable] = []
    with ctx.tags.part("L"):
        for bullet in bullets:
            with ctx.tags.part("LI"):
                out.append(ctx.tagged(ctx.markup(bullet.text), s.bullet, "LBody",
                                      bulletText="\u2022"))
                if bullet.sub:
                    with ctx.tags.part("L"):
                        for sub in bullet.sub:
                            with ctx.tags.part("LI"):
                                out.append(ctx.tagged(ctx.markup(sub), s.sub_bullet, "LBody",
                                                      bulletText="\u2013"))
    return out


def two_columns(ctx: Context, title: str, left: Column, right: Column) -> list[Flowable]:
    """Return a two-column slide without a chart: its title, then its columns side by side.

    Columns too long to stand beside each other on a page stand one under the other.
    """
    width = (FRAME_WIDTH - GUTTER) / 2
    head = ctx.para(title, ctx.styles.h3, role="H2")
    cells = [column(ctx, side, width) for side in (left, right)]
    if max(stacked_height(cell, width) for cell in cells) > FRAME_HEIGHT * PAIRED_READ_SHARE:
        cells = [column(ctx, side, FRAME_WIDTH) for side in (left, right)]
        return [head, *cells[0], *cells[1], Spacer(0, SPACE * 1.5)]
    row = Table([cells], colWidths=[width + GUTTER, width], hAlign="LEFT")
    row.setStyle(bare_style(ctx, ("RIGHTPADDING", (0, 0), (0, -1), GUTTER)))
    return [KeepTogether([head, row, Spacer(0, SPACE * 1.5)])]


def key_points(ctx: Context, points: list[str], title: str | None = None) -> list[Flowable]:
    """Return the points as a bulleted list in a tinted box, its title in a margin at left.

    The title defaults to the outline's word for 'Key points'.

    Each point is a row of the box, so a long list splits at a page foot.
    """
    s = ctx.styles
    with ctx.tags.part("L"):
        label = ctx.tagged(ctx.literal((title or ctx.word("key_points")).upper()), s.box_title)
        rows = []
        for i, point in enumerate(points):
            with ctx.tags.part("LI"):
                item = ctx.tagged(ctx.markup(point), s.box_bullet, "LBody", bulletText="\u2022")
            rows.append([label if i == 0 else "", item])
    box = Table(rows, colWidths=[BOX_LABEL, FRAME_WIDTH - BOX_LABEL])
    box.setStyle(bare_style(
        ctx,
        ("BACKGROUND", (0, 0), (-1, -1), s.palette.surface),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.palette.primary),
        ("LEFTPADDING", (0, 0), (0, -1), PAD * 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 2.5),
        ("TOPPADDING", (0, 0), (-1, 0), PAD * 1.5),
        ("TOPPADDING", (0, 0), (0, 0), PAD * 1.5 + 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, -1), (-1, -1), PAD * 1.25),
    ))
    parts = [Spacer(0, SPACE / 3), box, Spacer(0, SPACE * 1.5)]
    return [KeepTogether(parts)] if len(points) <= KEPT_POINTS else parts


def pull_quote(ctx: Context, quote: str, attribution: str, role: str | None) -> Flowable:
    """Return a pull-quote: the words set large, the speaker and role under them."""
    s = ctx.styles
    who = "\u2014 " + ctx.markup(attribution)
    if role:
        who += ctx.literal(ctx.locale.punctuation.comma) + ctx.markup(role)
    opening, closing = ctx.locale.marks(quote)
    with ctx.tags.part("BlockQuote"):
        body = [ctx.tagged(ctx.literal(opening) + ctx.markup(quote) + ctx.literal(closing),
                           s.quote),
                ctx.tagged(who, s.attribution)]
    table = Table([[body]], colWidths=[FRAME_WIDTH * 0.8], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.palette.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return KeepTogether([Spacer(0, SPACE / 2), table, Spacer(0, SPACE * 2)])


def data_table(ctx: Context, header: list[str], rows: list[list[str]],
               first_column_strong: bool = False,
               weights: list[float] | None = None, width: float = FRAME_WIDTH,
               caption: str | None = None) -> list[Flowable]:
    """Return a table that fits ``width``: wrapped cells, striped rows, header repeated on split.

    ``header`` and ``rows`` hold inline-marked text; ``caption`` (paragraph markup), when
    given, is set above the table as its title. The table is one 'Table' element of the structure
    tree, its title the 'Caption', its header cells 'TH' (and the first column's too when
    ``first_column_strong``), however many pages it spans.
    """
    with ctx.tags.part("Table"):
        head = ctx.tagged(caption, ctx.styles.table_head) if caption else None
        grid = _grid(ctx, header, rows, first_column_strong, weights, width)
    return [CaptionedTable(head, grid, partial(_continued, ctx, caption) if caption else None)]


def _continued(ctx: Context, caption: str) -> Paragraph:
    """Return the caption a table's continuation opens with: 'Table 1. … (continued)'.

    An artifact of the page (the table's caption is read once, from its first page)."""
    before, _, after = ctx.word("continued", title="\x00").partition("\x00")
    return Paragraph(ctx.literal(before) + caption + ctx.literal(after), ctx.styles.table_head)


def _grid(ctx: Context, header: list[str], rows: list[list[str]], first_column_strong: bool,
          weights: list[float] | None, width: float) -> Table:
    s = ctx.styles
    grid = columns.Grid([[plain(c) for c in header]] + [[plain(c) for c in r] for r in rows],
                        bold_first=first_column_strong, weights=weights)
    widths = columns.column_widths(grid, width, ctx.outline.brand.fonts.body,
                                   language=ctx.outline.meta.language)
    numeric = numeric_columns([[plain(c) for c in r] for r in rows], len(header))
    body_styles = [_right(s.cell) if numeric[i] else
                   s.cell_strong if first_column_strong and i == 0 else s.cell
                   for i in range(len(header))]
    head_styles = [_right(s.cell_head) if numeric[i] else s.cell_head
                   for i in range(len(header))]
    if columns.whole(grid, width, ctx.outline.brand.fonts.body,
                     language=ctx.outline.meta.language):
        # every column holds its longest word: cells break at spaces (and a web address's
        # own places) only, as the deck's do, not 'Servicean-teil' to fill a line
        body_styles = [_unhyphenated(st, s) for st in body_styles]
        head_styles = [_unhyphenated(st, s) for st in head_styles]
    with ctx.tags.part("TR"):
        data = [[ctx.para(c, head_styles[i], role="TH", scope="Column")
                 for i, c in enumerate(header)]]
    for row in rows:
        with ctx.tags.part("TR"):
            data.append([_cell(ctx, c, body_styles[i], first_column_strong and i == 0)
                         for i, c in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    pal = s.palette
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), pal.primary),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 0.85),
        ("LINEBELOW", (0, -1), (-1, -1), 0.75, pal.primary),
        ("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), pal.surface)
                 for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands))
    return table


def _unhyphenated(style: ParagraphStyle, styles) -> ParagraphStyle:
    """Return ``style`` breaking words at their own places only, never at a hyphenation
    point (``Styles.unhyphenated``)."""
    return ParagraphStyle(f"{style.name}-whole", parent=style,
                          hyphenationLang=styles.unhyphenated)


def _right(style: ParagraphStyle) -> ParagraphStyle:
    """Return ``style`` set flush right: numbers line up on their last digit, under their
    header, as in the deck."""
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def _cell(ctx: Context, text: str, style: ParagraphStyle, row_header: bool) -> Paragraph:
    if row_header:
        return ctx.para(text, style, role="TH", scope="Row")
    return ctx.para(text, style, role="TD")


def table_block(ctx: Context, table: TableModel, title: str) -> list[Flowable]:
    """Return a numbered table with its title above and caption and source below."""
    ctx.tables += 1
    head = ctx.literal(ctx.word("table", number=ctx.tables)) + " " + ctx.markup(title)
    grid = data_table(ctx, list(table.columns), [list(r) for r in table.rows], caption=head)
    return [*grid, _caption(ctx, table.caption, table.source)]


def _caption(ctx: Context, caption: str | None, source: str | None,
             unit: str | None = None) -> Flowable:
    text = caption_markup(ctx, caption, source, unit)
    if not text:
        return Spacer(0, SPACE * 1.5)
    return ctx.tagged(text, ctx.styles.caption, "P")


def caption_markup(ctx: Context, caption: str | None, source: str | None,
                   unit: str | None = None) -> str:
    """Return the markup of a caption: its words, the unit and the cited source ('' if none)."""
    parts = []  # each part's plain text (its last mark tells what follows) and markup
    if caption:
        parts.append((plain(caption), ctx.markup(caption)))
    if unit:
        note = ctx.locale.unit_note(unit)
        parts.append((note, ctx.literal(note)))
    cite = ctx.cite(source, caption) if source else ""
    marks = ctx.locale.punctuation
    if cite:  # 'Source: [1]', '出典：[1]。'
        before, _, after = ctx.word("source_note", sources="\0").partition("\0")
        before = before.rstrip() + marks.space
        parts.append((after or "]", ctx.literal(before) + cite.lstrip()
                      + (ctx.literal(after) if after else "")))
    out = ""
    for k, (_, markup) in enumerate(parts):
        out += (ctx.literal(marks.after(parts[k - 1][0])) if k else "") + markup
    return out


def columns_grid(ctx: Context, cells: list[list[Flowable]], gutter: float = GUTTER,
                 pad: float = PAD / 2) -> list[Table]:
    """Return ``cells`` in two columns, read down the left column and then the right.

    Each pair of cells shares a row, so the grid splits between rows at a page foot. The
    rows are set GRID_ROWS to a table, one table under another: the same rows in the same
    places, but a long grid split at a page foot measures only the table it splits (one
    table would be measured again whole on each page).
    """
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    rows = [[left[i], right[i] if i < len(right) else ""] for i in range(half)]
    width = (FRAME_WIDTH - gutter) / 2
    style = bare_style(ctx, ("RIGHTPADDING", (0, 0), (0, -1), gutter),
                       ("TOPPADDING", (0, 0), (-1, -1), pad),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), pad))
    return [ColumnsTable(rows[i:i + GRID_ROWS], colWidths=[width + gutter, width],
                         hAlign="LEFT", style=style) for i in range(0, len(rows), GRID_ROWS)]


def timeline(ctx: Context, events: list[Event], title: str) -> list[Flowable]:
    """Return dated events as a compact list in two columns: date, then what happened."""
    s = ctx.styles
    width = (FRAME_WIDTH - GUTTER) / 2
    date_width = max(stringWidth(plain(e.date), s.body_font.bold, CELL_PT) for e in events)
    date_width = min(date_width + 2 * PAD, width * 0.35)
    cells = []
    with ctx.tags.part("L"):  # a list of dated items, its title the caption
        head = ctx.para(title, s.table_head)
        for event in events:
            with ctx.tags.part("LI"):
                cells.append([_event(ctx, event, date_width, width)])
    return [head, *columns_grid(ctx, cells), Spacer(0, SPACE * 1.5)]


def _event(ctx: Context, event: Event, date_width: float, width: float) -> Table:
    """Return one dated event: its date the list item's label, what happened its body."""
    s = ctx.styles
    what = "<b>" + ctx.markup(event.title) + "</b>"
    if event.detail:
        what += f' <font color="{ctx.colour("muted")}">' + ctx.markup(event.detail) + "</font>"
    entry = Table([[ctx.para(event.date, s.cell_date, role="Lbl"),
                    ctx.tagged(what, s.cell, "LBody")]],
                  colWidths=[date_width, width - date_width], hAlign="LEFT")
    entry.setStyle(bare_style(ctx, ("LEFTPADDING", (1, 0), (1, 0), PAD * 1.5),
                              ("LINEBEFORE", (1, 0), (1, 0), 1.5, s.palette.primary)))
    return entry


def comparison(ctx: Context, playbook: Playbook) -> list[Flowable]:
    """Return the playbook as a table of dimensions against the subject and each peer."""
    header = [ctx.word("dimension"), playbook.subject] + [p.name for p in playbook.peers]
    rows = [[d.label, d.subject] + [p.contrasts[d.id] for p in playbook.peers]
            for d in playbook.dimensions]
    weights = [columns.COMPARISON_WEIGHTS] + [1.0] * (len(header) - 1)
    ctx.tables += 1
    head = ctx.literal(ctx.word("table", number=ctx.tables)) + " " + ctx.markup(
        ctx.word("against_peers", subject=playbook.subject))
    return [CondPageBreak(TABLE_START),
            *data_table(ctx, header, rows, first_column_strong=True, weights=weights,
                        caption=head),
            Spacer(0, SPACE * 1.5)]


def peer_read(ctx: Context, playbook: Playbook, peer: Peer,
              width: float = FRAME_WIDTH) -> list[Flowable]:
    """Return a short read of one peer: headline, a small contrast table, the takeaway."""
    s = ctx.styles
    cites = "".join(ctx.cite(sid, peer.name) for sid in peer.sources)
    labels = {d.id: d for d in playbook.dimensions}
    rows = []
    for dim_id, contrast in peer.contrasts.items():
        dim = labels[dim_id]
        rows.append([dim.label, peer.subject.get(dim_id, dim.subject), contrast])
    head = [ctx.para(peer.name, s.h2, cites), ctx.para(peer.headline, s.peer_headline)]
    # the subject first, then the peer: the column order of the deck's peer slides
    table = data_table(ctx, [ctx.word("dimension"), playbook.subject, peer.name], rows,
                       first_column_strong=True, weights=columns.PEER_WEIGHTS, width=width)
    return [*head, *table,
            ctx.tagged(f"<b>{ctx.literal(_sentence(ctx.word('takeaway')))}</b>"
                       + ctx.literal(ctx.locale.punctuation.space)
                       + ctx.markup(peer.takeaway), s.peer_takeaway)]


def _sentence(word: str) -> str:
    """Return ``word`` as a run-in head: 'Takeaway.' (a word ending in punctuation as is)."""
    if word[-1:] in ".:!?。：":
        return word
    return word + ("：" if ord(word[-1]) >= CJK_START else ".")


def peer_reads(ctx: Context, playbook: Playbook) -> list[Flowable]:
    """Return the reads of a playbook's peers, two side by side.

    They stand one under another, full width, when a read is too long to stand beside
    another (a row cannot split) or when a contrast table's words would not fit its
    columns whole at half width.
    """
    width = columns.PEER_WIDTH
    reads = []
    if columns.peers_paired(playbook, (), ctx.word("dimension"), ctx.outline.brand.fonts.body,
                            ctx.outline.meta.language):
        reads = [peer_read(ctx, playbook, peer, width) for peer in playbook.peers]
    if not reads or max(stacked_height(read, width)
                        for read in reads) > FRAME_HEIGHT * PAIRED_READ_SHARE:
        return [KeepTogether([*peer_read(ctx, playbook, peer), Spacer(0, SPACE)])
                for peer in playbook.peers]
    out: list[Flowable] = []
    for i in range(0, len(reads), 2):
        pair = reads[i:i + 2]
        row = Table([pair + [""] * (2 - len(pair))], colWidths=[width + GUTTER, width],
                    hAlign="LEFT")
        row.setStyle(bare_style(ctx, ("RIGHTPADDING", (0, 0), (0, -1), GUTTER),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), SPACE)))
        out.append(row)
    return out


def stacked_height(flowables: list[Flowable], width: float) -> float:
    """Return the height of ``flowables`` one under another, ``width`` wide."""
    return sum(f.wrap(width, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def sources_list(ctx: Context, entries: list[tuple[str, str]]) -> list[Flowable]:
    """Return the numbered source entries (anchor name, paragraph markup) in two columns.

    They are a list whose items are notes, each with its anchor as ID: what citations cite.
    """
    cells = []
    with ctx.tags.part("L"):
        for name, text in entries:
            with ctx.tags.part("LI"), ctx.tags.part("LBody"):
                cells.append([ctx.tagged(text, ctx.styles.source, "Note", ident=name)])
    return columns_grid(ctx, cells, pad=2)
