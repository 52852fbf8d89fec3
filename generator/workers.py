"""A builder in a forked process, started before the outline is even read.

A build of deck and brief is two independent jobs. The brief's is forked off as soon as a
build is asked for: the child imports its library and reads its fonts while the parent
loads and validates the outline, then receives the outline down a pipe, builds, and sends
back the result. The parent meanwhile builds the deck. A worker sent several jobs runs
them in order and sends back each result as it is made (``deckgen diff`` sends it the
briefs of both sides while it makes both sides' slides itself).

Where processes cannot be forked (or there is one core) no worker is started, and the
caller builds everything itself, one artifact after the other.
"""

from __future__ import annotations

import os
import signal
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading

from .errors import BuildError

_HEADER = struct.Struct("<Q")


def can_fork() -> bool:
    """Whether a worker process would run beside this one."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


class Worker:
    """One forked process that prepares with ``warm()``, then runs the jobs sent to it, one
    after the other, in the order they were sent."""

    def __init__(self, name: str, warm: Callable[[], Any]):
        self.name = name
        job_r, self._job_w = os.pipe()
        self._result_r, result_w = os.pipe()
        self._sender: threading.Thread | None = None
        self._pending = 0
        self.pid: int | None = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(self._job_w)
            os.close(self._result_r)
            _serve(warm, job_r, result_w)
        os.close(job_r)
        os.close(result_w)

    def submit(self, func: Callable[..., Any], *args: Any) -> None:
        """Send ``func(*args)`` to the worker, to run after the jobs sent before; returns at
        once.

        The job is written from a thread, so a large outline does not hold the caller up
        while the child is still importing and cannot yet read it.
        """
        import pickle
        import threading

        data = pickle.dumps((func, args), protocol=pickle.HIGHEST_PROTOCOL)
        sender = threading.Thread(target=_send_after, args=(self._sender, self._job_w, data),
                                  daemon=True)
        sender.start()  # kept only once started: a stop in between leaves nothing to join
        self._sender = sender
        self._pending += 1

    def result(self) -> Any:
        """Wait for the result of the earliest job whose result was not yet taken; re-raise
        the error it raised. The worker stops once every job's result is taken."""
        self._pending -= 1
        try:
            data = _receive(self._result_r)
        except BaseException:
            self.close()
            raise
        if data is None or not self._pending:
            self.close()
        if data is None:
            raise BuildError(f"the {self.name} builder's process stopped unexpectedly")
        import pickle

        status, value = pickle.loads(data)
        if status == "error":
            self.close()
            raise value
        return value

    def close(self) -> None:
        """Stop the worker if it still runs, and release its pipes; safe to call twice."""
        if self.pid is None:
            return
        try:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid == 0:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        if self._sender is not None and self._sender.ident is not None:
            self._sender.join()  # with the worker gone, a write still going fails now
        for fd in (self._job_w, self._result_r):
            try:
                os.close(fd)
            except OSError:
                pass
        self.pid = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(warm: Callable[[], Any], job_r: int, result_w: int) -> None:
    """Run in the child: warm up, then take jobs one by one and send each one's outcome,
    until the parent sends no more; exit without cleanup."""
    import pickle

    from .commit import die_with_parent

    die_with_parent()  # a killed build's builder stops too, and writes no stray file
    try:
        try:
            warm()
        except Exception:  # noqa: BLE001 - only a head start: the job meets it again
            pass
        while True:
            data = _receive(job_r)
            if data is None:  # the parent sends no more
                break
            try:
                func, args = pickle.loads(data)
                outcome = ("ok", func(*args))
            except BaseException as exc:  # noqa: BLE001 - every failure is the parent's to report
                outcome = ("error", exc)
            try:
                payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # an error that does not pickle: send its words
                payload = pickle.dumps(("error", BuildError(str(outcome[1]))))
            _send(result_w, payload)
    finally:
        os._exit(0)


def _send_after(before: threading.Thread | None, fd: int, data: bytes) -> None:
    """Send ``data`` once the thread ``before`` (sending the job before it) has finished."""
    if before is not None:
        before.join()
    _send(fd, data)


def _send(fd: int, data: bytes) -> None:
    try:
        view = memoryview(_HEADER.pack(len(data)) + data)
        while view:
            view = view[os.write(fd, view):]
    except OSError:
        pass  # the other side is gone; it reports that itself


def _receive(fd: int) -> bytes | None:
    head = _read(fd, _HEADER.size)
    if head is None:
        return None
    return _read(fd, _HEADER.unpack(head)[0])


def _read(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
