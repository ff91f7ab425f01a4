"""Limits of the review, read from the environment each call so tests and servers can set them."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import SettingError, _positive
from .errors import ReviewError

_MB = 1024 * 1024


@dataclass(frozen=True)
class ReviewLimits:
    max_bytes: int  # size of the uploaded file
    max_unzipped_bytes: int  # sum of uncompressed sizes inside a .docx (zip-bomb guard)
    max_ratio: int  # compression ratio of one zip member above which it is treated as a bomb
    timeout_s: float  # wall-clock budget of one review


def _number(name: str, default: float) -> float:
    """A positive setting; a value that cannot be used is refused, not replaced by the default."""
    try:
        return _positive(name, default, float)
    except SettingError as exc:
        raise ReviewError(str(exc)) from None


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
