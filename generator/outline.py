"""Load an outline: parse, resolve its theme and paths, validate, cross-check, locate problems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import limits, links, paths, source, themes
from .errors import OutlineError, Problem
from .model import SLIDE_KINDS, Brand, Outline, slug
from .node import ValidationError
from .text import citations

IMAGE_SUFFIXES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


@dataclass(frozen=True)
class LoadedOutline:
    """A valid outline, with the parsed document that says where each of its values was."""

    outline: Outline
    document: source.Document
    path: Path
    template_shape: str | None = None
    """'16:9' or '4:3' when the brand's template has one of those slide shapes."""

    def problem(self, path: tuple, message: str, severity: str = "warning") -> Problem:
        """Return a Problem for the outline value at model ``path``, located in the file."""
        line, col = self.document.locate(path)
        return Problem(self.document.file, line, col, message, format_path(path), severity)


def load(path: Path | str, *, name: str | None = None, allow_outside: bool = False,
         brand: str | None = None) -> LoadedOutline:
    """Read, validate and cross-check the outline at ``path``.

    ``brand`` overrides the outline's own brand with a bundled theme name or a theme file.
    Returns a LoadedOutline; raises OutlineError listing every problem found.
    """
    path = Path(path)
    document = source.read(path, name or str(path))
    return validate(document, path.parent, allow_outside=allow_outside, brand=brand,
                    outline_path=path)


def validate(document: source.Document, base_dir: Path, *, allow_outside: bool = False,
             brand: str | None = None, outline_path: Path | None = None) -> LoadedOutline:
    """Turn a parsed document into a LoadedOutline; raises OutlineError with every problem."""
    file = document.file
    data = document.data
    if not isinstance(data, dict):
        raise OutlineError([Problem(file, 1, 1, f"the outline is {_describe(data)}; expected a "
                                    "mapping with 'meta' and 'sections'")])
    problems: list[Problem] = list(document.problems)
    data = dict(data)
    if brand is not None:
        data["brand"] = brand
    data["brand"] = _resolve_brand(data.get("brand"), base_dir, document, problems,
                                   allow_outside)
    paths = _PathChecker(base_dir, document, allow_outside, problems)
    data = paths.resolve(data)
    problems.extend(_check_citations(document))
    problems.extend(links.problems(document, format_path))  # schemes allow-listed
    problems.extend(limits.problems(document, format_path))  # sizes and values bounded
    problems.extend(_check_structure(document))
    try:
        outline = Outline.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, document))
        raise OutlineError(problems) from None
    if problems:
        raise OutlineError(problems)
    return LoadedOutline(outline, document, outline_path or base_dir / "outline.yaml",
                         paths.template.aspect if paths.template else None)


# --- brand and themes ------------------------------------------------------------


def _resolve_brand(value: Any, base_dir: Path, document: source.Document,
                   problems: list[Problem], allow_outside: bool = False) -> Any:
    """Return the outline's brand as a mapping: a theme by name or path, under overrides."""
    if value is None:
        value = themes.DEFAULT
    outside = {"allow_outside": allow_outside, "root": base_dir}
    if isinstance(value, str):
        theme = _load_theme(value, base_dir, document, ("brand",), problems, depth=0, **outside)
        return {} if theme is None else theme
    if isinstance(value, dict) and isinstance(value.get("base"), str):
        base = _load_theme(value["base"], base_dir, document, ("brand", "base"), problems, 0,
                           **outside)
        if isinstance(base, dict):
            merged = _merge(base, {k: v for k, v in value.items() if k != "base"})
            if "logo" in value:
                merged["_base"] = str(base_dir)
            if "template" in value:
                merged.pop("_template_base", None)
            return merged
    return value


