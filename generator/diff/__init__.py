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
from typing import TYPE_CHECKING

from ..errors import EnvironmentProblem
from . import cache as _cache
from .compare import Change, Comparison, compare
from .pages import BRIEF, SLIDES, Build, brief_of, read, slides_of

if TYPE_CHECKING:
    from .report import Report

__all__ = ["Change", "Comparison", "Result", "diff"]

ARTIFACTS = ("brief", "slides-pdf")
"""What is built of an outline to compare it: the PDFs the comparison reads."""


@dataclass
class Result:
    """A finished comparison and the report written of it (None when not asked for)."""

    comparison: Comparison
    report: Report | None
    names: tuple[str, str]


def diff(first: str, second: str | None, *, outline: Path = Path("outline.yaml"),
         report_dir: Path | None = None, cache: bool = True, brand: str | None = None,
         aspect: str | None = None) -> Result:
    """Compare two builds and write the report into ``report_dir`` (if given).

    ``first`` and ``second`` are two build folders or two outline files; with no
    ``second``, ``first`` is a git revision and ``outline`` is compared as it is there and
    as it is in the working copy. An outline's build is reused from the cache
    (``diff.cache``) when nothing it reads has changed, unless ``cache`` is False. Outlines
    are built with ``brand`` and ``aspect`` as ``deckgen build`` takes them.
    Raises OutlineError when an outline is invalid, EnvironmentProblem when a side cannot
    be read or git cannot show the revision.
    """
    with ExitStack() as stack:
        sides = _Sides(stack, _cache.folder() if cache else None, _Way(brand, aspect))
        if second is None and Path(first).exists():
            raise EnvironmentProblem(f"{first}: one build or outline has nothing to be compared "
                                     "with; give two, or one git revision")
        if second is None:
            names = (f"{first}:{outline.name}", f"{outline.name} (working copy)")
            old_outline = stack.enter_context(_at_revision(first, outline))
            if _same_bytes(old_outline, outline):  # one build serves both sides
                before = after = sides.build(outline, names[1])
            else:
                before, after = sides.build_both((old_outline, names[0]),
                                                 (outline, names[1]))
        else:
            names = (first, second)
            paths = Path(first), Path(second)
            for path in paths:
                if not path.exists():
                    raise EnvironmentProblem(
                        f"{path}: no such build folder or outline; expected two output "
                        "folders, two outlines, or one git revision")
            if all(p.is_file() for p in paths):
                before, after = sides.build_both((paths[0], first), (paths[1], second))
            else:
                before, after = (read(p) if p.is_dir() else sides.build(p, str(p))
                                 for p in paths)
        from .report import write  # images: imported once both sides are built

        comparison = compare(before.slides, after.slides, before.pages, after.pages)
        report = (write(comparison, before, after, report_dir, names)
                  if report_dir is not None else None)
        return Result(comparison, report, names)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


@dataclass(frozen=True)
class _Way:
    """How both sides are built: ``deckgen build``'s --brand and --aspect."""

    brand: str | None = None
    aspect: str | None = None


