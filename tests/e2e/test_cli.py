"""The command line as a user meets it: help, version, init, themes, schema, check."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from generator import __version__
from generator.cli import main

ROOT = Path(__file__).parents[2]
COMMANDS = ["build", "check", "schema", "init", "themes", "watch", "preview"]


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_every_command_has_help_with_an_example():
    for name in COMMANDS:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name
        assert "deckgen " in result.output.split("Example", 1)[1], name


def test_init_writes_a_starter_that_builds(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "brief")])
    assert result.exit_code == 0, result.output
    outline = tmp_path / "brief" / "outline.yaml"
    assert "Xiaomi" not in outline.read_text()
    again = runner.invoke(main, ["init", str(tmp_path / "brief")])
    assert again.exit_code == 3 and "already exists" in again.stderr
    built = runner.invoke(main, ["build", str(outline), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert len(Presentation(str(tmp_path / "out" / "deck.pptx")).slides) > 3


def test_themes_lists_the_bundled_themes():
    result = CliRunner().invoke(main, ["themes"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert {"default", "ember", "midnight"} <= set(names)


def test_schema_is_json_on_stdout_only():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["title"] == "deckgen outline"


def test_check_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(ROOT / "tests/fixtures/minimal.yaml")])
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    assert "ok (" in result.stderr


def test_strict_check_names_the_slide_and_line_where_text_was_shrunk(tmp_path):
    bullet = ("Xiaomi compresses premium features into mid-tier prices and sells them online "
              "and offline in every market it enters")
    items = "\n".join(f"          - {bullet} {i}" for i in range(7))
    outline = tmp_path / "shrink.yaml"
    outline.write_text("meta:\n  title: Shrink\nsections:\n  - title: One\n    slides:\n"
                       "      - kind: bullets\n        title: Seven long bullets\n"
                       f"        notes: Read them slowly.\n        bullets:\n{items}\n")
    relaxed = CliRunner().invoke(main, ["check", str(outline)])
    assert relaxed.exit_code == 0
    strict = CliRunner().invoke(main, ["check", str(outline), "--strict"])
    assert strict.exit_code == 1
    assert (f"{outline}:6:9: warning: sections[0].slides[0]: bullets shrunk to "
            in strict.stderr)
    assert "to fit (preferred 20 pt)" in strict.stderr
