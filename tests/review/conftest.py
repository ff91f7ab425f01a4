"""Fixtures of the review tests."""

from __future__ import annotations

import pytest
from review_samples import scheme_text


@pytest.fixture
def good_text() -> str:
    return scheme_text()
