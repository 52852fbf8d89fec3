"""The deck's zip format: one writer of deflated entries, all stamped with the build time.

A deck is a zip whose bytes depend only on its parts and the build time: entries in the
order they are written ([Content_Types].xml first), each dated with the build time in UTC,
deflated at zlib's default level, mode 0644, made on Unix, no comments or extra fields
except zip64 records. ``StampedZip`` writes exactly the bytes ``zipfile.ZipFile.writestr``
writes for a ``ZipInfo`` with those settings, zip64 records included when a package needs
them (an entry near 2 GiB, an offset past it, or over 65,535 entries), so a very large deck
is still one valid file from the same writer.
"""

from __future__ import annotations

import datetime as _dt
import struct
import zipfile
import zlib
from pathlib import Path

FILE_MODE = 0o644
UNIX = 3
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
CONTENT_TYPES_NAME = "[Content_Types].xml"


def zip_stamp(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """Return the zip date and time of ``when`` in UTC (a naive ``when`` is taken as local)."""
    return max(when.astimezone(_dt.UTC).timetuple()[:6], ZIP_EPOCH)


def deflate(data: bytes) -> bytes:
    """Return ``data`` deflated as zipfile deflates an entry (default level, raw stream)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class StampedZip:
    """Writes deflated zip entries stamped with one date: the only writer of a deck's zip.

    Each entry is byte for byte what ``zipfile.ZipFile.writestr`` writes for a ZipInfo with
    the same name, date, mode (0644) and system (Unix), without zipfile's per-entry
    bookkeeping (a header written twice, seeks, locks). Like zipfile, it adds zip64 records
    where sizes, offsets or the entry count outgrow the plain format.
    """

    _LOCAL = struct.Struct("<4s2B4HL2L2H")
    _CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
    _END = struct.Struct("<4s4H2LH")
    _END64 = struct.Struct("<4sQ2H2L4Q")
    _LOCATOR64 = struct.Struct("<4sLQL")
    _LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT
    _MAX_ENTRIES = 0xFFFF  # zipfile.ZIP_FILECOUNT_LIMIT
    _VERSION = 20
    _VERSION64 = 45
    _UTF8_NAME = 0x800
    _FULL = 0xFFFFFFFF

    def __init__(self, path: Path, when: _dt.datetime):
        dt = zip_stamp(when)
        self._date = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        self._time = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        self._fp = open(path, "wb")  # closed by close() or abandon()
        self._entries: list[tuple[bytes, int, int, int, int, int, int]] = []

    def write(self, pack_uri: str, blob: bytes) -> None:
        """Add the entry for part ``pack_uri`` (a name after a leading '/') holding ``blob``."""
        data = deflate(blob)
        name = pack_uri[1:]
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), self._UTF8_NAME
        offset = self._fp.tell()
        crc = zlib.crc32(blob)
        if len(blob) * 1.05 > self._LIMIT:  # zipfile's margin for an entry's local zip64
            version = self._VERSION64
            extra = struct.pack("<HHQQ", 1, 16, len(blob), len(data))
            sizes = (self._FULL, self._FULL)
        else:
            version, extra, sizes = self._VERSION, b"", (len(data), len(blob))
        self._fp.write(self._LOCAL.pack(b"PK\x03\x04", version, 0, flags,
                                        zipfile.ZIP_DEFLATED, self._time, self._date, crc,
                                        *sizes, len(raw), len(extra)))
        self._fp.write(raw)
        self._fp.write(extra)
        self._fp.write(data)
        self._entries.append((raw, flags, crc, len(data), len(blob), offset, version))

    def close(self) -> None:
        """Write the central directory and close the file (closed even when it raises)."""
        try:
            self._finish()
        finally:
            self._fp.close()

    def abandon(self) -> None:
        """Close the file without finishing it."""
        self._fp.close()

    def _finish(self) -> None:
        start = self._fp.tell()
        for raw, flags, crc, size, file_size, offset, version in self._entries:
            extra: list[int] = []
            if file_size > self._LIMIT or size > self._LIMIT:
                extra += [file_size, size]
                file_size = size = self._FULL
            if offset > self._LIMIT:
                extra.append(offset)
                offset = self._FULL
            fields = struct.pack(f"<HH{len(extra)}Q", 1, 8 * len(extra), *extra) if extra \
                else b""
            version = max(version, self._VERSION64 if extra else 0)
            self._fp.write(self._CENTRAL.pack(
                b"PK\x01\x02", version, UNIX, version, 0, flags, zipfile.ZIP_DEFLATED,
                self._time, self._date, crc, size, file_size, len(raw), len(fields), 0, 0, 0,
                FILE_MODE << 16, offset))
            self._fp.write(raw)
            self._fp.write(fields)
        end = self._fp.tell()
        count, length = len(self._entries), end - start
        if count > self._MAX_ENTRIES or start > self._LIMIT or length > self._LIMIT:
            self._fp.write(self._END64.pack(b"PK\x06\x06", 44, self._VERSION64,
                                            self._VERSION64, 0, 0, count, count, length,
                                            start))
            self._fp.write(self._LOCATOR64.pack(b"PK\x06\x07", 0, end, 1))
            count, length, start = (min(count, 0xFFFF), min(length, self._FULL),
                                    min(start, self._FULL))
        self._fp.write(self._END.pack(b"PK\x05\x06", 0, 0, count, count, length, start, 0))


def is_stamped(path: Path, when: _dt.datetime) -> bool:
    """Whether the zip at ``path`` is as ``StampedZip`` writes it for a build at ``when``.

    Every entry dated ``when``, deflated, mode 0644 from Unix, no comments, and
    [Content_Types].xml first.
    """
    stamp = zip_stamp(when)
    with zipfile.ZipFile(path) as src:
        infos = src.infolist()
        return (bool(infos) and infos[0].filename == CONTENT_TYPES_NAME and not src.comment
                and all(i.date_time[:5] == stamp[:5] and i.date_time[5] == stamp[5] // 2 * 2
                        and i.compress_type == zipfile.ZIP_DEFLATED
                        and i.external_attr == FILE_MODE << 16 and i.create_system == UNIX
                        and not i.comment for i in infos))
