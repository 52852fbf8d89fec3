"""One slide plan painted on a reportlab canvas: background, shapes, text, tables, charts."""

from __future__ import annotations

import io
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..chart_drawing import drawing as chart_drawing
from ..deck.elements import (
    ChartFrame,
    DeckPlan,
    Element,
    Para,
    Picture,
    Shape,
    SlidePlan,
    TableGrid,
    TextBox,
)
from ..deck.layout import Box
from ..model import Outline
from ..pdf_tags import Element as Tag
from ..text import Run
from . import charts, fonts, lines
from .backdrop import Backdrop
from .backdrop import plain as plain_backdrop
from .tags import SlideTagger

if TYPE_CHECKING:
    from ..deck.template_reader import Art, ArtText

CELL_PAD_V = 4.0
"""Top and bottom margin of a table cell, as the deck's cells have (``a:tcPr`` marT/marB)."""
CELL_RULE = 1.0
"""Width of the white rules between table cells (PowerPoint's default table style)."""
UNDERLINE = 0.05
"""Thickness of a link's underline (and half its drop below the baseline), per point of size."""
ROUND_CORNER = 0.16667
"""A rounded rectangle's corner radius, per point of its shorter side (PowerPoint's default)."""
HEADINGS = {"title": "H1"}
"""The structure type of the text boxes that are headings, by their role (a column's
heading is often a year or a figure, which reads badly as a heading: it is a 'P')."""


@lru_cache(maxsize=256)
def colour(value: str) -> colors.Color:
    """Return the reportlab colour of 'RRGGBB' or '#RRGGBB'."""
    return colors.HexColor("#" + value.lstrip("#"))


