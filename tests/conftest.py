"""Suite-wide setup: every test session gets its own PayGuide data home, so the index is
built from scratch and a developer's own data directory is never touched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="payguide-test-home-"))
os.environ.setdefault("PAYGUIDE_HOME", str(_HOME))
# The LLM path is opt-in; make sure a developer's shell settings cannot switch it on in tests.
for _var in ("PAYGUIDE_LLM_BASE_URL", "PAYGUIDE_LLM_MODEL", "PAYGUIDE_LLM_API_KEY", "PAYGUIDE_CHROMA_URL"):
    os.environ.pop(_var, None)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the repository (sources and the dev question set)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


# The only test that may skip: the check of the committed cleaned copies against the raw texts,
# which live outside the repository (../shared/sources). Any other skip fails the run, so a test
# can never pass silently by not running.
ALLOWED_SKIPS = ("tests/knowledge/test_units.py::test_committed_cleaned_copies_match_the_cleaners",)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = [r.nodeid for r in reporter.stats.get("skipped", []) if not r.nodeid.startswith(ALLOWED_SKIPS)]
    if skipped:
        reporter.write_line(f"{len(skipped)} test(s) skipped without being allowed to: {skipped[:5]}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
