"""Hostile files and faults: each ends in exit 1 (or 3) with one located line, bounded in time
and memory, nothing half-written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
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
    assert len(first) < 700, first  # a path the user typed may be shown in full
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
    from generator.deck import template_reader as templates

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


# --- images --------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with almost no pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _png_chunk(b"IEND", b""))


def _real_png(size: tuple[int, int] = (64, 48)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, "PNG")
    return out.getvalue()


def _real_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((64, 48), 60).convert("RGB").save(out, "JPEG")
    return out.getvalue()


IMAGE_SLIDE = """\
- kind: image
  title: A picture
  image: picture.png
  alt: A picture
"""


def _image_cases() -> dict[str, tuple[bytes | None, str]]:
    png = _real_png((400, 300))
    jpeg = _real_jpeg()
    return {
        "huge-pixels": (_png_header_only(30000, 30000), "is 30,000 x 30,000 pixels; expected at "
                        "most 50 million pixels"),
        "zero-pixels": (_png_header_only(0, 0), "is 0 x 0 pixels; expected an image with pixels"),
        "empty-file": (b"", "is empty (0 bytes)"),
        "jpeg-garbage": (b"\xff\xd8\xff" + b"garbage " * 250, "is not a valid JPEG"),
        "jpeg-truncated": (jpeg[:len(jpeg) // 2], "cannot be decoded"),
        "png-truncated": (png[:len(png) // 2], "cannot be decoded"),
        "not-an-image": (b"GIF89a" + b"\x00" * 100, "is not a PNG or JPEG image"),
        "huge-file": (None, "bytes; expected at most 52,428,800"),
    }


IMAGE_CASES = _image_cases()


@pytest.mark.parametrize("case", sorted(IMAGE_CASES))
def test_hostile_image_is_an_error_at_its_line(tmp_path, case):
    data, expected = IMAGE_CASES[case]
    picture = tmp_path / "picture.png"
    if data is None:  # a sparse file: big on paper, nothing on disk
        picture.write_bytes(_real_png())
        os.truncate(picture, 60 * 1024 * 1024)
    else:
        picture.write_bytes(data)
    outline(tmp_path, with_slide(IMAGE_SLIDE))
    for command in (["check"], ["build", "--out", "out"]):
        assert_error(run(*command, "outline.yaml", cwd=tmp_path), 1,
                     "outline.yaml:14:16: sections[0].slides[1].image: 'picture.png' ", expected)
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_image_that_is_a_fifo_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "picture.png")
    outline(tmp_path, with_slide(IMAGE_SLIDE))
    assert_error(run("check", "outline.yaml", cwd=tmp_path, timeout=30), 1,
                 "outline.yaml:14:16: sections[0].slides[1].image: 'picture.png' is not a regular "
                 "file (a FIFO or device)")


def test_good_png_and_jpeg_still_build(tmp_path):
    (tmp_path / "picture.png").write_bytes(_real_png())
    (tmp_path / "photo.jpg").write_bytes(_real_jpeg())
    slides = IMAGE_SLIDE + IMAGE_SLIDE.replace("picture.png", "photo.jpg")
    outline(tmp_path, with_slide(slides))
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "deck.pptx").is_file()


# --- links ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url,what", [
    ("javascript:alert(1)", "a javascript: link"),
    ("JavaScript:alert(1)", "a javascript: link"),
    ("file:///etc/passwd", "a file: link"),
    ("smb://attacker/share", "a smb: link"),
    ("report.pdf", "a link without a scheme"),
])
def test_links_outside_the_allow_list_are_located_errors(tmp_path, url, what):
    outline(tmp_path, OUTLINE.replace("- A paragraph.", f"- A [link]({url}) here."))
    for command in (["check"], ["build", "--out", "out"]):
        assert_error(run(*command, "outline.yaml", cwd=tmp_path), 1,
                     "outline.yaml:7:9: sections[0].prose[0]: ", f"is {what}; expected a link "
                     "starting with http://, https:// or mailto:")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


REAL_URLS = [
    "https://en.wikipedia.org/wiki/Xiaomi_(company)",
    "https://www.google.com/search?q=deck+generator&hl=en&num=10",
    "https://docs.python.org/3/library/zipfile.html#zipfile.ZipFile.open",
    "https://example.com/a_(b)/c?d=(e)&f=g#h",
    "mailto:team@example.com?subject=Brief",
]


def test_real_world_urls_survive_in_both_artifacts(tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    bullets = ", ".join(f"'[link {i}]({url})'" for i, url in enumerate(REAL_URLS))
    prose = " ".join(f"[link {i}]({url})" for i, url in enumerate(REAL_URLS))
    text = OUTLINE.replace("- A paragraph.", f"- See {prose}.").replace(
        "bullets: [One, Two]", f"bullets: [{bullets}]")
    outline(tmp_path, text)
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / "deck.pptx"))
    in_deck = {run.hyperlink.address for slide in deck.slides for shape in slide.shapes
               if shape.has_text_frame for para in shape.text_frame.paragraphs
               for run in para.runs if run.hyperlink.address}
    assert set(REAL_URLS) <= in_deck, in_deck
    in_pdf = set()
    for page in PdfReader(str(tmp_path / "out" / "brief.pdf")).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if action.get("/URI"):
                in_pdf.add(str(action["/URI"]))
    assert set(REAL_URLS) <= in_pdf, in_pdf


# --- values --------------------------------------------------------------------------------


def _chart(kind: str, values: str, extra: str = "") -> str:
    return with_slide(f"""
