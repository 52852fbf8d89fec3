"""Structural checks of a built .pptx, shared by the deck tests: what PowerPoint relies on.

``problems(data)`` returns a list of findings (empty when the package is sound):

- every zip entry is listed once, and every part has a content type (Default or Override);
- every internal relationship target exists, and every part is reachable from the
  package relationships (no orphan parts);
- shape ids are unique on each slide;
- the p14 section list names exactly the slides of the slide list, in order;
- each slide's notes page points back at that slide, and every notes page is one slide's;
- every chart's cached categories and values equal the cells of its embedded workbook;
- docProps/app.xml counts the slides, notes pages and hidden slides there are.

``validator_findings(path)`` runs the PyPI validator openxml-audit when it is installed and
returns its findings as strings. ``BackgroundValidator`` runs it over many decks in one worker
process beside the tests: the validator's schema tables are loaded once, each distinct deck
(by content) is validated once, and only findings a plain python-pptx deck does not also get
are kept.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import posixpath
import re
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SLIDE_RT, NOTES_RT, PACKAGE_RT = RT + "slide", RT + "notesSlide", RT + "package"


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class Package:
    """A zip package read once: its entries, content types and relationships."""

    def __init__(self, data: bytes):
        self.zf = zipfile.ZipFile(io.BytesIO(data))
        self.entries = [i.filename for i in self.zf.infolist()]
        self.names = set(self.entries)
        self._xml: dict[str, object] = {}

    def xml(self, name: str):
        if name not in self._xml:
            self._xml[name] = etree.fromstring(self.zf.read(name))
        return self._xml[name]

    def rels(self, part: str) -> list[tuple[str, str, str | None]]:
        """Return (rId, type, target part name or None when external) of ``part``."""
        name = "_rels/.rels" if part == "" else _rels_name(part)
        if name not in self.names:
            return []
        out = []
        folder = posixpath.dirname(part)
        for rel in self.xml(name).findall("rel:Relationship", NS):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                out.append((rel.get("Id"), rel.get("Type"), None))
                continue
            full = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target)))
            out.append((rel.get("Id"), rel.get("Type"), full))
        return out

    def related(self, part: str, reltype: str) -> list[str]:
        return [t for _, kind, t in self.rels(part) if kind == reltype and t]


def problems(data: bytes) -> list[str]:
    """Return every structural problem of the .pptx ``data`` (empty when sound)."""
    pkg = Package(data)
    out: list[str] = []
    out += _entries(pkg)
    out += _relationships(pkg)
    slides = _slides(pkg)
    out += _shape_ids(pkg, slides)
    out += _sections(pkg)
    out += _notes(pkg, slides)
    out += _charts(pkg)
    out += _app(pkg, slides)
    return out


def _entries(pkg: Package) -> list[str]:
    out = [f"zip entry {name} appears {n} times" for name, n in Counter(pkg.entries).items()
           if n > 1]
    types = pkg.xml("[Content_Types].xml")
    defaults = {d.get("Extension").lower() for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName") for o in types.findall("ct:Override", NS)}
    for name in pkg.names:
        if name == "[Content_Types].xml":
            continue
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if "/" + name not in overrides and ext not in defaults:
            out.append(f"{name} has no content type")
    for part in overrides:
        if part.lstrip("/") not in pkg.names:
            out.append(f"content type override for missing part {part}")
    return out


def _relationships(pkg: Package) -> list[str]:
    out = []
    reached, todo = set(), [""]
    while todo:
        part = todo.pop()
        for r_id, _, target in pkg.rels(part):
            if target is None:
                continue
            if target not in pkg.names:
                out.append(f"{part or 'package'} {r_id} points at missing {target}")
            elif target not in reached:
                reached.add(target)
                todo.append(target)
    for name in pkg.names:
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            continue
        if name not in reached:
            out.append(f"{name} is an orphan: no relationship reaches it")
    for name in pkg.names:
        if name.endswith(".rels") and name != "_rels/.rels":
            folder, base = posixpath.split(name)
            source = posixpath.join(posixpath.dirname(folder), base[:-5])
            if source not in pkg.names:
                out.append(f"{name} belongs to missing part {source}")
    return out


def _presentation(pkg: Package) -> str:
    return pkg.related("", RT + "officeDocument")[0]


def _slides(pkg: Package) -> list[str]:
    """Return the slide part names in slide-list order."""
    prs = _presentation(pkg)
    by_id = {r_id: t for r_id, _, t in pkg.rels(prs)}
    return [by_id[s.get(f"{{{NS['r']}}}id")]
            for s in pkg.xml(prs).findall("p:sldIdLst/p:sldId", NS)]


def _shape_ids(pkg: Package, slides: list[str]) -> list[str]:
    out = []
    for slide in slides:
        ids = Counter(el.get("id") for el in pkg.xml(slide).iter(f"{{{NS['p']}}}cNvPr"))
        out += [f"{slide}: shape id {i} is used {n} times" for i, n in ids.items() if n > 1]
    return out


def _sections(pkg: Package) -> list[str]:
    prs = pkg.xml(_presentation(pkg))
    listed = [s.get("id") for s in prs.findall("p:sldIdLst/p:sldId", NS)]
    sections = prs.findall(".//p14:sectionLst/p14:section", NS)
    if not sections:
        return []
    named = [s.get("id") for sec in sections for s in sec.findall("p14:sldIdLst/p14:sldId", NS)]
    if named != listed:
        return [f"the section list names slides {named}, the slide list {listed}"]
    return []


def _notes(pkg: Package, slides: list[str]) -> list[str]:
    out = []
    owners: Counter[str] = Counter()
    for slide in slides:
        for notes in pkg.related(slide, NOTES_RT):
            owners[notes] += 1
            back = pkg.related(notes, SLIDE_RT)
            if back != [slide]:
                out.append(f"{notes} points at {back}, expected its slide {slide}")
    for name in pkg.names:
        if name.startswith("ppt/notesSlides/") and name.endswith(".xml"):
            if owners[name] != 1:
                out.append(f"{name} is the notes page of {owners[name]} slides, expected 1")
    return out


def _cell_values(xlsx: bytes) -> dict[str, str]:
    """Return the first worksheet's cells as 'A1' -> text (numbers as written)."""
    zf = zipfile.ZipFile(io.BytesIO(xlsx))
    shared = []
    if "xl/sharedStrings.xml" in zf.namelist():
        root = etree.fromstring(zf.read("xl/sharedStrings.xml"))
        shared = ["".join(si.itertext()) for si in root.findall("x:si", NS)]
    sheet = etree.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    out = {}
    for c in sheet.iter(f"{{{NS['x']}}}c"):
        v = c.find("x:v", NS)
        if c.get("t") == "s" and v is not None:
            out[c.get("r")] = shared[int(v.text)]
        elif c.get("t") == "inlineStr":
            out[c.get("r")] = "".join(c.find("x:is", NS).itertext())
        elif v is not None:
            out[c.get("r")] = v.text
    return out


