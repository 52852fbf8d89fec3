"""The review of a comparison: a self-contained HTML page with before/after images, PNGs
beside it, a short summary for the terminal and a JSON form for machines."""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

from ..deck import layout as _layout
from .compare import Change, Comparison
from .pages import Build
from .render import ADDED, MARK, framed, marked, regions, render

SLIDE_SCALE = 1.0
"""Pixels per point of a slide image (a 16:9 slide is 960 by 540)."""
PAGE_SCALE = 1.0
"""Pixels per point of a brief page image."""
REPORT = "report.html"
DRAWN_ONLY = "no text changed; a chart, shape or picture did: see the marked region"


@dataclass
class Report:
    """What was written: the HTML report and the PNGs beside it."""

    html: Path
    images: list[Path]


def _number_box(width: float, height: float, scale: float) -> tuple[int, int, int, int]:
    """The slide number's box in pixels: it changes whenever slides are added or removed."""
    top = height - _layout.FOOTER_BOTTOM - _layout.FOOTER_H
    left = width - _layout.MARGIN_X - _layout.NUMBER_W
    return (int(left * scale), int(top * scale), int((width - _layout.MARGIN_X) * scale) + 1,
            int((top + _layout.FOOTER_H) * scale) + 1)


def _png(image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=3)
    return buf.getvalue()


def _images(change: Change, befores: dict, afters: dict, scale: float) -> tuple:
    """Return (before image, after image) of one change, marked; either may be None."""
    old = befores.get(change.before.index) if change.before else None
    new = afters.get(change.after.index) if change.after else None
    if old is not None and new is not None:
        ignore: tuple[tuple[int, int, int, int], ...] = ()
        if change.kind == "slide":
            w, h = new.width / scale, new.height / scale
            ignore = (_number_box(w, h, scale),)
        boxes = regions(old, new, ignore)
        return marked(old, boxes), marked(new, boxes)
    if old is not None:
        return framed(old, MARK), None
    return None, framed(new, ADDED) if new is not None else None


def write(comparison: Comparison, before: Build, after: Build, out_dir: Path,
          names: tuple[str, str]) -> Report:
    """Write ``out_dir``/report.html and one PNG per image shown in it; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.png"):
        old.unlink()
    images: list[Path] = []
    cards = []
    for kind, pdf_b, pdf_a, scale in (("slide", before.slides_pdf, after.slides_pdf,
                                       SLIDE_SCALE),
                                      ("page", before.brief_pdf, after.brief_pdf, PAGE_SCALE)):
        changes = [c for c in comparison.changes if c.kind == kind]
        befores = render(pdf_b, sorted({c.before.index for c in changes if c.before}), scale)
        afters = render(pdf_a, sorted({c.after.index for c in changes if c.after}), scale)
        for change in changes:
            pair = _images(change, befores, afters, scale)
            uris: list[str | None] = []
            for side, image in zip(("before", "after"), pair, strict=True):
                if image is None:
                    uris.append(None)
                    continue
                page = change.before if side == "before" else change.after
                assert page is not None  # an image is drawn only for a side that has a page
                data = _png(image)
                path = out_dir / f"{kind}-{page.index + 1}-{side}.png"
                path.write_bytes(data)
                images.append(path)
                uris.append("data:image/png;base64," + base64.b64encode(data).decode())
            cards.append(_card(change, *uris))
    target = out_dir / REPORT
    target.write_text(_page(comparison, cards, names), encoding="utf-8")
    return Report(target, images)


_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:24px;
color:#1f2937;background:#f6f7f9}
h1{font-size:20px;margin:0 0 4px}p.sub{color:#6b7280;margin:0 0 16px}
table.sum{border-collapse:collapse;margin-bottom:20px}
table.sum td,table.sum th{border:1px solid #d1d5db;padding:4px 10px;text-align:right;
background:#fff}table.sum th:first-child{text-align:left}
.card{background:#fff;border:1px solid #d1d5db;border-radius:6px;padding:12px 16px;
margin:0 0 16px}.card h2{font-size:15px;margin:0 0 8px}
.tag{display:inline-block;border-radius:4px;padding:0 6px;margin-right:6px;color:#fff;
font-size:12px;text-transform:uppercase}.added{background:#16a34a}.removed{background:#dc2626}
.changed{background:#d97706}.moved{background:#2563eb}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.sides figure{margin:0}.sides img{width:100%;border:1px solid #d1d5db}
.sides figcaption{color:#6b7280;font-size:12px}p.drawn{color:#92400e;margin:8px 0 0}
.empty{color:#9ca3af;padding:24px;
border:1px dashed #d1d5db;text-align:center}
ul.text{list-style:none;padding:0;margin:8px 0 0;font-family:ui-monospace,Menlo,monospace;
font-size:12.5px}li.del{color:#b91c1c}li.del::before{content:"− "}
li.ins{color:#15803d}li.ins::before{content:"+ "}
"""


