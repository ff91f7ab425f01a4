"""Article and case numbers as people write them (第三十四条, 第34条, 第３４条, 第三四条) ↔ int.

The conversion itself is cn2an's; this module only says which characters make a numeral and
normalises full-width digits first.
"""

from __future__ import annotations

import unicodedata

# Chinese numeral characters as article numbers use them (also the colloquial 两 and 廿).
CN_NUMERAL = "[零〇一二两三四五六七八九十百廿]+"
# Any numeral people type for an article number: Chinese, ASCII or full-width digits.
ANY_NUMERAL = r"(?:[0-9０-９]+|[零〇一二两三四五六七八九十百廿]+)"


def cn_to_int(text: str) -> int:
    """'三十四' → 34, '十' → 10, '一百零五' → 105, '12' / '１２' → 12, '四五' → 45.

    Raises ValueError for anything that is not a whole number."""
    import cn2an  # deferred: only look-ups by number need it

    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    # "normal" mode also reads digit-by-digit forms (四五 → 45) and the colloquial 两.
    value = cn2an.cn2an(text, "normal")
    if int(value) != value:
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def int_to_cn(n: int) -> str:
    """34 → '三十四', 10 → '十', 105 → '一百零五'."""
    import cn2an

    return str(cn2an.an2cn(n))
