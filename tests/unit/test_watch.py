"""The watcher: a changed outline, theme or image triggers exactly one rebuild."""

from __future__ import annotations

import os
from pathlib import Path

from generator.watch import LastBuild, Watcher, used_files


def _touch(path: Path, text: str) -> None:
    path.write_text(text)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_used_files_names_outline_themes_and_images(tmp_path):
    outline = tmp_path / "outline.yaml"
    data = {"brand": "mine.yaml", "sections": [{"slides": [{"image": "img/a.png"}]}],
            "meta": {"title": "Not a file name"}}
    assert used_files(outline, data) == {
        outline.resolve(), (tmp_path / "mine.yaml").resolve(), (tmp_path / "img/a.png").resolve()}


def test_a_change_rebuilds_once_and_a_new_file_is_watched(tmp_path):
    outline = tmp_path / "outline.yaml"
    image = tmp_path / "a.png"
    outline.write_text("v1")
    image.write_text("png")
    builds = []

    def rebuild() -> set[Path]:
        builds.append(outline.read_text())
        return {outline, image}

    watcher = Watcher({outline}, rebuild)
    assert watcher.poll() is False
    _touch(outline, "v2")
    assert watcher.poll() is True
    assert watcher.poll() is False
    _touch(image, "png2")
    assert watcher.poll() is True
    assert builds == ["v2", "v2"]


def test_run_stops_when_asked(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("v1")
    looks = []
    Watcher({outline}, lambda: {outline}).run(interval=0, stop=lambda: len(looks) > 2
                                              or looks.append(1))
    assert len(looks) == 3


def test_last_build_is_the_same_until_the_content_or_a_used_file_or_an_output_changes(tmp_path):
    outline, image, deck = tmp_path / "outline.yaml", tmp_path / "a.png", tmp_path / "deck.pptx"
    for path in (outline, image, deck):
        path.write_text("x")
    used = {outline.resolve(), image.resolve()}
    last = LastBuild()
    assert not last.same({"title": "A"}, outline, used, [deck])  # nothing built yet
    last.record({"title": "A"}, outline, used, [deck])
    _touch(outline, "x  # a comment")
    assert last.same({"title": "A"}, outline, used, [deck])
    assert not last.same({"title": "B"}, outline, used, [deck])
    _touch(image, "y")
    assert not last.same({"title": "A"}, outline, used, [deck])
    last.record({"title": "A"}, outline, used, [deck])
    deck.unlink()
    assert not last.same({"title": "A"}, outline, used, [deck])


def test_a_logo_named_inside_a_theme_file_is_watched(tmp_path):
    from PIL import Image

    from generator.loader import load
    from generator.watch import brand_files

    Image.new("RGB", (8, 8), "red").save(tmp_path / "logo.png")
    (tmp_path / "theme.yaml").write_text("base: default\nlogo: logo.png\n")
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta: {title: T}\nbrand: theme.yaml\nsections: [{title: S}]\n")
    files = used_files(outline, {"brand": "theme.yaml"}) | brand_files(load(outline).outline)
    assert (tmp_path / "logo.png").resolve() in files
    assert (tmp_path / "theme.yaml").resolve() in files
