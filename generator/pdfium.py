"""Reading PDFs back: page text, bookmarks and page images, with pypdfium2 (PDFium).

The only module that imports pypdfium2; ``diff`` and ``preview`` read and render here.
PDFium comes inside the pip wheel, so nothing needs installing on the system.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

if TYPE_CHECKING:
    from PIL import Image


def texts(pdf: Path) -> list[list[str]]:
    """Return each page's lines of text, white space folded, empty lines left out."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage().get_text_bounded()
            out.append([" ".join(line.split()) for line in
                        text.replace("\r", "").split("\n") if line.strip()])
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
