"""The forked builder process: results and errors come back, and it never outlives a build."""

from __future__ import annotations

import os
import time

import pytest

from generator import workers
from generator.errors import BuildError

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="needs fork and two cores")


def _square(n: int) -> int:
    return n * n


def _fail(message: str) -> None:
    raise BuildError(message)


def _die() -> None:
    os._exit(7)


def _sleep() -> None:
    time.sleep(60)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_job_runs_in_the_worker_and_its_result_comes_back():
    worker = workers.Worker("test", lambda: None)
    worker.submit(_square, 12)
    assert worker.result() == 144


def test_a_large_job_is_sent_while_the_worker_is_still_warming_up():
    worker = workers.Worker("test", lambda: time.sleep(0.2))
    worker.submit(len, "x" * (8 << 20))  # far more than a pipe holds
    assert worker.result() == 8 << 20


def test_an_error_in_the_job_is_raised_in_the_caller():
    worker = workers.Worker("test", lambda: None)
    worker.submit(_fail, "no room for the table")
    with pytest.raises(BuildError, match="no room for the table"):
        worker.result()


def test_a_failed_warm_up_does_not_fail_the_job():
    worker = workers.Worker("test", lambda: 1 / 0)
    worker.submit(_square, 3)
    assert worker.result() == 9


def test_a_worker_that_dies_is_reported_as_a_build_error():
    worker = workers.Worker("brief", lambda: None)
    worker.submit(_die)
    with pytest.raises(BuildError, match="brief builder's process stopped"):
        worker.result()


def test_closing_stops_a_running_worker():
    worker = workers.Worker("test", lambda: None)
    pid = worker.pid
    worker.submit(_sleep)
    worker.close()
    assert not _alive(pid)
    worker.close()  # twice is harmless


def test_jobs_sent_one_after_another_run_in_order_and_the_worker_stops_after_the_last():
    worker = workers.Worker("test", lambda: time.sleep(0.1))
    pid = worker.pid
    for n in (2, 3, 4):
        worker.submit(_square, n)
    worker.submit(len, "x" * (4 << 20))  # queued behind the others, larger than a pipe
    assert [worker.result() for _ in range(4)] == [4, 9, 16, 4 << 20]
    assert worker.pid is None and not _alive(pid)


def test_an_error_in_an_early_job_stops_the_worker_and_the_later_jobs():
    worker = workers.Worker("test", lambda: None)
    pid = worker.pid
    worker.submit(_fail, "the first side cannot be built")
    worker.submit(_sleep)
    with pytest.raises(BuildError, match="first side"):
        worker.result()
    assert worker.pid is None and not _alive(pid)
