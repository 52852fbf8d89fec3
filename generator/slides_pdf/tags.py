"""The structure tree of deck.pdf and handout.pdf: made from the slide plans as they are drawn.

Each slide is a ``Sect``; its title an ``H1``; other text ``P``, bullets an ``L`` of ``LI``
(the bullet the ``Lbl``, the text the ``LBody``); a table a ``Table`` of ``TR`` with ``TH``
(``/Scope /Column``, the header row) and ``TD``; a chart a ``Figure`` whose ``/Alt`` is made
from its data, a picture a ``Figure`` with its alt text; an agenda entry a ``Link`` holding
its text and its annotation. The order of the tree is the order of the slide plan (which
``deckgen check`` holds to the visual order, ``deck.access``). The slide's background,
shapes, the logo, the footer and the slide number are artifacts, and so is a source note
found on ``RUNNING_NOTE`` or more slides: it runs along the foot like a footer (the sources
slide lists every source once). The handout adds each slide's notes as ``P`` in its
``Sect``.

Plain data and canvas calls of ``pdf_tags``: no part of the brief is used.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from reportlab.pdfgen.canvas import Canvas

from ..deck.elements import DeckPlan, TextBox
from ..model import Outline
from ..pdf_tags import Element, Marks, TaggingCanvas, mark_document, write_structure, xmp
from ..text import plain

ARTIFACT_ROLES = frozenset({"footer", "number"})
"""Text box roles drawn as artifacts: what repeats on every slide."""

RUNNING_NOTE = 3
"""A source note on this many slides or more is page furniture, as checkers count it."""


class SlideTagger:
    """Marks what the slides draw as the content of their elements, in drawing order."""

    def __init__(self, plan: DeckPlan) -> None:
        notes = Counter(text_of(e) for slide in plan.slides for e in slide.texts
                        if e.role == "footnote")
        self.running_notes = frozenset(t for t, n in notes.items() if n >= RUNNING_NOTE)
        """The source notes drawn as artifacts: those on ``RUNNING_NOTE`` slides or more."""
        self.root = Element("Document")
        self.marks = Marks(1)
        self.section: Element = self.root
        """The element of the slide being drawn (its ``Sect``)."""
        self._current: Element | None = None

    def is_artifact(self, box: TextBox) -> bool:
        """Whether text box ``box`` is drawn as an artifact: chrome, or a running note."""
        return box.role in ARTIFACT_ROLES or (box.role == "footnote"
                                               and text_of(box) in self.running_notes)

    def new_section(self) -> Element:
        """Return a new ``Sect`` for the next slide; what follows goes in it."""
        self.section = Element("Sect", self.root)
        return self.section

    @contextmanager
    def marked(self, canvas: Canvas, element: Element) -> Iterator[Element]:
        """Mark what is drawn inside as the content of ``element``; nested marks are ignored."""
        if self._current is not None or not isinstance(canvas, TaggingCanvas):
            yield element
            return
        mcid = self.marks.add_content(canvas.getPageNumber() - 1, element)
        canvas.begin_marked(element.role, mcid)
        self._current = element
        try:
            yield element
        finally:
            canvas.end_marked()
            self._current = None

    def link(self, canvas: Canvas, annotation, ref, target: str, external: bool) -> None:
        """Record a link annotation drawn now, in the element being drawn (if any)."""
        made = self.marks.add_link(canvas.getPageNumber() - 1, self._current, annotation,
                                   target, external, self.section)
        made.ref = ref


def text_of(box: TextBox) -> str:
    """Return the text of a text box, its paragraphs' runs joined."""
    return "\n".join(para.text for para in box.paras)


def finish(canvas: Canvas, tagger: SlideTagger, outline: Outline, subject: str,
           when: _dt.datetime, describe: Callable[[str, bool], str]) -> None:
    """Write ``tagger``'s tree and the document's metadata into ``canvas``'s PDF (unsaved).

    ``describe(target, external)`` says where a link goes, in words.
    """
    doc = canvas._doc  # reportlab's PDF document (listed in pdf_tags)
    write_structure(doc, tagger.root, tagger.marks, describe, group_pages=True)
    meta = outline.meta
    mark_document(doc, xmp(plain(meta.title), subject, meta.author or meta.organisation or "",
                           meta.language, when))
