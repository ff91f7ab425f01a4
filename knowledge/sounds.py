"""How Chinese text sounds (pypinyin), for the two homophone menders: the search's
(`knowledge/typos.py`, a question span against the corpus's words) and the reader's
(`knowledge/reader/typos.py`, a window of a message against the domain words)."""

from __future__ import annotations

from functools import lru_cache

NOT_CHINESE = "?"


def syllables(text: str) -> list[str]:
    """The toneless syllable of each character, read in context (长 in 班组长 → zhang), and
    "?" for each character that is not Chinese: one entry per character, so positions hold."""
    from pypinyin import lazy_pinyin

    # pypinyin documents a list from `errors` (one entry per character); its stub says str only
    return lazy_pinyin(text, errors=lambda chars: [NOT_CHINESE] * len(chars))  # type: ignore[arg-type,return-value]


@lru_cache(maxsize=4096)
def readings(char: str) -> frozenset[str]:
    """Every toneless reading of one character (长 → chang, zhang)."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found else frozenset()