@dataclass
class Painter:
    """Paints slides of ``plan`` on ``canvas``, one slide ``plan.height`` high at the origin.

    With ``links``, runs with a URL become link annotations, and agenda entries jump to the
    page given for their anchor by ``destination(anchor)``. With ``tags``, what is drawn is
    marked as the content of the slide's structure elements (``tags``); the rest (the
    background, shapes, the logo, the footer and slide number) is an artifact.
    """

    canvas: Canvas
    plan: DeckPlan
    outline: Outline
    links: bool = True
    destinations: dict[str, str] = field(default_factory=dict)
    tags: SlideTagger | None = None
    backdrop: Backdrop | None = None
    """The page the slides are drawn on (the PPTX's slide size, the template's art); None:
    the plan's own page, without art."""
    _images: dict[bytes, ImageReader | None] = field(default_factory=dict, repr=False)

    @property
    def page(self) -> Backdrop:
        """The page each slide is drawn on."""
        if self.backdrop is None:
            self.backdrop = plain_backdrop(self.plan)
        return self.backdrop

    def slide(self, slide: SlidePlan) -> None:
        """Paint ``slide`` with its top-left corner at the canvas's current (0, page height):
        its background, the template's art of its layout, then its elements, scaled onto
        the page as the PPTX writer scales them."""
        c, page = self.canvas, self.page
        c.setFillColor(colour(slide.background))
        c.rect(0, 0, page.width, page.height, stroke=0, fill=1)
        for piece in page.art(slide):
            self.art(piece)
        section = self.tags.new_section() if self.tags else None
        scaled = page.scale != 1.0
        if scaled:
            c.saveState()
            c.scale(page.scale, page.scale)
        for element in slide.elements:
            self.element(element, slide, section)
        if scaled:
            c.restoreState()

    def art(self, piece: Art) -> None:
        """Paint a piece of the template's art, in points of the page; a picture that is not
        an intact PNG or JPEG within the image limits is left out."""
        x, y, w, h = piece.box
        image = self._image(piece.image) if piece.kind == "picture" else None
        if piece.kind == "picture" and image is None:
            return
        c = self.canvas
        c.saveState()
        c.translate(x + w / 2, self.page.height - (y + h / 2))
        if piece.rotation:
            c.rotate(-piece.rotation)
        if any(piece.flip):
            c.scale(-1 if piece.flip[0] else 1, -1 if piece.flip[1] else 1)
        if image is not None:
            c.drawImage(image, -w / 2, -h / 2, w, h, mask="auto")
        else:
            self._art_shape(piece, w, h)
        c.restoreState()
        if piece.text is not None:
            c.saveState()  # turned with the shape, never mirrored: as PowerPoint shows it
            c.translate(x + w / 2, self.page.height - (y + h / 2))
            if piece.rotation:
                c.rotate(-piece.rotation)
            self._art_text(piece.text, w, h)
            c.restoreState()

    def _art_text(self, text: ArtText, w: float, h: float) -> None:
        """Set the text of a template's shape ``w`` by ``h`` points, centred on the origin:
        its paragraphs in the frame less its insets, wrapped unless it says not to, at its
        anchor (``lines.layout``, as the deck's own text)."""
        left, top, right, bottom = text.insets
        width = w - left - right
        paras = tuple(Para((Run(p.text),), p.size, text.font, p.colour, bold=p.bold,
                           italic=p.italic, align=p.align) for p in text.paras)
        laid, height = lines.layout(paras, width if text.wrap else 1e6)
        room = h - top - bottom
        shift = {"middle": (room - height) / 2, "bottom": room - height}.get(text.anchor, 0.0)
        for lp in laid:
            self.canvas.setFillColor(colour(lp.para.colour))
            for line in lp.lines:
                x0 = -w / 2 + left + (line.x if text.wrap else _unwrapped(line, lp.para, width))
                y = h / 2 - top - shift - line.baseline
                for piece in line.pieces:
                    self._string(piece.text, x0 + piece.x, y, lp.para, lp.para.bold,
                                 lp.para.italic)

    def _art_shape(self, piece: Art, w: float, h: float) -> None:
        if piece.fill is None and piece.line is None:  # a text box: its text alone
            return
        c = self.canvas
        fill = piece.fill is not None and piece.kind != "line"
        stroke = piece.line is not None and piece.line_width > 0
        if fill:
            c.setFillColor(colour(str(piece.fill)))
            if piece.fill_alpha < 1:
                c.setFillAlpha(piece.fill_alpha)
        if stroke:
            c.setStrokeColor(colour(str(piece.line)))
            c.setLineWidth(piece.line_width)
            if piece.line_alpha < 1:
                c.setStrokeAlpha(piece.line_alpha)
        if piece.kind == "line":
            if stroke:
                c.line(-w / 2, h / 2, w / 2, -h / 2)
        elif piece.kind == "ellipse":
            c.ellipse(-w / 2, -h / 2, w / 2, h / 2, stroke=int(stroke), fill=int(fill))
        elif piece.kind == "roundRect":
            c.roundRect(-w / 2, -h / 2, w, h, min(w, h) * ROUND_CORNER, stroke=int(stroke),
                        fill=int(fill))
        else:
            c.rect(-w / 2, -h / 2, w, h, stroke=int(stroke), fill=int(fill))

    def _image(self, data: bytes) -> ImageReader | None:
        """Return the reader of a template's picture, checked once as an outline's image
        is (``images.inspect_bytes``: type, size and pixel caps, decoded once); None when
        it fails."""
        if data not in self._images:
            from .. import images

            try:
                images.inspect_bytes(data)
                self._images[data] = ImageReader(io.BytesIO(data))
            except images.ImageProblem:
                self._images[data] = None
        return self._images[data]

    def element(self, element: Element, slide: SlidePlan, section: Tag | None = None) -> None:
        if isinstance(element, TextBox):
            self.text(element, section)
        elif isinstance(element, Shape):
            self.shape(element)
        elif isinstance(element, TableGrid):
            self.table(element, section)
        elif isinstance(element, ChartFrame):
            with self._marked(section and Tag("Figure", section, alt=element.alt)):
                self.chart(element, slide.background)
        elif isinstance(element, Picture):
            decorative = element.path == self.outline.brand.logo
            with self._marked(None if decorative else section and Tag(
                    "Figure", section, alt=element.alt)):
                self.picture(element)

    def _marked(self, element: Tag | None):
        """Mark what is drawn inside as ``element``'s content (nothing without tags)."""
        if self.tags is None or element is None:
            return nullcontext()
        return self.tags.marked(self.canvas, element)

    def _y(self, y: float) -> float:
        """The PDF's y of a distance ``y`` below the slide's top."""
        return self.plan.height - y

    # --- elements ---------------------------------------------------------------------

    def shape(self, element: Shape) -> None:
        c, b = self.canvas, element.box
        c.setFillColor(colour(element.fill))
        if element.kind == "oval":
            c.ellipse(b.x, self._y(b.bottom), b.right, self._y(b.y), stroke=0, fill=1)
        else:
            c.rect(b.x, self._y(b.bottom), b.w, b.h, stroke=0, fill=1)

    def text(self, element: TextBox, section: Tag | None = None) -> None:
        """Draw a text box; with a ``section``, tagged: a title as 'H1', bullets as a list,
        other paragraphs as 'P' (the footer and slide number as artifacts)."""
        laid = lines.frame(element)
        left = element.box.x
        if section is None or self.tags is None or self.tags.is_artifact(element):
            self.paras(laid, left)
        elif element.role in HEADINGS:
            with self._marked(Tag(HEADINGS[element.role], section)):
                self.paras(laid, left)
        else:
            self._tagged_paras(laid, left, section)

    def _tagged_paras(self, laid: list[lines.LaidPara], left: float, section: Tag) -> None:
        """Draw paragraphs as 'P' (an agenda entry a 'Link' in it) and runs of bullets as an
        'L' whose items have the bullet as 'Lbl' and the text as 'LBody'."""
        items: Tag | None = None
        for lp in laid:
            if not lp.para.bullet:
                items = None
                holder = Tag("P", section)
                if lp.para.jump and self.links:
                    holder = Tag("Link", holder)
                with self._marked(holder):
                    self.paras([lp], left)
                continue
            if items is None:
                items = Tag("L", section)
            item = Tag("LI", items)
            self.canvas.setFillColor(colour(lp.para.colour))
            with self._marked(Tag("Lbl", item)):
                self._bullet(lp, left)
            with self._marked(Tag("LBody", item)):
                self.paras([lp], left, bullets=False)

    def _bullet(self, lp: lines.LaidPara, left: float) -> None:
        """Draw the bullet of a laid-out paragraph, hanging left of its first line."""
        if lp.para.bullet and lp.lines:
            hang = lp.para.hanging
            self._string(lp.para.bullet, left + lp.left - hang, self._y(lp.lines[0].baseline),
                         lp.para, False, False)

    def _label(self, lp: lines.LaidPara, left: float) -> None:
        """Draw the label of a laid-out paragraph in its hanging indent, on the first line:
        the tab after it reaches the text's start (``Para.label``). As in the deck, the
        text is the link, not its label."""
        para = lp.para
        if para.label and lp.lines:
            self._string(para.label, left + lp.left - para.hanging,
                         self._y(lp.lines[0].baseline), para, para.bold, para.italic)

    def paras(self, laid: list[lines.LaidPara], left: float, bullets: bool = True) -> None:
        """Draw laid-out paragraphs whose frame starts ``left`` points from the slide's edge
        (and their bullets, unless ``bullets`` is false)."""
        c = self.canvas
        for lp in laid:
            para = lp.para
            c.setFillColor(colour(para.colour))
            for k, line in enumerate(lp.lines):
                x0 = left + lp.left + line.x
                y = self._y(line.baseline)
                if k == 0 and bullets:
                    self._bullet(lp, left)
                if k == 0 and para.label:
                    self._label(lp, left)
                for piece in line.pieces:
                    self._string(piece.text, x0 + piece.x, y, para, piece.bold, piece.italic)
                    if piece.link and piece.text.strip():
                        self._underline(x0 + piece.x, y, piece.width, para)
                        if self.links:
                            self._link_url(piece.link, x0 + piece.x, y, piece.width, para.size)
                if para.jump and self.links:
                    self._jump(para.jump, x0, y, line.width, para.size)

    def _string(self, text: str, x: float, y: float, para: Para, bold: bool,
                italic: bool) -> None:
        c = self.canvas
        for piece, name, m in fonts.split(text, para.font, bold, italic):
            c.setFont(name, para.size)
            c.drawString(x, y, piece)
            x += m.width(piece, para.size)

    def _underline(self, x: float, y: float, w: float, para: Para) -> None:
        """Underline a link, as the presentation programs show one."""
        c = self.canvas
        c.setStrokeColor(colour(para.colour))
        c.setLineWidth(para.size * UNDERLINE)
        c.line(x, y - para.size * UNDERLINE * 2, x + w, y - para.size * UNDERLINE * 2)

    def _link_url(self, url: str, x: float, y: float, w: float, size: float) -> None:
        self.canvas.linkURL(url, (x, y - lines.DESCENT * size, x + w, y + lines.ASCENT * size),
                            relative=1, thickness=0)

    def _jump(self, anchor: str, x: float, y: float, w: float, size: float) -> None:
        key = self.destinations.get(anchor)
        if key is None:
            return
        self.canvas.linkRect("", key, (x, y - lines.DESCENT * size, x + w,
                                       y + lines.ASCENT * size), relative=1, thickness=0)

    def table(self, element: TableGrid, section: Tag | None = None) -> None:
        """Draw a table; with a ``section``, tagged as a 'Table' of 'TR' rows whose first
        row's cells are 'TH' (column headers) and the others 'TD'."""
        c = self.canvas
        top = element.box.y
        xs = [element.box.x]
        for w in element.widths:
            xs.append(xs[-1] + w)
        table = Tag("Table", section) if section is not None else None
        for r, (row, h) in enumerate(zip(element.rows, element.heights, strict=True)):
            tr = Tag("TR", table) if table is not None else None
            for cell, x, w in zip(row, xs, element.widths, strict=False):
                c.setFillColor(colour(cell.fill))
                c.rect(x, self._y(top + h), w, h, stroke=0, fill=1)
                inner = Box(x + element.pad, top + CELL_PAD_V, max(w - 2 * element.pad, 1.0),
                            max(h - 2 * CELL_PAD_V, 1.0))
                tag = tr and (Tag("TH", tr, scope="Column") if r == 0 else Tag("TD", tr))
                with self._marked(tag):
                    self.text(TextBox(inner, cell.paras, anchor="middle"))  # as the deck
            top += h
        c.setStrokeColor(colors.white)
        c.setLineWidth(CELL_RULE)
        bottom = top
        top = element.box.y
        rules = c.beginPath()  # one path: the grid reads as one drawing, not loose lines
        for x in xs[1:-1]:
            rules.moveTo(x, self._y(top))
            rules.lineTo(x, self._y(bottom))
        y = top
        for h in element.heights[:-1]:
            y += h
            rules.moveTo(xs[0], self._y(y))
            rules.lineTo(xs[-1], self._y(y))
        c.drawPath(rules, stroke=1, fill=0)

    def chart(self, element: ChartFrame, background: str) -> None:
        from reportlab.graphics import renderPDF

        b = element.box
        look = charts.look(element, self.outline, background)
        renderPDF.draw(chart_drawing(look, element.chart, b.w, b.h, fonts.register),
                       self.canvas, b.x, self._y(b.bottom))

    def picture(self, element: Picture) -> None:
        b = element.box
        image = ImageReader(element.path)
        w0, h0 = image.getSize()
        scale = min(b.w / w0, b.h / h0)
        w, h = w0 * scale, h0 * scale
        left = b.x + (b.w - w if element.align == "right" else
                      (b.w - w) / 2 if element.align == "center" else 0)
        top = b.y + (b.h - h) / 2
        self.canvas.drawImage(image, left, self._y(top + h), w, h, mask="auto")


def _unwrapped(line: lines.Line, para: Para, width: float) -> float:
    """Return where an unwrapped line starts in a frame ``width`` wide, by its alignment
    (it may run past the frame, as PowerPoint lets it)."""
    return {"center": (width - line.width) / 2, "right": width - line.width}.get(para.align, 0.0)
