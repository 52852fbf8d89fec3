"""Paths an outline names and files deckgen writes: length, containment, special files."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath

MAX_PATH = 1024
"""Longest path an outline may name, in characters."""
MAX_NAME = 255
"""Longest name of one folder or file in a path, in bytes (the usual file system limit)."""


def name_problem(value: str) -> str | None:
    """Return what is wrong with path ``value`` as written (too long, a NUL), or None."""
    shown = value if len(value) <= 40 else value[:37] + "..."
    if "\x00" in value:
        return f"'{shown}' holds a NUL character; expected a file path"
    if len(value) > MAX_PATH:
        return f"the path '{shown}' is {len(value):,} characters; expected at most {MAX_PATH:,}"
    for part in PurePath(value).parts:
        if len(part.encode("utf-8", "surrogateescape")) > MAX_NAME:
            return (f"the path '{shown}' has a name of more than {MAX_NAME} bytes; expected "
                    "shorter file and folder names")
    return None


def inside(target: Path, folder: Path) -> bool:
    """Whether ``target`` is ``folder`` or lies under it (both resolved)."""
    return target == folder or folder in target.parents


def special(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file or folder (a FIFO, device, socket).

    Looks with stat only: a FIFO is never opened (opening one waits for a writer).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def theme_problem(name: str, base_dir: Path, root: Path, allow_outside: bool,
                  bundled: Path) -> str | None:
    """Return what is wrong with theme file ``name`` (relative to ``base_dir``), or None.

    A theme file goes through the same checks as every other path the outline names: a
    length limit, and (unless ``allow_outside``) a place inside the outline's folder
    ``root`` or among the bundled themes.
    """
    fault = name_problem(name)
    if fault or not name.endswith((".yaml", ".yml")):
        return fault
    target = (base_dir / name).resolve()
    if special(target):
        return f"'{name}' is not a regular file (a FIFO or device); expected a theme .yaml file"
    if allow_outside or inside(target, root.resolve()) or inside(target, bundled.resolve()):
        return None
    return (f"'{name}' is outside the outline's folder; expected a path inside it (or build "
            "with --allow-outside)")


def overwritten_inputs(outputs: list[Path], inputs: list[Path]) -> list[tuple[Path, Path]]:
    """Return (output, input) for each output file that is also an input of the build."""
    def key(path: Path):
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    seen = {}
    for path in inputs:
        k = key(path)
        if k is not None:
            seen[k] = path
        seen[("path", str(path.resolve()))] = path
    out = []
    for target in outputs:
        k = key(target)
        match = seen.get(k) if k is not None else None
        match = match or seen.get(("path", str(target.resolve())))
        if match is not None:
            out.append((target, match))
    return out


def write_new(target: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``target``, never through a symbolic link.

    Without ``force`` an existing file is left alone (FileExistsError); a link in its place
    fails (OSError ELOOP) with or without. Raises OSError.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    fd = os.open(target, flags, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
