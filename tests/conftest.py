"""Shared test options and fixtures; shared functions live in helpers.py."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", "--update-golden", action="store_true",
                     dest="update_goldens",
                     help="Rewrite the expected-output (golden) files from the current "
                          "behaviour; review the diff. Without it a missing golden fails.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (``--update-goldens``)."""
    return bool(request.config.getoption("update_goldens"))
