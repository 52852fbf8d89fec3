"""Benchmark deckgen builds: wall and CPU time, peak memory, output sizes, per-slide cost.

Run with plain Python from the repository root:

    python bench/run.py                 # outline.yaml and 10 to 2,000 slides
    python bench/run.py --sizes 10 100 --runs 3
    python bench/run.py --markdown docs/performance.md

Each figure is a median over several whole-process runs of ``python -m generator``
(interpreter start included). Peak memory is the child's maximum resident set size.
Commands run with Python's bytecode cache on (``PYTHONDONTWRITEBYTECODE`` is removed from
their environment), as they do from any installation; the warm-up run writes the cache.
When pandoc is on PATH the same bullet content is also built from Markdown with
``pandoc -o x.pptx`` in the same run, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("bullets", "stats", "timeline", "quote", "two-column", "bullets", "image", "stats",
         "bullets", "chart")
"""The cycle of slide kinds: every tenth slide a chart, every tenth (offset) a table."""


def synthetic_outline(slides: int, image: str) -> str:
    """Return YAML for an outline of ``slides`` slides mixing every kind, each with notes."""
    per_section = 20
    out = [
        "meta:", f"  title: Synthetic benchmark deck of {slides} slides",
        "  subtitle: Every slide kind, with notes", "  author: Benchmark",
        "  date: 2025-01-01", "  footer: Benchmark", "brand: default",
        "sources:", "  - id: src", "    title: Synthetic data", "    publisher: deckgen bench",
        "sections:",
    ]
    n = 0
    section = 0
    while n < slides:
        section += 1
        out += [f"  - title: Section {section}", f"    summary: Part {section} of the story",
                "    prose:",
                f"      - Section {section} explains **one idea** with a citation [@src].",
                "    slides:"]
        for _ in range(min(per_section, slides - n)):
            n += 1
            kind = "table" if n % 10 == 5 else KINDS[n % len(KINDS)]
            out += _slide(kind, n, image)
    return "\n".join(out) + "\n"


def _slide(kind: str, n: int, image: str) -> list[str]:
    head = [f"      - kind: {kind}", f"        title: Slide {n} makes its point clearly",
            f"        notes: Speaker notes for slide {n}, two sentences long. Say why it matters."]
    if kind == "bullets":
        return head + ["        bullets:", f"          - First point of slide {n}",
                       "          - text: Second point with detail",
                       "            sub: [A supporting fact, Another fact]",
                       "          - Third point, short"]
    if kind == "stats":
        return head + ["        stats:",
                       "          - {value: '169M', label: units shipped, source: src}",
                       "          - {value: '#3', label: global rank, source: src}",
                       "          - {value: '+22%', label: growth, source: src}"]
    if kind == "chart":
        return head + ["        chart:", "          type: column",
                       "          categories: ['2021', '2022', '2023', '2024']",
                       "          series:", "            - name: Units",
                       "              values: [10, 12, 15, 19]", "          unit: M",
                       "          source: src"]
    if kind == "table":
        return head + ["        table:", "          columns: [Item, Value, Change]",
                       "          rows:", "            - [Alpha, '10', '+1%']",
                       "            - [Beta, '20', '+2%']", "            - [Gamma, '30', '-3%']",
                       "          source: src"]
    if kind == "timeline":
        return head + ["        events:", "          - {date: '2010', title: Founded}",
                       "          - {date: '2014', title: Growth}",
                       "          - {date: '2024', title: New market}"]
    if kind == "quote":
        return head + ["        quote: Simple things, done well, at scale.",
                       "        attribution: A founder"]
    if kind == "two-column":
        return head + ["        left:", "          heading: Before",
                       "          text: The old way was slow and costly.",
                       "        right:", "          stat: {value: '3x', label: faster, "
                       "source: src}"]
    return head + [f"        image: {image}", "        alt: A plain grey test picture"]


def _png(path: Path) -> None:
    """Write a small grey PNG with the standard library only."""
    import struct
    import zlib

    width, height = 64, 36
    raw = b"".join(b"\x00" + b"\x99\x99\x99" * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b""))


def markdown_equivalent(slides: int) -> str:
    """Return Markdown with the same bullet content, one slide per heading, for pandoc."""
    out = ["---", f"title: Synthetic benchmark deck of {slides} slides", "---", ""]
    for n in range(1, slides + 1):
        out += [f"## Slide {n} makes its point clearly", "",
                f"- First point of slide {n}", "- Second point with detail",
                "    - A supporting fact", "    - Another fact", "- Third point, short", "",
                "::: notes", f"Speaker notes for slide {n}, two sentences long. Say why it "
                "matters.", ":::", ""]
    return "\n".join(out)


def environment(**extra: str) -> dict[str, str]:
    """Return the environment commands run in: this one, with the bytecode cache on."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def measure(cmd: list[str], runs: int, cwd: Path) -> dict:
    """Run ``cmd`` once to warm up, then ``runs`` times; return medians of each figure."""
    walls, cpus, rss = [], [], []
    env = environment(CI="1", SOURCE_DATE_EPOCH="1735689600")
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{stderr}")
        if i == 0:
            continue
        walls.append(wall)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
            "rss": statistics.median(rss), "min": min(walls), "max": max(walls)}


