"""Page templates of the brief: cover and body pages, running header, 'page X of Y' footer."""

from __future__ import annotations

import datetime as _dt

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable

from .. import pdf_tags
from ..model import Outline
from ..text import plain
from .context import Context
from .markup import anchor
from .styles import FRAME_WIDTH, HEADER_GAP, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE
from .typesetting import LayoutFrame, Paragraph, TypesetDocument, walk

COVER = "cover"
BODY = "body"
COVER_BAND = 0.58
"""Share of the cover's height that the dark brand band takes."""


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


def bookmark(flowable: Flowable, key: str, title: str, level: int = 0,
             toc: bool = True) -> Flowable:
    """Mark ``flowable`` as the start of a bookmarked part (and a contents entry)."""
    flowable._brief_mark = (key, title, level, toc)
    return flowable


class BriefDocument(TypesetDocument):
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
        self.structure = ctx.tags
        self.when = when
        self._total = total
        self._places: dict[str, str] | None = None
        self._running: tuple[Paragraph, Paragraph | None] | None = None
        self.addPageTemplates([self._cover_template(), self._body_template()])

    def _body_template(self) -> PageTemplate:
        frame = LayoutFrame(self.leftMargin, self.bottomMargin, self.width, self.height,
                            id="body", leftPadding=0, rightPadding=0, topPadding=0,
                            bottomPadding=0)
        return PageTemplate(BODY, [frame], onPage=self._decorate_body, pagesize=PAGE)

    def _cover_template(self) -> PageTemplate:
        band_bottom = PAGE[1] * (1 - COVER_BAND)
        top = LayoutFrame(MARGIN_X, band_bottom + 20, FRAME_WIDTH, PAGE[1] * COVER_BAND - 110,
                          id="cover-top", leftPadding=0, rightPadding=0, topPadding=0,
                          bottomPadding=0)
        bottom = LayoutFrame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH,
                             band_bottom - MARGIN_BOTTOM - 40, id="cover-bottom",
                             leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(COVER, [top, bottom], onPage=self._decorate_cover, pagesize=PAGE)

    # --- what the tagged PDF says about itself ----------------------------------

    def contents_entries(self, story: list[Flowable]) -> list[tuple]:
        """Return an entry for each bookmarked heading that the contents list."""
        return [(level, self._ctx.literal(title), 0, key)
                for key, title, level, toc in _marks(story) if toc]

    def describe_link(self, target: str, external: bool) -> str:
        """Return a link's destination in words: the URL, the source or the part it opens."""
        if external:
            return target
        if self._places is None:
            self._places = {key: title for key, title, _, _ in _marks(self._story)}
            self._places.update((anchor(number), f"Source {number}: {plain(source.title)}")
                                for number, source in self._ctx.citations.numbered())
        return self._places.get(target, target)

    def xmp(self) -> bytes:
        """Return the XMP metadata: title, author, language, dates and the PDF/UA-1 claim."""
        return pdf_tags.xmp(self.title, self.subject, self.author,
                            self._outline.meta.language, self.when)

    # --- page decoration -------------------------------------------------------

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.drawing:
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
        if not self.drawing:
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

    def multiBuild(self, story, maxPasses=10, **buildKwds):
        self._story = story
        return super().multiBuild(story, maxPasses, **buildKwds)

    def afterPage(self):
        self.notify("pageEnd", self.page)

    def afterFlowable(self, flowable):
        mark = getattr(flowable, "_brief_mark", None)
        if mark is None:
            return
        key, title, level, toc = mark
        if self.drawing:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if toc:
            self.notify("TOCEntry", (level, self._ctx.literal(title), self.page, key))


def _marks(flowables: list[Flowable]):
    """Yield the bookmark marks of ``flowables`` in story order, inside kept-together groups too."""
    for flowable in walk(flowables):
        mark = getattr(flowable, "_brief_mark", None)
        if mark is not None:
            yield mark
