"""Pages are paired by what they say, not where they are."""

from __future__ import annotations

from generator.diff.compare import compare_pages
from generator.diff.pages import Page


def _pages(*specs: tuple[str, str]) -> list[Page]:
    return [Page("slide", i, title, tuple(text.split("|")))
            for i, (title, text) in enumerate(specs)]


A = ("Alpha", "Alpha|one|two|three")
B = ("Beta", "Beta|four|five|six")
C = ("Gamma", "Gamma|seven|eight|nine")


def test_an_inserted_page_shifts_nothing_else():
    changes, same = compare_pages(_pages(A, B, C), _pages(A, ("New", "New|x"), B, C))
    assert [(c.what, c.title) for c in changes] == [("added", "New")]
    assert same == 3


def test_a_page_moved_to_the_end_is_the_one_reported_moved():
    changes, same = compare_pages(_pages(A, B, C), _pages(B, C, A))
    assert [(c.what, c.title, c.before.index, c.after.index) for c in changes] == [
        ("moved", "Alpha", 0, 2)]
    assert same == 2


def test_an_edited_page_is_changed_with_its_lines_and_a_rewrite_is_remove_and_add():
    changes, _ = compare_pages(_pages(A, B), _pages(("Alpha", "Alpha|one|TWO|three"),
                                                    ("Other", "Other|p|q|r")))
    assert [(c.what, c.title) for c in changes] == [("changed", "Alpha"), ("added", "Other"),
                                                    ("removed", "Beta")]
    assert (changes[0].removed_lines, changes[0].added_lines) == (("two",), ("TWO",))


def test_a_page_that_draws_differently_with_the_same_text_is_changed():
    before = [Page("slide", 0, "Orders", ("Orders", "Q1 Q2 Q3"), "bars-a")]
    after = [Page("slide", 0, "Orders", ("Orders", "Q1 Q2 Q3"), "bars-b")]
    changes, unchanged = compare_pages(before, after)
    assert [(c.what, c.drawn_only, c.removed_lines, c.added_lines) for c in changes] == [
        ("changed", True, (), ())] and unchanged == 0
    same, unchanged = compare_pages(before, [Page("slide", 0, "Orders", ("Orders", "Q1 Q2 Q3"),
                                                  "bars-a")])
    assert same == [] and unchanged == 1


def test_a_brief_page_is_named_by_the_heading_in_force_at_its_top(monkeypatch, tmp_path):
    """A chapter that begins low on a page names the pages after it; the page it begins on
    keeps the chapter it opened with (a removed quote at its top is not 'Sources')."""
    from generator import pdfium
    from generator.diff.pages import brief_of

    head = ["Brief title", "Confidential"]
    pages = [head + ["1. Growth", "Text of one."], head + ["More of one.", "Sources", "[1] A"],
             head + ["[2] B"]]
    monkeypatch.setattr(pdfium, "pages", lambda path: [(p, "") for p in pages])
    monkeypatch.setattr(pdfium, "bookmarks", lambda path: [(0, "1. Growth", 0),
                                                           (0, "Sources", 1)])
    assert [p.title for p in brief_of(tmp_path / "brief.pdf")] == [
        "1. Growth", "1. Growth", "Sources"]
