"""Each third-party library with a boundary is imported only inside it (CONTRIBUTING.md,
"Where each library may be used"): a new use elsewhere fails here, not in review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "generator"

ALLOWED: dict[str, tuple[str, ...]] = {
    "pptx": ("deck/pptx/",),
    "reportlab": ("brief/", "slides_pdf/", "chart_drawing.py", "pdf_tags.py", "pdf_document.py"),
    "pypdfium2": ("pdfium.py",),
    "fontTools": ("text/measure.py",),
    "yaml": ("source.py",),
}
"""Library -> where under generator/ it may be imported: a folder (ending in /) or a file."""


def imported(source: str) -> set[str]:
    """Return the top-level names of the absolute imports in ``source``, lazy ones included."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def allowed(library: str, module: str) -> bool:
    """Whether ``module`` (a path relative to generator/) may import ``library``."""
    return any(module.startswith(place) if place.endswith("/") else module == place
               for place in ALLOWED[library])


def test_imports_are_found_at_any_depth() -> None:
    source = "import yaml.constructor\ndef f():\n    from reportlab.lib import colors\n" \
             "from .pptx import writer\n"
    assert imported(source) == {"yaml", "reportlab"}


def test_a_folder_allows_what_is_under_it_and_a_file_only_itself() -> None:
    assert allowed("pptx", "deck/pptx/writer.py")
    assert not allowed("pptx", "deck/planner.py")
    assert allowed("reportlab", "chart_drawing.py")
    assert not allowed("reportlab", "deck/chart_drawing.py")


@pytest.mark.parametrize("library", sorted(ALLOWED))
def test_library_is_imported_only_inside_its_boundary(library: str) -> None:
    outside = sorted(
        path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
        if library in imported(path.read_text(encoding="utf-8"))
        and not allowed(library, path.relative_to(PACKAGE).as_posix()))
    assert outside == [], f"{library} imported outside {ALLOWED[library]}"


def test_check_plans_the_briefs_figures_without_the_typesetter() -> None:
    """``deckgen check`` works out the brief's chart-label findings from ``brief.figures``,
    which must not load reportlab's typesetter (about 0.2 s a run)."""
    import subprocess
    import sys

    code = ("import sys, generator.brief.figures; "
            "sys.exit(any(m.startswith('reportlab.platypus') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent).returncode == 0


def _relative_imports(path: Path) -> set[str]:
    """Return the generator modules ``path`` imports relatively, as paths under generator/
    ('brief/typesetting', 'deck', ...), lazy imports included."""
    base = path.relative_to(PACKAGE).parent.parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            parts = base[:len(base) - node.level + 1] + tuple((node.module or "").split("."))
            found.add("/".join(p for p in parts if p))
    return found


@pytest.mark.parametrize(("builder", "other"), [("slides_pdf", "brief"), ("brief", "slides_pdf"),
                                                 ("brief", "deck")])
def test_builders_do_not_import_each_other(builder: str, other: str) -> None:
    """Builders only read the model (STYLE.md): what two of them share lives outside both
    (``pdf_tags``, ``chart_drawing``, ``text``), so deck.pdf does not load the brief's page
    layout, nor the brief the deck's planner."""
    users = sorted(path.relative_to(PACKAGE).as_posix()
                   for path in (PACKAGE / builder).rglob("*.py")
                   if any(m == other or m.startswith(other + "/")
                          for m in _relative_imports(path)))
    assert users == [], f"{builder} imports {other}"


def test_relative_imports_are_resolved_from_the_importing_module() -> None:
    assert "brief/typesetting" in _relative_imports(PACKAGE / "brief" / "pages.py")
    assert "pdf_tags" in _relative_imports(PACKAGE / "slides_pdf" / "document.py")
