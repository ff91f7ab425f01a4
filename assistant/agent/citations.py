"""Citation verification: every [n] must point at a unit whose text contains the quote verbatim.

The same check runs on the offline and the LLM answers. A quote that is not an exact
substring is repaired to the unit sentence it overlaps most, or dropped with its marker.
A model's answer passes a stricter check first (`invented_quotes`, `uncited_verdicts`).
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
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


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


def shift_markers(answer: str, offset: int) -> str:
    """[1] → [1 + offset]: an answer placed after another whose citations come first."""
    return _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", answer)


def markers(answer: str) -> set[int]:
    return {int(n) for n in _MARKER.findall(answer)}


# ---- the stricter check of an LLM's answer ------------------------------------------------------
# The offline agent writes its quotes from the units themselves; a model may invent them. So a
# model's answer is shown only when every quotation it marks as a citation is verbatim in that
# unit, every longer quotation is found in the sources, and every verdict on compliance carries
# its basis. Otherwise the caller answers offline and says why (`LLMFailure`).

# “quoted text”[n], and any “quotation” at all.
QUOTED_MARKER = re.compile(r"[“\"「]([^”\"」]{2,400})[”\"」]\s*\[(\d+)\]")
_QUOTATION = re.compile(r"[“「]([^”」]{2,400})[”」]")
# A quotation this long is a sentence someone said, not a term such as “两个低于”.
MIN_CHECKED_QUOTE = 8
# A sentence that pronounces on compliance, either way.
_VERDICT = re.compile(
    r"合规|违规|合法|违法|违反|符合(?:规定|要求|指引|政策|法律|法规|条件|标准)|不符合|满足(?:要求|规定)"
)
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def invented_quotes(answer: str, unit_texts: dict[int, str], other_sources: list[str]) -> list[str]:
    """Quotations in a model's answer that are not verbatim where they claim to come from.

    `unit_texts` maps the context numbers [n] to their unit text; a quotation followed by [n]
    must be in unit n; any other quotation of MIN_CHECKED_QUOTE characters or more must be in
    one of the units or in `other_sources` (the question, tool results). Whitespace is ignored.
    """
    found: list[str] = []
    marked_spans: list[tuple[int, int]] = []
    for match in QUOTED_MARKER.finditer(answer):
        quote, n = match.group(1).strip(), int(match.group(2))
        marked_spans.append(match.span(1))
        if _squeeze(quote) not in _squeeze(unit_texts.get(n, "")):
            found.append(quote)
    everything = _squeeze("\n".join([*unit_texts.values(), *other_sources]))
    for match in _QUOTATION.finditer(answer):
        if any(start <= match.start(1) < end for start, end in marked_spans):
            continue
        quote = match.group(1).strip()
        if len(_squeeze(quote)) >= MIN_CHECKED_QUOTE and _squeeze(quote) not in everything:
            found.append(quote)
    return found


def uncited_verdicts(answer: str, checked_by_tool: bool) -> list[str]:
    """Sentences that call something compliant or not without a [n] basis in the same sentence.

    A verdict is supported by a citation marker in its own sentence, or by a check that a
    calculator ran in this turn (`checked_by_tool`: a tool result with a `compliant` field).
    """
    if checked_by_tool:
        return []
    return [s.strip() for s in _SENTENCE.findall(answer) if _VERDICT.search(s) and not _MARKER.search(s)]
