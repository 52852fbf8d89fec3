"""`deckgen diff`: two revisions of an outline, two outlines, two build folders."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "diff_before.yaml"
QUOTE = """      - kind: quote
        title: A customer said it best
        notes: Read it out.
        quote: It arrived before I had finished ordering.
        attribution: A customer
"""


def newer(text: str) -> str:
    """The next revision: one bullet reworded, one chart value changed, one slide added."""
    text = text.replace("Prices matter less than expected", "Prices matter more than expected")
    text = text.replace("values: [120, 135, 150]", "values: [120, 135, 165]")
    return text.replace("          - Hire a returns lead\n",
                        "          - Hire a returns lead\n" + QUOTE)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t",
                    *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository whose outline.yaml is committed at the older revision and edited."""
    shutil.copy(FIXTURE, tmp_path / "outline.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "outline.yaml")
    _git(tmp_path, "commit", "-qm", "first")
    outline = tmp_path / "outline.yaml"
    outline.write_text(newer(outline.read_text()))
    return tmp_path


def _diff(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_revision_against_the_working_copy_reports_exactly_the_three_changes(repo):
    code, out, err = _diff("HEAD", "--outline", str(repo / "outline.yaml"), "--json",
                           "--report", str(repo / "report"))
    assert code == 1, err
    report = json.loads(out)
    slides = [c for c in report["changes"] if c["kind"] == "slide"]
    assert [(c["change"], c["title"]) for c in slides] == [
        ("changed", "What we learned"),
        ("changed", "Orders grew every quarter"),
        ("added", "A customer said it best"),
    ]
    bullet, chart, added = slides
    assert bullet["removed"] == ["• Prices matter less than expected"]
    assert bullet["added"] == ["• Prices matter more than expected"]
    # the value label 150 becomes 165, and the value axis (ticks 0-150 in steps of 50)
    # gains a tick at 200 to hold it: the diff reports what the slide shows
    assert (chart["removed"], chart["added"]) == (["150"], ["200", "165"])
    assert added["before"] is None and not added["moved"]
    assert report["slides"] == {"added": 1, "removed": 0, "moved": 0, "changed": 2}
    assert not list(repo.glob(".deckgen-diff-*")), "the revision's copy is cleaned up"


def test_the_html_report_is_self_contained_with_marked_images(repo):
    code, out, _ = _diff("HEAD", "--outline", str(repo / "outline.yaml"),
                         "--report", str(repo / "report"))
    assert code == 1
    assert "slides: 1 added, 0 removed, 0 moved, 2 changed" in out
    assert "+ • Prices matter more than expected" in out
    page = (repo / "report" / "report.html").read_text()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    pngs = sorted(p.name for p in (repo / "report").glob("slide-*.png"))
    assert pngs == ["slide-4-after.png", "slide-4-before.png", "slide-5-after.png",
                    "slide-5-before.png", "slide-8-after.png"]


def test_two_outlines_and_two_build_folders(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    shutil.copy(FIXTURE, old)
    new.write_text(newer(old.read_text()))
    code, out, _ = _diff(str(old), str(new), "--json", "--report", str(tmp_path / "r1"))
    assert code == 1
    assert json.loads(out)["slides"]["changed"] == 2
    for name, outline in (("a", old), ("b", old)):
        result = CliRunner().invoke(main, ["build", str(outline), "--out", str(tmp_path / name),
                                           "--only", "slides-pdf", "--only", "brief", "-q"])
        assert result.exit_code == 0, result.output
    code, out, _ = _diff(str(tmp_path / "a"), str(tmp_path / "b"), "--report",
                         str(tmp_path / "r2"))
    assert code == 0, "nothing changed"
    assert "slides: 0 added, 0 removed, 0 moved, 0 changed" in out


def test_a_moved_slide_is_moved_not_changed(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    shutil.copy(FIXTURE, old)
    text = old.read_text()
    chart = text[text.index("      - kind: chart"):text.index("  - title: Next steps")]
    new.write_text(text.replace(chart, "").replace("          - Hire a returns lead\n",
                                                   "          - Hire a returns lead\n" + chart))
    code, out, err = _diff(str(old), str(new), "--json", "--report", str(tmp_path / "r"))
    assert code == 1, err
    report = json.loads(out)
    moved = [c for c in report["changes"] if c["kind"] == "slide"]
    assert [(c["change"], c["title"]) for c in moved] == [("moved",
                                                          "Orders grew every quarter")]


def test_errors_exit_2_for_a_bad_outline_and_3_for_a_missing_side(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {}\n")
    code, _, err = _diff(str(FIXTURE), str(bad), "--report", str(tmp_path / "r"))
    assert code == 2 and "required key 'sections' is missing" in err
    code, _, err = _diff(str(tmp_path / "nowhere"), str(FIXTURE))
    assert code == 3 and "no such build folder or outline" in err
    code, _, err = _diff("no-such-rev", "--outline", str(FIXTURE))
    assert code == 3 and "git cannot show" in err
    code, _, err = _diff(str(FIXTURE))
    assert code == 3 and "nothing to be compared with" in err


def test_an_internal_error_is_one_line_exit_4_and_a_traceback_only_under_debug(
        tmp_path, monkeypatch):
    from generator import diff as diffs

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(diffs, "diff", broken)
    args = ["diff", str(FIXTURE), str(FIXTURE), "--report", str(tmp_path / "r")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4, result.output
    assert result.stderr.strip().splitlines() == [
        "deckgen: internal error: ZeroDivisionError: a bug (run 'deckgen --debug ...' for "
        "the traceback)"]
    result = CliRunner().invoke(main, ["--debug", *args])
    assert result.exit_code == 4
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "deckgen: internal error: ZeroDivisionError: a bug")


def test_a_second_diff_reuses_both_builds_and_reports_the_same(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path / "cache"))
    args = ("HEAD", "--outline", str(repo / "outline.yaml"), "--json")
    code, first, err = _diff(*args, "--report", str(tmp_path / "r1"))
    assert code == 1, err
    from generator import build as builds

    def no_build(*_args, **_kwargs):
        raise AssertionError("built again though nothing it reads changed")

    monkeypatch.setattr(builds, "build", no_build)
    code, second, err = _diff(*args, "--report", str(tmp_path / "r2"))
    assert code == 1, err
    first_report, second_report = json.loads(first), json.loads(second)
    assert second_report.pop("report") != first_report.pop("report")  # r2, not r1
    assert second_report == first_report
    assert sorted(p.name for p in (tmp_path / "r2").glob("*.png")) == sorted(
        p.name for p in (tmp_path / "r1").glob("*.png"))


def test_a_changed_image_or_no_cache_builds_again(repo, monkeypatch, tmp_path):
    from PIL import Image

    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(tmp_path / "cache"))
    Image.new("RGB", (40, 20), "#cc0000").save(repo / "logo.png")
    outline = repo / "outline.yaml"
    outline.write_text(outline.read_text().replace("sections:\n", "brand:\n  logo: logo.png\n"
                                                   "sections:\n", 1))
    args = ("HEAD", "--outline", str(outline), "--report", str(tmp_path / "r"))
    assert _diff(*args)[0] == 1
    from generator import build as builds

    log = tmp_path / "built.log"  # written by forked builds too
    real = builds.build

    def counted(loaded, *rest, **options):
        with open(log, "a") as handle:
            handle.write("built\n")
        return real(loaded, *rest, **options)

    def builds_made() -> int:
        return len(log.read_text().splitlines()) if log.exists() else 0

    monkeypatch.setattr(builds, "build", counted)
    Image.new("RGB", (40, 20), "#0000cc").save(repo / "logo.png")  # same name, new pixels
    assert _diff(*args)[0] == 1
    assert builds_made() == 1, "the working copy, whose logo changed, is built again"
    assert _diff(*args)[0] == 1 and builds_made() == 1, "and then kept"
    assert _diff(*args, "--no-cache")[0] == 1 and builds_made() == 3, "both sides built"


def test_an_unusable_or_damaged_cache_is_no_error(repo, monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(blocked))
    args = ("HEAD", "--outline", str(repo / "outline.yaml"), "--json")
    code, out, err = _diff(*args, "--report", str(tmp_path / "r1"))
    assert code == 1, err
    cache = tmp_path / "cache"
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(cache))
    assert _diff(*args, "--report", str(tmp_path / "r2"))[0] == 1
    for kept in (cache / "diff").glob("*/pages.json"):
        kept.write_text("{ damaged")
    code, again, err = _diff(*args, "--report", str(tmp_path / "r3"))
    assert code == 1, err
    assert json.loads(again)["slides"] == json.loads(out)["slides"]


def test_both_sides_are_built_in_the_shape_and_theme_asked_for(repo, tmp_path):
    from PIL import Image

    code, out, err = _diff("HEAD", "--outline", str(repo / "outline.yaml"), "--aspect", "4:3",
                           "--brand", "midnight", "--report", str(tmp_path / "r"))
    assert code == 1, err
    before = Image.open(tmp_path / "r" / "slide-4-before.png").convert("RGB")
    assert abs(before.width / before.height - 4 / 3) < 0.01
    assert sum(before.getpixel((5, 5))) < 200, "midnight's dark background"


def test_a_revision_git_cannot_show_names_the_outline_as_given(tmp_path, monkeypatch):
    (tmp_path / "decks").mkdir()
    shutil.copy(FIXTURE, tmp_path / "decks" / "outline.yaml")
    _git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    code, _, err = _diff("nosuchrev", "--outline", "decks/outline.yaml")
    assert code == 3 and "git cannot show decks/outline.yaml at 'nosuchrev'" in err
