"""Exact numbers: every input becomes a Decimal through its text, never through float arithmetic.

Also the one largest-remainder helper that every allocation uses, so that amounts always sum to
their pool to the last cent, with ties broken by input order.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import CalculationError
from .limits import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS, MAX_SIGNIFICANT_DIGITS

MONTHS_PER_YEAR = 12  # the calendar's, not a guideline figure

_INT64_MAX = 2**63 - 1
# Below this many members plain Python is faster than building numpy arrays.
_NUMPY_THRESHOLD = 64


# ---- converting one value ------------------------------------------------------------------


def to_decimal(value: Any, field: str | None = None, *, label: str = "该值") -> Decimal:
    """Decimal from int, float, Decimal or text ("1,200", "10%", "3.5"); NaN, inf and bool refused.

    Floats go through repr(), the shortest text that round-trips, so 0.1 becomes Decimal("0.1").
    Numbers past the exactness limits (`limits.MAX_*`) are refused, never rounded.
    """
    if isinstance(value, bool) or value is None:
        raise CalculationError(f"{label}应为数字，收到“{value}”", field)
    if isinstance(value, int):
        return exact(Decimal(value), field, label)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CalculationError(f"{label}不是有限数值（{value}）", field)
        return exact(Decimal(repr(value)), field, label)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise CalculationError(f"{label}不是有限数值（{value}）", field)
        return exact(value, field, label)
    if isinstance(value, str):
        return _decimal_from_text(value, field, label)
    raise CalculationError(f"{label}应为数字，收到“{str(value)[:40]}”", field)


_TOO_BIG = 10**MAX_INTEGER_DIGITS
PRECISION_LIMIT = (
    f"整数部分最多 {MAX_INTEGER_DIGITS} 位、小数最多 {MAX_DECIMAL_PLACES} 位、有效数字最多 {MAX_SIGNIFICANT_DIGITS} 位"
)


def exact(number: Decimal, field: str | None = None, label: str = "该值") -> Decimal:
    """`number` itself when every later step can keep it exact; refused (not rounded) past the limits."""
    if number.is_zero():
        return number
    if number.adjusted() >= MAX_INTEGER_DIGITS:
        raise CalculationError(f"{label} {_short(number)} 超出可精确计算的范围（{PRECISION_LIMIT}）", field)
    reduced = number.normalize()
    places = -reduced.as_tuple().exponent  # type: ignore[operator]
    if places > MAX_DECIMAL_PLACES or len(reduced.as_tuple().digits) > MAX_SIGNIFICANT_DIGITS:
        raise CalculationError(f"{label} {_short(number)} 的位数超出可精确计算的范围（{PRECISION_LIMIT}）", field)
    return number


def _short(number: Decimal) -> str:
    text = format(number, "f") if abs(number.adjusted()) < 1000 else str(number)  # as typed, shortened below
    return text if len(text) <= 40 else text[:20] + "…" + text[-8:]


def read_number(text: str) -> Decimal | None:
    """The finite number a text writes as a figure ("1,200", "8,500元", "10%" → 0.1, "15％"), or None.
    The one reader of typed-in numbers: calculator inputs, company profiles and their workbooks.

    Full-width forms (１２０．５, －5, １，２００) read as their ASCII twins. A thousands mark must
    group by three ("1,234.5", "1 234.5"): "1,5", "1 5" or "1.234,50" (a decimal comma) is None,
    never 15 or 1.2345.
    """
    cleaned = unicodedata.normalize("NFKC", text).translate(_SIGNS).strip().removesuffix("元").rstrip()
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1].rstrip()
    for mark in (",", " "):  # NFKC made no-break and thin spaces plain ones
        if mark in cleaned:
            if not re.fullmatch(_GROUPED.format(mark=mark), cleaned):
                return None
            cleaned = cleaned.replace(mark, "")
    if "_" in cleaned:  # Decimal() takes 1_0_0 as 100; nobody writes an amount that way
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number.scaleb(-2) if percent else number


# Minus signs people paste from Word or the web (U+2212, en dash) mean "-".
_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_GROUPED = r"[-+]?[0-9]{{1,3}}({mark}[0-9]{{3}})+(\.[0-9]*)?"


def _decimal_from_text(text: str, field: str | None, label: str) -> Decimal:
    if len(text.strip()) > 200:  # no exact amount is written with this many characters
        raise CalculationError(f"{label}“{text[:20]}…”的位数超出可精确计算的范围（{PRECISION_LIMIT}）", field)
    number = read_number(text)
    if number is None:
        raise CalculationError(f"{label}“{text[:40]}”不是有效数字", field)
    return exact(number, field, label)


def to_int(value: Any, field: str | None = None, *, label: str = "该值") -> int:
    """A whole number (people, levels, years); 3.0 is accepted, 3.5 is not."""
    number = to_decimal(value, field, label=label)
    if number != number.to_integral_value():
        raise CalculationError(f"{label}应为整数，收到 {number}", field)
    return int(number)


# ---- money ----------------------------------------------------------------------------------


def quantum(precision: int) -> Decimal:
    return Decimal(1).scaleb(-precision)


def q(value: Decimal, precision: int = 2) -> Decimal:
    """Money rounded half-up to `precision` decimals (0.005 → 0.01, as payroll does)."""
    return value.quantize(quantum(precision), rounding="ROUND_HALF_UP")


def to_units(amount: Decimal, precision: int, field: str, label: str = "金额") -> int:
    """An amount as a whole number of the smallest unit (cents at precision 2)."""
    scaled = amount.scaleb(precision)
    if scaled != scaled.to_integral_value():
        raise CalculationError(f"{label} {amount} 的小数位数超过保留精度（{precision} 位小数），无法精确分配", field)
    return int(scaled)


def from_units(units: int, precision: int) -> Decimal:
    """Decimal money from smallest units: 3913043 → 39130.43."""
    if units == 0:
        return quantum(precision) * 0
    return Decimal(units).scaleb(-precision)


def units_to_decimals(units: Sequence[int], precision: int) -> list[Decimal]:
    """Many amounts at once; equal amounts share one Decimal object, which saves time for big teams."""
    cache = {u: from_units(u, precision) for u in set(units)}
    return list(map(cache.__getitem__, units))


# ---- weights (scores, pieces) as exact integers ----------------------------------------------


def weights_to_ints(values: Sequence[Decimal]) -> list[int]:
    """Scale Decimals by a common power of ten so that all become integers with the same ratios."""
    places = max((-v.as_tuple().exponent for v in values if v.as_tuple().exponent < 0), default=0)  # type: ignore[operator]
    return [int(v.scaleb(places)) for v in values]


def read_weight_map(mapping: Any, field: str, label: str) -> tuple[list[str], list[int], int]:
    """Names, integer weights and the decimal places they were scaled by, from {name: number}.

    Built for a million members: whole numbers take a fast path; anything else goes through
    `to_decimal`. Negative or non-numeric values raise a CalculationError naming the member.
    """
    if not isinstance(mapping, Mapping):
        raise CalculationError(f"{label}应为“名称: 数值”的对象", field)
    if not mapping:
        raise CalculationError(f"{label}为空，至少需要一项", field)
    names = list(mapping.keys())
    if set(map(type, names)) != {str}:
        names = [str(n) for n in names]
        if len(set(names)) != len(names):  # e.g. 1 and "1" from a Python caller
            _raise_duplicate(names, field, label)
    check_names(names, field, label)
    values = list(mapping.values())
    if set(map(type, values)) == {int}:  # C-level scan: the common case of whole-number scores
        if min(values) < 0:
            _raise_negative(names, values, field, label)
        if max(values) >= _TOO_BIG:
            big = next(i for i, v in enumerate(values) if v >= _TOO_BIG)
            exact(Decimal(values[big]), f"{field}.{names[big]}", f"{label}中“{names[big]}”的值")
        return names, values, 0
    decimals = [_member_decimal(n, v, field, label) for n, v in zip(names, values)]
    if min(decimals) < 0:
        _raise_negative(names, decimals, field, label)
    places = max((-d.as_tuple().exponent for d in decimals if d.as_tuple().exponent < 0), default=0)  # type: ignore[operator]
    ints = [int(d.scaleb(places)) for d in decimals]
    return names, ints, places


def _member_decimal(name: Any, value: Any, field: str, label: str) -> Decimal:
    if type(value) is int and -_TOO_BIG < value < _TOO_BIG:
        return Decimal(value)
    if type(value) is float and value.is_integer() and -_TOO_BIG < value < _TOO_BIG:
        return Decimal(int(value))
    return to_decimal(value, f"{field}.{name}", label=f"{label}中“{name}”的值")


def name_key(name: str) -> str:
    """What a reader sees of a name: full-width letters as their twins (ＡＢ = AB), spaces and
    invisible characters (no-break, zero-width) gone. Two names with one key are one person typed twice."""
    return "".join(unicodedata.normalize("NFKC", name).translate(_INVISIBLE).split())


# Format characters NFKC keeps and str.split() does not see as space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


_HIDDEN = re.compile("[\\s\x00-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def all_plain(names: Iterable[str]) -> bool:
    """Whether every name is its own `name_key` already: one C-level scan, for a million names."""
    joined = "\uffff".join(names)
    return unicodedata.is_normalized("NFKC", joined) and not _HIDDEN.search(joined)


def check_names(names: Sequence[str], field: str, label: str) -> None:
    """Refuse a blank name, and two names a reader cannot tell apart ("张三" and "张三 ", "AB" and "ＡＢ")."""
    if all_plain(names) and "" not in names:
        return
    keys = list(map(name_key, names))
    seen: dict[str, str] = {}
    for name, key in zip(names, keys):
        if not key:
            raise CalculationError(f"{label}中有一项名称为空（或只有空格），请填写名称", field)
        if any(unicodedata.category(c) == "Cc" for c in key):
            shown = "".join("□" if unicodedata.category(c) == "Cc" else c for c in key)
            raise CalculationError(f"{label}中的名称“{shown}”含有控制字符（□处，如文件损坏留下的空字符），请改正", field)
        if key in seen:
            raise CalculationError(
                f"{label}中的名称“{name}”与“{seen[key]}”只差空格、全角/半角或不可见字符，会被当成同一人，请区分（如加工号）",
                f"{field}.{name}",
            )
        seen[key] = name


def _raise_duplicate(names: Sequence[str], field: str, label: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise CalculationError(f"{label}中的名称“{name}”重复出现，请区分（如加工号）", f"{field}.{name}")
        seen.add(name)


def _raise_negative(names: Sequence[Any], values: Sequence[Any], field: str, label: str) -> None:
    name = next(n for n, v in zip(names, values) if v < 0)
    raise CalculationError(f"{label}中“{name}”为负数，不能参与分配", f"{field}.{name}")


def scaled_total(ints: Iterable[int], places: int) -> Decimal:
    return Decimal(sum(ints)).scaleb(-places) if places else Decimal(sum(ints))


# ---- largest remainder ---------------------------------------------------------------------


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` whole units in proportion to non-negative integer `weights`.

    Each share is floor(total × w ÷ Σw); the units left over go one each to the largest
    remainders, ties to the earlier item. The result sums to `total` exactly.
    """
    return split_units(total, weights)[0]


