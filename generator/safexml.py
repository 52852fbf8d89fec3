"""XML from user files parsed as untrusted input: no DTDs, entities, network or huge trees."""

from __future__ import annotations

from lxml import etree

MAX_XML_BYTES = 20 * 1024 * 1024
"""Largest XML part parsed (a slide layout is a few kB, a big theme under 100 kB)."""


_DOCTYPE = ("has a document type declaration (<!DOCTYPE>, which declares entities); expected "
            "none, as in every Office file")


class XMLProblem(Exception):
    """An XML part is unusable; ``part`` names it."""

    def __init__(self, part: str, message: str):
        self.part = part
        self.message = message
        super().__init__(f"{part}: {message}")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=False)


def parse(data: bytes, part: str):
    """Return the root element of ``data``; raises XMLProblem naming ``part``.

    A document type declaration (which is how entities, internal or external, are
    declared) is refused: no Office part has one, and a part that keeps one unresolved
    would make the saved deck unreadable.
    """
    if len(data) > MAX_XML_BYTES:
        raise XMLProblem(part, f"is {len(data):,} bytes; expected at most {MAX_XML_BYTES:,}")
    if has_doctype(data):
        raise XMLProblem(part, _DOCTYPE)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
        raise XMLProblem(part, f"is not well-formed XML ({_short(message)})") from None
    except ValueError as exc:  # e.g. a Unicode string with an encoding declaration
        raise XMLProblem(part, f"is not well-formed XML ({_short(str(exc))})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XMLProblem(part, _DOCTYPE)
    if any(True for _ in root.iter(etree.Entity)):
        raise XMLProblem(part, "uses an entity reference; expected plain characters")
    return root


def has_doctype(data: bytes) -> bool:
    """Whether ``data`` (an XML part, UTF-8 or UTF-16) declares a document type."""
    head = data[:4096]
    return (b"<!DOCTYPE" in head or b"<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E" in head
            or b"\x00<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E" in head)


def whole_number(el, attr: str, part: str, default: int = 0) -> int:
    """Return attribute ``attr`` of ``el`` as an int; raises XMLProblem when it is not one."""
    raw = el.get(attr)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise XMLProblem(part, f"{_tag(el)} {attr} is '{_short(raw, 20)}'; expected a whole "
                         "number") from None
    if not -2**31 <= value < 2**32:
        raise XMLProblem(part, f"{_tag(el)} {attr} is {_short(raw, 20)}; expected a number "
                         "that fits in 32 bits")
    return value


def required(root, path: str, ns: dict[str, str], part: str):
    """Return the first element at ``path`` under ``root``; raises XMLProblem when absent."""
    el = root.find(path, ns)
    if el is None:
        raise XMLProblem(part, f"has no {path.split('/')[-1]} element; expected one")
    return el


def _tag(el) -> str:
    qname = etree.QName(el)
    prefixes = {v: k for k, v in (el.nsmap or {}).items() if k}
    prefix = prefixes.get(qname.namespace)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _short(text: str, limit: int = 80) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --- an Office package (a zip of XML parts) ------------------------------------------------

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HYPERLINK = "/hyperlink"
SAFE_SCHEMES = ("http", "https", "mailto")
"""Schemes an external hyperlink in a package may use; any other external target (a file,
an smb: share, a linked image or object) is refused, as opening it would reach out."""


def check_package(zf) -> None:
    """Check every XML part of the open package ``zf`` (a safezip.SafeZipFile).

    Raises XMLProblem when ``_rels/.rels`` is missing, a part is not well-formed or has a
    DOCTYPE, or a relationship points outside the package other than a web or mail link.
    """
    names = zf.namelist()
    if "_rels/.rels" not in names:
        raise XMLProblem("_rels/.rels", "is missing; expected the package's relationships "
                         "(is it an Office file?)")
    for name in names:
        if not name.endswith((".xml", ".rels")):
            continue
        root = parse(zf.read(name), name)
        if name.endswith(".rels"):
            _check_rels(root, name)


def _check_rels(root, part: str) -> None:
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("TargetMode") != "External":
            continue
        target = (rel.get("Target") or "").strip()
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if rel.get("Type", "").endswith(_HYPERLINK) and scheme in SAFE_SCHEMES:
            continue
        raise XMLProblem(part, f"relationship {rel.get('Id')} points outside the package to "
                         f"'{_short(target, 60)}'; expected only web (http, https) or mailto "
                         "links outside it")


def target(rels: dict[str, str], el, part: str) -> str:
    """Return the part that ``el``'s r:id names in ``rels``; raises XMLProblem when none."""
    rid = el.get(_R_ID)
    if rid is None or rid not in rels:
        raise XMLProblem(part, f"{_tag(el)} r:id '{_short(str(rid), 20)}' names no "
                         "relationship; expected one in the part's .rels")
    return rels[rid]
