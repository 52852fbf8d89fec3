"""A layout audit of a built deck and brief: what a reader would see as broken.

``audit(deck, brief, outline)`` returns human-readable findings, one string each, prefixed
with the artifact and the slide or page number. The deck is read through LibreOffice's
rendering (``render_decks`` converts many decks in one ``soffice`` call) and python-pptx; the
brief is read with pdfplumber. The rules are the issue's promise, for any outline:

- no word of the source text split across lines without a hyphen;
- no lone punctuation mark or unit (",", "%", "€", ":") at the start of a line;
- no two words drawn over each other, no labels run together into one word;
- every deck word inside a text-bearing shape (table text inside the table frame);
- no deck text under 12 pt outside source notes and footers;
- pie and doughnut charts show their values; chart series contrast 3:1 with the background;
- continued slides are balanced (no 6 + 6 + 2, no runs of one- or two-row table slides);
- brief text inside the page margins, and no glyph drawn as a blank box.

Nothing here imports the generator's layout code, so a fix cannot make the audit agree with
it by construction; only the brief's page margin is read from its style module.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import yaml
from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
TOLERANCE = 2.0
"""Points a word may stick out of its box before it counts (antialiasing, italic overhang)."""
MIN_DECK_PT = 12.0
SMALL_TYPE_EXEMPT = ("Source Note", "Footer", "Slide Number")
"""Shape-name prefixes whose text may be smaller than MIN_DECK_PT."""
HYPHENS = "-‐‑‒–—\u00ad"
BREAK_AFTER = HYPHENS + "/\\_="
BREAK_BEFORE = "?#&"
LONE_AT_LINE_START = set(",.;:!?%‰€$£¥)]}»”’" "。、，．：；！？）」』】〉》％")
UNITS = {"%", "€", "$", "£", "‰", "pp", "bn", "M", "GWh", "t", "km"}
"""Tokens that must not open a line on their own (units kept with their number)."""
SERIES_CONTRAST = 3.0


# ----------------------------------------------------------------------------- text helpers

def _is_cjk(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return any(k in name for k in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPH",
                                   "FULLWIDTH", "IDEOGRAPHIC"))


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("\u202f", " "))


_MARKUP = re.compile(r"\[@[^\]\s]+\]|\*\*|\*|\\(?=[*\[\]\\])")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def plain(text: str) -> str:
    """Return ``text`` without inline markup: links keep their label, citations go."""
    return _MARKUP.sub("", _LINK.sub(r"\1", _norm(text)))


@dataclass
class Vocabulary:
    """The source text of a slide or document: its words and the spaced pairs it contains."""

    tokens: set[str] = field(default_factory=set)
    spaced: str = ""

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        joined = " \n ".join(plain(t) for t in texts if t)
        return cls(set(joined.split()), " ".join(joined.split()))

    def breaks_word(self, a: str, b: str) -> bool:
        """True when ``a`` (a line's end) + ``b`` (the next line's start) is a source word cut."""
        a, b = a.rstrip(), b.lstrip()
        if not a or not b or a[-1] in BREAK_AFTER or b[0] in BREAK_BEFORE:
            return False
        if _is_cjk(a[-1]) or _is_cjk(b[0]):
            return False  # CJK breaks between characters; kinsoku is the lone-mark rule
        # trim to the non-CJK runs that touch the break
        a = re.split(r"[\u3000-\u9fff\uff00-\uffef\u30a0-\u30ff\u3040-\u309f]", a)[-1]
        b = re.split(r"[\u3000-\u9fff\uff00-\uffef\u30a0-\u30ff\u3040-\u309f]", b)[0]
        if not a or not b or len(a + b) < 3:
            return False
        joined = a + b
        if f"{a} {b}" in self.spaced:
            return False
        return any(joined in tok for tok in self.tokens)

    def run_together(self, word: str) -> bool:
        """True when ``word`` is no source word but the end of one glued to the start of another."""
        w = word.strip(".,;:!?()[]«»\"'“”")
        if len(w) < 6 or any(w in tok for tok in self.tokens) or any(_is_cjk(c) for c in w):
            return False
        for i in range(3, len(w) - 2):
            left, right = w[:i], w[i:]
            if (sum(c.isalpha() for c in left) >= 3 and sum(c.isalpha() for c in right) >= 3
                    and right[0].isupper() and left[-1].islower()
                    and any(t.endswith(left) for t in self.tokens)
                    and any(t.startswith(right) for t in self.tokens)):
                return True
        return False


def _lone(word: str) -> bool:
    w = word.strip()  # a run of three or more marks is no lone mark (often unmapped glyphs)
    return 0 < len(w) <= 2 and all(c in LONE_AT_LINE_START for c in w) or w in UNITS


# ----------------------------------------------------------------------------- geometry

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


def _box(w: dict) -> Box:
    return (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))


def _inside(b: Box, r: Box, tol: float = TOLERANCE) -> bool:
    return b[0] >= r[0] - tol and b[2] <= r[2] + tol and b[1] >= r[1] - tol and b[3] <= r[3] + tol


def _intersection(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _area(b: Box) -> float:
    return max(b[2] - b[0], 0.01) * max(b[3] - b[1], 0.01)


def _overlapping(a: Box, b: Box, share: float = 0.25) -> bool:
    return _intersection(a, b) > share * min(_area(a), _area(b))


def lines_of(words: Sequence[dict]) -> list[list[dict]]:
    """Group ``words`` into lines (by baseline), each sorted left to right, top to bottom."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(float(w["bottom"])), float(w["x0"]))):
        h = float(w["bottom"]) - float(w["top"])
        for line in lines:
            ref = line[0]
            if abs(float(ref["bottom"]) - float(w["bottom"])) < 0.35 * h:
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: float(w["x0"]))
    return sorted(lines, key=lambda ln: float(ln[0]["top"]))


