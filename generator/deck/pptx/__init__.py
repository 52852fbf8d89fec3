"""The deck's boundary with python-pptx: the only package that imports it.

Everything that opens, fills or saves a PowerPoint package with python-pptx lives here:
``template`` (open the template's bytes), ``theme`` (brand colours and fonts into the theme
parts), ``writer`` (slides from a DeckPlan), ``slidexml`` (slide and notes XML built with
lxml), ``charts`` (native charts), ``sections`` (the p14 section list), ``package``
(constant-cost part bookkeeping and the one-pass save), ``master`` (the bundled master and
layouts redrawn for the deck's grid when there is no template) and ``zipwriter`` (the
deck's zip format). The planner side of the deck (planner, layout, fit, elements,
slides/) stays pure.

The writer is fast because it relies on python-pptx internals, so the version is pinned
(pyproject: ``python-pptx>=1.0.2,<1.1``) and checked here at import. The private names it
relies on, by module:

pptx.opc.package
    ``_Relationships`` (subclassed in ``package``; its ``_rels`` dict and the
    ``_rels_by_reltype``, ``_get_matching`` and ``_add_relationship`` hooks are overridden)
    -- relationship lookups by type and target in dicts instead of scans.
    ``OpcPackage._rels`` -- the package relationships written by ``package.save``.
    ``Part.__dict__["_rels"]`` (the lazy relationships slot) -- a new part gets indexed
    relationships up front; ``prs.part.rels.__class__`` is swapped to the indexed class.
pptx.package
    ``_ImageParts`` (subclassed; ``_package``) and ``Package.__dict__["_image_parts"]``
    (its lazy slot) -- images found by SHA-1 in a dict.
pptx.opc.serialized
    ``PackageWriter`` internals ``_write_content_types_stream``, ``_write_pkg_rels``,
    ``_write_parts``, ``_parts``, ``_pkg_rels`` -- overridden to save in one pass to the
    deck's zip writer.
pptx.opc.oxml
    ``serialize_part_xml`` -- a part's XML bytes exactly as python-pptx saves them.
pptx.opc.part
    ``XmlPart._element`` (replaced by a property in ``package._FrozenPart``) and the
    ``slide`` / ``notes_slide`` lazy slots of slide and notes parts -- finished slides kept
    as bytes and parsed again when read; ``Part._blob`` -- the theme part's XML replaced in
    ``theme.apply``, app.xml's counts in ``writer``, and a template's viewProps when its
    slides are dropped (``template``).
pptx.presentation / pptx.slide
    ``Slides._sldIdLst`` -- slides listed and template slides dropped (``package``,
    ``template``); ``SlideLayouts._sldLayoutIdLst`` -- unused built-in layouts dropped
    (``writer``); ``SlideShapes._spTree`` and ``NotesSlide.notes_placeholder._element`` --
    the placeholders python-pptx clones, copied once per layout (``writer``);
    ``LayoutShapes._spTree`` -- a layout's footer and slide-number placeholders, which
    python-pptx does not clone (``writer``);
    ``Presentation.part._element`` -- the presentation element the section list goes in.
pptx.oxml
    ``CT_Slide.new``, ``CT_NotesSlide.new``, ``BaseOxmlElement.ph_idx`` -- new slide trees
    and placeholder indexes (``writer``).
pptx.chart
    ``CategoryWorkbookWriter._open_worksheet`` and ``CategoryChartData._workbook_writer``
    -- the chart's embedded workbook stamped with the build time (``charts``).
    ``DataLabel._get_or_add_dLbl`` -- a point's own label element, whose show switches and
    number format are set directly (``charts``).
    ``_BaseAxis._element`` -- an axis's ``c:catAx`` or ``c:valAx``, whose labels are kept
    level and whose names are thinned out (``c:tickLblSkip``) as the plan says (``charts``).

After ``writer.write`` the python-pptx Presentation it used is still usable: frozen slides
and notes pages parse their bytes again when they are next read.
"""

from __future__ import annotations

import pptx as _pptx

from ...errors import EnvironmentProblem

SUPPORTED = ((1, 0, 2), (1, 1, 0))
"""The python-pptx versions the deck is tested with: at least the first, below the second
(as pinned in pyproject.toml)."""


def check_version(version: str) -> None:
    """Raise EnvironmentProblem unless python-pptx ``version`` is in the supported range."""
    try:
        parts = tuple(int(p) for p in version.split(".")[:3])
    except ValueError:
        parts = ()
    low, high = SUPPORTED
    if not parts or not low <= parts + (0,) * (3 - len(parts)) < high:
        raise EnvironmentProblem(
            f"python-pptx {version} is installed; the deck writer relies on its internals "
            f"and needs python-pptx>={'.'.join(map(str, low))},<{high[0]}.{high[1]} "
            "(pip install 'python-pptx>=1.0.2,<1.1')")


check_version(_pptx.__version__)
