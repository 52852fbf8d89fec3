"""Load an outline: read it, resolve its brand and files, validate it, cross-check it.

The stages, each in its own module, all collecting problems before the load stops:

1. ``source.read``: YAML text -> data, with the position of every value.
2. ``theme_chain``: the brand as a theme by name or file, its ``base:`` themes, overrides.
3. ``paths``: logo and image files, inside the outline's folder and of the right kind.
4. ``template``: the brand's template, read once, its theme under the brand; slide layouts.
5. ``crosscheck``: source ids and citations, section ids, playbook structure, on the raw data.
6. ``Outline.parse``: the typed model; ``messages`` words and locates every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import limits, links, source
from ..errors import OutlineError, Problem
from ..model import Outline
from ..node import ValidationError
from ..report import Finding
from . import crosscheck, template, theme_chain
from .messages import describe, format_path, problems_from
from .paths import PathChecker

if TYPE_CHECKING:
    from ..deck.template_reader import Template

__all__ = ["LoadedOutline", "format_path", "load", "validate"]


@dataclass(frozen=True)
class LoadedOutline:
    """A valid outline, with the parsed document that says where each of its values was."""

    outline: Outline
    document: source.Document
    path: Path
    template: Template | None = None
    """The brand's template as read, for the deck to build on (None without one)."""
    findings: tuple[Finding, ...] = ()
    """What loading noticed that does not stop it: the outline's template left unused by a
    ``--brand`` theme with a template of its own. ``check`` and ``build`` report them."""

    @property
    def template_shape(self) -> str | None:
        """'16:9' or '4:3' when the brand's template has one of those slide shapes."""
        return self.template.aspect if self.template is not None else None

    def problem(self, path: tuple, message: str, severity: str = "warning") -> Problem:
        """Return a Problem for the outline value at model ``path``, located in the file."""
        line, col = self.document.locate(path)
        return Problem(self.document.file, line, col, message, format_path(path), severity)


def load(path: Path | str, *, name: str | None = None, allow_outside: bool = False,
         brand: str | None = None) -> LoadedOutline:
    """Read, validate and cross-check the outline at ``path``.

    ``brand`` replaces the outline's own theme with a bundled theme name or a theme file;
    the outline's template stays unless that theme names one (``keep_template``).
    Returns a LoadedOutline; raises OutlineError listing every problem found.
    """
    path = Path(path)
    document = source.read(path, name or str(path))
    return validate(document, path.parent, allow_outside=allow_outside, brand=brand,
                    outline_path=path)


def validate(document: source.Document, base_dir: Path, *, allow_outside: bool = False,
             brand: str | None = None, outline_path: Path | None = None) -> LoadedOutline:
    """Turn a parsed document into a LoadedOutline; raises OutlineError with every problem.

    Relative paths in the outline start from ``base_dir``; ``brand`` overrides its brand.
    """
    data = document.data
    if not isinstance(data, dict):
        raise OutlineError([Problem(document.file, 1, 1, f"the outline is {describe(data)}; "
                                    "expected a mapping with 'meta' and 'sections'")])
    problems: list[Problem] = list(document.problems)
    data = dict(data)
    own = data.get("brand")
    if brand is not None:
        data["brand"] = brand
    paths = PathChecker(base_dir, document, allow_outside, problems)
    resolved = theme_chain.resolve(data.get("brand"), base_dir, document, problems,
                                   allow_outside)
    findings: list[Finding] = []
    if brand is not None and own is not None:
        resolved = theme_chain.keep_template(resolved, own, brand, base_dir, document,
                                             findings, allow_outside)
    data["brand"], read = _brand_files(resolved, paths, problems)
    sections = data.get("sections")
    if isinstance(sections, list):
        data["sections"] = paths.section_images(sections)
        brand_value = data["brand"]
        unreadable = read is None and isinstance(brand_value, dict) and brand_value.get(
            "template")
        if not unreadable:
            template.check_layouts(sections, read, document, problems)
    problems.extend(crosscheck.citations(document))
    problems.extend(crosscheck.structure(document))
    problems.extend(crosscheck.labels(document))
    problems.extend(links.problems(document, format_path))  # schemes allow-listed
    problems.extend(limits.problems(document, format_path))  # sizes and values bounded
    try:
        outline = Outline.parse(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, document))
        raise OutlineError(problems) from None
    if problems:
        raise OutlineError(problems)
    return LoadedOutline(outline, document, outline_path or base_dir / "outline.yaml", read,
                         tuple(findings))


def _brand_files(resolved: theme_chain.ResolvedBrand, paths: PathChecker,
                 problems: list[Problem]) -> tuple[Any, Template | None]:
    """Return the brand with its logo path checked and its template's theme under it, and
    the template read (None without one)."""
    brand = resolved.value
    if not isinstance(brand, dict):
        return brand, None
    if isinstance(brand.get("logo"), str):
        brand = {**brand, "logo": paths.image(brand["logo"], ("brand", "logo"),
                                              resolved.logo_folder)}
    fonts = brand.get("fonts")
    if isinstance(fonts, dict) and isinstance(fonts.get("files"), list):
        files = [paths.font(f, ("brand", "fonts", "files", i), resolved.fonts_folder)
                 if isinstance(f, str) else f for i, f in enumerate(fonts["files"])]
        brand = {**brand, "fonts": {**fonts, "files": files}}
    return template.apply(brand, resolved.template_folder, paths, problems)