def segments_of(words: Sequence[dict]) -> list[list[dict]]:
    """Split lines where the gap between words is wider than 0.6 em (columns, table cells)."""
    out = []
    for line in lines_of(words):
        seg = [line[0]]
        for w in line[1:]:
            em = float(w["bottom"]) - float(w["top"])
            if float(w["x0"]) - float(seg[-1]["x1"]) > 0.6 * em:
                out.append(seg)
                seg = [w]
            else:
                seg.append(w)
        out.append(seg)
    return out


def _span(seg: list[dict]) -> Box:
    return (min(float(w["x0"]) for w in seg), min(float(w["top"]) for w in seg),
            max(float(w["x1"]) for w in seg), max(float(w["bottom"]) for w in seg))


def next_lines(segments: list[list[dict]]) -> Iterable[tuple[list[dict], list[dict]]]:
    """Yield (segment, the segment set right below it in the same column of text)."""
    spans = [_span(s) for s in segments]
    for i, (seg, a) in enumerate(zip(segments, spans, strict=True)):
        height = a[3] - a[1]
        best = None
        for j, b in enumerate(spans):
            gap = b[1] - a[1]
            if j == i or gap < 0.5 * height or gap > 1.8 * height:
                continue
            if min(a[2], b[2]) - max(a[0], b[0]) <= 0:  # no horizontal overlap
                continue
            if abs(b[0] - a[0]) > 4 and abs((b[0] + b[2]) / 2 - (a[0] + a[2]) / 2) > 4 \
                    and abs(b[2] - a[2]) > 4:
                continue  # neither left-, centre- nor right-aligned with this line
            if best is None or gap < spans[best][1] - a[1]:
                best = j
        if best is not None:
            yield seg, segments[best]


