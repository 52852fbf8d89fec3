"""The brand's theme chain: a theme by name or file, its ``base:`` themes, and overrides."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths as _paths
from .. import source, themes
from ..errors import OutlineError, Problem
from ..model import Brand
from ..node import ValidationError
from ..report import Finding
from .messages import did_you_mean, problem_at, problems_from

MAX_DEPTH = 4
"""How many ``base:`` links a chain of theme files may follow."""


@dataclass(frozen=True)
class ResolvedBrand:
    """The outline's brand after its theme chain, with the folders its file paths start from."""

    value: Any
    """The brand mapping (themes merged under the keys given over them), or the value as
    written when it is not a mapping."""
    logo_folder: Path | None = None
    """The folder ``logo`` is relative to: a theme file's; None for the outline's folder."""
    template_folder: Path | None = None
    """The folder ``template`` is relative to: a theme file's; None for the outline's folder."""
    fonts_folder: Path | None = None
    """The folder ``fonts.files`` are relative to: a theme file's; None for the outline's."""


def resolve(value: Any, base_dir: Path, document: source.Document,
            problems: list[Problem], allow_outside: bool = False) -> ResolvedBrand:
    """Return the outline's brand: a theme by name or path, under the outline's overrides.

    Problems with a theme (not found, unreadable, invalid, outside the outline's folder
    unless ``allow_outside``) are added to ``problems``.
    """
    if value is None:
        value = themes.DEFAULT
    if isinstance(value, str):
        theme = _load(value, base_dir, document, ("brand",), problems, depth=0,
                      allow_outside=allow_outside, root=base_dir)
        return ResolvedBrand({}) if theme is None else theme
    if isinstance(value, dict) and isinstance(value.get("base"), str):
        base = _load(value["base"], base_dir, document, ("brand", "base"), problems, depth=0,
                     allow_outside=allow_outside, root=base_dir)
        if base is not None:
            merged = merge(base.value, {k: v for k, v in value.items() if k != "base"})
            return ResolvedBrand(merged,
                                 None if "logo" in value else base.logo_folder,
                                 None if "template" in value else base.template_folder,
                                 None if _font_files(value) else base.fonts_folder)
    return ResolvedBrand(value)


def keep_template(resolved: ResolvedBrand, own: Any, override: str, base_dir: Path,
                  document: source.Document, findings: list[Finding],
                  allow_outside: bool = False) -> ResolvedBrand:
    """Return the ``--brand`` theme ``resolved`` with the outline's own template under it.

    ``--brand`` replaces the outline's theme (palette, fonts, logo, name), not the
    PowerPoint template its deck is built on: ``own`` (the outline's ``brand`` value) keeps
    its template, as ``brand: {base: THEME, template: ...}`` would. A theme that names a
    template of its own uses that one instead, and a warning at the outline's
    ``brand.template`` says so. An outline's brand that does not resolve (its problems are
    what the override leaves unread) gives no template.
    """
    unread: list[Problem] = []
    theirs = resolve(own, base_dir, document, unread, allow_outside)
    template = theirs.value.get("template") if isinstance(theirs.value, dict) else None
    if unread or not isinstance(resolved.value, dict) or not isinstance(template, str):
        return resolved
    replacing = resolved.value.get("template")
    if replacing is None:
        return ResolvedBrand({**resolved.value, "template": template}, resolved.logo_folder,
                             theirs.template_folder, resolved.fonts_folder)
    at = ("brand", "template") if isinstance(own, dict) and "template" in own else ("brand",)
    findings.append(Finding(at, f"the outline's template '{template}' is not used: --brand "
                                f"'{override}' names its own template '{replacing}'",
                            "brand"))
    return resolved


def _load(name: str, base_dir: Path, document: source.Document, where: tuple,
          problems: list[Problem], depth: int, allow_outside: bool = False,
          root: Path | None = None) -> ResolvedBrand | None:
    """Return the theme ``name`` (bundled, or a file relative to ``base_dir``) over its bases.

    Paths in a theme file are relative to the file's folder. Returns None, with problems
    added, when the theme cannot be used.
    """
    fault = _paths.theme_problem(name, base_dir, root or base_dir, allow_outside,
                                 themes.BUNDLED_DIR)  # the same path checks as images
    if fault:
        problems.append(problem_at(document, where, fault))
        return None
    path = themes.find(name, base_dir)
    if path is None:
        hint = did_you_mean(name, themes.names(), "theme")
        problems.append(problem_at(document, where, f"no theme '{name}'; {hint}, "
                                   "or a path to a theme .yaml file"))
        return None
    bundled = path.parent == themes.BUNDLED_DIR
    try:
        theme = source.read(path, name if bundled else str(path))
    except OutlineError as exc:
        problems.extend(exc.problems)
        return None
    data = theme.data
    problems.extend(theme.problems)
    if not isinstance(data, dict):
        problems.append(Problem(theme.file, 1, 1, "a theme file holds a mapping of brand keys"))
        return None
    if not bundled:  # bundled themes are checked by the tests
        try:
            Brand.parse({k: v for k, v in data.items() if k != "base"})
        except ValidationError as exc:
            problems.extend(problems_from(exc, theme))
            return None
    if isinstance(data.get("base"), str) and depth < MAX_DEPTH:
        base = _load(data["base"], path.parent, theme, ("base",), problems, depth + 1,
                     allow_outside, root or base_dir)
        if base is not None:
            data = merge(base.value, {k: v for k, v in data.items() if k != "base"})
    own_fonts = _font_files(theme.data)
    data = {k: v for k, v in data.items() if k != "base"}
    return ResolvedBrand(data, path.parent if "logo" in data else None,
                         path.parent if "template" in data else None,
                         path.parent if own_fonts else None)


def _font_files(brand: dict) -> bool:
    """Whether the brand mapping ``brand`` names font files of its own."""
    fonts = brand.get("fonts")
    return isinstance(fonts, dict) and "files" in fonts


def merge(base: dict, over: dict) -> dict:
    """Return ``base`` with ``over`` on top, mappings merged key by key."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out
