"""What a build shows, read back from its PDFs: each slide's and brief page's title and text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EnvironmentProblem

SLIDES = "deck.pdf"
BRIEF = "brief.pdf"
_NUMBERED = re.compile(r"^(\d+)\. (.*)$")
_BRIEF_FOLIO = re.compile(r"\bpage \d+ of \d+\b", re.I)


@dataclass(frozen=True)
class Page:
    """One slide or brief page: where it is (0-based), its title and its lines of text.

    ``lines`` leave out what changes whenever a page moves (the slide or page number).
    ``drawing`` is a digest of where the page's shapes and pictures lie (``pdfium.pages``):
    a chart whose numbers show no label changes it and no text.
    """

    kind: str
    index: int
    title: str
    lines: tuple[str, ...]
    drawing: str = ""

    @property
    def label(self) -> str:
        """How a reader names the page: 'slide 4' or 'page 2'."""
        return f"{self.kind} {self.index + 1}"


@dataclass
class Build:
    """The slides and brief pages of one build, with the PDFs they were read from (a side
    may lack either file; its list is then empty)."""

    slides: list[Page]
    pages: list[Page]
    slides_pdf: Path
    brief_pdf: Path


def read(folder: Path) -> Build:
    """Return the slides (from deck.pdf) and brief pages (from brief.pdf) in ``folder``.

    Raises EnvironmentProblem when the folder holds neither file.
    """
    slides_pdf, brief_pdf = folder / SLIDES, folder / BRIEF
    if not slides_pdf.is_file() and not brief_pdf.is_file():
        raise EnvironmentProblem(f"{folder}: has no {SLIDES} or {BRIEF} to compare; build it "
                                 "with 'deckgen build --only slides-pdf --only brief'")
    slides = slides_of(slides_pdf) if slides_pdf.is_file() else []
    pages = brief_of(brief_pdf) if brief_pdf.is_file() else []
    return Build(slides, pages, slides_pdf, brief_pdf)


def slides_of(path: Path) -> list[Page]:
    """Return the slides of deck.pdf, titled by its bookmarks ('N. Title' at level 1)."""
    from .. import pdfium  # imported by the process that reads, once it reads

    titles: dict[int, str] = {}
    for level, title, index in pdfium.bookmarks(path):
        found = _NUMBERED.match(title)
        if level == 1 and found:
            titles[index] = found.group(2)
    out = []
    for i, (lines, drawing) in enumerate(pdfium.pages(path)):
        lines = _drop_number(lines, i + 1)
        out.append(Page("slide", i, titles.get(i, lines[0] if lines else ""), tuple(lines),
                        drawing))
    return out


def _drop_number(lines: list[str], number: int) -> list[str]:
    """Return ``lines`` without the slide number (alone, or ending the footer's line)."""
    tail = str(number)
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        if line == tail:
            return lines[:k] + lines[k + 1:]
        if line.endswith(" " + tail):
            return [*lines[:k], line[: -len(tail) - 1], *lines[k + 1:]]
    return lines


def brief_of(path: Path) -> list[Page]:
    """Return the brief's pages, each titled by the heading in force at its top: one the page
    opens with, else the last one before it (a chapter that begins low on a page names the
    pages after it, not that one); page numbers ('page 3 of 7') are left out of their text."""
    from collections import Counter

    from .. import pdfium

    marks: dict[int, list[str]] = {}
    for _, title, index in pdfium.bookmarks(path):
        marks.setdefault(index, []).append(title)
    read = []
    for page_lines, drawing in pdfium.pages(path):
        lines = [_BRIEF_FOLIO.sub("", line).strip() for line in page_lines]
        read.append(([line for line in lines if line], drawing))
    seen = Counter(line for lines, _ in read for line in set(lines))
    running = {line for line, n in seen.items() if n > len(read) / 2}  # header and footer
    out = []
    carried = ""
    for i, (lines, drawing) in enumerate(read):
        here = marks.get(i, [])
        body = " ".join(line for line in lines if line not in running)
        opens = bool(here) and " ".join(body.split()).startswith(" ".join(here[0].split()))
        title = here[0] if opens or not carried else carried
        out.append(Page("page", i, title or (lines[0] if lines else ""), tuple(lines), drawing))
        carried = here[-1] if here else carried
    return out
