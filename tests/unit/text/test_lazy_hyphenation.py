"""Hyphenation looked up only where it is needed gives the results of looking it up
everywhere: the lazily parsed dictionaries, line filling and the widest unbreakable piece."""

from __future__ import annotations

import random

import pyphen
import pytest

from generator.text import breaking, hyphenate


@pytest.mark.parametrize("name", ["en_US", "de_DE", "fr"])
def test_a_lazily_parsed_dictionary_holds_pyphens_own_patterns(name):
    path = pyphen.LANGUAGES[name]
    lazy = hyphenate._lazy_dict(path)
    assert lazy is not None
    eager = pyphen.HyphDict(path)
    assert all(lazy.patterns.get(key) == value for key, value in eager.patterns.items())
    assert not [key for key in lazy.patterns._last
                if key not in eager.patterns and lazy.patterns.get(key) is not None]
    for word in ("Gebäudeenergiegesetz", "internationalization", "responsabilités", "xy"):
        assert lazy.positions(word.lower()) == eager.positions(word.lower())


WORDS = ["Gebäudeenergiegesetz", "Wärmepumpenförderung", "the", "internationalization", "a",
         "48", "%", "https://example.org/reports/2024/annual-report?lang=en&page=2",
         "C:\\Users\\x\\file.txt", "«", "»", "コンビニエンスストアの売上は、前年比で増加した。",
         "well-known", "—", "Donaudampfschifffahrt", "\v", "12", "GWh", "responsibilities",
         "Metsäteollisuusyhtiöidenkilpailukyky", "(parenthetical)", "incomprehensibilities,"]


def _eager_fill(text, advances, width, hyphen_width, language):
    """Lines by the greedy rule over every break at once (hyphenation points included)."""
    cum = [0.0]
    for w in advances:
        cum.append(cum[-1] + w)
    n, points, lines, start = len(text), breaking.breaks(text, language), [], 0
    while True:
        plain = hyph = hard = None
        for b in (p for p in points if p.end > start):
            w = cum[b.end] - cum[start] + (hyphen_width if b.kind == "hyphen" else 0.0)
            lazy = b.kind in ("hyphen", "fallback")  # taken only by an overflowing piece
            if b.kind == "hard":
                hard = b if w <= width else None
                break
            if w > width:
                if lazy:
                    continue
                break
            if lazy:
                hyph = b
            else:
                plain = b
        if hard is None and cum[n] - cum[start] <= width:
            return [*lines, (start, n, "end")]
        if hard is not None:
            lines.append((start, hard.end, "hard"))
            start = hard.next
            continue
        best = plain
        if hyph is not None and (best is None or (
                hyph.end > best.end
                and cum[best.end] - cum[start] < breaking.HYPHENATE_BELOW * width)):
            best = hyph
        if best is not None:
            lines.append((start, best.end, best.kind))
            start = best.next
            continue
        end = start + 1
        while end < n and cum[end + 1] - cum[start] <= width:
            end += 1
        lines.append((start, end, "forced"))
        start = end
        if start >= n:
            return lines


def _eager_widest(text, advances, hyphen_width, language):
    cum = [0.0]
    for w in advances:
        cum.append(cum[-1] + w)
    widest, start = 0.0, 0
    for b in breaking.breaks(text, language):
        extra = hyphen_width if b.kind == "hyphen" else 0.0
        widest = max(widest, cum[b.end] - cum[start] + extra)
        start = b.next
    return max(widest, cum[-1] - cum[start])


def test_lines_and_widest_pieces_match_hyphenating_every_word():
    rng = random.Random(12)
    for _ in range(400):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 9))]
        text = "".join(w + rng.choice([" ", " ", "", "\u00a0", "\v"]) for w in words)
        language = rng.choice([None, "en", "de", "fr", "ja"])
        advances = [rng.choice([0.0, 3.0, 5.5, 7.25, 12.0]) for _ in text]
        cum = [0.0]
        for w in advances:
            cum.append(cum[-1] + w)
        for width in (10, 40, 90, 300):
            # the greedy filling, before a lone CJK last line takes characters (which
            # moves no hyphenation point: ``test_breaking`` tests it)
            got = [(ln.start, ln.end, ln.kind) for ln in breaking._greedy(
                text, cum, breaking._plain_breaks(text), width, 4.0, language)]
            assert got == _eager_fill(text, advances, width, 4.0, language), (text, width)
        # the widest piece, before a lone CJK last line counts with what it would take
        assert breaking._widest(text, cum, breaking._plain_breaks(text), 4.0, language,
                                True) == _eager_widest(text, advances, 4.0, language), text
