"""What several test modules share: fixture paths, pictures, decks, templates, goldens.

Test modules import this module (``from helpers import ...``; pytest puts ``tests/`` on the
import path through ``pythonpath`` in pyproject.toml) and never import each other.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import itertools
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pdfplumber
import pytest
import yaml
from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

from generator import loader
from generator.deck import DeckBuilder
from generator.deck import template_reader as templates
from generator.model import Outline
from generator.report import BuildOptions, BuildResult

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
FONTS = ROOT / "generator" / "fonts"
"""The bundled fonts (Carlito for Calibri and so on), for LibreOffice to find (``render``)."""
WHEN = _dt.datetime(2025, 3, 14, tzinfo=_dt.UTC)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU_PER_PT = 12700
TOLERANCE = 2.0


# -- goldens ------------------------------------------------------------------------------

def golden_json(path: Path, value: Any, update: bool) -> Any:
    """Return the expected value stored as JSON at ``path``.

    With ``update`` (``pytest --update-goldens``) ``value`` is written there first, so a
    reviewer sees the change as a diff. A missing golden fails the test: it is never written
    silently.
    """
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; run "
                    f"`pytest --update-goldens` and review the new file")
    return json.loads(path.read_text(encoding="utf-8"))


# -- decks --------------------------------------------------------------------------------

def fixture_outline(name: str) -> Outline:
    """Return fixture ``name`` on the default brand, without image slides (no image file)."""
    data = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    data["brand"] = {}
    for section in data["sections"]:
        section["slides"] = [s for s in section.get("slides", []) if s.get("kind") != "image"]
    return Outline.parse(data)


def make_image(path: Path) -> None:
    """Write a small PNG picture (not of text) to ``path``."""
    image = Image.new("RGB", (600, 350), (200, 210, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle([50, 75, 550, 325], fill=(90, 110, 140))
    image.save(path)


def build_deck(folder: Path, name: str = "deck_all_kinds.yaml", aspect: str = "16:9"
               ) -> tuple[loader.LoadedOutline, BuildResult]:
    """Copy the fixture ``name`` into ``folder`` with its picture and build its deck."""
    shutil.copy(FIXTURES / name, folder / name)
    make_image(folder / "deck_image.png")
    loaded = loader.load(folder / name)
    result = DeckBuilder().build(loaded.outline, folder / "deck.pptx",
                                 BuildOptions(timestamp=WHEN, aspect=aspect))
    return loaded, result


# -- templates ----------------------------------------------------------------------------

def make_template(path: Path, *, rename: dict[str, str] | None = None,
                  order: list[str] | None = None, drop: tuple[str, ...] = (),
                  examples: int = 0, colours: dict[str, str] | None = None,
                  fonts: tuple[str, str] | None = None, wide: bool = True) -> Path:
    """Write a 16:9 template (4:3 unless ``wide``) to ``path`` from python-pptx's own.

    ``rename`` renames layouts, ``order`` puts the named layouts first in that order,
    ``drop`` removes layouts, ``examples`` adds example slides, ``colours`` and ``fonts``
    (heading, body) set the theme.
    """
    prs = Presentation()
    if wide:
        prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name in drop:
            master.slide_layouts.remove(layout)
    for n in range(examples):
        slide = prs.slides.add_slide(master.slide_layouts[0])
        slide.shapes.title.text = f"Example slide {n + 1}: delete me"
        slide.notes_slide.notes_text_frame.text = "Example notes"
    for layout in master.slide_layouts:
        if rename and layout.name in rename:
            layout._element.cSld.set("name", rename[layout.name])
    if order:
        id_list = master._element.find(f"{{{_P}}}sldLayoutIdLst")
        by_name = {lay.name: el for lay, el in zip(master.slide_layouts, list(id_list),
                                                   strict=True)}
        for name in reversed(order):
            el = by_name[name]
            id_list.remove(el)
            id_list.insert(0, el)
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for slot, value in (colours or {}).items():
        el = root.find(f"{{{A}}}themeElements/{{{A}}}clrScheme/{{{A}}}{slot}")
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, f"{{{A}}}srgbClr").set("val", value)
    if fonts:
        for tag, face in zip(("majorFont", "minorFont"), fonts, strict=True):
            root.find(f"{{{A}}}themeElements/{{{A}}}fontScheme/{{{A}}}{tag}/{{{A}}}latin").set(
                "typeface", face)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    target = path.with_suffix(".pptx")
    prs.save(str(target))
    if path.suffix == ".potx":
        _as_potx(target, path)
        target.unlink()
    return path


BAR_RGB = (0x1F, 0x6E, 0x4A)
"""The colour the art template's bar resolves to: accent6 (#2A9362) at 75% luminance."""
LOGO_RGB = (0xE0, 0x60, 0x10)
"""The art template's logo picture: one colour no theme of the tests uses."""