def _load_theme(name: str, base_dir: Path, document: source.Document, where: tuple,
                problems: list[Problem], depth: int, allow_outside: bool = False,
                root: Path | None = None) -> Any:
    line, col = document.locate(where)
    fault = paths.theme_problem(name, base_dir, root or base_dir, allow_outside,
                                themes.BUNDLED_DIR)  # the same path checks as images
    if fault:
        problems.append(Problem(document.file, line, col, fault, format_path(where)))
        return None
    path = themes.find(name, base_dir)
    if path is None:
        hint = _did_you_mean(name, themes.names(), "theme")
        problems.append(Problem(document.file, line, col, f"no theme '{name}'; {hint}, "
                                "or a path to a theme .yaml file", format_path(where)))
        return None
    try:
        theme = source.read(path, str(path) if path.parent != themes.BUNDLED_DIR else name)
    except OutlineError as exc:
        problems.extend(exc.problems)
        return None
    data = theme.data
    problems.extend(theme.problems)
    if not isinstance(data, dict):
        problems.append(Problem(theme.file, 1, 1, "a theme file holds a mapping of brand keys"))
        return None
    if path.parent != themes.BUNDLED_DIR:  # bundled themes are checked by the tests
        try:
            Brand.model_validate({k: v for k, v in data.items() if k not in ("base", "_base")})
        except ValidationError as exc:
            problems.extend(_problems_from(exc, theme))
            return None
    if isinstance(data.get("base"), str) and depth < 4:
        base = _load_theme(data["base"], path.parent, theme, ("base",), problems, depth + 1,
                           allow_outside, root or base_dir)
        if isinstance(base, dict):
            data = _merge(base, {k: v for k, v in data.items() if k != "base"})
    data = dict(data)
    data.pop("base", None)
    if "logo" in data:
        data["_base"] = str(path.parent)
    if "template" in data:
        data["_template_base"] = str(path.parent)
    return data


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


# --- paths --------------------------------------------------------------------


