"""What a planned slide is made of: positioned text, shapes, tables, charts and pictures."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Chart
from ..report import Finding
from ..text import Run
from .layout import BULLET_INDENT, Box


@dataclass(frozen=True)
class Para:
    """One paragraph: its runs, size, style and, for bullets, its bullet character and indent.

    ``indent`` is the left margin of the text in points; a bullet hangs in it.
    ``jump`` names the anchor of a slide that every run of the paragraph links to.
    ``level`` is the list level (0 a bullet, 1 a sub-bullet), written as the paragraph's
    ``lvl``; ``field`` makes the paragraph one field of that type ('slidenum': the slide's
    number, kept right by the program when slides move), its text the value shown now.
    ``lang`` is the BCP 47 language whose hyphenation dictionary breaks its lines.
    ``hang`` is how far the bullet hangs left of the text (None: ``BULLET_INDENT`` times the
    size for a bullet, else 0) and ``bullet_font`` its typeface (None: the deck's); both
    are set from a template's list style, whose levels the deck then takes as they are.
    ``label`` is text set in the hanging indent before the first line, a tab after it (an
    agenda entry's '01' or 'Playbook'): the first line's text starts at the tab stop at
    ``indent``, where the lines under it start, so labels of any width leave their titles
    in one column. It is not part of ``runs`` (the lines are measured without it); the
    planner makes ``hang`` (the label's column) at least as wide as the label.
    """

    runs: tuple[Run, ...]
    size: float
    font: str
    colour: str
    bold: bool = False
    italic: bool = False
    bullet: str | None = None
    indent: float = 0.0
    space_before: float = 0.0
    align: str = "left"
    jump: str | None = None
    level: int = 0
    field: str | None = None
    lang: str | None = None
    hang: float | None = None
    bullet_font: str | None = None
    label: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's text as a reader meets it: its label and a tab, then its runs."""
        runs = "".join(run.text for run in self.runs)
        return f"{self.label}\t{runs}" if self.label else runs

    @property
    def hanging(self) -> float:
        """How far the bullet hangs left of the text, in points."""
        if self.hang is not None:
            return self.hang
        return BULLET_INDENT * self.size if self.bullet else 0.0


@dataclass(frozen=True)
class TextBox:
    """A text frame with zero insets at ``box``; ``placeholder`` is the layout idx it fills."""

    box: Box
    paras: tuple[Para, ...]
    role: str = "body"
    anchor: str = "top"
    placeholder: int | None = None


@dataclass(frozen=True)
class Shape:
    """A plain filled shape: 'rect', 'oval' or 'line' (a thin rect).

    Shapes are decoration (accent bars, cards, panels, markers): the text on or beside them
    carries the meaning, so they are marked decorative for screen readers.
    """

    box: Box
    fill: str
    kind: str = "rect"
    decorative: bool = True


@dataclass(frozen=True)
class Cell:
    """A table cell: its paragraphs and fill."""

    paras: tuple[Para, ...]
    fill: str


@dataclass(frozen=True)
class TableGrid:
    """A native table: column widths, row heights and cells, the first row a header."""

    box: Box
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    pad: float
    alt: str = ""
    """What a screen reader says of the table (its title, size and header)."""
    pad_v: float = 4.0
    """Top and bottom cell margin in points (``pad`` is the left and right one)."""


@dataclass(frozen=True)
class ChartLabels:
    """How a chart shows its numbers: which points carry a value label, in which formats."""

    points: str = "all"
    """'all', 'last' (the end of each line) or 'none'."""
    number_format: str = "General"
    """Excel format of the value labels."""
    percent: bool = False
    """Pie and doughnut labels show each slice's share of the whole, not its value."""
    axis: tuple[float, float, float] | None = None
    """The value axis as (minimum, maximum, major step); None lets the application choose."""
    axis_format: str = "General"
    """Excel format of the value axis's tick labels."""
    low_categories: bool = False
    """Category labels at the low end of the plot (below or left of negative values)."""
    label_colours: tuple[str, ...] = ()
    """Text colour of each slice's label, where it sits on the slice (doughnut)."""
    hidden: tuple[int, ...] = ()
    """Slices whose label is left out: it would sit on a bigger neighbour's."""


@dataclass(frozen=True)
class ChartFrame:
    """A native chart of ``chart`` at ``box`` in the given series colours."""

    box: Box
    chart: Chart
    colours: tuple[str, ...]
    font: str
    colour: str
    size: float
    alt: str = ""
    """What a screen reader says of the chart (its type, title, data and unit)."""
    labels: ChartLabels = ChartLabels()
    grid: str = "#D9DEE4"


@dataclass(frozen=True)
class Picture:
    """A picture scaled to fit ``box`` (kept in proportion), with alt text."""

    box: Box
    path: str
    alt: str
    align: str = "center"


Element = TextBox | Shape | TableGrid | ChartFrame | Picture


@dataclass
class SlidePlan:
    """One slide to write: its layout, background, title, elements, notes and section."""

    kind: str
    layout: str
    title: str
    background: str
    elements: list[Element]
    notes: str
    section: str
    path: tuple
    anchor: str | None = None
    number: int = 0
    requested: str | None = None
    """The template layout the outline names for this slide (its own or its section's)."""

    @property
    def texts(self) -> list[TextBox]:
        """The slide's text boxes, title first."""
        return [e for e in self.elements if isinstance(e, TextBox)]


@dataclass
class DeckPlan:
    """The whole deck laid out: slides in order, and what was noticed while laying it out."""

    slides: list[SlidePlan] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    width: float = 960.0
    height: float = 540.0

    @property
    def sections(self) -> list[tuple[str, list[int]]]:
        """PowerPoint sections in order: (name, indexes of their slides)."""
        out: list[tuple[str, list[int]]] = []
        for i, slide in enumerate(self.slides):
            if not out or out[-1][0] != slide.section:
                out.append((slide.section, []))
            out[-1][1].append(i)
        return out
