"""Typed, frozen nodes declared with annotations, validated from plain data in one pass.

The outline model (``model.py``) is written as classes of annotated fields, the way a
validation library would take them. This module is the small engine under it: it turns the
annotations into validators once, on first use, checks a whole document collecting every
error (each with the path of the value it is about), and builds the frozen nodes.

``node_schema.py`` describes the same classes as a JSON Schema.

It exists because every command starts by loading an outline, and a general-purpose
validation library costs more to import and to prepare than deckgen's whole ``check``.
It knows only the forms the outline uses: text, numbers, dates, literals, optional values,
lists, mappings of text, nested nodes, and unions of nodes told apart by a tag key.

Errors are dicts with ``type``, ``loc`` (the path into the data), ``input``, ``ctx`` and
``msg``; ``loader/messages.py`` turns them into located, worded problems.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar

_MISSING: Any = object()
_BAD: Any = object()  # a validator's result when it recorded an error

Errors = list[dict[str, Any]]
Validator = Callable[[Any, tuple, Errors], Any]


class Rules:
    """Constraints on a value, given in ``Annotated[...]`` or through ``field()``.

    ``numbers`` lets a number stand for text (2024 -> '2024'); ``schema`` replaces the
    value's JSON Schema.
    """

    __slots__ = ("pattern", "min_length", "max_length", "numbers", "schema")

    def __init__(self, *, pattern: str | None = None, min_length: int | None = None,
                 max_length: int | None = None, numbers: bool = False,
                 schema: dict | None = None):
        self.pattern = pattern
        self.min_length = min_length
        self.max_length = max_length
        self.numbers = numbers
        self.schema = schema


class Tagged:
    """Marks a union of nodes as told apart by the value of the key ``key``."""

    __slots__ = ("key",)

    def __init__(self, key: str):
        self.key = key


class Spec:
    """One field of a node: its name, type, default and rules."""

    __slots__ = ("name", "annotation", "default", "factory", "description", "rules", "shown")

    def __init__(self, default: Any = _MISSING, factory: Callable[[], Any] | None = None,
                 description: str | None = None, rules: Rules | None = None,
                 shown: str = "text"):
        self.name = ""
        self.annotation: Any = None
        self.default = default
        self.factory = factory
        self.description = description
        self.rules = rules
        self.shown = shown

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.factory is None

    def make_default(self) -> Any:
        return self.factory() if self.factory is not None else self.default


def field(default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None,
          description: str | None = None, pattern: str | None = None,
          min_length: int | None = None, max_length: int | None = None,
          shown: str = "text") -> Any:
    """Declare a field's default, description and rules (the value of a class attribute).

    ``shown`` says how a reader meets the field's text: 'text' (read on a slide or page),
    'label' (drawn as a chart label or kept as alt text, not counted as words) or 'hidden'
    (never drawn: ids, paths, notes, settings).
    """
    rules = None
    if pattern is not None or min_length is not None or max_length is not None:
        rules = Rules(pattern=pattern, min_length=min_length, max_length=max_length)
    return Spec(default, default_factory, description, rules, shown)


class FieldError(ValueError):
    """Raised by ``_after()`` for a problem at a part of the node: ``at`` is its path inside
    the node, e.g. ('rows', 2), so the message points at that row, not the whole node."""

    def __init__(self, message: str, at: tuple = ()):
        super().__init__(message)
        self.at = at


class ValidationError(ValueError):
    """Data did not fit a node; ``errors()`` lists every error found."""

    def __init__(self, errors: Errors):
        self._errors = errors
        super().__init__("; ".join(f"{_dotted(e['loc'])}: {e['msg']}" for e in errors))

    def errors(self) -> Errors:
        return list(self._errors)


class Node:
    """A frozen record of typed fields; unknown keys are errors; text is stripped.

    Subclasses declare fields as annotations, with ``field(...)`` or a plain value as the
    default. Hooks: ``_before(value)`` (class method) may rewrite the raw value;
    ``_after()`` may raise ValueError when the fields do not fit together.
    """

    fields: ClassVar[dict[str, Spec]] = {}
    schema_title: ClassVar[str | None] = None
    _validator: ClassVar[Validator | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, Spec] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if name.startswith("_") or "ClassVar" in str(annotation):
                continue
            value = cls.__dict__.get(name, _MISSING)
            given = value if isinstance(value, Spec) else Spec(value)
            spec = Spec(given.default, given.factory, given.description, given.rules, given.shown)
            spec.name = name
            spec.annotation = annotation
            fields[name] = spec
            if name in cls.__dict__:
                delattr(cls, name)
        cls.fields = fields
        cls._validator = None

    def __init__(self, **values: Any):
        fields = type(self).fields
        unknown = set(values) - set(fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        state = self.__dict__
        for name, spec in fields.items():
            if name in values:
                state[name] = values[name]
            elif spec.required:
                raise TypeError(f"{type(self).__name__} needs {name!r}")
            else:
                state[name] = spec.make_default()

    @classmethod
    def parse(cls, data: Any) -> Any:
        """Return the node ``data`` describes; raises ValidationError listing every error."""
        errors: Errors = []
        value = validator(cls)(data, (), errors)
        if errors:
            raise ValidationError(errors)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(_frozen(v) for v in self.__dict__.values())))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def _after(self) -> None:
        """Check fields against each other; raise ValueError with the problem."""


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    return value


# --- validators -------------------------------------------------------------------


def validator(cls: type[Node]) -> Validator:
    """Return the validator of node class ``cls``, made on first use."""
    made = cls.__dict__.get("_validator")
    if made is None:
        made = _node_validator(cls)
        cls._validator = made
    return made


def field_types(cls: type[Node]) -> dict[str, Any]:
    """Return the annotation of each of ``cls``'s fields, resolved."""
    namespace: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        namespace.update(vars(sys.modules[base.__module__]))
    hints = {}
    for base in reversed(cls.__mro__):
        for name, annotation in base.__dict__.get("__annotations__", {}).items():
            if name in cls.fields:
                if isinstance(annotation, str):
                    annotation = eval(annotation, namespace)  # noqa: S307 - our own source
                hints[name] = annotation
    return hints


