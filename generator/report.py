"""What a builder is given and what it says back: options, findings, results."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Finding:
    """Something a builder or the linter noticed, at a model path such as ('sections', 1).

    ``severity`` is 'warning' (a build goes on; ``--strict`` fails it) or 'error' (the
    output cannot be made). ``code`` names the kind: 'shrunk', 'overflow', 'contrast',
    'notes', 'alt-text', 'unsourced', 'wordy', 'glyph', 'font'.
    """

    path: tuple
    message: str
    code: str
    severity: str = "warning"


@dataclass(frozen=True)
class BuildOptions:
    """How to build: the timestamp written into files, the slide shape, progress reporting."""

    timestamp: _dt.datetime = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)
    aspect: str = "16:9"
    progress: object = None  # callable(done, total) or None
    handout_layout: int = 1
    """Slides per page of handout.pdf: 1 (with its notes) or 3 (with lines for notes)."""


@dataclass
class BuildResult:
    """What one builder wrote: the file, how many slides or pages, and its findings."""

    path: Path
    count: int
    unit: str
    findings: list[Finding] = field(default_factory=list)
