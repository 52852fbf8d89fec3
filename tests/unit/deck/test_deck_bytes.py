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
    "minimal.yaml": "1db8133de0c5e386d3153d11329c2fd6695d8641f9291d77b68e7675304cab10",
    "deck_all_kinds.yaml": "f3df54e1e2e3adf647262a8da554dc4add5a34083d67127ccdb65385a74b83af",
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
