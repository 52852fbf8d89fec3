"""Run the builders over a loaded outline and put their files in place atomically."""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import commit, limits, workers
from .errors import BuildError, DeckgenError, EnvironmentProblem, OutlineError, Problem
from .report import BuildOptions, BuildResult, Finding, Progress

if TYPE_CHECKING:  # this module stays light: a build's worker forks right after importing it
    from .loader import LoadedOutline
    from .model import Outline

BUILDERS: dict[str, str] = {
    "deck": "generator.deck:DeckBuilder",
    "brief": "generator.brief:BriefBuilder",
    "slides-pdf": "generator.slides_pdf:SlidesPdfBuilder",
    "handout": "generator.slides_pdf:HandoutBuilder",
}
"""The registry: artifact name -> 'module:class' of its builder, imported when first used,
in the order a build makes them. A new artifact is one entry here and one class that
follows ``Builder``."""

ARTIFACTS = ("deck", "brief")
"""What a build makes unless told otherwise (``--only`` chooses among ``CHOICES``)."""
CHOICES = tuple(BUILDERS)
MANIFEST = "manifest.json"
DEFAULT_EPOCH = 946684800
"""2000-01-01T00:00:00Z: the timestamp written into files when neither SOURCE_DATE_EPOCH
nor the outline's meta.date gives one."""


class Plan(Protocol):
    """What a builder's ``plan`` returns: at least the layout findings it made."""

    findings: list[Finding]


class Builder(Protocol):
    """One artifact made from the outline. Its file is called ``stem + suffix``.

    Importing the class is cheap; its library is imported by ``prepare``, ``plan`` or
    ``build``. ``plan`` translates the outline in memory; ``findings`` returns the layout
    findings (text shrunk, text that does not fit) a build would report, writing nothing and
    doing no more work than they need; ``build`` writes the file and reports those same
    findings. Content findings are the checks stage's (``checks``), not a builder's.
    """

    name: str  # 'deck': the CLI's --only value
    stem: str  # 'deck': the file's name without its suffix (deck.pdf is 'slides-pdf')
    suffix: str  # '.pptx'
    unit: str  # what ``BuildResult.count`` counts: 'slides', 'pages'

    def prepare(self) -> None:
        """Import the builder's library and read what every build needs, ahead of the outline."""
        ...

    def plan(self, outline: Outline, options: BuildOptions) -> Plan:
        """Return the artifact laid out in memory, with its layout findings; write nothing."""
        ...

    def findings(self, outline: Outline, options: BuildOptions) -> list[Finding]:
        """Return the layout findings ``build`` would report; write nothing."""
        ...

    def build(self, outline: Outline, path: Path, options: BuildOptions) -> BuildResult:
        """Write the artifact to ``path``; return what was written and the layout findings."""
        ...


@dataclass
class BuildSummary:
    """What a build wrote, what it warned about, and how long it took."""

    results: list[BuildResult]
    warnings: list[Problem]
    manifest: dict
    seconds: float = 0.0


def builder_class(name: str) -> type[Builder]:
    """Return the class of the builder called ``name``; its module is imported only now."""
    try:
        module, _, cls = BUILDERS[name].partition(":")
    except KeyError:
        raise ValueError(f"no builder '{name}'") from None
    found: type[Builder] = getattr(importlib.import_module(module), cls)
    return found


def builder(name: str) -> Builder:
    """Return a builder called ``name``."""
    return builder_class(name)()


def file_name(name: str) -> str:
    """Return the name of the file the builder ``name`` writes: its stem and suffix."""
    cls = builder_class(name)
    return cls.stem + cls.suffix


def prepare(which: tuple[str, ...] = ARTIFACTS) -> workers.Worker | None:
    """Start the process that will build the last artifact of ``which``; call before loading.

    The process imports its builder's library and reads its fonts while the outline loads.
    Pass the result to ``build``; returns None where builds run one after the other.
    """
    if len(which) < 2 or not workers.can_fork():
        return None
    name = which[-1]
    return workers.Worker(name, lambda: builder(name).prepare())


def warm(which: tuple[str, ...] = ARTIFACTS) -> None:
    """Import every builder's library in this process, so the processes that later builds
    fork from it start warm (``deckgen watch`` builds again and again)."""
    for name in which:
        builder(name).prepare()


def options_for(loaded: LoadedOutline, *, aspect: str | None = None,
                progress: Progress | None = None) -> BuildOptions:
    """Return the options of a build of ``loaded``.

    The slide shape is ``aspect`` when given, else the shape of the outline's template
    (when it is 16:9 or 4:3), else 16:9. Raises EnvironmentProblem as ``build_timestamp``.
    """
    return BuildOptions(timestamp=build_timestamp(loaded),
                        aspect=aspect or loaded.template_shape or "16:9", progress=progress,
                        template=loaded.template)


