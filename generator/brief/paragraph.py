"""The brief's paragraph: reportlab's, remembering its lines for each width it was set to."""

from __future__ import annotations

from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ


class Paragraph(_paragraph.Paragraph):
    """A paragraph that breaks its lines once per width.

    Layout asks a paragraph its height many times at the same width: a table sizing its
    rows, a kept-together group measuring itself and then placing its parts, and each pass
    of the document again. The lines depend only on the text, its style and the width, so
    the first answer for a width is kept and given again.
    """

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
