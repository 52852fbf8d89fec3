"""The typed outline: one frozen model that every builder reads, and its JSON Schema."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from . import locale as _locale
from .errors import count, quoted
from .node import FieldError, Node, Rules, Tagged, field
from .node_schema import json_schema as _json_schema

HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"
IDENT = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

# A YAML number may stand for text (years, figures): 2024 -> '2024'.
Prose = Annotated[str, Rules(numbers=True, schema={"type": ["string", "number"]})]
"""Optional inline text that may be written as a number."""
Text = Annotated[str, Rules(numbers=True, min_length=1,
                            schema={"anyOf": [{"type": "string", "minLength": 1},
                                              {"type": "number"}]})]
"""Inline text: may hold **bold**, *italic*, [links](https://...) and citations [@source-id]."""


class _Node(Node):
    """Base of every outline node: frozen, unknown keys are errors, text is stripped."""


# --- meta and brand ---------------------------------------------------------


class Meta(_Node):
    """What the deck and brief are: their title page and document properties."""

    title: Text = field(description="Title of the deck and the brief.")
    subtitle: Prose | None = field(None, description="One line under the title.")
    author: Prose | None = field(None, description="Person who wrote it.")
    organisation: Prose | None = field(None, description="Team or company it comes from.")
    date: _dt.date | None = field(None, description="Date shown on the title page (YYYY-MM-DD).")
    language: str = field(
        "en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="BCP 47 language tag of the text; it picks every word deckgen writes "
        "itself, the date format and the quotation marks: en, de, fr, es, it, pt, nl, zh or ja "
        "(a regional tag such as de-DE or pt-BR uses its base language).")
    footer: Prose | None = field(None, description="Footer text on every content slide and page.")
    confidentiality: Prose | None = field(
        None, description="Classification shown in the footer, e.g. 'Internal'.")


class Palette(_Node):
    """Brand colours as #RRGGBB hex values."""

    primary: str = field("#1F4E79", pattern=HEX_COLOUR, description="Main brand colour: rules, "
                         "highlights, first chart series.")
    secondary: str = field("#2E3440", pattern=HEX_COLOUR,
                           description="Dark colour: title and divider backgrounds.")
    accent: str = field("#5E81AC", pattern=HEX_COLOUR, description="Second highlight colour.")
    text: str = field("#1F2328", pattern=HEX_COLOUR, description="Body text colour.")
    muted: str = field("#5C6370", pattern=HEX_COLOUR, description="Captions, footers, sources.")
    background: str = field("#FFFFFF", pattern=HEX_COLOUR, description="Slide and page background.")
    surface: str = field("#F2F4F7", pattern=HEX_COLOUR, description="Panels and table stripes.")
    chart: list[Annotated[str, Rules(pattern=HEX_COLOUR)]] = field(
        default_factory=list,
        description="Chart series colours; default: derived from the palette.")


class Fonts(_Node):
    """Typefaces by role. Use fonts every presentation program has (Arial is safe)."""

    heading: str = field("Arial", description="Titles and headings.")
    body: str = field("Arial", description="Body text.")
    files: list[str] = field(
        default_factory=list, shown="hidden",
        description="TrueType (.ttf) fonts: a file of the heading or body family (by the "
        "family name in the font) measures and draws that family in the deck and the brief; "
        "all of them draw characters the brand fonts lack (a script, symbols), tried in "
        "order. Paths relative to the outline's folder (or the theme file's). The brief "
        "embeds them; bundled DejaVu Sans and Droid Sans Fallback come after them.")


class Brand(_Node):
    """A visual identity: palette, fonts, logo. Everything has a default."""

    name: Prose | None = field(None, description="Name of the brand or theme.")
    base: str | None = field(None, description="A bundled theme (or theme file) to start from; "
                             "the keys given here override it.")
    palette: Palette = field(default_factory=Palette)
    fonts: Fonts = field(default_factory=Fonts)
    logo: str | None = field(None, description="Path to a PNG or JPEG logo, relative to the "
                             "outline's folder.")
    template: str | None = field(None, description="Path to a .pptx or .potx whose masters and "
                                 "layouts the deck is built on.")


# --- sources ----------------------------------------------------------------


class Source(_Node):
    """A citable source. Text cites it as [@id]; stats, charts and tables by `source: id`."""

    id: str = field(pattern=IDENT, description="Short unique id, e.g. idc-2024.", shown="hidden")
    title: Text = field(description="Title of the document or page.")
    publisher: Prose | None = field(None, description="Who published it.")
    date: Prose | None = field(None, description="When: a year, YYYY-MM or YYYY-MM-DD.")
    url: str | None = field(None, pattern=r"^https?://\S+$", description="Web address.",
                            shown="hidden")


# --- slide parts ------------------------------------------------------------


class Bullet(_Node):
    """A bullet point with at most one level of sub-bullets. A plain string is a bullet."""

    text: Text
    sub: list[Text] = field(default_factory=list, description="Sub-bullets.")

    @classmethod
    def _before(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Stat(_Node):
    """One big number with its label."""

    value: Text = field(description="The figure as shown, e.g. '169M' or '#3'.")
    label: Text = field(description="What the figure is, in a few words.")
    detail: Prose | None = field(None, description="A short line of context.")
    source: str | None = field(None, description="Id of the source this figure comes from.",
                               shown="hidden")


class Series(_Node):
    """One data series of a chart."""

    name: Text
    values: list[float | None] = field(min_length=1, description="One value per category; "
                                       "null for a gap.", shown="hidden")


class Chart(_Node):
    """A native chart drawn from inline data."""

    type: Literal["bar", "column", "line", "pie", "doughnut"] = field(
        description="bar (horizontal), column (vertical), line, pie or doughnut.", shown="hidden")
    categories: list[Text] = field(min_length=1, description="Category labels (x axis or slices).",
                                   shown="label")
    series: list[Series] = field(min_length=1, shown="label",
                                 description="Data series; pie and doughnut take one.")
    unit: Prose | None = field(None, description="Unit of the values, e.g. 'M units' or '%'.",
                               shown="label")
    number_format: str | None = field(None, description="Excel number format for labels, "
                                      "e.g. '0.0' or '0%'.", shown="hidden")
    source: str | None = field(None, description="Id of the source of the data.", shown="hidden")
    caption: Prose | None = field(None, description="One line under the chart.")
    alt: Prose | None = field(None, description="Alt text read by screen readers; default: "
                              "made from the chart's type, title, data and unit.",
                              shown="label")

    def _after(self) -> None:
        for i, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                raise FieldError(
                    f"series {quoted(series.name)} has {count(len(series.values), 'value')} for "
                    f"{count(len(self.categories), 'category', 'categories')}; expected one "
                    "value per category", ("series", i, "values"))
        if self.type in ("pie", "doughnut") and len(self.series) != 1:
            raise ValueError(f"a {self.type} chart takes exactly one series, "
                             f"got {len(self.series)}")
        if self.type in ("pie", "doughnut"):
            for j, value in enumerate(self.series[0].values):
                if value is not None and value < 0:
                    raise FieldError(f"a {self.type} chart cannot show the negative value "
                                     f"{value:g}; expected shares of zero or more (use a bar "
                                     "or column chart for gains and losses)",
                                     ("series", 0, "values", j))


class Table(_Node):
    """A table: header row plus body rows; cells are inline text."""

    columns: list[Text] = field(min_length=1, description="Header cells.")
    rows: list[list[Prose]] = field(min_length=1, description="Body rows, one cell per column.")
    source: str | None = field(None, description="Id of the source of the table's data.",
                               shown="hidden")
    caption: Prose | None = None
    alt: Prose | None = field(None, description="Alt text read by screen readers; default: "
                              "a summary of the table's title, size and header.",
                              shown="label")

    def _after(self) -> None:
        for n, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise FieldError(f"row {n} has {count(len(row), 'cell')}; expected "
                                 f"{len(self.columns)}, one per column", ("rows", n - 1))


class Event(_Node):
    """A dated event on a timeline."""

    date: Text = field(description="When, as it should be shown: '2021', 'Mar 2024'.")
    title: Text
    detail: Prose | None = None


class Column(_Node):
    """One side of a two-column slide: a heading and exactly one of text, bullets, stat, chart."""

    heading: Prose | None = None
    text: Prose | None = field(None, description="A paragraph.")
    bullets: list[Bullet] | None = None
    stat: Stat | None = None
    chart: Chart | None = None

    def _after(self) -> None:
        given = [k for k in ("text", "bullets", "stat", "chart") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("a column takes exactly one of text, bullets, stat or chart; got "
                             + (", ".join(given) if given else "none"))


# --- slides -----------------------------------------------------------------


class _Slide(_Node):
    title: Text = field(description="Slide title: a full-sentence headline works best.")
    notes: Prose | None = field(None, description="Speaker notes.", shown="hidden")
    sources: list[str] = field(default_factory=list, description="Ids of sources the slide cites.",
                               shown="hidden")
    layout: str | None = field(None, description="Name of the template layout to use.",
                               shown="hidden")


class BulletsSlide(_Slide):
    """Title and bullet points."""

    kind: Literal["bullets"] = field(shown="hidden")
    bullets: list[Bullet] = field(min_length=1)


class StatsSlide(_Slide):
    """Two to four big numbers."""

    kind: Literal["stats"] = field(shown="hidden")
    stats: list[Stat] = field(min_length=2, max_length=4)


class ChartSlide(_Slide):
    """A native chart, optionally with a takeaway line."""

    kind: Literal["chart"] = field(shown="hidden")
    chart: Chart
    takeaway: Prose | None = field(None, description="One sentence beside the chart.")


class TableSlide(_Slide):
    """A native table."""

    kind: Literal["table"] = field(shown="hidden")
    table: Table


class TimelineSlide(_Slide):
    """Dated events in order."""

    kind: Literal["timeline"] = field(shown="hidden")
    events: list[Event] = field(min_length=2)


class QuoteSlide(_Slide):
    """A quotation with its attribution."""

    kind: Literal["quote"] = field(shown="hidden")
    quote: Text
    attribution: Text = field(description="Who said or wrote it.")
    role: Prose | None = field(None, description="Their role or the occasion.")


class TwoColumnSlide(_Slide):
    """Two columns side by side."""

    kind: Literal["two-column"] = field(shown="hidden")
    left: Column
    right: Column


class ImageSlide(_Slide):
    """A picture with required alt text."""

    kind: Literal["image"] = field(shown="hidden")
    image: Text = field(description="Path to a PNG or JPEG, relative to the outline's folder.",
                        shown="hidden")
    alt: Text = field(description="Alt text read by screen readers.", shown="label")
    caption: Prose | None = None


Slide = Annotated[
    BulletsSlide | StatsSlide | ChartSlide | TableSlide | TimelineSlide | QuoteSlide
    | TwoColumnSlide | ImageSlide,
    Tagged("kind"),
]
SLIDE_KINDS = ("bullets", "stats", "chart", "table", "timeline", "quote", "two-column", "image")


# --- sections and playbooks -------------------------------------------------


class Section(_Node):
    """A chapter of the story: prose for the brief, slides for the deck."""

    id: str | None = field(None, pattern=IDENT, description="Id for links; default from title.",
                           shown="hidden")
    title: Text
    summary: Prose | None = field(None, description="One-line summary for the agenda and divider.")
    prose: list[Text] = field(default_factory=list, description="Paragraphs of the brief.")
    key_points: list[Text] = field(default_factory=list, description="Takeaways of the section.")
    slides: list[Slide] = field(default_factory=list)
    layout: str | None = field(None, description="Template layout for this section's slides.",
                               shown="hidden")
    notes: Prose | None = field(None, description="Speaker notes of the section's divider "
                                "slide; default: made from its prose or key points.",
                                shown="hidden")

    @staticmethod
    def id_from(given: str | None, title: str, index: int) -> str:
        """Return the id of a section with id ``given`` (or None) and ``title`` at ``index``.

        The rule: the section's own id, else its title as a slug, else 'section-N' (N counts
        from 1). The loader applies it to raw data, the builders to the model.
        """
        return given or slug(title) or f"section-{index + 1}"

    def resolved_id(self, index: int) -> str:
        """Return this section's id when it is at ``index`` (0-based) in the outline."""
        return Section.id_from(self.id, self.title, index)


class Peer(_Node):
    """A company set against the subject, one contrast per dimension."""

    name: Text
    headline: Text = field(description="The contrast in a line, e.g. 'premium scarcity vs. "
                           "ubiquity'.")
    contrasts: dict[str, Text] = field(description="Per dimension id: the peer's approach, "
                                       "in one line.")
    subject: dict[str, Text] = field(default_factory=dict, description="Per dimension id: the "
                                     "subject's approach against this peer, if it differs from "
                                     "the playbook's subject line.")
    takeaway: Text
    notes: Prose | None = field(None, shown="hidden")
    sources: list[str] = field(default_factory=list, shown="hidden")


class Dimension(_Node):
    """An axis of comparison, with the subject's position on it."""

    id: str = field(pattern=IDENT, shown="hidden")
    label: Text
    subject: Text = field(description="The subject's approach on this dimension, in one line.")


class Playbook(_Node):
    """The subject's playbook set against peers along named dimensions."""

    title: Text
    subject: Text = field(description="The company or product at the centre.")
    headline: Text
    intro: list[Text] = field(default_factory=list, description="Paragraphs for the brief.")
    dimensions: list[Dimension] = field(min_length=1)
    peers: list[Peer] = field(min_length=1)
    takeaway: Text
    after: str | None = field(None, description="Id of the section the playbook follows; "
                              "default: after the last section.", shown="hidden")
    notes: Prose | None = field(None, shown="hidden")
    sources: list[str] = field(default_factory=list, shown="hidden")


# --- the outline ------------------------------------------------------------


class DeckNotes(_Node):
    """Speaker notes of the slides the deck makes itself (title, agenda, sources, closing)."""

    title: Prose | None = field(None, description="Notes of the title slide.", shown="hidden")
    agenda: Prose | None = field(None, description="Notes of the agenda slide(s).",
                                 shown="hidden")
    sources: Prose | None = field(None, description="Notes of the sources slide(s).",
                                  shown="hidden")
    closing: Prose | None = field(None, description="Notes of the closing slide.",
                                  shown="hidden")


class Outline(_Node):
    """The whole story: what it is, how it looks, what it cites, and what it says."""

    schema_title = "deckgen outline"

    meta: Meta
    brand: Brand = field(default_factory=Brand, description="A brand mapping, the name of a "
                         "bundled theme, or a path to a theme file.", shown="hidden")
    summary: list[Text] = field(default_factory=list,
                                description="Executive summary paragraphs for the brief.")
    key_figures: list[Stat] = field(default_factory=list, description="Headline figures for the "
                                    "brief's key-figures panel; default: the first stats slide.")
    sources: list[Source] = field(default_factory=list)
    sections: list[Section] = field(min_length=1)
    playbooks: list[Playbook] = field(default_factory=list)
    closing: Prose | None = field(None, description="Closing line for the last slide.")
    labels: dict[str, Text] = field(
        default_factory=dict, shown="label",
        description="Words deckgen writes itself, replaced: e.g. sources: References. The "
        "defaults come from meta.language; see docs/outline.md for every name.")
    notes: DeckNotes = field(default_factory=DeckNotes, description="Speaker notes of the "
                             "generated slides; each defaults to a line made from the outline.",
                             shown="hidden")

    def section_ids(self) -> list[str]:
        """Return every section's id, in order (see ``Section.id_from``)."""
        return [section.resolved_id(i) for i, section in enumerate(self.sections)]

    def placed_playbooks(self) -> dict[int, list[tuple[int, Playbook]]]:
        """Return the playbooks by the index of the section they follow.

        Each is given as (its index in ``playbooks``, the playbook), in outline order. A
        playbook follows the section its ``after`` names; without ``after`` (or with an id
        no section has, which the loader reports) it follows the last section.
        """
        ids = {sid: i for i, sid in enumerate(self.section_ids())}
        last = len(self.sections) - 1
        placed: dict[int, list[tuple[int, Playbook]]] = {}
        for k, playbook in enumerate(self.playbooks):
            where = ids.get(playbook.after, last) if playbook.after else last
            placed.setdefault(where, []).append((k, playbook))
        return placed


def shown_text(node: object, path: tuple = (), *, labels: bool = True
               ) -> Iterator[tuple[tuple, str]]:
    """Yield (model path, text) for every text of ``node`` that a reader sees.

    Fields declared ``shown="hidden"`` (ids, paths, notes, settings) are skipped, and so
    are ``shown="label"`` fields (chart labels, alt text) unless ``labels`` is true.
    """
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from shown_text(item, (*path, i), labels=labels)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from shown_text(value, (*path, key), labels=labels)
    elif isinstance(node, Node):
        for name, spec in type(node).fields.items():
            if spec.shown == "text" or (labels and spec.shown == "label"):
                yield from shown_text(getattr(node, name), (*path, name), labels=labels)



def slug(title: str) -> str:
    """Return ``title`` as a lower-case id of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the outline format."""
    schema = _json_schema(Outline)
    brand = schema["properties"]["brand"]
    schema["properties"]["brand"] = {
        "description": brand.get("description", ""),
        "anyOf": [{"$ref": "#/$defs/Brand"},
                  {"type": "string", "description": "A bundled theme name or a theme file."}],
    }
    bullet = schema["$defs"]["Bullet"]
    schema["$defs"]["Bullet"] = {"description": bullet.pop("description", ""),
                                 "anyOf": [{"type": "string", "minLength": 1}, bullet]}
    names = list(_locale.label_names())
    schema["properties"]["labels"]["propertyNames"] = {"enum": names}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://deckgen.dev/schema/outline.json"
    return schema
