"""The brief's bytes are pinned: a refactor of the typesetting must write the same PDF.

The pin is a digest of every PDF object in order: a stream by its decoded bytes and its
dictionary without /Length, /Filter and /DecodeParms, any other object by its PDF syntax.
It leaves out the Flate-compressed bytes (they depend on the zlib build Python links) and
the trailer's /ID, while page content, fonts, structure tree, links, outline and metadata
all count. When the brief changes on purpose, update the digest in the same commit and say
why.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path

import pikepdf
import pytest

from generator.brief import BriefBuilder
from generator.report import BuildOptions
from helpers import fixture_outline

WHEN = _dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=_dt.UTC)
PINNED = {
    "minimal.yaml": "afbc0efee72c6c83f716cd7dbb328459fb566ac67059f8196a3647514ac5f235",
}
_ENCODING = ("/Length", "/Filter", "/DecodeParms")


def objects_digest(path: Path) -> str:
    """Return the SHA-256 of a PDF's objects, streams decoded, in object-number order."""
    h = hashlib.sha256()
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                entries = sorted((key, repr(value)) for key, value in obj.stream_dict.items()
                                 if key not in _ENCODING)
                h.update(repr(entries).encode())
                h.update(obj.read_bytes())
            else:
                h.update(obj.unparse())
    return h.hexdigest()


@pytest.mark.parametrize("name", sorted(PINNED))
def test_brief_objects_are_pinned(tmp_path, name) -> None:
    target = tmp_path / "brief.pdf"
    BriefBuilder().build(fixture_outline(name), target, BuildOptions(timestamp=WHEN))
    assert objects_digest(target) == PINNED[name]
