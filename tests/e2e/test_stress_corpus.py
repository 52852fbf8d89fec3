"""The stress corpus, built in every bundled theme at 16:9 and 4:3, rendered and audited.

Every outline in tests/fixtures/stress/ is built with the CLI in every theme and aspect; each
build must succeed or fail with located errors (FILE:LINE:COL, exit 1, no traceback), and so
must ``check --strict``. Every deck is rendered by LibreOffice (two batched ``soffice`` runs
for the whole matrix) and audited with tests/audit.py. The brief does not change with the
slide shape, so it is audited once per outline and theme: in the default theme for every
outline, and in every theme for the outlines in BRIEF_IN_EVERY_THEME (the whole brief matrix
would double the file's run time for colour-only differences).

Cases that fail today are in KNOWN, with the findings as the reason, and are strict xfails:
when a fix clears a case, its xfail turns into a failure and the entry must be removed.
tests/fixtures/stress/FINDINGS.md lists the findings by defect class.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
import audit  # noqa: E402  (tests/audit.py, a helper module beside the test folders)

from generator import themes  # noqa: E402

ROOT = Path(__file__).parents[2]
STRESS = ROOT / "tests" / "fixtures" / "stress"
OUTLINES = sorted(p.stem for p in STRESS.glob("*.yaml"))
THEMES = themes.names()
ASPECTS = ["16:9", "4:3"]
BRIEF_IN_EVERY_THEME = {"de_waermepumpen", "en_long_values"}
LOCATED = re.compile(r"^\S+?:\d+:\d+: ")
"""A located problem line: FILE:LINE:COL: message."""

pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]


def case_id(outline: str, theme: str, aspect: str) -> str:
    return f"{outline}-{theme}-{aspect.replace(':', 'x')}"


def audits_brief(outline: str, theme: str) -> bool:
    return theme == themes.DEFAULT or outline in BRIEF_IN_EVERY_THEME


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
        return self.aspect == "16:9" and audits_brief(self.outline, self.theme)

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


def _audit(args: tuple[str, str | None, str, str]) -> list[str]:
    deck, brief, outline, pdf = args
    return audit.audit(Path(deck), Path(brief) if brief else None, Path(outline), Path(pdf))


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
    cases = {case_id(o, t, a): Case(o, t, a, root / case_id(o, t, a))
             for o in OUTLINES for t in THEMES for a in ASPECTS}
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(_build, cases.values()))
        checks = dict(zip([(o, t) for o in OUTLINES for t in THEMES], pool.map(
            lambda ot: _cli("check", str(STRESS / f"{ot[0]}.yaml"), "--strict", "--brand",
                            ot[1]), [(o, t) for o in OUTLINES for t in THEMES]), strict=True))
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
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for case, found in zip(built, pool.map(_audit, jobs), strict=True):
            case.findings = found
    times["audit"] = time.perf_counter() - start - sum(times.values())
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Case]:
    """The whole matrix, built, checked, rendered and audited once for the module."""
    return run_matrix(tmp_path_factory.mktemp("stress"))


KNOWN: dict[str, str] = {
}
"""Cases the audit finds broken today (case id -> findings, short). Remove an entry when its
case passes: the xfails are strict."""


def _params():
    for o in OUTLINES:
        for t in THEMES:
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
