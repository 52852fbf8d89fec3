"""Cross-checks on the raw data: source ids and citations, section ids, playbook structure.

Working on the raw data (not the model) lets these be reported together with every other
problem, each at the key it is about, even when validation fails.
"""

from __future__ import annotations

from typing import Any

from .. import locale as _locale
from .. import source
from ..errors import Problem
from ..model import Section
from ..text.markup import citations as _citations
from .messages import did_you_mean, problem_at, yaml_hint


def citations(document: source.Document) -> list[Problem]:
    """Return a problem for every duplicate source id and every cite of an unknown source."""
    problems: list[Problem] = []
    data = document.data

    def add(path: tuple, message: str) -> None:
        problems.append(problem_at(document, path, message))

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
            add(path, f"unknown source '{sid}'; {did_you_mean(sid, known, 'source')}")

    for path, value in _texts(document.data):
        last = path[-1] if path else None
        if last == "source" or (len(path) >= 2 and path[-2] == "sources" and isinstance(last, int)
                                and path[0] != "sources"):
            cite(path, value)
        if "[@" in value:
            for sid in _citations(value):
                cite(path, sid)
    return problems


def structure(document: source.Document) -> list[Problem]:
    """Return a problem for every duplicate section id, playbook placed after no section,
    and peer whose contrasts do not match its playbook's dimensions."""
    problems: list[Problem] = []

    def add(path: tuple, message: str, key: bool = False) -> None:
        problem = problem_at(document, path, message, key=key)
        hint = yaml_hint(document.line(problem.line), problem.column, message)  # '{a, b}'
        problems.append(problem_at(document, path, f"{message}; {hint}", key=key)
                        if hint else problem)

    data = document.data if isinstance(document.data, dict) else {}
    section_ids: dict[str, int] = {}
    for i, section in enumerate(_items(data.get("sections"))):
        given, title = section.get("id"), section.get("title")
        if not isinstance(given or title, str):
            continue  # neither an id nor a title to make one from: validation reports it
        sid = Section.id_from(given or None, title if isinstance(title, str) else "", i)
        if sid in section_ids:
            add(("sections", i, "id"), f"section id '{sid}' is used twice (first "
                f"sections[{section_ids[sid]}]); expected unique ids (give each an 'id')")
        section_ids.setdefault(sid, i)
    for i, playbook in enumerate(_items(data.get("playbooks"))):
        after = playbook.get("after")
        if isinstance(after, str) and after not in section_ids:
            hint = did_you_mean(after, list(section_ids), "section")
            add(("playbooks", i, "after"), f"no section with id '{after}'; {hint}")
        dims: list[str] = [d["id"] for d in _items(playbook.get("dimensions"))
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
                        add(where, f"no dimension '{key}'; {did_you_mean(key, dims, 'key')}",
                            key=True)
            contrasts = peer.get("contrasts")
            if isinstance(contrasts, dict):
                missing = [d for d in dims if d not in contrasts]
                if missing:
                    add(("playbooks", i, "peers", j, "contrasts"),
                        f"no contrast for {', '.join(missing)}; expected one line for each "
                        f"dimension: {', '.join(dims)}", key=True)
    return problems


def labels(document: source.Document) -> list[Problem]:
    """Return a problem for every ``labels:`` key that names no generated word."""
    data = document.data if isinstance(document.data, dict) else {}
    given = data.get("labels")
    if not isinstance(given, dict):
        return []
    names = list(_locale.label_names())
    return [problem_at(document, ("labels", key), f"no generated word '{key}'; "
                       f"{did_you_mean(str(key), names, 'label')}", key=True)
            for key in given if key not in names]


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
