"""YAML text to plain data, with the line and column of every node; the only YAML import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .errors import OutlineError, Problem

try:  # libyaml's parser is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 20 * 1024 * 1024
"""Largest outline file read, so a runaway file fails fast instead of filling memory."""

MAX_NODES = 1_000_000
"""Most values an outline may expand to, counting every alias use: stops 'billion laughs'."""

MAX_EXPANDED_CHARS = MAX_BYTES
"""Most characters of text an outline may expand to through aliases: no more than the
largest outline file holds written out."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists; an outline needs about ten."""

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SCALARS = {
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
}
_PLAIN = {_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:map",
          "tag:yaml.org,2002:seq", *_SCALARS}
_constructor = SafeConstructor()
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters that no XML document (and so no .pptx) may hold: controls, lone surrogates."""


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data and where each value (and each key) starts."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Structural problems (duplicate keys, tags, limits) found while the data was built;
    the data holds what could be read, so validation can go on and report the rest."""
    invalid: frozenset = frozenset()
    """Paths whose values were dropped because of a structural problem."""
    text: str = ""
    """The YAML source, for hints that quote what the author wrote."""

    def line(self, number: int) -> str:
        """Return source line ``number`` (1-based), or '' past the end."""
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Return (line, column) of the node at ``path``, or of its nearest ancestor.

        With ``key`` the position of the mapping key is preferred to that of its value.
        """
        path = tuple(path)
        while path:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def read(path: Path, name: str | None = None) -> Document:
    """Read and parse the YAML file at ``path``; ``name`` is how messages call it.

    Raises OutlineError with one file-level problem when the file cannot be read as UTF-8 YAML.
    """
    name = name or str(path)
    try:
        if path.is_dir():
            raise _file_problem(name, "is a directory; expected a YAML outline file")
        if not path.is_file() and path.exists():  # a FIFO or device: never opened
            raise _file_problem(name, "is not a regular file (a FIFO or device); expected a "
                                "YAML outline file")
        with path.open("rb") as stream:  # at most one byte past the limit is read
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _file_problem(name, "no such file; expected a YAML outline "
                            "(run 'deckgen init' to start one)") from None
    except PermissionError:
        raise _file_problem(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise _file_problem(name, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise _file_problem(name, f"is more than {MAX_BYTES:,} bytes; expected at most "
                            f"{MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise OutlineError([Problem(name, line, col, f"byte 0x{raw[exc.start]:02x} is not "
                                    "UTF-8; expected the file saved as UTF-8 text")]) from None
    return parse(text, name)


def parse(text: str, name: str = "<outline>") -> Document:
    """Parse YAML ``text`` into a Document; raises OutlineError on any YAML problem."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _file_problem(name, "is empty; expected an outline with 'meta' and 'sections'")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise OutlineError([_yaml_problem(name, exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise OutlineError([Problem(name, line, col, f"character U+{char:04X} (a control "
                                    "character) is not allowed in YAML; expected printable "
                                    "text")]) from None
    except yaml.YAMLError as exc:
        raise _file_problem(name, f"is not valid YAML: {exc}") from None
    except RecursionError:
        raise _file_problem(name, f"is nested too deeply; expected at most {MAX_DEPTH} "
                            "levels") from None
    if node is None:
        raise _file_problem(name, "is empty; expected an outline with 'meta' and 'sections'")
    size = _expanded_size(node, {}, 0) if "&" in text else 0  # no anchor, no alias
    if size > MAX_NODES:
        raise _file_problem(name, f"expands to more than {MAX_NODES:,} values through aliases; "
                            "expected a smaller outline (are anchors repeated inside each other?)")
    chars = _expanded_chars(node, {}, 0) if "&" in text else 0
    if chars > MAX_EXPANDED_CHARS:
        raise _file_problem(name, f"expands to more than {MAX_EXPANDED_CHARS:,} characters of "
                            "text through aliases; expected a smaller outline (is one long text "
                            "repeated through '*name' many times?)")
    builder = _Builder(name)
    data = builder.build(node, (), 0)
    return Document(name, data, builder.values, builder.keys, builder.problems,
                    frozenset(builder.invalid), text)


