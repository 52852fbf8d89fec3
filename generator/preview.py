"""Preview images: slides rendered by LibreOffice, brief pages by pdftoppm, a contact sheet."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import EnvironmentProblem

SOFFICE_NAMES = ("soffice", "libreoffice")


def soffice() -> str:
    """Return the LibreOffice command; raises EnvironmentProblem when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise EnvironmentProblem("LibreOffice ('soffice') is not installed; preview renders slides "
                             "with it (Debian: apt-get install libreoffice-impress)")


def pdftoppm() -> str:
    """Return the pdftoppm command; raises EnvironmentProblem when it is not installed."""
    found = shutil.which("pdftoppm")
    if not found:
        raise EnvironmentProblem("pdftoppm is not installed; preview turns PDF pages into PNGs "
                                 "with it (Debian: apt-get install poppler-utils)")
    return found


def deck_to_pdf(deck: Path, out_dir: Path, timeout: float = 300) -> Path:
    """Render ``deck`` to PDF with LibreOffice Impress; return the PDF's path."""
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        try:
            proc = subprocess.run(
                [command, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                 "--convert-to", "pdf", "--outdir", str(out_dir), str(deck)],
                capture_output=True, text=True, timeout=timeout)
        except (subprocess.TimeoutExpired, OSError) as exc:
            raise EnvironmentProblem(f"LibreOffice could not render {deck}: {_why(exc)}; "
                                     "expected a working LibreOffice") from None
    pdf = out_dir / (deck.stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file():
        raise EnvironmentProblem(f"LibreOffice could not render {deck}: "
                                 f"{(proc.stderr or proc.stdout).strip()[:300]}")
    return pdf


def pdf_to_pngs(pdf: Path, out_dir: Path, prefix: str, dpi: int = 80) -> list[Path]:
    """Write one PNG per page of ``pdf`` as ``prefix-N.png``; return them in page order."""
    try:
        subprocess.run([pdftoppm(), "-png", "-r", str(dpi), str(pdf), str(out_dir / prefix)],
                       check=True, capture_output=True, timeout=300)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise EnvironmentProblem(f"pdftoppm could not render {pdf}: {_why(exc)}; expected a "
                                 "working pdftoppm (poppler-utils)") from None
    pages = sorted(out_dir.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return pages


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


def preview(deck: Path | None, brief: Path | None, out_dir: Path) -> dict[str, list[Path]]:
    """Render slides and brief pages into ``out_dir``; return the files written, by kind."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.png"):
        old.unlink()
    written: dict[str, list[Path]] = {"slides": [], "pages": [], "sheet": []}
    if deck is not None:
        with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as tmp:
            pdf = deck_to_pdf(deck, Path(tmp))
            written["slides"] = pdf_to_pngs(pdf, out_dir, "slide")
        written["sheet"] = [contact_sheet(written["slides"], out_dir / "contact-sheet.png")]
    if brief is not None:
        written["pages"] = pdf_to_pngs(brief, out_dir, "page")
    return written


def _why(exc: BaseException) -> str:
    """Return a tool's failure in one short line: its own last words, or the reason."""
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"it ran longer than {exc.timeout:.0f} s"
    if isinstance(exc, subprocess.CalledProcessError):
        said = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (
            exc.stderr or "")
        lines = [line for line in said.strip().splitlines() if line.strip()]
        last = lines[-1][:200] if lines else ""
        return f"it exited with status {exc.returncode}" + (f" ({last})" if last else "")
    return str(exc)[:200]
