"""The version is written once, in pyproject.toml, and read from there."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import generator

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def _declared() -> str:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def test_version_is_the_one_in_pyproject():
    assert generator.__version__ == _declared()


def test_a_source_tree_that_was_never_installed_reads_pyproject(monkeypatch):
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert generator._version() == _declared()
