"""outline.yaml as a presenter sees it in LibreOffice Impress: nothing outside its box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from helpers import check_layout

ROOT = Path(__file__).parents[2]
pytestmark = [pytest.mark.render,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]


@pytest.mark.parametrize("brand", ["ember", "midnight"])
def test_outline_deck_renders_every_word_inside_its_box(tmp_path, brand):
    result = CliRunner().invoke(main, ["build", str(ROOT / "outline.yaml"), "--out",
                                       str(tmp_path), "--only", "deck", "--brand", brand])
    assert result.exit_code == 0, result.output
    assert check_layout(tmp_path / "deck.pptx") == []


def test_outline_passes_strict_check():
    result = CliRunner().invoke(main, ["check", str(ROOT / "outline.yaml"), "--strict"])
    assert result.exit_code == 0, result.stderr
