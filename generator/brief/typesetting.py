"""reportlab where the brief relies on more than its public API: the one module that does.

Tested with reportlab 5.1 (``pyproject.toml`` pins ``reportlab>=5.0,<6``); importing this
module under another major version raises ImportError, so a new reportlab is met by a clear
message rather than a subtly different PDF. Every private name, and every piece of reportlab
code copied or overridden here, is listed below with the upstream file it comes from (paths
under the ``reportlab`` package, as of reportlab 5.1.0):

- ``platypus/paragraph.py``: ``Paragraph`` internals ``blPara``, ``_wrapWidths``,
  ``_width_max`` (kept per width by ``Paragraph.wrap``), ``_splitLongWordCount`` (words
  cut between letters, read by ``Paragraph.cut``); ``cleanBlockQuotedText``; the parser's
  fragment attributes (copied by ``plain_frags``); ``Paragraph.breakLines`` (extended by
  ``Paragraph`` to break again when the last line is one CJK character alone) and the
  lines it returns; ``rl_config._FUZZ``; the module functions ``_hyGenPair`` and
  ``_hyGenFragsPair`` (where a word that does not fit its line is split: overridden for
  the brief's styles by ``_split_word`` and ``_split_frag_word``, see ``Breaker``),
  ``_fragWordSplitRep``, ``_rebuildFragWord`` and the classes ``_SplitWordLL`` and
  ``_SplitFragLL``.
- ``platypus/frames.py``: ``Frame._add`` (overridden by ``LayoutFrame`` to place without
  drawing while a pass only lays the story out).
- ``platypus/flowables.py``: ``KeepTogether._content`` (read by ``walk``, ``kept`` and
  ``RoomFor``), ``KeepTogether.wrap`` measuring as taller than any frame (why ``kept``
  opens nested groups) and ``_listWrapOn`` (``RoomFor`` measures a group with it).
- ``platypus/tables.py``: ``Table.draw``, ``Table._drawCell``, ``Table._drawLines`` and
  ``Table._colpositions`` (``ColumnsTable`` draws a column at a time); ``Table._cellvalues``
  and ``Table._rowHeights`` (read by ``CaptionedTable`` to choose where a table splits).
- ``platypus/frames.py``: ``Frame._atTop`` (read by ``CaptionedTable``: a table at the top
  of a page splits where it must).
- ``platypus/tableofcontents.py``: ``TableOfContents.wrap`` (adapted by ``Contents``:
  ``_lastEntries``, ``drawPageNumbers``, ``Table._height``, ``Canvas.setNamedCB``).
- ``platypus/doctemplate.py``: ``BaseDocTemplate.multiBuild`` (adapted by
  ``TypesetDocument.multiBuild``, with ``_indexingFlowables``, ``_doSave``,
  ``_multiBuildEdits``, ``_allSatisfied``).
- ``pdfgen/canvas.py``: ``Canvas._doc`` (the PDF document).

The tagged-PDF machinery this module drives (the canvas that marks content and sees links,
the writing of the structure tree) is shared with the slides PDF and lists its own private
names: ``generator.pdf_tags``.
"""

from __future__ import annotations

import copy
import weakref
from ast import literal_eval
from collections.abc import Callable, Iterator
from typing import Any

from reportlab import Version as REPORTLAB_VERSION
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    Spacer,
    Table,
)
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.doctemplate import NullActionFlowable
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.paraparser import ParaParser
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers
from reportlab.rl_config import _FUZZ

from ..pdf_document import StampedDocument
from ..pdf_tags import TaggingCanvas, mark_document, write_structure
from ..text import breaking, hyphenate
from .tagging import Element, Marks, Structure

TESTED_MAJOR = 5
"""The reportlab major version this module was written against and is tested with."""

if int(REPORTLAB_VERSION.split(".")[0]) != TESTED_MAJOR:
    raise ImportError(f"deckgen's brief needs reportlab {TESTED_MAJOR}.x (it relies on private "
                      f"names listed in {__name__}); found reportlab {REPORTLAB_VERSION}")