- kind: chart
  title: A chart
  chart:
    type: {kind}
    categories: [a, b, c]
    series: [{{name: s, values: [{values}]}}]{extra}
""")


@pytest.mark.parametrize("text,where,expected", [
    (_chart("pie", "0, 0, 0"), "17:38: sections[0].slides[1].chart.series[0].values",
     "the pie chart's values add up to zero"),
    (_chart("doughnut", "3, -1, 2"), "17:42: sections[0].slides[1].chart.series[0].values[1]",
     "a doughnut chart cannot show the negative value -1; expected shares of zero or more"),
    (_chart("bar", "1, .nan, 2"), "17:42: sections[0].slides[1].chart.series[0].values[1]",
     "the value is not a number (.nan)"),
    (_chart("bar", "1, .inf, 2"), "17:42: sections[0].slides[1].chart.series[0].values[1]",
     "the value infinite is too large to chart"),
    (_chart("line", "1, 1e308, 2"), "17:42: sections[0].slides[1].chart.series[0].values[1]",
     "the value 1e+308 is too large to chart"),
    (_chart("bar", "1, " + "9" * 5000 + ", 2"), "17:42: ", "the number has 5,000 digits"),
    (_chart("bar", "1, 2, 3", "\n    number_format: '<0>'"),
     "18:26: sections[0].slides[1].chart.number_format", "'<0>' is not a number format"),
])
def test_values_the_builders_cannot_draw_are_located_errors(tmp_path, text, where, expected):
    outline(tmp_path, text)
    for command in (["check"], ["build", "--out", "out"]):
        assert_error(run(*command, "outline.yaml", cwd=tmp_path), 1, f"outline.yaml:{where}",
                     expected)


@pytest.mark.parametrize("date,epoch", [("2108-03-01", None), ("9999-12-31", None),
                                        ("2025-01-15", "99999999999999"), ("2025-01-15", "-5")])
def test_dates_beyond_zip_are_clamped_for_file_metadata(tmp_path, date, epoch):
    outline(tmp_path, OUTLINE.replace("2025-01-15", date))
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as deck:
        years = {info.date_time[0] for info in deck.infolist()}
    assert years <= set(range(1980, 2108)), years


# --- sizes ---------------------------------------------------------------------------------


def _alias_bomb() -> str:
    return ("meta:\n  title: x\n  subtitle: &a " + "y" * 100_000 + "\nsections:\n  - title: s\n"
            "    prose: [" + ", ".join(["*a"] * 1000) + "]\n")


def _long(n: int) -> str:
    return ("lorem ipsum dolor sit amet " * (n // 27 + 1))[:n].strip()


SIZE_CASES = {
    "alias-bytes": (_alias_bomb(), "outline.yaml: expands to more than 20,971,520 characters"),
    "paragraph": (OUTLINE.replace("- A paragraph.", "- " + _long(1_000_000)),
                  "outline.yaml:7:9: sections[0].prose[0]: text of 1,000,000 characters"),
    "title": (OUTLINE.replace("title: Hostile inputs", "title: " + _long(1_000_000)),
              "outline.yaml:2:10: meta.title: text of 1,000,000 characters"),
    "chart": (with_slide("- kind: chart\n  title: c\n  chart:\n    type: line\n"
                         "    categories: [" + ", ".join(f"c{i}" for i in range(100_000)) + "]\n"
                         "    series: [{name: s, values: [" + ", ".join(["1"] * 100_000) + "]}]"),
              "sections[0].slides[1].chart.categories: the chart has 100,000 values"),
    "columns": (with_slide("- kind: table\n  title: t\n  table:\n    columns: ["
                           + ", ".join(f"h{i}" for i in range(1000)) + "]\n    rows: [["
                           + ", ".join(["x"] * 1000) + "]]"),
                "sections[0].slides[1].table.columns: the table has 1,000 columns"),
    "cell": (with_slide("- kind: table\n  title: t\n  table:\n    columns: [a, b]\n    rows: [["
                        + _long(1_000_000) + ", b]]"),
             "sections[0].slides[1].table.rows[0][0]: text of 1,000,000 characters"),
}


@pytest.mark.parametrize("case", sorted(SIZE_CASES))
def test_oversized_outlines_fail_fast_with_one_clear_error(tmp_path, case):
    text, expected = SIZE_CASES[case]
    outline(tmp_path, text)
    started = time.monotonic()
    for command in (["check"], ["build", "--out", "out"]):
        result = run(*command, "outline.yaml", cwd=tmp_path, timeout=60)
        first = assert_error(result, 1, expected)
        assert len(result.stderr) < 2000, result.stderr[:3000]
        assert first
    assert time.monotonic() - started < 60


# --- faults --------------------------------------------------------------------------------


def _digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())
            if p.is_file()}


def _temps(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".")]


def _good_build(tmp_path: Path) -> dict[str, str]:
    outline(tmp_path)
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    outline(tmp_path, OUTLINE.replace("Hostile inputs", "A second build"))
    return _digests(tmp_path / "out")


def _consistent(out: Path) -> None:
    """Assert the manifest names exactly the deck and brief that are in ``out``."""
    manifest = json.loads((out / "manifest.json").read_text())
    digests = _digests(out)
    for artifact in manifest["artifacts"]:
        assert digests[artifact["path"]] == artifact["sha256"], "a folder mixing two builds"


def test_a_target_taken_by_a_folder_leaves_the_earlier_build_whole(tmp_path):
    before = _good_build(tmp_path)
    (tmp_path / "out" / "brief.pdf").unlink()
    (tmp_path / "out" / "brief.pdf").mkdir()
    del before["brief.pdf"]
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
    assert_error(result, 3, "out/brief.pdf: is a folder; expected a file")
    assert _digests(tmp_path / "out") == before
    assert _temps(tmp_path / "out") == []


def test_an_immutable_target_leaves_the_earlier_build_whole(tmp_path):
    before = _good_build(tmp_path)
    brief = tmp_path / "out" / "brief.pdf"
    if subprocess.run(["chattr", "+i", str(brief)], capture_output=True).returncode != 0:
        pytest.skip("cannot mark a file immutable here")
    try:
        result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
        assert_error(result, 3, "out/brief.pdf: cannot be replaced")
        assert _digests(tmp_path / "out") == before
        assert _temps(tmp_path / "out") == []
    finally:
        subprocess.run(["chattr", "-i", str(brief)])


def test_a_file_size_limit_is_an_environment_error(tmp_path):
    before = _good_build(tmp_path)

    def small_files() -> None:
        _limits()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "generator", "build", "outline.yaml", "--out",
                             "out"], cwd=tmp_path, env=environ, capture_output=True, text=True,
                            timeout=SECONDS, preexec_fn=small_files)
    assert_error(result, 3, "out: cannot be written: File too large")
    assert _digests(tmp_path / "out") == before
    assert _temps(tmp_path / "out") == []


def test_a_full_disk_is_an_environment_error(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=60k", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        outline(disk)
        result = run("build", "outline.yaml", "--out", "out", cwd=disk)
        assert_error(result, 3, "out: cannot be written: No space left on device")
        assert list((disk / "out").iterdir()) == []
    finally:
        subprocess.run(["umount", str(disk)])


def _start(tmp_path: Path) -> subprocess.Popen:
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "outline.yaml",
                             "--out", "out"], cwd=tmp_path, env=environ, preexec_fn=_limits,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_temps(process: subprocess.Popen, out: Path) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(name.startswith(".deckgen-tmp-") for name in _temps(out)):
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stopped_build_removes_its_temporary_files(tmp_path, sig):
    before = _good_build(tmp_path)
    process = _start(tmp_path)
    if not _wait_for_temps(process, tmp_path / "out"):
        process.wait()
        pytest.skip("the build finished before it could be stopped")
    process.send_signal(sig)
    _, err = process.communicate(timeout=SECONDS)
    assert process.returncode != 0, err
    assert "Traceback" not in err, err
    assert "interrupted; nothing was written" in err, err
    assert _temps(tmp_path / "out") == [], err
    assert _digests(tmp_path / "out") == before


def test_temporary_files_of_a_killed_build_are_swept_by_the_next(tmp_path):
    _good_build(tmp_path)
    process = _start(tmp_path)
    if not _wait_for_temps(process, tmp_path / "out"):
        process.wait()
        pytest.skip("the build finished before it could be killed")
    process.kill()
    process.communicate(timeout=SECONDS)
    time.sleep(0.5)  # the brief's process may still be finishing its file
    result = run("build", "outline.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _temps(tmp_path / "out") == []
    _consistent(tmp_path / "out")


def test_builds_killed_at_random_moments_never_leave_a_broken_folder(tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    _good_build(tmp_path)
    rng = random.Random(13)
    for n in range(6):
        outline(tmp_path, OUTLINE.replace("Hostile inputs", f"Build number {n}"))
        process = _start(tmp_path)
        time.sleep(rng.uniform(0.2, 2.5))
        process.kill()
        process.communicate(timeout=SECONDS)
        out = tmp_path / "out"
        _consistent(out)
        Presentation(str(out / "deck.pptx"))
        assert PdfReader(str(out / "brief.pdf")).pages


# --- paths ---------------------------------------------------------------------------------


LONG = "a" * 300


@pytest.mark.parametrize("brand,expected", [
    (f"brand:\n  logo: {LONG}.png\n", "13:9: brand.logo: the path 'aaaa"),
    (f"brand:\n  template: {LONG}.pptx\n", "13:13: brand.template: the path 'aaaa"),
    (f"brand: {LONG}.yaml\n", "12:8: brand: the path 'aaaa"),
    ("brand: ../theme.yaml\n", "12:8: brand: '../theme.yaml' is outside the outline's folder"),
    ("brand:\n  base: ../theme.yaml\n", "13:9: brand.base: '../theme.yaml' is outside"),
])
def test_every_path_the_outline_names_is_checked_alike(tmp_path, brand, expected):
    (tmp_path / "theme.yaml").write_text("palette:\n  primary: '#123456'\n")
    folder = tmp_path / "deck"
    folder.mkdir()
    outline(folder, OUTLINE + brand)
    assert_error(run("check", "outline.yaml", cwd=folder), 1, f"outline.yaml:{expected}")


def test_a_fifo_outline_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "outline.yaml")
    assert_error(run("check", "outline.yaml", cwd=tmp_path, timeout=30), 1,
                 "outline.yaml: is not a regular file")


def test_a_long_output_folder_is_an_environment_error(tmp_path):
    outline(tmp_path)
    assert_error(run("build", "outline.yaml", "--out", LONG, cwd=tmp_path), 3,
                 "cannot write the output folder: File name too long")


def test_outputs_may_not_overwrite_an_input(tmp_path):
    from generator.deck import template_reader as templates

    (tmp_path / "deck.pptx").write_bytes(templates.default_path().read_bytes())
    before = (tmp_path / "deck.pptx").read_bytes()
    outline(tmp_path, OUTLINE + "brand:\n  template: deck.pptx\n")
    assert_error(run("build", "outline.yaml", "--out", ".", cwd=tmp_path), 1,
                 "deck.pptx: would overwrite ", "an input of this build")
    assert (tmp_path / "deck.pptx").read_bytes() == before
    assert not (tmp_path / "brief.pdf").exists()


def test_init_refuses_to_write_through_a_symlink(tmp_path):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "outline.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    for args in (["init", "new"], ["init", "new", "--force"]):
        assert_error(run(*args, cwd=tmp_path), 3, "is a symbolic link")
    assert not (tmp_path / "elsewhere.yaml").exists()


# --- watch and preview ---------------------------------------------------------------------


def test_watch_reports_an_unexpected_error_and_keeps_watching(tmp_path, monkeypatch, capsys):
    from generator import build as builds
    from generator import cli

    outline(tmp_path)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(builds, "build", broken)
    files = cli._rebuild(tmp_path / "outline.yaml", tmp_path / "out", None, None, False)
    err = capsys.readouterr().err
    assert tmp_path / "outline.yaml" in {Path(f) for f in files}
    assert err.strip().splitlines() == [
        "deckgen: internal error: ZeroDivisionError: division by zero; not rebuilt, still "
        "watching"]


@pytest.mark.parametrize("case", ["bomb", "doctype"])
def test_preview_reports_a_hostile_template_in_one_line(tmp_path, case):
    data, expected = TEMPLATE_CASES[case]
    (tmp_path / "corp.pptx").write_bytes(data)
    outline(tmp_path, OUTLINE + "brand:\n  template: corp.pptx\n")
    assert_error(run("preview", "outline.yaml", "--out", "out", cwd=tmp_path), 1,
                 "outline.yaml:13:13: brand.template: ", expected)
    assert not (tmp_path / "out" / "preview").exists()


def test_watch_reports_a_hostile_template_in_one_line(tmp_path, capsys):
    from generator import cli

    data, expected = TEMPLATE_CASES["bomb"]
    (tmp_path / "corp.pptx").write_bytes(data)
    outline(tmp_path, OUTLINE + "brand:\n  template: corp.pptx\n")
    cli._rebuild(tmp_path / "outline.yaml", tmp_path / "out", None, None, False)
    lines = capsys.readouterr().err.strip().splitlines()
    assert expected in lines[0] and "brand.template" in lines[0], lines
    assert lines[1:] == ["deckgen: not rebuilt; fix the outline and save again"]
    assert not (tmp_path / "out" / "deck.pptx").exists()