def build_timestamp(loaded: LoadedOutline,
                    environ: Mapping[str, str] | None = None) -> _dt.datetime:
    """Return the time written into every file: SOURCE_DATE_EPOCH, else meta.date, else 2000.

    Raises EnvironmentProblem when SOURCE_DATE_EPOCH is set but is not a whole number.
    """
    raw = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            epoch = int(raw)
        except ValueError:
            raise EnvironmentProblem(f"SOURCE_DATE_EPOCH is '{raw}'; expected seconds since "
                                     "1970 as a whole number") from None
        return limits.file_time_from_epoch(epoch)  # clamped to 1980-2107, what zip stores
    meta_date = loaded.outline.meta.date
    if meta_date is not None:
        return limits.file_time(_dt.datetime(meta_date.year, meta_date.month, meta_date.day,
                                             tzinfo=_dt.UTC))
    return _dt.datetime.fromtimestamp(DEFAULT_EPOCH, tz=_dt.UTC)


def check(loaded: LoadedOutline, *, which: tuple[str, ...] = ARTIFACTS,
          options: BuildOptions | None = None, strict: bool = False) -> list[Problem]:
    """Find what ``build`` with the same arguments would find, writing nothing.

    Runs the checks stage and lays out each artifact of ``which`` in memory. Returns the
    warnings; raises BuildError or OutlineError exactly where ``build`` would.
    """
    options = options or options_for(loaded)
    findings = _content_findings(loaded) + _laid_out(loaded, which, options)
    return verdict(loaded, findings, strict)


def _content_findings(loaded: LoadedOutline) -> list[Finding]:
    """Return what loading noticed and the checks stage's findings: what ``check`` and
    ``build`` both report before any layout."""
    from . import checks

    return [*loaded.findings, *checks.findings(loaded.outline)]


def _laid_out(loaded: LoadedOutline, which: tuple[str, ...],
              options: BuildOptions) -> list[Finding]:
    """Return the layout findings of the builders in ``which``, made in memory."""
    return [f for name in which for f in builder(name).findings(loaded.outline, options)]


def verdict(loaded: LoadedOutline, findings: list[Finding], strict: bool) -> list[Problem]:
    """Return the findings as located problems in file order, once each.

    Raises BuildError (every problem) when one is an error, and OutlineError (every
    warning, marked as an error under --strict) when ``strict`` and there is any warning.
    """
    problems = _problems(loaded, findings)
    if any(p.severity == "error" for p in problems):
        raise BuildError(problems)
    if strict and problems:
        raise OutlineError([_as_error(p) for p in problems])
    return problems


def build(loaded: LoadedOutline, out_dir: Path, *, which: tuple[str, ...] = ARTIFACTS,
          options: BuildOptions | None = None, strict: bool = False,
          worker: workers.Worker | None = None) -> BuildSummary:
    """Build the artifacts named in ``which`` into ``out_dir``.

    ``worker``, from ``prepare(which)``, builds the last artifact; it is closed on return.

    The checks stage runs first; when it finds an error no builder writes (each lays out in
    memory instead, so every problem is reported, as ``check`` reports it). Each file is
    written to a temporary file beside its target and renamed into place only when every
    artifact built; a failed or interrupted build leaves earlier outputs as they were.
    Returns a BuildSummary; raises BuildError when content cannot be drawn or laid out,
    OutlineError for warnings under ``strict``, EnvironmentProblem when ``out_dir`` is unusable.
    """
    started = time.perf_counter()
    options = options or options_for(loaded)
    _prepare(out_dir)
    _refuse_overwriting_inputs(loaded, out_dir, which)  # --out may not hold an input's name
    findings = _content_findings(loaded)
    temps: dict[str, Path] = {}
    results: list[BuildResult] = []
    try:
        if any(f.severity == "error" for f in findings):  # no builder writes; report all
            verdict(loaded, findings + _laid_out(loaded, which, options), strict)
        for name in which:
            temps[name] = _temp_path(out_dir, file_name(name))
        try:
            results = _run_builders(loaded, temps, options, worker)
        except OSError as exc:  # a full disk or a folder gone read-only: exit 3, say where
            fault = commit.environment_problem(exc, out_dir)
            if fault is None:
                raise
            raise fault from None
        for result in results:
            findings.extend(result.findings)
        problems = verdict(loaded, findings, strict)
        targets = {}  # temp -> target
        for name, result in zip(which, results, strict=True):
            targets[result.path] = out_dir / file_name(name)
            os.chmod(result.path, 0o644)
        manifest = make_manifest(loaded, results, problems, out_dir, targets)
        temps[MANIFEST] = _temp_path(out_dir, MANIFEST)
        temps[MANIFEST].write_bytes((json.dumps(manifest, indent=2) + "\n").encode())
        os.chmod(temps[MANIFEST], 0o644)
        targets[temps[MANIFEST]] = out_dir / MANIFEST
        commit.Commit({target: temp for temp, target in targets.items()}).run()  # all or none
        temps.clear()
        for result in results:
            result.path = targets[result.path]
    finally:
        if worker is not None:
            worker.close()
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        commit.sweep(out_dir, own=True)  # one made just before a stop, not yet in ``temps``
    return BuildSummary(results, problems, manifest, time.perf_counter() - started)


