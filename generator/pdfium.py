"""Reading PDFs back: page text, bookmarks and page images, with pypdfium2 (PDFium).

The only module that imports pypdfium2; ``diff`` and ``preview`` read and render here.
PDFium comes inside the pip wheel, so nothing needs installing on the system.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

if TYPE_CHECKING:
    from PIL import Image


_DRAWN = (pdfium_raw.FPDF_PAGEOBJ_PATH, pdfium_raw.FPDF_PAGEOBJ_IMAGE,
          pdfium_raw.FPDF_PAGEOBJ_SHADING)
"""The page objects that draw rather than write: shapes (a chart's bars and lines),
pictures and shadings."""


def _drawn(holder, digest, depth: int, form: bool = False) -> None:
    """Add to ``digest`` the type and bounds of each drawing object of a page (or, with
    ``form``, of a form object), the forms' own objects too, ``depth`` forms deep."""
    import ctypes

    count = (pdfium_raw.FPDFFormObj_CountObjects if form else pdfium_raw.FPDFPage_CountObjects)
    get = pdfium_raw.FPDFFormObj_GetObject if form else pdfium_raw.FPDFPage_GetObject
    box = [ctypes.c_float() for _ in range(4)]
    for k in range(count(holder)):
        obj = get(holder, k)
        kind = pdfium_raw.FPDFPageObj_GetType(obj)
        if kind == pdfium_raw.FPDF_PAGEOBJ_FORM and depth:
            _drawn(obj, digest, depth - 1, form=True)
        elif kind in _DRAWN and pdfium_raw.FPDFPageObj_GetBounds(obj, *box):
            digest.update(b"%d %.1f %.1f %.1f %.1f;" % (kind, *(v.value for v in box)))


def pages(pdf: Path) -> list[tuple[list[str], str]]:
    """Return each page's lines of text (white space folded, empty lines left out) and a
    digest of what it draws besides text: where each shape, picture and shading lies, to a
    tenth of a point, in drawing order. Two pages of the same text whose digests differ
    draw something differently: a bar of a chart grew, say."""
    import hashlib

    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage().get_text_bounded()
            lines = [" ".join(line.split()) for line in
                     text.replace("\r", "").split("\n") if line.strip()]
            shapes = hashlib.sha256()
            _drawn(page.raw, shapes, 8)
            out.append((lines, shapes.hexdigest()))
            page.close()
        return out
    finally:
        doc.close()


def bookmarks(pdf: Path) -> list[tuple[int, str, int]]:
    """Return the bookmarks as (level from 0, title, 0-based page), in order."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for mark in doc.get_toc():
            dest = mark.get_dest()
            if dest is not None:
                out.append((mark.level, mark.get_title(), dest.get_index()))
        return out
    finally:
        doc.close()


def images(pdf: Path, indexes: Iterable[int] | None,
           scale: float) -> Iterator[tuple[int, Image.Image]]:
    """Yield (0-based page, RGB image) for pages ``indexes`` (None: all), ``scale`` px a
    point; one page is held at a time."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)) if indexes is None else indexes:
            page = doc[i]
            image = page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGB")
            page.close()
            yield i, image
    finally:
        doc.close()
