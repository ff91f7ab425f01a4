"""Chinese article numbers as the guidelines write them (第三十四条) ↔ int."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
CN_NUMERAL = "[零〇一二两三四五六七八九十百]+"


def cn_to_int(text: str) -> int:
    """'三十四' → 34, '十' → 10, '一百零五' → 105, '12' → 12."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (digit or 1) * _UNITS[char]
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + digit


def int_to_cn(n: int) -> str:
    """34 → '三十四', 10 → '十', 105 → '一百零五'."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + digits[rest]
    else:
        tail = ("一" if rest < 20 else "") + int_to_cn(rest)
    return digits[n // 100] + "百" + tail
