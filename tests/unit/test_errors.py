"""The error tree survives a trip through pickle, as a build's worker sends it back."""

from __future__ import annotations

import pickle

import pytest

from generator import workers
from generator.errors import BuildError, EnvironmentProblem, OutlineError, Problem

PROBLEMS = [Problem("o.yaml", 3, 5, "unknown source 'x'", "sections[0].prose[0]"),
            Problem("o.yaml", 1, 1, "low contrast", "brand.palette", "warning")]


@pytest.mark.parametrize("error", [OutlineError(PROBLEMS), BuildError(PROBLEMS),
                                   BuildError("the deck builder's process stopped"),
                                   EnvironmentProblem("out: cannot write")],
                         ids=lambda e: type(e).__name__)
def test_errors_survive_pickling(error: Exception) -> None:
    again = pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert getattr(again, "problems", None) == getattr(error, "problems", None)
    assert again.exit_code == error.exit_code  # type: ignore[attr-defined]


def _fail() -> None:
    raise OutlineError(PROBLEMS)


@pytest.mark.skipif(not workers.can_fork(), reason="needs fork and two cores")
def test_a_workers_outline_error_arrives_whole() -> None:
    with workers.Worker("test", lambda: None) as worker:
        worker.submit(_fail)
        with pytest.raises(OutlineError) as caught:
            worker.result()
    assert caught.value.problems == OutlineError(PROBLEMS).problems
