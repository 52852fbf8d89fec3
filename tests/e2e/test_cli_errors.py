"""Bad outlines: every problem located, exit code 1, nothing written, earlier outputs kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

BAD = Path(__file__).parent.parent / "fixtures" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


def _check(name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(BAD)
    result = CliRunner().invoke(main, ["check", f"{name}.yaml"])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("name", CASES)
def test_check_reports_each_problem_at_its_line(name, monkeypatch, update_golden):
    code, stderr = _check(name, monkeypatch)
    expected = BAD / f"{name}.expected"
    if update_golden:
        expected.write_text(stderr, encoding="utf-8")
    assert code == 1
    assert "Traceback" not in stderr
    assert stderr == expected.read_text(encoding="utf-8")


def test_the_five_kinds_of_mistake_each_get_one_located_message(monkeypatch):
    expectations = {
        "mistyped_key": "mistyped_key.yaml:7:9: sections[0].slides[0].titel: unknown key "
                        "'titel'; did you mean 'title'?",
        "wrong_type": "wrong_type.yaml:13:29: sections[0].slides[0].chart.series[0].values[1]: "
                      "expected a number, got text 'many'",
        "syntax_error": "syntax_error.yaml:5:12: invalid YAML: mapping values are not allowed",
        "duplicate_key": "duplicate_key.yaml:3:3: duplicate key 'title' (first at line 2)",
        "unknown_source": "unknown_source.yaml:9:9: sections[0].prose[0]: unknown source "
                          "'idc-2042'; did you mean 'idc-2024'?",
    }
    for name, start in expectations.items():
        code, stderr = _check(name, monkeypatch)
        assert code == 1
        assert stderr.splitlines()[0].startswith(start), stderr


def test_file_level_problems_name_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.yaml").write_text("# nothing yet\n")
    (tmp_path / "latin1.yaml").write_bytes("meta:\n  title: caf\xe9\n".encode("latin-1"))
    (tmp_path / "folder.yaml").mkdir()
    runner = CliRunner()
    cases = {
        "missing.yaml": "missing.yaml: no such file; expected a YAML outline",
        "empty.yaml": "empty.yaml: is empty; expected an outline with 'meta' and 'sections'",
        "latin1.yaml": "latin1.yaml:2:13: byte 0xe9 is not UTF-8; expected the file saved as "
                       "UTF-8 text",
        "folder.yaml": "folder.yaml: is a directory; expected a YAML outline file",
    }
    for name, message in cases.items():
        result = runner.invoke(main, ["check", name])
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0].startswith(message), result.stderr


def test_a_bad_build_leaves_earlier_outputs_untouched(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "deck.pptx").write_bytes(b"earlier deck")
    (out / "brief.pdf").write_bytes(b"earlier brief")
    result = CliRunner().invoke(main, ["build", str(BAD / "several.yaml"), "--out", str(out)])
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert (out / "deck.pptx").read_bytes() == b"earlier deck"
    assert (out / "brief.pdf").read_bytes() == b"earlier brief"
    assert sorted(p.name for p in out.iterdir()) == ["brief.pdf", "deck.pptx"]


def test_as_a_real_process_errors_have_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "duplicate_key.yaml"],
                          cwd=BAD, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("duplicate_key.yaml:3:3: duplicate key 'title'")
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2():
    result = CliRunner().invoke(main, ["build", "--only", "slides"])
    assert result.exit_code == 2
