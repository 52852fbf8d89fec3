"""Shared test options and fixtures; shared functions live in helpers.py."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CACHE = tempfile.mkdtemp(prefix="deckgen-test-cache-")
os.environ["DECKGEN_CACHE_DIR"] = _CACHE
"""``deckgen diff`` keeps builds in a cache folder: the tests' own, never the user's."""


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", "--update-golden", action="store_true",
                     dest="update_goldens",
                     help="Rewrite the expected-output (golden) files from the current "
                          "behaviour; review the diff. Without it a missing golden fails.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (``--update-goldens``)."""
    return bool(request.config.getoption("update_goldens"))