def text_findings(where: str, words: Sequence[dict], vocab: Vocabulary) -> list[str]:
    """Broken words, lone marks at line start and run-together labels among ``words``."""
    found = []
    segments = segments_of(words)
    for upper, lower in next_lines(segments):
        a, b = upper[-1]["text"], lower[0]["text"]
        if vocab.breaks_word(a, b):
            found.append(f"{where}: word broken without a hyphen: '{a}' / '{b}'")
        if _lone(b) and len(lower) >= 1:
            found.append(f"{where}: '{b}' alone at the start of a line (after '{a}')")
    for w in words:
        if vocab.run_together(w["text"]):
            found.append(f"{where}: labels run together: '{w['text']}'")
    return found


def overlap_findings(where: str, words: Sequence[dict], limit: int = 3) -> list[str]:
    """Words from different lines drawn over each other: one finding per slide or page."""
    pairs = []
    boxes = [(w, _box(w)) for w in words]
    boxes.sort(key=lambda p: p[1][0])
    for i, (w, a) in enumerate(boxes):
        for v, b in boxes[i + 1:]:
            if b[0] >= a[2]:
                break
            if _overlapping(a, b):
                pairs.append(f"'{w['text']}' over '{v['text']}'")
    if not pairs:
        return []
    more = f" and {len(pairs) - limit} more" if len(pairs) > limit else ""
    return [f"{where}: {len(pairs)} word(s) drawn over others: {', '.join(pairs[:limit])}{more}"]


# ----------------------------------------------------------------------------- the deck

@dataclass
class Shape:
    """A text-bearing shape of a slide, in PDF points, with the text it holds."""

    name: str
    box: Box
    kind: str  # text | table | chart
    texts: list[str]
    columns: list[tuple[float, float]] = field(default_factory=list)


def _shapes(slide, scale: float) -> list[Shape]:
    out = []
    for sh in slide.shapes:
        if sh.width is None or sh.left is None:
            continue
        x0, y0 = sh.left / EMU_PER_PT * scale, sh.top / EMU_PER_PT * scale
        box = (x0, y0, x0 + sh.width / EMU_PER_PT * scale, y0 + sh.height / EMU_PER_PT * scale)
        if sh.has_text_frame and sh.text_frame.text.strip():
            out.append(Shape(sh.name, box, "text", [sh.text_frame.text]))
        elif getattr(sh, "has_table", False) and sh.has_table:
            texts, cols, x = [], [], x0
            for col in sh.table.columns:
                w = col.width / EMU_PER_PT * scale
                cols.append((x, x + w))
                x += w
            for row in sh.table.rows:
                texts.extend(cell.text for cell in row.cells)
            out.append(Shape(sh.name, box, "table", texts, cols))
        elif getattr(sh, "has_chart", False) and sh.has_chart:
            chart = sh.chart
            texts = []
            for plot in chart.plots:
                texts.extend(str(c) for c in plot.categories)
                for s in plot.series:
                    texts.append(s.name or "")
            out.append(Shape(sh.name, box, "chart", texts))
    return out


