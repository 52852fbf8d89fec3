"""Builds CI can trust: reproducible bytes, atomic writes, manifest, strict mode, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from generator import build as builds
from generator.cli import main

ROOT = Path(__file__).parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z


def _build(outline: Path, out: Path, *args: str, env: dict | None = None):
    return CliRunner(env=env or {"SOURCE_DATE_EPOCH": EPOCH}).invoke(
        main, ["build", str(outline), "--out", str(out), *args])


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert _build(MINIMAL, first).exit_code == 0
    assert _build(MINIMAL, second).exit_code == 0
    for name in ("deck.pptx", "brief.pdf", "manifest.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_source_date_epoch_sets_every_timestamp(tmp_path):
    assert _build(MINIMAL, tmp_path).exit_code == 0
    with zipfile.ZipFile(tmp_path / "deck.pptx") as z:
        assert {info.date_time for info in z.infolist()} == {(2025, 1, 1, 0, 0, 0)}
    props = Presentation(str(tmp_path / "deck.pptx")).core_properties
    assert props.created.year == 2025 and props.modified.year == 2025
    assert props.created.month == 1 and props.created.day == 1
    info = PdfReader(tmp_path / "brief.pdf").metadata
    assert info["/CreationDate"].startswith("D:20250101")


def test_without_source_date_epoch_the_outline_date_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = CliRunner().invoke(main, ["build", str(MINIMAL), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "deck.pptx") as z:
        assert {info.date_time for info in z.infolist()} == {(2025, 1, 15, 0, 0, 0)}


def test_manifest_describes_what_was_written(tmp_path):
    result = _build(MINIMAL, tmp_path, "--json")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert json.loads(result.stdout) == manifest
    assert manifest["tool"] == "deckgen"
    assert manifest["outline"]["sha256"] == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()
    by_path = {a["path"]: a for a in manifest["artifacts"]}
    deck, brief = by_path["deck.pptx"], by_path["brief.pdf"]
    assert deck["sha256"] == hashlib.sha256((tmp_path / "deck.pptx").read_bytes()).hexdigest()
    assert deck["bytes"] == (tmp_path / "deck.pptx").stat().st_size
    assert deck["slides"] == len(Presentation(str(tmp_path / "deck.pptx")).slides)
    assert brief["pages"] == len(PdfReader(tmp_path / "brief.pdf").pages)
    assert isinstance(manifest["warnings"], list)


def test_success_ends_with_one_line_naming_what_was_written(tmp_path):
    result = _build(MINIMAL, tmp_path)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("wrote ") and "deck.pptx (" in last and " slides)" in last
    assert "brief.pdf (" in last and " pages)" in last and last.endswith(" s")


def test_only_builds_one_artifact(tmp_path):
    assert _build(MINIMAL, tmp_path, "--only", "brief").exit_code == 0
    assert (tmp_path / "brief.pdf").exists() and not (tmp_path / "deck.pptx").exists()


def test_unwritable_output_folder_is_exit_3_with_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = _build(MINIMAL, blocker / "out")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output folder" in lines[0]
    assert str(blocker / "out") in lines[0]


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path):
    outline = tmp_path / "pale.yaml"
    outline.write_text(MINIMAL.read_text().replace(
        "meta:", "brand:\n  palette:\n    text: '#BBBBBB'\nmeta:"))
    out = tmp_path / "out"
    relaxed = _build(outline, out)
    assert relaxed.exit_code == 0
    assert "low contrast: body text on background (#BBBBBB on #FFFFFF)" in relaxed.stderr
    before = (out / "deck.pptx").read_bytes()
    strict = _build(outline, out, "--strict")
    assert strict.exit_code == 1
    assert "(an error under --strict)" in strict.stderr
    assert (out / "deck.pptx").read_bytes() == before


def test_a_failing_builder_leaves_earlier_outputs_and_no_temporary_files(tmp_path, monkeypatch):
    assert _build(MINIMAL, tmp_path).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = builds.builder

    class Exploding:
        def build(self, outline, path, options):
            path.write_bytes(b"half a file")
            raise KeyboardInterrupt

    monkeypatch.setattr(builds, "builder",
                        lambda name: Exploding() if name == "brief" else real(name))
    result = _build(MINIMAL, tmp_path)
    assert result.exit_code == 130
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_bad_source_date_epoch_is_an_environment_problem(tmp_path):
    result = _build(MINIMAL, tmp_path, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 3
    assert "SOURCE_DATE_EPOCH is 'yesterday'" in result.stderr


def test_output_folder_that_cannot_be_made_is_exit_3(tmp_path):
    """An --out path under a regular file cannot be written by anyone, root included (CI
    runs as root, where the read-only folder below is skipped)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _build(MINIMAL, blocker / "out")
    assert result.exit_code == 3
    assert "cannot write the output folder" in result.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_is_exit_3(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        assert _build(MINIMAL, out).exit_code == 3
    finally:
        out.chmod(0o700)


def test_as_a_real_process_a_build_flushes_everything_before_it_exits(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run([sys.executable, "-m", "generator", "build", str(MINIMAL), "--out",
                           str(tmp_path), "--json"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads(proc.stdout)  # the whole manifest reached the pipe
    for artifact in manifest["artifacts"]:
        data = (tmp_path / artifact["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == artifact["sha256"]
    assert "wrote " in proc.stderr
    in_process = tmp_path / "in-process"
    assert _build(MINIMAL, in_process).exit_code == 0
    for name in ("deck.pptx", "brief.pdf"):
        assert (in_process / name).read_bytes() == (tmp_path / name).read_bytes()
