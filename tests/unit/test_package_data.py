"""Every data file the package reads ships in the wheel: pyproject's package-data covers it."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_every_data_file_under_generator_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator"]
    package = ROOT / "generator"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    missing = [name for name in data if not any(fnmatch(name, pat) for pat in patterns)]
    assert data and missing == [], f"not shipped in the wheel: {missing}"