def _hex_luminance(hex6: str) -> float:
    def chan(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #RRGGBB / RRGGBB colours."""
    la, lb = sorted((_hex_luminance(a.lstrip("#")), _hex_luminance(b.lstrip("#"))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
       "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def _background(slide) -> str:
    fill = slide._element.find("./p:cSld/p:bg//a:srgbClr", _NS)
    return fill.get("val") if fill is not None else "FFFFFF"


def _chart_findings(where: str, slide) -> list[str]:
    """Pie/doughnut without values; a series colour under 3:1 against the slide background."""
    found = []
    bg = _background(slide)
    for sh in slide.shapes:
        if not (getattr(sh, "has_chart", False) and sh.has_chart):
            continue
        xml = sh.chart._chartSpace
        for kind in ("pieChart", "doughnutChart"):
            for plot in xml.iterfind(f".//c:{kind}", _NS):
                shown = [e.get("val") in ("1", "true")
                         for e in plot.iterfind(".//c:dLbls/c:showVal", _NS)]
                shown += [e.get("val") in ("1", "true")
                          for e in plot.iterfind(".//c:dLbls/c:showPercent", _NS)]
                if not any(shown):
                    found.append(f"{where}: {kind[:-5]} chart shows no values")
        for ser in xml.iterfind(".//c:ser", _NS):
            if ser.getparent().tag.endswith(("pieChart", "doughnutChart")):
                continue
            fill = ser.find("./c:spPr//a:srgbClr", _NS)
            if fill is None:
                continue
            ratio = contrast(fill.get("val"), bg)
            if ratio < SERIES_CONTRAST:
                name = "".join(t.text or "" for t in ser.iterfind("./c:tx//c:v", _NS)) or "?"
                found.append(f"{where}: series '{name}' #{fill.get('val')} has contrast "
                             f"{ratio:.1f}:1 against the background #{bg}; expected 3:1")
    return found


def _small_type(where: str, page, shapes: list[Shape]) -> list[str]:
    """Rendered characters under MIN_DECK_PT outside source notes and footers."""
    exempt = [s.box for s in shapes if s.name.startswith(SMALL_TYPE_EXEMPT)]
    small: dict[str, float] = {}
    for line in lines_of(page.extract_words(extra_attrs=["size"])):
        for w in line:
            size = float(w["size"])
            if size < MIN_DECK_PT - 0.05 and not any(_inside(_box(w), r) for r in exempt):
                owner = next((s.name for s in shapes if _inside(_box(w), s.box)), "no shape")
                small[owner] = min(small.get(owner, 99.0), size)
    return [f"{where}: {owner} text at {size:.1f} pt; expected at least {MIN_DECK_PT:.0f} pt"
            for owner, size in small.items()]


def _title_of(slide) -> str:
    title = slide.shapes.title
    return title.text_frame.text.strip() if title is not None else ""


def _items(slide) -> tuple[str, int] | None:
    """(kind, count) of the slide's repeatable content: table body rows or timeline events."""
    for sh in slide.shapes:
        if getattr(sh, "has_table", False) and sh.has_table:
            return "table rows", len(sh.table.rows) - 1
    events = [sh for sh in slide.shapes if sh.name.startswith(("Event-Date", "Date"))]
    if events:
        return "timeline events", len(events)
    return None


def _pagination(slides: list) -> list[str]:
    """Runs of '(continued)' slides that are unbalanced or nearly empty."""
    found = []
    runs: list[list[tuple[int, object]]] = []
    for n, slide in enumerate(slides, 1):
        title = _title_of(slide)
        base = re.sub(r"\s*\((continued|cont\.)[^)]*\)\s*$", "", title, flags=re.I)
        if runs and base == runs[-1][0][2] and title != base:
            runs[-1].append((n, slide, base))
        else:
            runs.append([(n, slide, base)])
    for run in runs:
        if len(run) < 2:
            continue
        parts = [_items(s) for _, s, _ in run]
        if any(p is None for p in parts):
            continue
        kind = parts[0][0]
        counts = [p[1] for p in parts]
        first, last = run[0][0], run[-1][0]
        if min(counts) * 2 < max(counts):
            found.append(f"deck slides {first}-{last}: {kind} split unevenly "
                         f"{' + '.join(map(str, counts))}")
        elif max(counts) <= 2 and len(counts) >= 3:
            found.append(f"deck slides {first}-{last}: {kind} spread over {len(counts)} "
                         f"slides of {' + '.join(map(str, counts))}")
    return found


def _nearest(b: Box, shapes: list[Shape]) -> list[Shape]:
    """The shape a word that left every box came from: above or around it, overlapping in x."""
    def distance(s: Shape) -> float:
        return max(0.0, s.box[1] - b[1], b[1] - s.box[3])
    column = [s for s in shapes if min(s.box[2], b[2]) - max(s.box[0], b[0]) > 0]
    if not column:
        return []
    best = min(distance(s) for s in column)
    return [s for s in column if distance(s) == best]


def render_decks(decks: Sequence[Path], outdir: Path, profile: str = "") -> dict[Path, Path]:
    """Convert every deck to PDF in one LibreOffice run; return deck -> PDF.

    Decks are linked under unique names first, so decks that share a file name do not
    overwrite each other's PDF. ``profile`` names the LibreOffice profile folder; runs at the
    same time need different ones.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="audit-in-", dir=outdir))
    names = {}
    for i, deck in enumerate(decks):
        link = staging / f"d{i:03d}-{deck.stem}.pptx"
        os.symlink(Path(deck).resolve(), link)
        names[Path(deck)] = outdir / link.with_suffix(".pdf").name
    folder = Path(tempfile.gettempdir()) / f"lo-audit-{os.getpid()}{profile}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir),
                    *sorted(str(p) for p in staging.iterdir())],
                   check=True, capture_output=True, timeout=900)
    shutil.rmtree(staging, ignore_errors=True)
    missing = [str(d) for d, pdf in names.items() if not pdf.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return names


def audit_deck(pptx: Path, pdf: Path | None = None) -> list[str]:
    """Findings in ``pptx`` as LibreOffice renders it (``pdf``, rendered now if not given)."""
    if pdf is None:
        pdf = render_decks([pptx], Path(tempfile.mkdtemp(prefix="audit-")))[Path(pptx)]
    prs = Presentation(str(pptx))
    slides = list(prs.slides)
    found: list[str] = []
    with pdfplumber.open(pdf) as doc:
        if len(doc.pages) != len(slides):
            return [f"deck: {len(slides)} slides but {len(doc.pages)} rendered pages"]
        for n, (page, slide) in enumerate(zip(doc.pages, slides, strict=True), 1):
            where = f"deck slide {n}"
            scale = float(page.width) / (Emu(prs.slide_width).pt)
            shapes = _shapes(slide, scale)
            words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
            outside: list[dict] = []
            vocab = Vocabulary.of(t for s in shapes for t in s.texts)
            groups: dict[tuple[str, int], list[dict]] = {}
            for w in words:
                b = _box(w)
                if not (0 <= b[0] and b[2] <= float(page.width) + TOLERANCE and 0 <= b[1]
                        and b[3] <= float(page.height) + TOLERANCE):
                    found.append(f"{where}: '{w['text']}' is off the slide")
                    continue
                owners = [s for s in shapes if _inside(b, s.box)]
                if not owners:
                    outside.append(w)
                    owners = _nearest(b, shapes)
                if not owners:
                    continue
                shape = min(owners, key=lambda s: _area(s.box))
                col = 0
                if shape.kind == "table":
                    mid = (b[0] + b[2]) / 2
                    col = next((i for i, (c0, c1) in enumerate(shape.columns) if c0 <= mid < c1), 0)
                groups.setdefault((shape.name, col), []).append(w)
            if outside:
                sample = ", ".join(f"'{w['text']}'" for w in outside[:4])
                found.append(f"{where}: {len(outside)} word(s) outside every text-bearing "
                             f"shape: {sample}")
            for (name, _), ws in groups.items():
                found += text_findings(f"{where} ({name})", ws, vocab)
            found += overlap_findings(where, words)
            found += _small_type(where, page, shapes)
            found += _chart_findings(where, slide)
    found += _pagination(slides)
    return found


# ----------------------------------------------------------------------------- the brief

def _strings(node) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, int | float) and not isinstance(node, bool):
        yield str(node)
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def outline_vocabulary(outline: Path) -> Vocabulary:
    """Every text of the outline (markup removed) as a vocabulary."""
    data = yaml.safe_load(Path(outline).read_text(encoding="utf-8"))
    return Vocabulary.of(_strings(data))


def audit_brief(brief: Path, vocab: Vocabulary) -> list[str]:
    """Findings in the brief PDF: broken words, lone marks, overlaps, text past the margins."""
    from generator.brief.styles import MARGIN_X  # the brief's own page margin

    found: list[str] = []
    with pdfplumber.open(brief) as doc:
        for n, page in enumerate(doc.pages, 1):
            where = f"brief page {n}"
            words = page.extract_words()
            width = float(page.width)
            margin: list[dict] = []
            for w in words:
                b = _box(w)
                if b[0] < MARGIN_X - TOLERANCE or b[2] > width - MARGIN_X + TOLERANCE:
                    margin.append(w)
            if margin:
                sample = ", ".join(f"'{w['text']}' (x {w['x0']:.0f}-{w['x1']:.0f})"
                                   for w in margin[:3])
                found.append(f"{where}: {len(margin)} word(s) run into the page margin: {sample}")
            found += text_findings(where, words, vocab)
            found += _char_collisions(where, page)
            blanks = sum(c["text"] in ("\x00", "\ufffd") for c in page.chars)
            if blanks:
                found.append(f"{where}: {blanks} glyph(s) drawn as blank boxes (a font without "
                             "the character, e.g. CJK chart labels)")
    return found


def _char_collisions(where: str, page) -> list[str]:
    """Glyphs of different words (chart labels above all) drawn on top of each other."""
    words = page.extract_words(return_chars=True)
    glyphs = [(_box(c), i) for i, w in enumerate(words) for c in w["chars"] if c["text"].strip()]
    glyphs.sort(key=lambda g: g[0][0])
    pairs, seen = [], set()
    for k, (a, i) in enumerate(glyphs):
        for b, j in glyphs[k + 1:]:
            if b[0] >= a[2]:
                break
            if i == j or (min(i, j), max(i, j)) in seen or not _overlapping(a, b, 0.3):
                continue
            seen.add((min(i, j), max(i, j)))
            pairs.append(f"'{words[i]['text']}' with '{words[j]['text']}'")
    if not pairs:
        return []
    more = f" and {len(pairs) - 3} more" if len(pairs) > 3 else ""
    return [f"{where}: {len(pairs)} label(s) drawn over others: {', '.join(pairs[:3])}{more}"]


# ----------------------------------------------------------------------------- both

def audit(deck: Path | None, brief: Path | None, outline: Path,
          deck_pdf: Path | None = None) -> list[str]:
    """All findings for one build: the deck (rendered, or ``deck_pdf``) and the brief."""
    found: list[str] = []
    if deck is not None:
        found += audit_deck(deck, deck_pdf)
    if brief is not None:
        found += audit_brief(brief, outline_vocabulary(outline))
    return _dedupe(found)


def main(argv: Sequence[str]) -> None:
    """``python tests/audit.py JOBS.json``: audit each [deck, brief|null, outline, deck_pdf]
    job of the file and print the findings of each as one JSON list per line."""
    import json

    for deck, brief, outline, pdf in json.loads(Path(argv[0]).read_text(encoding="utf-8")):
        found = audit(Path(deck), Path(brief) if brief else None, Path(outline), Path(pdf))
        print(json.dumps(found, ensure_ascii=False), flush=True)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def summarize(findings: Sequence[str], limit: int = 3) -> str:
    """A short reason: the count per defect class and the first few findings."""
    classes: dict[str, int] = {}
    for f in findings:
        classes[defect_class(f)] = classes.get(defect_class(f), 0) + 1
    head = ", ".join(f"{k} {v}" for k, v in sorted(classes.items()))
    return f"{head}; e.g. " + " | ".join(itertools.islice(findings, limit))


def defect_class(finding: str) -> str:
    """The defect class a finding belongs to (for grouping in reports)."""
    rules = [("broken without a hyphen", "broken words"), ("alone at the start", "lone marks"),
             ("run together", "chart label collisions"),
             ("label(s) drawn over", "chart label collisions"),
             ("drawn over", "overlaps"), ("outside every", "out-of-box"),
             ("off the slide", "out-of-box"), ("page margin", "out-of-box"),
             ("expected at least", "small type"), ("split unevenly", "pagination waste"),
             ("spread over", "pagination waste"), ("contrast", "contrast of series"),
             ("shows no values", "chart values missing"), ("blank boxes", "missing glyphs")]
    return next((c for k, c in rules if k in finding), "other")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
