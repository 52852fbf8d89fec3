"""handout.pdf: each slide with its speaker notes, or three slides with lines for notes."""

from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from .. import brand as _brand
from .. import locale as _locale
from ..deck import notes
from ..deck.elements import DeckPlan, SlidePlan
from ..model import Outline
from ..pdf_document import StampedDocument
from ..pdf_tags import Element, TaggingCanvas
from ..text import plain, typeface
from . import fonts
from .backdrop import Backdrop
from .document import describer, page_key
from .draw import Painter, colour
from .tags import SlideTagger, finish

SUBJECT = "Handout with speaker notes"

MARGIN = 48.0
"""Page margin on every side, in points; the header and footer sit inside it."""
HEAD_PT = 9
NOTES_PT = 11
NOTES_LEADING = 15
NOTES_LIST_INDENT = 14.0
"""How far a list item of the notes ('- point') is indented, per level, in points."""
NOTES_GAP = 18.0
"""Space between a slide and its notes in the one-slide layout."""
RULE_GAP = 22.0
"""Distance between the ruled lines for notes in the three-slide layout."""
ROW_GAP = 18.0
"""Space between two slides of the three-slide layout."""
THUMB_SHARE = 0.5
"""Share of the frame's width a slide takes in the three-slide layout."""
BORDER = colors.HexColor("#C8CDD3")
"""The hairline around each slide and the ruled lines' colour."""


class _Slide(Flowable):
    """A slide drawn to ``width`` wide, with a hairline border and a bookmark; in the
    three-slide layout, with ruled lines for notes beside it."""

    def __init__(self, painter: Painter, slide: SlidePlan, width: float, *,
                 lines_width: float = 0.0, height: float | None = None):
        super().__init__()
        self.painter = painter
        self.slide = slide
        self.scale = width / painter.page.width
        self.slide_w = width
        self.slide_h = painter.page.height * self.scale
        self.lines_width = lines_width
        self.height = max(height or 0.0, self.slide_h)
        self.width = width + lines_width

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        key = page_key(self.slide.number)
        c.bookmarkPage(key)
        c.addOutlineEntry(f"{self.slide.number}. {plain(self.slide.title)}", key, level=0)
        top = self.height
        c.saveState()
        c.translate(0, top - self.slide_h)
        c.scale(self.scale, self.scale)
        self.painter.canvas = c  # the painter is shared: it draws on this pass's canvas
        self.painter.slide(self.slide)
        c.restoreState()
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.5)
        c.rect(0, top - self.slide_h, self.slide_w, self.slide_h, stroke=1, fill=0)
        if self.lines_width:
            x0 = self.slide_w + RULE_GAP
            y = top - RULE_GAP
            while y > 0:
                c.line(x0, y, self.slide_w + self.lines_width, y)
                y -= RULE_GAP


class _Handout(StampedDocument):
    """A4 pages with the deck's title and date above and 'Page N of M' below."""

    def __init__(self, target, outline: Outline, when: _dt.datetime, total: int | None):
        meta = outline.meta
        super().__init__(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, title=plain(meta.title),
                         author=meta.author or meta.organisation or "",
                         subject=SUBJECT, creator="deckgen", producer="deckgen",
                         lang=meta.language, invariant=1, displayDocTitle=1,
                         initialFontName=fonts.face(typeface(outline.brand.fonts, "body")))
        self.outline = outline
        self.when = when
        self.total = total
        self.date = _date(outline, when)
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    tagger: SlideTagger | None = None
    """Marks the slides and notes when set (the pass that is saved)."""

    def _makeCanvas(self, filename=None, canvasmaker=TaggingCanvas):
        # build() passes reportlab's own Canvas: the handout's is always a TaggingCanvas
        canv = super()._makeCanvas(filename=filename, canvasmaker=TaggingCanvas)
        canv.tagger = self.tagger
        return canv

    def _decorate(self, canv, doc) -> None:
        canv.saveState()
        canv.setFillColor(colour(quiet_ink(self.outline.brand)))
        w, h = A4
        words = _locale.of(self.outline)
        number = (words.word("page_of", page=doc.page, total=self.total) if self.total
                  else words.word("page", page=doc.page))
        top, foot = h - MARGIN / 2 - HEAD_PT / 2, MARGIN / 2 - HEAD_PT / 2
        self._draw(canv, plain(self.outline.meta.title), MARGIN, top, 0.0)
        self._draw(canv, self.date, w - MARGIN, top, 1.0)
        self._draw(canv, number[:1].upper() + number[1:], w / 2, foot, 0.5)
        canv.restoreState()

    def _draw(self, canv, text: str, x: float, y: float, anchor: float) -> None:
        """Draw ``text`` with ``anchor`` of its width left of ``x`` (0 left, 0.5 centred, 1
        right aligned), characters the body font lacks in its fallback."""
        pieces = list(fonts.split(text, typeface(self.outline.brand.fonts, "body"),
                                  False, False))
        x -= anchor * sum(m.width(piece, HEAD_PT) for piece, _, m in pieces)
        for piece, name, m in pieces:
            canv.setFont(name, HEAD_PT)
            canv.drawString(x, y, piece)
            x += m.width(piece, HEAD_PT)


