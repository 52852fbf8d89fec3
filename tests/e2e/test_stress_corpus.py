"""The stress corpus, built in every bundled theme at 16:9 and 4:3, rendered and audited.

Every outline in tests/fixtures/stress/ is built with the CLI in the default theme at both
aspects, and the outlines in EVERY_THEME in every bundled theme at both aspects (28 cases);
``DECKGEN_STRESS_FULL=1`` runs every outline in every theme (60 cases). Each build must
succeed or fail with located errors (FILE:LINE:COL, exit 1, no traceback), and so must
``check --strict``. Every deck is rendered by LibreOffice (two batched ``soffice`` runs for
the whole matrix) and audited with tests/audit.py. The brief does not change with the slide
shape, so it is audited at 16:9 only, and (as it changes only in colour between themes) in
the default theme, and in every theme for the EVERY_THEME outlines.

Measured on the shared 2-core machine: the full matrix took 6 min 50 s under a load average
of about 5 from other work (builds and checks 3.9 min, renders 1.8 min, audits 1.1 min), 4.7
min on a quiet machine; the default matrix runs about half of that.

Cases that fail today are in KNOWN, with the findings as the reason, and are strict xfails:
when a fix clears a case, its xfail turns into a failure and the entry must be removed.
tests/fixtures/stress/FINDINGS.md lists the findings by defect class.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import audit  # tests/audit.py, a helper module beside the test folders (pythonpath)
import pytest

from generator import themes

ROOT = Path(__file__).parents[2]
STRESS = ROOT / "tests" / "fixtures" / "stress"
OUTLINES = sorted(p.stem for p in STRESS.glob("*.yaml"))
THEMES = themes.names()
ASPECTS = ["16:9", "4:3"]
EVERY_THEME = {"de_waermepumpen", "en_long_values"}
"""Outlines built in every theme by default; the others only in the default theme."""
FULL = os.environ.get("DECKGEN_STRESS_FULL") == "1"
LOCATED = re.compile(r"^\S+?:\d+:\d+: ")
"""A located problem line: FILE:LINE:COL: message."""

pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]


def case_id(outline: str, theme: str, aspect: str) -> str:
    return f"{outline}-{theme}-{aspect.replace(':', 'x')}"


def selected(outline: str, theme: str) -> bool:
    """True when the (outline, theme) pair is in this run's matrix."""
    return FULL or theme == themes.DEFAULT or outline in EVERY_THEME


@dataclass
class Case:
    """One (outline, theme, aspect) build: its command results and the audit's findings."""

    outline: str
    theme: str
    aspect: str
    folder: Path
    build: subprocess.CompletedProcess | None = None
    check: subprocess.CompletedProcess | None = None
    findings: list[str] = field(default_factory=list)

    @property
    def brief_wanted(self) -> bool:
        """The brief is audited for this case (it does not change with the slide shape)."""
        return self.aspect == "16:9" and (self.theme == themes.DEFAULT
                                          or self.outline in EVERY_THEME)

    @property
    def deck(self) -> Path:
        return self.folder / "deck.pptx"

    @property
    def brief(self) -> Path | None:
        path = self.folder / "brief.pdf"
        return path if self.brief_wanted and path.exists() else None


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1735689600"}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def _build(case: Case) -> Case:
    only = [] if case.brief_wanted else ["--only", "deck"]
    case.build = _cli("build", str(STRESS / f"{case.outline}.yaml"), "--out", str(case.folder),
                      "--brand", case.theme, "--aspect", case.aspect, "--quiet", *only)
    return case


def _audit_in_process(jobs_file: Path, jobs: list) -> list[list[str]]:
    """Audit ``jobs`` in a child process (one per core: the audit is CPU-bound)."""
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "audit.py"), str(jobs_file)],
                         capture_output=True, text=True, env=env, check=True, timeout=1800)
    return [json.loads(line) for line in out.stdout.splitlines()]


def located_or_success(result: subprocess.CompletedProcess) -> list[str]:
    """Why ``result`` is neither a success nor a clean, located failure (empty when it is)."""
    if result.returncode == 0:
        return []
    problems = []
    if result.returncode != 1:
        problems.append(f"exit {result.returncode}, expected 0 or 1")
    if "Traceback" in result.stderr + result.stdout:
        problems.append("printed a traceback")
    lines = [ln for ln in (result.stderr + result.stdout).splitlines() if ln.strip()]
    body = [ln for ln in lines if not ln.startswith("deckgen: ")]
    if not body or not all(LOCATED.match(ln) for ln in body):
        problems.append(f"not every problem is located: {body[:3]}")
    return problems


