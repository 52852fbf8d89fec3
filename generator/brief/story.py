"""The outline translated into a platypus story: cover, summary, contents, chapters, sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from ..model import (
    BulletsSlide,
    ChartSlide,
    Outline,
    Playbook,
    QuoteSlide,
    Section,
    StatsSlide,
    TableSlide,
    TimelineSlide,
    TwoColumnSlide,
)
from ..report import BuildOptions, Finding
from ..text import plain
from . import charts, columns, figures, flowables
from .charts import Exhibit
from .context import Context
from .markup import anchor, quoteattr
from .pages import BODY, PageTotal, bookmark
from .styles import CHAPTER_GAP, CHAPTER_ROOM, CHART_HEIGHT, COVER_TITLE_DROP, FRAME_HEIGHT, SPACE
from .typesetting import Contents, Paragraph, RoomFor, kept

CONTENTS_FROM = 3
"""The fewest chapters (sections and playbooks) that make a contents page worth a page."""
POINT_INDENT = 12
"""Indent of a point under a bullets slide's title, in points (the bullet hangs in it)."""
SOURCES_START = 120
"""Room the sources list needs at the foot of a page to start there: its head, a few entries."""


@dataclass
class BriefPlan:
    """The brief before layout: its story, its page counter, and what was noticed."""

    story: list[Flowable]
    total: PageTotal
    context: Context
    findings: list[Finding] = field(default_factory=list)


def plan(outline: Outline, options: BuildOptions) -> BriefPlan:
    """Return the story of the brief for ``outline``; no file is read or written.

    Characters no font draws are found before, by the checks stage (``checks.glyphs``).
    """
    ctx = Context(outline)
    total = PageTotal()
    story: list[Flowable] = [total]
    sect = ctx.tags.part  # each part of the brief is a section of its structure tree
    with sect("Sect"):
        story += _cover(ctx, options)
    chapters = outline.placed_playbooks()
    contents = len(outline.sections) + len(outline.playbooks) >= CONTENTS_FROM
    if contents:
        with sect("Sect"):
            story += _contents(ctx)
    shown = summary_stats(outline)
    if _has_summary(outline, shown):
        with sect("Sect"):
            summary = _summary(ctx, shown)
        # under the contents only when the whole summary fits there: never split between
        # the contents page and the next, nor its heading left at the page foot
        story += [kept(summary[:-1]), summary[-1]] if contents else summary
    for number, section in enumerate(outline.sections, 1):
        with sect("Sect"):
            story += _chapter(ctx, number, section, skip=shown)
        for index, playbook in chapters.get(number - 1, []):
            with sect("Sect"):
                story += _playbook(ctx, index, playbook)
    if outline.sources:
        with sect("Sect"):
            story += _sources(ctx)
    return BriefPlan(story, total, ctx, columns.findings(outline, ctx.word("dimension"))
                     + figures.label_findings(outline))


# --- front matter -------------------------------------------------------------


def _cover(ctx: Context, options: BuildOptions) -> list[Flowable]:
    s = ctx.styles
    meta = ctx.outline.meta
    kicker = ctx.word("strategy_brief").upper()
    out: list[Flowable] = [Spacer(0, COVER_TITLE_DROP),
                           ctx.tagged(ctx.literal(kicker), s.cover_kicker)]
    out.append(bookmark(ctx.para(meta.title, s.cover_title), "cover", ctx.word("cover"),
                        toc=False))
    if meta.subtitle:
        out.append(ctx.para(meta.subtitle, s.cover_sub))
    out.append(FrameBreak())
    if meta.author:
        out.append(ctx.plain_para(meta.author, s.cover_meta_strong))
    if meta.organisation and meta.organisation != meta.author:
        out.append(ctx.plain_para(meta.organisation, s.cover_meta))
    if meta.date:  # the build's own time is in the file's metadata, never on the cover
        out.append(Spacer(0, SPACE))
        out.append(ctx.tagged(ctx.literal(ctx.locale.date(meta.date)), s.cover_meta))
    if meta.confidentiality:
        out.append(Spacer(0, SPACE * 2))
        out.append(ctx.plain_para(meta.confidentiality.upper(), s.box_title, role="P"))
    out += [NextPageTemplate(BODY), PageBreak()]
    return out


