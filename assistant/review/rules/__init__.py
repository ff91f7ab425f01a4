"""Every check of the rule table: the functions of the topic modules, registered on import, and the
rules the table itself declares broken by one statement (`breached_by`)."""

from __future__ import annotations

from . import assessment, structure, talent, totals  # noqa: F401  (registration)
from .base import CHECKS, Hit, statement_checks

statement_checks()

RULES = CHECKS  # the review's rule ids, one with those of calculators.applicability

__all__ = ["CHECKS", "RULES", "Hit"]
