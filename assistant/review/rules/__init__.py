"""All review rules, registered on import of their modules."""

from __future__ import annotations

from . import governance, performance, structure  # noqa: F401  (registration)
from .base import RULES, Hit, Rule

__all__ = ["RULES", "Hit", "Rule"]
