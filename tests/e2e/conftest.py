"""Every deck an end-to-end test builds passes the structural audit (tests/pptx_audit.py)."""

from __future__ import annotations

import time
import zipfile

import pptx_audit
import pytest


def _decks(root) -> dict:
    """Return the built decks under ``root`` by their modification times. A deck*.pptx that
    is not a zip is a stand-in some tests write (to see a failed build leave it alone)."""
    return {p: p.stat().st_mtime_ns for p in root.rglob("*.pptx")
            if p.name.startswith("deck") and p.is_file() and zipfile.is_zipfile(p)}


@pytest.fixture(autouse=True)
def audit_built_decks(tmp_path_factory):
    """After each test, audit every deck*.pptx it wrote or rewrote under the test temp dir."""
    root = tmp_path_factory.getbasetemp()
    before = _decks(root)
    start = time.time_ns()
    yield
    found = []
    for path, mtime in _decks(root).items():
        if before.get(path) == mtime and mtime < start:
            continue
        found += [f"{path.name}: {p}" for p in pptx_audit.problems(path.read_bytes())]
    assert found == [], "built decks fail the package audit:\n" + "\n".join(found)
