"""Preview images: slides (from deck.pdf) and brief pages as PNGs, and a contact sheet.

Pages are rendered by PDFium (``pdfium``, from a pip wheel): no LibreOffice, no poppler.
"""

from __future__ import annotations

from pathlib import Path

from .errors import EnvironmentProblem

SLIDE_DPI = 80
PAGE_DPI = 80


def pdf_to_pngs(pdf: Path, out_dir: Path, prefix: str, dpi: int = PAGE_DPI) -> list[Path]:
    """Write one PNG per page of ``pdf`` as ``prefix-N.png``; return them in page order."""
    from . import pdfium

    written = []
    for i, image in pdfium.images(pdf, None, dpi / 72):
        target = out_dir / f"{prefix}-{i + 1}.png"
        image.save(target, compress_level=6)
        written.append(target)
    return written


def contact_sheet(images: list[Path], target: Path, columns: int = 4, width: int = 1600) -> Path:
    """Lay ``images`` out in a grid on one PNG at ``target``; return its path."""
    from PIL import Image  # Pillow, declared in pyproject.toml

    if not images:
        raise EnvironmentProblem("no slide images to put on a contact sheet")
    gap = 16
    cell_w = (width - gap * (columns + 1)) // columns
    with Image.open(images[0]) as first:
        cell_h = int(cell_w * first.height / first.width)
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new("RGB", (width, rows * cell_h + gap * (rows + 1)), (230, 232, 236))
    for i, path in enumerate(images):
        with Image.open(path) as img:
            thumb = img.convert("RGB").resize((cell_w, cell_h), Image.Resampling.LANCZOS)
        x = gap + (i % columns) * (cell_w + gap)
        y = gap + (i // columns) * (cell_h + gap)
        sheet.paste(thumb, (x, y))
    sheet.save(target, optimize=True)
    return target


def preview(slides: Path | None, brief: Path | None, out_dir: Path) -> dict[str, list[Path]]:
    """Render the slides PDF and the brief into ``out_dir``; return the files, by kind.

    ``slides`` is deck.pdf (the slides as PDF), ``brief`` brief.pdf; either may be None.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.png"):
        old.unlink()
    written: dict[str, list[Path]] = {"slides": [], "pages": [], "sheet": []}
    if slides is not None:
        written["slides"] = pdf_to_pngs(slides, out_dir, "slide", SLIDE_DPI)
        written["sheet"] = [contact_sheet(written["slides"], out_dir / "contact-sheet.png")]
    if brief is not None:
        written["pages"] = pdf_to_pngs(brief, out_dir, "page", PAGE_DPI)
    return written
