"""`check` predicts `build`: the same findings, line for line, and the same exit code.

A table of outlines (valid, invalid, with warnings) is checked and built with the same
options; only the last line of stderr may differ ("ok (...)" against "wrote ...").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import build as builds
from generator import cli
from generator.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures"
OUTLINES = sorted([*FIXTURES.glob("*.yaml"), *(FIXTURES / "bad").glob("*.yaml"),
                   *(FIXTURES / "parity").glob("*.yaml")])
OPTIONS = [(), ("--strict",), ("--aspect", "4:3"), ("--only", "deck"), ("--only", "brief")]
COMBINED = [("--strict", "--only", "deck"), ("--strict", "--only", "brief"),
            ("--strict", "--aspect", "4:3", "--only", "deck")]
ENV = {"SOURCE_DATE_EPOCH": "1735689600"}


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner(env=ENV).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr.splitlines()


def _same(outline: Path, options: tuple[str, ...], out: Path) -> None:
    name = outline.name
    check_code, check_lines = _run("check", name, *options)
    build_code, build_lines = _run("build", name, "--out", str(out), *options)
    assert check_lines[:-1] == build_lines[:-1], (check_lines, build_lines)
    assert check_code == build_code, (check_lines, build_lines)
    if build_code:
        assert check_lines[-1] == build_lines[-1]
        assert not any(out.glob("*.pptx")) and not any(out.glob("*.pdf"))
    else:
        assert check_lines[-1].startswith(f"{name}: ok (")
        assert build_lines[-1].startswith("wrote ")


def test_the_table_is_large_and_mixed() -> None:
    assert len(OUTLINES) >= 20
    codes = {_run("check", str(o))[0] for o in OUTLINES}
    assert codes == {0, 1}


@pytest.mark.parametrize("options", OPTIONS, ids=" ".join)
@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_check_and_build_agree(outline: Path, options: tuple[str, ...], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(outline.parent)
    _same(outline, options, tmp_path / "out")


@pytest.mark.parametrize("options", COMBINED, ids=" ".join)
@pytest.mark.parametrize("outline", sorted((FIXTURES / "parity").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_check_and_build_agree_with_options_combined(outline: Path, options: tuple[str, ...],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(outline.parent)
    _same(outline, options, tmp_path / "out")


@pytest.mark.parametrize(("name", "options", "code", "expected"), [
    ("emoji.yaml", ("--only", "deck"), 1, "U+1F525 '🔥' cannot be drawn"),
    ("emoji.yaml", ("--only", "brief"), 1, "U+1F525 '🔥' cannot be drawn"),
    # common symbols are drawn by the bundled DejaVu Sans; an emoji no font has is an error
    ("check_mark.yaml", ("--strict",), 0, "ok ("),
    ("symbols.yaml", ("--strict",), 0, "ok ("),
    ("title_4x3.yaml", (), 0, "title shrunk to"),
    ("title_4x3.yaml", ("--aspect", "4:3"), 1, "does not fit in two lines"),
    ("title_shrunk_4x3.yaml", ("--aspect", "4:3", "--strict"), 1, "(an error under --strict)"),
    ("missing_notes.yaml", ("--only", "brief", "--strict"), 1, "no speaker notes"),
    ("wordy.yaml", ("--only", "brief"), 0, "slide has 72 words"),
    ("low_contrast.yaml", ("--strict",), 1, "low contrast"),
    ("unknown_source.yaml", (), 1, "unknown source 's2'"),
    ("emoji_in_notes.yaml", ("--strict",), 0, "ok ("),
    ("cjk.yaml", ("--strict",), 0, "ok ("),
    ("two_keys.yaml", ("--strict",), 0, "ok (1 section, 0 slides in the outline, 0 warnings)"),
    ("citations.yaml", ("--strict",), 0, "ok (1 section, 2 slides"),
    ("unsupported_language.yaml", (), 0, "language 'fy' is not supported"),
    ("unsupported_language.yaml", ("--strict",), 1, "expected one of: de, en, es, fr, it, ja"),
    ("card_contrast.yaml", (), 0, "stat label 'up from last year' (#666666 on #D0D0D0, 14 pt)"
                                  " is 3.72:1; expected at least 4.5:1"),
    ("card_contrast.yaml", ("--strict",), 1, "low contrast on slide 3"),
    ("card_contrast.yaml", ("--only", "brief", "--strict"), 0, "ok ("),
    ("untitled.yaml", (), 0, "untitled.yaml:14:16: warning: sections[0].slides[0].title: slide "
                             "has no title a screen reader can announce"),
    ("untitled.yaml", ("--strict",), 1, "slide has no title"),
    ("alt_file_name.yaml", ("--strict",), 1, "alt_file_name.yaml:13:14: warning: "
                                             "sections[0].slides[0].alt: picture 'photo.png' "
                                             "has no alt text"),
])
def test_check_finds_what_users_hit(name: str, options: tuple[str, ...], code: int,
                                    expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "parity")
    exit_code, lines = _run("check", name, *options)
    assert exit_code == code, lines
    assert any(expected in line for line in lines), lines


def test_only_names_every_registered_builder() -> None:
    assert cli.CHOICES == builds.CHOICES
    assert [builds.file_name(n) for n in builds.ARTIFACTS] == ["deck.pptx", "brief.pdf"]
    assert [builds.file_name(n) for n in builds.CHOICES] == [
        "deck.pptx", "brief.pdf", "deck.pdf", "handout.pdf"]
