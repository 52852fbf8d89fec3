"""Time `deckgen diff REV` on outline.yaml: the revision and the working copy built and compared.

Copies outline.yaml into a scratch git repository and commits it, then times
whole-process runs of `python -m generator diff HEAD` (interpreter start included): with
the working copy unchanged, with one bullet edited, and with one chart value edited (the
last two render images and write a report with content), each with nothing kept from
earlier runs, as in CI; then with one bullet edited anew each run while the revision's
build is kept from the first run (an author editing and diffing again). Commands run with
Python's bytecode cache on, as in ``bench/run.py``.
Prints the median wall time, the CPU time of all processes and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=bench", "-c",
                    "user.email=bench@example.com", *args], check=True, capture_output=True)


def _run(repo: Path, cache: str) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "diff", "HEAD", "--outline",
                           str(repo / "outline.yaml"), "--report", str(repo / "report")],
                          capture_output=True, env=_environment(cache))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench/diff.py: deckgen diff failed: {proc.stderr.decode()}")
    return wall, cpu, proc.returncode


def _environment(cache: str) -> dict[str, str]:
    """This environment with the bytecode cache on, this checkout's deckgen first, and
    ``cache`` as the diff's cache folder ("" turns the cache off)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(ROOT), "DECKGEN_CACHE_DIR": cache}


EDITS = (
    ("unchanged", None),
    ("one bullet changed", ("- A volume EV maker in China", "- A volume EV maker in Asia")),
    ("one chart value changed", ("values: [741.5, 904.6]", "values: [741.5, 950.0]")),
)
"""Each case's edit of the committed outline (its first match replaced): every case differs
from the commit by its own edit alone."""

KEPT_EDIT = ("- A volume EV maker in China", "- A volume EV maker in Asia (draft {})")
"""The edit of the 'revision kept' case: a new wording every run, so the working copy is
always built while the revision's build, made once, is reused (an author editing and
diffing again)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-diff-") as tmp:
        repo = Path(tmp)
        shutil.copy(ROOT / "outline.yaml", repo / "outline.yaml")
        _git(repo, "init", "-q")
        _git(repo, "add", "outline.yaml")
        _git(repo, "commit", "-qm", "bench")
        committed = (repo / "outline.yaml").read_text(encoding="utf-8")
        for case, edit in EDITS:  # nothing kept: every side built, as in CI
            text = _edited(committed, edit)
            (repo / "outline.yaml").write_text(text, encoding="utf-8")
            _run(repo, "")  # warm the disk cache
            _report(f"{case}, nothing kept", [_run(repo, "") for _ in range(runs)])
        kept = str(repo / "cache")
        times = []
        for n in range(runs + 1):
            text = _edited(committed, (KEPT_EDIT[0], KEPT_EDIT[1].format(n)))
            (repo / "outline.yaml").write_text(text, encoding="utf-8")
            times.append(_run(repo, kept))
        _report("one bullet changed, the revision's build kept", times[1:])


def _edited(text: str, edit: tuple[str, str] | None) -> str:
    if edit is None:
        return text
    changed = text.replace(*edit, 1)
    if changed == text:
        raise SystemExit(f"bench/diff.py: outline.yaml no longer has {edit[0]!r}")
    return changed


def _report(case: str, times: list[tuple[float, float, int]]) -> None:
    walls = [t[0] for t in times]
    print(f"deckgen diff HEAD, {case}: wall {statistics.median(walls):.2f} s "
          f"(median of {len(times)}, {min(walls):.2f}–{max(walls):.2f}), CPU "
          f"{statistics.median(t[1] for t in times):.2f} s, exit {times[0][2]}, "
          f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