def _node_validator(cls: type[Node]) -> Validator:
    fields = cls.fields
    hints = field_types(cls)
    checks = {name: _compile(hints[name], spec.rules) for name, spec in fields.items()}
    specs = list(fields.items())
    before = cls.__dict__.get("_before")
    after = cls._after if cls._after is not Node._after else None
    name = cls.__name__

    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if before is not None:
            value = before.__func__(cls, value)
        if isinstance(value, Node) and type(value) is cls:
            return value
        if not isinstance(value, dict):
            errors.append(_error("model_type", loc, value, f"expected a mapping for {name}",
                                 class_name=name))
            return _BAD
        start = len(errors)
        out = {}
        for key, spec in specs:
            if key in value:
                got = checks[key](value[key], (*loc, key), errors)
            elif spec.required:
                errors.append(_error("missing", (*loc, key), value, "field required"))
                continue
            else:
                got = spec.make_default()
            out[key] = got
        for key in value:
            if key not in fields:
                errors.append(_error("extra_forbidden", (*loc, key), value[key],
                                     "extra inputs are not permitted", allowed=list(fields)))
        if len(errors) > start:
            return _BAD
        node = cls.__new__(cls)
        node.__dict__.update(out)
        if after is not None:
            try:
                node._after()
            except ValueError as exc:
                where = (*loc, *getattr(exc, "at", ()))
                errors.append(_error("value_error", where, value, str(exc), error=str(exc)))
                return _BAD
        return node

    return check


Form = tuple[str, Any, Rules | None]
"""An annotation told as (kind, argument, rules): ("tagged", (options, key)), ("optional",
inner), ("list", item), ("mapping", value type), ("literal", values), ("text", None),
("number", None), ("date", None) or ("node", class)."""


