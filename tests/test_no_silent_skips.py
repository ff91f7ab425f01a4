"""The suite's skip rule (tests/conftest.py): a skip fails the run, except the one documented
raw-source check. Checked on a scratch copy of the conftest, so the real suite stays as it is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")
ALLOWED = "tests/knowledge/test_units.py"


def _run(root: Path, path: str, body: str) -> subprocess.CompletedProcess:
    (root / "tests" / path).parent.mkdir(parents=True, exist_ok=True)
    (root / "tests" / path).write_text(body, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(root), path],
                          cwd=root / "tests", capture_output=True, text=True, timeout=120, check=False)


def _scratch(tmp_path: Path) -> Path:
    (tmp_path / "tests").mkdir()
    shutil.copy(CONFTEST, tmp_path / "tests" / "conftest.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return tmp_path


def test_a_skip_fails_the_run(tmp_path):
    done = _run(_scratch(tmp_path), "test_other.py", "import pytest\n\ndef test_x():\n    pytest.skip('no data')\n")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "skipped without being allowed to" in done.stdout


def test_the_raw_source_check_may_skip(tmp_path):
    body = "import pytest\n\ndef test_committed_cleaned_copies_match_the_cleaners():\n    pytest.skip('../shared is not beside this checkout')\n"
    done = _run(_scratch(tmp_path), ALLOWED.removeprefix("tests/"), body)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 skipped" in done.stdout
