"""The JSON Schema of node classes (draft 2020-12 shapes), from the same declarations."""

from __future__ import annotations

import typing
from typing import Any

from .node import Node, Rules, field_types, form


def json_schema(root: type[Node]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12 shapes) of node class ``root``."""
    defs: dict[str, dict] = {}
    top = _node_schema(root, defs)
    return _sorted({"$defs": defs, **top})


def _sorted(value: Any, key: str = "") -> Any:
    """Return ``value`` with every mapping's keys in order, but fields in declared order."""
    if isinstance(value, dict):
        items = value.items() if key == "properties" else sorted(value.items())
        return {k: _sorted(v, k) for k, v in items}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def _node_schema(cls: type[Node], defs: dict[str, dict]) -> dict[str, Any]:
    hints = field_types(cls)
    properties: dict[str, Any] = {}
    required = []
    for name, spec in cls.fields.items():
        prop = _type_schema(hints[name], spec.rules, defs)
        if spec.required:
            required.append(name)
        elif spec.factory is None and not isinstance(spec.default, Node):
            prop["default"] = spec.default
        if spec.description:
            prop["description"] = spec.description
        if not _refers(prop):
            prop["title"] = name.replace("_", " ").title()
        properties[name] = dict(sorted(prop.items()))
    out: dict[str, Any] = {"additionalProperties": False}
    if cls.__doc__:
        out["description"] = _doc(cls)
    out["properties"] = properties
    if required:
        out["required"] = required
    out["title"] = cls.schema_title or cls.__name__
    out["type"] = "object"
    return out


def _refers(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` is a node (or an optional node), which takes no title of its own."""
    return "$ref" in schema or any("$ref" in s for s in schema.get("anyOf", ()))


def _doc(cls: type) -> str:
    return " ".join(cls.__doc__.split()) if cls.__doc__ else ""


def _ref(cls: type[Node], defs: dict[str, dict]) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder against recursion
        defs[cls.__name__] = _node_schema(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _type_schema(tp: Any, rules: Rules | None, defs: dict[str, dict]) -> dict[str, Any]:
    kind, arg, rules = form(tp, rules)
    if rules is not None and rules.schema is not None:
        return dict(rules.schema)
    if kind == "tagged":
        options, tag = arg
        refs = [_ref(o, defs) for o in options]
        mapping = {typing.get_args(field_types(o)[tag])[0]: r["$ref"]
                   for o, r in zip(options, refs, strict=True)}
        return {"discriminator": {"mapping": dict(sorted(mapping.items())),
                                  "propertyName": tag}, "oneOf": refs}
    if kind == "optional":
        return {"anyOf": [_type_schema(arg, rules, defs), {"type": "null"}]}
    if kind == "list":
        out: dict[str, Any] = {"items": _type_schema(arg, None, defs), "type": "array"}
        if rules and rules.min_length is not None:
            out["minItems"] = rules.min_length
        if rules and rules.max_length is not None:
            out["maxItems"] = rules.max_length
        return out
    if kind == "mapping":
        return {"additionalProperties": _type_schema(arg, None, defs), "type": "object"}
    if kind == "literal":
        values = list(arg)
        if len(values) == 1:
            return {"const": values[0], "type": "string"}
        return {"enum": values, "type": "string"}
    if kind == "text":
        out = {"type": "string"}
        if rules and rules.pattern:
            out["pattern"] = rules.pattern
        if rules and rules.min_length is not None:
            out["minLength"] = rules.min_length
        return dict(sorted(out.items()))
    if kind == "number":
        return {"type": "number"}
    if kind == "date":
        return {"format": "date", "type": "string"}
    return _ref(arg, defs)
