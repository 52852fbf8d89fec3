"""Zip packages read as untrusted input: bounded entries, sizes and ratios; capped reads."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
"""Largest package file opened at all (a template is a few MB)."""
MAX_ENTRIES = 5_000
"""Most entries a package may hold (PowerPoint's own templates hold under 200)."""
MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""Largest size one entry may inflate to."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Largest size all entries together may inflate to."""
MAX_RATIO = 200
"""Highest inflated/compressed ratio of an entry over 1 MB (XML is 5-20; zip bombs 1000+)."""
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


class PackageProblem(Exception):
    """A zip package is unusable; ``part`` names the entry at fault ('' for the whole file)."""

    def __init__(self, part: str, message: str):
        self.part = part
        self.message = message
        super().__init__(f"{part}: {message}" if part else message)


def check_regular(path: Path) -> os.stat_result:
    """Return ``path``'s status when it is a regular file; raises PackageProblem otherwise.

    FIFOs, devices and sockets are refused without being opened (opening a FIFO blocks).
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise PackageProblem("", f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise PackageProblem("", "is not a regular file (a folder, FIFO or device); expected a "
                             "file")
    return st


def read_package(path: Path) -> bytes:
    """Return the bytes of the package at ``path``: a regular file within the size limit.

    Raises PackageProblem.
    """
    st = check_regular(path)
    if st.st_size > MAX_ARCHIVE_BYTES:
        raise PackageProblem("", f"is {st.st_size:,} bytes; expected at most "
                             f"{MAX_ARCHIVE_BYTES:,}")
    try:
        with open(path, "rb") as stream:
            return stream.read(MAX_ARCHIVE_BYTES + 1)
    except OSError as exc:
        raise PackageProblem("", f"cannot be read: {exc.strerror or exc}") from None


class SafeZipFile(zipfile.ZipFile):
    """A read-only ZipFile whose entries were all checked on opening.

    ``file`` is a path (checked to be a regular file of a bounded size) or bytes in memory
    read by ``read_package``.

    Opening refuses special files, oversized archives, too many entries, encrypted entries,
    compression methods other than stored and deflate, entries that inflate beyond the
    limits (their declared size is not trusted: every entry is inflated once, in chunks,
    with a cap) and entries whose data is corrupt. ``read`` then returns at most the checked
    size. Raises PackageProblem.
    """

    def __init__(self, file: Path | str | BinaryIO, what: str = "zip package"):
        if isinstance(file, (str, Path)):
            file = Path(file)
            st = check_regular(file)
            if st.st_size > MAX_ARCHIVE_BYTES:
                raise PackageProblem("", f"is {st.st_size:,} bytes; expected at most "
                                     f"{MAX_ARCHIVE_BYTES:,}")
        try:
            super().__init__(file)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
            raise PackageProblem("", f"not a readable {what} ({_short(exc)})") from None
        try:
            self._sizes = self._check_all()
        except BaseException:
            self.close()
            raise

    def _check_all(self) -> dict[str, int]:
        infos = self.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackageProblem("", f"holds {len(infos):,} entries; expected at most "
                                 f"{MAX_ENTRIES:,}")
        sizes: dict[str, int] = {}
        total = 0
        for info in infos:
            name = info.filename
            if info.flag_bits & 0x1:
                raise PackageProblem(name, "is encrypted; expected an unprotected file "
                                     "(save the template without a password)")
            if info.compress_type not in _METHODS:
                raise PackageProblem(name, f"uses compression method {info.compress_type}; "
                                     "expected stored or deflate (save it again from PowerPoint)")
            if name in sizes:
                raise PackageProblem(name, "appears twice in the package; expected each part "
                                     "once")
            size = self._inflate(info, min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total))
            sizes[name] = size
            total += size
        return sizes

    def _inflate(self, info: zipfile.ZipInfo, cap: int) -> int:
        """Inflate ``info`` in chunks, discarding them; return its size or raise on a limit."""
        name = info.filename
        size = 0
        try:
            with super().open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > cap:
                        what = "this entry" if cap == MAX_ENTRY_BYTES else "the package"
                        limit = MAX_ENTRY_BYTES if cap == MAX_ENTRY_BYTES else MAX_TOTAL_BYTES
                        raise PackageProblem(name, f"inflates beyond {limit:,} bytes for {what}; "
                                             "expected a smaller part (is it a zip bomb?)")
                    if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                        raise PackageProblem(name, f"inflates more than {MAX_RATIO} times its "
                                             "compressed size; expected an ordinary part (is it "
                                             "a zip bomb?)")
        except PackageProblem:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise PackageProblem(name, f"is corrupt ({_short(exc)}); expected an intact "
                                 "zip entry") from None
        return size

    def has(self, name: str) -> bool:
        """Whether the package holds an entry called ``name``."""
        return name in self._sizes

    def read(self, name, pwd=None) -> bytes:
        """Return the entry's bytes, read in chunks up to its checked size."""
        key = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if key not in self._sizes:
            raise PackageProblem(key, "is missing; expected it in the package")
        cap = self._sizes[key]
        parts = []
        got = 0
        with super().open(name) as stream:
            while got <= cap and (chunk := stream.read(_CHUNK)):
                parts.append(chunk)
                got += len(chunk)
        if got > cap:
            raise PackageProblem(key, "changed while it was read; expected a stable file")
        return b"".join(parts)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
