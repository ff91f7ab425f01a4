"""Homophone typos ("技能津帖" for 技能津贴): a span of the question that the corpus never
writes, but that sounds like a word the corpus does write, is read as that word."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .sounds import NOT_CHINESE, readings, syllables

if TYPE_CHECKING:
    from .index import Index

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
RARITY = 5  # a dictionary word is read as a typo only when its homophone is this much more common
TERM_RATIO = 100  # how much more usual in the guidelines a correction must be than in general Chinese
# A correction must be a word the guidelines use in more than one passage, or a reviewed domain
# term (synonyms.yaml, domain_dict.txt: 职代会, 计件工资): a word met once in a case's story
# (实干, 能干, 英才) is what common neighbours sound like ('是干了几年', '就来干几天活', '怎么养才'),
# not what a typist meant.
MIN_PASSAGES = 2


@lru_cache(maxsize=4096)
def _sounds(char: str, every: bool) -> frozenset[str]:
    """The toneless readings of a character: all of them (长 → chang, zhang) or only the
    common one — what an input method typed for the typo."""
    found = readings(char) if every else {s for s in syllables(char) if s != NOT_CHINESE}
    return frozenset(_fuzzy(r) for r in found)


def _fuzzy(syllable: str) -> str:
    """Initials that south-western speakers (and their input methods) do not tell apart:
    zh/z, ch/c, sh/s, n/l (班组长 typed as 班主长). Not the finals en/eng, in/ing, though
    they merge too: '先分' (到车间) would read as 先锋."""
    for retroflex, flat in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(retroflex):
            syllable = flat + syllable[2:]
    return "n" + syllable[1:] if syllable.startswith("l") else syllable


def by_shape(vocabulary: list[str]) -> dict[tuple[int, int, str], list[str]]:
    """Corpus words by (length, position, character): the words a one-character typo of a
    span could be, found without computing any pinyin."""
    index: dict[tuple[int, int, str], list[str]] = {}
    for word in vocabulary:
        for position, char in enumerate(word):
            index.setdefault((len(word), position, char), []).append(word)
    return index


def _homophone(span: str, candidates: list[str], frequency: dict[str, int], index: Index) -> str | None:
    """The candidate that differs from `span` in one character that sounds the same: one
    whose common reading matches first (职极 → 职级, not 积极 by 积's rare reading zi), then
    the one the guidelines use most, then the most common in general Chinese."""
    matches = []
    for word in candidates:
        diffs = [(a, b) for a, b in zip(span, word) if a != b]
        if len(diffs) == 1 and _sounds(diffs[0][0], every=False) & _sounds(diffs[0][1], every=True):
            strict = bool(_sounds(diffs[0][0], every=False) & _sounds(diffs[0][1], every=False))
            matches.append((strict, index.df.get(word, 0), frequency.get(word, 0), word))
    return max(matches)[3] if matches else None


def _is_term(word: str, index: Index, known: dict[str, int], total: int) -> bool:
    """A word of the guidelines' own vocabulary: far more usual in them than in general
    Chinese (津贴, 分红 — not 事先 or 先锋, which a typo of '是先' or '先分' might sound like)."""
    share_here = index.df.get(word, 0) / max(index.n_passages, 1)
    share_general = (known.get(word, 0) + 1) / total
    return share_here >= TERM_RATIO * share_general and (index.df.get(word, 0) >= MIN_PASSAGES or word in _domain_terms())


@lru_cache(maxsize=1)
def _domain_terms() -> frozenset[str]:
    from .paths import PACKAGE_DIR
    from .text import synonym_groups

    listed = (PACKAGE_DIR / "domain_dict.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(w.lower() for group in synonym_groups() for w in group) | frozenset(
        line.split()[0] for line in listed if line.strip() and not line.startswith("#"))


def _bounds(words: list[str]) -> list[int]:
    bounds = [0]
    for word in words:
        bounds.append(bounds[-1] + len(word))
    return bounds


def _spans(query: str) -> list[str]:
    """Spans of 2–4 characters that start and end on jieba word boundaries (so the typo
    '津帖' in '技能津帖一般' is a span, but '般发' across '一般|发给' is not). The boundaries
    of the dictionary-only segmentation count too: jieba's guesses glue a typo to its
    neighbour ('厂夜|斑' in 我们厂夜斑补贴, '点补|帖' in 多发点补帖)."""
    from .text import segment

    bounds = sorted(set(_bounds(segment(query))) | set(_bounds(segment(query, guess=False))))
    spans = []
    for i, start in enumerate(bounds):
        for stop in bounds[i + 1:]:
            span = query[start:stop]
            if 2 <= len(span) <= 4 and _CJK_RUN.fullmatch(span):
                spans.append(span)
    return sorted(spans, key=len, reverse=True)


def correct(query: str, index: Index) -> str:
    """The query with each never-written span that is a homophone of a corpus word replaced."""
    shapes = index.shapes
    out = query
    from .text import dictionary

    known, total = dictionary().FREQ, dictionary().total
    for span in _spans(query):
        if index.writes(span) or span not in out:
            continue
        candidates = [w for pos, ch in enumerate(span) for w in shapes.get((len(span), pos, ch), ())]
        word = _homophone(span, list(dict.fromkeys(candidates)), known, index) if candidates else None
        # A real word of general Chinese stays unless the corpus word is far more usual
        # ('分洪' → 分红, '人材' → 人才; but '一部' is not '一步'); a span that is no word at
        # all ('对表' in 薪酬对表 is not in the dictionary) may become a guideline term the
        # dictionary lacks (对标).
        usual = known.get(span, 0) * RARITY < known.get(word, 0) or (word is not None and not known.get(span, 0))
        if word is not None and usual and _is_term(word, index, known, total):
            out = out.replace(span, word)
    return out
