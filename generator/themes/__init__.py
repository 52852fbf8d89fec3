"""Bundled themes: where they live, their names, and how a brand value names a theme file."""

from __future__ import annotations

from pathlib import Path

BUNDLED_DIR = Path(__file__).parent
DEFAULT = "default"


def names() -> list[str]:
    """Return the names of the bundled themes, sorted."""
    return sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml"))


def find(name: str, base_dir: Path) -> Path | None:
    """Return the theme file that ``name`` means: a bundled theme, or a path from ``base_dir``.

    Returns None when there is no such theme.
    """
    bundled = BUNDLED_DIR / f"{name}.yaml"
    if "/" not in name and "\\" not in name and bundled.is_file():
        return bundled
    if name.endswith((".yaml", ".yml")):
        path = (base_dir / name).resolve()
        return path if path.is_file() else None
    return None
