"""Saving the deck's package: zip entries as zipfile writes them, .rels as python-pptx does."""

from __future__ import annotations

import datetime as _dt
import gc
import io
import zipfile
from pathlib import Path

import pytest
import yaml
from deckzip import normalise_zip
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI

from generator.deck import DeckBuilder
from generator.deck.pptx import package, zipwriter
from generator.model import Outline
from generator.report import BuildOptions

WHEN = _dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=_dt.UTC)
FIXTURE = Path(__file__).parents[2] / "fixtures" / "minimal.yaml"


def zipfile_bytes(entries: list[tuple[str, bytes]], when: _dt.datetime) -> bytes:
    """Return the zip zipfile writes for ``entries``, each stamped, 0644, from Unix."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=zipwriter.zip_stamp(when))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return out.getvalue()


def test_stamped_zip_writes_the_bytes_zipfile_writes(tmp_path) -> None:
    entries = [("[Content_Types].xml", b"<Types/>"), ("ppt/empty.xml", b""),
               ("ppt/m\u00e9dia/caf\u00e9.xml", "\u00e9t\u00e9 ".encode() * 500),
               ("ppt/big.bin", bytes(range(256)) * 400)]
    target = tmp_path / "out.zip"
    writer = zipwriter.StampedZip(target, WHEN)
    for name, data in entries:
        writer.write("/" + name, data)
    writer.close()
    assert target.read_bytes() == zipfile_bytes(entries, WHEN)


@pytest.mark.parametrize("limit, count, record", [
    (10**9, 2, b"PK\x06\x06"),  # too many entries: the zip64 end of central directory
    (600, 10**6, b"\x01\x00\x10\x00"),  # one large entry: its local zip64 sizes
    (40, 10**6, b"PK\x06\x06"),  # large offsets and sizes everywhere
])
def test_stamped_zip_writes_zip64_records_as_zipfile_does(tmp_path, monkeypatch, limit,
                                                          count, record) -> None:
    """Past the plain format's limits (made small here) the bytes are still zipfile's."""
    monkeypatch.setattr(zipwriter.StampedZip, "_LIMIT", limit)
    monkeypatch.setattr(zipwriter.StampedZip, "_MAX_ENTRIES", count)
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", limit)
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", count)
    entries = [("[Content_Types].xml", b"<Types/>"), ("ppt/a.xml", b"<a/>" * 20),
               ("ppt/big.bin", bytes(range(256)) * 3), ("ppt/c.xml", b"<c/>")]
    target = tmp_path / "out.zip"
    writer = zipwriter.StampedZip(target, WHEN)
    for name, data in entries:
        writer.write("/" + name, data)
    writer.close()
    written = target.read_bytes()
    assert written == zipfile_bytes(entries, WHEN)
    assert record in written
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        assert [(i.filename, zf.read(i)) for i in zf.infolist()] == entries


def minimal() -> Outline:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["brand"] = {}
    return Outline.parse(data)


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("package") / "deck.pptx"
    DeckBuilder().build(minimal(), target, BuildOptions(timestamp=WHEN))
    return target


def test_saved_deck_is_stamped_and_ordered_by_the_deck_itself(deck, tmp_path) -> None:
    """The deck owns its zip format: no later step needs to normalise the file."""
    before = deck.read_bytes()
    with zipfile.ZipFile(io.BytesIO(before)) as zf:
        infos = zf.infolist()
        entries = [(i.filename, zf.read(i)) for i in infos]
        assert entries[0][0] == "[Content_Types].xml"
        assert entries[1][0] == "_rels/.rels"
        assert {i.date_time for i in infos} == {(2025, 3, 14, 9, 26, 52)}
        assert {(i.external_attr, i.create_system, i.compress_type) for i in infos} == {
            (0o644 << 16, 3, zipfile.ZIP_DEFLATED)}
        assert not zf.comment and not any(i.extra or i.comment for i in infos)
    assert zipwriter.is_stamped(deck, WHEN)
    assert zipfile_bytes(entries, WHEN) == before
    copy = tmp_path / "copy.pptx"
    copy.write_bytes(before)
    normalise_zip(copy, WHEN)
    assert copy.read_bytes() == before


def test_normalise_zip_still_rewrites_a_zip_python_pptx_saved(tmp_path) -> None:
    target = tmp_path / "plain.pptx"
    Presentation().save(str(target))
    normalise_zip(target, WHEN)
    with zipfile.ZipFile(target) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2025, 3, 14, 9, 26, 52)}
        assert zf.infolist()[0].filename == "[Content_Types].xml"


def test_huge_packages_get_zip64_records_and_the_same_parts(deck, tmp_path,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(zipwriter.StampedZip, "_MAX_ENTRIES", 3)
    monkeypatch.setattr(zipwriter.StampedZip, "_LIMIT", 5000)
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(minimal(), target, BuildOptions(timestamp=WHEN))
    assert b"PK\x06\x06" in target.read_bytes()
    with zipfile.ZipFile(target) as big, zipfile.ZipFile(deck) as plain:
        assert big.testzip() is None
        assert [(i.filename, i.date_time, big.read(i)) for i in big.infolist()] == [
            (i.filename, i.date_time, plain.read(i)) for i in plain.infolist()]
    assert len(Presentation(str(target)).slides) == len(Presentation(str(deck)).slides)


def test_rels_are_written_as_python_pptx_writes_them(deck) -> None:
    prs = Presentation(str(deck))
    slide = prs.slides[2]
    slide.part.relate_to("https://example.com/a?b=1&c=2", RT.HYPERLINK, is_external=True)
    slide.part.relate_to(prs.slides[0].part, RT.SLIDE)
    relative = package._RelativeRefs()
    for part in (prs.part, slide.part, slide.notes_slide.part, prs.slide_masters[0].part):
        assert package.rels_xml(part.rels, part.partname.baseURI, relative) == part.rels.xml
    assert package.rels_xml(prs.part.package._rels, "/", relative) == \
        prs.part.package._rels.xml


def test_content_types_are_written_as_python_pptx_writes_them(deck) -> None:
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.serialized import _ContentTypesItem

    parts = tuple(Presentation(str(deck)).part.package.iter_parts())
    assert package.content_types_xml(parts) == serialize_part_xml(
        _ContentTypesItem.xml_for(parts))


@pytest.mark.parametrize("target, base", [
    ("/ppt/slideLayouts/slideLayout6.xml", "/ppt/slides"),
    ("/ppt/slides/slide12.xml", "/ppt/slides"),
    ("/ppt/media/image1.png", "/ppt/slides"),
    ("/ppt/presentation.xml", "/"),
    ("/ppt/embeddings/Microsoft_Excel_Sheet1.xlsx", "/ppt/charts"),
    ("/docProps/core.xml", "/ppt/slides"),
])
def test_relative_references_match_python_pptx(target, base) -> None:
    assert package._RelativeRefs()(target, base) == PackURI(target).relative_ref(base)


def test_build_pauses_the_collector_and_resumes_it_even_after_a_failure(tmp_path,
                                                                       monkeypatch) -> None:
    seen = []
    from generator.deck.pptx import writer

    def failing(plan, outline, path, options):
        seen.append(gc.isenabled())
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "write", failing)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        DeckBuilder().build(minimal(), tmp_path / "deck.pptx", BuildOptions(timestamp=WHEN))
    assert seen == [False] and gc.isenabled()
