"""Without a template, a slide added from any layout looks like a generated slide of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu

from generator import loader as outline
from generator.deck import DeckBuilder
from generator.report import BuildOptions
from helpers import FIXTURES, WHEN, make_image, render

TOLERANCE = 3.0
"""Points a placeholder or its first word may sit away from the generated slide's."""
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed")


def _build(folder: Path, aspect: str) -> Path:
    """Build the all-kinds fixture with headless two-column slides (columns fill the body)."""
    data = yaml.safe_load((FIXTURES / "deck_all_kinds.yaml").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for slide in section.get("slides", []):
            if slide["kind"] == "two-column":
                slide["left"].pop("heading", None)
                slide["right"] = {"bullets": ["Slower, but ours", "Keeps the margin"]}
    (folder / "outline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                         encoding="utf-8")
    make_image(folder / "deck_image.png")
    loaded = outline.load(folder / "outline.yaml")
    target = folder / "deck.pptx"
    DeckBuilder().build(loaded.outline, target, BuildOptions(timestamp=WHEN, aspect=aspect))
    return target


def _box(shape) -> tuple[float, ...]:
    return tuple(Emu(v).pt for v in (shape.left, shape.top, shape.width, shape.height))


def _added(path: Path) -> tuple[Path, list[tuple[int, int, str]]]:
    """Add one slide per layout, its placeholders holding a generated slide's text.

    Return the saved copy and (generated slide index, added slide index, layout name).
    """
    prs = Presentation(str(path))
    first = {}
    for n, slide in enumerate(prs.slides):
        first.setdefault(slide.slide_layout.name, n)
    pairs = []
    for layout in prs.slide_layouts:
        generated = prs.slides[first[layout.name]]
        texts = {ph.placeholder_format.idx: ph.text_frame.text for ph in generated.placeholders}
        slide = prs.slides.add_slide(layout)
        for ph in slide.placeholders:
            ph.text_frame.text = texts.get(ph.placeholder_format.idx, "Added text")
        pairs.append((first[layout.name], len(prs.slides) - 1, layout.name))
    out = path.with_name("added.pptx")
    prs.save(str(out))
    return out, pairs


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_layout_placeholders_sit_where_generated_slides_put_them(tmp_path, aspect) -> None:
    path, pairs = _added(_build(tmp_path, aspect))
    prs = Presentation(str(path))
    for gen_n, new_n, name in pairs:
        generated = {ph.placeholder_format.idx: ph for ph in prs.slides[gen_n].placeholders}
        for ph in prs.slides[new_n].placeholders:
            idx = ph.placeholder_format.idx
            if idx not in generated:
                continue
            want, got = _box(generated[idx]), _box(ph)
            assert all(abs(a - b) <= TOLERANCE for a, b in zip(want[:3], got[:3],
                                                                strict=True)), (
                f"{name}: placeholder {idx} at {got}, generated at {want}")


def _first_word(page, text: str) -> tuple[float, float] | None:
    head = text.split()[0] if text.split() else ""
    for word in page.extract_words():
        if word["text"] == head:
            return word["x0"], word["top"]
    return None


@needs_soffice
@pytest.mark.render
def test_added_slides_render_like_generated_ones(tmp_path) -> None:
    path, pairs = _added(_build(tmp_path, "16:9"))
    prs = Presentation(str(path))
    with pdfplumber.open(render(path)) as pdf:
        for gen_n, new_n, name in pairs:
            title = prs.slides[gen_n].shapes.title.text_frame.text
            want = _first_word(pdf.pages[gen_n], title)
            got = _first_word(pdf.pages[new_n], title)
            assert want and got, f"{name}: title '{title}' not found"
            assert abs(want[0] - got[0]) <= TOLERANCE and abs(want[1] - got[1]) <= TOLERANCE, (
                f"{name}: added slide's title at {got}, generated at {want}")


def test_a_template_master_is_left_as_it_is(tmp_path) -> None:
    from helpers import make_template, outline_on

    template = make_template(tmp_path / "corporate.pptx")
    before = Presentation(str(template)).slide_master._element
    before_xml = [el.get("x") for el in before.iter("{*}off")]
    loaded = outline.load(outline_on(tmp_path, "corporate.pptx", "minimal.yaml"))
    target = tmp_path / "deck.pptx"
    DeckBuilder().build(loaded.outline, target,
                        BuildOptions(timestamp=WHEN, template=loaded.template))
    after = Presentation(str(target)).slide_master._element
    assert [el.get("x") for el in after.iter("{*}off")] == before_xml
