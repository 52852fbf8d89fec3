"""PowerPoint templates read once, as zip and XML: layouts, theme colours and fonts, bytes.

A build reads the template file once: the loader parses it here into a ``Template`` (its
layouts and theme for the contract and the brand, its bytes for the writer), and the deck
writer opens the same bytes with python-pptx instead of reading the file again. Which layout
each slide kind is built on is ``contract``; the report ``check-template`` prints is
``template_report``. No python-pptx import: the file is read with zipfile and lxml.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from .. import brand as _brand
from .. import safexml, safezip

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
_PML = "application/vnd.openxmlformats-officedocument.presentationml"
PRESENTATION_CT = _PML + ".presentation.main+xml"
TEMPLATE_CT = _PML + ".template.main+xml"
SUFFIXES = (".pptx", ".potx")
MAX_PART_BYTES = 20 * 1024 * 1024
EMU_PER_INCH = 914400
ASPECTS = {"16:9": 16 / 9, "4:3": 4 / 3, "16:10": 16 / 10}
"""The slide shapes deckgen lays out, by width-to-height ratio (at any size)."""

ROLE_OF_TYPE = {"title": "title", "ctrTitle": "ctrTitle", "subTitle": "subtitle",
                "body": "body", "obj": "content"}
"""Placeholder type -> the role deckgen fills it with; other types (date, footer, slide
number, picture, chart, table) are left alone."""

THEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
               "accent5", "accent6", "hlink", "folHlink")


class TemplateProblem(Exception):
    """A file is not a usable PowerPoint template; the message says why.

    ``part`` names the package part at fault when there is one ('' otherwise).
    """

    def __init__(self, message: str, part: str = ""):
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class Artwork:
    """A shape, picture or group a template's master or layout draws on every slide built on
    it: not a placeholder, so nothing deckgen writes moves it.

    ``box`` is (x, y, width, height) in points of the template's slide; ``owner`` is
    'master' or 'layout'.
    """

    name: str
    box: tuple[float, float, float, float]
    owner: str


@dataclass(frozen=True)
class ArtPara:
    """One paragraph of the text a template's shape shows: its words, type size in points,
    weight and slant, colour ('#RRGGBB') and alignment ('left', 'center', 'right')."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    colour: str = "#000000"
    align: str = "left"


@dataclass(frozen=True)
class ArtText:
    """The text of a template's shape (a 'Confidential' box on the master): its paragraphs
    in ``font`` (the theme's body font, or the shape's own), placed in the shape less its
    ``insets`` (left, top, right, bottom, in points) at ``anchor`` ('top', 'middle' or
    'bottom'); ``wrap`` false keeps each paragraph on one line."""

    paras: tuple[ArtPara, ...]
    font: str
    anchor: str = "top"
    insets: tuple[float, float, float, float] = (7.2, 3.6, 7.2, 3.6)
    wrap: bool = True


@dataclass(frozen=True)
class Art:
    """One shape or picture a template's master or layout draws behind every slide built on
    the layout, as deck.pdf paints it: its colours resolved through the theme.

    ``kind`` is 'rect', 'roundRect', 'ellipse', 'line' or 'picture'; ``box`` (x, y, width,
    height) in points of the template's slide (a group's members placed by the group);
    ``fill`` and ``line`` are '#RRGGBB' or None (none drawn), each with its opacity;
    ``rotation`` is in degrees clockwise and ``flip`` (across, down) mirrors the shape (a
    line runs from the box's top left to its bottom right unless flipped). ``image`` holds
    a picture's bytes as the package stores them: untrusted, checked before it is drawn.
    """

    kind: str
    box: tuple[float, float, float, float]
    fill: str | None = None
    fill_alpha: float = 1.0
    line: str | None = None
    line_alpha: float = 1.0
    line_width: float = 0.0
    rotation: float = 0.0
    flip: tuple[bool, bool] = (False, False)
    image: bytes = field(default=b"", repr=False)
    text: ArtText | None = None
    """What the shape says, when it says anything (drawn over its fill)."""


