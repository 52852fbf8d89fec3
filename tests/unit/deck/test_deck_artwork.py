"""A template's master artwork against the plan: content, footers and slide numbers clear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Emu, Pt

from generator.cli import main
from generator.deck import template_reader
from helpers import make_template, outline_on

SMALL_WIDE = (Emu(9144000), Emu(5143500))
"""10 x 5.625 in: the 16:9 size of Google Slides and pandoc (720 x 405 pt)."""


def artwork_template(path: Path, pieces: dict[str, tuple[float, float, float, float]], *,
                     size: tuple[int, int] = SMALL_WIDE, number_under: str | None = None,
                     hidden: str | None = None) -> Path:
    """Write a template of ``size`` whose master draws ``pieces`` (name -> x, y, w, h in pt)
    as plain rectangles; the master's slide-number placeholder is moved under the piece
    ``number_under``; the piece ``hidden`` is hidden."""
    make_template(path)
    prs = Presentation(str(path))
    prs.slide_width, prs.slide_height = size
    master = prs.slide_master
    scratch = prs.slides.add_slide(master.slide_layouts[6])
    for name, (x, y, w, h) in pieces.items():
        shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(x), Pt(y), Pt(w), Pt(h))
        shape.name = name
        if name == hidden:
            shape._element.nvSpPr.cNvPr.set("hidden", "1")
        master.shapes._spTree.append(shape._element)
    if number_under:
        x, y, w, h = pieces[number_under]
        number = next(s for s in master.placeholders if s.name.startswith("Slide Number"))
        number.left, number.top, number.width, number.height = Pt(x), Pt(y), Pt(w), Pt(h)
    rid = prs.slides._sldIdLst[0].rId
    prs.part.drop_rel(rid)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    prs.save(str(path))
    return path


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def artwork_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "template's artwork" in line]


LOGO = {"ACME logo": (640.8, 375.84, 64.8, 21.6)}
"""A logo at the bottom right of a 720 x 405 pt slide, where the slide number goes."""


def test_reader_reads_master_artwork_in_points(tmp_path):
    path = artwork_template(tmp_path / "t.pptx", {**LOGO, "Ghost": (0, 0, 50, 50),
                                                  "Backdrop": (0, 0, 720, 405)},
                            hidden="Ghost")
    template = template_reader.read(path)
    layout = template.layout("Title and Content")
    assert [(a.name, a.owner) for a in layout.artwork] == [("ACME logo", "master")]
    assert layout.artwork[0].box == pytest.approx(LOGO["ACME logo"], abs=0.01)
    # the hidden piece and the slide-sized backdrop are left out


def slide_numbers(text: str) -> list[int]:
    """Return the numbers of 'slide 4' or 'slides 2, 4, 8–11' as a list."""
    out: list[int] = []
    for part in text.split(", "):
        first, _, last = part.partition("\u2013")
        out += range(int(first), int(last or first) + 1)
    return out


def test_logo_over_the_slide_number_is_reported_once_per_layout_check_equals_build(tmp_path):
    artwork_template(tmp_path / "corporate.pptx", LOGO, number_under="ACME logo")
    outline = outline_on(tmp_path, "corporate.pptx")
    check = run("check", outline)
    build = run("build", outline, "--out", tmp_path / "out")
    assert check.exit_code == 0 and build.exit_code == 0, check.output + build.output
    found = artwork_lines(check.stderr)
    layouts, covered = [], []
    for line in found:
        match = re.fullmatch(
            r".*outline\.yaml:\d+:\d+: warning: (sections\S*): slides? ([\d, \u2013]+): the "
            r"slide number is covered by the template's artwork 'ACME logo' \(on its master\) "
            r"on the layout '([^']+)'; expected the slide number clear of the template's "
            r"artwork \(move the artwork or the placeholder in the template\)", line)
        assert match, line
        layouts.append(match[3])
        covered += slide_numbers(match[2])
    assert len(layouts) == len(set(layouts)) >= 2, layouts  # once per layout
    assert "\u2013" in "".join(found)  # a run of slides is a range: 'slides 8–11'
    assert len(covered) == len(set(covered)) > 10  # each slide in one line
    assert found[0].split(": warning: ")[1].startswith("sections: slides 2, ")
    assert [line.removesuffix(" (an error under --strict)")
            for line in artwork_lines(build.stderr)] == found
    strict = run("check", outline, "--strict")
    assert strict.exit_code == 1
    assert "the slide number is covered" in strict.stderr
    template = run("check-template", tmp_path / "corporate.pptx")
    assert ('  layout "Title and Content": the template\'s artwork \'ACME logo\' (on its '
            'master) covers its slide-number placeholder') in template.output.splitlines()


BAND = {"ACME band": (0.0, 395.0, 720.0, 10.0)}
"""A band along the bottom edge of a 720 x 405 pt slide: below the footer at 16:9."""


def test_wide_artwork_lands_on_content_at_four_by_three(tmp_path):
    artwork_template(tmp_path / "corporate.pptx", BAND)
    outline = outline_on(tmp_path, "corporate.pptx")
    own = run("check", outline)
    assert own.exit_code == 0 and not artwork_lines(own.stderr), own.stderr
    check = run("check", outline, "--aspect", "4:3")
    build = run("build", outline, "--out", tmp_path / "out", "--aspect", "4:3")
    found = artwork_lines(check.stderr)
    assert found and build.exit_code == 0
    assert [line.removesuffix(" (an error under --strict)")
            for line in artwork_lines(build.stderr)] == found
    kinds, pieces = set(), []
    for line in found:
        match = re.fullmatch(
            r".*outline\.yaml:\d+:\d+: warning: (\S+): slides? ([\d, \u2013]+): the (.+) "
            r"overlaps? the template's artwork 'ACME band' \(on its master\) on the layout "
            r"'([^']+)'; expected content clear of the template's artwork \(is the template "
            r"16:9 while --aspect is 4:3\?\)", line)
        assert match, line
        kinds.update(re.split(r", | and ", match[3]))
        pieces.append(match[4])
    assert {"chart", "picture", "body text"} <= kinds, kinds
    assert len(pieces) == len(set(pieces)), pieces  # the band once per layout
    assert any(re.search(r": sections\[\d+\]\.slides\[\d+\]: slides? [\d, \u2013]+: the "
                         r"(.+, )?(.+ and )?chart", line)
               for line in found)  # located at the first slide's outline path
    strict = run("build", outline, "--out", tmp_path / "strict", "--aspect", "4:3", "--strict")
    assert strict.exit_code == 1 and "ACME band" in strict.stderr


def test_templates_without_artwork_report_nothing(tmp_path):
    make_template(tmp_path / "plain.pptx")
    outline = outline_on(tmp_path, "plain.pptx")
    for aspect in ("16:9", "4:3"):
        result = run("check", outline, "--aspect", aspect)
        assert not artwork_lines(result.stderr), result.stderr
    plain = outline_on(tmp_path, None)
    assert not artwork_lines(run("check", plain).stderr)


def test_a_four_by_three_templates_right_edge_bar_is_mid_slide_at_sixteen_by_nine(tmp_path):
    artwork_template(tmp_path / "square.pptx", {"ACME bar": (690.0, 0.0, 30.0, 540.0)},
                     size=(Emu(9144000), Emu(6858000)))
    outline = outline_on(tmp_path, "square.pptx")
    assert not artwork_lines(run("check", outline).stderr)  # at its own 4:3: at the edge
    found = artwork_lines(run("check", outline, "--aspect", "16:9").stderr)
    assert all(re.search(r"'ACME bar' \(on its master\) on the layout '[^']+'; expected "
                         r"content clear of the template's artwork \(is the template 4:3 while "
                         r"--aspect is 16:9\?\)$", line)
               or "is covered by the template's artwork 'ACME bar'" in line
               for line in found), found
    overlaps = [line for line in found if "the template's artwork 'ACME bar'" in line
                and " overlap" in line]
    assert len(overlaps) >= 2  # one per layout the bar is in the way on


def test_a_slide_on_a_layout_without_a_title_is_reported(tmp_path: Path) -> None:
    """``layout: Blank`` writes the title in a text box: the outline view and screen
    readers miss it, so check and build both say so, at the slide."""
    from generator import build as builds
    from generator import loader

    (tmp_path / "o.yaml").write_text("""\
