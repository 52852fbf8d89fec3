"""Page templates of the brief: cover and body pages, running header, 'page X of Y' footer."""

from __future__ import annotations

import copy
import datetime as _dt
import time
from ast import literal_eval

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table
from reportlab.platypus.doctemplate import IndexingFlowable, NullActionFlowable
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from ..model import Outline
from .context import Context
from .paragraph import Paragraph
from .styles import FRAME_WIDTH, HEADER_GAP, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE

COVER = "cover"
BODY = "body"
COVER_BAND = 0.58
"""Share of the cover's height that the dark brand band takes."""
CONTENTS_ROWS = 24
"""Rows in each of the short tables that the contents are set in."""


class PageTotal(IndexingFlowable):
    """Counts the pages of each pass, so footers can say 'of Y'; satisfied once Y is stable."""

    def __init__(self):
        super().__init__()
        self.total: int | None = None
        self._seen = 0
        self._last: int | None = None

    def notify(self, kind, stuff):
        if kind == "pageEnd":
            self._seen = max(self._seen, stuff)

    def beforeBuild(self):
        self._last, self._seen = self.total, 0

    def afterBuild(self):
        self.total = self._seen

    def isSatisfied(self):
        return self.total is not None and self.total == self._last

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass


class Contents(TableOfContents):
    """The table of contents, set as a run of short tables, one under another.

    reportlab sets the contents as one table; a table split at a page foot is measured
    again whole on the next page, so long contents took time in the square of their
    length. Short tables give the same rows in the same places, and a split measures one.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._parts: list[Table] = []
        self._parts_for: tuple | None = None

    def wrap(self, availWidth, availHeight):
        self.canv.setNamedCB("drawTOCEntryEnd", self._entry_end(availWidth, availHeight))
        entries = tuple(self._lastEntries) or ((0, "Placeholder for table of contents", 0,
                                                None),)
        if self._parts_for != (availWidth, entries):
            self._parts = self._tables(entries, availWidth)
            self._parts_for = (availWidth, entries)
        self.width = availWidth
        self.height = sum(part.wrapOn(self.canv, availWidth, availHeight)[1]
                          for part in self._parts)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        # each short table is then placed, and split at a page foot, on its own
        return [NullActionFlowable(), *self._parts]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for part in self._parts:
            top -= part._height
            part.drawOn(canvas, x, top, _sW)

    def _tables(self, entries: tuple, width: float) -> list[Table]:
        """Return the rows reportlab's contents would have, CONTENTS_ROWS to a table."""
        rows: list[list[Flowable]] = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            if key:
                text = f'<a href="#{key}">{text}</a>'
                label = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
            else:
                label = None
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(f'{text}<onDraw name="drawTOCEntryEnd" '
                                   f'label="{page},{level},{label}"/>', style)])
        return [Table(rows[i:i + CONTENTS_ROWS], colWidths=(width,), style=self.tableStyle)
                for i in range(0, len(rows), CONTENTS_ROWS)]

    def _entry_end(self, width: float, height: float):
        """Return the callback that draws an entry's dots and page number, as reportlab's."""

        def draw(canvas, kind, label):
            parts = label.split(",")
            page, level, key = int(parts[0]), int(parts[1]), literal_eval(parts[2])
            dots = " . " if 0 <= self.dotsMinLevel <= level else ""
            if self.formatter:
                page = self.formatter(page)
            drawPageNumbers(canvas, self.getLevelStyle(level), [(page, key)], width, height,
                            dots)

        return draw


class _Stamp:
    """A fixed creation time for the PDF's info dictionary, in UTC."""

    def __init__(self, when: _dt.datetime):
        when = when.astimezone(_dt.UTC) if when.tzinfo else when.replace(tzinfo=_dt.UTC)
        self.t = when.timestamp()
        self.lt = time.gmtime(self.t)
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def bookmark(flowable: Flowable, key: str, title: str, level: int = 0,
             toc: bool = True) -> Flowable:
    """Mark ``flowable`` as the start of a bookmarked part (and a contents entry)."""
    flowable._brief_mark = (key, title, level, toc)
    return flowable