def watch_latency(outline: Path, saves: int, tmp: Path) -> list[float]:
    """Return seconds from each save of ``outline`` until ``deckgen watch`` replaced both files."""
    work = tmp / "watch"
    work.mkdir()
    copy = work / "outline.yaml"
    original = outline.read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")
    deck, brief = work / "out" / "deck.pptx", work / "out" / "brief.pdf"
    proc = subprocess.Popen([sys.executable, "-m", "generator", "watch", str(copy), "--out",
                             str(work / "out")], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=environment(CI="1"))
    latencies = []
    try:
        _until(lambda: deck.exists() and brief.exists())
        time.sleep(1.0)
        for n in range(saves):
            before = (deck.stat().st_mtime_ns, brief.stat().st_mtime_ns)
            edited = _edited(original, n)
            start = time.perf_counter()
            copy.write_text(edited, encoding="utf-8")
            _until(lambda b=before: deck.stat().st_mtime_ns != b[0]
                   and brief.stat().st_mtime_ns != b[1])
            latencies.append(time.perf_counter() - start)
            time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return latencies


def _edited(original: str, n: int) -> str:
    """Return the outline with its content changed a little (the closing line, or a title)."""
    for key in ("\nclosing: ", "\n  title: "):
        if key in original:
            return original.replace(key, f"{key}(edit {n}) ", 1)
    return f"{original}\n# edit {n}\n"


