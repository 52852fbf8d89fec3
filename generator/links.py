"""Links written into the deck and the brief: an allow-list of schemes, checked at the outline."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

SCHEMES = ("http", "https", "mailto")
"""Schemes a link may use. Anything else (javascript:, file:, smb:, data:, ...) is refused:
a viewer that follows it may run code, open a local file or hand the reader's network
credentials to another machine."""
MAX_URL = 2000
"""Longest link accepted, in characters (what browsers and Office reliably keep)."""
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def problem(url: str) -> str | None:
    """Return what is wrong with link ``url`` as a message, or None when it may be written.

    Web and mail links and links within the document ('#...') are allowed.
    """
    shown = url if len(url) <= 60 else url[:57] + "..."
    if len(url) > MAX_URL:
        return f"the link '{shown}' is {len(url):,} characters; expected at most {MAX_URL:,}"
    if url.startswith("#"):
        return None
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme in SCHEMES:
        return None
    what = f"a {scheme}: link" if scheme else "a link without a scheme"
    return (f"'{shown}' is {what}; expected a link starting with http://, https:// or mailto: "
            "(other links can run code or reach files when followed)")


def findings(data: Any) -> Iterator[tuple[tuple, str]]:
    """Yield (path, message) for every inline link in the outline ``data`` that is refused."""
    from .text.markup import parse_inline

    for path, text in _texts(data, ()):
        for run in parse_inline(text):
            message = problem(run.link) if run.link else None
            if message:
                yield path, message
                break


def problems(document, format_path: Callable[[tuple], str]) -> list:
    """Return a located Problem for every refused link of a parsed outline ``document``."""
    from .errors import located

    return located(document, findings(document.data), format_path)


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Yield (path, text) for every text in ``value``, with a stack (no recursion)."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if "](" in value:
                yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), value[i]) for i in range(len(value) - 1, -1, -1))
