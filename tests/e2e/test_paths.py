"""Image, logo and template paths stay inside the outline's folder unless allowed out."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def _png(path: Path) -> None:
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 8 for _ in range(8))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2,
                     0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _outline(folder: Path, image: str, logo: str | None = None) -> Path:
    brand = f"brand:\n  base: default\n  logo: {logo}\n" if logo else ""
    path = folder / "outline.yaml"
    path.write_text(f"meta:\n  title: Paths\n{brand}sections:\n  - title: One\n    slides:\n"
                    f"      - kind: image\n        title: A picture\n        image: {image}\n"
                    "        alt: A grey square\n")
    return path


def _check(outline: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(outline), *args])


def test_a_picture_inside_the_folder_builds(tmp_path):
    (tmp_path / "img").mkdir()
    _png(tmp_path / "img" / "a.png")
    result = CliRunner().invoke(main, ["build", str(_outline(tmp_path, "img/a.png", "img/a.png")),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_absolute_and_parent_paths_are_refused_unless_allowed(tmp_path):
    outside = tmp_path / "outside.png"
    _png(outside)
    project = tmp_path / "project"
    project.mkdir()
    for image in (str(outside), "../outside.png"):
        result = _check(_outline(project, image))
        assert result.exit_code == 1
        assert f"'{image}' is outside the outline's folder" in result.stderr
        assert result.stderr.startswith(f"{project / 'outline.yaml'}:8:16:")
        assert _check(_outline(project, image), "--allow-outside").exit_code == 0


def test_a_symlink_that_leads_out_is_refused(tmp_path):
    outside = tmp_path / "secret.png"
    _png(outside)
    project = tmp_path / "project"
    project.mkdir()
    (project / "link.png").symlink_to(outside)
    result = _check(_outline(project, "link.png"))
    assert result.exit_code == 1
    assert "'link.png' is outside the outline's folder" in result.stderr


def test_a_file_that_is_not_an_image_is_a_located_error(tmp_path):
    (tmp_path / "notes.png").write_text("not really a picture")
    result = _check(_outline(tmp_path, "notes.png"))
    assert result.exit_code == 1
    assert "'notes.png' is not a PNG or JPEG image" in result.stderr


def test_a_logo_outside_is_located_at_the_logo(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    _png(project / "a.png")
    _png(tmp_path / "logo.png")
    result = _check(_outline(project, "a.png", "../logo.png"))
    assert result.exit_code == 1
    assert "brand.logo: '../logo.png' is outside the outline's folder" in result.stderr
