"""Speaker notes read as the deck writes them: paragraphs, and list items with levels."""

from __future__ import annotations

import re

NOTES_BULLET = re.compile(r"^( *)[-*•] +(.*)$")
"""A notes line that is a list item: '- ', '* ' or '• ', indented two spaces per level."""


def blocks(notes: str) -> list[tuple[int | None, str]]:
    """Return the paragraphs of ``notes``: (list level or None, marked-up text).

    Every line is a paragraph (a blank one too, as a gap); a line starting with '- ',
    '* ' or '• ' is a list item, one level deeper for each two spaces of indent before it.
    """
    out: list[tuple[int | None, str]] = []
    for line in notes.replace("\r\n", "\n").split("\n"):
        m = NOTES_BULLET.match(line)
        if m:
            out.append((min(len(m.group(1)) // 2, 8), m.group(2).strip()))
        else:
            out.append((None, line.strip()))
    return out
