"""The one place where written numbers become Decimals.

Chinese numerals and colloquial amounts go through cn2an ("smart" mode reads 2万4, 3千5,
五万五, 一万零五百, 12万3千); plain Arabic numbers, and Arabic numbers with a magnitude
(1.2万, 8,400万, 3千万), are read with Decimal so that nothing passes through float.
"""

from __future__ import annotations

import re
import warnings
from decimal import Decimal, InvalidOperation

CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_MAGNITUDES = "十百千万亿拾佰仟"
NUMERAL_CHARS = "0123456789" + CN_DIGITS + CN_MAGNITUDES + "点."
_SCALE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "亿": 10**8}
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_ARABIC_MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]+)")
# Full-width forms map one-to-one, so positions in the normalised text equal those in the original.
WIDE_TO_ASCII = str.maketrans("０１２３４５６７８９％．，：；（）～－＋俩仨", "0123456789%.,:;()~-+两三")


def _magnitude(units: str) -> Decimal:
    """千万 → 10^7, 百万 → 10^6, 万 → 10^4 (a chain of magnitude characters multiplies)."""
    value = Decimal(1)
    for char in units:
        value *= _SCALE[char]
    return value


def parse_numeral(run: str) -> Decimal | None:
    """The value of one written number, or None when it is not a well-formed number.

    "1,200" → 1200, "1.2万" → 12000, "3千万" → 30000000, "2万4" → 24000, "五万五" → 55000,
    "一点五" → 1.5, "十五" → 15.
    """
    text = run.replace(",", "")
    if text in ("十", "拾"):
        return Decimal(10)
    if re.fullmatch(r"[万千][二两三四五六七八九]", text):
        text = "一" + text  # 万五 = 一万五, 千八 = 一千八 (the leading 一 is dropped in speech; 万一 is "in case")
    if not text or text in CN_MAGNITUDES or text[0] in "万亿千百佰仟点." or text[-1] in "点.":
        return None
    try:
        if _ARABIC.fullmatch(text):
            return Decimal(text)
        match = _ARABIC_MAGNITUDE.fullmatch(text)
        if match:
            return Decimal(match.group(1)) * _magnitude(match.group(2))
        return _cn2an(text)
    except (InvalidOperation, ValueError, KeyError):
        return None


def _cn2an(text: str) -> Decimal | None:
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, TypeError, IndexError):
            # 一点二万: cn2an reads the decimal but not a magnitude after it.
            if text[-1] in "万亿" and "点" in text:
                head = _cn2an(text[:-1])
                return None if head is None else head * _SCALE[text[-1]]
            return None
    if isinstance(value, float):
        return Decimal(repr(value))  # shortest round-trip text: 1.2 stays 1.2
    return Decimal(int(value))


def integer(run: str) -> int | None:
    """An article or step number: "四十五" → 45, "45" → 45; None unless a whole number."""
    value = parse_numeral(run.translate(WIDE_TO_ASCII).strip())
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
