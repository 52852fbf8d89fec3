"""Inline markup: runs of **bold**, *italic*, [links](url) and [@citations], and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Labels, ids and URLs have a length cap so that an unclosed '[' costs a bounded scan, not
# one to the end of the text (quadratic in a long paragraph); a URL may hold balanced '()'.
_INLINE = re.compile(
    r"""\\(?P<esc>[\\*\[\]])
    |\[@(?P<cite>[^\]\s]{1,200})\]
    |\[(?P<label>[^\]]{1,1000})\]\((?P<url>(?:[^()\s]|\([^()\s]*\)){1,2000})\)
    |\*\*(?P<bold>.+?)\*\*
    |\*(?P<ital>[^*\s](?:[^*]*?[^*\s])?)\*
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Run:
    """A piece of inline text with one style. ``cite`` is a source id, the run's text empty."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    cite: str | None = None


def parse_inline(text: str, *, bold: bool = False, italic: bool = False,
                 link: str | None = None) -> list[Run]:
    """Return the runs of ``text``: **bold**, *italic*, [label](url) and [@source-id].

    Everything else, including '<', '>' and '&', is literal text. A backslash escapes
    '*', '[', ']' and itself.
    """
    runs: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()], bold, italic, link))
        if m.group("esc"):
            runs.append(Run(m.group("esc"), bold, italic, link))
        elif m.group("cite"):
            runs.append(Run("", bold, italic, link, cite=m.group("cite")))
        elif m.group("label"):
            runs.extend(parse_inline(m.group("label"), bold=bold, italic=italic,
                                     link=m.group("url")))
        elif m.group("bold"):
            runs.extend(parse_inline(m.group("bold"), bold=True, italic=italic, link=link))
        else:
            runs.extend(parse_inline(m.group("ital"), bold=bold, italic=True, link=link))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic, link))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and not run.cite and not out[-1].cite and (run.bold, run.italic, run.link) == (
                out[-1].bold, out[-1].italic, out[-1].link):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        elif run.text or run.cite:
            out.append(run)
    return out


def citations(text: str) -> list[str]:
    """Return the source ids that ``text`` cites, in order, each once."""
    seen: list[str] = []
    for run in parse_inline(text):
        if run.cite and run.cite not in seen:
            seen.append(run.cite)
    return seen


def plain(text: str) -> str:
    """Return ``text`` without markup or citations, whitespace folded."""
    runs = parse_inline(text)
    return " ".join("".join(r.text for r in runs).split())


def word_count(text: str) -> int:
    """Return how many words a reader sees in ``text``."""
    return len(plain(text).split())
