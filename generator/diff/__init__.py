"""``deckgen diff``: what changed between two builds, as a reviewer reads it.

The two sides are two build folders, two outlines (each built into a temporary folder), or
the outline as it is at a git revision and as it is now. Both are read back from their
PDFs (deck.pdf and brief.pdf), compared page by page, and reported in the terminal, as
JSON, and as an HTML page with before/after images.
"""

from __future__ import annotations

import subprocess
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from ..errors import EnvironmentProblem
from .compare import Change, Comparison, compare
from .pages import Build, read
from .report import Report, as_json, summary, write

__all__ = ["Change", "Comparison", "Result", "as_json", "diff", "summary"]

ARTIFACTS = ("brief", "slides-pdf")
"""What is built of an outline to compare it: the PDFs the comparison reads."""


@dataclass
class Result:
    """A finished comparison and the report written of it (None when not asked for)."""

    comparison: Comparison
    report: Report | None
    names: tuple[str, str]


def diff(first: str, second: str | None, *, outline: Path = Path("outline.yaml"),
         report_dir: Path | None = None) -> Result:
    """Compare two builds and write the report into ``report_dir`` (if given).

    ``first`` and ``second`` are two build folders or two outline files; with no
    ``second``, ``first`` is a git revision and ``outline`` is compared as it is there and
    as it is in the working copy. Raises OutlineError when an outline is invalid,
    EnvironmentProblem when a side cannot be read or git cannot show the revision.
    """
    with ExitStack() as stack:
        if second is None and Path(first).exists():
            raise EnvironmentProblem(f"{first}: one build or outline has nothing to be compared "
                                     "with; give two, or one git revision")
        if second is None:
            names = (f"{first}:{outline.name}", f"{outline.name} (working copy)")
            old_outline = stack.enter_context(_at_revision(first, outline))
            if _same_bytes(old_outline, outline):  # one build serves both sides
                before = after = _build(outline, names[1], stack)
            else:
                before, after = _build_both((old_outline, names[0]), (outline, names[1]),
                                            stack)
        else:
            names = (first, second)
            paths = Path(first), Path(second)
            for path in paths:
                if not path.exists():
                    raise EnvironmentProblem(
                        f"{path}: no such build folder or outline; expected two output "
                        "folders, two outlines, or one git revision")
            if all(p.is_file() for p in paths):
                before, after = _build_both((paths[0], first), (paths[1], second), stack)
            else:
                before, after = (_side(p, stack) for p in paths)
        comparison = compare(before.slides, after.slides, before.pages, after.pages)
        report = (write(comparison, before, after, report_dir, names)
                  if report_dir is not None else None)
        return Result(comparison, report, names)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _side(path: Path, stack: ExitStack) -> Build:
    if path.is_dir():
        return read(path)
    if path.is_file():
        return _build(path, str(path), stack)
    raise EnvironmentProblem(f"{path}: no such build folder or outline; expected two output "
                             "folders, two outlines, or one git revision")


def _build(outline: Path, name: str, stack: ExitStack) -> Build:
    """Build the PDFs of ``outline`` into a temporary folder; return them read back."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="deckgen-diff-")))
    build_into(outline, name, folder)
    return read(folder)


def _build_both(first: tuple[Path, str], second: tuple[Path, str],
                stack: ExitStack) -> tuple[Build, Build]:
    """Build both outlines, the first in a forked process while the second builds here.

    The builders' libraries are imported (and fonts read) once, before the fork, so no
    process imports them again.
    """
    from .. import build as builds
    from .. import workers

    if not workers.can_fork():
        return _build(*first, stack), _build(*second, stack)
    builds.warm(ARTIFACTS)
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="deckgen-diff-")))
    worker = workers.Worker("diff", lambda: None)
    with worker:
        worker.submit(_build_and_read, first[0], first[1], folder)
        after = _build(*second, stack)
        before = worker.result()
    return before, after


def _build_and_read(outline: Path, name: str, folder: Path) -> Build:
    """``build_into``, then the PDFs read back (in the process that built them)."""
    build_into(outline, name, folder)
    return read(folder)


def build_into(outline: Path, name: str, folder: Path) -> None:
    """Load ``outline`` (called ``name`` in messages) and build its PDFs into ``folder``."""
    from .. import build as builds
    from ..loader import load

    loaded = load(outline, name=name)
    builds.build(loaded, folder, which=ARTIFACTS, options=builds.options_for(loaded))


class _at_revision:
    """The outline as it is at git revision ``rev``, in a hidden file beside the outline
    (so its images and theme resolve as they do now); removed on exit."""

    def __init__(self, rev: str, outline: Path):
        self.rev = rev
        self.outline = outline
        self.path: Path | None = None

    def __enter__(self) -> Path:
        folder = self.outline.parent.resolve()
        try:
            proc = subprocess.run(["git", "-C", str(folder), "show",
                                   f"{self.rev}:./{self.outline.name}"],
                                  capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise EnvironmentProblem(f"git could not be run: {exc}") from None
        if proc.returncode != 0:
            reason = proc.stderr.decode(errors="replace").strip().splitlines()
            raise EnvironmentProblem(
                f"git cannot show {self.outline.name} at '{self.rev}': "
                f"{reason[-1] if reason else 'unknown error'}")
        fd, temp = tempfile.mkstemp(prefix=".deckgen-diff-", suffix=".yaml", dir=folder)
        with open(fd, "wb") as handle:
            handle.write(proc.stdout)
        self.path = Path(temp)
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
