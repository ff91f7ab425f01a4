"""The refusal gate: does the corpus explain this question at all?

Two signals from the corpus itself, calibrated on the dev sets (`gate.yaml`):

- **share**: how much of the question the best passages explain — each content word weighted
  by how specific it is in general Chinese (idf from jieba's own dictionary frequencies, so
  '工资' weighs little and '师带徒' much), explained when it (or a synonym) occurs in the top
  units' text or their reviewed expansions;
- **foreign**: the most specific *noun* of the question that the whole corpus never uses
  (产假, 公积金, 公务员 …): a topic the guidelines do not cover.

Two reviewed lists in `gate.yaml` complete them: requests to ignore the sources or to invent
clauses are refused by their form, whatever they mention; and a question naming a labour, social
insurance or tax topic the guidelines do not govern (产假, 社保, 个税 …) is refused unless its best
units use that word themselves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import yaml

from .paths import PACKAGE_DIR
from .text import STOPWORDS, expand

if TYPE_CHECKING:
    from .index import Index

GATE_FILE = PACKAGE_DIR / "gate.yaml"
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "vn", "ng", "j", "l", "eng")
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}")


@dataclass(frozen=True)
class Settings:
    min_share: float
    max_foreign: float
    foreign_below_share: float  # a foreign noun refuses only a question explained less than this
    injection: tuple[str, ...]
    uncovered_topics: tuple[str, ...]


@lru_cache(maxsize=1)
def settings() -> Settings:
    data: dict[str, Any] = yaml.safe_load(GATE_FILE.read_text(encoding="utf-8"))
    return Settings(float(data["min_share"]), float(data["max_foreign"]), float(data["foreign_below_share"]),
                    tuple(data["injection"]),
                    tuple(str(t).lower() for t in data.get("uncovered_topics") or ()))


def _general() -> tuple[dict[str, int], int]:
    """Word frequencies of general Chinese: jieba's dictionary (which our few domain words
    join with a low frequency — they are specific, which is what the weight says)."""
    from .text import dictionary

    tokenizer = dictionary()
    return tokenizer.FREQ, tokenizer.total


def general_idf(word: str) -> float:
    freq, total = _general()
    return math.log(total / (freq.get(word, 0) + 1))


@lru_cache(maxsize=1)
def _injection() -> re.Pattern[str]:
    return re.compile("|".join(settings().injection), re.IGNORECASE)


def is_injection(query: str) -> bool:
    return bool(_injection().search(query))


@dataclass
class Features:
    share: float
    foreign: float
    injection: bool
    uncovered: str | None = None  # an uncovered topic the question names and its units do not
    unexplained: list[str] = field(default_factory=list)


def _content_words(query: str) -> list[tuple[str, bool]]:
    """(word, is a noun) for the question's content words; jieba's dictionary tags decide."""
    from .text import nouns, segment

    known_nouns = nouns(_NOUN_TAGS)
    return [(w.lower(), w in known_nouns) for w in segment(query)
            if _CONTENT.fullmatch(w) and w.lower() not in STOPWORDS]


def _explained(word: str, text: str) -> bool:
    return word in text or any(s in text for s in expand([word])[1:])


def _written(word: str, index: Index) -> bool:
    return index.writes(word) or any(index.writes(s) for s in expand([word])[1:])


def _is_foreign(word: str, index: Index) -> bool:
    """A real word (in the general dictionary, or Latin letters) that the corpus never uses,
    not even piecewise — not a segmentation crumb like '人分' from '给哪些人分'."""
    freq, _ = _general()
    if _written(word, index):
        return False
    if word.isascii():
        return True
    if word not in freq:
        return False
    # A compound of words the corpus uses ('工资管理', '技术骨干'), or one of them with a
    # one-character suffix ('技术部', '生产科'), is not a new topic.
    from .text import subwords

    pieces = [p for p in subwords(word) if p != word]
    covered = {ch for p in pieces if _written(p, index) for ch in p}
    return len(covered) < len(set(word)) - (1 if len(word) >= 3 else 0)


def features(query: str, top_units: list[str], index: Index) -> Features:
    text = "\n".join(index.search_texts[u] for u in top_units)
    total = found = foreign = 0.0
    unexplained = []
    for word, noun in dict.fromkeys(_content_words(query)):
        weight = general_idf(word)
        total += weight
        if _explained(word, text):
            found += weight
            continue
        unexplained.append(word)
        if noun and _is_foreign(word, index):
            foreign = max(foreign, weight)
    lowered = query.lower()
    uncovered = next((t for t in settings().uncovered_topics if t in lowered and t not in text), None)
    return Features(found / total if total else 0.0, foreign, is_injection(query), uncovered, unexplained)


def admits(query: str, top_units: list[str], index: Index) -> bool:
    found = features(query, top_units, index)
    gate = settings()
    return refuses(found, gate) is None


def refuses(found: Features, gate: Settings) -> str | None:
    """Why a question is refused (for calibration and inspection), or None."""
    if found.injection:
        return "injection"
    if found.uncovered is not None:
        return "uncovered"
    if found.share < gate.min_share:
        return "share"
    if found.foreign > gate.max_foreign and found.share < gate.foreign_below_share:
        return "foreign"
    return None
