"""Inline markup: runs of **bold**, *italic*, [links](url) and [@citations], and plain text.

Citations are written as pandoc writes them: ``[@a]``, several in one bracket ``[@a; @b]``,
each with an optional locator ``[@a, p. 12]``; ``\\[@a]`` is the literal text. This is the
one parser of both builders: the brief numbers citations, the deck moves them to the
slide's source note (``strip_citations``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

# Labels, ids and URLs have a length cap so that an unclosed '[' costs a bounded scan, not
# one to the end of the text (quadratic in a long paragraph); a URL may hold balanced '()'.
_INLINE = re.compile(
    r"""\\(?P<esc>[\\*\[\]])
    |\[(?P<cite>@[^\[\]]{0,1000})\]
    |\[(?P<label>[^\]]{1,1000})\]\((?P<url>(?:[^()\s]|\([^()\s]*\)){1,2000})\)
    |\*\*(?P<bold>.+?)\*\*
    |\*(?P<ital>[^*\s](?:[^*]*?[^*\s])?)\*
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Run:
    """A piece of inline text with one style.

    A citation is a run of its own: ``cite`` is the source id, ``locator`` what it points at
    inside the source ('p. 12') if given, and the run's text is empty.
    """

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    cite: str | None = None
    locator: str | None = None


_CITE_ITEM = re.compile(r"^\s*@(?P<id>[^\s,;@]+?)(?:\s*,\s*(?P<loc>\S.*?)|\s+(?P<bare>\S.*?))?\s*$",
                        re.S)


def cite_items(group: str) -> list[tuple[str, str | None]] | None:
    """Return (source id, locator or None) for each item of a citation group '@a, p. 2; @b'.

    Returns None when ``group`` is not a list of citations (it is then literal text).
    """
    items = []
    for part in group.split(";"):
        m = _CITE_ITEM.match(part)
        if m is None:
            return None
        items.append((m.group("id"), m.group("loc") or m.group("bare") or None))
    return items


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
            items = cite_items(m.group("cite"))
            if items is None:
                runs.append(Run(m.group(0), bold, italic, link))
            else:
                runs.extend(Run("", bold, italic, link, cite=sid, locator=loc)
                            for sid, loc in items)
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


CJK_START = 0x2E80
"""First code point of the CJK blocks, whose words are not set apart by spaces."""
_BETWEEN = re.compile(r"^[\s,;]*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?;]\s+|\n)(?=[^.!?;\n]*$)")


def strip_citations(runs: list[Run], *, name: Callable[[list[Run]], str] | None = None,
                    lead_words: frozenset[str] = frozenset()) -> list[Run]:
    """Return ``runs`` without their citations, the sentence left behind mended.

    Citations next to each other ('[@a], [@b]; ...') go together. A lead-in such as
    'Sources: [@a]; rounded.' is dropped with them ('rounded.'); after a word of
    ``lead_words`` ('based on [@a]') the citations are replaced by ``name(cites)`` (the
    sources named in running text); elsewhere they go with the space before them, and a
    separator they leave doubled or an empty '()' goes too.
    """
    out: list[Run] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if not run.cite:
            out.append(run)
            i += 1
            continue
        cluster = [run]
        j = i + 1
        while j < len(runs):
            if runs[j].cite:
                cluster.append(runs[j])
            elif not (_BETWEEN.match(runs[j].text) and j + 1 < len(runs) and runs[j + 1].cite):
                break
            j += 1
        rest = runs[j:]
        before = out[-1].text if out else ""
        after = rest[0].text if rest and not rest[0].cite else ""
        stripped = before.rstrip()
        if name is not None and _ends_with_word(stripped.lower(), lead_words):
            out.append(replace(cluster[0], text=(" " if before == stripped else "")
                               + name(cluster), cite=None, locator=None))
        elif stripped.endswith(":"):
            start = _SENTENCE_END.search(stripped[:-1])
            kept = stripped[:start.end() if start else 0].rstrip()
            _set_last(out, kept + (" " if kept and after.strip(" ,;:") else ""))
            if after:
                rest = [replace(rest[0], text=after.lstrip(" ,;:")), *rest[1:]]
        else:
            if stripped.endswith("(") and after.startswith(")"):
                stripped, after = stripped[:-1].rstrip(), after[1:]
            elif stripped.endswith((",", ";")) and after[:1] in (",", ";", ".", ")", ":"):
                stripped = stripped[:-1]
            _set_last(out, stripped)
            if rest and not rest[0].cite:
                rest = [replace(rest[0], text=after), *rest[1:]]
        runs = out + rest
        i = len(out)
    return [r for r in out if r.text]


def _ends_with_word(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` ends with one of ``words`` (a whole word, but CJK words anywhere)."""
    for word in words:
        if text.endswith(word):
            head = text[:-len(word)]
            cjk = ord(word[0]) >= CJK_START
            if not head or not head[-1].isalpha() or cjk:
                return True
    return False


def _set_last(out: list[Run], text: str) -> None:
    if out:
        out[-1] = replace(out[-1], text=text)


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


_UNSPACED = re.compile("[\u3005\u3006\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
                       "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
"""Characters of scripts written without spaces between words: kana and Han ideographs."""
_CJK_MARKS = re.compile("[\u3000-\u3004\u3007-\u303f\uff01-\uff65]")
"""CJK punctuation, brackets and full-width marks: no word of their own."""


def word_count(text: str, characters_per_word: float = 2.0) -> int:
    """Return how many words a reader sees in ``text``: the words between spaces, and for
    Japanese and Chinese, whose words no space sets apart, one word for every
    ``characters_per_word`` kana or Han characters (punctuation not counted), rounded."""
    words, characters = spaced_and_unspaced(text)
    return words + round(characters / characters_per_word)


def spaced_and_unspaced(text: str) -> tuple[int, int]:
    """Return how many words between spaces ``text`` shows, and how many characters of
    scripts written without spaces (kana and Han; their punctuation not counted, nor, in
    such text, a mark standing between them: セブン‐イレブン is one name)."""
    words = plain(text)
    characters = len(_UNSPACED.findall(words))
    if not characters:
        return len(words.split()), 0
    rest = _CJK_MARKS.sub(" ", _UNSPACED.sub(" ", words)).split()
    return sum(1 for w in rest if any(c.isalnum() for c in w)), characters
