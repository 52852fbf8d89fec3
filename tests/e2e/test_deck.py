"""The deck built from the all-kinds fixture, read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from generator import checks
from generator.deck import DeckBuilder
from generator.report import BuildOptions
from helpers import WHEN, A, build_deck

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    loaded, result = build_deck(folder)
    return loaded, result, Presentation(str(result.path))


def title_of(slide) -> str:
    """The title as it reads: a line break the deck put in to balance it is a space."""
    return slide.shapes.title.text_frame.text.replace("\v", " ")


def slide_titled(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title is not None and title_of(s) == title)


def test_result_counts_slides(deck) -> None:
    _, result, prs = deck
    # 22 and the playbook's divider
    assert result.unit == "slides" and result.count == len(prs.slides) == 23
    assert result.findings == []  # a stat without a source is the checks stage's finding
    assert [f.code for f in checks.findings(deck[0].outline)] == ["unsourced"]


def test_size_is_16_by_9(deck) -> None:
    prs = deck[2]
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))


def test_every_slide_has_its_title_in_the_title_placeholder(deck) -> None:
    prs = deck[2]
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.text_frame.text
        for ph in slide.placeholders:
            assert ph.text_frame.text.strip(), "an empty placeholder was left behind"


def test_bullets_have_real_bold_italic_and_links(deck) -> None:
    slide = slide_titled(deck[2], "Growth came from two regions and one new product line")
    body = next(p for p in slide.placeholders if p.placeholder_format.idx == 1)
    paras = body.text_frame.paragraphs
    assert paras[0].text == "North grew 24%, led by retail partnerships"
    runs = {r.text: r for r in paras[0].runs}
    assert runs["24%"].font.bold and runs["retail"].font.italic
    assert paras[1].text == "Three new partners signed in Q2"
    link = next(r for p in paras for r in p.runs if r.text == "online store")
    assert link.hyperlink.address == "https://example.com/store"
    assert all(r.font.name == "Arial" for p in paras for r in p.runs)
    assert slide.notes_slide.notes_text_frame.text == ("Start with the headline, then walk "
                                                       "through each region.")
    footnote = [s for s in slide.shapes if s.name.startswith("Source Note")]
    assert footnote[0].text_frame.text == ("Source: Northwind Group, Annual Report 2024 "
                                           "(February 2025)")  # dated 2025-02


def test_table_is_native_with_brand_header_and_bands(deck) -> None:
    slide = slide_titled(deck[2], "Delivery speed matters more than range to every segment")
    table = next(s for s in slide.shapes if s.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Segment", "Top reason to buy",
                                                     "Share of revenue"]
    assert [c.text for c in table.rows[2].cells] == ["Young professionals", "Delivery speed",
                                                     "33%"]
    assert str(table.cell(0, 0).fill.fore_color.rgb) == "1F4E79"
    assert str(table.cell(2, 0).fill.fore_color.rgb) == "EEF2F6"


def test_charts_are_native_with_embedded_values(deck) -> None:
    prs = deck[2]
    charts = {title_of(s): sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart}
    column = charts["Revenue has outgrown the market for three years running"]
    assert [s.name for s in column.series] == ["Northwind", "Market"]
    assert list(column.series[0].values) == [100, 112, 127, 150]
    assert list(column.plots[0].categories) == ["2021", "2022", "2023", "2024"]
    assert str(column.series[0].format.fill.fore_color.rgb) == "1F4E79"
    kinds = sorted(str(c.chart_type).split(" ")[0] for c in charts.values())
    assert kinds == ["BAR_CLUSTERED", "COLUMN_CLUSTERED", "DOUGHNUT", "LINE_MARKERS", "PIE"]
    assert charts["Margin recovers as volume grows"].plots[0].data_labels.number_format == "0.0%"


def test_picture_has_alt_text(deck) -> None:
    slide = slide_titled(deck[2], "The new store format puts collection points up front")
    pic = next(s for s in slide.shapes if s.shape_type == 13)
    assert pic._element.nvPicPr.cNvPr.get("descr") == ("A store front with collection lockers "
                                                       "beside the entrance")


def test_playbook_overview_and_peer_tables(deck) -> None:
    prs = deck[2]
    overview = slide_titled(prs, "Northwind competes on speed where peers compete on range or "
                                 "price")
    table = next(s for s in overview.shapes if s.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["", "Northwind", "Bigmart", "Quickco"]
    assert [c.text for c in table.rows[1].cells] == ["Delivery", "Same day in cities",
                                                     "Next day", "Within two hours"]
    peer = slide_titled(prs, "Bigmart: breadth against focus")
    table = next(s for s in peer.shapes if s.has_table).table
    assert [c.text for c in table.rows[2].cells] == ["Range", "Curated, fast-moving lines only",
                                                     "40,000 lines"]
    texts = [s.text_frame.text for s in peer.shapes if s.has_text_frame]
    assert "Do not chase Bigmart's range; win on speed." in texts


def test_sections_in_presentation_xml(deck) -> None:
    prs = deck[2]
    root = prs.part._element
    sections = root.findall(f".//{{{P14}}}section")
    assert [s.get("name") for s in sections] == [
        "Introduction", "Where we stand", "What customers say", "Northwind playbook",
        "What we do next", "Appendix"]
    ids = [int(i.get("id")) for s in sections for i in s.iter(f"{{{P14}}}sldId")]
    assert ids == [s.slide_id for s in prs.slides]


def test_agenda_entries_jump_to_section_dividers(deck) -> None:
    prs = deck[2]
    agenda = slide_titled(prs, "Agenda")
    links = agenda._element.findall(f".//{{{A}}}hlinkClick")
    assert len(links) == 4  # three sections and the playbook, as in the brief's contents
    targets = []
    for link in links:
        assert link.get("action") == "ppaction://hlinksldjump"
        rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        targets.append(agenda.part.related_part(rid))
    titles = [next(s for s in prs.slides if s.part is t).shapes.title.text_frame.text
              for t in targets]
    assert titles == ["Where we stand", "What customers say", "Northwind playbook",
                      "What we do next"]


def test_brand_on_every_slide(deck) -> None:
    prs = deck[2]
    for n, slide in enumerate(prs.slides, 1):
        background = str(slide.background.fill.fore_color.rgb)
        dark = n in (1, len(prs.slides)) or slide.shapes.title.text_frame.text in (
            "Where we stand", "What customers say", "Northwind playbook", "What we do next")
        assert background == ("1E2A38" if dark else "FFFFFF")
        if dark:
            continue
        names = {s.name.split(" ")[0]: s for s in slide.shapes}
        assert names["Slide"].text_frame.text == str(n)
        assert names["Footer"].text_frame.text == "Northwind strategy review  |  Internal"
        rule = [s for s in slide.shapes if s.shape_type == 1
                and str(s.fill.fore_color.rgb) == "1F4E79"]
        assert rule, "accent rule in the primary colour"


def test_notes_on_every_slide(deck) -> None:
    for slide in deck[2].slides:
        assert slide.notes_slide.notes_text_frame.text.strip()


def test_core_properties_are_deterministic(deck) -> None:
    props = deck[2].core_properties
    assert props.title == "Northwind in 2025"
    assert props.author == "Strategy Team"
    assert props.language == "en"
    assert props.revision == 1
    stamp = WHEN.replace(tzinfo=None)
    assert props.created == props.modified == props.last_printed == stamp


def test_same_outline_same_bytes(deck, tmp_path: Path) -> None:
    loaded, result, _ = deck
    again = DeckBuilder().build(loaded.outline, tmp_path / "again.pptx",
                                BuildOptions(timestamp=WHEN))
    from deckzip import normalise_zip

    for path in (result.path, again.path):
        normalise_zip(path, WHEN)
    assert result.path.read_bytes() == again.path.read_bytes()


def test_four_by_three(tmp_path: Path) -> None:
    _, result = build_deck(tmp_path, aspect="4:3")
    prs = Presentation(str(result.path))
    assert (prs.slide_width, prs.slide_height) == (Emu(9144000), Emu(6858000))
    assert not [f for f in result.findings if f.severity == "error"]


def test_timestamp_in_embedded_workbooks(deck) -> None:
    import io
    import zipfile

    prs = deck[2]
    chart = next(sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart)
    blob = chart.part.chart_workbook.xlsx_part.blob
    core = zipfile.ZipFile(io.BytesIO(blob)).read("docProps/core.xml")
    assert b"2025-03-14T00:00:00Z" in core