class _PathChecker:
    """Resolves image and logo paths against the outline's folder, keeping them inside it."""

    def __init__(self, base: Path, document: source.Document, allow_outside: bool,
                 problems: list[Problem]):
        self.base = base.resolve()
        self.document = document
        self.allow_outside = allow_outside
        self.problems = problems
        self.template = None
        """The brand's template as read, once ``resolve`` has run (None without one)."""

    def resolve(self, data: dict[str, Any]) -> dict[str, Any]:
        brand = data.get("brand")
        if isinstance(brand, dict) and isinstance(brand.get("logo"), str):
            logo_base = Path(brand.pop("_base", self.base))
            brand = {**brand, "logo": self._check(brand["logo"], ("brand", "logo"), logo_base)}
            data["brand"] = brand
        elif isinstance(brand, dict):
            brand.pop("_base", None)
        template = None
        if isinstance(brand, dict):
            brand, template = self._template(brand)
            data["brand"] = brand
            self.template = template
        sections = data.get("sections")
        if isinstance(sections, list):
            data["sections"] = [self._section(s, i) for i, s in enumerate(sections)]
            unreadable = template is None and isinstance(brand, dict) and brand.get("template")
            if not unreadable:
                self._layouts(sections, template)
        return data

    def _template(self, brand: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        """Check brand.template; return the brand with the template's theme under it.

        The template's theme colours and fonts fill every palette and fonts key the brand
        does not set itself. Returns (brand, the template read, or None).
        """
        base = Path(brand.pop("_template_base", self.base))
        value = brand.get("template")
        if value is None:
            return brand, None
        where = ("brand", "template")
        if not isinstance(value, str):
            return brand, None
        target = self._locate(value, where, base, "a PowerPoint .pptx or .potx template")
        if target is None:
            return brand, None
        from . import templates  # read only for outlines that name a template

        try:
            template = templates.read(target)
        except templates.TemplateProblem as exc:
            line, col = self.document.locate(where)
            self.problems.append(Problem(self.document.file, line, col,
                                         f"'{value}' cannot be used as a template: {exc}",
                                         format_path(where)))
            return brand, None
        lost = [p.kind for p in templates.contract(template) if not p.placeable]
        if lost:
            line, col = self.document.locate(where)
            self.problems.append(Problem(self.document.file, line, col,
                                         f"'{value}' has no layout with a title placeholder "
                                         f"for {', '.join(lost)} slides; expected one (see "
                                         f"'deckgen check-template {value}')",
                                         format_path(where)))
        merged = _merge(templates.brand_values(template), brand)
        return {**merged, "template": str(target)}, template

    def _layouts(self, sections: list, template: Any) -> None:
        """Check every section and slide ``layout:`` names a layout of the template."""
        wanted = []
        for i, section in enumerate(sections):
            if not isinstance(section, dict):
                continue
            wanted.append((("sections", i, "layout"), section.get("layout")))
            slides = section.get("slides")
            for j, slide in enumerate(slides if isinstance(slides, list) else []):
                if isinstance(slide, dict):
                    wanted.append((("sections", i, "slides", j, "layout"), slide.get("layout")))
        wanted = [(where, name) for where, name in wanted if isinstance(name, str)]
        if not wanted:
            return
        label = "the template"
        from . import templates  # read only for outlines that name a layout

        if template is None:
            label = "the built-in layouts"
            try:
                template = templates.read(templates.default_path())
            except templates.TemplateProblem:
                return
        for where, name in wanted:
            if template.layout(name) is None:
                line, col = self.document.locate(where)
                hint = _did_you_mean(name, template.names, "layout")
                self.problems.append(Problem(self.document.file, line, col,
                                             f"no layout '{name}' in {label}; {hint}",
                                             format_path(where)))

    def _section(self, section: Any, i: int) -> Any:
        if not isinstance(section, dict) or not isinstance(section.get("slides"), list):
            return section
        slides = []
        for j, slide in enumerate(section["slides"]):
            if isinstance(slide, dict) and slide.get("kind") == "image" and isinstance(
                    slide.get("image"), str):
                where = ("sections", i, "slides", j, "image")
                slide = {**slide, "image": self._check(slide["image"], where, self.base)}
            slides.append(slide)
        return {**section, "slides": slides}

    def _locate(self, value: str, where: tuple, base: Path, what: str) -> Path | None:
        """Return the file ``value`` names, inside the outline's folder; None (and a problem)
        when it is outside or missing."""
        line, col = self.document.locate(where)
        fault = paths.name_problem(value)  # too long, or a NUL: before the system sees it
        if fault:
            self.problems.append(Problem(self.document.file, line, col, fault, format_path(where)))
            return None
        raw = Path(value)
        target = (base / raw).resolve() if not raw.is_absolute() else raw.resolve()
        if not self.allow_outside and not _inside(target, self.base) and not _inside(
                target, themes.BUNDLED_DIR.resolve()):
            self.problems.append(Problem(self.document.file, line, col,
                                         f"'{value}' is outside the outline's folder; expected "
                                         "a path inside it (or build with --allow-outside)",
                                         format_path(where)))
            return None
        if paths.special(target):  # a FIFO or device: refused without opening it
            self.problems.append(Problem(self.document.file, line, col, f"'{value}' is not a "
                                         f"regular file (a FIFO or device); expected {what}",
                                         format_path(where)))
            return None
        if not target.is_file():
            self.problems.append(Problem(self.document.file, line, col,
                                         f"no file at '{value}'; expected {what} "
                                         "relative to the outline's folder", format_path(where)))
            return None
        return target

    def _check(self, value: str, where: tuple, base: Path) -> str:
        line, col = self.document.locate(where)
        target = self._locate(value, where, base, "a PNG or JPEG image")
        if target is None:
            return value
        from . import images  # header read, size capped, decoded once: see docs/security.md

        try:
            images.inspect(target)
        except images.ImageProblem as exc:
            self.problems.append(Problem(self.document.file, line, col, f"'{value}' {exc}",
                                         format_path(where)))
            return value
        return str(target)


def _inside(target: Path, folder: Path) -> bool:
    return target == folder or folder in target.parents


# --- validation errors ----------------------------------------------------------


def _problems_from(exc: ValidationError, document: source.Document) -> list[Problem]:
    problems = []
    seen = set()
    errors = exc.errors()
    renamed = _misspelt_required(errors)
    for error in errors:
        loc = tuple(error["loc"])
        if any(loc[:len(bad)] == bad for bad in document.invalid):
            continue
        if error["type"] == "missing" and loc in renamed:
            continue  # reported as the unknown key that was meant to be this one
        message, at_key, where = _message(error, loc)
        line, col = document.locate(where, key=at_key)
        problem = Problem(document.file, line, col, message, format_path(where))
        if (problem.line, problem.column, problem.message) not in seen:
            seen.add((problem.line, problem.column, problem.message))
            problems.append(problem)
    return problems


def _misspelt_required(errors: list[dict]) -> set[tuple]:
    """Return paths of missing keys for which an unknown key beside them is a likely typo."""
    missing = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc:
            missing[loc] = loc[-1]
    out = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            for path, name in missing.items():
                if path[:-1] == loc[:-1] and _close(str(loc[-1]), [name]):
                    out.add(path)
    return out


def _message(error: dict, loc: tuple) -> tuple[str, bool, tuple]:
    """Return (message, whether to point at the key, the path to point at)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        return (f"required key '{name}' is missing; expected '{name}: ...' here",
                True, loc[:-1])
    if kind == "extra_forbidden":
        allowed = list(ctx.get("allowed", ()))
        hint = _did_you_mean(str(name), allowed)
        return (f"unknown key '{name}'; {hint}", True, loc)
    if kind == "union_tag_invalid":
        hint = _did_you_mean(str(ctx.get("tag", value)), list(SLIDE_KINDS), "slide kind")
        return (f"unknown slide kind '{ctx.get('tag')}'; {hint}", False, (*loc, "kind")
                if loc and loc[-1] != "kind" else loc)
    if kind == "union_tag_not_found":
        return (f"slide has no 'kind'; expected one of {', '.join(SLIDE_KINDS)}", False, loc)
    if kind in ("string_type", "str_type"):
        return (f"expected text, got {_describe(value)}", False, loc)
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        return (f"expected a number, got {_describe(value)}", False, loc)
    if kind in ("bool_type", "bool_parsing"):
        return (f"expected true or false, got {_describe(value)}", False, loc)
    if kind == "list_type":
        return (f"expected a list ('- item' lines), got {_describe(value)}", False, loc)
    if kind == "model_type" and ctx.get("class_name") == "Bullet":
        return (f"expected a bullet: text, or 'text:' with 'sub:' lines; got {_describe(value)}",
                False, loc)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (f"expected a mapping ('key: value' lines), got {_describe(value)}", False, loc)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        hint = _did_you_mean(str(value), re.findall(r"'([^']*)'", expected), "value")
        return (f"'{value}' is not allowed; {hint}", False, loc)
    if kind == "too_short":
        n = ctx.get("min_length")
        return (f"has {ctx.get('actual_length', 0)} item(s); expected at least {n}", False, loc)
    if kind == "too_long":
        n = ctx.get("max_length")
        return (f"has {ctx.get('actual_length')} items; expected at most {n}", False, loc)
    if kind == "string_too_short":
        return ("is empty; expected some text", False, loc)
    if kind == "string_pattern_mismatch":
        return (f"'{value}' is not valid; expected {_pattern_hint(str(name), loc)}", False, loc)
    if kind.startswith("date"):
        return (f"'{value}' is not a date; expected YYYY-MM-DD, e.g. 2025-07-01", False, loc)
    if kind == "value_error":
        return (str(ctx.get("error", error["msg"])), False, loc)
    return (f"{error['msg'].rstrip('.')}; got {_describe(value)}", False, loc)


def _pattern_hint(name: str, loc: tuple) -> str:
    if name in ("primary", "secondary", "accent", "text", "muted", "background", "surface") or (
            "chart" in loc and "palette" in loc):
        return "a colour as #RRGGBB, e.g. #FF6900"
    if name == "url":
        return "a web address starting with http:// or https://"
    if name == "language":
        return "a language tag such as en, en-GB or zh-CN"
    return "an id of letters, digits, '-', '_' or '.', e.g. idc-2024"


def _close(word: str, options: list[str]) -> list[str]:
    """Return the option most like ``word``, if one is close (a list of at most one)."""
    import difflib  # only an outline with a problem needs it

    return difflib.get_close_matches(word, options, n=1, cutoff=0.6)


def _did_you_mean(word: str, options: list[str], what: str = "key") -> str:
    close = _close(str(word), options)
    listing = ", ".join(options)
    if close:
        return f"did you mean '{close[0]}'? (expected one of: {listing})"
    return f"expected one of: {listing}" if options else f"expected no {what} here"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"text '{short}'"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def format_path(path: tuple) -> str:
    """Return a model path as a user reads it: ``sections[2].slides[0].title``."""
    out = ""
    for elem in path:
        if isinstance(elem, int):
            out += f"[{elem}]"
        else:
            out += f".{elem}" if out else str(elem)
    return out


# --- cross-checks -----------------------------------------------------------------


def _check_citations(document: source.Document) -> list[Problem]:
    """Check source ids on the raw data, so they are reported even when validation fails."""
    problems: list[Problem] = []
    data = document.data

    def add(path: tuple, message: str) -> None:
        line, col = document.locate(path)
        problems.append(Problem(document.file, line, col, message, format_path(path)))

    ids: dict[str, int] = {}
    sources = data.get("sources") if isinstance(data, dict) else None
    for i, src in enumerate(sources if isinstance(sources, list) else []):
        sid = src.get("id") if isinstance(src, dict) else None
        if not isinstance(sid, str):
            continue
        if sid in ids:
            add(("sources", i, "id"), f"source id '{sid}' is used twice (first "
                f"sources[{ids[sid]}]); expected unique ids")
        ids.setdefault(sid, i)
    known = list(ids)

    def cite(path: tuple, sid: str) -> None:
        if sid not in ids:
            add(path, f"unknown source '{sid}'; {_did_you_mean(sid, known, 'source')}")

    for path, value in _texts(document.data):
        last = path[-1] if path else None
        if last == "source" or (len(path) >= 2 and path[-2] == "sources" and isinstance(last, int)
                                and path[0] != "sources"):
            cite(path, value)
        if "[@" in value:
            for sid in citations(value):
                cite(path, sid)
    return problems


def _check_structure(document: source.Document) -> list[Problem]:
    """Check section ids, playbook placement and playbook dimensions on the raw data.

    Working on the raw data (not the model) lets these be reported together with every
    other problem, each at the key it is about.
    """
    problems: list[Problem] = []

    def add(path: tuple, message: str, key: bool = False) -> None:
        line, col = document.locate(path, key=key)
        problems.append(Problem(document.file, line, col, message, format_path(path)))

    data = document.data if isinstance(document.data, dict) else {}
    section_ids: dict[str, int] = {}
    for i, section in enumerate(_items(data.get("sections"))):
        title = section.get("title")
        sid = section.get("id") or (slug(title) if isinstance(title, str) else None)
        if not isinstance(sid, str):
            continue
        sid = sid or f"section-{i + 1}"
        if sid in section_ids:
            add(("sections", i, "id"), f"section id '{sid}' is used twice (first "
                f"sections[{section_ids[sid]}]); expected unique ids (give each an 'id')")
        section_ids.setdefault(sid, i)
    for i, playbook in enumerate(_items(data.get("playbooks"))):
        after = playbook.get("after")
        if isinstance(after, str) and after not in section_ids:
            hint = _did_you_mean(after, list(section_ids), "section")
            add(("playbooks", i, "after"), f"no section with id '{after}'; {hint}")
        dims = [d.get("id") for d in _items(playbook.get("dimensions"))
                if isinstance(d.get("id"), str)]
        if not dims:
            continue
        for j, peer in enumerate(_items(playbook.get("peers"))):
            for field in ("contrasts", "subject"):
                given = peer.get(field)
                if not isinstance(given, dict):
                    continue
                for key in given:
                    if key not in dims:
                        where = ("playbooks", i, "peers", j, field, key)
                        add(where, f"no dimension '{key}'; {_did_you_mean(key, dims, 'key')}",
                            key=True)
            contrasts = peer.get("contrasts")
            if isinstance(contrasts, dict):
                missing = [d for d in dims if d not in contrasts]
                if missing:
                    add(("playbooks", i, "peers", j, "contrasts"),
                        f"no contrast for {', '.join(missing)}; expected one line for each "
                        f"dimension: {', '.join(dims)}", key=True)
    return problems


def _items(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _texts(data: Any) -> list[tuple[tuple, str]]:
    """Return (path, text) for every text value in ``data``, in document order."""
    out: list[tuple[tuple, str]] = []

    def visit(value: Any, path: tuple) -> None:
        if isinstance(value, str):
            out.append((path, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, (*path, i))

    visit(data, ())
    return out