CONTENTS_ROWS = 24
"""Rows in each of the short tables that the contents are set in."""


# --- line breaks ----------------------------------------------------------------


class Breaker:
    """The brief's rules for splitting a word across lines: ``text.breaking``'s, as the deck.

    Set as a style's ``hyphenationLang``. reportlab would split a word that does not fit at
    its hyphenation points only if it is all letters, and a URL at its slashes only if it
    has a scheme; any other long word (a path, a query string, a host name with dots) it
    cuts between letters. With a Breaker, a word splits where ``breaking.breaks`` allows:
    after ``/`` and hyphens, before ``?#&``, and at the language's hyphenation points,
    where the line shows a hyphen. Called as reportlab calls a hyphenator (for a word of
    several fonts), it returns the hyphenation points' (head, tail) pairs, longest first.
    """

    def __init__(self, language: str | None):
        self.language = language or None
        """The pyphen dictionary name (``hyphenate.dictionary_name``), or None."""
        self._tails: dict[str, tuple[str, int]] = {}
        """Each tail this breaker split off: (the whole word, where the tail starts in it).
        A tail breaks where its whole word would: ``?session=..`` is still part of a URL."""
        self.splits: list[tuple[str, str]] = []
        """The (head, tail) of each split of the paragraph being broken, in order (empty
        where a word could not split): ``Paragraph.breakLines`` reads the last."""
        self.carry: int | None = None
        """Which split of the paragraph being broken takes the last plain break whose tail is
        not lone (``Paragraph.breakLines`` sets it when the paragraph's last line is)."""

    def __call__(self, word: str) -> list[tuple[str, str]]:
        return [(word[:p], word[p:]) for p in reversed(hyphenate.points(word, self.language))]

    def __repr__(self) -> str:
        return f"Breaker({self.language!r})"  # a style's repr names it; keep it stable

    def choose(self, word: str, before: float, limit: float,
               head_width: Callable[[int, str], float],
               word_width: float) -> tuple[int, str] | None:
        """Return where ``word`` splits, so that its head fits a line with ``before`` points
        taken of ``limit``: (offset, the mark the head ends with), or None when no allowed
        break fits. ``head_width(offset, mark)`` measures a head, ``word_width`` is the
        whole word's width.

        The farthest break that fits wins; a hyphenation point beats a plain break (or,
        without one, ending the line before the word) only when the line would otherwise
        stay less than ``breaking.HYPHENATE_BELOW`` full, as in ``breaking.fill``. For the
        split ``carry`` names, whose tail ended the paragraph as one CJK character alone
        (``breaking.lone``), the line ends instead at the last plain break whose tail fits a
        line and is not alone, as ``breaking.fill`` carries characters to a lone last line.
        """
        plain: tuple[int, float] | None = None  # the farthest plain break and its head's width
        hyphen: int | None = None
        hyphen_mark = breaking.HYPHEN
        carried: tuple[int, float] | None = None  # the farthest whose tail is not lone
        whole, offset = self._tails.get(word, (word, 0))
        last = self.carry == len(self.splits)
        self.splits.append(("", ""))
        for b in breaking.breaks(whole, self.language):
            b = breaking.Break(b.end - offset, b.next - offset, b.kind)
            if b.kind == "hard" or not 0 < b.end == b.next < len(word):
                continue
            mark = breaking.HYPHEN if b.kind == "hyphen" else ""
            head = head_width(b.end, mark)
            if before + head > limit:
                continue
            if b.kind in ("hyphen", "fallback"):  # taken only by a piece that overflows
                hyphen, hyphen_mark = b.end, mark
            else:
                plain = (b.end, head)
                if last and b.kind == "after" and not breaking.lone(word[b.end:],
                                                                     word[:b.end]):
                    carried = plain
        if last and plain is not None and breaking.lone(word[plain[0]:], word[:plain[0]]) and (
                carried is not None and word_width - carried[1] <= limit):
            plain = carried
        fill = before + plain[1] if plain is not None else before
        found = (plain[0], "") if plain is not None else None
        if hyphen is not None and (fill <= 0 or fill < breaking.HYPHENATE_BELOW * limit) and (
                plain is None or hyphen > plain[0]):
            found = (hyphen, hyphen_mark)
        if found is not None:
            self._tails[word[found[0]:]] = (whole, offset + found[0])
            self.splits[-1] = (word[:found[0]], word[found[0]:])
        return found


