"""Mutated templates and images end in a usable file or a named problem, never a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import images
from generator.deck import template_reader as templates
from generator.deck.template_report import report

TEMPLATE = templates.default_path().read_bytes()
ENTRIES = [(i.filename, zipfile.ZipFile(io.BytesIO(TEMPLATE)).read(i))
           for i in zipfile.ZipFile(io.BytesIO(TEMPLATE)).infolist()]
XML_NAMES = [name for name, _ in ENTRIES if name.endswith((".xml", ".rels"))]
SNIPPETS = [b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"<p:cSld/>", b'idx="x"', b"\x00",
            b'TargetMode="External"', b"</", b'cx="-1"', b'r:id="rId999"', b"\xff\xfe",
            b"<?xml version='1.0'?>", b'Target="../../../etc/passwd"']
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in entries:
            dst.writestr(name, blob)
    return out.getvalue()


@st.composite
def part_mutations(draw):
    """The default template with one XML part cut, spliced or dropped."""
    name = draw(st.sampled_from(XML_NAMES))
    entries = []
    for entry, blob in ENTRIES:
        if entry == name:
            how = draw(st.sampled_from(["cut", "splice", "drop", "replace"]))
            if how == "drop":
                continue
            at = draw(st.integers(0, len(blob)))
            if how == "cut":
                blob = blob[:at]
            elif how == "splice":
                blob = blob[:at] + draw(st.sampled_from(SNIPPETS)) + blob[at:]
            else:
                old = draw(st.sampled_from([b'idx="1"', b'r:id="rId1"', b'name="', b"<p:cSld",
                                            b'cx="', b'Target="']))
                blob = blob.replace(old, draw(st.sampled_from(SNIPPETS)), 1)
        entries.append((entry, blob))
    return _zip(entries)


@st.composite
def byte_mutations(draw):
    """The default template's bytes with a few flipped, or cut short."""
    data = bytearray(TEMPLATE)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return bytes(data)


def _read_template(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.pptx"
    path.write_bytes(data)
    try:
        template = templates.read(path)
    except templates.TemplateProblem as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    report(template)


@SETTINGS
@given(data=part_mutations())
def test_templates_with_mutated_parts_read_or_fail_with_a_problem(tmp_path, data):
    _read_template(tmp_path, data)


@SETTINGS
@given(data=byte_mutations())
def test_templates_with_mutated_bytes_read_or_fail_with_a_problem(tmp_path, data):
    _read_template(tmp_path, data)


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((40, 30), 50).convert("RGB").save(out, "PNG")
    return out.getvalue()


def _jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((40, 30), 50).convert("RGB").save(out, "JPEG")
    return out.getvalue()


REAL = {"png": _png(), "jpeg": _jpeg()}


@st.composite
def image_bytes(draw):
    """A real PNG or JPEG with bytes changed or cut, or a signature and random bytes."""
    if draw(st.booleans()):
        return draw(st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b""])) + draw(
            st.binary(max_size=200))
    data = bytearray(REAL[draw(st.sampled_from(sorted(REAL)))])
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data[:draw(st.integers(0, len(data)))])


@SETTINGS
@given(data=image_bytes())
def test_mutated_images_are_read_or_refused_with_a_problem(tmp_path, data):
    path = tmp_path / "fuzz.png"
    path.write_bytes(data)
    try:
        info = images.inspect(path)
    except images.ImageProblem as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert info.width >= 1 and info.height >= 1
