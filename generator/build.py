"""Run the builders over a loaded outline and put their files in place atomically."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import tempfile
import time
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, commit, limits, workers
from .errors import BuildError, DeckgenError, EnvironmentProblem, OutlineError, Problem
from .report import BuildOptions, BuildResult, Finding

if TYPE_CHECKING:  # this module stays light: a build's worker forks right after importing it
    from .outline import LoadedOutline

ARTIFACTS = ("deck", "brief")
FILE_NAMES = {"deck": "deck.pptx", "brief": "brief.pdf"}
MANIFEST = "manifest.json"
DEFAULT_EPOCH = 946684800
"""2000-01-01T00:00:00Z: the timestamp written into files when neither SOURCE_DATE_EPOCH
nor the outline's meta.date gives one."""


@dataclass
class BuildSummary:
    """What a build wrote, what it warned about, and how long it took."""

    results: list[BuildResult]
    warnings: list[Problem]
    manifest: dict
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)


def builder(name: str):
    """Return the builder called ``name``; its library is imported only now."""
    if name == "deck":
        from .deck import DeckBuilder

        return DeckBuilder()
    if name == "brief":
        from .brief import BriefBuilder

        return BriefBuilder()
    raise ValueError(f"no builder '{name}'")


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
                progress: object = None) -> BuildOptions:
    """Return the options of a build of ``loaded``.

    The slide shape is ``aspect`` when given, else the shape of the outline's template
    (when it is 16:9 or 4:3), else 16:9. Raises EnvironmentProblem as ``build_timestamp``.
    """
    return BuildOptions(timestamp=build_timestamp(loaded),
                        aspect=aspect or loaded.template_shape or "16:9", progress=progress)


def build_timestamp(loaded: LoadedOutline, environ: dict | None = None) -> _dt.datetime:
    """Return the time written into every file: SOURCE_DATE_EPOCH, else meta.date, else 2000.

    Raises EnvironmentProblem when SOURCE_DATE_EPOCH is set but is not a whole number.
    """
    environ = os.environ if environ is None else environ
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
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


def check(loaded: LoadedOutline, options: BuildOptions | None = None) -> list[Problem]:
    """Lint the outline and lay the deck out in memory; return every finding as a Problem."""
    options = options or options_for(loaded)
    from . import lint

    findings = list(lint.findings(loaded.outline))
    plan = builder("deck").plan(loaded.outline, options)
    findings.extend(getattr(plan, "findings", []))
    return _problems(loaded, findings)


def build(loaded: LoadedOutline, out_dir: Path, *, which: tuple[str, ...] = ARTIFACTS,
          options: BuildOptions | None = None, strict: bool = False,
          worker: workers.Worker | None = None) -> BuildSummary:
    """Build the artifacts named in ``which`` into ``out_dir``.

    ``worker``, from ``prepare(which)``, builds the last artifact; it is closed on return.

    Each file is written to a temporary file beside its target and renamed into place only
    when every artifact built; a failed or interrupted build leaves earlier outputs as they
    were. Returns a BuildSummary; raises BuildError when content cannot be laid out,
    OutlineError for warnings under ``strict``, EnvironmentProblem when ``out_dir`` is unusable.
    """
    started = time.perf_counter()
    options = options or options_for(loaded)
    _prepare(out_dir)
    _refuse_overwriting_inputs(loaded, out_dir, which)  # --out may not hold an input's name
    from . import lint

    findings = list(lint.findings(loaded.outline))
    temps: dict[str, Path] = {}
    results: list[BuildResult] = []
    try:
        for name in which:
            temps[name] = _temp_path(out_dir, FILE_NAMES[name])
        try:
            results = _run_builders(loaded, temps, options, worker)
        except OSError as exc:  # a full disk or a folder gone read-only: exit 3, say where
            fault = commit.environment_problem(exc, out_dir)
            if fault is None:
                raise
            raise fault from None
        for result in results:
            findings.extend(result.findings)
        problems = _problems(loaded, findings)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise BuildError(errors)
        if strict and problems:
            raise OutlineError([_as_error(p) for p in problems])
        targets = {}  # temp -> target
        for result in results:
            name = next(n for n, t in temps.items() if t == result.path)
            targets[result.path] = out_dir / FILE_NAMES[name]
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
        written = [result.path for result in results]
    finally:
        if worker is not None:
            worker.close()
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return BuildSummary(results, problems, manifest, time.perf_counter() - started, written)


def _build_one(name: str, outline, temp: Path, options: BuildOptions) -> BuildResult:
    result = builder(name).build(outline, temp, options)
    if temp.suffix == ".pptx":
        normalise_zip(temp, options.timestamp)
    return result


def _run_builders(loaded: LoadedOutline, temps: dict[str, Path], options: BuildOptions,
                  worker: workers.Worker | None) -> list[BuildResult]:
    """Run the builders, the last in a forked process while the others run here.

    The builders share nothing but the model, so on a machine with two or more cores the
    deck and the brief are made at the same time. Where processes cannot be forked, or
    there is one builder or one core, they run one after the other.
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


def normalise_zip(path: Path, when: _dt.datetime) -> None:
    """Rewrite the zip at ``path`` with every entry stamped ``when``, in a fixed order."""
    stamp = when.astimezone(_dt.UTC).timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(path) as src:
        if _is_normal(src, stamp):
            return  # the deck builder writes its zip this way; rewriting would change nothing
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    first = [e for e in entries if e[0] == "[Content_Types].xml"]
    rest = [e for e in entries if e[0] != "[Content_Types].xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in first + rest:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            dst.writestr(info, data)


def _is_normal(src: zipfile.ZipFile, stamp: tuple) -> bool:
    """Whether every entry of ``src`` is already as ``normalise_zip`` would write it."""
    infos = src.infolist()
    return (bool(infos) and infos[0].filename == "[Content_Types].xml" and not src.comment
            and all(i.date_time == stamp and i.compress_type == zipfile.ZIP_DEFLATED
                    and i.external_attr == 0o644 << 16 and i.create_system == 3
                    and not i.extra and not i.comment for i in infos))


def _problems(loaded: LoadedOutline, findings: list[Finding]) -> list[Problem]:
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
    return Problem(problem.file, problem.line, problem.column,
                   f"{problem.message} (an error under --strict)", problem.path, "error")


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

    outputs = [out_dir / FILE_NAMES[n] for n in which] + [out_dir / MANIFEST]
    clashes = paths.overwritten_inputs(outputs, inputs_of(loaded))
    if clashes:
        target, source = clashes[0]
        raise DeckgenError(f"{target}: would overwrite {source}, an input of this build; "
                           "expected --out to name another folder")


def inputs_of(loaded: LoadedOutline) -> list[Path]:
    """Return every file the build of ``loaded`` reads: the outline, template, logo, images."""
    outline = loaded.outline
    found = [loaded.path, outline.brand.template, outline.brand.logo]
    found += [slide.image for section in outline.sections for slide in section.slides
              if getattr(slide, "image", None)]
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
