"""The brief is a tagged PDF/UA-1 file: two independent validators find nothing to report.

Every brief the tests build from outline.yaml and from each fixture, in every bundled theme,
goes through `pdfua` (the machine-checkable part of PDF/UA-1) and `outloud` (PDF/UA-1 plus
semantic checks). The structure tree itself is read back in test_brief_tags.py.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import outloud
import pdfua
import pytest
from PIL import Image

from generator import loader as _outline
from generator.brief import BriefBuilder
from generator.report import BuildOptions
from generator.themes import names as theme_names

ROOT = Path(__file__).parent.parent.parent
OUTLINES = [ROOT / "outline.yaml", *sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))]
WHEN = _dt.datetime(2025, 3, 14, 9, 30, tzinfo=_dt.UTC)


def _cases() -> list:
    return [pytest.param((path, theme), id=f"{path.stem}-{theme}")
            for path in OUTLINES for theme in theme_names()]


@pytest.fixture(scope="module", params=_cases())
def brief(request, tmp_path_factory) -> Path:
    """The brief of one outline in one theme (the outline copied beside the image it names)."""
    path, theme = request.param
    folder = tmp_path_factory.mktemp(f"{path.stem}-{theme}")
    copy = folder / path.name
    shutil.copy(path, copy)
    Image.new("RGB", (600, 350), (200, 210, 220)).save(folder / "deck_image.png")
    loaded = _outline.load(copy, brand=theme)
    result = BriefBuilder().build(loaded.outline, folder / "brief.pdf",
                                  BuildOptions(timestamp=WHEN))
    assert not [f for f in result.findings if f.severity == "error"]
    return result.path


def test_pdfua_finds_nothing(brief):
    report = pdfua.validate(str(brief))
    assert [(f.rule_id, f.severity.name, f.message) for f in report.findings] == []
    assert report.exit_code == 0
    # pdfua 0.1.3's empty-heading rule raises on a heading whose /K is an array (a heading
    # holding a citation link), and skips itself; test_brief_tags checks that no heading is
    # empty. Every other rule must run.
    assert {outcome.rule_id for outcome in report.skipped} <= {"UA-14-001"}


def test_outloud_finds_no_error_and_no_warning(brief):
    result = outloud.check(str(brief))
    assert result.error is None
    problems = [(f.rule, f.severity, f.message) for f in result.findings
                if f.severity in ("error", "warning")]
    assert problems == []
    assert result.verdict == "pass"
