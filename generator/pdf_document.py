"""A reportlab page-layout document as every deckgen PDF made of flowables starts: shared
by the brief (``brief.typesetting``) and the handout (``slides_pdf.handout``).

Relies on reportlab 5.x private names, as of reportlab 5.1.0 (``pyproject.toml`` pins
``reportlab>=5.0,<6``): ``platypus/doctemplate.py``: ``BaseDocTemplate._makeCanvas``
(extended by ``StampedDocument``).
"""

from __future__ import annotations

import datetime as _dt

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate

from .pdf_tags import set_clock


class StampedDocument(BaseDocTemplate):
    """A document whose PDF carries the build's time ``when`` and opens with its bookmarks
    shown (the brief and the handout)."""

    when: _dt.datetime

    def _makeCanvas(self, filename=None, canvasmaker=Canvas):
        # extends BaseDocTemplate._makeCanvas of reportlab 5.1 (platypus/doctemplate.py)
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        set_clock(canv, self.when)
        canv.showOutline()
        return canv
