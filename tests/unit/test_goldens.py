"""Golden files can fail: a missing one is an error unless the run asks to write it."""

from __future__ import annotations

import pytest

from helpers import golden_json


def test_a_missing_golden_fails(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="--update-goldens"):
        golden_json(tmp_path / "missing.json", {"a": 1}, update=False)
    assert not (tmp_path / "missing.json").exists()


def test_update_writes_the_golden_that_is_then_compared(tmp_path):
    assert golden_json(tmp_path / "new.json", {"a": [1, "é"]}, update=True) == {"a": [1, "é"]}
    assert golden_json(tmp_path / "new.json", {"a": 2}, update=False) == {"a": [1, "é"]}
