"""The brand's template, read once: its theme under the brand, and the layouts slides name.

``generator.deck.template_reader`` (which reads .pptx files) is imported only for outlines
that name a template or a layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import source
from ..errors import Problem
from .messages import did_you_mean, problem_at
from .paths import PathChecker
from .theme_chain import merge

if TYPE_CHECKING:
    from ..deck.template_reader import Template


def apply(brand: dict[str, Any], folder: Path | None, paths: PathChecker,
          problems: list[Problem]) -> tuple[dict[str, Any], Template | None]:
    """Check ``brand.template`` and return (the brand over the template's theme, the template).

    The template's theme colours and fonts fill every palette and fonts key the brand does
    not set itself. ``folder`` is where a relative template path starts (None: the outline's
    folder). Returns the brand unchanged and None when there is no usable template.
    """
    value = brand.get("template")
    if not isinstance(value, str):
        return brand, None
    where = ("brand", "template")
    target = paths.locate(value, where, folder, "a PowerPoint .pptx or .potx template")
    if target is None:
        return brand, None
    from ..deck import contract
    from ..deck import template_reader as templates

    document = paths.document
    try:
        template = templates.read(target)
    except templates.TemplateProblem as exc:
        problems.append(problem_at(document, where,
                                   f"'{value}' cannot be used as a template: {exc}"))
        return brand, None
    lost = [p.kind for p in contract.contract(template) if not p.placeable]
    if lost:
        problems.append(problem_at(document, where,
                                   f"'{value}' has no layout with a title placeholder for "
                                   f"{', '.join(lost)} slides; expected one (see 'deckgen "
                                   f"check-template {value}')"))
    merged = merge(templates.brand_values(template), brand)
    return {**merged, "template": str(target)}, template


def check_layouts(sections: list, template: Template | None, document: source.Document,
                  problems: list[Problem]) -> None:
    """Check every section and slide ``layout:`` names a layout of ``template``.

    Without a template the names are checked against the built-in layouts.
    """
    wanted: list[tuple[tuple, Any]] = []
    for i, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        wanted.append((("sections", i, "layout"), section.get("layout")))
        slides = section.get("slides")
        for j, slide in enumerate(slides if isinstance(slides, list) else []):
            if isinstance(slide, dict):
                wanted.append((("sections", i, "slides", j, "layout"), slide.get("layout")))
    named: list[tuple[tuple, str]] = [(where, name) for where, name in wanted
                                      if isinstance(name, str)]
    if not named:
        return
    from ..deck import template_reader as templates

    label = "the template"
    if template is None:
        label = "the built-in layouts"
        try:
            template = templates.default()
        except templates.TemplateProblem:
            return
    for where, name in named:
        if template.layout(name) is None:
            hint = did_you_mean(name, template.names, "layout")
            problems.append(problem_at(document, where, f"no layout '{name}' in {label}; {hint}"))
