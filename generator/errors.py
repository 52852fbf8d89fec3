"""The one error tree: located problems in an outline, and failures of a build."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

MAX_MESSAGE = 600
"""Longest message printed for one problem; a longer one keeps its start and its end."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) at a place in a file.

    ``line`` and ``column`` are 1-based; 0 means the whole file.
    """

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file if self.line == 0 else f"{self.file}:{self.line}:{self.column}"
        what = f"{self.path}: {self.message}" if self.path else self.message
        if len(what) > MAX_MESSAGE:  # never echo a huge value back: keep both ends
            what = what[:MAX_MESSAGE - 163] + " [...] " + what[-156:]
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{what}"


class DeckgenError(Exception):
    """Base of every error deckgen reports to a user; ``exit_code`` is what the CLI returns."""

    exit_code = 1


class OutlineError(DeckgenError):
    """The outline is invalid: holds every problem found, in file order."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple:
        """Pickle as the problems (a build's worker sends its errors back pickled)."""
        return (type(self), (self.problems,))


class BuildError(DeckgenError):
    """A build could not finish: the outline is fine but its content cannot be laid out."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem("", 0, 0, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) if p.file else p.message for p in problems))

    def __reduce__(self) -> tuple:
        """Pickle as the problems (a build's worker sends its errors back pickled)."""
        return (type(self), (self.problems,))


class EnvironmentProblem(DeckgenError):
    """Something outside the outline is missing or unusable: a folder, a font, a program."""

    exit_code = 3


def count(n: int, singular: str, plural: str | None = None) -> str:
    """Return '1 section', '2 sections': ``n`` with the noun in the form that agrees."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def quoted(text: object) -> str:
    """Return ``text`` in quotes for a message: 'abc', or "it's" when it holds an apostrophe."""
    text = str(text)
    return f'"{text}"' if "'" in text and '"' not in text else f"'{text}'"


def located(document, found: Iterable[tuple[tuple, str]],
            format_path: Callable[[tuple], str]) -> list[Problem]:
    """Return an error for each (model path, message) of ``found``, at the line and column
    of that path in the parsed ``document`` (a ``source.Document``)."""
    out = []
    for path, message in found:
        line, col = document.locate(path)
        out.append(Problem(document.file, line, col, message, format_path(path)))
    return out
