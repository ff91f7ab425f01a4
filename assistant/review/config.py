"""Limits of the review, read from the environment each call so tests and servers can set them."""

from __future__ import annotations

import os
from dataclasses import dataclass

_MB = 1024 * 1024


@dataclass(frozen=True)
class ReviewLimits:
    max_bytes: int  # size of the uploaded file
    max_unzipped_bytes: int  # sum of uncompressed sizes inside a .docx (zip-bomb guard)
    max_ratio: int  # compression ratio of one zip member above which it is treated as a bomb
    timeout_s: float  # wall-clock budget of one review


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        return default
    return value if value > 0 else default


def review_limits() -> ReviewLimits:
    """Upload size (PAYGUIDE_MAX_UPLOAD_MB, default 20) and time (PAYGUIDE_REVIEW_TIMEOUT_S, default 30)."""
    max_mb = _number("PAYGUIDE_MAX_UPLOAD_MB", 20)
    return ReviewLimits(
        max_bytes=int(max_mb * _MB),
        # A real scheme's XML is a few MB; ten times the upload limit leaves room for embedded media.
        max_unzipped_bytes=int(max(max_mb * 10, 50) * _MB),
        max_ratio=200,
        timeout_s=_number("PAYGUIDE_REVIEW_TIMEOUT_S", 30),
    )