def split_units(total: int, weights: Sequence[int]) -> tuple[list[int], int]:
    """`largest_remainder` plus how many units were handed out by remainder (for the trace)."""
    weight_sum = sum(weights)
    if weight_sum <= 0:
        raise ValueError("weights must have a positive sum")
    if len(weights) >= _NUMPY_THRESHOLD and total * max(weights) <= _INT64_MAX and weight_sum <= _INT64_MAX:
        return _split_numpy(total, weights, weight_sum)
    shares, remainders = [], []
    for w in weights:
        share, rem = divmod(total * w, weight_sum)
        shares.append(share)
        remainders.append(rem)
    left = total - sum(shares)
    if left:
        # sorted() stays stable with reverse=True: among equal remainders the earlier item wins.
        for i in sorted(range(len(weights)), key=remainders.__getitem__, reverse=True)[:left]:
            shares[i] += 1
    return shares, left


def _split_numpy(total: int, weights: Sequence[int], weight_sum: int) -> tuple[list[int], int]:
    # Exact in int64 because total × max(w) fits; argsort(kind="stable") keeps input order on ties.
    import numpy as np

    w = np.array(weights, dtype=np.int64)
    shares, remainders = np.divmod(w * np.int64(total), np.int64(weight_sum))
    left = total - int(shares.sum())
    if left:
        shares[np.argsort(-remainders, kind="stable")[:left]] += 1
    return shares.tolist(), left


# ---- display --------------------------------------------------------------------------------


def fmt(value: Any) -> str:
    """Numbers as they appear in a trace line: plain digits, no exponent, no thousands marks."""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    return str(value)


def grouped(value: Any) -> str:
    """A figure as people read it: 1,800 or 1,800.5 (thousands marked, no trailing zeros)."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number.normalize():,f}"


def pct(value: Any, places: int = 2) -> str:
    """0.1 → "10%", 0.125 → "12.5%", 3/11 → "27.27%"."""
    number = ((value if isinstance(value, Decimal) else Decimal(str(value))) * 100).quantize(quantum(places), rounding="ROUND_HALF_UP").normalize()
    return f"{format(number, 'f')}%"


def split_amount(amount: Decimal, weights: Sequence[Decimal], precision: int, field: str, label: str = "金额") -> list[Decimal]:
    """`amount` split in proportion to Decimal `weights`, to the unit, summing exactly."""
    units = to_units(amount, precision, field, label)
    return units_to_decimals(largest_remainder(units, weights_to_ints(list(weights))), precision)
