"""deck.pdf: every slide plan painted on a page of the slide's size, with links and bookmarks."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..deck.elements import DeckPlan
from ..model import Outline
from ..pdf_tags import TaggingCanvas, set_clock
from ..text import plain, typeface
from .backdrop import Backdrop
from .backdrop import plain as plain_page
from .draw import Painter
from .fonts import face
from .tags import SlideTagger, finish


def canvas(path: Path, size: tuple[float, float], outline: Outline, when: _dt.datetime,
           subject: str) -> TaggingCanvas:
    """Return a canvas writing ``path`` whose bytes depend only on what is drawn and ``when``;
    it shows the document's title (not its file name) in a viewer's title bar."""
    meta = outline.meta
    body = face(typeface(outline.brand.fonts, "body"))
    c = TaggingCanvas(str(path), pagesize=size, invariant=1, pageCompression=1,
                      lang=meta.language, initialFontName=body)
    c.setViewerPreference("DisplayDocTitle", "true")
    set_clock(c, when)
    c.setTitle(plain(meta.title))
    c.setAuthor(meta.author or meta.organisation or "")
    c.setSubject(subject)
    c.setCreator("deckgen")
    c.setProducer("deckgen")
    return c


def page_key(number: int) -> str:
    """Return the name of the destination at the top of slide ``number``."""
    return f"slide{number}"


def describer(plan: DeckPlan):
    """Return what says where a link goes, in words: the URL, or the slide it opens."""
    places = {page_key(s.number): f"Slide {s.number}: {plain(s.title)}" for s in plan.slides}

    def describe(target: str, external: bool) -> str:
        return target if external else places.get(target, target)

    return describe


def write(plan: DeckPlan, outline: Outline, path: Path, when: _dt.datetime,
          progress: object = None, backdrop: Backdrop | None = None) -> int:
    """Write ``plan`` to ``path`` as a PDF, one page per slide; return the page count.

    Speaker notes are left out. Links open; agenda entries jump to their section's slide;
    the bookmarks list each section and its slides. The PDF is tagged (PDF/UA-1): a
    ``Sect`` per slide, see ``tags``. The pages are ``backdrop``'s (the PPTX's slide size
    and the template's art; None: the plan's own page).
    """
    subject = plain(outline.meta.subtitle or outline.meta.title)
    page = backdrop or plain_page(plan)
    c = canvas(path, (page.width, page.height), outline, when, subject)
    tagger = c.tagger = SlideTagger(plan)
    anchors = {s.anchor: page_key(s.number) for s in plan.slides if s.anchor}
    painter = Painter(c, plan, outline, links=True, destinations=anchors, tags=tagger,
                      backdrop=page)
    sections = {idx[0]: name for name, idx in plan.sections}
    total = len(plan.slides)
    for i, slide in enumerate(plan.slides):
        key = page_key(slide.number)
        c.bookmarkPage(key, fit="Fit")
        if i in sections:
            c.bookmarkPage(f"section{i}", fit="Fit")  # an entry's key must be its own
            c.addOutlineEntry(plain(sections[i]), f"section{i}", level=0)
        c.addOutlineEntry(f"{slide.number}. {plain(slide.title)}", key, level=1)
        painter.slide(slide)
        c.showPage()
        if callable(progress):
            progress(i + 1, total)
    c.showOutline()
    finish(c, tagger, outline, subject, when, describer(plan))
    c.save()
    return total
