"""Putting a build's files in place all together or not at all, and cleaning up after faults."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import EnvironmentProblem

TEMP_PREFIX = ".deckgen-tmp-"
"""Every temporary file a build makes starts with this and the building process's id, so a
later build can remove those a killed build left behind."""
_ENVIRONMENT = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS,
                errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG, errno.EMFILE, errno.ENFILE,
                errno.EIO, errno.EFBIG, errno.EXDEV, errno.EBUSY, errno.ETXTBSY}


def temp_path(folder: Path, name: str) -> Path:
    """Create and return an empty temporary file in ``folder`` for the file ``name``."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f"{TEMP_PREFIX}{os.getpid()}-{name}.",
                                suffix=Path(name).suffix)
    os.close(fd)
    return Path(temp)


def sweep(folder: Path, *, own: bool = False) -> list[Path]:
    """Remove temporary files in ``folder`` left by builds whose process no longer runs.

    With ``own``, this process's own are removed too (call it when its build is over: a
    stop can land between a file's creation and its being recorded). Returns the files
    removed. Files of another process that still runs are left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        pid = entry.name[len(TEMP_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and ((own and int(pid) == os.getpid()) or not _running(int(pid))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class Commit:
    """Replaces several files by new ones all together, or leaves every one as it was.

    ``moves`` maps each target to the temporary file that replaces it (in the same folder).
    ``run`` first checks that every target can be replaced (not a folder, its old content
    can be kept aside), then replaces each one atomically; when a later replacement fails,
    the earlier ones are put back, so a folder never mixes files from two builds.
    """

    def __init__(self, moves: dict[Path, Path]):
        self.moves = dict(moves)
        self._kept: dict[Path, Path] = {}
        """target -> a link to (or copy of) its old content, until the commit ends."""

    def run(self) -> None:
        """Replace every target; raises EnvironmentProblem (nothing replaced) on failure."""
        try:
            self._check()
            self._keep_old()
            done: list[Path] = []
            try:
                for target, temp in self.moves.items():
                    os.replace(temp, target)
                    done.append(target)
            except OSError as exc:
                self._restore(done)
                raise problem(exc, target, "cannot be replaced") from None
            except BaseException:  # stopped half-way (SIGTERM, Ctrl-C): put the old ones back
                self._restore(done)
                raise
        finally:
            for old in self._kept.values():
                with contextlib.suppress(OSError):
                    os.unlink(old)
            self._kept.clear()

    def _check(self) -> None:
        for target in self.moves:
            if target.is_dir() and not target.is_symlink():
                raise EnvironmentProblem(f"{target}: is a folder; expected a file deckgen may "
                                         "replace (move the folder away)")
            if os.path.lexists(target) and not os.access(target.parent, os.W_OK | os.X_OK):
                raise EnvironmentProblem(f"{target.parent}: cannot be written; expected a "
                                         "writable folder")

    def _keep_old(self) -> None:
        """Keep each existing target's content under a temporary name (a hard link: no copy)."""
        for target in self.moves:
            if not os.path.lexists(target):
                continue
            old = temp_path(target.parent, target.name + ".old")
            os.unlink(old)
            try:
                os.link(target, old, follow_symlinks=False)
            except OSError as exc:
                if exc.errno == errno.EPERM and _immutable(target):
                    raise problem(exc, target, "cannot be replaced (it is read-only or "
                                  "immutable)") from None
                try:
                    shutil.copy2(target, old, follow_symlinks=False)
                except OSError as copy_exc:
                    raise problem(copy_exc, target, "cannot be kept aside") from None
            self._kept[target] = old

    def _restore(self, done: list[Path]) -> None:
        for target in reversed(done):
            old = self._kept.get(target)
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, target)
                    del self._kept[target]
                else:
                    os.unlink(target)


def _immutable(path: Path) -> bool:
    """Whether ``path`` is marked immutable or append-only (chattr +i / +a), where known."""
    flags = getattr(os.lstat(path), "st_flags", None)
    if flags is not None:
        return bool(flags & 0x00020006)  # UF_IMMUTABLE | UF_APPEND | SF_IMMUTABLE
    try:
        import fcntl
        import struct

        with open(path, "rb") as stream:
            buf = fcntl.ioctl(stream.fileno(), 0x80086601, struct.pack("l", 0))  # FS_IOC_GETFLAGS
        return bool(struct.unpack("l", buf)[0] & 0x30)  # FS_IMMUTABLE_FL | FS_APPEND_FL
    except (OSError, ImportError):
        return False  # unknown: the copy and the commit's own rollback cover it


def problem(exc: OSError, path: Path | str | None = None, what: str = "") -> EnvironmentProblem:
    """Return an EnvironmentProblem naming the path and the system's reason for ``exc``."""
    where = path if path is not None else exc.filename
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "expected free space on the disk"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "expected a file and folder deckgen may write"
    elif exc.errno == errno.ENAMETOOLONG:
        hint = "expected a shorter name"
    else:
        hint = "expected a usable file"
    lead = f"{where}: " if where else ""
    return EnvironmentProblem(f"{lead}{what + ': ' if what else ''}{reason}; {hint}")


def environment_problem(exc: BaseException, where: Path | None = None,
                        ) -> EnvironmentProblem | None:
    """Return ``exc`` as an EnvironmentProblem when it is a fault of the machine (disk full,
    permission denied, read-only, name too long), else None.

    ``where`` names the file or folder when the error itself names none.
    """
    if isinstance(exc, OSError) and exc.errno in _ENVIRONMENT:
        return problem(exc, exc.filename or where, "cannot be written" if where else "")
    return None


def die_with_parent() -> None:
    """Ask the system to kill this (forked) process when its parent dies, where it can (Linux).

    A builder's process that outlived a killed build would go on writing its temporary file
    after the next build swept it away.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM or SIGHUP): unwinds like Ctrl-C, so every
    temporary file is removed on the way out."""


@contextlib.contextmanager
def stop_cleanly() -> Iterator[None]:
    """While in effect, SIGTERM and SIGHUP raise Terminated instead of killing the process."""
    def stop(signum, frame):
        raise Terminated(signal.Signals(signum).name)

    saved = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave as is
            saved[sig] = signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, handler)
