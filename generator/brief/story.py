"""The outline translated into a platypus story: cover, summary, contents, chapters, sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..model import (
    ChartSlide,
    Outline,
    Playbook,
    QuoteSlide,
    Section,
    StatsSlide,
    TableSlide,
    TimelineSlide,
    TwoColumnSlide,
    section_id,
)
from ..report import BuildOptions, Finding
from ..text import plain
from . import charts, flowables
from .context import Context
from .fonts import glyph_findings
from .markup import anchor
from .pages import BODY, PageTotal, bookmark
from .styles import CHAPTER_ROOM, COVER_TITLE_DROP, SPACE

COVER_KICKER = "STRATEGY BRIEF"


@dataclass
class BriefPlan:
    """The brief before layout: its story, its page counter, and what was noticed."""

    story: list[Flowable]
    total: PageTotal
    context: Context
    findings: list[Finding] = field(default_factory=list)


def plan(outline: Outline, options: BuildOptions) -> BriefPlan:
    """Return the story of the brief for ``outline``; no file is read or written.

    Every character of the outline's text is checked first: one the fonts cannot draw
    becomes a 'glyph' error finding.
    """
    ctx = Context(outline)
    findings = glyph_findings(outline, ctx.glyphs)
    total = PageTotal()
    story: list[Flowable] = [total]
    story += _cover(ctx, options)
    story += _contents(ctx)
    story += _summary(ctx)
    chapters = _placed_playbooks(outline)
    for number, section in enumerate(outline.sections, 1):
        story += _chapter(ctx, number, section)
        for playbook in chapters.get(number - 1, []):
            story += _playbook(ctx, outline.playbooks.index(playbook), playbook)
    story += _sources(ctx)
    return BriefPlan(story, total, ctx, findings)


# --- front matter -------------------------------------------------------------


def _cover(ctx: Context, options: BuildOptions) -> list[Flowable]:
    s = ctx.styles
    meta = ctx.outline.meta
    out: list[Flowable] = [Spacer(0, COVER_TITLE_DROP),
                           Paragraph(ctx.literal(COVER_KICKER), s.cover_kicker)]
    out.append(bookmark(ctx.para(meta.title, s.cover_title), "cover", "Cover", toc=False))
    if meta.subtitle:
        out.append(ctx.para(meta.subtitle, s.cover_sub))
    out.append(FrameBreak())
    if meta.author:
        out.append(ctx.plain_para(meta.author, s.cover_meta_strong))
    if meta.organisation:
        out.append(ctx.plain_para(meta.organisation, s.cover_meta))
    day = meta.date or options.timestamp.date()
    out.append(Spacer(0, SPACE))
    out.append(Paragraph(f"{day.day} {day:%B %Y}", s.cover_meta))
    if meta.confidentiality:
        out.append(Spacer(0, SPACE * 2))
        out.append(ctx.plain_para(meta.confidentiality.upper(), s.box_title))
    out += [NextPageTemplate(BODY), PageBreak()]
    return out


def _contents(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    toc = TableOfContents(levelStyles=s.toc_levels, dotsMinLevel=0, rightColumnWidth=40)
    toc.tableStyle = [("FONTNAME", (0, 0), (-1, -1), s.body_font.regular),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    return [bookmark(Paragraph("Contents", s.h1), "contents", "Contents", toc=False),
            _rule(ctx), toc, PageBreak()]


def _summary(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    outline = ctx.outline
    out: list[Flowable] = [bookmark(Paragraph("Executive summary", s.h1), "summary",
                                    "Executive summary"), _rule(ctx)]
    for i, text in enumerate(outline.summary):
        out.append(ctx.para(text, s.lead if i == 0 else s.body))
    figures = list(outline.key_figures) or _first_stats(outline)
    if figures:
        out.append(Spacer(0, SPACE))
        for start in range(0, len(figures), 4):
            title = "Key figures" if start == 0 else None
            out.append(flowables.stat_panel(ctx, figures[start:start + 4], title))
    out.append(PageBreak())
    return out


def _first_stats(outline: Outline) -> list:
    for section in outline.sections:
        for slide in section.slides:
            if isinstance(slide, StatsSlide):
                return list(slide.stats)
    return []


def _rule(ctx: Context) -> Flowable:
    return HRFlowable(width="100%", thickness=1.5, color=ctx.styles.palette.primary,
                      spaceBefore=0, spaceAfter=SPACE * 2, hAlign="LEFT")


# --- chapters -----------------------------------------------------------------


def _chapter(ctx: Context, number: int, section: Section) -> list[Flowable]:
    s = ctx.styles
    key = f"chapter-{number}"
    out: list[Flowable] = [
        Paragraph(f"{number:02d}", s.chapter_no),
        bookmark(ctx.para(section.title, s.h1), key, f"{number}. {_plain(section.title)}"),
        _rule(ctx),
    ]
    if section.summary:
        out.append(ctx.para(section.summary, s.lead))
    for text in section.prose:
        out.append(ctx.para(text, s.body))
    if section.key_points:
        out.append(flowables.key_points(ctx, list(section.key_points)))
    for slide in section.slides:
        out += _exhibit(ctx, slide)
    out.append(_chapter_end())
    return out


def _chapter_end() -> Flowable:
    """Return the break after a chapter: a new page unless much of this one is left."""
    return CondPageBreak(CHAPTER_ROOM)


def _plain(text: str) -> str:
    return plain(text)


def _table_room() -> Flowable:
    return CondPageBreak(flowables.TABLE_START)


def _exhibit(ctx: Context, slide) -> list[Flowable]:
    """Return what a slide contributes to the brief (bullet and image slides: nothing)."""
    if isinstance(slide, StatsSlide):
        return [flowables.stat_panel(ctx, list(slide.stats), slide.title)]
    if isinstance(slide, ChartSlide):
        out: list[Flowable] = [CondPageBreak(120), charts.chart_block(ctx, slide.chart,
                                                                       slide.title)]
        if slide.takeaway:
            out.append(ctx.para(slide.takeaway, ctx.styles.body))
        return out
    if isinstance(slide, TableSlide):
        return [_table_room(), *flowables.table_block(ctx, slide.table, slide.title)]
    if isinstance(slide, QuoteSlide):
        return [flowables.pull_quote(ctx, slide.quote, slide.attribution, slide.role)]
    if isinstance(slide, TimelineSlide):
        return [_table_room(), *flowables.timeline(ctx, list(slide.events), slide.title)]
    if isinstance(slide, TwoColumnSlide):
        out = []
        for column in (slide.left, slide.right):
            title = column.heading or slide.title
            if column.chart is not None:
                out += [CondPageBreak(120), charts.chart_block(ctx, column.chart, title)]
            elif column.stat is not None:
                out.append(flowables.stat_panel(ctx, [column.stat], title))
        return out
    return []


# --- playbooks ----------------------------------------------------------------


def _placed_playbooks(outline: Outline) -> dict[int, list[Playbook]]:
    """Return the playbooks by the index of the section they follow."""
    ids = {section_id(sec, i): i for i, sec in enumerate(outline.sections)}
    placed: dict[int, list[Playbook]] = {}
    for playbook in outline.playbooks:
        where = ids.get(playbook.after, len(outline.sections) - 1) if playbook.after else (
            len(outline.sections) - 1)
        placed.setdefault(where, []).append(playbook)
    return placed


def _playbook(ctx: Context, index: int, playbook: Playbook) -> list[Flowable]:
    s = ctx.styles
    cites = "".join(ctx.cite(sid) for sid in playbook.sources)
    out: list[Flowable] = [
        Paragraph("PLAYBOOK", s.kicker),
        bookmark(ctx.para(playbook.title, s.h1), f"playbook-{index + 1}",
                 _plain(playbook.title)),
        _rule(ctx),
        ctx.para(playbook.headline, s.lead, cites),
    ]
    out += [ctx.para(text, s.body) for text in playbook.intro]
    out += flowables.comparison(ctx, playbook)
    for peer in playbook.peers:
        out += flowables.peer_read(ctx, playbook, peer)
    out.append(flowables.key_points(ctx, [playbook.takeaway], "Takeaway"))
    out.append(_chapter_end())
    return out


# --- back matter --------------------------------------------------------------


def _sources(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [PageBreak(),
                           bookmark(Paragraph("Sources", s.h1), "sources", "Sources"),
                           _rule(ctx)]
    for number, source in ctx.citations.numbered():
        parts = [f'<a name="{anchor(number)}"/>[{number}]\u2002<b>{ctx.markup(source.title)}</b>']
        detail = ", ".join(ctx.literal(t) for t in (source.publisher, source.date) if t)
        if detail:
            parts.append(detail)
        text = ". ".join(parts) + "."
        if source.url:
            text += (f" <a href={quoteattr(source.url)} color=\"{ctx.link_colour}\">"
                     f"{ctx.literal(source.url)}</a>")
        out.append(Paragraph(text, s.source))
    if len(out) == 2:
        out.append(Paragraph("No sources are cited.", s.body))
    return out