def _contents(ctx: Context) -> list[Flowable]:
    """Return the contents: what follows shares their page when it fits there (the summary
    whole, a chapter by the rule of every chapter's start, ``_part_break``)."""
    s = ctx.styles
    title = ctx.word("contents")
    head = ctx.tagged(ctx.literal(title), s.h1)
    toc = Contents(ctx.tags.element("TOC"), levelStyles=s.toc_levels, dotsMinLevel=0,
                   rightColumnWidth=40)
    toc.tableStyle = [("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    return [*_heading(ctx, head, "contents", title, toc=False), toc]


SUMMARY_PAGE_SHARE = 0.5
"""An executive summary that fills more than this share of its page keeps the page to
itself; a shorter one (key figures alone) is followed on the same page by the first
chapter, not by a blank page."""


def summary_stats(outline: Outline) -> StatsSlide | None:
    """Return the stats slide the summary shows for want of key figures, if it shows one."""
    if outline.key_figures:
        return None
    for section in outline.sections:
        for slide in section.slides:
            if isinstance(slide, StatsSlide):
                return slide
    return None


def _figures(outline: Outline, shown: StatsSlide | None) -> list:
    """Return the key figures the summary shows: the outline's, else the shown slide's."""
    return list(outline.key_figures) or (list(shown.stats) if shown else [])


def _has_summary(outline: Outline, shown: StatsSlide | None) -> bool:
    """Return whether the brief has an executive summary: a summary text or key figures."""
    return bool(outline.summary or _figures(outline, shown))


def _summary(ctx: Context, shown: StatsSlide | None) -> list[Flowable]:
    """Return the executive summary and key figures: nothing when there are neither."""
    s = ctx.styles
    outline = ctx.outline
    figures = _figures(outline, shown)
    title = ctx.word("executive_summary")
    out = _heading(ctx, ctx.tagged(ctx.literal(title), s.h1), "summary", title)
    for i, text in enumerate(outline.summary):
        out.append(ctx.para(text, s.lead if i == 0 else s.body))
    if figures:
        out.append(Spacer(0, SPACE))
        out.append(flowables.stat_row(ctx, figures, ctx.word("key_figures")))
    out.append(CondPageBreak(FRAME_HEIGHT * SUMMARY_PAGE_SHARE))
    return out


def _heading(ctx: Context, head: Paragraph, key: str, title: str,
             toc: bool = True) -> list[Flowable]:
    """Return a part's heading with its rule under it, bookmarked, kept with what follows."""
    rule = HRFlowable(width="100%", thickness=1, color=ctx.styles.palette.primary,
                      spaceBefore=0, spaceAfter=SPACE * 1.5, hAlign="LEFT")
    rule.keepWithNext = 1
    return [bookmark(head, key, title, toc=toc), rule]


# --- chapters -----------------------------------------------------------------


def _chapter(ctx: Context, number: int, section: Section,
             skip: StatsSlide | None = None) -> list[Flowable]:
    s = ctx.styles
    colour = ctx.colour("primary")
    head = ctx.tagged(f'<font color="{colour}">{number:02d}</font>\u2003'
                      + ctx.markup(section.title), s.h1)
    out: list[Flowable] = [_part_break()]
    out += _heading(ctx, head, f"chapter-{number}", f"{number}. {_plain(section.title)}")
    if section.summary:
        out.append(ctx.para(section.summary, s.lead))
    for text in section.prose:
        out.append(ctx.para(text, s.body))
    if section.key_points:
        out += flowables.key_points(ctx, list(section.key_points))
    exhibits = _exhibits(ctx, [slide for slide in section.slides if slide is not skip])
    if not (section.summary or section.prose or section.key_points or exhibits):
        # nothing written for the brief: the slides' points stand in, so no heading is bare
        out += [f for slide in section.slides if isinstance(slide, BulletsSlide)
                for f in _points(ctx, slide)]
    return out + exhibits


def _points(ctx: Context, slide: BulletsSlide) -> list[Flowable]:
    """Return a bullets slide as the brief shows it: its title, then its points."""
    s = ctx.styles
    style = ParagraphStyle("points", parent=s.body, leftIndent=POINT_INDENT, bulletIndent=2,
                           bulletFontName=s.body.fontName)
    out: list[Flowable] = [ctx.para(slide.title, s.table_head, role="H2")]
    with ctx.tags.part("L"):
        for bullet in slide.bullets:
            with ctx.tags.part("LI"):
                out.append(ctx.tagged(ctx.markup(bullet.text), style, "LBody",
                                      bulletText="\u2022"))
    return [*out, Spacer(0, SPACE)]


def _part_break() -> Flowable:
    """Return the break before a part: a new page only if its heading, lead and a few lines
    of text (``CHAPTER_ROOM``) would not fit under what comes before.

    The room counts the space above the part's heading, which the heading takes first.
    """
    return CondPageBreak(CHAPTER_ROOM + CHAPTER_GAP)


def _plain(text: str) -> str:
    return plain(text)


def _table_room() -> Flowable:
    return CondPageBreak(flowables.TABLE_START)


def _exhibits(ctx: Context, slides: list) -> list[Flowable]:
    """Return what a section's slides contribute to the brief, in order.

    Figures stand where ``figures.placements`` puts them: chart slides side by side in
    pairs, the pair where the first of them would be; a two-column slide's charts where
    the slide is, with its other column.
    """
    placed = {p.at: p for p in figures.placements(slides)}
    out: list[Flowable] = []
    for at, slide in enumerate(slides):
        if at in placed:
            out += [CondPageBreak(CHART_HEIGHT), *_placed(ctx, slides, placed[at])]
        elif not isinstance(slide, ChartSlide):  # a chart slide not placed is in a pair
            out += _exhibit(ctx, slide)
    return out


def _placed(ctx: Context, slides: list, placement: figures.Placement) -> list[Flowable]:
    """Return the figure or the pair of figures of ``placement``."""
    slide = slides[placement.at]
    if isinstance(slide, TwoColumnSlide):
        exhibits = _column_exhibits(ctx, slide)
    else:
        exhibits = [Exhibit(slides[k].chart, slides[k].title, slides[k].takeaway)
                    for k in placement.slides]
    if len(exhibits) == 2:
        return [charts.figure_pair(ctx, *exhibits)]
    return charts.figure(ctx, exhibits[0])


def _column_exhibits(ctx: Context, slide: TwoColumnSlide) -> list[Exhibit]:
    """Return a two-column slide's charts as figures titled by the slide (and the chart's
    column heading); a column that is not a chart stands beside the chart."""
    sides = (slide.left, slide.right)
    exhibits = []
    for side, other in zip(sides, reversed(sides), strict=True):
        if side.chart is None:
            continue
        title = slide.title
        if side.heading:
            title = ctx.word("titled_part", title=slide.title, part=side.heading)
        beside = None
        if other.chart is None:
            beside = partial(flowables.column, ctx, other)
        exhibits.append(Exhibit(side.chart, title, beside=beside))
    return exhibits


def _exhibit(ctx: Context, slide) -> list:
    """Return a slide's flowables (bullet and image slides: nothing; charts are placed)."""
    if isinstance(slide, StatsSlide):
        return [flowables.stat_row(ctx, list(slide.stats), slide.title)]
    if isinstance(slide, TableSlide):
        return [_table_room(), *flowables.table_block(ctx, slide.table, slide.title)]
    if isinstance(slide, QuoteSlide):
        return [flowables.pull_quote(ctx, slide.quote, slide.attribution, slide.role)]
    if isinstance(slide, TimelineSlide):
        return [_table_room(), *flowables.timeline(ctx, list(slide.events), slide.title)]
    if isinstance(slide, TwoColumnSlide):
        return [_table_room(), *flowables.two_columns(ctx, slide.title, slide.left,
                                                      slide.right)]
    return []


# --- playbooks ----------------------------------------------------------------


def _playbook(ctx: Context, index: int, playbook: Playbook) -> list[Flowable]:
    s = ctx.styles
    cites = "".join(ctx.cite(sid, playbook.headline) for sid in playbook.sources)
    colour = ctx.colour("primary")
    kicker = ctx.literal(ctx.word("playbook"))
    head = ctx.tagged(f'<font color="{colour}">{kicker}</font>\u2003'
                      + ctx.markup(playbook.title), s.h1)
    out: list[Flowable] = [_part_break()]
    out += _heading(ctx, head, f"playbook-{index + 1}", _plain(playbook.title))
    out.append(ctx.para(playbook.headline, s.lead, cites))
    out += [ctx.para(text, s.body) for text in playbook.intro]
    out += flowables.comparison(ctx, playbook)
    reads = flowables.peer_reads(ctx, playbook)
    takeaway = flowables.key_points(ctx, [playbook.takeaway], ctx.word("takeaway"))
    # the playbook's conclusion never stands alone at the top of a page
    out += [*reads[:-1], kept([reads[-1], *takeaway])]
    return out


# --- back matter --------------------------------------------------------------


def _sources(ctx: Context) -> list[Flowable]:
    """Return the numbered sources in two columns, never split from their heading: on the
    last chapter's page if the whole list fits what is left there, else from the top of
    the next page (a list too long for one page needs room for its head and a few entries
    to start where it is).

    No keep-with rule ties them to the end of the last chapter: they are back matter, and
    a short list alone on the last page is the reference page of a report, where pulling
    the chapter's last block over would leave a gap in the chapter instead.
    """
    s = ctx.styles
    title = ctx.word("sources")
    out = _heading(ctx, ctx.tagged(ctx.literal(title), s.h1), "sources", title)
    entries = []
    marks = ctx.locale.punctuation
    for number, source in ctx.citations.numbered():
        parts = [f'<a name="{anchor(number)}"/>[{number}]\u2002<b>{ctx.markup(source.title)}</b>']
        date = ctx.locale.source_date(source.date) if source.date else None
        detail = ctx.literal(marks.comma).join(
            ctx.literal(t) for t in (source.publisher, date) if t)
        if detail:
            parts.append(detail)
        text = ctx.literal(marks.full_stop + marks.space).join(parts) + ctx.literal(
            marks.full_stop)
        if source.url:
            text += (ctx.literal(marks.space)
                     + f"<a href={quoteattr(source.url)} color=\"{ctx.link_colour}\">"
                     f"{ctx.literal(source.url)}</a>")
        entries.append((anchor(number), text))
    if entries:
        out += flowables.sources_list(ctx, entries)
    else:
        out.append(ctx.tagged(ctx.literal(ctx.word("no_sources")), s.body))
    group = KeepTogether(out)
    return [RoomFor(group, SOURCES_START), group]
