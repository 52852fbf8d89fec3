"""Hostile files and faults: each ends in exit 1 (or 3) with one located line, bounded in time
and memory, nothing half-written."""

from __future__ import annotations

import io
import os
import resource
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMORY = 1024 * 1024 * 1024
"""Address space each CLI run may use: a hostile input must not take more."""
SECONDS = 120

OUTLINE = """\
meta:
  title: Hostile inputs
  date: 2025-01-15
sections:
  - title: First
    prose:
      - A paragraph.
    slides:
      - kind: bullets
        title: Points
        bullets: [One, Two]
"""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(*args: str, cwd: Path, timeout: float = SECONDS, env: dict | None = None,
        ) -> subprocess.CompletedProcess:
    """Run the CLI in a process limited to MEMORY; fails the test on a timeout."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=_limits)


def assert_error(result: subprocess.CompletedProcess, code: int, *fragments: str) -> str:
    """Assert exit ``code``, no traceback, and a first line that holds every fragment."""
    err = result.stderr
    assert result.returncode == code, err
    assert "Traceback" not in err and "internal error" not in err, err
    first = err.splitlines()[0]
    for fragment in fragments:
        assert fragment in first, err
    assert len(first) < 400, first
    return first


def outline(tmp_path: Path, text: str = OUTLINE, name: str = "outline.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def with_slide(slide: str) -> str:
    """The outline with one more slide (YAML lines indented for the slides list)."""
    return OUTLINE + "".join(f"      {line}\n" for line in slide.strip("\n").splitlines())


# --- templates -----------------------------------------------------------------------------


def _default_template() -> bytes:
    from generator import templates

    return templates.default_path().read_bytes()


def _rezip(edit, data: bytes | None = None) -> bytes:
    """Return the default template with ``edit(name, blob) -> blob | None`` applied per entry."""
    src = zipfile.ZipFile(io.BytesIO(data or _default_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = edit(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(info.filename, blob)
    return out.getvalue()


LAYOUT = "ppt/slideLayouts/slideLayout2.xml"


def _doctype(name: str, blob: bytes) -> bytes:
    if name != LAYOUT:
        return blob
    head, rest = blob.split(b"?>", 1)
    return (head + b'?><!DOCTYPE p:sldLayout [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            + rest.replace(b'name="Title and Content"', b'name="&xxe;"'))


def _bad_idx(name: str, blob: bytes) -> bytes:
    return blob.replace(b'idx="1"', b'idx="one"') if name == LAYOUT else blob


def _no_csld(name: str, blob: bytes) -> bytes:
    if name != LAYOUT:
        return blob
    return blob.replace(b"<p:cSld", b"<p:xSld").replace(b"</p:cSld>", b"</p:xSld>")


def _bad_size(name: str, blob: bytes) -> bytes:
    return blob.replace(b'cx="9144000"', b'cx="wide"') if name == "ppt/presentation.xml" else blob


def _no_root_rels(name: str, blob: bytes) -> bytes | None:
    return None if name == "_rels/.rels" else blob


def _external(name: str, blob: bytes) -> bytes:
    if name != f"ppt/slideLayouts/_rels/{LAYOUT.rsplit('/', 1)[1]}.rels":
        return blob
    return blob.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                        b'openxmlformats.org/officeDocument/2006/relationships/image" '
                        b'Target="file://attacker/share/x.png" TargetMode="External"/>'
                        b"</Relationships>")


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        src = zipfile.ZipFile(io.BytesIO(_default_template()))
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("ppt/media/bomb.xml", "w") as stream:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                stream.write(chunk)
    return out.getvalue()


def _flag(data: bytes, name: str, *, flag: int | None = None, method: int | None = None,
          corrupt: bool = False) -> bytes:
    """Return ``data`` with entry ``name``'s flag bits or method set, or its data damaged."""
    buf = bytearray(data)
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(name)
    local = info.header_offset
    name_len, extra_len = struct.unpack("<HH", buf[local + 26:local + 30])
    start = local + 30 + name_len + extra_len
    if corrupt:
        for i in range(start, start + min(64, info.compress_size)):
            buf[i] ^= 0x5A
    central = buf.find(b"PK\x01\x02")
    while central != -1:
        clen = struct.unpack("<H", buf[central + 28:central + 30])[0]
        if bytes(buf[central + 46:central + 46 + clen]).decode() == name:
            break
        central = buf.find(b"PK\x01\x02", central + 4)
    for header, off in ((local, 6), (central, 8)):
        if flag is not None:
            struct.pack_into("<H", buf, header + off, flag)
        if method is not None:
            struct.pack_into("<H", buf, header + off + 2, method)
    return bytes(buf)


def _template_cases() -> dict[str, tuple[bytes, str]]:
    base = _default_template()
    return {
        "doctype": (_rezip(_doctype), f"{LAYOUT}: has a document type declaration"),
        "bad-idx": (_rezip(_bad_idx), f"{LAYOUT}: p:ph idx is 'one'; expected a whole number"),
        "no-csld": (_rezip(_no_csld), f"{LAYOUT}: has no p:cSld element; expected one"),
        "bad-size": (_rezip(_bad_size), "ppt/presentation.xml: p:sldSz cx is 'wide'"),
        "no-rels": (_rezip(_no_root_rels), "_rels/.rels: is missing"),
        "external": (_rezip(_external), "points outside the package to 'file://attacker"),
        "bomb": (_bomb(), "ppt/media/bomb.xml: inflates more than 200 times"),
        "encrypted": (_flag(base, LAYOUT, flag=1), f"{LAYOUT}: is encrypted"),
        "method": (_flag(base, LAYOUT, method=14), f"{LAYOUT}: uses compression method 14"),
        "corrupt": (_flag(base, LAYOUT, corrupt=True), f"{LAYOUT}: is corrupt"),
        "truncated": (base[:len(base) // 2], "not a readable PowerPoint file"),
    }


TEMPLATE_CASES = _template_cases()


@pytest.mark.parametrize("case", sorted(TEMPLATE_CASES))
def test_hostile_template_is_a_located_error_in_check_template(tmp_path, case):
    data, expected = TEMPLATE_CASES[case]
    (tmp_path / "corp.pptx").write_bytes(data)
    first = assert_error(run("check-template", "corp.pptx", cwd=tmp_path), 1, expected)
    assert first.startswith("corp.pptx: "), first


@pytest.mark.parametrize("case", ["doctype", "bad-idx", "bomb", "external", "corrupt"])
def test_hostile_template_is_a_located_error_in_check_and_build(tmp_path, case):
    data, expected = TEMPLATE_CASES[case]
    (tmp_path / "corp.pptx").write_bytes(data)
    outline(tmp_path, OUTLINE + "brand:\n  template: corp.pptx\n")
    for command in (["check"], ["build", "--out", "out"]):
        first = assert_error(run(*command, "outline.yaml", cwd=tmp_path), 1,
                             "outline.yaml:13:13: brand.template: 'corp.pptx' cannot be used "
                             "as a template: ", expected)
        assert first
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_template_that_is_a_fifo_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "corp.pptx")
    assert_error(run("check-template", "corp.pptx", cwd=tmp_path, timeout=30), 1,
                 "corp.pptx: ", "not a regular file")
