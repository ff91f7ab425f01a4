"""Mending homophone typos of domain words (记件 → 计件, 积效 → 绩效, 津帖 → 津贴).

A window of the text is replaced only when it sounds exactly like a domain word, shares a
character with it, and is not itself a word of general Chinese (jieba's dictionary), so 将近
never becomes 奖金. Replacement keeps the length, so positions stay those of the original.
"""

from __future__ import annotations

from functools import lru_cache

from ..sounds import syllables
from .lexicon import lexicon


@lru_cache(maxsize=1)
def _targets(extra: tuple[str, ...] = ()) -> dict[str, list[str]]:
    by_sound: dict[str, list[str]] = {}
    for word in dict.fromkeys(lexicon().typo_targets + extra):
        by_sound.setdefault(" ".join(syllables(word)), []).append(word)
    return by_sound


@lru_cache(maxsize=1)
def _known_words() -> dict[str, int]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt.FREQ


# A window that jieba knows as a word of general Chinese this often is left alone (将近 524, 心急 98);
# rarer entries are mostly typos that made it into the dictionary (积效 3, 极差 3).
_RARE = 20


def mend(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with homophone typos of domain words mended, and the (written, read) pairs."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text, []
    sounds = syllables(text)
    targets = _targets()
    lengths = sorted({len(w) for words in targets.values() for w in words}, reverse=True)
    known = _known_words()
    import jieba

    starts, ends, at = set(), set(), 0
    for token in jieba.cut(text, HMM=False):
        starts.add(at)
        at += len(token)
        ends.add(at)
    chars = list(text)
    fixes: list[tuple[str, str]] = []
    i = 0
    while i < len(chars):
        for n in lengths:
            window = "".join(chars[i:i + n])
            if len(window) < n or i not in starts or i + n not in ends:
                continue  # 一共分: 共分 straddles two words, it is not a typo of 工分
            for word in targets.get(" ".join(sounds[i:i + n]), ()):
                shared = sum(a == b for a, b in zip(window, word))
                if window != word and shared >= max(1, n - 1) and known.get(window, 0) < _RARE:
                    chars[i:i + n] = list(word)
                    fixes.append((window, word))
                    break
        i += 1
    return "".join(chars), fixes