@dataclass(frozen=True)
class Layout:
    """A slide layout: its name and its placeholders' roles in index order.

    ``artwork`` is what the slides of the layout show beside their own shapes (the
    master's artwork, unless the layout hides it, then the layout's own); ``boxes`` the
    layout's placeholders as (type, box in points), positions inherited from the master;
    ``art`` everything of that artwork deck.pdf can paint, slide-sized backgrounds
    included, bottom first.
    """

    name: str
    roles: tuple[str, ...]
    artwork: tuple[Artwork, ...] = ()
    boxes: tuple[tuple[str, tuple[float, float, float, float]], ...] = ()
    art: tuple[Art, ...] = field(default=(), repr=False, compare=False)

    @property
    def has_title(self) -> bool:
        """Whether the layout has a title placeholder (centred or not)."""
        return "title" in self.roles or "ctrTitle" in self.roles

    @property
    def bodies(self) -> int:
        """How many body placeholders (text or content) the layout has."""
        return self.roles.count("body") + self.roles.count("content")


@dataclass(frozen=True)
class Theme:
    """A template theme's colour slots as '#RRGGBB' and its heading and body fonts."""

    colours: dict[str, str]
    heading: str | None
    body: str | None


@dataclass(frozen=True)
class ListLevel:
    """One list level of a template's body text, as its first master styles it.

    ``indent`` is where the text starts (``marL``) and ``hang`` how far the bullet hangs left
    of it (``-indent``), in points of the template's slide; ``bullet`` is the bullet
    character (None: no bullet) and ``bullet_font`` its typeface (None: the text's).
    """

    indent: float
    hang: float
    bullet: str | None
    bullet_font: str | None


EMU_PER_PT = 12700
LIST_LEVELS = 2
"""The list levels read from a template: bullets and sub-bullets."""


@dataclass(frozen=True)
class Template:
    """What deckgen reads from a template: its layouts, first theme, slide size and bytes.

    ``data`` is the file as it was read, which the deck writer opens; empty for a template
    made in memory (the writer then reads ``path``).
    """

    path: Path
    layouts: tuple[Layout, ...]
    theme: Theme
    size: tuple[int, int]
    data: bytes = field(default=b"", repr=False, compare=False)
    levels: tuple[ListLevel, ...] = ()
    """The first master's body list levels (bullets, sub-bullets), when it sets each one's
    indent and bullet; empty otherwise."""

    def __getstate__(self) -> dict:
        """Pickle without the bytes: a build process that needs them reads the file."""
        state = dict(self.__dict__)
        state.pop("data", None)
        return state

    @property
    def names(self) -> list[str]:
        """The layout names, in the template's order."""
        return [layout.name for layout in self.layouts]

    @property
    def points(self) -> tuple[float, float]:
        """The slide size (width, height) in points."""
        return self.size[0] / EMU_PER_PT, self.size[1] / EMU_PER_PT

    @property
    def aspect(self) -> str | None:
        """'16:9', '4:3' or '16:10' when the slides have one of those shapes (at any size,
        10 x 5.625 in as well as 13.33 x 7.5 in), else None."""
        w, h = self.size
        if w <= 0 or h <= 0:
            return None
        return next((name for name, ratio in ASPECTS.items() if abs(w / h - ratio) < 0.01),
                    None)

    def layout(self, name: str) -> Layout | None:
        """Return the layout called ``name`` (case-insensitive), or None."""
        for layout in self.layouts:
            if layout.name.casefold() == name.casefold():
                return layout
        return None


# --- brand values from the theme -----------------------------------------------------


def brand_values(template: Template) -> dict:
    """Return palette and fonts taken from the template's theme, as brand mapping keys.

    dk1 is the text, lt1 the background, dk2 the dark (secondary) colour, lt2 the surface,
    accent1 the primary, accent2 the accent, accent1-6 the chart series; muted is dk1 mixed
    toward lt1 as far as body-text contrast allows. Slots the theme lacks are left out.
    """
    c = template.theme.colours
    slots = (("text", "dk1"), ("background", "lt1"), ("secondary", "dk2"), ("surface", "lt2"),
             ("primary", "accent1"), ("accent", "accent2"))
    palette: dict[str, str | list[str]] = {key: c[slot] for key, slot in slots if slot in c}
    chart = [c[f"accent{i}"] for i in range(1, 7) if f"accent{i}" in c]
    if chart:
        palette["chart"] = chart
    if "dk1" in c and "lt1" in c:
        palette["muted"] = muted(c["dk1"], c["lt1"])
    fonts = {key: face for key, face in (("heading", template.theme.heading),
                                         ("body", template.theme.body)) if face}
    out: dict = {}
    if palette:
        out["palette"] = palette
    if fonts:
        out["fonts"] = fonts
    return out


