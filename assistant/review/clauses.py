"""Guideline sentences quoted in findings, cut from the knowledge base's own unit text.

A quote is never typed by hand: it is the sentence of `knowledge.get_unit(id).text` that holds
the rule's keywords, so it is an exact substring of the cited unit by construction.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at a full stop or a line break (list items); long ones are cut at semicolons.
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_CLAUSE = re.compile(r"[^；;]+[；;]?")
_LONG = 160


@lru_cache(maxsize=1024)
def unit_text(unit_id: str) -> str:
    """Clean text of a unit; an id the knowledge base lacks is a programming error."""
    import knowledge

    unit = knowledge.get_unit(unit_id)
    if unit is None:
        raise KeyError(f"知识库中没有条款 {unit_id}")
    return unit.text


def sentences(text: str) -> list[str]:
    """Sentences of a unit, each still an exact substring of it; a long one also yields its clauses."""
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip()
        if sentence:
            out.append(sentence)
        if len(sentence) > _LONG:
            out += [c.group(0).strip() for c in _CLAUSE.finditer(sentence) if c.group(0).strip()]
    return out


@lru_cache(maxsize=1024)
def quote(unit_id: str, *keywords: str) -> str:
    """The shortest sentence of the unit holding every keyword (fewer keywords tried if none does;
    the unit's first sentence as a last resort, so a quote is never empty for a known unit)."""
    found = sentences(unit_text(unit_id))
    for n in range(len(keywords), 0, -1):
        holding = [s for s in found if all(_fuzzy_in(k, s) for k in keywords[:n])]
        if holding:
            return min(holding, key=len)
    return found[0] if found else ""


def _fuzzy_in(keyword: str, sentence: str) -> bool:
    # Cleaned texts may differ in spacing ("85%以上" vs "85% 以上"): compare without blanks.
    return keyword.replace(" ", "") in sentence.replace(" ", "")
