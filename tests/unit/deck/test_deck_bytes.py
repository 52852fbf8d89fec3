"""The deck's bytes are pinned: a refactor of the writer must write the same parts.

The pin is a digest of every zip entry's name, date, mode and uncompressed bytes, in order
(an embedded workbook digested the same way), not of the file: the deflated bytes depend on
the zlib build Python links (zlib-ng and others compress differently), while what PowerPoint
reads does not. ``test_deck_package`` checks the zip layer itself against zipfile's bytes.
When the deck changes on purpose, update the digests in the same commit and say why.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import zipfile

import pytest

from generator.deck import DeckBuilder
from generator.report import BuildOptions
from helpers import fixture_outline

WHEN = _dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=_dt.UTC)
PINNED = {
    "minimal.yaml": "8fc0b7f422e9aa0151c3a13de402e1cec09b58154691d30df49266e0f273e0d2",
    "deck_all_kinds.yaml": "3406da4e0dbe8445f06fe55cc7247d464f9db7ad4042aa21253781efddca5371",
}


def parts_digest(data: bytes) -> str:
    """Return the SHA-256 of a zip's entries: names, dates, modes, uncompressed bytes."""
    h = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            blob = zf.read(info)
            if info.filename.endswith(".xlsx"):
                blob = parts_digest(blob).encode()
            h.update(f"{info.filename}|{info.date_time}|{info.external_attr:o}|"
                     f"{len(blob)}\n".encode())
            h.update(blob)
    return h.hexdigest()


@pytest.mark.parametrize("name", sorted(PINNED))
def test_deck_parts_are_pinned(tmp_path, name) -> None:
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(fixture_outline(name), target, BuildOptions(timestamp=WHEN))
    assert parts_digest(target.read_bytes()) == PINNED[name]