class _Sides:
    """Builds outlines into temporary folders (removed with ``stack``) and reads them back,
    or takes them from the cache folder ``cache`` when they were built before."""

    def __init__(self, stack: ExitStack, cache: Path | None, way: _Way):
        self.stack = stack
        self.cache = cache
        self.way = way

    def _folder(self) -> Path:
        return Path(self.stack.enter_context(tempfile.TemporaryDirectory(prefix="deckgen-diff-")))

    def build(self, outline: Path, name: str) -> Build:
        """Build the PDFs of ``outline`` (called ``name`` in messages); return them read back."""
        return self.build_all([(outline, name)])[0]

    def build_both(self, first: tuple[Path, str], second: tuple[Path, str]
                   ) -> tuple[Build, Build]:
        """Build two outlines (each a path and its name in messages); return them read back."""
        before, after = self.build_all([first, second])
        return before, after

    def build_all(self, outlines: list[tuple[Path, str]]) -> list[Build]:
        """Build the PDFs of each outline, or take them from the cache; return them read back.

        Each artifact is made by one process for every side: where a second core can be
        used, a process forked before the outlines are even read makes the briefs (it
        imports its library and reads its fonts meanwhile) while this one makes the slides.
        """
        from .. import workers

        worker = workers.Worker(_BRIEF, _warm_brief) if workers.can_fork() else None
        with ExitStack() as own:
            if worker is not None:
                own.enter_context(worker)  # stopped on leaving, if still running
            loaded = [_load(path, name, self.cache, self.way) for path, name in outlines]
            kept = [_cache.get(self.cache, digest) if self.cache and digest else None
                    for _, digest in loaded]
            wanted = [side for (side, _), build in zip(loaded, kept, strict=True)
                      if build is None]
            made = iter(self._make(wanted, worker) if wanted else [])
        out = []
        for (_, digest), build in zip(loaded, kept, strict=True):
            if build is None:
                build = next(made)
                if self.cache and digest:
                    build = _cache.put(self.cache, digest, build)
            out.append(build)
        return out

    def _make(self, sides: list, worker) -> list[Build]:
        """Build and read back the PDFs of the loaded outlines ``sides``: the briefs in
        ``worker`` (if any), one after the other, while the slides are made and read here;
        each brief is read here while the worker makes the next."""
        from .. import build as builds
        from ..errors import BuildError, OutlineError

        made = [(side, self._folder(), self._folder(), _options(side, self.way))
                for side in sides]
        try:
            if worker is not None:
                for side, folder, _, options in made:  # the outlines cross as loaded
                    worker.submit(_make_part, _BRIEF, side, folder, options)
            builds.warm((_SLIDES,))
            slides = []
            for side, _, folder, options in made:
                _make_part(_SLIDES, side, folder, options)
                slides.append(slides_of(folder / SLIDES))
            briefs = []
            for side, folder, _, options in made:  # each read while the next is made
                if worker is not None:
                    worker.result()
                else:
                    _make_part(_BRIEF, side, folder, options)
                briefs.append(brief_of(folder / BRIEF))
        except (BuildError, OutlineError):
            if worker is not None:
                worker.close()
            for side in sides:  # every problem of the first side that has any, as a
                builds.build(side, self._folder(), which=ARTIFACTS,  # whole build finds them
                             options=_options(side, self.way))
            raise
        return [Build(s, b, sf / SLIDES, bf / BRIEF)
                for s, b, (_, bf, sf, _) in zip(slides, briefs, made, strict=True)]


_BRIEF, _SLIDES = ARTIFACTS


def _warm_brief() -> None:
    """Ready a process to build briefs, before any outline reaches it."""
    from .. import build as builds

    builds.builder(_BRIEF).prepare()


def _make_part(name: str, loaded, folder: Path, options) -> None:
    """Build the artifact ``name`` of ``loaded`` into ``folder`` with ``options``."""
    from .. import build as builds

    builds.build(loaded, folder, which=(name,), options=options)


def _load(outline: Path, name: str, cache: Path | None, way: _Way):
    """Load ``outline``; return it with its cache digest (None without a cache)."""
    from ..loader import load

    loaded = load(outline, name=name, brand=way.brand)
    if cache is None:
        return loaded, None
    return loaded, _cache.key(loaded, _options(loaded, way))


def _options(loaded, way: _Way):
    from .. import build as builds

    return builds.options_for(loaded, aspect=way.aspect)


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
                f"git cannot show {self.outline} at '{self.rev}': "
                f"{reason[-1] if reason else 'unknown error'}")
        fd, temp = tempfile.mkstemp(prefix=".deckgen-diff-", suffix=".yaml", dir=folder)
        with open(fd, "wb") as handle:
            handle.write(proc.stdout)
        self.path = Path(temp)
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
