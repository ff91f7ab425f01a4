"""套改测算 for a drafted scheme: the staff table goes through the `pay-conversion` calculator with
the scheme's grades, steps and mapping; the result becomes an XLSX workbook with a chart.

    convert_staff(plan, "现有职工.xlsx")         → the calculator's result
    conversion_workbook(result, company)        → XLSX bytes: 套改明细, 汇总 (with a bar chart), 说明
    convert_file(profile, staff, out_xlsx)      → the workbook written, for the UI and scripts
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import ProfileError
from .plan import Plan, make_plan
from .profile import Profile

# One row a person: old pay, new standard, their difference, the protected amount and the pay after.
DETAIL_COLUMNS = ("姓名", "部门", "现岗位", "现工资", "新岗位等级", "套入薪级", "工龄", "新标准工资", "增减额", "保留工资",
                  "套改后月工资")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def staff_rows(staff: Path | str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a staff table file (CSV/XLSX; in a 企业概况 workbook, its 现有职工 sheet) or rows as given."""
    if isinstance(staff, list):
        return staff
    path = Path(staff)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .workbook import STAFF_SHEET, sheet_rows

        rows = sheet_rows(path, STAFF_SHEET)
        if rows is not None:
            return rows
    import calculators
    from calculators.tables import read_table

    try:
        return read_table(path)
    except calculators.CalculationError as exc:
        raise ProfileError(f"现有职工名单无法读取：{exc}") from None


def conversion_input(plan: Plan, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The scheme's figures as the `pay-conversion` calculator's input."""
    p = plan.profile
    data: dict[str, Any] = {
        "grades": [{"name": g.name, "post_wage": g.post_wage, "start_step": plan.start_steps.get(g.name, 1)}
                   for g in p.grades],
        "staff": rows, "absorb": p.transition.absorb,
        "annual_fixed_budget": p.budget.annual_wage_total - p.budget.performance_pool,
    }
    if plan.steps is not None:
        data["steps"] = {"count": plan.steps.count, "first": plan.steps.first, "increment": plan.steps.increment}
    if plan.basic_wage:
        data["basic_wage"] = plan.basic_wage
    if plan.seniority is not None:
        s = plan.seniority
        data["seniority"] = {"start": s.start, "increment": s.increment, "bands": s.bands,
                             "years_per_band": s.years_per_band}
    if p.transition.mapping:
        data["mapping"] = dict(p.transition.mapping)
    return data


def convert_staff(plan: Plan, staff: Path | str | list[dict[str, Any]]) -> dict[str, Any]:
    import calculators

    try:
        return calculators.run("pay-conversion", conversion_input(plan, staff_rows(staff)))
    except calculators.CalculationError as exc:
        raise ProfileError(f"套改测算无法完成：{exc.bare_message}") from None


def convert_file(profile: Profile, staff: Path | str, out: Path | str) -> tuple[Path, dict[str, Any]]:
    """套改测算 on its own (the UI's upload): the workbook written to `out`, and the result."""
    result = convert_staff(make_plan(profile), staff)
    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        raise ProfileError(f"套改测算结果应保存为 .xlsx 文件：{target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(conversion_workbook(result, profile.company.name))
    return target, result


# ---- the workbook -----------------------------------------------------------------------------


def _safe(value: Any) -> Any:
    """Text that Excel would run as a formula (=, +, -, @ at the start) is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def conversion_workbook(result: dict[str, Any], company: str) -> bytes:
    """套改明细 (one row a person), 汇总 (totals, by grade, increase distribution with a bar chart)
    and 说明. Written in openpyxl's write-only mode: linear in the number of staff."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)

    def header(sheet: Any, values: list[str]) -> None:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    detail = book.create_sheet("套改明细")
    detail.freeze_panes = "C2"
    header(detail, list(DETAIL_COLUMNS))
    for row in result["rows"]:
        detail.append([_excel(row[c], c) for c in DETAIL_COLUMNS])

    summary = book.create_sheet("汇总")
    header(summary, [f"{company}套改测算汇总"])
    summary.append([])
    header(summary, ["项目", "数值"])
    for key, value in result["totals"].items():
        summary.append([key, _excel(value, key)])
    summary.append([])
    header(summary, ["新岗位等级", "人数", "套改前月合计", "套改后月合计", "保留工资人数"])
    for grade, v in result["by_grade"].items():
        summary.append([_safe(grade), v["人数"], v["现工资合计"], v["套改后合计"], v["保留工资人数"]])
    summary.append([])
    first = len(result["totals"]) + len(result["by_grade"]) + 7
    header(summary, ["月增资额", "人数"])
    for b in result["distribution"]:
        summary.append([b["区间"], b["人数"]])
    chart = BarChart()
    chart.title = "套改月增资额分布"
    chart.y_axis.title = "人数"
    chart.x_axis.title = "月增资额"
    last = first + len(result["distribution"])
    chart.add_data(Reference(summary, min_col=2, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=first + 1, max_row=last))
    chart.legend = None
    summary.add_chart(chart, "D3")

    notes = book.create_sheet("说明")
    for line in (result["trace"]["formula"], *result["trace"]["steps"],
                 "依据：" + "、".join(result.get("citations", []))):
        notes.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _excel(value: Any, column: str) -> Any:
    """Numbers as numbers (openpyxl writes Decimal exactly), text guarded against formulas."""
    return value if isinstance(value, (int, Decimal)) else _safe(value)
