"""Text files as office software in China saves them: one decoder for tables, inputs, profiles and
imported documents, so that a file read in one place is read the same everywhere."""

from __future__ import annotations

import codecs

__all__ = ["decode_text"]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(raw: bytes) -> str | None:
    """The text of a file saved by Chinese office software, or None when no encoding reads it whole.

    A byte-order mark decides (Excel's "Unicode text" is UTF-16 with one); else UTF-8; else UTF-16
    without a mark when every other byte is zero (ASCII-heavy text); else GB18030, the superset of
    the GBK that Excel and Notepad in China save (it also covers rare name characters GBK lacks),
    or UTF-16 without a mark when that reads as Chinese writing and GB18030 does not.
    Every decode is strict: a wrong guess fails rather than turning names into other characters.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding)
    if len(raw) % 2 == 0 and raw.count(0) * 4 >= len(raw):  # before UTF-8, which also reads zeros
        even_zeros = raw[0::2].count(0)
        text = _strict(raw, "utf-16-be" if even_zeros > raw[1::2].count(0) else "utf-16-le")
        if text is not None and _plausible(text) >= 0.8:  # not a binary file that happens to decode
            return text
    text = _strict(raw, "utf-8")
    if text is not None:
        return text
    # GB18030, or UTF-16 without a mark (Chinese text has few zero bytes): the reading that looks
    # most like Chinese writing wins; GB18030 on a tie, as before.
    readings = [(enc, t) for enc in ("gb18030", "utf-16-le", "utf-16-be")
                if (enc == "gb18030" or len(raw) % 2 == 0) and (t := _strict(raw, enc)) is not None]
    if not readings:
        return None
    best_encoding, best = max(readings, key=lambda r: (_plausible(r[1]), r[0] == "gb18030"))
    return best if best_encoding == "gb18030" or _plausible(best) >= 0.8 else None


def _plausible(text: str) -> float:
    """Share of the first 4,000 characters that ordinary Chinese documents are made of."""
    sample = text[:4000]
    if not sample:
        return 0.0
    good = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e"
               or (c.isascii() and (c.isalnum() or c in _ASCII_TEXT)))
    return good / len(sample)


_ASCII_TEXT = " \n\r\t,.;:()%-/'\"?!"


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None
