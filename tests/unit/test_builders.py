"""The builder registry: every entry follows the Builder protocol and names its own file."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from generator import build as builds


@pytest.mark.parametrize("name", builds.CHOICES)
def test_each_registered_builder_has_the_protocols_shape(name: str) -> None:
    cls = builds.builder_class(name)
    assert cls.name == name
    assert cls.suffix.startswith(".") and cls.unit in ("slides", "pages")
    for method in ("prepare", "plan", "findings", "build"):
        protocol = inspect.signature(getattr(builds.Builder, method))
        assert list(inspect.signature(getattr(cls, method)).parameters) == list(
            protocol.parameters)


def test_an_unknown_builder_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no builder 'slides'"):
        builds.builder("slides")


def test_the_registry_imports_no_builder_library() -> None:
    import subprocess
    import sys

    code = ("import sys; from generator import build as b; "
            "[b.file_name(n) for n in b.ARTIFACTS]; "
            "print('pptx' in sys.modules, 'reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("outline", ["brief_sample.yaml", "deck_overflow.yaml", "minimal.yaml",
                                     "parity/chart_labels.yaml"])
@pytest.mark.parametrize("name", builds.CHOICES)
def test_a_builders_findings_are_its_plans_and_its_builds(name, outline, tmp_path) -> None:
    from generator import loader as outlines
    from generator.report import BuildOptions

    fixtures = Path(__file__).parents[1] / "fixtures"
    model = outlines.load(fixtures / outline).outline
    made = builds.builder(name)
    found = made.findings(model, BuildOptions())
    assert found == made.plan(model, BuildOptions()).findings
    result = made.build(model, tmp_path / builds.file_name(name), BuildOptions())
    assert result.findings == found
