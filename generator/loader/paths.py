"""File paths an outline names: kept inside its folder, present, and images that are images."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import paths as _paths
from .. import source, themes
from ..errors import Problem
from .messages import problem_at


class PathChecker:
    """Resolves the files an outline names against a folder, keeping them inside the outline's.

    Every path that cannot be used adds a located problem to ``problems``.
    """

    def __init__(self, base: Path, document: source.Document, allow_outside: bool,
                 problems: list[Problem]):
        self.base = base.resolve()
        self.document = document
        self.allow_outside = allow_outside
        self.problems = problems

    def locate(self, value: str, where: tuple, base: Path | None, what: str) -> Path | None:
        """Return the file ``value`` names, relative to ``base`` (default: the outline's folder).

        Returns None, and adds a problem, when the file is outside the outline's folder (and
        the bundled themes) or missing; ``what`` says what file was expected.
        """
        fault = _paths.name_problem(value)  # too long, or a NUL: before the system sees it
        if fault:
            self._add(where, fault)
            return None
        raw = Path(value)
        target = raw.resolve() if raw.is_absolute() else ((base or self.base) / raw).resolve()
        if not self.allow_outside and not _inside(target, self.base) and not _inside(
                target, themes.BUNDLED_DIR.resolve()):
            self._add(where, f"'{value}' is outside the outline's folder; expected a path "
                      "inside it (or build with --allow-outside)")
            return None
        if _paths.special(target):  # a FIFO or device: refused without opening it
            self._add(where, f"'{value}' is not a regular file (a FIFO or device); expected "
                      f"{what}")
            return None
        if not target.is_file():
            self._add(where, f"no file at '{value}'; expected {what} relative to the outline's "
                      "folder")
            return None
        return target

    def image(self, value: str, where: tuple, base: Path | None = None) -> str:
        """Return the image file ``value`` names as an absolute path, or ``value`` itself when
        it cannot be used (and a problem is added)."""
        target = self.locate(value, where, base, "a PNG or JPEG image")
        if target is None:
            return value
        from .. import images  # header read, size capped, decoded once: see docs/security.md

        try:
            images.inspect(target)
        except images.ImageProblem as exc:
            self._add(where, f"'{value}' {exc}")
            return value
        return str(target)

    def font(self, value: str, where: tuple, base: Path | None = None) -> str:
        """Return the TrueType font file ``value`` names as an absolute path, or ``value``
        itself when it cannot be used (and a problem is added)."""
        target = self.locate(value, where, base, "a TrueType (.ttf) font")
        if target is None:
            return value
        if target.read_bytes()[:4] not in (b"\x00\x01\x00\x00", b"true"):
            self._add(where, f"'{value}' is not a TrueType font with glyph outlines; expected "
                      "a .ttf file (CFF .otf and .ttc collections cannot be embedded)")
            return value
        return str(target)

    def section_images(self, sections: list) -> list:
        """Return ``sections`` with every image slide's path resolved."""
        return [self._section(section, i) for i, section in enumerate(sections)]

    def _section(self, section: Any, i: int) -> Any:
        if not isinstance(section, dict) or not isinstance(section.get("slides"), list):
            return section
        slides = []
        for j, slide in enumerate(section["slides"]):
            if isinstance(slide, dict) and slide.get("kind") == "image" and isinstance(
                    slide.get("image"), str):
                where = ("sections", i, "slides", j, "image")
                slide = {**slide, "image": self.image(slide["image"], where)}
            slides.append(slide)
        return {**section, "slides": slides}

    def _add(self, where: tuple, message: str) -> None:
        self.problems.append(problem_at(self.document, where, message))


def _inside(target: Path, folder: Path) -> bool:
    return target == folder or folder in target.parents
