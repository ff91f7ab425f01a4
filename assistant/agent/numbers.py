"""Reading amounts, percentages and name→value lists out of Chinese sentences.

Pure functions; every value is a Decimal so money never passes through float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"
_NUMERAL_RUN = re.compile(f"[{_NUMERAL_CHARS}]+")
# A single numeral character is read as a number only before one of these (avoids 统一, 一岗多薪 …).
_COUNTER_AFTER = re.compile(r"^[元块分件人名个级档%％倍年月天]")


def _parse_integer_numeral(text: str) -> int | None:
    """二千五百 → 2500, 十五 → 15, 三万二千 → 32000, 一亿二千万 → 120000000; None if malformed."""
    if not text:
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None:  # two digits in a row: only valid as a plain digit string
                return _parse_digit_string(text)
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * _BIG_UNITS[ch] if _BIG_UNITS[ch] > total else total + section * _BIG_UNITS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _parse_digit_string(text: str) -> int | None:
    """一二零 → 120 (digits read one by one)."""
    if all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return None


def chinese_numeral_value(text: str) -> Decimal | None:
    """Value of a Chinese numeral, with 点 for decimals: 一点二万 → 12000."""
    scale = Decimal(1)
    if text and text[-1] in _BIG_UNITS and "点" in text:
        scale, text = Decimal(_BIG_UNITS[text[-1]]), text[:-1]
    if "点" in text:
        whole, _, frac = text.partition("点")
        whole_value = _parse_integer_numeral(whole) if whole else 0
        frac_digits = _parse_digit_string(frac) if frac else None
        if whole_value is None or frac_digits is None:
            return None
        return Decimal(f"{whole_value}.{''.join(str(_DIGITS[c]) for c in frac)}") * scale
    value = _parse_integer_numeral(text)
    return None if value is None else Decimal(value) * scale


def _replace_numeral_run(match: re.Match[str], source: str) -> str:
    run = match.group(0)
    after = source[match.end():match.end() + 1]
    # Prefer the longest suffix that is a well-formed numeral: 张三一百二十分 → 张三 + 120分.
    for start in range(len(run)):
        candidate = run[start:]
        if candidate[0] in _BIG_UNITS or candidate[0] == "点":
            continue
        if len(candidate) == 1 and not _COUNTER_AFTER.match(after):
            continue
        value = chinese_numeral_value(candidate)
        if value is not None:
            return run[:start] + _format_decimal(value)
    return run


def _format_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def normalise_numbers(text: str) -> str:
    """Rewrite Chinese numerals and 百分之 in a sentence as Arabic digits; keep everything else.

    五十万 → 500000, 百分之十五 → 15%, 一点二万 → 12000; full-width digits and commas in
    numbers are normalised too.
    """
    text = text.translate(str.maketrans("０１２３４５６７８９．％，", "0123456789.%,"))
    text = re.sub(r"百分之([零〇一二两三四五六七八九十百点\d.]+)", lambda m: f"{_to_arabic(m.group(1))}%", text)
    text = _NUMERAL_RUN.sub(lambda m: _replace_numeral_run(m, text), text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # 1,000,000 → 1000000
    return text


def _to_arabic(text: str) -> str:
    if re.fullmatch(r"[\d.]+", text):
        return text
    value = chinese_numeral_value(text)
    return _format_decimal(value) if value is not None else text


_AMOUNT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|亿|万元|万|千元|千|元|块)?")
_UNIT_SCALE = {"亿元": 100_000_000, "亿": 100_000_000, "万元": 10_000, "万": 10_000, "千元": 1000, "千": 1000}


def parse_amount(text: str) -> Decimal | None:
    """The first amount in a phrase: '50万' → 500000, '1.2万元' → 12000, '五十万' → 500000."""
    match = _AMOUNT.search(normalise_numbers(text))
    if not match:
        return None
    return _scaled(match)


def _scaled(match: re.Match[str]) -> Decimal:
    try:
        value = Decimal(match.group("num"))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise ValueError(match.group(0)) from None
    return value * _UNIT_SCALE.get(match.group("unit") or "", 1)


_PERCENT = re.compile(r"(?P<num>-?\d+(?:\.\d+)?)\s*%")


def parse_percent(text: str) -> Decimal | None:
    """'10%' → 0.10, '百分之十五' → 0.15."""
    match = _PERCENT.search(normalise_numbers(text))
    return Decimal(match.group("num")) / 100 if match else None


def find_percents(text: str) -> list[tuple[int, Decimal]]:
    """Every percentage in a sentence with its position, as fractions."""
    return [(m.start(), Decimal(m.group("num")) / 100) for m in _PERCENT.finditer(normalise_numbers(text))]


# "生产部3000分、技术部2000分", "张三120分，李四100分", "小王1200件", "A类：10%"
_NAMED_VALUE = re.compile(
    r"(?P<name>[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9·]{0,11}?)\s*[:：为是得有]?\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>分|件|个|%|人)"
)
_NAME_PREFIXES = ("其中", "另外", "以及", "还有", "和", "与", "及", "跟", "、", "，", ",")


def find_named_values(text: str, unit: str) -> dict[str, Decimal]:
    """Name → value for every 'NAME 数字 UNIT' in the sentence, in order of appearance."""
    found: dict[str, Decimal] = {}
    for match in _NAMED_VALUE.finditer(normalise_numbers(text)):
        if match.group("unit") != unit:
            continue
        name = match.group("name")
        for prefix in _NAME_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix):]
        found[name] = Decimal(match.group("num"))
    return found
