"""Helpers shared by the calculator tests (a module name no other test folder uses)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any


SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "sources"
DOC_FILES = {"qujing_skill": "000_", "soe_tech": "002_", "soe_internal": "004_"}
UNIT_RANGES = {
    "qujing_skill": {"art": 13, "case": 5, "appendix": 1},
    "soe_tech": {"art": 55, "case": 3},
    "soe_internal": {"art": 42},
}
UNIT_ID = re.compile(r"^(qujing_skill|soe_tech|soe_internal)/(art|case|appendix)-(\d+)$")


def unit_id_problem(unit_id: str) -> str | None:
    """Why `unit_id` is not a real unit of the three guidelines, or None if it is."""
    match = UNIT_ID.match(unit_id)
    if not match:
        return f"{unit_id!r} is not DOC/(art|case|appendix)-N"
    doc, kind, number = match.group(1), match.group(2), int(match.group(3))
    top = UNIT_RANGES[doc].get(kind)
    if top is None or not 1 <= number <= top:
        return f"{unit_id!r}: {doc} has no {kind} {number}"
    return None


def source_text(doc: str) -> str | None:
    if not SOURCES.is_dir():
        return None
    found = sorted(SOURCES.glob(DOC_FILES[doc] + "*.txt"))
    return found[0].read_text(encoding="utf-8") if found else None


def squeeze(text: str) -> str:
    """Text compared without whitespace and markdown bold, as the conversion damage requires."""
    return re.sub(r"\s+|\*\*", "", text)


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def assert_subset(expected: Any, actual: Any, path: str = "") -> None:
    """Every key of `expected` is in `actual` with an equal value; numbers compare as Decimals."""
    where = path or "result"
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert str(key) in {str(k) for k in actual}, f"{where}: missing key {key!r} (have {list(actual)[:10]})"
            real = next(v for k, v in actual.items() if str(k) == str(key))
            assert_subset(value, real, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(expected) == len(actual), f"{where}: {len(actual)} items, expected {len(expected)}: {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_subset(e, a, f"{where}[{i}]")
    elif expected is None or isinstance(expected, bool):
        assert actual is expected, f"{where}: {actual!r} != {expected!r}"
    elif _number(expected) is not None and _number(actual) is not None:
        assert _number(actual) == _number(expected), f"{where}: {actual!r} != {expected!r}"
    else:
        assert str(actual) == str(expected), f"{where}: {actual!r} != {expected!r}"


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 34 → 三十四 (enough for article numbers up to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + ("" if ones == 0 else _DIGITS[ones])


def unit_span(doc: str, kind: str, number: int) -> str | None:
    """The source text of one unit, found by its heading (第N条 / 案例N / 附件1); None if not found."""
    text = source_text(doc)
    if text is None:
        return None
    if kind == "art":
        starts, pos = [], 0
        for k in range(1, UNIT_RANGES[doc]["art"] + 2):
            at = text.find(f"第{chinese_number(k)}条", pos)
            if at < 0:
                break
            starts.append(at)
            pos = at + 1
        if number > len(starts):
            return None
        end = starts[number] if number < len(starts) else len(text)
        return text[starts[number - 1]:end]
    if kind == "case":
        heads = [re.search(rf"^(?:## )?案例 ?{k}\s*$", text, re.M) for k in range(1, UNIT_RANGES[doc]["case"] + 2)]
        head = heads[number - 1]
        if head is None:
            return None
        nxt = heads[number] if number < len(heads) else None
        return text[head.start():nxt.start() if nxt else len(text)]
    if kind == "appendix":
        start, end = text.find("附件2典型案例"), text.find("\n案例1\n")
        return text[start:end] if 0 <= start < end else None
    return None
