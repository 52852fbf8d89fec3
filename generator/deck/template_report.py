"""The layout contract as a user reads it: the text ``deckgen check-template`` prints."""

from __future__ import annotations

from pathlib import Path

from ..errors import count
from . import artwork
from .contract import contract
from .template_reader import EMU_PER_INCH, THEME_SLOTS, Template, TemplateProblem, read

__all__ = ["TemplateProblem", "check", "report"]


def check(path: Path | str) -> tuple[list[str], bool]:
    """Read the template at ``path`` and return ``report`` of it.

    Raises TemplateProblem when the file is not a usable template.
    """
    return report(read(path))


HOW = {"name": "by name", "placeholders": "by placeholders", "outline": "named in the outline",
       "fallback": "fallback", "none": "cannot be placed"}


def report(template: Template) -> tuple[list[str], bool]:
    """Return the contract check of ``template`` as lines of text, and whether it passes."""
    placements = contract(template)
    size = (f"{template.size[0] / EMU_PER_INCH:.2f} x {template.size[1] / EMU_PER_INCH:.2f} in")
    lines = [f"{template.path.name}: {len(template.layouts)} layouts, slides "
             f"{template.aspect or 'of another shape'} ({size})"]
    width = max(len(p.kind) for p in placements)
    names = max(len(p.layout or "-") for p in placements) + 2
    for p in placements:
        layout = f'"{p.layout}"' if p.layout else "-"
        line = f"  {p.kind:<{width}}  {layout:<{names}}  {HOW[p.how]}"
        if p.missing:
            line += f"; missing {_missing_text(p.missing)}"
            line += " (text boxes instead)" if p.placeable else ""
        lines.append(line.rstrip())
    theme = template.theme
    colours = " ".join(f"{slot} {theme.colours[slot]}" for slot in THEME_SLOTS[:10]
                       if slot in theme.colours)
    lines.append(f"  theme fonts: {theme.heading or '-'} (headings), {theme.body or '-'} (body)")
    lines.append(f"  theme colours: {colours or '-'}")
    lines += artwork.report(template)
    lost = [p.kind for p in placements if not p.placeable]
    if lost:
        lines.append(f"{count(len(lost), 'slide kind')} cannot be placed: {', '.join(lost)}; "
                     "expected a layout with a title placeholder")
    else:
        fallbacks = sum(p.how == "fallback" for p in placements)
        lines.append("every slide kind can be placed" + (
            f" ({fallbacks} on a fallback layout)" if fallbacks else ""))
    return lines, not lost


def _missing_text(missing: tuple[str, ...]) -> str:
    counts = {m: missing.count(m) for m in dict.fromkeys(missing)}
    parts = [f"{n} {m} placeholders" if n > 1 else f"{m} placeholder" for m, n in counts.items()]
    return ", ".join(parts)