def _until(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("watch did not rebuild within a minute")
        time.sleep(0.005)


def machine() -> str:
    """Return a one-line description of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{os.cpu_count()} cores ({cpu}){mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 500, 1000, 2000])
    parser.add_argument("--runs", type=int, default=5, help="counted runs per figure")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--pandoc-max", type=int, default=1000,
                        help="largest deck also built with pandoc (it is slow)")
    args = parser.parse_args()

    rows = []
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        _png(tmp / "picture.png")
        gen = [sys.executable, "-m", "generator"]
        cases = [("outline.yaml", ROOT / "outline.yaml", None)]
        for size in args.sizes:
            path = tmp / f"synthetic-{size}.yaml"
            path.write_text(synthetic_outline(size, "picture.png"))
            cases.append((f"{size:,} slides", path, size))
        for label, path, size in cases:
            out = tmp / "out"
            runs = args.runs if (size or 0) < 1000 else max(3, args.runs // 2)
            fig = measure([*gen, "build", str(path), "--out", str(out), "--quiet"], runs, ROOT)
            deck, brief = out / "deck.pptx", out / "brief.pdf"
            slides = _count_slides(deck)
            row = {"case": label, "slides": slides, **fig,
                   "deck_kb": deck.stat().st_size / 1024, "brief_kb": brief.stat().st_size / 1024,
                   "ms_per_slide": fig["wall"] / max(slides, 1) * 1000, "pandoc": None}
            if pandoc and size and size <= args.pandoc_max:
                md = tmp / f"synthetic-{size}.md"
                md.write_text(markdown_equivalent(size))
                row["pandoc"] = measure([pandoc, str(md), "-o", str(tmp / "pandoc.pptx")],
                                        1 if size >= 500 else runs, tmp)["wall"]
            rows.append(row)
            print(_row(row), flush=True)
        check = measure([*gen, "check", str(ROOT / "outline.yaml")], args.runs, ROOT)
        helps = measure([*gen, "--help"], args.runs, ROOT)
        watch = watch_latency(ROOT / "outline.yaml", max(args.runs, 3), tmp)
    table = render(rows, check, helps, pandoc is not None)
    table += (f"`deckgen watch outline.yaml`: {statistics.median(watch):.2f} s from a save to "
              f"both new files in place (median of {len(watch)} saves, "
              f"{min(watch):.2f}–{max(watch):.2f}).\n")
    print()
    print(table)
    if args.markdown:
        args.markdown.write_text(table)


def _count_slides(deck: Path) -> int:
    import zipfile

    with zipfile.ZipFile(deck) as z:
        return sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide")
                   and n.endswith(".xml"))


def _row(r: dict) -> str:
    ratio = f"{r['wall'] / r['pandoc']:.2f}" if r["pandoc"] else "n/a"
    return (f"{r['case']:>14}: {r['slides']:5d} slides  wall {r['wall']:.2f} s "
            f"(min {r['min']:.2f}, max {r['max']:.2f})  cpu {r['cpu']:.2f} s  "
            f"rss {r['rss']:.0f} MB  {r['ms_per_slide']:.1f} ms/slide  "
            f"deck {r['deck_kb']:.0f} KB  brief {r['brief_kb']:.0f} KB  deckgen/pandoc {ratio}")


def render(rows: list[dict], check: dict, helps: dict, has_pandoc: bool) -> str:
    """Return the results as a Markdown table with the machine they ran on."""
    lines = [
        f"Machine: {machine()}.",
        "",
        "| case | slides | wall (median) | min–max | CPU | peak RSS | per slide | deck | brief "
        "| pandoc (same bullets) | deckgen / pandoc |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        pandoc = f"{r['pandoc']:.2f} s" if r["pandoc"] else "–"
        ratio = f"{r['wall'] / r['pandoc']:.2f}" if r["pandoc"] else "–"
        lines.append(
            f"| {r['case']} | {r['slides']} | {r['wall']:.2f} s | {r['min']:.2f}–{r['max']:.2f} "
            f"| {r['cpu']:.2f} s | {r['rss']:.0f} MB | {r['ms_per_slide']:.1f} ms "
            f"| {r['deck_kb']:.0f} KB | {r['brief_kb']:.0f} KB | {pandoc} | {ratio} |")
    by = {int(r["case"].split()[0].replace(",", "")): r for r in rows
          if r["case"].endswith("slides")}
    lines += ["", f"`deckgen check outline.yaml`: {check['wall']:.2f} s; "
              f"`deckgen --help`: {helps['wall']:.2f} s (medians, interpreter start included)."]
    sizes = sorted(by)
    if len(sizes) >= 2:
        small = 500 if 500 in by else sizes[-2]
        a, b = by[small], by[sizes[-1]]
        lines.append(f"Scaling: time({sizes[-1]:,} slides) / time({small:,} slides) = "
                     f"{b['wall'] / a['wall']:.2f} for {sizes[-1] / small:.1f}x the slides "
                     "(linear would be the same ratio).")
    if not has_pandoc:
        lines.append("pandoc was not installed: no comparison in this run.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
