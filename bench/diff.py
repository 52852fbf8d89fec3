"""Time `deckgen diff REV` on outline.yaml: the revision and the working copy built and compared.

Copies outline.yaml into a scratch git repository and commits it, then times
whole-process runs of `python -m generator diff HEAD` (interpreter start included): first
with the working copy unchanged, then with one chart value edited (so images are rendered
and the report has content).
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


def _run(repo: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "diff", "HEAD", "--outline",
                           str(repo / "outline.yaml"), "--report", str(repo / "report")],
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


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
        for case, edit in (("unchanged", False), ("one chart value changed", True)):
            if edit:
                text = (repo / "outline.yaml").read_text(encoding="utf-8")
                text = text.replace("values: [741.5, 904.6]", "values: [741.5, 950.0]", 1)
                (repo / "outline.yaml").write_text(text, encoding="utf-8")
            _run(repo)  # warm the disk cache
            times = [_run(repo) for _ in range(runs)]
            walls = [t[0] for t in times]
            print(f"deckgen diff HEAD, {case}: wall {statistics.median(walls):.2f} s "
                  f"(median of {runs}, {min(walls):.2f}–{max(walls):.2f}), CPU "
                  f"{statistics.median(t[1] for t in times):.2f} s, exit {times[0][2]}, "
                  f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
