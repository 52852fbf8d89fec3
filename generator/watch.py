"""Watch an outline and the files it uses; rebuild in a warm process when any of them changes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WATCHED_SUFFIXES = (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".pptx", ".potx")

Stamp = tuple[int, int]


def used_files(outline_path: Path, data: Any) -> set[Path]:
    """Return the outline and every file its data names (themes, images, logo, template)."""
    files = {outline_path.resolve()}
    base = outline_path.resolve().parent

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, str) and value.lower().endswith(WATCHED_SUFFIXES):
            path = Path(value)
            files.add(path if path.is_absolute() else (base / path).resolve())

    visit(data)
    return files


def brand_files(outline: Any) -> set[Path]:
    """Return the logo and template the outline's brand uses, wherever a theme named them."""
    brand = outline.brand
    return {Path(p).resolve() for p in (brand.logo, brand.template) if p}


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class LastBuild:
    """What the last good build was made from: the outline's model, the stamps of the other
    files it uses, and the stamps of the files it wrote.

    A save that changes nothing the builders read (a comment, spacing, the order of keys)
    leaves the model as it was, and then nothing needs building again.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None

    @staticmethod
    def _make(model: Any, outline: Path, used: set[Path], outputs: list[Path]) -> tuple:
        own = outline.resolve()
        others = {f: _stamp(f) for f in used if f != own}
        return (model, others, {f: _stamp(f) for f in outputs})

    def same(self, model: Any, outline: Path, used: set[Path], outputs: list[Path]) -> bool:
        """Whether building ``model`` now would remake the files already in place."""
        return self._key is not None and self._key == self._make(model, outline, used, outputs)

    def record(self, model: Any, outline: Path, used: set[Path], outputs: list[Path]) -> None:
        """Remember a good build of ``model`` that wrote ``outputs``."""
        self._key = self._make(model, outline, used, outputs)


class Watcher:
    """Polls a set of files and calls ``rebuild`` when one changes.

    ``rebuild`` returns the set of files to watch from then on (the outline may have started
    using a new image or theme).
    """

    def __init__(self, files: set[Path], rebuild: Callable[[], set[Path]]):
        self.rebuild = rebuild
        self.files = set(files)
        self.stamps = {f: _stamp(f) for f in self.files}

    def poll(self) -> bool:
        """Rebuild if any watched file changed since the last look; return whether it did."""
        now = {f: _stamp(f) for f in self.files}
        if now == self.stamps:
            return False
        self.files = set(self.rebuild()) or self.files
        self.stamps = {f: _stamp(f) for f in self.files}
        return True

    def run(self, interval: float = 0.1, stop: Callable[[], bool] = lambda: False) -> None:
        """Poll every ``interval`` seconds until ``stop()`` is true (or forever)."""
        while not stop():
            self.poll()
            time.sleep(interval)
