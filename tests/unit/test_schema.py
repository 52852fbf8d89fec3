"""The published JSON Schema: current, and it accepts the outlines the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.source import parse

ROOT = Path(__file__).parents[2]
GOOD = [ROOT / "outline.yaml", ROOT / "tests/fixtures/minimal.yaml",
        ROOT / "generator/starter/outline.yaml"]


def _schema() -> dict:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_committed_schema_is_current(update_golden):
    path = ROOT / "docs/outline.schema.json"
    printed = CliRunner().invoke(main, ["schema"]).stdout
    if update_golden:
        path.write_text(printed)
    assert path.read_text() == printed, "run: deckgen schema > docs/outline.schema.json"


@pytest.mark.parametrize("path", [p for p in GOOD if p.exists()], ids=lambda p: p.name)
def test_schema_validates_good_outlines(path):
    data = parse(path.read_text()).data  # dates stay text, as editors read them
    jsonschema.Draft202012Validator(_schema()).validate(data)


def test_schema_rejects_an_unknown_key():
    data = {"meta": {"title": "x", "titel": "y"}, "sections": [{"title": "s"}]}
    errors = list(jsonschema.Draft202012Validator(_schema()).iter_errors(data))
    assert errors


def test_outline_yaml_points_editors_at_the_schema():
    first = (ROOT / "outline.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=./docs/outline.schema.json"
