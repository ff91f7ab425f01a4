"""Errors whose messages (Chinese) are fit to show a user as they are."""

from __future__ import annotations


class ProfileError(ValueError):
    """The company profile cannot become a scheme: unreadable file or impossible values.

    A ValueError so that callers validating with pydantic catch both with one clause.
    """
