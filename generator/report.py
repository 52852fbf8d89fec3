"""What a builder is given and what it says back: options, findings, results."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

FindingCode = Literal["shrunk", "overflow", "contrast", "notes", "unsourced", "wordy", "glyph",
                      "font", "language", "colours", "untitled", "alt-text", "reading-order",
                      "artwork", "template-shape", "brand"]
"""The kinds of finding: 'shrunk' and 'overflow' are a builder's layout findings, and so are
the deck's 'reading-order', 'artwork', 'template-shape' and per-slide 'contrast' findings
(made on the slide plans); 'brand' is the loader's (a template a ``--brand`` theme
replaces); the others come from the checks stage."""

Severity = Literal["warning", "error"]

Progress = Callable[[int, int], None]
"""Called with (done, total) as a builder makes its slides or pages."""


@dataclass(frozen=True)
class Finding:
    """Something a builder or the checks stage noticed, at a model path such as ('sections', 1).

    ``severity`` is 'warning' (a build goes on; ``--strict`` fails it) or 'error' (the
    output cannot be made). ``code`` names the kind (see ``FindingCode``).
    """

    path: tuple
    message: str
    code: FindingCode
    severity: Severity = "warning"


@dataclass(frozen=True)
class BuildOptions:
    """How to build: the timestamp written into files, the slide shape, progress reporting."""

    timestamp: _dt.datetime = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)
    aspect: str = "16:9"
    progress: Progress | None = None
    template: Any = None
    """The brand's template as the loader parsed it (``deck.template_reader.Template``), so
    the deck is written from the bytes already read; None reads it when it is needed."""
    handout_layout: int = 1
    """Slides per page of handout.pdf: 1 (with its notes) or 3 (with lines for notes)."""


@dataclass
class BuildResult:
    """What one builder wrote: the file, how many slides or pages, and its findings."""

    path: Path
    count: int
    unit: str
    findings: list[Finding] = field(default_factory=list)