def _marks(flowables: list[Flowable]):
    """Yield the bookmark marks of ``flowables`` in story order, inside kept-together groups too.

    A KeepTogether always splits into its flowables, so each is placed, and marked, alone.
    """
    for flowable in flowables:
        mark = getattr(flowable, "_brief_mark", None)
        if mark is not None:
            yield mark
        yield from _marks(getattr(flowable, "_content", ()))


def _skip_drawing(*args, **kwargs) -> None:
    """Stands in for a flowable's drawOn while a pass only lays the story out."""


class _Frame(Frame):
    """A frame that, while its document only lays the story out, places without drawing."""

    def _add(self, flowable, canv, trySplit=0):
        if getattr(canv, "_brief_drawing", True) or "drawOn" in vars(flowable):
            return super()._add(flowable, canv, trySplit)
        flowable.drawOn = _skip_drawing  # shadows the method for this placement only
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add

    def __deepcopy__(self, memo):
        # reportlab copies the frame for each trial layout of a kept-together group; its
        # state is numbers and strings, so only other values need copying deeply
        twin = copy.copy(self)
        for name, value in vars(self).items():
            if not isinstance(value, (int, float, str, type(None))):
                setattr(twin, name, copy.deepcopy(value, memo))
        return twin


class BriefDocument(BaseDocTemplate):
    """The brief's document: A4, two page templates, bookmarks and contents from headings."""

    def __init__(self, path: str, outline: Outline, ctx: Context, when: _dt.datetime,
                 total: PageTotal):
        meta = outline.meta
        super().__init__(
            path, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=meta.title,
            author=meta.author or meta.organisation or "", subject=meta.subtitle or meta.title,
            creator="deckgen", producer="deckgen", lang=meta.language, invariant=1,
            displayDocTitle=1, initialFontName=ctx.styles.body_font.regular,
            initialFontSize=10, initialLeading=12)
        self._outline = outline
        self._ctx = ctx
        self._when = when
        self._total = total
        self._drawing = True
        self._running: tuple[Paragraph, Paragraph | None] | None = None
        self.addPageTemplates([self._cover_template(), self._body_template()])

    def _makeCanvas(self, filename=None, canvasmaker=Canvas):
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        canv._doc._timeStamp = _Stamp(self._when)
        canv.showOutline()
        canv._brief_drawing = self._drawing
        return canv

    def multiBuild(self, story, maxPasses=10, **buildKwds):
        """Lay ``story`` out once without drawing, to learn its page numbers; then draw it.

        Before that first pass the contents are given their entries (with unknown page
        numbers), so they take the room they will take when drawn, and every page falls
        where it will: the drawing pass normally finds every number as it was and is the
        last. Returns the number of passes.
        """
        self._indexingFlowables = [f for f in story if f.isIndexing()]
        expected = [(level, self._ctx.literal(title), 0, key)
                    for key, title, level, toc in _marks(story) if toc]
        for flowable in self._indexingFlowables:
            if isinstance(flowable, TableOfContents):
                flowable.addEntries(expected)
        self._doSave = 0
        edits: list[tuple] = []
        self._multiBuildEdits = edits.append
        passes = 0
        while True:
            passes += 1
            self._drawing = passes > 1
            for flowable in self._indexingFlowables:
                flowable.beforeBuild()
            self.build(story[:], **buildKwds)
            for flowable in self._indexingFlowables:
                flowable.afterBuild()
            if self._drawing and self._allSatisfied():
                self.canv.save()
                break
            if passes > maxPasses:
                raise IndexError(f"Index entries not resolved after {maxPasses} passes")
            while edits:
                action, *args = edits.pop(0)
                action(*args)
        del self._multiBuildEdits
        return passes

    def _body_template(self) -> PageTemplate:
        frame = _Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(BODY, [frame], onPage=self._decorate_body, pagesize=PAGE)

    def _cover_template(self) -> PageTemplate:
        band_bottom = PAGE[1] * (1 - COVER_BAND)
        top = _Frame(MARGIN_X, band_bottom + 20, FRAME_WIDTH, PAGE[1] * COVER_BAND - 110,
                     id="cover-top", leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0)
        bottom = _Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, band_bottom - MARGIN_BOTTOM - 40,
                        id="cover-bottom", leftPadding=0, rightPadding=0, topPadding=0,
                        bottomPadding=0)
        return PageTemplate(COVER, [top, bottom], onPage=self._decorate_cover, pagesize=PAGE)

    # --- page decoration -------------------------------------------------------

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self._drawing:
            return
        pal = self._ctx.styles.palette
        w, h = PAGE
        band_bottom = h * (1 - COVER_BAND)
        canv.saveState()
        self._paint_background(canv)
        canv.setFillColor(pal.secondary)
        canv.rect(0, band_bottom, w, h - band_bottom, stroke=0, fill=1)
        canv.setFillColor(pal.primary)
        canv.rect(0, band_bottom - 8, w, 8, stroke=0, fill=1)
        canv.rect(MARGIN_X, h - 36 * 2.83, 28, 4, stroke=0, fill=1)
        self._brand_mark(canv, w - MARGIN_X, h - 30 * 2.83)
        canv.restoreState()

    def _paint_background(self, canv: Canvas) -> None:
        pal = self._ctx.styles.palette
        if pal.paint_background:
            canv.setFillColor(pal.background)
            canv.rect(0, 0, PAGE[0], PAGE[1], stroke=0, fill=1)

    def _brand_mark(self, canv: Canvas, right: float, top: float) -> None:
        """Draw the brand's logo at top right; nothing when the brand gives none."""
        logo = self._outline.brand.logo
        if not logo:
            return
        image = ImageReader(logo)
        iw, ih = image.getSize()
        height = 40.0
        width = min(iw * height / ih, 160.0)
        height = width * ih / iw
        canv.drawImage(image, right - width, top - height, width, height, mask="auto")

    def _decorate_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self._drawing:
            return
        s = self._ctx.styles
        pal = s.palette
        w, h = PAGE
        top = h - MARGIN_TOP + HEADER_GAP
        canv.saveState()
        self._paint_background(canv)
        canv.setFont(s.body_font.regular, s.footer.fontSize)
        canv.setFillColor(pal.muted)
        header, left = self._running_text()
        header.wrapOn(canv, FRAME_WIDTH * 0.8, 20)
        header.drawOn(canv, MARGIN_X, top)
        canv.setFillColor(pal.primary)
        canv.rect(w - MARGIN_X - 20, top + 2, 20, 2.5, stroke=0, fill=1)
        canv.setStrokeColor(pal.surface)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, top - 4, w - MARGIN_X, top - 4)
        bottom = MARGIN_BOTTOM - 14 * 2.83 / 2
        canv.line(MARGIN_X, bottom + 12, w - MARGIN_X, bottom + 12)
        if left is not None:
            left.wrapOn(canv, FRAME_WIDTH * 0.75, 20)
            left.drawOn(canv, MARGIN_X, bottom)
        total = self._total.total
        words = self._ctx.locale
        number = (words.word("page_of", page=doc.page, total=total) if total
                  else words.word("page", page=doc.page))
        para = Paragraph(self._ctx.literal(number), s.footer_right)
        para.wrapOn(canv, FRAME_WIDTH * 0.25, 20)
        para.drawOn(canv, w - MARGIN_X - FRAME_WIDTH * 0.25, bottom)
        canv.restoreState()

    def _running_text(self) -> tuple[Paragraph, Paragraph | None]:
        """Return the running header and the footer's left part (None if empty), made once."""
        if self._running is None:
            s = self._ctx.styles
            meta = self._outline.meta
            left = " \u00b7 ".join(self._ctx.literal(t)
                                    for t in (meta.footer, meta.confidentiality) if t)
            self._running = (Paragraph(self._ctx.markup(meta.title), s.footer),
                             Paragraph(left, s.footer) if left else None)
        return self._running

    # --- hooks --------------------------------------------------------------

    def afterPage(self):
        self.notify("pageEnd", self.page)

    def afterFlowable(self, flowable):
        mark = getattr(flowable, "_brief_mark", None)
        if mark is None:
            return
        key, title, level, toc = mark
        if self._drawing:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if toc:
            self.notify("TOCEntry", (level, self._ctx.literal(title), self.page, key))
