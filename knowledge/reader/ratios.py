"""Ratios written as parts of a whole: "3:3:4", "4∶6", "六比四", "五五开", "四六比例" — read once here
for the chat (按6:4分给…) and the review (权重按3:3:4) alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from .models import Kind, Quantity
from .numerals import parse_numeral

_NUMERAL = "[零一二两三四五六七八九十]"
_PART = rf"(?:\d+(?:\.\d+)?|{_NUMERAL}{{1,2}})"
# parts joined by a colon or 比; not inside a longer number, a time (8:30 has no 比例 words: callers decide)
_RATIO = re.compile(rf"(?<![0-9.:：∶])(?<!{_NUMERAL}){_PART}(?:\s*(?:[:：∶]|比)\s*{_PART}){{1,5}}(?![0-9.%:：∶])(?!{_NUMERAL})")
# two parts written as one word: 五五开, 四六比例
_PAIRED = {"五五": (5, 5), "四六": (4, 6), "六四": (6, 4), "三七": (3, 7), "七三": (7, 3), "二八": (2, 8), "八二": (8, 2)}


@dataclass(frozen=True)
class Ratio:
    shares: tuple[Decimal, ...]  # each part's share of the whole, in the order written
    text: str
    start: int
    parts: tuple[tuple[int, int, Decimal], ...] = ()  # each part's span in the text and its value as written


def ratios(text: str) -> list[Ratio]:
    """Every ratio written in `text`, as shares of the whole: "3:3:4" → 30%/30%/40%, "六比四" → 60%/40%,
    "五五开" / "四六比例" → 50%/50%, 40%/60%."""
    out: list[Ratio] = []
    for m in _RATIO.finditer(text):
        parts = tuple((m.start() + p.start(), m.start() + p.end(), parse_numeral(p.group(0)) or Decimal(0))
                      for p in re.finditer(_PART, m.group(0)))
        whole = sum((v for _, _, v in parts), Decimal(0))
        if len(parts) >= 2 and whole > 0 and all(v > 0 for _, _, v in parts):
            out.append(Ratio(tuple(v / whole for _, _, v in parts), m.group(0), m.start(), parts))
    for word, (a, b) in _PAIRED.items():
        at = text.find(word)
        if at >= 0 and ("比例" in text[at:at + 6] or "开" in text[at + 2:at + 3]):
            out.append(Ratio((Decimal(a) / (a + b), Decimal(b) / (a + b)), word, at,
                             ((at, at + 1, Decimal(a)), (at + 1, at + 2, Decimal(b)))))
    return sorted(out, key=lambda r: r.start)


_HEADS = (Kind.PEOPLE, Kind.COUNT)


def per_every(quantities: list[Quantity]) -> dict[int, Decimal]:
    """Head counts set per so many people ("每15名技能人才可设首席技师1名", "每50人配备1名"): the
    counted figure's start → its share of the people it is set per (1/15). Both figures are heads
    in one clause, the first written with 每; the share is the rate, not a head count."""
    out: dict[int, Decimal] = {}
    for per, counted in pairwise(quantities):
        if per.every and per.kind in _HEADS and counted.kind in _HEADS and per.clause == counted.clause \
                and per.sentence == counted.sentence and per.value > 0 and not counted.every:
            out[counted.start] = counted.value / per.value
    return out
