"""The Chinese reader: one place where text written by people becomes typed quantities.

    read(text) → Reading            every figure with its kind, value, span, subject, name, …
    amount(text) → Decimal | None   one cell or form field: "30万", "2万4", "1,200元", "15%"
    parse_numeral(run) → Decimal    a written number (cn2an for Chinese numerals)

The chat (calculator requests), the clause review (facts in a scheme) and the forms all read
through here, so that "利润下降3%" means the same thing everywhere.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .bind import bind, split_clauses, strip_words
from .models import LABELS, Clause, Kind, Quantity, Reading
from .numerals import WIDE_TO_ASCII, integer, parse_numeral
from .scan import scan

__all__ = [
    "LABELS", "Clause", "Kind", "Quantity", "Reading", "amount", "arabic", "integer", "normalise", "parse_numeral", "read",
    "split_clauses", "strip_words", "warm_up",
]


# 1️⃣ 产值 45%: a keycap digit numbers a list item, it is no figure (same length: a bullet and spaces)
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")


def normalise(text: str, *, typos: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """Same-length normal form: full-width → ASCII, homophone typos of domain words mended."""
    plain = _KEYCAP.sub(lambda m: "•" + " " * (len(m.group(0)) - 1), text.translate(WIDE_TO_ASCII))
    if not typos:
        return plain, []
    from .typos import mend

    return mend(plain)


def read(text: str, *, typos: bool = True) -> Reading:
    """Read every figure of `text` and bind it to what it describes."""
    plain, corrections = normalise(text, typos=typos)
    found = scan(plain)
    ordinals = [q for q in found if q.kind is Kind.ORDINAL]
    quantities, clauses = bind(plain, [q for q in found if q.kind is not Kind.ORDINAL])
    quantities = [_as_written(q, plain, text) for q in quantities]
    return Reading(text=text, normalised=plain, quantities=quantities, clauses=clauses, corrections=corrections,
                   ordinals=ordinals)


def arabic(text: str) -> str:
    """Every written number as Arabic digits (第四十五条 → 第45条, 五十万 → 500000), for matching."""

    from .numerals import NUMERAL_CHARS

    def digits(match: re.Match[str]) -> str:
        value = parse_numeral(match.group(0))
        return match.group(0) if value is None else format(value.normalize(), "f")

    return re.sub(f"[{NUMERAL_CHARS}]+", digits, text.translate(WIDE_TO_ASCII))


def _as_written(q: Quantity, plain: str, original: str) -> Quantity:
    """Names as the user wrote them (full-width brackets, ４ rather than 4): the normal form has the
    same length, so the name's place in it cuts the original."""
    if not q.name:
        return q
    at = plain.rfind(q.name, 0, q.start + len(q.name))
    if at < 0:
        at = plain.find(q.name)
    if at < 0:
        return q
    # a mended typo stays mended (A3组绩分 → A3组积分, whose 积分 is then no part of the name)
    written = "".join(o if o.translate(WIDE_TO_ASCII) == p else p for o, p in zip(original[at:at + len(q.name)], q.name))
    return q.with_(name=written)


def warm_up() -> None:
    """Load the dictionaries the reader uses (jieba with parts of speech, cn2an, pypinyin), so the
    first message after start is answered at full speed."""
    read("绩效工资五十万，记件：张三3000分、李四两千分")


def amount(text: str) -> Decimal | None:
    """The value of a text that is one figure and nothing else ("30万", "2万4元", "15%" → 0.15)."""
    plain = text.translate(WIDE_TO_ASCII).strip()
    if not plain:
        return None
    found = [q for q in scan(plain) if q.kind is not Kind.ORDINAL]
    if len(found) != 1:
        return None
    q = found[0]
    rest = (plain[:q.start] + plain[q.end:]).strip()
    return q.value if rest in ("", "元/月", "/月", "元/年", "/年", "每月", "每年") else None
