"""Every check of the rule table, registered on import of their modules."""

from __future__ import annotations

from . import assessment, structure, talent, totals  # noqa: F401  (registration)
from .base import CHECKS, Hit

RULES = CHECKS  # the review's rule ids, one with those of calculators.applicability

__all__ = ["CHECKS", "RULES", "Hit"]
