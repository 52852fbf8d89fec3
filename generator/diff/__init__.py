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
from . import cache as _cache
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
        comparison = compare(before.slides, after.slides, before.pages, after.pages)
        report = (write(comparison, before, after, report_dir, names)
                  if report_dir is not None else None)
        return Result(comparison, report, names)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class _Sides:
    """Builds outlines into temporary folders (removed with ``stack``) and reads them back,
    or takes them from the cache folder ``cache`` when they were built before."""

    def __init__(self, stack: ExitStack, cache: Path | None, way: _Way):
        self.stack = stack
        self.cache = cache
        self.way = way

    def _folder(self) -> Path:
        return Path(self.stack.enter_context(tempfile.TemporaryDirectory(prefix="deckgen-diff-")))

    def _kept(self, digest: str | None) -> Build | None:
        return _cache.get(self.cache, digest) if self.cache and digest else None

    def build(self, outline: Path, name: str) -> Build:
        """Build the PDFs of ``outline`` (called ``name`` in messages); return them read back."""
        loaded, digest = _load(outline, name, self.cache, self.way)
        return self._kept(digest) or _build_and_read(loaded, self._folder(), self.cache, digest,
                                                     self.way)

    def build_both(self, first: tuple[Path, str], second: tuple[Path, str]
                   ) -> tuple[Build, Build]:
        """Build both outlines; when neither is in the cache, the first is built in a
        forked process while the second builds here.

        The builders' libraries are imported (and fonts read) once, before the fork, so no
        process imports them again.
        """
        from .. import build as builds
        from .. import workers

        loaded = [_load(path, name, self.cache, self.way) for path, name in (first, second)]
        kept = [self._kept(digest) for _, digest in loaded]
        if kept[0] or kept[1] or not workers.can_fork():
            before, after = (build or _build_and_read(side, self._folder(), self.cache, digest,
                                                      self.way)
                             for build, (side, digest) in zip(kept, loaded, strict=True))
            return before, after
        builds.warm(ARTIFACTS)
        folder = self._folder()
        worker = workers.Worker("diff", lambda: None)
        with worker:
            worker.submit(_load_build_and_read, *first, folder, self.cache, loaded[0][1],
                          self.way)
            after = _build_and_read(loaded[1][0], self._folder(), self.cache, loaded[1][1],
                                    self.way)
            before = worker.result()
        return before, after


@dataclass(frozen=True)
class _Way:
    """How both sides are built: ``deckgen build``'s --brand and --aspect."""

    brand: str | None = None
    aspect: str | None = None


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


def _load_build_and_read(outline: Path, name: str, folder: Path, cache: Path | None,
                         digest: str | None, way: _Way) -> Build:
    """``_build_and_read`` of the outline at ``outline`` (for a forked process)."""
    from ..loader import load

    return _build_and_read(load(outline, name=name, brand=way.brand), folder, cache, digest,
                           way)


def _build_and_read(loaded, folder: Path, cache: Path | None, digest: str | None,
                    way: _Way) -> Build:
    """Build the PDFs of ``loaded`` into ``folder``; return them read back (in the process
    that built them), kept in ``cache`` under ``digest`` when both are given."""
    from .. import build as builds

    builds.build(loaded, folder, which=ARTIFACTS, options=_options(loaded, way))
    built = read(folder)
    return _cache.put(cache, digest, built) if cache and digest else built


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
