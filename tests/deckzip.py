"""The reference for a deck's zip: every entry stamped with one time, in a fixed order.

The deck builder writes its zip this way itself; tests normalise other writers' zips
(python-pptx's own save) with this to compare bytes, and check the builder's needs none.
"""

from __future__ import annotations

import datetime as _dt
import zipfile
from pathlib import Path


def normalise_zip(path: Path, when: _dt.datetime) -> None:
    """Rewrite the zip at ``path`` with every entry stamped ``when``, in a fixed order."""
    stamp = when.astimezone(_dt.UTC).timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(path) as src:
        if _is_normal(src, stamp):
            return  # the deck builder writes its zip this way; rewriting would change nothing
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    first = [e for e in entries if e[0] == "[Content_Types].xml"]
    rest = [e for e in entries if e[0] != "[Content_Types].xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in first + rest:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            dst.writestr(info, data)


def _is_normal(src: zipfile.ZipFile, stamp: tuple) -> bool:
    """Whether every entry of ``src`` is already as ``normalise_zip`` would write it."""
    infos = src.infolist()
    return (bool(infos) and infos[0].filename == "[Content_Types].xml" and not src.comment
            and all(i.date_time == stamp and i.compress_type == zipfile.ZIP_DEFLATED
                    and i.external_attr == 0o644 << 16 and i.create_system == 3
                    and not i.extra and not i.comment for i in infos))