def art_template(path: Path, size: tuple[int, int], *, bar: tuple[float, ...],
                 logo: tuple[float, ...]) -> Path:
    """Write a template of ``size`` (EMU) whose master draws a bar (a rectangle filled with
    the theme's accent6 at 75% luminance, through the colour map) and a logo (a PNG
    picture of ``LOGO_RGB``), each at (x, y, w, h) in points; return ``path``."""
    make_template(path, colours={"accent6": "2A9362"})
    prs = Presentation(str(path))
    prs.slide_width, prs.slide_height = Emu(size[0]), Emu(size[1])
    master = prs.slide_master
    scratch = prs.slides.add_slide(master.slide_layouts[6])
    shape = scratch.shapes.add_shape(1, *(Emu(round(v * EMU_PER_PT)) for v in bar))  # rectangle
    shape.name = "Brand bar"
    shape.fill.solid()
    shape.fill.fore_color.theme_color = 10  # MSO_THEME_COLOR.ACCENT_6
    shape.fill.fore_color.brightness = -0.25  # lumMod 75%
    shape.line.fill.background()
    master.shapes._spTree.append(shape._element)
    image = path.with_name(path.stem + "-logo.png")
    Image.new("RGB", (240, 80), LOGO_RGB).save(image)
    picture = scratch.shapes.add_picture(str(image), *(Emu(round(v * EMU_PER_PT))
                                                       for v in logo))
    picture.name = "Brand logo"
    r_id = master.part.relate_to(scratch.part.related_part(picture._element.blip_rId), RT.IMAGE)
    picture._element.blipFill.blip.set(f"{{{R}}}embed", r_id)
    master.shapes._spTree.append(picture._element)
    prs.part.drop_rel(prs.slides._sldIdLst[0].rId)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    prs.save(str(path))
    return path


def _as_potx(pptx: Path, potx: Path) -> None:
    with zipfile.ZipFile(pptx) as src, zipfile.ZipFile(potx, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(templates.PRESENTATION_CT.encode(),
                                    templates.TEMPLATE_CT.encode())
            dst.writestr(info, data)


def outline_on(folder: Path, template: str | None, name: str = "deck_all_kinds.yaml",
               **brand: Any) -> Path:
    """Copy fixture ``name`` into ``folder`` with brand.template set; return its path."""
    data = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    data["brand"] = {**({"template": template} if template else {}), **brand}
    target = folder / "outline.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    make_image(folder / "deck_image.png")
    return target


# -- LibreOffice rendering ----------------------------------------------------------------

def render(pptx: Path, fonts: Path | None = None) -> Path:
    """Convert ``pptx`` to PDF with LibreOffice in a private profile; return the PDF.

    With ``fonts``, LibreOffice also finds the fonts in that folder (fontconfig pointed at
    it beside the system's own), as a presenter's machine has the real ones.
    """
    profile = pptx.parent / "lo-profile"
    env = None
    if fonts is not None:
        conf = pptx.parent / "fonts.conf"
        conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                        '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
                        f"</include><dir>{fonts}</dir><cachedir>{pptx.parent / 'fc-cache'}"
                        "</cachedir></fontconfig>\n", encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pptx.parent), str(pptx)],
                   check=True, capture_output=True, timeout=240, env=env)
    return pptx.with_suffix(".pdf")


def rectangles(slide: Any, scale: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return (name, (x0, top, x1, bottom)) in PDF points of every text-bearing shape."""
    out = []
    for shape in slide.shapes:
        has_text = shape.has_text_frame and shape.text_frame.text.strip()
        if not (has_text or shape.has_table or shape.has_chart):
            continue
        x0, y0 = shape.left / EMU_PER_PT * scale, shape.top / EMU_PER_PT * scale
        out.append((shape.name, (x0, y0, x0 + shape.width / EMU_PER_PT * scale,
                                 y0 + shape.height / EMU_PER_PT * scale)))
    return out


def inside(word: dict, rect: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = rect
    return (word["x0"] >= x0 - TOLERANCE and word["x1"] <= x1 + TOLERANCE
            and word["top"] >= top - TOLERANCE and word["bottom"] <= bottom + TOLERANCE)


def internal_links(reader: Any) -> list[tuple[int, int, tuple[float, float, float, float]]]:
    """Return each link to a page of the PDF ``reader`` reads: (its page, the page it goes
    to, its rectangle as (x0, top, x1, bottom) from the page's top, as pdfplumber's words)."""
    from pypdf.generic import IndirectObject

    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    links = []
    for n, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if dest is None:
                continue
            target = dest[0]
            assert isinstance(target, IndirectObject) and target.idnum in numbers
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            links.append((n, numbers[target.idnum], (x0, height - y1, x1, height - y0)))
    return links


def overlap(a: tuple, b: tuple) -> bool:
    return a[0] + 0.5 < b[2] and b[0] + 0.5 < a[2] and a[1] + 0.5 < b[3] and b[1] + 0.5 < a[3]


def check_layout(pptx: Path) -> list[str]:
    """Return every layout problem LibreOffice's rendering of ``pptx`` shows."""
    prs = Presentation(str(pptx))
    problems = []
    with pdfplumber.open(render(pptx)) as pdf:
        assert len(pdf.pages) == len(prs.slides)
        for n, (page, slide) in enumerate(zip(pdf.pages, prs.slides, strict=True), 1):
            scale = float(page.width) / (prs.slide_width / EMU_PER_PT)
            rects = rectangles(slide, scale)
            for (na, a), (nb, b) in itertools.combinations(rects, 2):
                if overlap(a, b):
                    problems.append(f"slide {n}: {na} overlaps {nb}")
            for word in page.extract_words():
                if not (0 <= word["x0"] and word["x1"] <= page.width and 0 <= word["top"]
                        and word["bottom"] <= page.height):
                    problems.append(f"slide {n}: '{word['text']}' is off the page")
                elif not any(inside(word, r) for _, r in rects):
                    problems.append(f"slide {n}: '{word['text']}' at ({word['x0']:.0f}, "
                                    f"{word['top']:.0f}) is outside every text box")
    return problems


# -- the benchmark ------------------------------------------------------------------------

def bench_module() -> ModuleType:
    """Return ``bench/run.py`` loaded from its file (``bench/`` is a script folder, not a
    package, and is not put on ``sys.path``)."""
    spec = importlib.util.spec_from_file_location("deckgen_bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