meta: {title: Blank layouts}
sections:
  - title: One
    slides:
      - kind: bullets
        title: A slide on a blank layout
        layout: Blank
        notes: Read it.
        bullets: [One point]
""", encoding="utf-8")
    loaded = loader.load(tmp_path / "o.yaml")
    found = [p for p in builds.check(loaded) if "no title placeholder" in p.message]
    assert [(p.line, p.path, p.severity) for p in found] == [
        (5, "sections[0].slides[0]", "warning")]
    assert found[0].message.startswith("layout 'Blank' has no title placeholder")
    built = builds.build(loaded, tmp_path / "out")
    assert [str(p) for p in built.warnings if "no title placeholder" in p.message] == \
        [str(p) for p in found]


def test_a_template_picture_lost_on_the_colour_deckgen_paints_is_a_warning(tmp_path):
    """The master's logo shows on every slide, on the colour the deck paints it: one that
    nearly matches the dark title, divider and closing slides is named with those slides,
    once per layout, from check and build alike; on slides it sets off, nothing is said."""
    from helpers import LOGO_RGB, art_template

    template = art_template(tmp_path / "t.pptx", (12192000, 6858000), bar=(0, 0, 20, 20),
                            logo=(880, 20, 60, 20))
    orange = "#{:02X}{:02X}{:02X}".format(*LOGO_RGB)
    lost = outline_on(tmp_path, "t.pptx", palette={"secondary": "#D8661A"})
    found = [line for line in run("check", lost).output.splitlines()
             if "template's picture" in line]
    assert found and all("barely shows there" in line and "#D8661A" in line for line in found)
    assert all("brand.palette.secondary" in line for line in found)
    numbered = [n for line in found
                for n in slide_numbers(re.search(r": slides? ([\d, \u2013]+): ", line)[1])]
    assert 1 in numbered and len(numbered) == len(set(numbered))  # each slide named once
    built = run("build", lost, "--only", "deck", "--out", tmp_path / "out")
    assert [line for line in built.output.splitlines() if "template's picture" in line] == found
    shown = outline_on(tmp_path, template.name)  # the default palette's navy sets it off
    assert "template's picture" not in run("check", shown).output
    assert orange != "#D8661A"  # near the logo's colour, not the same
