"""Every size limit of calculator inputs, in one place, with its environment override.

A limit is checked before any work starts, and a breach is one Chinese line that names the limit,
the value found and the variable that raises it. The README's configuration table lists the same
names and defaults (a test compares them).

The exactness limits at the end are fixed, not configurable: the guarantee that no amount is
rounded silently rests on them (inputs of at most MAX_SIGNIFICANT_DIGITS digits, products of a
few such numbers computed in a context of DECIMAL_PRECISION digits).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import CalculationError


@dataclass(frozen=True)
class Limit:
    key: str
    env: str
    default: int
    label: str  # what is counted, in Chinese
    unit: str  # its unit, in Chinese


_LIMITS = (
    Limit("upload_mb", "PAYGUIDE_MAX_UPLOAD_MB", 20, "输入文件或上传文件大小", "MB"),
    Limit("unpacked_mb", "PAYGUIDE_MAX_UNPACKED_MB", 200, "Excel 文件解压后大小", "MB"),
    Limit("items", "PAYGUIDE_MAX_ITEMS", 1_000_000, "输入中的条目数（所有名单、列表合计）", "项"),
    Limit("rows", "PAYGUIDE_MAX_ROWS", 200_000, "人员表行数", "行"),
    Limit("depth", "PAYGUIDE_MAX_DEPTH", 32, "输入的嵌套层数", "层"),
    Limit("levels", "PAYGUIDE_MAX_LEVELS", 200, "级数、薪级数或档数", "级"),
    Limit("cells", "PAYGUIDE_MAX_CELLS", 1_000_000, "结果表格单元格数（等级数 × 薪级数或档数）", "格"),
)
LIMITS: dict[str, Limit] = {limit.key: limit for limit in _LIMITS}

# ---- exactness (fixed) ------------------------------------------------------------------------

MAX_SIGNIFICANT_DIGITS = 24  # digits of any one input number
MAX_INTEGER_DIGITS = 18  # |x| < 10^18 元 (a million trillion); 1234567890123456.78 fits
MAX_DECIMAL_PLACES = 18
# Calculations run in this many digits: a product of three inputs (72 digits) is still exact.
DECIMAL_PRECISION = 100


def value(key: str) -> int:
    """The limit in force: its environment variable when set to a positive whole number, else the default."""
    limit = LIMITS[key]
    raw = os.environ.get(limit.env, "").strip()
    if raw:
        try:
            number = int(raw)
        except ValueError:
            raise CalculationError(f"环境变量 {limit.env} 应为正整数，收到“{raw}”", limit.env) from None
        if number > 0:
            return number
        raise CalculationError(f"环境变量 {limit.env} 应为正整数，收到“{raw}”", limit.env)
    return limit.default


def bytes_limit(key: str) -> int:
    return value(key) * 1024 * 1024


def breach(key: str, found: int | str | None = None, where: str | None = None, *, what: str | None = None) -> CalculationError:
    """The one-line refusal for a limit: what, how much (when known), the limit and how to raise it."""
    limit = LIMITS[key]
    subject = what or limit.label
    amount = f"为 {found}，" if found is not None else ""
    message = f"{subject}{amount}超过上限 {value(key)} {limit.unit}（可用环境变量 {limit.env} 调整）"
    return CalculationError(message, where)


def check(key: str, found: int, where: str | None = None, *, what: str | None = None) -> None:
    if found > value(key):
        raise breach(key, found, where, what=what)


def check_bytes(key: str, size: int, where: str | None = None, *, what: str | None = None) -> None:
    if size > bytes_limit(key):
        raise breach(key, f"{size / 1024 / 1024:.1f} MB", where, what=what)
