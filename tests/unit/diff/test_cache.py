"""The diff's build cache: an entry's digest covers everything the build reads, nothing else."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

from generator import build as builds
from generator.diff import cache
from generator.diff.pages import Build, Page
from generator.loader import load

FIXTURE = Path(__file__).parents[2] / "fixtures" / "diff_before.yaml"


def _key(path: Path, **changes) -> str:
    loaded = load(path)
    return cache.key(loaded, replace(builds.options_for(loaded), **changes))


def test_the_digest_ignores_the_outline_s_file_name_but_not_what_it_reads(tmp_path):
    a, b = tmp_path / "outline.yaml", tmp_path / ".deckgen-diff-x1y2.yaml"
    shutil.copy(FIXTURE, a)
    shutil.copy(FIXTURE, b)
    assert _key(a) == _key(b), "the revision's copy has a new name every run"
    assert _key(a, aspect="4:3") != _key(a)
    options = builds.options_for(load(a))
    assert _key(a, timestamp=options.timestamp.replace(year=2030)) != _key(a)
    b.write_text(b.read_text().replace("What we learned", "What we heard"))
    assert _key(b) != _key(a)


def test_a_font_file_named_by_the_theme_is_read_into_the_digest(tmp_path):
    fonts = Path(cache.__file__).parents[1] / "fonts"
    font = next(p for p in sorted(fonts.iterdir()) if p.suffix == ".ttf")
    shutil.copy(font, tmp_path / "Brand.ttf")
    text = FIXTURE.read_text().replace(
        "sections:\n", "brand:\n  fonts:\n    files: [Brand.ttf]\nsections:\n", 1)
    outline = tmp_path / "outline.yaml"
    outline.write_text(text)
    before = _key(outline)
    data = bytearray((tmp_path / "Brand.ttf").read_bytes())
    data[-1] ^= 1  # one bit of the last table differs
    (tmp_path / "Brand.ttf").write_bytes(bytes(data))
    assert _key(outline) != before


def test_entries_round_trip_and_only_the_newest_are_kept(tmp_path, monkeypatch):
    folder, where = tmp_path / "built", tmp_path / "cache"
    folder.mkdir()
    where.mkdir()
    (folder / "deck.pdf").write_bytes(b"%PDF-1.4 deck")
    build = Build([Page("slide", 0, "Title", ("a", "b"))], [], folder / "deck.pdf",
                  folder / "brief.pdf")
    kept = cache.put(where, "k0", build)
    assert kept.slides_pdf == where / "k0" / "deck.pdf" and kept.slides_pdf.is_file()
    assert (kept.slides, kept.pages) == (build.slides, build.pages)
    assert cache.get(where, "missing") is None
    for n in (1, 2):
        cache.put(where, f"k{n}", build)
    monkeypatch.setattr(cache, "KEEP", 2)
    for age, name in enumerate(("k2", "k1", "k0")):  # k0 oldest
        os.utime(where / name, ns=(time.time_ns() - (age + 1) * 10**9,) * 2)
    assert cache.get(where, "k0") is not None  # used now: the newest
    cache.put(where, "k3", build)
    assert sorted(p.name for p in where.iterdir()) == ["k0", "k3"]
