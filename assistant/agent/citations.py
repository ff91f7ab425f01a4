"""Citation verification: every [n] must point at a unit whose text contains the quote verbatim.

The same check runs on the offline and the LLM answers. A quote that is not an exact
substring is repaired to the unit sentence it overlaps most, or dropped with its marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from .models import Citation
from .text import best_sentence, char_bigrams

_MARKER = re.compile(r"\[(\d+)\]")
# A repaired quote must share at least this share of its character pairs with the sentence chosen.
MIN_REPAIR_OVERLAP = 0.5


class _UnitLike(Protocol):
    id: str
    text: str


def repair_quote(quote: str, unit_text: str) -> str | None:
    """The quote itself if it is verbatim; else the unit sentence closest to it; else None."""
    quote = quote.strip().strip("「」“”\"")
    if quote and quote in unit_text:
        return quote
    wanted = char_bigrams(quote)
    if not wanted:
        return None
    sentence, overlap = best_sentence(unit_text, wanted)
    if sentence and overlap / len(wanted) >= MIN_REPAIR_OVERLAP:
        return sentence
    return None


def verify(
    answer: str,
    citations: list[Citation],
    lookup: Callable[[str], _UnitLike | None],
) -> tuple[str, list[Citation]]:
    """Keep the citations that hold, repair those that can be, drop the rest; renumber 1..n.

    Returns the answer with its [n] markers rewritten to the new numbers (markers whose
    citation was dropped are removed) and the verified citation list.
    """
    renumber: dict[int, int] = {}
    kept: list[Citation] = []
    for citation in citations:
        unit = lookup(citation.id)
        quote = repair_quote(citation.quote, unit.text) if unit is not None else None
        if quote is None or citation.n in renumber:
            continue
        renumber[citation.n] = len(kept) + 1
        kept.append(citation.model_copy(update={"n": len(kept) + 1, "quote": quote}))

    def _rewrite(match: re.Match[str]) -> str:
        new = renumber.get(int(match.group(1)))
        return f"[{new}]" if new else ""

    return _MARKER.sub(_rewrite, answer), kept


def markers(answer: str) -> set[int]:
    return {int(n) for n in _MARKER.findall(answer)}
