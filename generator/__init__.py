"""deckgen: compile one YAML outline into an editable PowerPoint deck and a PDF brief."""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def _version() -> str:
    """Return deckgen's version from its installed package metadata (pyproject.toml is the
    one place it is written).

    From a source tree that was never installed, the tree's pyproject.toml is read instead.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("deckgen")
    except PackageNotFoundError:
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            text = pyproject.read_text(encoding="utf-8")
        except OSError:
            return "0+unknown"
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
        return found.group(1) if found else "0+unknown"


def __getattr__(name: str) -> Any:
    """Look ``__version__`` up on first use: reading package metadata costs tens of
    milliseconds, which a command that never shows the version should not pay."""
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
