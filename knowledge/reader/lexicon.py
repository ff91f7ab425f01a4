"""The reader's word lists (lexicon.yaml), loaded once and shaped for fast look-up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from .models import Kind

_FILE = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, tuple[Kind, Decimal]]  # longest first
    unit_blockers: dict[str, tuple[str, ...]]
    magnitudes: dict[str, int]
    value_words: dict[str, tuple[Kind, Decimal]]
    not_numbers: tuple[str, ...]
    total_words: tuple[str, ...]
    up_words: tuple[str, ...]
    down_words: tuple[str, ...]
    max_words: tuple[str, ...]
    min_words: tuple[str, ...]
    approx_words: tuple[str, ...]
    per_words: tuple[str, ...]
    range_words: tuple[str, ...]
    member_intro: tuple[str, ...]
    each_words: tuple[str, ...]
    respectively_words: tuple[str, ...]
    list_joiners: tuple[str, ...]
    lead_words: tuple[str, ...]
    link_words: tuple[str, ...]
    not_names: tuple[str, ...]
    attribute_words: tuple[str, ...]
    entity_suffixes: tuple[str, ...]
    person_prefixes: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    negations: tuple[str, ...]
    typo_targets: tuple[str, ...]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    units = {word: (Kind(kind), Decimal(str(factor))) for word, (kind, factor) in raw["units"].items()}
    lists = {key: _longest_first(value) for key, value in raw.items() if isinstance(value, list)}
    return Lexicon(
        units=dict(sorted(units.items(), key=lambda item: len(item[0]), reverse=True)),
        unit_blockers={k: tuple(v) for k, v in raw["unit_blockers"].items()},
        magnitudes=dict(raw["magnitudes"]),
        value_words={w: (Kind(k), Decimal(str(f))) for w, (k, f) in raw["value_words"].items()},
        **lists,
    )


def starts_with_any(text: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `text` starts with (words are sorted longest first)."""
    for word in words:
        if text.startswith(word):
            return word
    return None


def ends_with_any(text: str, words: tuple[str, ...]) -> str | None:
    for word in words:
        if text.endswith(word):
            return word
    return None


def contains_any(text: str, words: tuple[str, ...]) -> str | None:
    for word in words:
        if word in text:
            return word
    return None


@lru_cache(maxsize=4096)
def tagged_words(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba words with their part of speech (v verb, u particle, p preposition, nr person …)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(phrase) if w.word.strip())


def dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary (钳工, 木工, 电工): a common noun, not a surname with a title (邱工)."""
    import jieba

    tagged_words("")  # loads the dictionary
    return bool(jieba.dt.FREQ.get(word))
