"""The one error the review raises for anything a user can fix (bad file, too big, too slow)."""

from __future__ import annotations


class ReviewError(ValueError):
    """A review could not be done; the message is Chinese and fit to show as it is."""