_upstream_split = _paragraph._hyGenPair
_upstream_frags_split = _paragraph._hyGenFragsPair


def _split_word(hyphenator, s, ww, newWidth, maxWidth, fontName, fontSize, uriWasteReduce,
                embeddedHyphenation, hymwl):
    """reportlab's ``_hyGenPair`` (platypus/paragraph.py of reportlab 5.1), for a style whose
    hyphenator is a ``Breaker``: split a word of one font at ``text.breaking``'s places.
    Other styles, and a word reportlab has already ended with a hyphen at a page foot, go
    upstream. Returns (mark, its width, head width, tail width, head, tail) or None."""
    if not isinstance(hyphenator, Breaker) or isinstance(s, _paragraph._SplitWordLL):
        return _upstream_split(hyphenator, s, ww, newWidth, maxWidth, fontName, fontSize,
                               uriWasteReduce, embeddedHyphenation, hymwl)
    word = str(s)
    found = hyphenator.choose(word, newWidth - ww, maxWidth, lambda end, mark: stringWidth(
        word[:end] + mark, fontName, fontSize), ww)
    if found is None:
        return None
    end, mark = found
    head = stringWidth(word[:end], fontName, fontSize)
    return (mark, stringWidth(mark, fontName, fontSize) if mark else 0, head, ww - head,
            word[:end], word[end:])


def _split_frag_word(hyphenator, FW, newWidth, maxWidth, uriWasteReduce, embeddedHyphenation,
                     hymwl):
    """reportlab's ``_hyGenFragsPair`` (platypus/paragraph.py of reportlab 5.1): a word of
    several fragments (fonts, links, entities), split as ``_split_word`` splits one.
    Returns (mark, head fragments, tail fragments) or None."""
    if not isinstance(hyphenator, Breaker) or isinstance(FW, _paragraph._SplitFragLL):
        return _upstream_frags_split(hyphenator, FW, newWidth, maxWidth, uriWasteReduce,
                                     embeddedHyphenation, hymwl)
    rep = _paragraph._fragWordSplitRep(FW)
    if not rep:
        return None
    word, index = rep

    def halves(end: int, mark: str) -> tuple[list, list]:
        fx, cc = index[end]  # the fragment the split falls in, and where it starts
        frag, text = FW[fx]
        head, tail = list(FW[1:fx]), list(FW[fx + 1:])
        if text[:end - cc] or mark:
            head.append((frag, text[:end - cc] + mark))
        if text[end - cc:]:
            tail.insert(0, (frag, text[end - cc:]))
        return _paragraph._rebuildFragWord(head), _paragraph._rebuildFragWord(tail)

    found = hyphenator.choose(word, newWidth - FW[0], maxWidth,
                              lambda end, mark: halves(end, mark)[0][0], FW[0])
    if found is None:
        return None
    return (found[1], *halves(*found))


_paragraph._hyGenPair = _split_word
_paragraph._hyGenFragsPair = _split_frag_word


# --- paragraphs -----------------------------------------------------------------

_PLAIN_PROBE = "x"
_plain_frags: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()
"""Per style, the fragment reportlab's parser makes of a paragraph with no markup."""


