"""Builds ``deckgen diff`` made before, kept by what they were made from.

``deckgen diff main`` builds the outline as it is at ``main`` every time it runs, though
that side rarely changes while an author edits the working copy. A side's PDFs and the text
read back from them are kept in a folder named by a digest of everything the build reads:

- the outline's validated model (the theme it resolves to included) and the build options
  (timestamp, slide shape);
- the bytes of every file the outline names (template, logo, images, font files);
- deckgen's own files (their bytes, so a reinstall of the same code keeps its entries) and
  the versions of the libraries that draw the PDFs, and of Python.

A change to any of them is a new digest, so an entry is never reused for a build it does
not match. The newest ``KEEP`` entries stay; older ones are removed. A cache folder that
cannot be written is no error: the diff builds as if there were no cache.

The folder is ``$DECKGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/deckgen``, else
``~/.cache/deckgen``; ``deckgen diff --no-cache`` or ``DECKGEN_CACHE_DIR=""`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from .pages import BRIEF, SLIDES, Build, Page

FORMAT = 2
"""The layout of an entry; raised when it changes, so older entries are not read."""

KEEP = 12
"""Entries kept: a few outlines' worth of revisions and working copies."""

LIBRARIES = ("reportlab", "rl_accel", "pyphen", "fonttools", "pypdfium2", "pillow",
             "python-pptx", "lxml", "pyyaml")
"""The libraries a side's PDFs and their read-back text depend on."""

_PAGES = "pages.json"


def folder() -> Path | None:
    """Return the cache folder (made if missing), or None when caching is off or impossible."""
    env = os.environ.get("DECKGEN_CACHE_DIR")
    if env is not None:
        if not env.strip():
            return None
        root = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "deckgen"
    where = root / "diff"
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return where if os.access(where, os.W_OK | os.X_OK) else None


def key(loaded, options) -> str:
    """Return the digest of everything the PDFs of ``loaded`` built with ``options`` read."""
    from ..build import inputs_of

    digest = hashlib.sha256()
    digest.update(f"deckgen-diff-cache {FORMAT}\n{sys.version}\n".encode())
    digest.update(_code())
    digest.update(pickle.dumps(loaded.outline, protocol=4))
    digest.update(repr((options.timestamp.isoformat(), options.aspect,
                        options.handout_layout)).encode())
    base = loaded.path.parent
    named = [p for p in inputs_of(loaded) if p != loaded.path]
    named += [Path(p) for p in loaded.outline.brand.fonts.files]
    for path in named:
        path = path if path.is_absolute() else base / path
        digest.update(str(path).encode() + b"\0")
        try:
            with open(path, "rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


_CODE: bytes | None = None


def _code() -> bytes:
    """A digest of deckgen's files (path and bytes) and the library versions."""
    global _CODE
    if _CODE is None:
        from importlib import metadata

        package = Path(__file__).resolve().parents[1]
        digest = hashlib.sha256()
        for dirpath, dirnames, filenames in os.walk(package):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                digest.update(f"{os.path.relpath(path, package)}\0".encode())
                digest.update(_file(path))
        for library in LIBRARIES:
            try:
                version = metadata.version(library)
            except metadata.PackageNotFoundError:
                version = "-"
            digest.update(f"{library}={version}\n".encode())
        _CODE = digest.digest()
    return _CODE


SAMPLE = 1 << 16
"""A file of deckgen larger than twice this (a bundled font) is known by its size and its
first and last this many bytes; smaller ones (the code, themes, locales) by all of them."""


def _file(path: str) -> bytes:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size <= 2 * SAMPLE:
            return hashlib.sha256(handle.read()).digest()
        head = handle.read(SAMPLE)
        handle.seek(-SAMPLE, os.SEEK_END)
        return hashlib.sha256(f"{size}".encode() + head + handle.read(SAMPLE)).digest()


def get(where: Path, digest: str) -> Build | None:
    """Return the build kept under ``digest``, or None when there is none (or it is unreadable)."""
    entry = where / digest
    try:
        data = json.loads((entry / _PAGES).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        slides, pages = ([Page(p["kind"], p["index"], p["title"], tuple(p["lines"]),
                               p["drawing"]) for p in data[part]] for part in ("slides", "pages"))
        os.utime(entry)  # newest used: kept longest
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return Build(slides, pages, entry / SLIDES, entry / BRIEF)


def put(where: Path, digest: str, build: Build) -> Build:
    """Keep ``build`` under ``digest``; return it as read from the cache (or as given when
    the cache cannot be written). Removes the oldest entries beyond ``KEEP``."""
    entry = where / digest
    try:
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=where))
        for name, source in ((SLIDES, build.slides_pdf), (BRIEF, build.brief_pdf)):
            if source.is_file():
                shutil.copyfile(source, staging / name)
        record = {"format": FORMAT,
                  "slides": [_page(p) for p in build.slides],
                  "pages": [_page(p) for p in build.pages]}
        (staging / _PAGES).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        try:
            staging.rename(entry)
        except OSError:  # another diff kept the same build first
            shutil.rmtree(staging, ignore_errors=True)
        _prune(where)
    except OSError:
        return build
    return get(where, digest) or build


def _page(page: Page) -> dict:
    return {"kind": page.kind, "index": page.index, "title": page.title,
            "lines": list(page.lines), "drawing": page.drawing}


def _prune(where: Path) -> None:
    entries = []
    for path in where.iterdir():
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[KEEP:]:
        shutil.rmtree(path, ignore_errors=True)
