"""watch rebuilds on a save and survives mistakes; preview renders slides and pages to PNG."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from generator import preview as previews
from generator.cli import main

ROOT = Path(__file__).parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def _wait_for(condition, timeout: float = 120.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


class _Lines:
    """The lines a process writes to a pipe, read by a thread as they come."""

    def __init__(self, pipe) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self._thread.start()

    def _read(self, pipe) -> None:
        for line in pipe:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, after: int = 0, count: int = 1,
                 timeout: float = 120.0) -> int:
        """Wait for ``count`` lines from index ``after`` on that contain ``text``; return the
        number of lines seen so far (the next ``after``). Fails after ``timeout`` seconds."""
        def seen() -> bool:
            return sum(text in line for line in self.lines[after:]) >= count

        with self._changed:
            assert self._changed.wait_for(seen, timeout), (
                f"no line with {text!r} in {timeout} s; got {self.lines[after:]}")
            return len(self.lines)

    def text(self) -> str:
        self._thread.join(timeout=30)
        return "".join(self.lines)


def _title(deck: Path) -> str | None:
    try:
        return Presentation(str(deck)).slides[0].shapes.title.text
    except Exception:  # noqa: BLE001 - the file may be mid-rename; look again
        return None


def test_watch_rebuilds_after_a_save_and_reports_mistakes_without_exiting(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(MINIMAL.read_text())
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "watch", str(outline),
                             "--out", str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    deck = out / "deck.pptx"
    err = _Lines(proc.stderr)
    try:
        assert _wait_for(lambda: _title(deck) == "A minimal outline")
        outline.write_text(MINIMAL.read_text().replace("A minimal outline", "Renamed deck"))
        assert _wait_for(lambda: _title(deck) == "Renamed deck")
        seen = err.wait_for("wrote", count=2)  # the first build, then the rename's
        good = deck.read_bytes()
        built = deck.stat().st_mtime_ns
        renamed = MINIMAL.read_text().replace("A minimal outline", "Renamed deck")
        outline.write_text(renamed + "\n# a comment changes nothing that is built\n")
        seen = err.wait_for("no change to the content", after=seen)
        assert deck.stat().st_mtime_ns == built, "a save with the same content rebuilds nothing"
        outline.write_text(MINIMAL.read_text().replace("title: A minimal", "titel: A minimal"))
        err.wait_for("not rebuilt", after=seen)
        assert proc.poll() is None, "watch keeps running after a mistake"
        assert deck.read_bytes() == good, "the last good deck stays in place"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()
    stderr = err.text()
    proc.stderr.close()
    assert "unknown key 'titel'; did you mean 'title'?" in stderr
    assert "not rebuilt" in stderr
    assert "no change to the content" in stderr
    assert "Traceback" not in stderr


def test_preview_renders_every_slide_and_page(tmp_path):
    result = CliRunner().invoke(main, ["preview", str(MINIMAL), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    shots = tmp_path / "preview"
    slides = len(Presentation(str(tmp_path / "deck.pptx")).slides)
    pages = len(PdfReader(tmp_path / "brief.pdf").pages)
    assert len(list(shots.glob("slide-*.png"))) == slides
    assert len(list(shots.glob("page-*.png"))) == pages
    sheet = (shots / "contact-sheet.png").read_bytes()
    assert sheet.startswith(b"\x89PNG")


def test_preview_reports_warnings_as_build_does_and_fails_on_them_under_strict(tmp_path):
    outline = MINIMAL  # its slides have no speaker notes: a warning each
    built = CliRunner().invoke(main, ["build", str(outline), "--out", str(tmp_path / "b")])
    warnings = [line for line in built.stderr.splitlines() if ": warning: " in line]
    assert warnings
    shown = CliRunner().invoke(main, ["preview", str(outline), "--out", str(tmp_path / "p")])
    assert shown.exit_code == 0, shown.output
    assert [line for line in shown.stderr.splitlines() if ": warning: " in line] == warnings
    quiet = CliRunner().invoke(main, ["preview", str(outline), "--out", str(tmp_path / "q"),
                                      "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    strict = CliRunner().invoke(main, ["preview", str(outline), "--out", str(tmp_path / "s"),
                                       "--strict"])
    assert strict.exit_code == 1 and not (tmp_path / "s" / "preview").exists()


def test_preview_needs_no_libreoffice_or_poppler(tmp_path, monkeypatch):
    """Preview renders with PDFium from pip: with no program found on PATH it still works."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(main, ["preview", str(MINIMAL), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    slides = len(Presentation(str(tmp_path / "deck.pptx")).slides)
    assert len(list((tmp_path / "preview").glob("slide-*.png"))) == slides
    assert len(previews.pdf_to_pngs(tmp_path / "deck.pdf", tmp_path, "again")) == slides


def test_progress_is_quiet_in_ci_and_with_quiet(monkeypatch):
    from generator.cli import _progress

    monkeypatch.setenv("CI", "true")
    assert _progress(False) is None
    monkeypatch.delenv("CI")
    assert _progress(True) is None