class Paragraph(_paragraph.Paragraph):
    """A paragraph that reads plain text without the markup parser, breaks its lines once per
    width, and marks what it draws as the content of its structure element.

    Most of the brief's paragraphs hold no tag and no entity: the parser would turn such a
    text into one fragment in the style's font, the same for every text but the words, so
    that fragment is made once per style and copied. Markup goes through the parser as usual.

    Layout asks a paragraph its height many times at the same width: a table sizing its
    rows, a kept-together group measuring itself and then placing its parts, and each pass
    of the document again. The lines depend only on the text, its style and the width, so
    the first answer for a width is kept and given again.
    """

    blPara: Any  # reportlab's broken lines, set by wrap
    _wrapWidths: list[float]

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1,
                 encoding="utf8"):
        if frags is None and style is not None and isinstance(text, str):
            frags = plain_frags(text, style)
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    # wrap, split and drawOn extend Paragraph's of reportlab 5.1 (platypus/paragraph.py)
    def wrap(self, availWidth, availHeight):
        if availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)
        memo = self.__dict__.setdefault("_lines_at", {})
        known = memo.get(availWidth)
        if known is None:
            width, height = super().wrap(availWidth, availHeight)
            memo[availWidth] = (self.blPara, height, list(self._wrapWidths),
                                getattr(self, "_width_max", 0))
            return width, height
        self.blPara, self.height, wrap_widths, self._width_max = known
        self._wrapWidths = list(wrap_widths)
        self.width = availWidth
        return availWidth, self.height

    def breakLines(self, width):
        # extends Paragraph.breakLines of reportlab 5.1: when the last line is the tail of a
        # split and one CJK character alone, the lines are broken again, that split carrying
        breaker = getattr(self.style, "hyphenationLang", None)
        if not isinstance(breaker, Breaker):
            return super().breakLines(width)
        breaker.splits, breaker.carry = [], None
        try:
            broken = super().breakLines(width)
            last = _last_line(broken)
            split = [k for k, (_, tail) in enumerate(breaker.splits) if tail]
            if last is not None and split and breaker.splits[split[-1]][1].strip() == (
                    last.strip()) and breaking.lone(last, breaker.splits[split[-1]][0]):
                breaker.splits, breaker.carry = [], split[-1]
                broken = super().breakLines(width)
            return broken
        finally:
            breaker.splits, breaker.carry = [], None

    @property
    def cut(self) -> bool:
        """Whether the last wrap cut a word between letters: no allowed break fitted."""
        return bool(getattr(self, "_splitLongWordCount", 0))

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        element = getattr(self, "_struct", None)
        if element is not None:
            for part in parts:
                part._struct = element  # the halves of a split paragraph are one element
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        marked = _begin(canvas, self)
        super().drawOn(canvas, x, y, _sW)
        if marked:
            canvas.tagger.end(canvas)


def _last_line(broken) -> str | None:
    """Return the text of the last line of reportlab's broken lines (``blPara``), or None."""
    lines = getattr(broken, "lines", None)
    if not lines:
        return None
    line = lines[-1]
    if isinstance(line, tuple):  # one fragment: (unused width, words)
        return " ".join(str(w) for w in line[1])
    return "".join(getattr(w, "text", "") for w in getattr(line, "words", ()))


def plain_frags(text: str, style: ParagraphStyle) -> list | None:
    """Return the fragments reportlab's parser makes of ``text`` if it holds no markup.

    Returns None for text with a tag or an entity, for empty text, and for a style that
    transforms its text: those are left to the parser.
    """
    if "<" in text or "&" in text or getattr(style, "textTransform", None):
        return None
    words = _paragraph.cleanBlockQuotedText(text)
    if not words:
        return None
    template = _plain_frags.get(style)
    if template is None:
        _, frags, bullets = ParaParser().parse(_PLAIN_PROBE, style)
        if not frags or len(frags) != 1 or bullets:
            return None
        template = _plain_frags[style] = frags[0]
    frag = copy.copy(template)
    for name, value in vars(template).items():
        if isinstance(value, (list, dict)):
            setattr(frag, name, copy.copy(value))
    frag.text = words
    return [frag]


