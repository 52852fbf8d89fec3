"""The deck's library boundary: python-pptx only under deck/pptx/, its version checked,
the planner pure, the template read once and the written Presentation still usable."""

from __future__ import annotations

import datetime as _dt
import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from generator import build as _build
from generator import loader as _outline
from generator.deck import DeckBuilder, template_reader
from generator.deck.pptx import check_version
from generator.deck.pptx import writer as _writer
from generator.errors import EnvironmentProblem
from generator.report import BuildOptions

ROOT = Path(__file__).parents[3]
WHEN = _dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=_dt.UTC)
PURE = ["generator.deck.planner", "generator.deck.layout", "generator.deck.fit",
        "generator.deck.elements", "generator.deck.contract", "generator.deck.slides"]


@pytest.mark.parametrize("version", ["1.0.2", "1.0.3", "1.0.10"])
def test_supported_python_pptx_versions_pass(version) -> None:
    check_version(version)


@pytest.mark.parametrize("version", ["1.0.1", "1.1.0", "0.6.23", "2.0", "dev"])
def test_other_python_pptx_versions_are_refused_with_the_pin(version) -> None:
    with pytest.raises(EnvironmentProblem, match=r"python-pptx>=1\.0\.2,<1\.1"):
        check_version(version)


def test_the_planner_imports_neither_python_pptx_nor_lxml() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in PURE) +
            "from generator.deck import DeckBuilder\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'lxml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_python_pptx_is_imported_only_under_deck_pptx() -> None:
    outside = [str(p.relative_to(ROOT)) for p in (ROOT / "generator").rglob("*.py")
               if "pptx" not in p.relative_to(ROOT / "generator").parts
               and any(line.lstrip().startswith(("import pptx", "from pptx"))
                       for line in p.read_text(encoding="utf-8").splitlines())]
    assert outside == []


def _outline_with_template(folder: Path) -> Path:
    template = folder / "brand.pptx"
    Presentation().save(str(template))
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text())
    data["brand"] = {"template": "brand.pptx"}
    target = folder / "outline.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return target


def test_a_build_reads_the_template_once(tmp_path, monkeypatch) -> None:
    reads = []
    real = template_reader.read

    def counting(path):
        reads.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(template_reader, "read", counting)
    loaded = _outline.load(_outline_with_template(tmp_path))
    assert isinstance(loaded.template, template_reader.Template)
    _build.build(loaded, tmp_path / "out", which=("deck",))
    assert reads == ["brand.pptx"]
    assert len(Presentation(str(tmp_path / "out" / "deck.pptx")).slides) > 2


def test_the_writer_reads_the_template_itself_without_the_loaders(tmp_path) -> None:
    loaded = _outline.load(_outline_with_template(tmp_path))
    with_parsed = tmp_path / "a.pptx"
    without = tmp_path / "b.pptx"
    DeckBuilder().build(loaded.outline, with_parsed,
                        BuildOptions(timestamp=WHEN, template=loaded.template))
    DeckBuilder().build(loaded.outline, without, BuildOptions(timestamp=WHEN))
    assert with_parsed.read_bytes() == without.read_bytes()
    crossed = pickle.loads(pickle.dumps(loaded.template))  # as sent to a build process
    assert crossed.data == b"" and crossed.names == loaded.template.names
    pickled = tmp_path / "c.pptx"
    DeckBuilder().build(loaded.outline, pickled, BuildOptions(timestamp=WHEN, template=crossed))
    assert pickled.read_bytes() == without.read_bytes()


def test_the_presentation_stays_usable_after_a_write(tmp_path) -> None:
    loaded = _outline.load(ROOT / "tests" / "fixtures" / "minimal.yaml")
    options = BuildOptions(timestamp=WHEN)
    plan = DeckBuilder().plan(loaded.outline, options)
    deck = _writer._Writer(plan, loaded.outline, options)
    deck.write(tmp_path / "deck.pptx")
    prs = deck.prs
    titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else ""
              for s in prs.slides]
    saved = Presentation(str(tmp_path / "deck.pptx"))
    assert titles == [s.shapes.title.text_frame.text if s.shapes.title is not None else ""
                      for s in saved.slides]
    assert prs.slides[1].notes_slide.notes_text_frame.text == \
        saved.slides[1].notes_slide.notes_text_frame.text
    again = io.BytesIO()
    prs.save(again)
    assert len(Presentation(again).slides) == len(saved.slides)