def _range(ref: str) -> list[str]:
    """Return the cells of a reference like Sheet1!$A$2:$A$5, in order."""
    cells = ref.split("!")[-1].replace("$", "").split(":")
    (c0, r0), (c1, r1) = (re.match(r"([A-Z]+)(\d+)", c).groups() for c in (cells[0], cells[-1]))
    if c0 == c1:
        return [f"{c0}{r}" for r in range(int(r0), int(r1) + 1)]
    cols = [chr(k) for k in range(ord(c0), ord(c1) + 1)]
    return [f"{c}{r0}" for c in cols]


def _same(cached: str, cell: str | None) -> bool:
    if cell is None:
        return cached == ""
    try:
        return float(cached) == float(cell)
    except ValueError:
        return cached == cell


def _charts(pkg: Package) -> list[str]:
    out = []
    for name in sorted(n for n in pkg.names if re.match(r"ppt/charts/chart\d+\.xml$", n)):
        books = pkg.related(name, PACKAGE_RT)
        if len(books) != 1:
            out.append(f"{name} has {len(books)} embedded workbooks, expected 1")
            continue
        cells = _cell_values(pkg.zf.read(books[0]))
        for ref in pkg.xml(name).iter(f"{{{NS['c']}}}f"):
            cache = ref.getnext()
            if cache is None:
                continue
            points = {int(pt.get("idx")): pt.findtext("c:v", "", NS)
                      for pt in cache.findall("c:pt", NS)}
            for i, cell in enumerate(_range(ref.text)):
                if not _same(points.get(i, ""), cells.get(cell)):
                    out.append(f"{name}: cache of {ref.text} point {i} is "
                               f"{points.get(i)!r}, the workbook's {cell} {cells.get(cell)!r}")
    return out