def _build_one(name: str, outline: Outline, temp: Path, options: BuildOptions) -> BuildResult:
    return builder(name).build(outline, temp, options)


def _run_builders(loaded: LoadedOutline, temps: dict[str, Path], options: BuildOptions,
                  worker: workers.Worker | None) -> list[BuildResult]:
    """Run the builders, the last in a forked process while the others run here.

    The builders share nothing but the model, so on a machine with two or more cores the
    deck and the brief are made at the same time. Where processes cannot be forked, or
    there is one builder or one core, they run one after the other. Returns the results in
    the order of ``temps``.
    """
    names = list(temps)
    if len(names) < 2 or not workers.can_fork():
        return [_build_one(n, loaded.outline, temps[n], options) for n in names]
    *here, there = names
    if worker is None or worker.name != there:
        if worker is not None:
            worker.close()
        worker = workers.Worker(there, lambda: None)
    quiet = replace(options, progress=None)  # a callback cannot cross the process boundary
    with worker:
        worker.submit(_build_one, there, loaded.outline, temps[there], quiet)
        results = [_build_one(n, loaded.outline, temps[n], options) for n in here]
        results.append(worker.result())
    return results


def make_manifest(loaded: LoadedOutline, results: list[BuildResult], warnings: list[Problem],
                  out_dir: Path, targets: dict[Path, Path] | None = None) -> dict:
    """Return the build manifest: tool, outline digest, artifacts with digests, warnings.

    ``targets`` maps a result's (temporary) path to the path the manifest names it by.
    """
    from . import __version__  # read from package metadata only when a manifest is made

    shown = {r.path: (targets or {}).get(r.path, r.path) for r in results}
    outline_bytes = loaded.path.read_bytes() if loaded.path.is_file() else b""
    return {
        "tool": "deckgen",
        "version": __version__,
        "outline": {"path": loaded.document.file, "sha256": _sha256(outline_bytes)},
        "artifacts": [
            {
                "path": str(shown[r.path].relative_to(out_dir))
                if shown[r.path].is_relative_to(out_dir) else str(shown[r.path]),
                "sha256": _sha256(r.path.read_bytes()),
                "bytes": r.path.stat().st_size,
                r.unit: r.count,
            }
            for r in results
        ],
        "warnings": [str(w) for w in warnings],
    }


def _problems(loaded: LoadedOutline, findings: list[Finding]) -> list[Problem]:
    """Return ``findings`` located in the outline's file, once each, in file order."""
    seen = set()
    out = []
    for f in findings:
        problem = loaded.problem(f.path, f.message, f.severity)
        key = (problem.line, problem.column, problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return sorted(out, key=lambda p: (p.line, p.column, p.message))


def _as_error(problem: Problem) -> Problem:
    """Return a warning as --strict reports it: still named a warning, and failing the run."""
    if problem.severity == "error":
        return problem
    return Problem(problem.file, problem.line, problem.column,
                   f"{problem.message} (an error under --strict)", problem.path, "warning")


def _prepare(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        commit.sweep(out_dir)  # temporary files of killed builds
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".deckgen-", delete=True)
        probe.close()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise EnvironmentProblem(f"{out_dir}: cannot write the output folder: {reason}; "
                                 "expected a writable folder (pass --out DIR)") from None


def _refuse_overwriting_inputs(loaded: LoadedOutline, out_dir: Path,
                               which: tuple[str, ...]) -> None:
    """Raise DeckgenError (exit 1) when a file this build writes is a file it reads."""
    from . import paths

    outputs = [out_dir / file_name(n) for n in which] + [out_dir / MANIFEST]
    clashes = paths.overwritten_inputs(outputs, inputs_of(loaded))
    if clashes:
        target, source = clashes[0]
        raise DeckgenError(f"{target}: would overwrite {source}, an input of this build; "
                           "expected --out to name another folder")


def inputs_of(loaded: LoadedOutline) -> list[Path]:
    """Return every file the build of ``loaded`` reads: the outline, template, logo, images."""
    outline = loaded.outline
    found = [loaded.path, outline.brand.template, outline.brand.logo]
    found += [getattr(slide, "image", None) for section in outline.sections
              for slide in section.slides]
    return [Path(p) for p in found if p]


def _temp_path(out_dir: Path, name: str) -> Path:
    return commit.temp_path(out_dir, name)  # named so a later build sweeps it after a kill


def _write_atomic(path: Path, data: bytes) -> None:
    temp = _temp_path(path.parent, path.name)
    try:
        temp.write_bytes(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