def _expanded_size(node: yaml.Node, memo: dict[int, int], depth: int) -> int:
    """Return how many values ``node`` becomes once every alias is expanded (memoised)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if depth > MAX_DEPTH * 4:
        return MAX_NODES + 1
    memo[key] = MAX_NODES + 1  # a node reached again while being counted is a cycle
    if isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo, depth + 1) + _expanded_size(v, memo, depth + 1)
                       for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(v, memo, depth + 1) for v in node.value)
    else:
        size = 1
    memo[key] = min(size, MAX_NODES + 1)
    return memo[key]


def _expanded_chars(node: yaml.Node, memo: dict[int, int], depth: int) -> int:
    """Return how many characters of text ``node`` holds once every alias is expanded.

    Counting values alone lets a few aliases of one long text through; each use of an
    alias costs its text's length again in every step after parsing.
    """
    key = id(node)
    if key in memo:
        return memo[key]
    if depth > MAX_DEPTH * 4:
        return MAX_EXPANDED_CHARS + 1
    memo[key] = MAX_EXPANDED_CHARS + 1  # a cycle
    if isinstance(node, yaml.MappingNode):
        size = sum(_expanded_chars(k, memo, depth + 1) + _expanded_chars(v, memo, depth + 1)
                   for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = sum(_expanded_chars(v, memo, depth + 1) for v in node.value)
    else:
        size = len(node.value)
    memo[key] = min(size, MAX_EXPANDED_CHARS + 1)
    return memo[key]


def _file_problem(name: str, message: str) -> OutlineError:
    return OutlineError([Problem(name, 0, 0, message)])


def _yaml_problem(name: str, exc: yaml.MarkedYAMLError, text: str = "") -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    tab = _indenting_tab(text, line)
    if tab:
        return Problem(name, line, tab, "tabs are not allowed in YAML indentation; "
                       "use spaces")
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{what} ({exc.context}"
        if exc.context_mark and mark and exc.context_mark.line != mark.line:
            what += f" at line {exc.context_mark.line + 1}"
        what += ")"
    if "alias" in f"{exc.context} {exc.problem}":  # '*' or '&' opening a value: bold text
        return Problem(name, line, col, f"invalid YAML: {what}; a value that starts with '*' "
                       "or '&' is read as a YAML alias or anchor: put the text in quotes, e.g. "
                       "\"**Total**\"")
    return Problem(name, line, col, f"invalid YAML: {what}; expected consistent indentation, "
                   "'key: value' pairs and quotes around text containing ': ' or '#'")


def _indenting_tab(text: str, line: int) -> int:
    """Return the column of a tab in the indentation of ``line`` (1-based), or 0."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return 0
    row = lines[line - 1]
    indent = row[:len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else 0


class _Builder:
    """Turns composed YAML nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, name: str):
        self.name = name
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.invalid: set[Path_] = set()

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1,
                                     node.start_mark.column + 1, message))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._problem(node, f"nested more than {MAX_DEPTH} levels deep; "
                          "expected a flatter structure")
            return None
        self.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _PLAIN:
            self._problem(node, f"the tag '{node.tag}' is not allowed; expected plain YAML "
                          "values (text, numbers, lists, mappings)")
            self.invalid.add(path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag in _SCALARS:
            try:
                return getattr(_constructor, _SCALARS[node.tag])(node)
            except ValueError:  # an int of more digits than Python converts (4,300)
                self._problem(node, f"the number has {len(node.value):,} digits; expected a "
                              "number Excel can hold (at most 15 significant digits)")
                self.invalid.add(path)
                return None
        bad = _UNPRINTABLE.search(node.value)
        if bad:
            self._problem(node, f"text holds the control character U+{ord(bad.group()):04X}, "
                          "which no document can show; expected printable text (remove it, or "
                          "write a line break as a new line)")
            self.invalid.add(path)
            return None
        return node.value  # text, and timestamps kept as written

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<":
                self._problem(key_node, "merge keys ('<<') are not supported; expected the "
                              "keys written out (an alias '*name' may stand for a whole value)")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN:
                self._problem(key_node, "a key must be plain text; expected 'name: value'")
                continue
            key = key_node.value
            if key in first:
                self._problem(key_node, f"duplicate key '{key}' (first at line {first[key]}); "
                              "expected each key once in a mapping")
                continue
            first[key] = key_node.start_mark.line + 1
            child = (*path, key)
            self.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        return result
