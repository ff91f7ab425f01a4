"""Rows of an uploaded people table (CSV/XLSX, Chinese column names) → calculator fields.

Column names are matched loosely (姓名/名称/员工 …) so that a table typed by HR staff works as it
is. A cell that should be a number and is not raises a CalculationError naming the row and the
column; rows are numbered as in the spreadsheet (the header is row 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .errors import CalculationError
from .numbers import name_key, to_decimal, to_int

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名称", "员工", "员工姓名", "人员", "职工", "name"),
    "department": ("部门", "班组", "车间", "所在部门", "单位", "department", "dept"),
    "score": ("积分", "积分累计", "积分累计总分", "个人积分", "得分", "分数", "考核得分", "工分", "score"),
    "pieces": ("计件数", "计件数量", "件数", "计件", "产量", "pieces"),
    "coefficient": ("系数", "个人系数", "岗位系数", "折算系数", "coefficient"),
    "category": ("类别", "岗位类别", "人员类别", "category"),
    "skill_level": ("技能等级", "职业技能等级", "等级", "skill_level"),
    "apprentices": ("带徒人数", "徒弟数", "徒弟人数", "师带徒人数", "apprentices"),
    "team_leader": ("班组长津贴", "班组长津贴标准", "team_leader"),
}


def find_column(rows: Sequence[dict[str, Any]], key: str, required: bool = True) -> str | None:
    """The header in the table that means `key` (e.g. "积分" for score), or None."""
    headers = {str(h).strip(): h for row in rows[:1] for h in row}
    for alias in COLUMNS[key]:
        for clean, original in headers.items():
            if name_key(clean).lower() == alias.lower():  # “姓　名”, “ＳＣＯＲＥ” typed with full-width keys
                return original
    if required:
        wanted = "、".join(COLUMNS[key][:4])
        raise CalculationError(f"人员表缺少“{COLUMNS[key][0]}”列（可用列名：{wanted}），现有列：{'、'.join(headers)}", "people")
    return None


def _row_no(index: int) -> int:
    return index + 2  # header on row 1


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _filled(row: dict[str, Any], column: str, index: int, required: bool, hint: str = "") -> Any:
    """The cell's value; None for a blank cell that may be blank, an error for one that may not."""
    value = row.get(column)
    if _blank(value):
        if required:
            raise CalculationError(f"人员表第 {_row_no(index)} 行“{column}”列为空{hint}", f"people[{index}].{column}")
        return None
    return value


def cell_text(row: dict[str, Any], column: str, index: int, required: bool = True) -> str | None:
    value = _filled(row, column, index, required)
    return None if value is None else str(value).strip()


def cell_number(row: dict[str, Any], column: str, index: int, required: bool = True) -> Decimal | None:
    value = _filled(row, column, index, required, "，应填数字")
    if value is None:
        return None
    try:
        return to_decimal(value)
    except CalculationError:
        raise CalculationError(f"人员表第 {_row_no(index)} 行“{column}”列的值“{value}”不是数字", f"people[{index}].{column}") from None


def cell_int(row: dict[str, Any], column: str, index: int) -> int:
    number = cell_number(row, column, index, required=False)
    if number is None:
        return 0
    try:
        return to_int(number)
    except CalculationError:
        raise CalculationError(f"人员表第 {_row_no(index)} 行“{column}”列应为整数，收到“{row.get(column)}”", f"people[{index}].{column}") from None


def names(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The 姓名 column, refusing blanks and duplicates (an allocation is keyed by name); names that
    differ only in spaces, full-width letters or invisible characters are duplicates too."""
    column = find_column(rows, "name")
    seen: dict[str, int] = {}
    out = []
    for i, row in enumerate(rows):
        name = cell_text(row, column, i)  # type: ignore[arg-type]
        key = name_key(name)  # type: ignore[arg-type]
        if not key:
            raise CalculationError(f"人员表第 {_row_no(i)} 行“{column}”列为空", f"people[{i}].{column}")
        if key in seen:
            raise CalculationError(f"人员表第 {_row_no(i)} 行的“{name}”与第 {_row_no(seen[key])} 行重名，请区分（如加工号）", f"people[{i}].{column}")
        seen[key] = i
        out.append(name)
    return out  # type: ignore[return-value]


def number_column(rows: Sequence[dict[str, Any]], key: str, required: bool = True) -> list[Decimal | None] | None:
    column = find_column(rows, key, required)
    if column is None:
        return None
    return [cell_number(row, column, i, required) for i, row in enumerate(rows)]


def text_column(rows: Sequence[dict[str, Any]], key: str) -> list[str | None] | None:
    column = find_column(rows, key, required=False)
    if column is None:
        return None
    return [cell_text(row, column, i, required=False) for i, row in enumerate(rows)]


def refuse_both(data: dict[str, Any], *fields: str) -> None:
    """A table and the same figures typed by hand would contradict each other."""
    for f in fields:
        if data.get(f):
            raise CalculationError(f"已上传人员表，又填写了 {f}；请二选一", f)
