"""The all-or-nothing commit: every file replaced, or every file as it was."""

from __future__ import annotations

import os

import pytest

from generator import commit
from generator.errors import EnvironmentProblem


def _setup(tmp_path):
    moves = {}
    for name in ("deck.pptx", "brief.pdf", "manifest.json"):
        (tmp_path / name).write_text(f"old {name}")
        temp = commit.temp_path(tmp_path, name)
        temp.write_text(f"new {name}")
        moves[tmp_path / name] = temp
    return moves


def _contents(tmp_path):
    return {p.name: p.read_text() for p in tmp_path.iterdir() if p.is_file()}


def test_every_file_is_replaced_and_nothing_else_is_left(tmp_path):
    commit.Commit(_setup(tmp_path)).run()
    assert _contents(tmp_path) == {"deck.pptx": "new deck.pptx", "brief.pdf": "new brief.pdf",
                                   "manifest.json": "new manifest.json"}


def test_a_failed_rename_puts_the_earlier_ones_back(tmp_path, monkeypatch):
    moves = _setup(tmp_path)
    real = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst)

    monkeypatch.setattr(commit.os, "replace", flaky)
    with pytest.raises(EnvironmentProblem, match="brief.pdf: cannot be replaced"):
        commit.Commit(moves).run()
    monkeypatch.setattr(commit.os, "replace", real)
    olds = {n: t for n, t in _contents(tmp_path).items() if not n.startswith(".")}
    assert olds == {"deck.pptx": "old deck.pptx", "brief.pdf": "old brief.pdf",
                    "manifest.json": "old manifest.json"}
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".old")]


def test_a_stop_half_way_puts_the_earlier_ones_back(tmp_path, monkeypatch):
    moves = _setup(tmp_path)
    real = os.replace
    calls = []

    def stopped(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise commit.Terminated("SIGTERM")
        return real(src, dst)

    monkeypatch.setattr(commit.os, "replace", stopped)
    with pytest.raises(KeyboardInterrupt):
        commit.Commit(moves).run()
    monkeypatch.setattr(commit.os, "replace", real)
    assert (tmp_path / "deck.pptx").read_text() == "old deck.pptx"
    assert (tmp_path / "brief.pdf").read_text() == "old brief.pdf"


def test_sweep_removes_temporary_files_of_dead_processes_only(tmp_path):
    mine = commit.temp_path(tmp_path, "deck.pptx")
    dead = tmp_path / f"{commit.TEMP_PREFIX}999999999-deck.pptx.abc.pptx"
    dead.write_text("left by a killed build")
    other = tmp_path / ".hidden"
    other.write_text("not ours")
    assert commit.sweep(tmp_path) == [dead]
    assert mine.exists() and other.exists() and not dead.exists()


def test_sweep_of_its_own_removes_this_process_files_once_its_build_is_over(tmp_path):
    mine = commit.temp_path(tmp_path, "deck.pptx")
    assert commit.sweep(tmp_path) == []
    assert commit.sweep(tmp_path, own=True) == [mine]
