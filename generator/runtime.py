"""How the process runs while deckgen works: the cycle collector, reportlab's settings, exit.

One policy, in one place: ``quick()`` is entered by the command line around a command, by
``watch`` around each rebuild, and by each builder around its own build (so a library caller
gets the same bytes and the same speed as the command line).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def quick() -> Iterator[None]:
    """Pause the cycle collector, and set reportlab (when loaded) to skip two costs; then
    put both back as they were.

    - A build makes hundreds of thousands of long-lived objects (plans, parts, a story) and
      almost no garbage cycles; each full collection walks all of them again, a cost that
      grows faster than the output. Reference counting still frees whatever is dropped.
    - reportlab does not check chart shapes as they are set (the unit tests make charts with
      the checks on), and writes page streams as binary Flate without ASCII85 on top: a
      quarter smaller, and nothing more to encode. These change the brief's bytes, so the
      brief builder enters this itself, after importing reportlab.
    """
    collecting = gc.isenabled()
    gc.disable()
    rl_config: Any = sys.modules.get("reportlab.rl_config")
    saved = (rl_config.shapeChecking, rl_config.useA85) if rl_config is not None else None
    if rl_config is not None:
        rl_config.shapeChecking, rl_config.useA85 = 0, 0
    try:
        yield
    finally:
        if rl_config is not None and saved is not None:
            rl_config.shapeChecking, rl_config.useA85 = saved
        if collecting:
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Run the cycle collector while a long-running loop waits (``watch`` between rebuilds,
    each of which is ``quick()``); put it back as it was after."""
    paused = not gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if paused:
            gc.disable()


def traced() -> bool:
    """Whether a tracer, a profiler or coverage measurement watches this process."""
    return (sys.gettrace() is not None or sys.getprofile() is not None
            or "COVERAGE_PROCESS_START" in os.environ or "coverage" in sys.modules)


def leave(code: int) -> None:
    """End the process with ``code``: at once, skipping the interpreter's teardown, unless
    something watches the process (then atexit handlers run and coverage data is saved).

    Every file is written and closed by the time a command returns; teardown would only free
    each object of a build one by one (about 0.1 s after a build).
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 1
    if traced():
        sys.exit(code)
    os._exit(code)