def _date(outline: Outline, when: _dt.datetime) -> str:
    """Return the deck's date (meta.date, else the build's) in the outline's language, as
    the brief's cover writes it: '14 March 2025', '2025年3月14日'."""
    return _locale.of(outline).date(outline.meta.date or when.date())


class _Note(Paragraph):
    """A paragraph of a slide's notes: a 'P' in the slide's 'Sect' when the handout is tagged."""

    def __init__(self, text: str, style: ParagraphStyle, painter: Painter):
        super().__init__(text, style)
        self.painter = painter

    def drawOn(self, canvas, x, y, _sW=0):
        tags = self.painter.tags
        if tags is None:
            return super().drawOn(canvas, x, y, _sW)
        with tags.marked(canvas, Element("P", tags.section)):
            return super().drawOn(canvas, x, y, _sW)


def _notes(text: str, style: ParagraphStyle, family: str,
           painter: Painter) -> list[Flowable]:
    """Return the notes as paragraphs, characters the body font lacks in a fallback font.

    Notes carry the outline's inline markup; the handout prints them as plain text (a
    link's label, not its markup), for reading on paper.
    """
    out: list[Flowable] = []
    for level, line in notes.blocks(text):  # list items as the deck's notes have them
        block = plain(line)
        if not block.strip():
            continue
        markup = "".join(
            escape(piece) if name == style.fontName
            else f'<font name="{name}">{escape(piece)}</font>'
            for piece, name, _ in fonts.split(block, family, False, False))
        if level is None:
            out.append(_Note(markup, style, painter))
            continue
        indent = NOTES_LIST_INDENT * (level + 1)
        item = ParagraphStyle(f"notes-{level}", parent=style, leftIndent=indent,
                              bulletIndent=indent - NOTES_LIST_INDENT * 0.75,
                              bulletFontName=style.fontName, bulletFontSize=style.fontSize)
        out.append(_Note(f"<bullet>{'•' if level == 0 else '–'}</bullet>{markup}", item,
                         painter))
    return out


PAPER = "#FFFFFF"
"""The colour a handout is printed on: its pages are white whatever the theme, as paper is."""


def ink(brand) -> str:
    """Return the colour of the notes on paper: the brand's text or background colour,
    whichever reads better on white (a dark theme's light text would all but vanish)."""
    return _brand.on_colour(PAPER, brand)


def quiet_ink(brand) -> str:
    """Return the colour of the running header and footer on paper: the brand's muted
    colour where it reads on white (4.5:1), else the notes' own."""
    muted = brand.palette.muted
    return muted if _brand.contrast(muted, PAPER) >= _brand.AA_BODY else ink(brand)


def _story(plan: DeckPlan, outline: Outline, layout: int, tags: SlideTagger | None = None,
           backdrop: Backdrop | None = None) -> list[Flowable]:
    width = A4[0] - 2 * MARGIN
    family = typeface(outline.brand.fonts, "body")
    style = ParagraphStyle("notes", fontName=fonts.face(family), fontSize=NOTES_PT,
                           leading=NOTES_LEADING, spaceAfter=NOTES_PT / 2,
                           textColor=colour(ink(outline.brand)))
    anchors = {s.anchor: page_key(s.number) for s in plan.slides if s.anchor}
    painter = Painter(None, plan, outline,  # the canvas is set as each draws
                      links=tags is not None, destinations=anchors, tags=tags,
                      backdrop=backdrop)
    story: list[Flowable] = []
    if layout == 1:
        for i, slide in enumerate(plan.slides):
            if i:
                story.append(PageBreak())
            story += [_Slide(painter, slide, width), Spacer(0, NOTES_GAP)]
            story += _notes(slide.notes, style, family, painter)
        return story
    row = (A4[1] - 2 * MARGIN - 2 * ROW_GAP) / 3 - 1
    for i, slide in enumerate(plan.slides):
        if i:
            story.append(PageBreak() if i % 3 == 0 else Spacer(0, ROW_GAP))
        story.append(_Slide(painter, slide, width * THUMB_SHARE,
                            lines_width=width * (1 - THUMB_SHARE), height=row))
    return story


def write(plan: DeckPlan, outline: Outline, path: Path, when: _dt.datetime, layout: int,
          backdrop: Backdrop | None = None) -> int:
    """Write the handout of ``plan`` to ``path`` in ``layout`` (1 or 3); return its pages.

    Each slide is drawn as deck.pdf draws it, on ``backdrop`` (the PPTX's slide shape and
    the template's art; None: the plan's own page).

    The story is laid out once to count the pages, then again with 'Page N of M', tagged
    (PDF/UA-1): each slide a ``Sect`` as in deck.pdf (``tags``), its notes ``P`` in it; the
    page's title, date, number, slide borders and note lines are artifacts.
    """
    counting = _Handout(io.BytesIO(), outline, when, None)
    counting.build(_story(plan, outline, layout, None, backdrop))
    final = _Handout(str(path), outline, when, counting.page)
    final.tagger = SlideTagger(plan)
    final._doSave = 0  # reportlab's: the tree is written before the file is saved
    final.build(_story(plan, outline, layout, final.tagger, backdrop))
    finish(final.canv, final.tagger, outline, SUBJECT, when, describer(plan))
    final.canv.save()
    return final.page
