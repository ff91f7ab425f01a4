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
    squeezed = _squeeze(sentence).strip("“”\"'>").rstrip("。；;，,")  # the copy may end where the clause goes on
    return len(squeezed) >= _QUOTE_MIN and squeezed in _guideline_corpus()


# ---- a guideline's figure restated inside the scheme's own sentence ---------------------------------------

_GRAM = 6  # characters a shared phrase must run to
_COVERED = 0.6  # share of a clause the guideline's own phrases make up
_CLAUSE = re.compile(r"[^，,；;。：:！？!?]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# the figures blanked: amounts with a unit (a share, a range of counts, a floor written 以上), never a date or a
# document number (〔2023〕13号)
_FIGURE_WORDS = re.compile(r"\d+(?:\.\d+)?\s*(?:[-－~～至到]\s*\d+)?\s*(?:%|个|人|项|倍)(?:以上|以下|以内)?")
_FIGURES = re.compile(r"\d+(?:\.\d+)?(?:%|个|人|年|元|项|倍)?")  # a figure with its unit, as the guideline would write it


@lru_cache(maxsize=1)
def _grams() -> frozenset[str]:
    corpus = _guideline_corpus()
    return frozenset(corpus[i:i + _GRAM] for i in range(len(corpus) - _GRAM + 1))


def restated(plain_text: str) -> list[tuple[int, int]]:
    """Spans of the figures of clauses that restate a guideline's limit with its own figure ("根据指引关于首席类职位一般
    不得超过科技人才总数…的要求，公司设首席工程师15名": the share is the guideline's, the 15 the company's).
    A clause is a restatement when the guideline's phrases make up most of it and every figure in it
    is one the guideline writes beside those phrases; the scheme's own figures stay."""
    if not _DIGITS.search(plain_text):
        return []
    grams, corpus = _grams(), _guideline_corpus()
    found: list[tuple[re.Match[str], bool]] = []  # each restating clause, and whether it shares words besides figures
    for m in _CLAUSE.finditer(plain_text):
        clause = m.group(0)
        squeezed = re.sub(r"\s+", "", clause)
        numbers = _FIGURES.findall(squeezed)
        if len(squeezed) < 8 or not numbers:
            continue
        covered = [False] * len(squeezed)
        shared: list[tuple[int, str]] = []  # (where in the clause, phrase)
        for i in range(len(squeezed) - _GRAM + 1):
            gram = squeezed[i:i + _GRAM]
            if gram in grams:
                covered[i:i + _GRAM] = [True] * _GRAM
                shared.append((i, gram))
        if shared and sum(covered) >= _COVERED * len(squeezed) and _beside(corpus, shared, numbers, len(squeezed)):
            found.append((m, any(not re.search(r"\d", gram) for _, gram in shared)))
    out = []
    for k, (m, worded) in enumerate(found):
        # a clause sharing nothing but its figure and limit with a guideline (优秀 capped at the KPI weight's own
        # ceiling) is the scheme's own, unless it goes on from a worded restatement (the KPI count's range, then its
        # outer limit)
        joined = k > 0 and found[k - 1][1] and plain_text[found[k - 1][0].end():m.start()].strip() in ("，", ",", "；", ";", "")
        if worded or joined:
            # only the figures go: the clause's words still say what the scheme's own figure after it is about
            out += [(m.start() + f.start(), m.start() + f.end()) for f in _FIGURE_WORDS.finditer(m.group(0))]
    return out


def _beside(corpus: str, shared: list[tuple[int, str]], numbers: list[str], width: int) -> bool:
    """Whether the guideline writes every one of `numbers` (with its unit: a share, a count of 个) in the passage the
    clause copies: the passage is found from the clause's rarest shared phrases, aligned by where each
    sits in the clause (a phrase such as 职工平均工资 occurs in many articles: a few places are tried)."""
    unique = list(dict.fromkeys(gram for _, gram in shared))
    offset = {gram: i for i, gram in reversed(shared)}
    for gram in sorted(unique, key=corpus.count)[:6]:  # the rarest phrases point at the passage
        at, tried = corpus.find(gram), 0
        while at >= 0 and tried < 8:
            start = at - offset[gram]
            passage = corpus[max(0, start - 10):start + width + 10]
            if sum(g in passage for g in unique) * 2 >= len(unique) and all(n in passage for n in numbers):
                return True
            at, tried = corpus.find(gram, at + 1), tried + 1
    return False
