"""The refusal gate: is this a question the guidelines answer at all?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import mentions_domain

if TYPE_CHECKING:
    from .index import Index

COVERAGE_GATE = 0.5
STRONG_COVERAGE = 0.8


def admits(query: str, own: list[str], coverage: dict[str, tuple[float, list[str]]], index: Index) -> bool:
    best_share = max(share for share, _ in coverage.values())
    return not (best_share < COVERAGE_GATE or (best_share < STRONG_COVERAGE and not mentions_domain(query)))
