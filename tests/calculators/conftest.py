"""Fixtures of the calculator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from calc_helpers import SOURCES


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    return SOURCES
