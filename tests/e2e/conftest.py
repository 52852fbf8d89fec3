"""Every deck an end-to-end test builds passes the structural audit (tests/pptx_audit.py)
after its test, and the package validator openxml-audit by the end of the session."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pptx_audit
import pytest


def _decks(root, written: set) -> dict:
    """Return the built decks under ``root`` by their modification times: every deck*.pptx
    and every file the deck writer wrote in this process, whatever its name. A deck*.pptx
    that is not a zip is a stand-in some tests write (to see a failed build leave it
    alone)."""
    found = [p for p in root.rglob("*.pptx") if p.name.startswith("deck")]
    found += [p for p in written if p.suffix == ".pptx"]
    return {p: p.stat().st_mtime_ns for p in found if p.is_file() and zipfile.is_zipfile(p)}


@pytest.fixture(scope="session")
def written():
    """The paths the deck writer wrote to in this process (a build in a worker process is
    found by its deck*.pptx name)."""
    from generator.deck.pptx import writer

    paths: set[Path] = set()
    original = writer.write

    def recording(plan, outline, path, options):
        paths.add(Path(path).resolve())
        return original(plan, outline, path, options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "write", recording)
        yield paths


_VALIDATED: list[pptx_audit.BackgroundValidator] = []


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how many decks openxml-audit validated and what it cost the session."""
    for v in _VALIDATED:
        terminalreporter.write_line(
            f"openxml-audit: {v.count} distinct decks validated in a worker process "
            f"({v.busy:.1f} s of its time; the session waited {v.waited:.1f} s at its end)")


@pytest.fixture(scope="session")
def package_validator():
    """openxml-audit over every distinct deck the session's tests build, in a worker process
    beside them; at the end of the session, no deck has a finding a plain python-pptx deck
    does not also have (reported as an error of the session's last test)."""
    validator = pptx_audit.BackgroundValidator()
    yield validator
    found = validator.findings()
    if validator.available:
        _VALIDATED.append(validator)
    assert found == [], (f"built decks fail openxml-audit ({validator.count} decks "
                         "validated):\n" + "\n".join(found))


@pytest.fixture(scope="session")
def audited() -> dict:
    """The decks audited so far: path -> the modification time it had then."""
    return {}


@pytest.fixture(autouse=True)
def audit_built_decks(request, tmp_path_factory, package_validator, audited, written):
    """After each test, audit every deck*.pptx written or rewritten under the test temp dir
    since the last audit (by the test or by a fixture it uses, whatever its scope), and hand
    it to the package validator."""
    root = tmp_path_factory.getbasetemp()
    yield
    found = []
    for path, mtime in _decks(root, written).items():
        if audited.get(path) == mtime:
            continue
        audited[path] = mtime
        data = path.read_bytes()
        found += [f"{path.name}: {p}" for p in pptx_audit.problems(data)]
        package_validator.submit(data, f"{request.node.nodeid} ({path.name})")
    assert found == [], "built decks fail the package audit:\n" + "\n".join(found)
