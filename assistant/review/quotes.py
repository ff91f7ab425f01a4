"""Guideline text copied into a scheme (a basis annex, a quoted clause) states no fact about the
company: such sentences are set aside before any fact is read."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.reader import normalise

_QUOTE_MIN = 15  # shorter sentences ("绩效工资。") are too common to call a quotation


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text, typos=False)[0])


@lru_cache(maxsize=1)
def _guideline_corpus() -> str:
    """All guideline text, normalised and without blanks."""
    import knowledge

    return _squeeze("\n".join(u.text for u in knowledge.load_units()))


def is_guideline_quote(sentence: str) -> bool:
    squeezed = _squeeze(sentence).strip("“”\"'>")
    return len(squeezed) >= _QUOTE_MIN and squeezed in _guideline_corpus()