def run_matrix(root: Path, times: dict[str, float] | None = None) -> dict[str, Case]:
    """Build, check, render and audit the whole matrix under ``root``; ``times`` gets the
    seconds each phase took."""
    times = {} if times is None else times
    start = time.perf_counter()
    pairs = [(o, t) for o in OUTLINES for t in THEMES if selected(o, t)]
    cases = {case_id(o, t, a): Case(o, t, a, root / case_id(o, t, a))
             for o, t in pairs for a in ASPECTS}
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(_build, cases.values()))
        checks = dict(zip(pairs, pool.map(
            lambda ot: _cli("check", str(STRESS / f"{ot[0]}.yaml"), "--strict", "--brand",
                            ot[1]), pairs), strict=True))
    for case in cases.values():
        case.check = checks[(case.outline, case.theme)]
    times["build and check"] = time.perf_counter() - start
    built = [c for c in cases.values() if c.build.returncode == 0]
    halves = [built[0::2], built[1::2]]
    with ThreadPoolExecutor(2) as pool:
        rendered = list(pool.map(
            lambda ih: audit.render_decks([c.deck for c in ih[1]], root / f"pdf{ih[0]}",
                                          profile=f"-{ih[0]}"), enumerate(halves)))
    pdfs = {deck: pdf for part in rendered for deck, pdf in part.items()}
    times["render"] = time.perf_counter() - start - sum(times.values())
    jobs = [(str(c.deck), str(c.brief) if c.brief else None, str(STRESS / f"{c.outline}.yaml"),
             str(pdfs[c.deck])) for c in built]
    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(lambda ij: _audit_in_process(root / f"jobs{ij[0]}.json", ij[1]),
                              enumerate([jobs[0::2], jobs[1::2]])))
    for case, found in zip(built[0::2] + built[1::2], parts[0] + parts[1], strict=True):
        case.findings = found
    times["audit"] = time.perf_counter() - start - sum(times.values())
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Case]:
    """The whole matrix, built, checked, rendered and audited once for the module."""
    return run_matrix(tmp_path_factory.mktemp("stress"))


KNOWN: dict[str, str] = {}
"""Cases the audit finds broken today, in the full matrix (case id -> findings, short): none
(every case of the full matrix passed on 2026-12-01). A case that breaks and cannot be fixed
at once goes here with its findings as the reason; remove it when it passes: the xfails
are strict."""


def _params():
    for o in OUTLINES:
        for t in (t for t in THEMES if selected(o, t)):
            for a in ASPECTS:
                cid = case_id(o, t, a)
                marks = [pytest.mark.xfail(strict=True, reason=KNOWN[cid])] if cid in KNOWN \
                    else []
                yield pytest.param(cid, id=cid, marks=marks)


def test_corpus_is_wide() -> None:
    """At least eight outlines, and every slide kind and chart type somewhere in them."""
    text = "\n".join((STRESS / f"{o}.yaml").read_text(encoding="utf-8") for o in OUTLINES)
    assert len(OUTLINES) >= 8
    kinds = {"bullets", "stats", "chart", "table", "timeline", "quote", "two-column", "image"}
    assert kinds <= set(re.findall(r"kind: ([\w-]+)", text))
    assert {"bar", "column", "line", "pie", "doughnut"} <= set(re.findall(r"type: (\w+)", text))
    assert "playbooks:" in text


@pytest.mark.parametrize("cid", _params())
def test_stress_case_builds_and_audits_clean(corpus: dict[str, Case], cid: str) -> None:
    case = corpus[cid]
    assert located_or_success(case.build) == [], case.build.stderr
    assert located_or_success(case.check) == [], case.check.stderr
    assert case.findings == []


def test_audit_rules_tell_a_cut_word_from_a_fair_break() -> None:
    """The audit's own rules, on hand-made line pairs (no rendering)."""
    vocab = audit.Vocabulary.of(["Das **Gebäudeenergiegesetz** gilt seit 2024 [@geg].",
                                 "See https://example.com/a/b?x=1 and C:\\data\\file.txt",
                                 "动力电池装车量达到548.4吉瓦时", "Heat pump before"])
    assert vocab.breaks_word("Gebäudeenergieg", "esetz")
    assert vocab.breaks_word("20", "24")
    assert not vocab.breaks_word("Gebäude-", "energiegesetz")
    assert not vocab.breaks_word("Das", "Gebäudeenergiegesetz")
    assert not vocab.breaks_word("https://example.com/", "a/b?x=1")
    assert not vocab.breaks_word("https://example.com/a/b", "?x=1")
    assert not vocab.breaks_word("动力电池", "装车量")
    assert vocab.breaks_word("达到548.", "4吉瓦时")
    assert vocab.run_together("beforeHeat")
    assert not vocab.run_together("Gebäudeenergiegesetz")
    assert audit._lone("%") and audit._lone(":") and audit._lone("€") and not audit._lone("x%")
    assert round(audit.contrast("#FFFFFF", "#000000")) == 21
