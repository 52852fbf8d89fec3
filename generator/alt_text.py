"""What a screen reader says for a chart or a table, in the outline's language: the one alt
text of a chart in deck.pptx, deck.pdf and the brief, and of a table on a slide.

A chart is named by the kind it is shown as (a column chart drawn as bars is a bar chart),
its title and unit, then its values: each one with its category ('Column chart: Revenue by
region, in EUR bn. North: 10; South: 12.5.'), a sentence per series (named) when there are
several. When that would be mostly numbers (a long run of years, say), each series is told
by the way it moves instead: where it starts and ends, and its highest and lowest point (a
pie by its largest and smallest slice). Numbers are written as the chart shows them: its number
format, the language's decimal mark, a slice as its share of the whole. Every word comes
from the locale (``chart_*``, ``alt_*`` labels, which an outline's ``labels:`` may
replace), punctuated as the language punctuates.
"""

from __future__ import annotations

from collections.abc import Callable

from . import chart_values as _values
from .chart_drawing import formatter
from .chart_values import values as chart_values
from .locale import Locale
from .model import Chart, Table
from .text import plain

MAX_ALT_CHARS = 1000
"""Longer alt text is cut here: a screen reader reads it in one go."""


def chart(value: Chart, title: str, locale: Locale, kind: str = "") -> str:
    """Return the alt text of ``value`` shown under ``title`` as a ``kind`` chart ('' for its
    own type; 'bar' for a column chart drawn as bars): the outline's ``alt``, else made from
    its data in ``locale``'s words and numbers."""
    if value.alt:
        return plain(value.alt)
    marks = locale.punctuation
    show = _shown(value, locale)
    shown_as = locale.word(f"chart_{kind or value.type}")
    title = plain(title).rstrip(".。")
    head = locale.word("alt_chart", kind=shown_as, title=title) if title else shown_as
    head += locale.word("alt_unit", unit=plain(value.unit)) if value.unit else ""
    head += marks.full_stop
    categories = [plain(c) for c in value.categories]
    named = len(value.series) > 1
    listed = []
    for series in value.series:
        values = locale.separator.join(
            f"{c}{marks.colon}{show(v) if v is not None else locale.word('alt_no_value')}"
            for c, v in zip(categories, series.values, strict=True))
        listed.append(_sentence(locale, plain(series.name) if named else None, values))
    text = marks.sentences([head, *listed])
    if not _reads_as_words(text):
        told = _extremes if value.type in ("pie", "doughnut") else _movement  # no run
        text = marks.sentences([head] + [
            _sentence(locale, plain(series.name) if named else None,
                      told(locale, categories, series.values, show))
            for series in value.series])
    return _cut(text)


def _shown(value: Chart, locale: Locale) -> Callable[[float | None], str]:
    """Return how a value is written, as the chart's labels write it: a pie's or doughnut's
    slices as their share of the whole ('54%'), unless its values are shares already."""
    if value.type not in ("pie", "doughnut"):
        return formatter(value.number_format, chart_values(value), locale.numbers)
    positive = [v for v in value.series[0].values if v is not None and v > 0]
    if _values.is_share(value):
        return formatter(_values.label_format(value), positive, locale.numbers)
    share = formatter(_values.share_format(positive), [], locale.numbers)
    total = sum(positive) or 1.0
    return lambda v: share(v / total) if v is not None else ""


def table(value: Table | None, title: str, header: list[str], rows: int,
          locale: Locale) -> str:
    """Return the alt text of a table under ``title`` with ``header`` and ``rows`` body rows:
    the outline's ``alt`` if given, else its title, size and header cells, in ``locale``."""
    if value is not None and value.alt:
        return plain(value.alt)
    marks = locale.punctuation
    title = plain(title).rstrip(".。")
    head = locale.word("alt_table", title=title) if title else locale.word("alt_table_untitled")
    size = locale.word("alt_table_size", rows=_count(locale, "row", rows),
                       columns=_count(locale, "column", len(header)))
    shown = [plain(h) for h in header]
    if shown and not shown[0] and any(shown[1:]):  # an empty corner heads the row labels
        shown[0] = locale.word("dimension")
    names = marks.comma.join(n for n in shown if n)
    text = head + marks.comma + size
    if names:
        text += locale.separator + locale.word("alt_column_names", names=names)
    return _cut(text + marks.full_stop)


def _count(locale: Locale, noun: str, n: int) -> str:
    """Return '1 row' or '3 rows' in ``locale``'s words."""
    return locale.word(f"alt_one_{noun}") if n == 1 else locale.word(f"alt_{noun}s", count=n)


def _sentence(locale: Locale, name: str | None, text: str) -> str:
    """Return ``text`` as a sentence, headed by ``name`` (a series) when there is one, else
    begun with a capital."""
    marks = locale.punctuation
    if name:
        return f"{name}{marks.colon}{text}{marks.full_stop}"
    return f"{text[:1].upper()}{text[1:]}{marks.full_stop}"


def _reads_as_words(text: str) -> bool:
    """Return whether at least half of ``text`` is letters, so that it reads as language."""
    return sum(ch.isalpha() for ch in text) * 2 >= len(text)


def _points(categories: list[str], values: list[float | None]) -> list[tuple[str, float]]:
    return [(c, v) for c, v in zip(categories, values, strict=True) if v is not None]


def _highs_and_lows(locale: Locale, points: list[tuple[str, float]],
                    show: Callable[[float | None], str], told: tuple = ()) -> list[str]:
    """Return the highest and lowest point in ``locale``'s words, each unless its value is
    one of ``told`` already."""
    (high_c, high), (low_c, low) = (max(points, key=lambda p: p[1]),
                                    min(points, key=lambda p: p[1]))
    parts = []
    if high not in told:
        parts.append(locale.word("alt_highest", value=show(high), at=high_c))
    if low not in told:
        parts.append(locale.word("alt_lowest", value=show(low), at=low_c))
    return parts


def _movement(locale: Locale, categories: list[str], values: list[float | None],
              show: Callable[[float | None], str]) -> str:
    """Return how one series moves, in ``locale``'s words: where it starts and ends, and its
    highest and lowest point where those lie between."""
    points = _points(categories, values)
    if not points:
        return locale.word("alt_no_values")
    (first_c, first), (last_c, last) = points[0], points[-1]
    way = "alt_up" if last > first else "alt_down" if last < first else "alt_level"
    parts = [locale.word(way, first=show(first), first_at=first_c, last=show(last),
                         last_at=last_c)]
    return locale.separator.join(parts + _highs_and_lows(locale, points, show, (first, last)))


def _extremes(locale: Locale, categories: list[str], values: list[float | None],
              show: Callable[[float | None], str]) -> str:
    """Return a pie's largest and smallest slices, in ``locale``'s words: what its slices
    say when listing them would read as numbers alone."""
    points = _points(categories, values)
    if not points:
        return locale.word("alt_no_values")
    return locale.separator.join(_highs_and_lows(locale, points, show))


def _cut(value: str) -> str:
    return value if len(value) <= MAX_ALT_CHARS else value[:MAX_ALT_CHARS - 1] + "…"