class Tagged(Flowable):
    """Another flowable (a chart's drawing) whose drawing is the content of an element."""

    def __init__(self, content: Flowable, element: Element):
        super().__init__()
        self.content = content
        self._struct = element
        self.hAlign = getattr(content, "hAlign", "LEFT")

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.content.wrap(availWidth, availHeight)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        marked = _begin(canvas, self)
        self.content.drawOn(canvas, x, y, _sW)
        if marked:
            canvas.tagger.end(canvas)


def _begin(canvas, flowable) -> bool:
    """Open the marked content of ``flowable``'s element, if it has one and tags are drawn."""
    tagger = getattr(canvas, "tagger", None)
    element = getattr(flowable, "_struct", None)
    if tagger is None or element is None:
        return False
    return tagger.begin(canvas, element, flowable)


# --- marked content -------------------------------------------------------------


class Tagger:
    """Writes the marked-content operators of one drawing pass and records what they mark.

    A page's content is an artifact unless a tagged flowable draws it: each page opens an
    ``/Artifact`` sequence, which a tagged flowable closes while it draws its own
    ``/Role <</MCID n>>`` sequence, and reopens after.
    """

    def __init__(self, structure: Structure, drawing: int):
        self.structure = structure
        self.marks = Marks(drawing)
        self.current: Element | None = None

    def begin(self, canvas: Canvas, element: Element, flowable) -> bool:
        """Open ``element``'s marked content on the page; False when it is not to be marked.

        Content drawn inside other tagged content belongs to that; a flowable drawn a second
        time in a pass (a table's header row repeated on a new page) is an artifact.
        """
        if self.current is not None or getattr(flowable, "_drawn_by", None) is self:
            return False
        flowable._drawn_by = self
        mcid = self.marks.add_content(canvas.getPageNumber() - 1, element)
        canvas.begin_marked(element.role, mcid)
        self.current = element
        return True

    def end(self, canvas: Canvas) -> None:
        """Close the current element's marked content; what follows is an artifact again."""
        canvas.end_marked()
        self.current = None

    def link(self, canvas: Canvas, annotation, ref, target: str, external: bool) -> None:
        """Record a link annotation drawn now, in the element being drawn (if any)."""
        link = self.marks.add_link(canvas.getPageNumber() - 1, self.current, annotation,
                                   target, external, self.structure.root)
        link.ref = ref


# --- the document ---------------------------------------------------------------


class LayoutFrame(Frame):
    """A frame that, while its document only lays the story out, places without drawing."""

    def _add(self, flowable, canv, trySplit=0):
        # extends Frame._add of reportlab 5.1 (platypus/frames.py)
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


def _skip_drawing(*args, **kwargs) -> None:
    """Stands in for a flowable's drawOn while a pass only lays the story out."""


def walk(flowables: list[Flowable]) -> Iterator[Flowable]:
    """Yield ``flowables`` in story order, and the flowables of kept-together groups too.

    A KeepTogether always splits into its flowables, so each is placed alone.
    """
    for flowable in flowables:
        yield flowable
        yield from walk(getattr(flowable, "_content", []))


