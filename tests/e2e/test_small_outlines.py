"""Small and unusual outlines read as if made by hand: nothing empty, nothing invented."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from generator import build as builds
from generator import loader

TWO_KEYS = Path(__file__).parents[1] / "fixtures" / "parity" / "two_keys.yaml"


def _build(source: Path, out: Path) -> tuple[list[str], list[list[str]]]:
    """Build ``source``; return the brief's text per page and the deck's texts per slide."""
    builds.build(loader.load(source), out)
    pages = [page.extract_text() for page in PdfReader(str(out / "brief.pdf")).pages]
    slides = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
              for slide in Presentation(str(out / "deck.pptx")).slides]
    return pages, slides


def test_the_two_key_outline_has_no_empty_page_date_or_logo(tmp_path: Path) -> None:
    pages, slides = _build(TWO_KEYS, tmp_path)
    text = "\n".join(pages)
    # cover, then the one chapter: no summary, key figures, contents or sources page
    assert len(pages) == 2
    assert "The only section" in pages[1]
    for absent in ("Executive summary", "Key figures", "Contents", "Sources",
                   "No sources are cited"):
        assert absent not in text
    # no date the outline never gave (neither the build's time nor a default)
    assert not re.search(r"\b(19|20)\d\d\b", text)
    assert not re.search(r"January|February|March|April|May|June|July|August|September|"
                         r"October|November|December", text)
    # no monogram made from the title's initials (the brand gives no logo)
    assert pages[0].split() == ["STRATEGY", "BRIEF", "A", "two-key", "outline"]
    # the deck: title and closing, no agenda for one part, no divider for a section
    # without slides
    assert [s[0] for s in slides] == ["A two-key outline", "A two-key outline"]
    assert not any(re.search(r"\b(19|20)\d\d\b", " ".join(s)) for s in slides)


def test_a_section_without_slides_gets_no_lone_divider(tmp_path: Path) -> None:
    source = tmp_path / "o.yaml"
    source.write_text(
        "meta:\n  title: T\n  date: 2025-02-28\nsections:\n  - title: Prose only\n"
        "    prose: [Words for the brief.]\n  - title: With slides\n    slides:\n"
        "      - kind: bullets\n        title: A slide\n        notes: n\n        bullets: [x]\n"
        "  - title: Also slides\n    slides:\n      - kind: bullets\n        title: B\n"
        "        notes: n\n        bullets: [y]\n", encoding="utf-8")
    pages, slides = _build(source, tmp_path / "out")
    titles = [s[0] for s in slides]
    assert "Prose only" not in titles
    assert titles[:3] == ["T", "Agenda", "With slides"]
    agenda = "\n".join(slides[1][1:])  # every text of the agenda slide but its title
    assert "Prose only" not in agenda and "01\tWith slides" not in agenda
    assert "02\tWith slides" in agenda and "03\tAlso slides" in agenda
    assert "28 February 2025" in pages[0]
    assert "Prose only" in "\n".join(pages)


def test_a_chapter_with_only_bullet_slides_shows_their_points(tmp_path: Path) -> None:
    source = tmp_path / "o.yaml"
    source.write_text(
        "meta:\n  title: T\nsections:\n  - title: Next steps\n    slides:\n"
        "      - kind: bullets\n        title: We start in two cities\n        notes: n\n"
        "        bullets: [Pilot in Leeds and York]\n", encoding="utf-8")
    pages, _ = _build(source, tmp_path / "out")
    assert "We start in two cities" in pages[-1] and "Pilot in Leeds and York" in pages[-1]