def muted(text: str, background: str) -> str:
    """Return ``text`` mixed toward ``background`` as far as 4.5:1 contrast allows."""
    fg, bg = _brand.RGB.hex(text), _brand.RGB.hex(background)
    for share in (0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05):
        mix = _brand.RGB(*(round(a + (b - a) * share) for a, b in
                           ((fg.r, bg.r), (fg.g, bg.g), (fg.b, bg.b))))
        if _brand.contrast("#" + mix.hexstr, background) >= _brand.AA_BODY:
            return "#" + mix.hexstr
    return text


# --- reading the file -------------------------------------------------------------------


def default_path() -> Path:
    """Return python-pptx's built-in template, which decks without a template are built on."""
    spec = importlib.util.find_spec("pptx")
    if spec is None or not spec.submodule_search_locations:
        raise TemplateProblem("python-pptx is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "templates" / "default.pptx"


@functools.cache
def default() -> Template:
    """Return python-pptx's built-in template, read once per process."""
    return read(default_path())


def read(path: Path | str) -> Template:
    """Read a .pptx or .potx; raises TemplateProblem when it is not a usable template."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise TemplateProblem("expected a PowerPoint .pptx or .potx file")
    try:
        data = safezip.read_package(path)  # a regular file, size capped
        with safezip.SafeZipFile(io.BytesIO(data), "PowerPoint file") as zf:  # within limits
            safexml.check_package(zf)  # XML parts well-formed, no DOCTYPE, no outside links
            return _read(path, zf, data)
    except (safezip.PackageProblem, safexml.XMLProblem) as exc:
        raise TemplateProblem(str(exc), exc.part) from None
    except (zipfile.BadZipFile, OSError, KeyError, etree.XMLSyntaxError) as exc:
        raise TemplateProblem(f"not a readable PowerPoint file ({_reason(exc)})") from None


def content_type(zf: zipfile.ZipFile) -> str | None:
    """Return the content type of /ppt/presentation.xml in an open package."""
    types = _xml(zf, "[Content_Types].xml")
    for override in types.findall("ct:Override", NS):
        if override.get("PartName") == "/ppt/presentation.xml":
            return override.get("ContentType")
    return None


def _read(path: Path, zf: zipfile.ZipFile, data: bytes) -> Template:
    if content_type(zf) not in (PRESENTATION_CT, TEMPLATE_CT):
        raise TemplateProblem("not a PowerPoint presentation or template")
    prs = _xml(zf, "ppt/presentation.xml")
    size_el = prs.find("p:sldSz", NS)
    part = "ppt/presentation.xml"
    size = ((safexml.whole_number(size_el, "cx", part), safexml.whole_number(size_el, "cy", part))
            if size_el is not None else (0, 0))
    prs_rels = _rels(zf, "ppt/presentation.xml")
    layouts: list[Layout] = []
    theme = Theme({}, None, None)
    levels: tuple[ListLevel, ...] = ()
    for n, master_id in enumerate(prs.findall("p:sldMasterIdLst/p:sldMasterId", NS)):
        master_name = safexml.target(prs_rels, master_id, part)
        master = _xml(zf, master_name)
        master_rels = _rels(zf, master_name)
        if n == 0:
            theme_name = next((t for t in master_rels.values() if "/theme/" in t), None)
            if theme_name:
                theme = _theme(_xml(zf, theme_name))
            levels = list_levels(master)
        art, boxes = artwork(master, "master", size), _boxes(master)
        painter = _painter(zf, master, master_rels)
        drawn = painter.read(master, master_name)
        for layout_id in master.findall("p:sldLayoutIdLst/p:sldLayoutId", NS):
            layout_name = safexml.target(master_rels, layout_id, master_name)
            root = _xml(zf, layout_name)
            layout = _layout(root, layout_name, art, boxes, size)
            shown = drawn if root.get("showMasterSp") not in ("0", "false") else ()
            layouts.append(replace(layout, art=shown + painter.read(root, layout_name)))
    if not layouts:
        raise TemplateProblem("it has no slide layouts")
    return Template(path, tuple(layouts), theme, size, data, levels)


def list_levels(master) -> tuple[ListLevel, ...]:
    """Return the body list levels of ``master``: its body placeholder's list style over its
    body text style, property by property as PowerPoint resolves them. Empty unless every
    level sets its indent, with the bullet hanging (a first line indented further than the
    rest, or a numbered or picture bullet, is left to the deck's own style)."""
    body = next((sp for sp in master.iterfind("p:cSld/p:spTree/p:sp", NS)
                 if sp.find("p:nvSpPr/p:nvPr/p:ph[@type='body']", NS) is not None), None)
    chain = [body.find("p:txBody/a:lstStyle", NS) if body is not None else None,
             master.find("p:txStyles/p:bodyStyle", NS)]
    out = []
    for n in range(1, LIST_LEVELS + 1):
        found: dict[str, object] = {}
        for style in (c for c in chain if c is not None):
            p_pr = style.find(f"a:lvl{n}pPr", NS)
            if p_pr is None:
                continue
            for name in ("marL", "indent"):
                if name not in found and p_pr.get(name) is not None:
                    found[name] = p_pr.get(name)
            if "bullet" not in found:
                char, none = p_pr.find("a:buChar", NS), p_pr.find("a:buNone", NS)
                other = (p_pr.find("a:buAutoNum", NS) is not None
                         or p_pr.find("a:buBlip", NS) is not None
                         or (p_pr.find("a:buFont", NS) is not None and char is None))
                if other:
                    found["bullet"] = "other"
                elif none is not None:
                    found["bullet"] = None
                elif char is not None:
                    font = p_pr.find("a:buFont", NS)
                    found["bullet"] = char.get("char")
                    found["font"] = font.get("typeface") if font is not None else None
        try:
            indent, first = int(str(found["marL"])), int(str(found["indent"]))
        except (KeyError, ValueError):
            return ()
        if first > 0 or found.get("bullet") == "other" or "bullet" not in found:
            return ()
        bullet, font = found["bullet"], found.get("font")
        out.append(ListLevel(indent / EMU_PER_PT, -first / EMU_PER_PT,
                             bullet if isinstance(bullet, str) else None,
                             font if isinstance(font, str) else None))
    return tuple(out)


def _layout(root, part: str = "", master_art: tuple[Artwork, ...] = (),
            master_boxes: dict | None = None, size: tuple[int, int] = (0, 0)) -> Layout:
    name = safexml.required(root, "p:cSld", NS, part).get("name", "")
    phs = []
    for ph in root.iterfind(".//p:nvPr/p:ph", NS):
        role = ROLE_OF_TYPE.get(ph.get("type", "obj"))
        if role:
            phs.append((safexml.whole_number(ph, "idx", part), role))
    shown = master_art if root.get("showMasterSp") not in ("0", "false") else ()
    inherited = master_boxes or {}
    boxes = []
    for sp in root.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        kind = ph.get("type", "obj")
        box = _xfrm(sp.find("p:spPr/a:xfrm", NS)) or inherited.get(
            "body" if kind == "obj" else kind)
        if box is not None:
            boxes.append((kind, box))
    return Layout(name, tuple(role for _, role in sorted(phs)),
                  shown + artwork(root, "layout", size), tuple(boxes))


ARTWORK_TAGS = {f"{{{NS['p']}}}{tag}": tag for tag in ("sp", "pic", "grpSp")}
BACKGROUND_SHARE = 0.9
"""Artwork at least this share of the slide's width and height is a background: the
template's design puts every slide's content on it."""


def artwork(root, owner: str, size: tuple[int, int] = (0, 0)) -> tuple[Artwork, ...]:
    """Return the visible artwork of a master or layout ``root``: its shapes, pictures and
    groups that are not placeholders, are not hidden, have a size and are not a background
    (see ``BACKGROUND_SHARE``). Shapes without a readable position are left out."""
    tree = root.find("p:cSld/p:spTree", NS)
    out = []
    for el in tree.iterchildren() if tree is not None else ():
        tag = ARTWORK_TAGS.get(el.tag)
        if tag is None or el.find("./*/p:nvPr/p:ph", NS) is not None:
            continue
        c_nv = el.find("./*/p:cNvPr", NS)
        if c_nv is None or c_nv.get("hidden") in ("1", "true"):
            continue
        box = _xfrm(el.find("p:grpSpPr/a:xfrm" if tag == "grpSp" else "p:spPr/a:xfrm", NS))
        if box is None or box[2] <= 0 or box[3] <= 0:
            continue
        w, h = size[0] / EMU_PER_PT, size[1] / EMU_PER_PT
        if w > 0 and h > 0 and box[2] >= BACKGROUND_SHARE * w and box[3] >= BACKGROUND_SHARE * h:
            continue
        out.append(Artwork(c_nv.get("name", "") or tag, box, owner))
    return tuple(out)


def _boxes(root) -> dict[str, tuple[float, float, float, float]]:
    """Return the placeholders of a master that set their position, as type -> box in
    points (the first of each type; 'obj' when none is given)."""
    out: dict[str, tuple[float, float, float, float]] = {}
    for sp in root.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        box = _xfrm(sp.find("p:spPr/a:xfrm", NS))
        if ph is not None and box is not None:
            out.setdefault(ph.get("type", "obj"), box)
    return out


def _xfrm(xfrm) -> tuple[float, float, float, float] | None:
    """Return an ``a:xfrm``'s offset and extent in points, or None when it has none."""
    off = xfrm.find("a:off", NS) if xfrm is not None else None
    ext = xfrm.find("a:ext", NS) if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        values = [int(el.get(k, "")) for el, k in ((off, "x"), (off, "y"), (ext, "cx"),
                                                    (ext, "cy"))]
    except ValueError:
        return None
    x, y, w, h = (v / EMU_PER_PT for v in values)
    return (x, y, w, h)


def _theme(root) -> Theme:
    colours = {}
    scheme = root.find("a:themeElements/a:clrScheme", NS)
    for slot in THEME_SLOTS:
        el = scheme.find(f"a:{slot}", NS) if scheme is not None else None
        value = _colour(el) if el is not None else None
        if value:
            colours[slot] = value
    fonts = root.find("a:themeElements/a:fontScheme", NS)

    def face(tag: str) -> str | None:
        latin = fonts.find(f"a:{tag}/a:latin", NS) if fonts is not None else None
        value = latin.get("typeface") if latin is not None else None
        return value if value and not value.startswith("+") else None

    return Theme(colours, face("majorFont"), face("minorFont"))


def _colour(slot) -> str | None:
    srgb = slot.find("a:srgbClr", NS)
    if srgb is not None and len(srgb.get("val", "")) == 6:
        return "#" + srgb.get("val").upper()
    sys_clr = slot.find("a:sysClr", NS)
    if sys_clr is not None and len(sys_clr.get("lastClr", "")) == 6:
        return "#" + sys_clr.get("lastClr").upper()
    return None


def _xml(zf: zipfile.ZipFile, name: str):
    return safexml.parse(zf.read(name), name)  # no DOCTYPE or entities; size capped


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Return a part's relationships as rId -> target part name inside the zip."""
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    if name not in zf.namelist():
        return {}
    out = {}
    for rel in _xml(zf, name).findall("rel:Relationship", NS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        out[rel.get("Id")] = full
    return out


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing part {exc.args[0] if exc.args else ''}".strip()
    return str(exc) or type(exc).__name__


# --- the artwork deck.pdf paints --------------------------------------------------------

SHAPES = {"rect": "rect", "roundRect": "roundRect", "ellipse": "ellipse", "line": "line",
          "straightConnector1": "line"}
"""Preset geometries deck.pdf paints, as the kind it paints them as; other shapes (arrows,
freeforms) are not painted, though their text is."""
ALIGNS = {"l": "left", "ctr": "center", "r": "right", "just": "left", "dist": "left"}
"""A paragraph's ``algn`` as deck.pdf sets it (justified text set flush left)."""
ANCHORS = {"t": "top", "ctr": "middle", "b": "bottom"}
"""A text body's ``anchor``: where its lines sit in the shape."""
DEFAULT_TEXT_PT = 18.0
"""The type size of a shape's text that names none: PowerPoint's default for such text."""
DEFAULT_LINE = 9525
"""A line's width (EMU) when neither the shape nor the theme gives one: 0.75 pt."""
PRESET_COLOURS = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000",
                  "blue": "0000FF", "yellow": "FFFF00", "gray": "808080", "grey": "808080",
                  "silver": "C0C0C0", "navy": "000080", "orange": "FFA500"}
"""The ``a:prstClr`` names templates use most, as RGB (others are not painted)."""
_TAGS = {f"{{{NS['p']}}}{tag}": tag for tag in ("sp", "pic", "grpSp", "cxnSp")}

Place = tuple[float, float, float, float]


@dataclass(frozen=True)
class _ArtReader:
    """Reads the artwork of one master and its layouts, with the master's theme: its colours
    (through the master's colour map) and its line and fill styles."""

    zf: zipfile.ZipFile
    colours: dict[str, str]
    mapping: dict[str, str]
    lines: tuple = ()
    """The theme's line styles (``a:ln``), which a shape's ``a:lnRef`` counts into from 1."""
    fills: tuple = ()
    """The theme's fill styles, which a shape's ``a:fillRef`` counts into from 1."""
    font: str = "Calibri"
    """The theme's body (minor) font: the text of a shape that names none is set in it."""

    def read(self, root, part: str) -> tuple[Art, ...]:
        """Return the art of a master or layout ``root`` (the part ``part``), bottom first."""
        tree = root.find("p:cSld/p:spTree", NS)
        out: list[Art] = []
        if tree is not None:
            self._children(tree, _rels(self.zf, part), None, out)
        return tuple(out)

    def _children(self, tree, rels: dict[str, str], group, out: list[Art]) -> None:
        for el in tree.iterchildren():
            tag = _TAGS.get(el.tag)
            if tag is None or el.find("./*/p:nvPr/p:ph", NS) is not None:
                continue
            c_nv = el.find("./*/p:cNvPr", NS)
            if c_nv is not None and c_nv.get("hidden") in ("1", "true"):
                continue
            xfrm = el.find("p:grpSpPr/a:xfrm" if tag == "grpSp" else "p:spPr/a:xfrm", NS)
            box = _xfrm(xfrm)
            if box is None:
                continue
            if group is not None:
                box = _placed(box, group)
            if tag == "grpSp":
                self._children(el, rels, _group(xfrm, box), out)
                continue
            piece = self._piece(el, tag, box, rels)
            if piece is not None:
                rot = int(xfrm.get("rot", "0")) if xfrm.get("rot", "0").lstrip("-").isdigit() else 0
                flip = (xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true"))
                out.append(replace(piece, rotation=rot / 60000, flip=flip))

    def _piece(self, el, tag: str, box: Place, rels: dict[str, str]) -> Art | None:
        if tag == "pic":
            blip = el.find("p:blipFill/a:blip", NS)
            target = rels.get(blip.get(f"{{{NS['r']}}}embed", "")) if blip is not None else None
            if not target or target not in self.zf.namelist():
                return None
            return Art("picture", box, image=self.zf.read(target))
        geom = el.find("p:spPr/a:prstGeom", NS)
        kind = SHAPES.get(geom.get("prst", "")) if geom is not None else None
        sp_pr, style = el.find("p:spPr", NS), el.find("p:style", NS)
        text = self._text(el, style) if tag == "sp" else None
        if kind is None:  # a shape of another outline: its text alone, on no shape
            return Art("rect", box, text=text) if text is not None else None
        fill = None if kind == "line" else self._fill(sp_pr, style)
        line, width = self._line(sp_pr, style)
        if fill is None and line is None and text is None:
            return None
        return Art(kind, box, fill[0] if fill else None, fill[1] if fill else 1.0,
                   line[0] if line else None, line[1] if line else 1.0, width, text=text)

    def _text(self, el, style) -> ArtText | None:
        """Return the text a shape shows, as PowerPoint sets it by default (18 pt, in the
        theme's body font and text colour, or the shape style's font colour), its own run
        properties over that; None when it shows no text."""
        body = el.find("p:txBody", NS)
        if body is None:
            return None
        font_ref = style.find("a:fontRef", NS) if style is not None else None
        styled = self.colour(font_ref) if font_ref is not None else None
        base = (styled or self.colour(etree.Element(f"{{{NS['a']}}}schemeClr", val="tx1"))
                or ("#000000", 1.0))[0]
        face = self.font
        paras = []
        for p in body.iterfind("a:p", NS):
            p_pr = p.find("a:pPr", NS)
            align = ALIGNS.get(p_pr.get("algn", "") if p_pr is not None else "", "left")
            words, props = "", None
            for child in p:
                name = etree.QName(child).localname
                if name in ("r", "fld"):
                    words += "".join(t.text or "" for t in child.iterfind("a:t", NS))
                    props = child.find("a:rPr", NS) if props is None else props
                elif name == "br":
                    words += " "
            props = props if props is not None else p.find("a:endParaRPr", NS)
            size, bold, italic, colour = DEFAULT_TEXT_PT, False, False, base
            if props is not None:
                if props.get("sz", "").isdigit():
                    size = int(props.get("sz")) / 100
                bold = props.get("b") in ("1", "true")
                italic = props.get("i") in ("1", "true")
                own = _fill_of(props)
                painted = self._paint(own, None) if own is not None else None
                colour = painted[0] if painted else colour
                latin = props.find("a:latin", NS)
                named = latin.get("typeface", "") if latin is not None else ""
                face = named if named and not named.startswith("+") else face
            paras.append(ArtPara(" ".join(words.split()), size, bold, italic, colour, align))
        if not any(para.text for para in paras):
            return None
        b_pr = body.find("a:bodyPr", NS)
        attrs = b_pr.attrib if b_pr is not None else {}
        insets = tuple(int(attrs[k]) / EMU_PER_PT if str(attrs.get(k, "")).isdigit() else d
                       for k, d in (("lIns", 7.2), ("tIns", 3.6), ("rIns", 7.2), ("bIns", 3.6)))
        return ArtText(tuple(paras), face, ANCHORS.get(attrs.get("anchor", ""), "top"),
                       (insets[0], insets[1], insets[2], insets[3]), attrs.get("wrap") != "none")

    def _fill(self, sp_pr, style) -> tuple[str, float] | None:
        """Return the shape's fill (colour, opacity): its own, else its style's (the
        theme's fill style, painted in the reference's colour)."""
        own = _fill_of(sp_pr)
        if own is not None:
            return self._paint(own, None)
        ref = style.find("a:fillRef", NS) if style is not None else None
        idx = _index(ref)
        if not 0 < idx <= len(self.fills):
            return None
        return self._paint(self.fills[idx - 1], self.colour(ref))

    def _line(self, sp_pr, style) -> tuple[tuple[str, float] | None, float]:
        """Return the shape's outline (colour, opacity) and width in points: its own ``a:ln``
        over the theme's line style its style refers to."""
        ln = sp_pr.find("a:ln", NS) if sp_pr is not None else None
        ref = style.find("a:lnRef", NS) if style is not None else None
        idx = _index(ref)
        themed = self.lines[idx - 1] if 0 < idx <= len(self.lines) else None
        width = DEFAULT_LINE
        for source in (themed, ln):
            if source is not None and source.get("w", "").isdigit():
                width = int(source.get("w"))
        own = _fill_of(ln)
        if own is not None:
            return self._paint(own, None), max(width, 1) / EMU_PER_PT
        if themed is None or _fill_of(themed) is None:
            return None, 0.0
        return self._paint(_fill_of(themed), self.colour(ref)), max(width, 1) / EMU_PER_PT

    def _paint(self, fill, placeholder) -> tuple[str, float] | None:
        """Return a fill element's colour: a solid or pattern fill's, a gradient's stops
        averaged; None for no fill or a picture fill."""
        name = etree.QName(fill).localname
        if name == "solidFill":
            return self.colour(fill, placeholder)
        if name == "grpFill":
            return None
        if name == "pattFill":
            fg = fill.find("a:fgClr", NS)
            return self.colour(fg, placeholder) if fg is not None else None
        if name == "gradFill":
            stops = [self.colour(gs, placeholder) for gs in fill.iterfind("a:gsLst/a:gs", NS)]
            found = [c for c in stops if c is not None]
            if not found:
                return None
            rgb = [_brand.RGB.hex(c) for c, _ in found]
            mean = _brand.RGB(*(round(sum(getattr(c, k) for c in rgb) / len(rgb))
                                for k in "rgb"))
            return "#" + mean.hexstr, sum(a for _, a in found) / len(found)
        return None

    def colour(self, holder, placeholder: tuple[str, float] | None = None
               ) -> tuple[str, float] | None:
        """Return the colour held in ``holder`` (a fill, a style reference) as ('#RRGGBB',
        opacity), its modifiers applied; None when it names no colour read here."""
        el = next((c for c in holder if isinstance(c.tag, str) and etree.QName(c).localname in (
            "srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr")), None)
        if el is None:
            return None
        kind, value = etree.QName(el).localname, el.get("val", "")
        rgb: str | None = None
        alpha = 1.0
        if kind == "srgbClr":
            rgb = value
        elif kind == "sysClr":
            rgb = el.get("lastClr")
        elif kind == "prstClr":
            rgb = PRESET_COLOURS.get(value)
        elif kind == "scrgbClr":
            try:
                rgb = "".join(f"{round(_linear_to_srgb(_fraction(el, k)) * 255):02X}"
                              for k in "rgb")
            except ValueError:
                return None
        elif value == "phClr":
            if placeholder is None:
                return None
            rgb, alpha = placeholder[0].lstrip("#"), placeholder[1]
        else:
            slot = self.mapping.get(value, value)
            rgb = self.colours.get(slot, "").lstrip("#") or None
        if not rgb or len(rgb) != 6:
            return None
        try:
            return _modified(rgb, alpha, el)
        except ValueError:
            return None


def _painter(zf: zipfile.ZipFile, master, master_rels: dict[str, str]) -> _ArtReader:
    """Return the artwork reader of ``master``, with its theme and colour map."""
    theme_name = next((t for t in master_rels.values() if "/theme/" in t), None)
    root = _xml(zf, theme_name) if theme_name and theme_name in zf.namelist() else None
    colours = _theme(root).colours if root is not None else {}
    fmt = root.find("a:themeElements/a:fmtScheme", NS) if root is not None else None
    lines = tuple(fmt.iterfind("a:lnStyleLst/a:ln", NS)) if fmt is not None else ()
    fill_list = fmt.find("a:fillStyleLst", NS) if fmt is not None else None
    fills = tuple(f for f in fill_list if isinstance(f.tag, str)) if fill_list is not None else ()
    clr_map = master.find("p:clrMap", NS)
    mapping = dict(clr_map.attrib) if clr_map is not None else {
        "bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
    minor = _theme(root).body if root is not None else None
    return _ArtReader(zf, colours, mapping, lines, fills, minor or "Calibri")


def _fill_of(holder):
    """Return the fill element of ``holder`` (an ``spPr``, an ``a:ln``), or None."""
    if holder is None:
        return None
    for child in holder:
        if isinstance(child.tag, str) and etree.QName(child).localname in (
                "noFill", "solidFill", "gradFill", "pattFill", "blipFill", "grpFill"):
            return child
    return None


def _index(ref) -> int:
    value = ref.get("idx", "") if ref is not None else ""
    return int(value) if value.isdigit() else 0


def _fraction(el, name: str) -> float:
    """Return the attribute ``name`` of ``el`` in thousandths of a percent, as 0..1."""
    return min(max(int(el.get(name, "0")) / 100000, 0.0), 1.0)


def _srgb_to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _linear_to_srgb(c: float) -> float:
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _modified(rgb: str, alpha: float, el) -> tuple[str, float]:
    """Return ``rgb`` with the colour modifiers under ``el`` applied: lumMod and lumOff
    (in HSL), tint and shade (toward white and black, in linear light), alpha."""
    import colorsys

    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    for mod in el:
        if not isinstance(mod.tag, str):
            continue
        name, value = etree.QName(mod).localname, int(mod.get("val", "0")) / 100000
        if name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * value if name == "lumMod" else lum + value
            r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
        elif name in ("tint", "shade"):
            lin = [_srgb_to_linear(c) for c in (r, g, b)]
            lin = [c * value + (1 - value) if name == "tint" else c * value for c in lin]
            r, g, b = (_linear_to_srgb(min(max(c, 0.0), 1.0)) for c in lin)
        elif name == "alpha":
            alpha = min(max(value, 0.0), 1.0)
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b)), alpha


def _group(xfrm, box: Place) -> tuple[Place, tuple[float, float, float, float]]:
    """Return a group's placement: its box on the slide, and its children's frame
    (``a:chOff``, ``a:chExt``) in points."""
    ch_off, ch_ext = xfrm.find("a:chOff", NS), xfrm.find("a:chExt", NS)
    try:
        frame = tuple(int(el.get(k, "")) / EMU_PER_PT for el, k in (
            (ch_off, "x"), (ch_off, "y"), (ch_ext, "cx"), (ch_ext, "cy")))
    except (AttributeError, ValueError):
        frame = box
    return box, frame  # type: ignore[return-value]


def _placed(box: Place, group) -> Place:
    """Return ``box``, in a group's children's frame, on the slide."""
    (gx, gy, gw, gh), (fx, fy, fw, fh) = group
    sx, sy = (gw / fw if fw else 1.0), (gh / fh if fh else 1.0)
    return (gx + (box[0] - fx) * sx, gy + (box[1] - fy) * sy, box[2] * sx, box[3] * sy)
