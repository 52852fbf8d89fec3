"""The deckgen command line: the only module that prints or exits."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import runtime
from .errors import BuildError, DeckgenError, EnvironmentProblem, OutlineError, count

if TYPE_CHECKING:
    from .report import Progress
    from .watch import LastBuild

OUTLINE = click.argument("outline", default="outline.yaml", required=False,
                         type=click.Path(dir_okay=True, path_type=Path))


def _err(message: str) -> None:
    click.echo(message, err=True)


INTERNAL_ERROR = 1
"""The exit code of an internal error (a bug) for every command but ``diff``."""

DIFF_INTERNAL_ERROR = 4
"""``deckgen diff``'s exit code for an internal error: 1 already means 'changed'."""


def _report_bug(exc: Exception, debug: bool) -> None:
    """Print an unexpected exception as one line; the traceback too under ``--debug``."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    _err(f"deckgen: internal error: {type(exc).__name__}: {exc}"
         + ("" if debug else " (run 'deckgen --debug ...' for the traceback)"))


def _reports_errors(func: Callable) -> Callable:
    """Turn deckgen errors into messages and exit codes; anything else is a bug."""
    return _reporting()(func)


def _reporting(*, outline_exit: int | None = None, summary: str | None = None,
               outcome: str = "nothing was written",
               bug_exit: int = INTERNAL_ERROR) -> Callable[[Callable], Callable]:
    """Return a decorator that turns deckgen errors into messages and exit codes.

    An invalid outline prints its problems, then ``summary`` (else the count of problems)
    and ``outcome``, and exits ``outline_exit`` (else the error's own code); a bug exits
    ``bug_exit`` (``diff`` keeps 1 for 'changed').
    """

    def decorate(func: Callable) -> Callable:
        @wraps(func)
        def wrapper(*args, **kwargs):
            ctx = click.get_current_context()
            debug = (ctx.find_root().params or {}).get("debug", False)
            try:
                return func(*args, **kwargs)
            except (OutlineError, BuildError) as exc:
                for problem in exc.problems:
                    _err(str(problem))
                said = summary or _tally(exc.problems)
                _err(f"deckgen: {said}; {outcome}")
                ctx.exit(exc.exit_code if outline_exit is None else outline_exit)
            except DeckgenError as exc:
                _err(f"deckgen: {exc}")
                ctx.exit(exc.exit_code)
            except KeyboardInterrupt:
                _err(f"deckgen: interrupted; {outcome}")
                ctx.exit(130)
            except click.exceptions.Exit:
                raise
            except Exception as exc:  # a bug: say so plainly, the traceback only on request
                from .commit import environment_problem

                fault = environment_problem(exc)  # a full disk, a read-only folder: exit 3
                if fault is not None:
                    _err(f"deckgen: {fault}")
                    ctx.exit(fault.exit_code)
                _report_bug(exc, debug)
                ctx.exit(bug_exit)

        return wrapper

    return decorate


def _tally(problems) -> str:
    """Return '2 errors', or '1 error and 3 warnings' when warnings came with them."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    said = count(errors, "error")
    return f"{said} and {count(warnings, 'warning')}" if warnings else said


def _counted(result) -> str:
    """Return how many slides or pages a builder wrote: '1 page', '12 slides'."""
    return count(result.count, result.unit.removesuffix("s"), result.unit)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _load(outline: Path, allow_outside: bool = False, brand: str | None = None):
    from .loader import load

    return load(outline, name=str(outline), allow_outside=allow_outside, brand=brand)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version and stop; the version is read only here, not on every start."""
    if not value or ctx.resilient_parsing:
        return
    from . import __version__

    click.echo(f"deckgen, version {__version__}")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit.")
@click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")
def main(debug: bool) -> None:
    """Compile one YAML outline into an editable deck (.pptx) and a PDF brief.

    \b
    Example:
      deckgen init my-brief && cd my-brief
      deckgen build            # writes output/deck.pptx and output/brief.pdf
    """


CHOICES = ("deck", "brief", "slides-pdf", "handout")
"""The --only choices: the names in ``build.BUILDERS``, written out so that ``--help`` does
not import the build module (a test keeps the two alike)."""


def _build_options(command: Callable) -> Callable:
    """Add the options that ``build`` and ``check`` share, so a check predicts the build."""
    for option in reversed([
        click.option("--only", multiple=True, metavar="ARTIFACT", type=click.Choice(CHOICES),
                     help="Build this artifact (repeat for more): deck (deck.pptx), brief "
                          "(brief.pdf), slides-pdf (deck.pdf), handout (handout.pdf) "
                          "[default: deck and brief]."),
        click.option("--strict", is_flag=True, help="Treat every warning as an error (exit 1)."),
        click.option("--brand",
                     help="Use a bundled theme (see 'deckgen themes') or a theme file "
                          "instead of the outline's; the outline's template stays unless "
                          "that theme names its own."),
        click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
                     help="Slide shape [default: the template's, else 16:9]."),
        click.option("--allow-outside", is_flag=True,
                     help="Allow image and logo paths outside the outline's folder."),
    ]):
        command = option(command)
    return command


@main.command()
@OUTLINE
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write into.")
@_build_options
@click.option("--handout-layout", type=click.Choice(["1", "3"]), default="1", show_default=True,
              help="Slides per handout page: 1 with its notes, 3 with lines for notes.")
@click.option("--json", "as_json", is_flag=True, help="Print the build manifest as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@_reports_errors
def build(outline: Path, out_dir: Path, only: tuple[str, ...], strict: bool,
          brand: str | None, aspect: str | None, allow_outside: bool, handout_layout: str,
          as_json: bool, quiet: bool) -> None:
    """Build output/deck.pptx and output/brief.pdf from OUTLINE (default: outline.yaml).

    \b
    Example:
      deckgen build outline.yaml --out output --strict
      SOURCE_DATE_EPOCH=1735689600 deckgen build --only deck --json
      deckgen build --only slides-pdf --only handout --handout-layout 3
    """
    from dataclasses import replace

    from . import build as builds

    which = tuple(n for n in builds.CHOICES if n in only) if only else builds.ARTIFACTS
    worker = builds.prepare(which)  # its library loads while the outline does
    try:
        loaded = _load(outline, allow_outside, brand)
        options = replace(builds.options_for(loaded, aspect=aspect, progress=_progress(quiet)),
                          handout_layout=int(handout_layout))
        summary = builds.build(loaded, out_dir, which=which, options=options, strict=strict,
                               worker=worker)
    finally:
        if worker is not None:
            worker.close()
    if not quiet:
        for warning in summary.warnings:
            _err(str(warning))
    if as_json:
        click.echo(json.dumps(summary.manifest, indent=2))
    if not quiet:
        parts = [f"{_display(r.path)} ({_counted(r)})" for r in summary.results]
        _err(f"wrote {', '.join(parts)} in {summary.seconds:.1f} s")


def _progress(quiet: bool) -> Progress | None:
    """Return a progress callback for an interactive terminal, or None."""
    import os

    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        if total >= 100:
            end = "\n" if done == total else ""
            click.echo(f"\rbuilding slide {done}/{total}", err=True, nl=False)
            if end:
                click.echo("", err=True)

    return show


@main.command()
@OUTLINE
@_build_options
@_reports_errors
def check(outline: Path, only: tuple[str, ...], strict: bool, brand: str | None,
          aspect: str | None, allow_outside: bool) -> None:
    """Validate OUTLINE and lay it out in memory; write nothing.

    \b
    Takes build's options and reports exactly what 'deckgen build' with them would, with the
    same exit code: every problem as FILE:LINE:COL: path: message, and warnings for text
    shrunk below its size, low colour contrast, missing notes or sources, crowded slides.
    Example:
      deckgen check outline.yaml --strict --aspect 4:3
    """
    from . import build as builds

    which = tuple(n for n in builds.CHOICES if n in only) if only else builds.ARTIFACTS
    loaded = _load(outline, allow_outside, brand)
    options = builds.options_for(loaded, aspect=aspect)
    problems = builds.check(loaded, which=which, options=options, strict=strict)
    for problem in problems:
        _err(str(problem))
    outline_model = loaded.outline
    slides = sum(len(s.slides) for s in outline_model.sections)
    _err(f"{outline}: ok ({count(len(outline_model.sections), 'section')}, "
         f"{count(slides, 'slide')} in the outline, {count(len(problems), 'warning')})")


@main.command()
@_reports_errors
def schema() -> None:
    """Print the outline format as a JSON Schema.

    \b
    Example (editor completion with the YAML language server):
      deckgen schema > docs/outline.schema.json
      # first line of outline.yaml:
      # yaml-language-server: $schema=./docs/outline.schema.json
    """
    from .model import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("directory", default=".", required=False,
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing outline.yaml.")
@_reports_errors
def init(directory: Path, force: bool) -> None:
    """Write a small starter outline.yaml into DIRECTORY (default: here).

    \b
    Example:
      deckgen init my-brief && deckgen build my-brief/outline.yaml --out my-brief/output
    """
    starter = Path(__file__).parent / "starter" / "outline.yaml"
    target = directory / "outline.yaml"
    if target.is_symlink():
        raise EnvironmentProblem(f"{target}: is a symbolic link; expected no file there or a "
                                 "plain one (deckgen does not write through links)")
    if target.exists() and not force:
        raise EnvironmentProblem(f"{target}: already exists; pass --force to overwrite it")
    from .paths import write_new

    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_new(target, starter.read_text(encoding="utf-8"), force=force)  # O_NOFOLLOW
    except OSError as exc:
        raise EnvironmentProblem(f"{directory}: cannot write: {exc.strerror or exc}") from None
    _err(f"wrote {target}; next: deckgen build {target} --out {directory / 'output'}")


def _rebuild(outline: Path, out_dir: Path, brand: str | None, aspect: str | None,
             allow_outside: bool, last: LastBuild | None = None) -> set[Path]:
    """Build once for watch: report problems without exiting; return the files to watch.

    With ``last``, a save that leaves the outline's content and its files as they were last
    built is reported and nothing is built.
    """
    import time

    from . import build as builds
    from . import source
    from .watch import brand_files, used_files

    started = time.perf_counter()
    try:
        data = source.read(outline, str(outline)).data
    except DeckgenError:
        data = None
    files = used_files(outline, data)
    if brand:
        files |= used_files(outline, brand)
    try:
        loaded = _load(outline, allow_outside, brand)
        files |= brand_files(loaded.outline)
        options = builds.options_for(loaded, aspect=aspect)
        outputs = [out_dir / builds.file_name(n) for n in builds.ARTIFACTS]
        if last is not None and last.same(loaded.outline, outline, files, outputs):
            _err(f"[{time.strftime('%H:%M:%S')}] no change to the content; "
                 f"{', '.join(_display(p) for p in outputs)} left as they are")
            return files
        with runtime.quick():
            summary = builds.build(loaded, out_dir, options=options)
    except (OutlineError, BuildError) as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err("deckgen: not rebuilt; fix the outline and save again")
        return files
    except DeckgenError as exc:
        _err(f"deckgen: {exc}")
        return files
    except Exception as exc:  # noqa: BLE001 - watching goes on; the next save may fix it
        from .commit import environment_problem

        fault = environment_problem(exc)
        _err(f"deckgen: {fault}" if fault else f"deckgen: internal error: "
             f"{type(exc).__name__}: {str(exc)[:300]}; not rebuilt, still watching")
        return files
    for warning in summary.warnings:
        _err(str(warning))
    parts = [f"{_display(r.path)} ({_counted(r)})" for r in summary.results]
    _err(f"[{time.strftime('%H:%M:%S')}] wrote {', '.join(parts)} in "
         f"{time.perf_counter() - started:.2f} s")
    if last is not None:
        last.record(loaded.outline, outline, files, outputs)
    return files


@main.command()
@OUTLINE
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write into.")
@click.option("--brand", help="Use a bundled theme or a theme file instead of the outline's "
                             "(its template stays unless that theme names its own).")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Slide shape [default: the template's, else 16:9].")
@click.option("--allow-outside", is_flag=True,
              help="Allow image and logo paths outside the outline's folder.")
@click.option("--interval", default=0.02, show_default=True, help="Seconds between looks.")
def watch(outline: Path, out_dir: Path, brand: str | None, aspect: str | None,
          allow_outside: bool, interval: float) -> None:
    """Rebuild whenever OUTLINE, a theme or an image it uses changes. Ctrl+C stops.

    \b
    Problems are reported and watching goes on; the last good files stay in place.
    Example:
      deckgen watch outline.yaml --out output
    """
    from . import build as builds
    from .watch import LastBuild, Watcher

    last = LastBuild()

    def rebuild() -> set[Path]:
        return _rebuild(outline, out_dir, brand, aspect, allow_outside, last)

    _err(f"watching {outline} (Ctrl+C to stop)")
    watcher = Watcher(rebuild(), rebuild)
    builds.warm()  # each rebuild's brief process now starts with reportlab and fonts loaded
    try:
        with runtime.collecting():  # a long-running process: collect between rebuilds
            watcher.run(interval)
    except KeyboardInterrupt:
        _err("stopped watching")


@main.command()
@OUTLINE
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to build into; images go to its preview/ folder.")
@click.option("--strict", is_flag=True, help="Treat every warning as an error (exit 1).")
@click.option("--brand", help="Use a bundled theme or a theme file instead of the outline's "
                             "(its template stays unless that theme names its own).")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Slide shape [default: the template's, else 16:9].")
@click.option("--allow-outside", is_flag=True,
              help="Allow image and logo paths outside the outline's folder.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@_reports_errors
def preview(outline: Path, out_dir: Path, strict: bool, brand: str | None, aspect: str | None,
            allow_outside: bool, quiet: bool) -> None:
    """Build, then render every slide and brief page to PNG, with a contact sheet.

    \b
    Slides are drawn from deck.pdf (built too) and pages from brief.pdf by PDFium, which
    comes with pip: no LibreOffice needed. Into OUT/preview/: slide-N.png, page-N.png and
    contact-sheet.png.
    Example:
      deckgen preview outline.yaml
    """
    from . import build as builds
    from . import preview as previews

    loaded = _load(outline, allow_outside, brand)
    options = builds.options_for(loaded, aspect=aspect, progress=_progress(quiet))
    summary = builds.build(loaded, out_dir, which=("deck", "brief", "slides-pdf"),
                           options=options, strict=strict)
    if not quiet:
        for warning in summary.warnings:
            _err(str(warning))
    written = previews.preview(out_dir / builds.file_name("slides-pdf"),
                               out_dir / builds.file_name("brief"), out_dir / "preview")
    if not quiet:
        _err(f"wrote {len(written['slides'])} slide images, {len(written['pages'])} page "
             f"images and {_display(written['sheet'][0])} in {summary.seconds:.1f} s (build)")


@main.command("diff")
@click.argument("first")
@click.argument("second", required=False)
@click.option("--outline", "outline_path", default="outline.yaml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="With one REV: the outline to compare at REV and in the working copy.")
@click.option("--report", "report_dir", default="output/diff", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report.html and its PNGs.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--brand", help="Build both sides with a bundled theme or a theme file.")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]),
              help="Build both sides in this slide shape [default: the template's, else "
                   "16:9].")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Build both sides even when a build of the same inputs is kept "
                   "(in $DECKGEN_CACHE_DIR, else ~/.cache/deckgen).")
@_reporting(outline_exit=2, summary="an outline could not be built",
            outcome="nothing was compared", bug_exit=DIFF_INTERNAL_ERROR)
def diff(first: str, second: str | None, outline_path: Path, report_dir: Path,
         as_json: bool, brand: str | None, aspect: str | None, no_cache: bool) -> None:
    """Show what changed between two builds: slides and brief pages added, removed, moved
    and changed, with the changed text; writes an HTML report with before/after images.

    \b
    FIRST SECOND are two build folders (with deck.pdf/brief.pdf) or two outlines; a lone
    FIRST is a git revision: the outline there against the working copy.
    Exit 0 when nothing changed, 1 when something did, 2 for an invalid outline, 3 when
    a side cannot be read, 4 for an internal error (a bug; --debug shows the traceback).
    Example:
      deckgen diff main                     # outline.yaml at main vs now
      deckgen diff old/output new/output --json
    """
    from . import diff as diffs

    result = diffs.diff(first, second, outline=outline_path, report_dir=report_dir,
                         cache=not no_cache, brand=brand, aspect=aspect)
    if as_json:
        click.echo(json.dumps(diffs.as_json(result.comparison, result.report), indent=2,
                              ensure_ascii=False))
    else:
        for line in diffs.summary(result.comparison, result.report):
            click.echo(line)
    sys.exit(1 if result.comparison.changed else 0)


@main.command("check-template")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_reports_errors
def check_template(template: Path) -> None:
    """Report which slide kinds TEMPLATE (.pptx or .potx) can hold, and on which layouts.

    \b
    Exit 0 when every kind can be placed, 1 otherwise. Use it in brand.template.
    Example:
      deckgen check-template corporate.pptx
    """
    from .deck import template_report

    try:
        lines, ok = template_report.check(template)
    except template_report.TemplateProblem as exc:
        _err(f"{template}: {exc}" if getattr(exc, "part", "") else
             f"{template}: cannot be used as a template: {exc}")
        sys.exit(1)
    for line in lines:
        click.echo(line)
    sys.exit(0 if ok else 1)


@main.command()
def themes() -> None:
    """List the bundled themes.

    \b
    Example:
      deckgen themes
      deckgen build --brand midnight
    """
    from . import themes as bundled
    from .source import read

    for name in bundled.names():
        data = read(bundled.BUNDLED_DIR / f"{name}.yaml").data
        palette = data.get("palette", {})
        click.echo(f"{name:10} {data.get('name', name):12} primary {palette.get('primary')}  "
                   f"background {palette.get('background')}")


def run() -> None:
    """The ``deckgen`` program: run the command line under ``runtime.quick()``, then leave.

    A one-shot command makes long-lived objects and next to no garbage cycles, so the cycle
    collector stays paused for all of it; 'watch', which runs for hours, collects between
    rebuilds. The process then ends at once (``runtime.leave``), unless traced or measured.
    """
    from .commit import stop_cleanly

    try:
        with runtime.quick(), stop_cleanly():  # SIGTERM, SIGHUP unwind like Ctrl-C: temps go
            main(prog_name="deckgen")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    runtime.leave(code)


if __name__ == "__main__":  # pragma: no cover
    run()
