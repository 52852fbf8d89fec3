"""What every slide planner needs: brand, geometry, sources, and a place to put findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .. import brand as _brand
from .. import locale as _locale
from .. import text as _text
from ..model import Brand, Outline, Source
from ..report import Finding, FindingCode, Severity
from ..text import Run
from . import fit, markup
from .elements import Para, TextBox
from .layout import Box, Geometry

if TYPE_CHECKING:
    from .template_reader import ListLevel


@dataclass
class Context:
    """The outline being planned, its brand and geometry, and the findings so far."""

    outline: Outline
    geo: Geometry
    findings: list[Finding] = field(default_factory=list)
    levels: tuple[ListLevel, ...] = ()
    """The template's body list levels (bullets, sub-bullets) in points of the plan's page,
    which bullets take as they are; empty: the deck's own ('•' and '–' at its indents)."""
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    """Measurements a layout may ask for twice (a table's column widths at one size)."""

    @property
    def brand(self) -> Brand:
        """The outline's resolved brand."""
        return self.outline.brand

    @property
    def palette(self):
        """The brand palette."""
        return self.outline.brand.palette

    @cached_property
    def heading_font(self) -> str:
        """Typeface of titles and headings (``text.typeface``: the outline's own font file
        of that family when it lists one)."""
        return _text.typeface(self.outline.brand.fonts, "heading")

    @cached_property
    def body_font(self) -> str:
        """Typeface of body text (``text.typeface``)."""
        return _text.typeface(self.outline.brand.fonts, "body")

    @cached_property
    def locale(self) -> _locale.Locale:
        """The outline's language: every word the deck writes itself, dates, quotes."""
        return _locale.of(self.outline)

    def word(self, key: str, /, **values: object) -> str:
        """Return the generated word ``key`` in the outline's language (see ``locale``)."""
        return self.locale.word(key, **values)

    @cached_property
    def sources(self) -> dict[str, Source]:
        """The outline's sources by id."""
        return {s.id: s for s in self.outline.sources}

    @cached_property
    def _cite_names(self) -> tuple[tuple[str, str], ...]:
        """How running text names each source, for citations that are part of a sentence."""
        return tuple((s.id, markup.short_name(s)) for s in self.outline.sources)

    @cached_property
    def on_primary(self) -> str:
        """Text colour that reads on the primary colour."""
        return _brand.on_colour(self.palette.primary, self.brand)

    @cached_property
    def on_dark(self) -> str:
        """Text colour that reads on the dark secondary colour."""
        return _brand.on_colour(self.palette.secondary, self.brand)

    def note(self, path: tuple, message: str, code: FindingCode,
             severity: Severity = "warning") -> None:
        """Record a finding at model ``path``."""
        self.findings.append(Finding(path, message, code, severity))

    def para(self, value: str, size: float, *, colour: str | None = None, bold: bool = False,
             italic: bool = False, heading: bool = False, markup_: bool = True,
             **style) -> Para:
        """Return a paragraph of ``value`` (inline markup read unless ``markup_`` is false)."""
        runs: tuple[Run, ...] = (markup.runs(value, bold=bold, italic=italic,
                                             names=self._cite_names,
                                             lead_words=self.locale.cited_after) if markup_
                                 else (Run(value, bold=bold, italic=italic),))
        return Para(runs, size, self.heading_font if heading else self.body_font,
                    colour or self.palette.text, bold=bold, italic=italic,
                    lang=self.outline.meta.language, **style)

    def text(self, box: Box, paras: list[Para], role: str = "body", anchor: str = "top",
             placeholder: int | None = None) -> TextBox:
        """Return a text box of ``paras`` at ``box``, each settled to the box's width (see
        ``fit.settle``); a title's lines are balanced."""
        balance = role == "title"
        return TextBox(box, tuple(fit.settle(p, box.w, balance=balance) for p in paras), role,
                       anchor, placeholder)
