"""The runtime policy: the collector and reportlab's settings are put back; a traced process
leaves through the interpreter so coverage data and atexit handlers survive."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from reportlab import rl_config

from generator import runtime

ROOT = Path(__file__).parents[2]


def test_quick_pauses_the_collector_and_reportlab_checks_then_restores_them() -> None:
    saved = rl_config.shapeChecking, rl_config.useA85
    assert gc.isenabled()
    with runtime.quick():
        assert not gc.isenabled()
        assert (rl_config.shapeChecking, rl_config.useA85) == (0, 0)
        with runtime.collecting():
            assert gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert (rl_config.shapeChecking, rl_config.useA85) == saved


def test_leave_runs_atexit_handlers_only_when_traced(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import atexit, sys
        from generator import runtime
        if sys.argv[1] == "traced":
            sys.settrace(lambda *a: None)
        atexit.register(lambda: print("atexit ran", flush=True))
        runtime.leave(4)
    """)
    for mode, shown in (("traced", True), ("plain", False)):
        proc = subprocess.run([sys.executable, "-c", script, mode], capture_output=True,
                              text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        assert proc.returncode == 4
        assert ("atexit ran" in proc.stdout) is shown, (mode, proc.stdout, proc.stderr)
