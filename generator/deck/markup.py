"""Inline text as the deck shows it: runs without citation markers, and what a slide cites."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .. import text as _text
from ..model import Source
from ..text import Run


@lru_cache(maxsize=1 << 14)
def runs(value: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Return the runs of marked-up ``value`` with each [@id] removed, and the space before it.

    Remembered: a text is laid out at several sizes while it is fitted.
    """
    out: list[Run] = []
    for run in _text.parse_inline(value, bold=bold, italic=italic):
        if run.cite:
            if out:
                out[-1] = replace(out[-1], text=out[-1].text.rstrip())
            continue
        out.append(run)
    return tuple(r for r in out if r.text)


def cited(*values: str | None) -> list[str]:
    """Return the source ids cited inline in ``values``, in order, each once."""
    out: list[str] = []
    for value in values:
        for sid in _text.citations(value or ""):
            if sid not in out:
                out.append(sid)
    return out


def source_line(source: Source) -> str:
    """Return 'Publisher, Title (date)' for a footnote."""
    head = f"{source.publisher}, {source.title}" if source.publisher else source.title
    return f"{head} ({source.date})" if source.date else head


def footnote(ids: list[str], sources: dict[str, Source]) -> str:
    """Return 'Source: A; B' for the known ids, or '' when there are none."""
    lines = [source_line(sources[sid]) for sid in ids if sid in sources]
    if not lines:
        return ""
    return ("Sources: " if len(lines) > 1 else "Source: ") + "; ".join(lines)


def plain(value: str) -> str:
    """Return ``value`` as plain text without markup or citation markers, whitespace folded."""
    return " ".join("".join(r.text for r in runs(value)).split())
