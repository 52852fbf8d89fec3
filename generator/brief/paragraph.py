"""The brief's paragraph: reportlab's, read faster when plain and set once per width."""

from __future__ import annotations

import copy
import weakref

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

_PLAIN_PROBE = "x"
_plain_frags: weakref.WeakKeyDictionary[ParagraphStyle, object] = weakref.WeakKeyDictionary()
"""Per style, the fragment reportlab's parser makes of a paragraph with no markup."""


class Paragraph(_paragraph.Paragraph):
    """A paragraph that reads plain text without the markup parser, and breaks its lines once
    per width.

    Most of the brief's paragraphs hold no tag and no entity: the parser would turn such a
    text into one fragment in the style's font, the same for every text but the words, so
    that fragment is made once per style and copied. Markup goes through the parser as usual.

    Layout asks a paragraph its height many times at the same width: a table sizing its
    rows, a kept-together group measuring itself and then placing its parts, and each pass
    of the document again. The lines depend only on the text, its style and the width, so
    the first answer for a width is kept and given again.
    """

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1,
                 encoding="utf8"):
        if frags is None and style is not None and isinstance(text, str):
            frags = plain_frags(text, style)
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

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
