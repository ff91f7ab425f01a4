"""Helpers shared by the calculator tests (a module name no other test folder uses)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any


def unit_id_problem(unit_id: str) -> str | None:
    """Why `unit_id` is not a citable unit of the knowledge base, or None if it is."""
    import knowledge

    return None if knowledge.get_unit(unit_id) is not None else f"{unit_id!r} is not a unit of the knowledge base"


def squeeze(text: str) -> str:
    """Text compared without whitespace and markdown bold, as the conversion damage requires."""
    return re.sub(r"\s+|\*\*|\|", "", text)


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
