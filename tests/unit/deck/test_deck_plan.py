"""DeckBuilder.plan on small in-memory outlines: order, kinds, spilling, findings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import checks
from generator.deck import DeckBuilder, verify
from generator.deck.elements import TableGrid, TextBox
from generator.model import Outline
from generator.report import BuildOptions

FIXTURE = Path(__file__).parents[2] / "fixtures" / "deck_all_kinds.yaml"


def outline(sections, **extra) -> Outline:
    data = {"meta": {"title": "T", "footer": "F"}, "brand": {}, "sections": sections, **extra}
    return Outline.parse(data)


def bullets_slide(bullets, **extra) -> dict:
    return {"kind": "bullets", "title": "Points", "notes": "n", "bullets": bullets, **extra}


def plan(o: Outline, aspect: str = "16:9"):
    return DeckBuilder().plan(o, BuildOptions(aspect=aspect))


def codes(p) -> list[str]:
    return [f.code for f in p.findings]


@pytest.fixture(scope="module")
def all_kinds() -> Outline:
    data = yaml.safe_load(FIXTURE.read_text())
    data["brand"] = {}
    return Outline.parse(data)


def test_order_of_generated_and_content_slides(all_kinds: Outline) -> None:
    kinds = [s.kind for s in plan(all_kinds).slides]
    assert kinds[:4] == ["title", "agenda", "divider", "bullets"]
    assert kinds[-2:] == ["sources", "closing"]
    # three sections and the playbook, each behind its divider (as in the brief's chapters)
    assert kinds.count("divider") == 4
    # the playbook follows the 'customers' section, before the last divider
    pb = kinds.index("playbook")
    assert kinds[pb - 1:pb + 3] == ["divider", "playbook", "peer", "peer"]
    assert kinds.index("image") < pb < len(kinds) - 1 - kinds[::-1].index("divider")
    for kind in ("stats", "chart", "table", "timeline", "quote", "two-column", "image"):
        assert kind in kinds


def test_sections_group_slides(all_kinds: Outline) -> None:
    names = [name for name, _ in plan(all_kinds).sections]
    assert names == ["Introduction", "Where we stand", "What customers say",
                     "Northwind playbook", "What we do next", "Appendix"]


def test_slide_numbers_and_titles(all_kinds: Outline) -> None:
    p = plan(all_kinds)
    assert [s.number for s in p.slides] == list(range(1, len(p.slides) + 1))
    for s in p.slides:
        titles = [t for t in s.texts if t.placeholder == 0]
        assert len(titles) == 1, s.kind


def test_playbook_defaults_after_last_section() -> None:
    book = {"title": "PB", "subject": "Us", "headline": "H", "takeaway": "T",
            "dimensions": [{"id": "a", "label": "A", "subject": "s"}],
            "peers": [{"name": "P", "headline": "h", "contrasts": {"a": "x"}, "takeaway": "t"}]}
    o = outline([{"title": "One", "slides": [bullets_slide(["x"])]},
                 {"title": "Two", "slides": [bullets_slide(["y"])]}], playbooks=[book])
    kinds = [s.kind for s in plan(o).slides]
    assert kinds == ["title", "agenda", "divider", "bullets", "divider", "bullets", "divider",
                     "playbook", "peer", "closing"]


def test_too_many_bullets_spill_onto_continued_slides() -> None:
    items = [f"Point number {i} with a few more words to read" for i in range(40)]
    p = plan(outline([{"title": "S", "slides": [bullets_slide(items)]}]))
    pages = [s for s in p.slides if s.kind == "bullets"]
    assert len(pages) > 1
    assert pages[0].title == "Points"
    assert all(s.title == "Points (continued)" for s in pages[1:])
    shown = [r.text for s in pages for t in s.texts if t.placeholder == 1
             for para in t.paras if para.bullet == "•" for r in para.runs]
    assert shown == items
    assert "overflow" not in codes(p)


def test_slightly_too_much_text_shrinks_with_a_warning() -> None:
    items = ["A bullet long enough to wrap onto a second line when it is set at twenty points "
             "in the body box" for _ in range(7)]
    p = plan(outline([{"title": "S", "slides": [bullets_slide(items)]}]))
    assert len([s for s in p.slides if s.kind == "bullets"]) == 1
    shrunk = [f for f in p.findings if f.code == "shrunk"]
    assert shrunk and shrunk[0].path == ("sections", 0, "slides", 0)
    assert shrunk[0].severity == "warning"
    body = next(t for s in p.slides if s.kind == "bullets" for t in s.texts
                if t.placeholder == 1)
    assert 14 <= body.paras[0].size < 20


def test_a_bullet_too_long_for_any_slide_is_an_error() -> None:
    huge = " ".join(["word"] * 900)
    p = plan(outline([{"title": "S", "slides": [bullets_slide(["short", huge])]}]))
    errors = [f for f in p.findings if f.severity == "error"]
    assert [f.code for f in errors] == ["overflow"]
    assert errors[0].path == ("sections", 0, "slides", 0, "bullets", 1)


def test_long_table_spills_with_header_repeated() -> None:
    rows = [[f"Row {i}", "Some value", "Another value"] for i in range(60)]
    slide = {"kind": "table", "title": "Tab", "notes": "n",
             "table": {"columns": ["A", "B", "C"], "rows": rows}}
    p = plan(outline([{"title": "S", "slides": [slide]}]))
    pages = [s for s in p.slides if s.kind == "table"]
    assert len(pages) > 1 and pages[1].title == "Tab (continued)"
    grids = [e for s in pages for e in s.elements if isinstance(e, TableGrid)]
    body = [g.rows[1:] for g in grids]
    assert sum(len(b) for b in body) == 60
    assert all(g.rows[0][0].paras[0].runs[0].text == "A" for g in grids)


def _table_sizes(rows: list[list[str]]) -> list[float]:
    slide = {"kind": "table", "title": "Tab", "notes": "n",
             "table": {"columns": ["A", "B", "C"], "rows": rows}}
    p = plan(outline([{"title": "S", "slides": [slide]}]))
    grids = [e for s in p.slides for e in s.elements if isinstance(e, TableGrid)]
    return sorted({c.paras[0].size for g in grids for row in g.rows for c in row})


def test_a_short_table_is_set_larger_to_read_from_afar() -> None:
    assert _table_sizes([["One", "Two", "Three"], ["Four", "Five", "Six"]]) == [18.0]


def test_a_table_grows_only_as_far_as_the_slide_has_room() -> None:
    rows = [[f"Row {i}", "Some value", "Another value"] for i in range(13)]
    assert max(_table_sizes(rows)) <= 14.0  # fills the slide: preferred size, or smaller
    assert 14.0 < _table_sizes(rows[:11])[0] < 18.0


def test_a_table_whose_columns_hold_their_words_whole_hyphenates_none() -> None:
    """Four German columns whose longest words all fit: cells break at spaces only, where
    they were hyphenated to fill lines before ('Ausbil-dung', 'Neuma-schinen')."""
    rows = [["Personalgewinnung", "Klassische duale Ausbildung", "Große Akademie",
             "Internationale Rekrutierung"],
            ["Digitalisierung", "Fernwartung nur bei Neumaschinen", "Eigene Plattform",
             "Abonnementmodelle"]]
    slide = {"kind": "table", "title": "Vergleich", "notes": "n",
             "table": {"columns": ["Feld", "Schäfer & Brenner", "Trumpf", "DMG Mori"],
                       "rows": rows}}
    o = Outline.parse({"meta": {"title": "T", "language": "de"}, "brand": {},
                       "sections": [{"title": "S", "slides": [slide]}]})
    grids = [e for s in plan(o, "4:3").slides for e in s.elements if isinstance(e, TableGrid)]
    texts = [r.text for g in grids for row in g.rows for c in row for p in c.paras
             for r in p.runs]
    assert texts and not any("-\v" in t for t in texts), texts


def test_a_timeline_sets_its_words_whole_when_a_smaller_size_allows() -> None:
    events = [{"date": "May 2026", "title": "Board approves sector limits"},
              {"date": "Q3 2026", "title": "Pricing overlay live",
               "detail": "Corporate book first"},
              {"date": "Q4 2026", "title": "Client engagement wave 1",
               "detail": "Top 50 emitters"},
              {"date": "Q1 2027", "title": "Second stress test"},
              {"date": "Q2 2027", "title": "PRA supervisory review"}]
    slide = {"kind": "timeline", "title": "Roadmap", "notes": "n", "events": events}
    p = plan(outline([{"title": "S", "slides": [slide]}]), "4:3")  # 'super-visory' before
    texts = [r.text for s in p.slides if s.kind == "timeline" for e in s.elements
             if isinstance(e, TextBox) and e.role == "event" for para in e.paras
             for r in para.runs]
    assert len(texts) == 7 and not any("-\v" in t for t in texts), texts


def test_warnings_for_unsourced_unnoted_and_wordy_slides() -> None:
    stats = {"kind": "stats", "title": "Numbers",
             "stats": [{"value": "1", "label": "one"}, {"value": "2", "label": "two"}]}
    wordy = bullets_slide([" ".join(["word"] * 70)])
    o = outline([{"title": "S", "slides": [stats, wordy]}])
    found = {(f.code, f.path) for f in checks.findings(o)}
    assert ("unsourced", ("sections", 0, "slides", 0, "stats", 0)) in found
    assert ("notes", ("sections", 0, "slides", 0)) in found
    assert ("wordy", ("sections", 0, "slides", 1)) in found
    assert all(f.severity == "warning" for f in checks.findings(o))
    # content findings are the checks stage's: the deck's plan adds only layout findings
    assert not {f.code for f in plan(o).findings} & {"unsourced", "notes", "wordy"}


def test_notes_come_from_the_slide_else_the_section() -> None:
    section = {"title": "S", "prose": ["Prose with **bold** [@s1]."],
               "slides": [bullets_slide(["x"], notes=None), bullets_slide(["y"])]}
    o = outline([section], sources=[{"id": "s1", "title": "Src"}])
    slides = [s for s in plan(o).slides if s.kind == "bullets"]
    # notes keep their markup: the notes page reads it as slide text does (bold, no cite)
    assert slides[0].notes == "Prose with **bold** [@s1]."
    assert slides[1].notes == "n"


def test_generated_slides_take_their_notes_from_the_outline() -> None:
    section = {"title": "S", "notes": "Divider **notes**", "slides": [bullets_slide(["x"])]}
    second = {"title": "T", "slides": [bullets_slide(["y"])]}  # two parts make an agenda
    o = outline([section, second], sources=[{"id": "s1", "title": "Src"}],
                notes={"title": "Hello", "agenda": "- one\n- two", "sources": "Src notes",
                       "closing": "Bye"})
    notes: dict[str, str] = {}
    for s in plan(o).slides:
        notes.setdefault(s.kind, s.notes)
    assert notes["title"] == "Hello"
    assert notes["agenda"] == "- one\n- two"
    assert notes["divider"] == "Divider **notes**"
    assert notes["sources"] == "Src notes"
    assert notes["closing"] == "Bye"


def test_citations_become_a_footnote_and_leave_the_text() -> None:
    o = outline([{"title": "S", "slides": [bullets_slide(["Grew 5% [@s1]."])]}],
                sources=[{"id": "s1", "title": "Report", "publisher": "Acme", "date": "2024"}])
    slide = next(s for s in plan(o).slides if s.kind == "bullets")
    texts = {t.role: "".join(r.text for p in t.paras for r in p.runs) for t in slide.texts}
    assert texts["footnote"] == "Source: Acme, Report (2024)"
    assert texts["body"] == "Grew 5%."


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_a_source_note_too_long_for_three_lines_names_the_publishers(aspect: str) -> None:
    long = ("a very long report title that goes on about energy prices and household income,"
            " with a methodology annex")
    sources = [{"id": f"s{i}", "title": f"{long} {i}", "publisher": publisher,
                "date": f"202{i}"}
               for i, publisher in enumerate(["Acme", "Acme", "Globex", "Initech", "Umbrella"])]
    cited = "".join(f" [@s{i}, p. {i}]" if i == 3 else f" [@s{i}]" for i in range(5))
    o = outline([{"title": "S", "slides": [bullets_slide([f"Grew 5%{cited}."])]}],
                sources=sources)
    p = plan(o, aspect)
    slide = next(s for s in p.slides if s.kind == "bullets")
    note = next(t for t in slide.texts if t.role == "footnote")
    text = "".join(r.text for para in note.paras for r in para.runs)
    # two sources of one publisher keep their dates apart; a locator stays with its source
    assert text == "Sources: Acme (2020); Acme (2021); Globex; Initech, p. 3; Umbrella"
    assert not verify.findings(slide)


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_every_element_is_on_the_slide_and_text_boxes_do_not_overlap(all_kinds: Outline,
                                                                     aspect: str) -> None:
    p = plan(all_kinds, aspect)
    assert p.width == (960 if aspect == "16:9" else 720)
    for s in p.slides:
        for e in s.elements:
            assert e.box.x >= 0 and e.box.y >= 0, (s.title, e)
            assert e.box.right <= p.width + 0.01 and e.box.bottom <= p.height + 0.01
        boxes = [e for e in s.elements if isinstance(e, (TextBox, TableGrid))]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.box.overlaps(b.box), (s.title, a.box, b.box)


def test_citations_reach_the_source_note_and_leave_the_sentence_whole() -> None:
    sources = [{"id": "a", "title": "Report", "publisher": "IDC"},
               {"id": "b", "title": "Tracker", "publisher": "Canalys"}]
    table = {"columns": ["Region", "Price"], "rows": [["North", "12 [@b, p. 4]"]]}
    o = outline([{"title": "S", "slides": [
        bullets_slide(["Sources: [@a], [@b]; rounded.", "An estimate based on [@a]; rounded."]),
        {"kind": "table", "title": "Prices", "notes": "n", "table": table}]}], sources=sources)
    slides = {s.title: s for s in plan(o).slides}
    texts = [" ".join("".join(r.text for r in p.runs) for p in t.paras)
             for t in slides["Points"].texts]
    assert "rounded." in texts[1] and "An estimate based on IDC; rounded." in texts[1]
    assert "Sources: IDC, Report; Canalys, Tracker" in texts
    table_texts = [" ".join("".join(r.text for r in p.runs) for p in t.paras)
                   for t in slides["Prices"].texts]
    assert "Source: Canalys, Tracker, p. 4" in table_texts


def test_playbook_citations_reach_its_source_note() -> None:
    book = {"title": "PB", "subject": "Us", "headline": "H [@a]", "takeaway": "T",
            "dimensions": [{"id": "d", "label": "D", "subject": "s"}],
            "peers": [{"name": "P", "headline": "h", "contrasts": {"d": "x [@a, p. 2]"},
                       "takeaway": "t"}]}
    o = outline([{"title": "One", "slides": [bullets_slide(["x"])]}], playbooks=[book],
                sources=[{"id": "a", "title": "Report", "publisher": "IDC"}])
    p = plan(o)
    texts = {s.kind: [" ".join("".join(r.text for r in para.runs) for para in t.paras)
                      for t in s.texts] for s in p.slides}
    assert "Source: IDC, Report, p. 2" in texts["playbook"]
    assert "Source: IDC, Report, p. 2" in texts["peer"]
    kinds = [s.kind for s in p.slides]
    assert kinds[kinds.index("playbook") - 1] == "divider"


@pytest.mark.parametrize("kind", ["bar", "column", "line"])
def test_a_chart_whose_values_are_all_gaps_is_planned(kind: str) -> None:
    chart = {"type": kind, "categories": ["C0"], "series": [{"name": "S0", "values": [None]}]}
    o = outline([{"title": "S", "slides": [{"kind": "chart", "title": "Gaps", "notes": "n",
                                            "chart": chart}]}])
    assert any(s.kind == "chart" for s in plan(o).slides)


def test_a_title_of_two_lines_is_balanced_not_a_full_line_over_one_word() -> None:
    from generator import text as _text
    from generator.deck import fit
    from generator.deck.elements import Para
    from generator.text import Run

    value = "Sector margins turn negative under a carbon price shock"
    para = Para((Run(value),), 28.0, "Arial", "#000000", bold=True, lang="en")
    width = _text.text_width(value, 28.0, "Arial", True) * 0.97  # the last word alone
    assert fit.lines(para, width) == 2
    greedy = fit.settle(para, width).runs[0].text
    balanced = fit.settle(para, width, balance=True).runs[0].text
    assert "\v" not in greedy  # a program breaks it at the space: '… price' over 'shock'
    lines = balanced.split("\v")
    assert len(lines) == 2 and " ".join(lines) == value
    short, long_ = sorted(_text.text_width(x, 28.0, "Arial", True) for x in lines)
    assert short > 0.6 * long_, lines
    one = Para((Run("Short title"),), 28.0, "Arial", "#000000", bold=True, lang="en")
    assert fit.settle(one, width, balance=True) == one
    # a last line long enough already keeps the program's own wrapping, free to edit
    assert "\v" not in fit.settle(para, width * 0.6, balance=True).runs[0].text


def test_an_agenda_entry_ends_each_line_but_its_last_in_an_explicit_break() -> None:
    """LibreOffice sets the text after an agenda label's tab as one piece: a title longer
    than its first line went to a line of its own and was cut mid-word. Every line the
    planner measured now ends in an explicit break, so no program has to wrap it."""
    from generator.deck import fit
    from generator.deck.elements import Para
    from generator.text import Run

    value = ("Fund performance and valuation movements over the quarter ended 30 September "
             "2025")
    para = Para((Run(value),), 24.0, "Arial", "#000000", bold=True, lang="en", indent=40.0,
                hang=40.0, label="01")
    settled = fit.settle(para, 620.0).runs[0].text
    lines = settled.split("\v")
    assert len(lines) == fit.lines(para, 620.0) == 2
    assert " ".join(lines) == value and not lines[1].startswith(("5", "25"))
    unlabelled = fit.settle(Para((Run(value),), 24.0, "Arial", "#000000", lang="en"), 620.0)
    assert "\v" not in unlabelled.runs[0].text  # other text keeps the program's own wrapping


def test_a_japanese_or_chinese_slide_is_wordy_at_the_content_an_english_one_is() -> None:
    # 'Expectations of same-day delivery rise year by year' and its Japanese, 16 and 17
    ja = "当日配送への期待は年々高まっている"  # 17 characters: about 8 words at 2.2
    found = {(f.code, f.path) for f in checks.findings(Outline.parse({
        "meta": {"title": "T", "language": "ja"},
        "sections": [{"title": "S", "slides": [bullets_slide([ja] * 6, title="短い題"),
                                               bullets_slide([ja] * 9, title="短い題")]}]}))}
    assert ("wordy", ("sections", 0, "slides", 0)) not in found  # 105 characters, 48 words
    assert ("wordy", ("sections", 0, "slides", 1)) in found  # 156 characters, 71 words
    zh = "消费者对当日送达的期待逐年提高"  # 15 characters: about 8 words at 1.8
    messages = [f.message for f in checks.findings(Outline.parse({
        "meta": {"title": "T", "language": "zh"},
        "sections": [{"title": "S", "slides": [bullets_slide([zh] * 8, title="标题")]}]}))
        if f.code == "wordy"]
    assert messages == ["slide has 122 characters, as much as 68 words at 1.8 characters a "
                        "word; expected at most 60 words (move detail to the notes or the "
                        "brief)"]


@pytest.mark.parametrize(("text", "words"), [
    ("Expectations of same-day delivery rise year by year", 8),
    ("当日配送への期待は年々高まっている。", 8),     # 17 characters, the 。 not counted
    ("セブン‐イレブン一号店開業", 5),                 # 12 characters; the ‐ is no word
    ("KDDIと三菱商事の共同経営に", 1 + 5),            # a Latin word, 11 characters
    ("2024年、市場は成長した", 1 + 4),                # a number, 8 characters
])
def test_words_are_counted_between_spaces_and_by_characters_where_there_are_none(
        text: str, words: int) -> None:
    from generator.text import word_count
    assert word_count(text, 2.2) == words


def test_stat_values_in_a_font_without_metrics_stay_on_one_line_at_4_3() -> None:
    """A heading font deckgen has no metrics for is fitted to less of the width; the values'
    size is chosen the same way, so '£1.9bn' is not planned one size too large and reported
    as a box it overflows."""
    from generator.deck import fit

    stats = [{"value": v, "label": "a label"} for v in ("£31bn", "£1.9bn", "+14%", "−38%")]
    o = outline([{"title": "S", "slides": [{"kind": "stats", "title": "Four numbers",
                                            "notes": "n", "stats": stats}]}],
                brand={"fonts": {"heading": "Rockwell", "body": "Gill Sans MT"}})
    p = plan(o, "4:3")
    assert [f for f in p.findings if f.severity == "error"] == []
    values = [t for s in p.slides for t in s.texts if t.role == "stat-value"]
    assert len(values) == 4 and all(fit.lines(t.paras[0], t.box.w) == 1 for t in values)


def test_stat_labels_take_a_smaller_size_before_a_hyphen() -> None:
    """In four narrow 4:3 cards, 'in transition-sensitive sectors' breaks at its own hyphen
    at a smaller size rather than as 'trans-/ition-/sensitive' at the larger one."""
    stats = [{"value": v, "label": label} for v, label in (
        ("£31bn", "in transition-sensitive sectors"), ("£1.9bn", "extra ECL over 10 years"),
        ("+14%", "mortgages in high flood-risk postcodes"), ("−38%", "oil & gas exposure"))]
    o = outline([{"title": "S", "slides": [{"kind": "stats", "title": "Four numbers",
                                            "notes": "n", "stats": stats}]}],
                brand={"fonts": {"heading": "Rockwell", "body": "Gill Sans MT"}})
    labels = [t for s in plan(o, "4:3").slides for t in s.texts if t.role == "stat-label"]
    written = ["".join(r.text for r in t.paras[0].runs) for t in labels]
    assert [w.replace("\v", " ").replace("- ", "-") for w in written] == [
        s["label"] for s in stats]  # no hyphen added: lines end at spaces and real hyphens
