"""Small text helpers for picking the sentences of a clause that answer a question."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|\n+")
# Character pairs that say nothing about the topic of a question.
_STOP_BIGRAMS = frozenset(
    "什么 怎么 怎样 如何 哪些 多少 是不 不是 是否 可以 一般 应该 需要 要求 有什么 企业 我们 公司 吗？ 规定 指引".split()
)


def sentences(text: str) -> list[str]:
    """Whole sentences of a unit text, each an exact substring of it (trimmed of spaces)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def char_bigrams(text: str) -> set[str]:
    chars = re.sub(r"[\s\W_]+", "", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1)} - _STOP_BIGRAMS


def best_sentence(text: str, wanted: set[str]) -> tuple[str | None, int]:
    """The sentence of `text` sharing most character pairs with `wanted`, and how many."""
    best, best_overlap = None, 0
    for sentence in sentences(text):
        overlap = len(char_bigrams(sentence) & wanted)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best, best_overlap