class TypesetDocument(StampedDocument):
    """A document laid out in one pass without drawing, then drawn, tagged, in the next.

    Subclasses give ``contents_entries`` (what the contents will list) and
    ``describe_link`` (a link's destination in words), and set ``structure``.
    """

    structure: Structure
    drawing = True
    _tagger: Tagger | None = None

    def contents_entries(self, story: list[Flowable]) -> list[tuple]:
        """Return the contents' entries (level, text, page, key) expected from ``story``."""
        return []

    def describe_link(self, target: str, external: bool) -> str:
        """Return where a link goes, in words."""
        return target

    def xmp(self) -> bytes:
        """Return the document's XMP metadata packet."""
        raise NotImplementedError

    def _makeCanvas(self, filename=None, canvasmaker=TaggingCanvas):
        # build() passes reportlab's own Canvas: the brief's is always a TaggingCanvas
        canv = super()._makeCanvas(filename=filename, canvasmaker=TaggingCanvas)
        canv._brief_drawing = self.drawing
        canv.tagger = self._tagger
        return canv

    def multiBuild(self, story, maxPasses=10, **buildKwds):
        """Lay ``story`` out once without drawing, to learn its page numbers; then draw it.

        Before that first pass the contents are given their entries (with unknown page
        numbers), so they take the room they will take when drawn, and every page falls
        where it will: the drawing pass normally finds every number as it was and is the
        last. The pass that is saved writes the structure tree. Returns the number of passes.

        Adapted from ``BaseDocTemplate.multiBuild`` of reportlab 5.1 (platypus/doctemplate.py).
        """
        self._indexingFlowables = [f for f in story if f.isIndexing()]
        expected = self.contents_entries(story)
        for flowable in self._indexingFlowables:
            if isinstance(flowable, TableOfContents):
                flowable.addEntries(expected)
        self._doSave = 0
        edits: list[tuple] = []
        self._multiBuildEdits = edits.append
        passes = 0
        while True:
            passes += 1
            self.drawing = passes > 1
            self._tagger = Tagger(self.structure, passes) if self.drawing else None
            for flowable in self._indexingFlowables:
                flowable.beforeBuild()
            self.build(story[:], **buildKwds)
            for flowable in self._indexingFlowables:
                flowable.afterBuild()
            if self.drawing and self._allSatisfied():
                self._write_tags()
                self.canv.save()
                break
            if passes > maxPasses:
                raise IndexError(f"Index entries not resolved after {maxPasses} passes")
            while edits:
                action, *args = edits.pop(0)
                action(*args)
        del self._multiBuildEdits
        return passes

    def _write_tags(self) -> None:
        """Write the structure tree, its parent tree and the document's metadata."""
        marks = self.canv.tagger.marks
        doc = self.canv._doc
        write_structure(doc, self.structure.root, marks, self.describe_link)
        mark_document(doc, self.xmp())


class ColumnsTable(Table):
    """A layout table read down its first column, then the next: and drawn in that order.

    Its cells are drawn a column at a time, so that a page paints its content in the order
    the structure tree reads it (checkers compare the two). Overrides ``Table.draw``,
    ``Table._drawCell`` and ``Table._drawLines`` of reportlab 5.1 (platypus/tables.py): the
    cells right of the first column are held back and drawn, a column at a time, just
    before the lines, which the table draws last.
    """

    def draw(self):
        self._held: list[tuple] = []
        super().draw()

    def _drawCell(self, cellval, cellstyle, pos, size):
        if pos[0] != self._colpositions[0]:
            self._held.append((cellval, cellstyle, pos, size))
            return
        super()._drawCell(cellval, cellstyle, pos, size)

    def _drawLines(self):
        held, self._held = self._held, []
        for cell in sorted(held, key=lambda cell: cell[2][0]):  # stable: rows stay in order
            super()._drawCell(*cell)
        super()._drawLines()


LEAST_ROWS = 3
"""The fewest body rows a table leaves on either side of a page break."""


