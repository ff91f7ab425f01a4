"""Helpers every extractor shares: component names, cells as numbers, tables turned around."""

from __future__ import annotations

import re

from ..scheme import NUM, yuan

COMPONENTS: dict[str, str] = {
    "基础工资": r"基础工资|基本生活保障工资",
    "能力工资": r"能力工资|技能工资|技能等级工资|技能津贴|学历津贴|职称津贴",
    "年功工资": r"年功工资|工龄工资|厂龄工资|司龄工资",
    "岗位工资": r"岗位工资|岗位基本薪酬|岗位薪酬|岗位基本工资|岗位薪点",
    "津贴补贴": r"津贴|补贴",
    "绩效工资": r"绩效工资|绩效薪酬|绩效奖金|绩效年薪",
}
SENIORITY = COMPONENTS["年功工资"]
BASIC = COMPONENTS["基础工资"]
NEG = r"不因|不按|不区分|不分|统一|一个标准|同一标准|相同"


def flt(value) -> float:
    return float(value)


_AMOUNT = re.compile(rf"^({NUM})(万)?(元)?(/月)?$")


def amount(cell: str):
    m = _AMOUNT.match(cell.replace(" ", ""))
    return yuan(m.group(1), m.group(2)) if m else None


def row_text(row: list[str]) -> str:
    return " | ".join(c for c in row if c)


def transpose(rows: list[list[str]]) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    return [[r[i] if i < len(r) else "" for r in rows] for i in range(width)]


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def step_no(cell: str) -> int | None:
    """1, 第2档, 3级, 薪级4, 五档 → the step number; anything else None."""
    m = re.match(r"^(?:薪级)?第?(\d{1,2}|[一二三四五六七八九十]{1,3})(?:档|级|薪级)?$", cell)
    if not m:
        return None
    raw = m.group(1)
    if raw.isdigit():
        return int(raw)
    if len(raw) == 1:
        return _CN_DIGITS[raw]
    tens, _, units = raw.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
