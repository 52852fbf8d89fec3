"""Measure what tagging the brief costs: the same build with and without its structure tree.

Run with plain Python from the repository root:

    python bench/tagging.py                       # outline.yaml, 30 pairs of builds
    python bench/tagging.py big.yaml --runs 6     # any outline

One process builds the brief again and again, alternating a build with tagging and one
without (the marked content, the link descriptions, the structure tree and the metadata
switched off), so both meet the machine in the same state; it prints the CPU time of each
(fastest and median) and the difference. The elements the story makes as it is made are
left in both: they cost under 1 % of a build.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.brief import BriefBuilder, typesetting  # noqa: E402
from generator.loader import load  # noqa: E402
from generator.report import BuildOptions  # noqa: E402

WHEN = _dt.datetime(2025, 1, 1, tzinfo=_dt.UTC)


def _tagging(on: bool, tagger=typesetting.Tagger,
             write=typesetting.TypesetDocument._write_tags) -> None:
    """Switch the drawing-time tagging of every brief built from now on."""
    typesetting.Tagger = tagger if on else (lambda *args: None)
    typesetting.TypesetDocument._write_tags = write if on else (lambda self: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outline", nargs="?", default=str(ROOT / "outline.yaml"))
    parser.add_argument("--runs", type=int, default=30, help="pairs of builds")
    args = parser.parse_args()
    outline = load(Path(args.outline)).outline
    builder = BriefBuilder()
    builder.prepare()
    options = BuildOptions(timestamp=WHEN)
    cpu: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        builder.build(outline, Path(tmp) / "warm.pdf", options)
        for _ in range(args.runs):
            for on in (False, True):
                _tagging(on)
                start = time.process_time()
                builder.build(outline, Path(tmp) / f"brief-{on}.pdf", options)
                cpu[on].append(time.process_time() - start)
    _tagging(True)
    fastest = {on: min(times) for on, times in cpu.items()}
    median = {on: statistics.median(times) for on, times in cpu.items()}
    for on in (False, True):
        print(f"{'tagged' if on else 'untagged':>8}: CPU fastest {fastest[on]:.3f} s, "
              f"median {median[on]:.3f} s over {args.runs} builds")
    print(f"tagging costs {100 * (fastest[True] / fastest[False] - 1):+.1f} % (fastest), "
          f"{100 * (median[True] / median[False] - 1):+.1f} % (median)")


if __name__ == "__main__":
    main()