class CaptionedTable(Flowable):
    """A table under its caption, split between pages as a reader wants it split.

    The caption never ends a page without the table. A split leaves at least
    ``LEAST_ROWS`` body rows on each side: rows move from the first part to the second to
    give it that many, and a table that cannot start with that many moves to the next
    page whole; only at the top of a page, where waiting gains nothing, does it split where
    reportlab would. Each continuation opens with ``continued()``'s caption (the header
    row repeats, as the table's ``repeatRows`` says). ``Table.split`` of reportlab 5.1
    (platypus/tables.py) chooses the rows; the choice reads ``Table._cellvalues``,
    ``Table._rowHeights`` and ``Frame._atTop``.
    """

    def __init__(self, caption: Flowable | None, table: Table,
                 continued: Callable[[], Flowable] | None = None):
        super().__init__()
        self.caption = caption
        self.table = table
        self.continued = continued
        self.hAlign = "LEFT"

    def _caption_height(self, availWidth: float, availHeight: float) -> float:
        if self.caption is None:
            return 0.0
        return self.caption.wrap(availWidth, availHeight)[1] + self.caption.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        above = self._caption_height(availWidth, availHeight)
        width, height = self.table.wrap(availWidth, availHeight - above)
        self.width, self.height = max(width, availWidth), above + height
        return self.width, self.height

    def getSpaceBefore(self):
        return (self.caption or self.table).getSpaceBefore()

    def getSpaceAfter(self):
        return self.table.getSpaceAfter()

    def drawOn(self, canvas, x, y, _sW=0):
        if self.caption is not None:
            height = self.caption.height
            self.caption.drawOn(canvas, x, y + self.height - height)
        self.table.drawOn(canvas, x, y)

    def split(self, availWidth, availHeight):
        room = availHeight - self._caption_height(availWidth, availHeight)
        parts = self._rows(availWidth, room)
        if len(parts) != 2:
            return []
        head, tail = parts
        more = self.continued() if self.continued is not None else None
        return [CaptionedTable(self.caption, head, self.continued),
                CaptionedTable(more, tail, self.continued)]

    def _rows(self, availWidth: float, room: float) -> list[Table]:
        """Return the table's two parts at a page break, or [] to move it to the next page."""
        table = self.table
        parts = table.split(availWidth, room)
        if len(parts) != 2:
            return []
        header = table.repeatRows if isinstance(table.repeatRows, int) else 0
        body = len(table._cellvalues) - header
        first = len(parts[0]._cellvalues) - header
        if body - first < LEAST_ROWS <= first - (LEAST_ROWS - (body - first)):
            keep = header + first - (LEAST_ROWS - (body - first))
            parts = table.split(availWidth, sum(table._rowHeights[:keep]) + 0.01)
            if len(parts) != 2:
                return []
            first = len(parts[0]._cellvalues) - header
        frame = getattr(self, "_frame", None)
        if min(first, body - first) < LEAST_ROWS and not getattr(frame, "_atTop", False):
            return []
        return parts


# --- the contents ---------------------------------------------------------------


class Contents(TableOfContents):
    """The table of contents, set as a run of short tables, one under another; tagged as a
    'TOC' whose entries are 'TOCI' elements holding their link.

    reportlab sets the contents as one table; a table split at a page foot is measured
    again whole on the next page, so long contents took time in the square of their
    length. Short tables give the same rows in the same places, and a split measures one.
    """

    def __init__(self, element: Element | None = None, **kwargs):
        super().__init__(**kwargs)
        self._parts: list[Table] = []
        self._parts_for: tuple | None = None
        self._element = element

    def wrap(self, availWidth, availHeight):
        # adapted from TableOfContents.wrap of reportlab 5.1 (platypus/tableofcontents.py)
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
        if self._element is not None:
            self._element.kids = []
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
            entry = Paragraph(f'{text}<onDraw name="drawTOCEntryEnd" '
                              f'label="{page},{level},{label}"/>', style)
            if self._element is not None:
                entry._struct = Element("Link", Element("TOCI", self._element))
            rows.append([entry])
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


def kept(parts: list[Flowable]) -> KeepTogether:
    """Return ``parts`` kept on one page, any kept group among them opened into the whole.

    reportlab's ``KeepTogether`` measures as taller than any page (so that it is always
    split), and one inside another then always moved the whole to a new page, however
    much room was left.
    """
    flat: list[Flowable] = []
    for part in parts:
        flat += part._content if isinstance(part, KeepTogether) else [part]
    return KeepTogether(flat)


class RoomFor(CondPageBreak):
    """A page break unless the rest of the frame holds ``room`` points, or all of ``group``
    (a ``KeepTogether`` that follows) when that is less: a short group that fits where it
    is stays there, a longer one needs ``room`` to start."""

    def __init__(self, group: KeepTogether, room: float):
        super().__init__(room)
        self._group = group
        self._room = room

    def wrap(self, availWidth, availHeight):
        whole = _listWrapOn(self._group._content, availWidth, self.canv)[1]
        self.height = min(self._room, whole)
        return super().wrap(availWidth, availHeight)
