"""What the outline owes a screen reader: a title on every slide, alt text on every picture.

The model already requires both fields; these checks catch what passes the model and still
says nothing: a title made only of a citation or markup, alt text that is only markup or
the picture's file name. Contrast and reading order depend on where things are drawn and
are checked on the slide plans (``deck.access``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from ..model import ImageSlide, Outline
from ..report import Finding
from ..text import plain


def findings(outline: Outline) -> Iterator[Finding]:
    """Yield a warning for each slide without a readable title and picture without alt text."""
    for i, section in enumerate(outline.sections):
        for j, slide in enumerate(section.slides):
            path = ("sections", i, "slides", j)
            if not plain(slide.title).strip():
                yield Finding((*path, "title"), "slide has no title a screen reader can "
                              "announce (only markup or a citation); expected a headline in "
                              "words", "untitled")
            if isinstance(slide, ImageSlide) and not describes(slide.alt, slide.image):
                name = PurePosixPath(slide.image.replace("\\", "/")).name
                yield Finding((*path, "alt"), f"picture '{name}' has no alt text (only "
                              "markup or its file name); expected a sentence saying what it "
                              "shows", "alt-text")


def describes(alt: str, image: str) -> bool:
    """Whether ``alt`` says something about the picture: words, not markup or its file name."""
    said = plain(alt).strip().casefold()
    name = PurePosixPath(image.replace("\\", "/"))
    return bool(said) and said not in (name.name.casefold(), name.stem.casefold())
