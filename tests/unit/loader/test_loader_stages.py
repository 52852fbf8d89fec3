"""The loader's stages: the theme chain's folders, the template kept on the result, wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import source
from generator.deck import template_reader as templates
from generator.errors import OutlineError
from generator.loader import load, theme_chain
from generator.loader.messages import did_you_mean, format_path

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082")
"""A 1 x 1 RGBA PNG that decodes (images are decoded once when an outline is loaded)."""


def _resolve(folder: Path, brand) -> theme_chain.ResolvedBrand:
    outline = folder / "outline.yaml"
    outline.write_text("meta: {title: T}\nsections: [{title: S}]\n")
    problems: list = []
    resolved = theme_chain.resolve(brand, folder, source.read(outline, "outline.yaml"), problems)
    assert problems == []
    return resolved


def test_a_theme_files_logo_is_relative_to_the_theme_file(tmp_path):
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "acme.yaml").write_text("base: ember\nlogo: logo.png\n")
    resolved = _resolve(tmp_path, "brand/acme.yaml")
    assert resolved.logo_folder == tmp_path / "brand"
    assert resolved.template_folder is None
    assert resolved.value["logo"] == "logo.png" and "base" not in resolved.value
    assert resolved.value["palette"]["primary"]  # from ember, the base


def test_keys_given_over_a_theme_are_relative_to_the_outline(tmp_path):
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "acme.yaml").write_text("logo: logo.png\n")
    resolved = _resolve(tmp_path, {"base": "brand/acme.yaml", "logo": "mine.png"})
    assert resolved.logo_folder is None and resolved.value["logo"] == "mine.png"


def test_the_logo_is_found_beside_its_theme(tmp_path):
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "acme.yaml").write_text("logo: logo.png\n")
    (tmp_path / "brand" / "logo.png").write_bytes(PNG)
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta: {title: T}\nbrand: brand/acme.yaml\nsections: [{title: S}]\n")
    assert load(outline).outline.brand.logo == str((tmp_path / "brand" / "logo.png").resolve())


def test_the_template_is_read_once_and_kept_on_the_result(tmp_path):
    shutil.copy(templates.default_path(), tmp_path / "t.pptx")
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta: {title: T}\nbrand: {template: t.pptx}\nsections: [{title: S}]\n")
    loaded = load(outline)
    assert isinstance(loaded.template, templates.Template)
    assert loaded.template.path == (tmp_path / "t.pptx").resolve()
    assert loaded.template_shape == loaded.template.aspect == "4:3"


def test_without_a_template_the_result_has_none(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta: {title: T}\nsections: [{title: S}]\n")
    loaded = load(outline)
    assert loaded.template is None and loaded.template_shape is None


def test_private_keys_are_not_brand_keys(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta: {title: T}\nbrand: {base: ember, _base: x}\n"
                       "sections: [{title: S}]\n")
    with pytest.raises(OutlineError) as exc:
        load(outline)
    assert "unknown key '_base'" in str(exc.value.problems[0].message)


def test_paths_and_hints_read_as_a_user_writes_them():
    assert format_path(("sections", 2, "slides", 0, "title")) == "sections[2].slides[0].title"
    assert did_you_mean("titel", ["title", "notes"]) == (
        "did you mean 'title'? (expected one of: title, notes)")
    assert did_you_mean("x", [], "source") == "expected no source here"