def _app(pkg: Package, slides: list[str]) -> list[str]:
    if "docProps/app.xml" not in pkg.names:
        return []
    app = pkg.xml("docProps/app.xml")
    hidden = sum(pkg.xml(s).get("show") == "0" for s in slides)
    notes = sum(len(pkg.related(s, NOTES_RT)) for s in slides)
    out = []
    for tag, want in (("Slides", len(slides)), ("Notes", notes), ("HiddenSlides", hidden)):
        got = app.findtext(f"ep:{tag}", None, NS)
        if got is not None and int(got) != want:
            out.append(f"docProps/app.xml says {tag} {got}, the deck has {want}")
    return out


def validator_findings(path) -> list[str] | None:
    """Return openxml-audit's findings on the .pptx at ``path``, or None if not installed."""
    try:
        from openxml_audit import validate_pptx
    except ImportError:
        return None
    return [str(e) for e in validate_pptx(str(path)).errors]


def baseline_key(finding: str) -> str:
    """Return a finding without its leading part name, to compare with a plain deck's."""
    return finding.split(":", 1)[-1]


_WORKER: dict[str, object] = {}
"""The worker process's one openxml-audit validator and the plain deck's findings."""


def _worker_start() -> None:
    from openxml_audit import OpenXmlValidator
    from pptx import Presentation

    validator = OpenXmlValidator()
    with tempfile.TemporaryDirectory(prefix="plain-pptx-") as folder:
        plain = os.path.join(folder, "plain.pptx")
        Presentation().save(plain)
        baseline = {baseline_key(str(e)) for e in validator.validate(plain).errors}
    _WORKER.update(validator=validator, baseline=baseline)


def _worker_validate(data: bytes) -> tuple[list[str], float]:
    start = time.process_time()
    validator = _WORKER["validator"]
    with tempfile.TemporaryDirectory(prefix="validate-pptx-") as folder:
        path = os.path.join(folder, "deck.pptx")
        with open(path, "wb") as f:
            f.write(data)
        found = [str(e) for e in validator.validate(path).errors]  # type: ignore[attr-defined]
    baseline = _WORKER["baseline"]
    return ([f for f in found if baseline_key(f) not in baseline],  # type: ignore[operator]
            time.process_time() - start)


class BackgroundValidator:
    """openxml-audit over every deck handed to it, in one worker process beside the tests.

    ``submit`` queues a deck (once per distinct content) and returns at once; ``findings``
    waits for the worker and returns, per deck, what it found beyond a plain python-pptx
    deck. Without openxml-audit installed it does nothing (``available`` is False).
    """

    def __init__(self) -> None:
        try:
            import openxml_audit  # noqa: F401
        except ImportError:
            self.available = False
            return
        self.available = True
        self.busy = 0.0
        """Seconds of processor time the worker spent validating."""
        self.waited = 0.0
        """Seconds the session waited for the worker at its end."""
        self._pool = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start)
        self._jobs: dict[str, tuple[str, Future]] = {}

    def submit(self, data: bytes, label: str) -> None:
        """Queue the deck ``data`` (built by ``label``) unless the same bytes were queued."""
        if not self.available:
            return
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self._jobs:
            self._jobs[digest] = (label, self._pool.submit(_worker_validate, data))

    @property
    def count(self) -> int:
        """How many distinct decks were queued."""
        return len(self._jobs) if self.available else 0

    def findings(self) -> list[str]:
        """Wait for every queued deck; return '<label>: <finding>' for each finding."""
        if not self.available:
            return []
        out = []
        start = time.monotonic()
        for label, job in self._jobs.values():
            found, busy = job.result()
            out += [f"{label}: {f}" for f in found]
            self.busy += busy
        self._pool.shutdown()
        self.waited = time.monotonic() - start
        return out
