"""Fixtures of the calculator tests (they read the repository's own cleaned sources)."""