def form(tp: Any, rules: Rules | None = None) -> Form:
    """Return which of the forms a node field may take ``tp`` is, with the field's rules
    merged with those of its ``Annotated`` extras. Raises TypeError for any other form."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *extras = typing.get_args(tp)
        merged = merge_rules([*(e for e in extras if isinstance(e, Rules)), rules])
        tag = next((e.key for e in extras if isinstance(e, Tagged)), None)
        if tag is not None:
            return "tagged", (typing.get_args(inner), tag), merged
        return form(inner, merged)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        options = [a for a in args if a is not type(None)]
        if len(options) == 1 and len(args) == 2:
            return "optional", options[0], rules
        raise TypeError(f"unsupported union {tp}")
    if origin is list:
        return "list", typing.get_args(tp)[0], rules
    if origin is dict:
        return "mapping", typing.get_args(tp)[1], rules
    if origin is typing.Literal:
        return "literal", typing.get_args(tp), rules
    for kind, plain in (("text", str), ("number", float), ("date", _dt.date)):
        if tp is plain:
            return kind, None, rules
    if isinstance(tp, type) and issubclass(tp, Node):
        return "node", tp, rules
    raise TypeError(f"unsupported annotation {tp!r}")


def _compile(tp: Any, rules: Rules | None = None) -> Validator:
    """Return a validator for annotation ``tp`` (with ``rules`` from its field)."""
    kind, arg, rules = form(tp, rules)
    if kind == "tagged":
        return _tagged(*arg)
    if kind == "optional":
        inner = _compile(arg, rules)

        def optional(value: Any, loc: tuple, errors: Errors) -> Any:
            return None if value is None else inner(value, loc, errors)
        return optional
    if kind == "list":
        return _list(_compile(arg), rules)
    if kind == "mapping":
        return _mapping(_compile(arg))
    if kind == "literal":
        return _literal(arg)
    if kind == "text":
        return _text(rules or Rules())
    if kind == "number":
        return _number
    if kind == "date":
        return _date
    return lambda value, loc, errors: validator(arg)(value, loc, errors)


def merge_rules(found: list[Rules | None]) -> Rules | None:
    """Return one Rules with every constraint set in ``found`` (later ones win), or None."""
    found = [r for r in found if r is not None]
    if not found:
        return None
    out = Rules()
    for rules in found:
        for slot in Rules.__slots__:
            value = getattr(rules, slot)
            if value not in (None, False):
                setattr(out, slot, value)
    return out


_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
_FOLDED_CJK = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
"""Spaces between two Chinese or Japanese characters: what YAML's folded style (``>-``)
leaves where a paragraph's lines were joined. They are dropped, as CSS drops a line break
between two such characters; Korean keeps its spaces (Hangul is not in the class)."""


def _text(rules: Rules) -> Validator:
    pattern = re.compile(rules.pattern) if rules.pattern else None
    numbers = rules.numbers
    shortest = rules.min_length or 0

    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            errors.append(_error("string_type", loc, value, "input should be a valid string"))
            return _BAD
        value = value.strip()
        if " " in value:
            value = _FOLDED_CJK.sub("", value)
        if len(value) < shortest:
            errors.append(_error("string_too_short", loc, value, "string too short",
                                 min_length=shortest))
            return _BAD
        if pattern is not None and not pattern.search(value):
            errors.append(_error("string_pattern_mismatch", loc, value,
                                 f"string should match pattern {rules.pattern!r}",
                                 pattern=rules.pattern))
            return _BAD
        return value

    return check


def _number(value: Any, loc: tuple, errors: Errors) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        errors.append(_error("float_type", loc, value, "input should be a valid number"))
        return _BAD
    try:
        return float(value)
    except OverflowError:  # an int beyond any float: limits.py reports it as too large
        return float("inf")
    except ValueError:
        errors.append(_error("float_parsing", loc, value, "input should be a valid number"))
        return _BAD


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: Any, loc: tuple, errors: Errors) -> Any:
    if isinstance(value, _dt.datetime):
        errors.append(_error("date_type", loc, value, "input should be a date"))
        return _BAD
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    errors.append(_error("date_parsing", loc, value, "input should be a date as YYYY-MM-DD"))
    return _BAD


def _literal(allowed: tuple) -> Validator:
    expected = _or_list([repr(a) for a in allowed])

    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        errors.append(_error("literal_error", loc, value, f"input should be {expected}",
                             expected=expected))
        return _BAD

    return check


def _list(item: Validator, rules: Rules | None) -> Validator:
    shortest = rules.min_length if rules and rules.min_length is not None else None
    longest = rules.max_length if rules and rules.max_length is not None else None

    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if not isinstance(value, list):
            errors.append(_error("list_type", loc, value, "input should be a valid list"))
            return _BAD
        n = len(value)
        if shortest is not None and n < shortest:
            errors.append(_error("too_short", loc, value, f"list should have at least "
                                 f"{shortest} item(s)", min_length=shortest, actual_length=n))
            return _BAD
        if longest is not None and n > longest:
            errors.append(_error("too_long", loc, value, f"list should have at most "
                                 f"{longest} item(s)", max_length=longest, actual_length=n))
            return _BAD
        start = len(errors)
        out = [item(v, (*loc, i), errors) for i, v in enumerate(value)]
        return _BAD if len(errors) > start else out

    return check


def _mapping(item: Validator) -> Validator:
    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if not isinstance(value, dict):
            errors.append(_error("dict_type", loc, value, "input should be a valid mapping"))
            return _BAD
        start = len(errors)
        out = {}
        for key, v in value.items():
            if not isinstance(key, str):
                errors.append(_error("string_type", (*loc, key), key,
                                     "keys should be text"))
                continue
            out[key] = item(v, (*loc, key), errors)
        return _BAD if len(errors) > start else out

    return check


def _tagged(options: tuple, key: str) -> Validator:
    by_tag: dict[str, type[Node]] = {}
    for option in options:
        tag = typing.get_args(field_types(option)[key])[0]
        by_tag[tag] = option
    expected = ", ".join(repr(t) for t in by_tag)

    def check(value: Any, loc: tuple, errors: Errors) -> Any:
        if not isinstance(value, dict):
            errors.append(_error("model_attributes_type", loc, value,
                                 "input should be a mapping"))
            return _BAD
        if key not in value:
            errors.append(_error("union_tag_not_found", loc, value,
                                 f"unable to find the tag {key!r}", discriminator=repr(key)))
            return _BAD
        tag = value[key]
        option = by_tag.get(tag) if isinstance(tag, str) else None
        if option is None:
            errors.append(_error("union_tag_invalid", loc, value,
                                 f"tag {tag!r} does not match any of {expected}",
                                 tag=str(tag), discriminator=repr(key),
                                 expected_tags=expected))
            return _BAD
        return validator(option)(value, loc, errors)

    return check


def _error(kind: str, loc: tuple, value: Any, msg: str, **ctx: Any) -> dict[str, Any]:
    return {"type": kind, "loc": loc, "input": value, "msg": msg, "ctx": ctx}


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def _dotted(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(top)"