def _card(change: Change, before: str | None, after: str | None) -> str:
    tag = f'<span class="tag {change.what}">{change.what}</span>'
    if change.moved:
        tag += '<span class="tag moved">moved</span>'
    sides = []
    for name, uri, page in (("before", before, change.before), ("after", after, change.after)):
        caption = f"{name}: {page.label}" if page else f"{name}: none"
        body = (f'<img alt="{html.escape(caption)}" src="{uri}">' if uri
                else '<div class="empty">—</div>')
        sides.append(f"<figure>{body}<figcaption>{html.escape(caption)}</figcaption></figure>")
    lines = "".join(f'<li class="del">{html.escape(t)}</li>' for t in change.removed_lines)
    lines += "".join(f'<li class="ins">{html.escape(t)}</li>' for t in change.added_lines)
    text = f'<ul class="text">{lines}</ul>' if lines and change.what == "changed" else ""
    if change.drawn_only:
        text = f'<p class="drawn">{html.escape(DRAWN_ONLY)}</p>'
    return (f'<section class="card"><h2>{tag}{html.escape(change.describe())}</h2>'
            f'<div class="sides">{"".join(sides)}</div>{text}</section>')


def _page(comparison: Comparison, cards: list[str], names: tuple[str, str]) -> str:
    rows = []
    for kind, label in (("slide", "Slides"), ("page", "Brief pages")):
        n = comparison.counts(kind)
        rows.append(f"<tr><th>{label}</th>" + "".join(f"<td>{n[k]}</td>" for k in
                                                     ("added", "removed", "moved", "changed"))
                    + "</tr>")
    body = "".join(cards) or "<p>No slide or page changed.</p>"
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>deckgen diff</title><style>" + _STYLE + "</style></head><body>"
            f"<h1>What changed</h1><p class=\"sub\">{html.escape(names[0])} → "
            f"{html.escape(names[1])}</p><table class=\"sum\"><tr><th></th><th>added</th>"
            "<th>removed</th><th>moved</th><th>changed</th></tr>" + "".join(rows) +
            "</table>" + body + "</body></html>\n")


def summary(comparison: Comparison, report: Report | None, limit: int = 6) -> list[str]:
    """Return the lines the terminal shows: counts, each change, its changed text (cut)."""
    out = []
    for kind, label in (("slide", "slides"), ("page", "brief pages")):
        n = comparison.counts(kind)
        out.append(f"{label}: {n['added']} added, {n['removed']} removed, {n['moved']} moved, "
                   f"{n['changed']} changed")
    for change in comparison.changes:
        out.append(f"  {change.describe()}")
        if change.drawn_only:
            out.append(f"    ({DRAWN_ONLY})")
        if change.what != "changed":
            continue
        shown = [f"    - {t}" for t in change.removed_lines] + [
            f"    + {t}" for t in change.added_lines]
        out += shown[:limit]
        if len(shown) > limit:
            out.append(f"    … {len(shown) - limit} more lines")
    if report is not None:
        out.append(f"report: {report.html}")
    return out


def as_json(comparison: Comparison, report: Report | None) -> dict:
    """Return the comparison for machines: counts, changes, the report's path."""
    return {"changed": comparison.changed,
            "slides": comparison.counts("slide"), "pages": comparison.counts("page"),
            "changes": [c.as_json() for c in comparison.changes],
            "report": None if report is None else str(report.html)}
