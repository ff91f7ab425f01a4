"""Tables in and out: people tables from CSV/XLSX (Chinese column names), results to XLSX with a
sheet of the result tables (结果) and a sheet of the formula trace (计算过程)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from .errors import CalculationError

MAX_ROWS = 1_048_575  # what one Excel sheet holds under its header
_ENCODINGS = ("utf-8-sig", "gbk")  # utf-8-sig also reads plain UTF-8; Excel in China saves GBK


# ---- reading ----------------------------------------------------------------------------------


def read_table(path: Path) -> list[dict[str, Any]]:
    """Rows of a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX file as {column: value}.

    The first non-empty row is the header; empty rows are skipped; text cells are stripped and
    empty cells become None. Numbers stay as written (text in CSV, int/float in XLSX); the
    calculators convert them exactly and report a bad cell by row and column.
    """
    path = Path(path)
    if not path.is_file():
        raise CalculationError(f"找不到表格文件：{path}", "people")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        rows = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(path)
    elif suffix == ".xls":
        raise CalculationError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv", "people")
    else:
        raise CalculationError(f"不支持的表格格式“{suffix or path.name}”，请上传 .csv 或 .xlsx", "people")
    if not rows:
        raise CalculationError(f"表格“{path.name}”没有数据行（第一行应为列名，如 姓名、积分）", "people")
    return rows


def _read_csv(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    if not raw.strip():
        raise CalculationError(f"表格“{path.name}”是空文件", "people")
    for encoding in _ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CalculationError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 的 CSV", "people")
    lines = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    return _rows(lines, path.name)


def _read_xlsx(path: Path) -> list[dict[str, Any]]:
    from zipfile import BadZipFile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise CalculationError(f"无法读取 Excel 文件“{path.name}”（文件损坏或不是 .xlsx）", "people") from exc
    try:
        sheet = book.worksheets[0]
        lines = [list(r) for r in sheet.iter_rows(values_only=True) if any(_cell(c) is not None for c in r)]
    finally:
        book.close()
    return _rows(lines, path.name)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _rows(lines: list[list[Any]], name: str) -> list[dict[str, Any]]:
    if not lines:
        return []
    header = [str(_cell(h) or "").strip() for h in lines[0]]
    if not any(header):
        raise CalculationError(f"表格“{name}”第一行应为列名", "people")
    if len(lines) - 1 > MAX_ROWS:
        raise CalculationError(f"表格“{name}”超过 {MAX_ROWS} 行", "people")
    rows = []
    for line in lines[1:]:
        row = {h: _cell(line[i]) if i < len(line) else None for i, h in enumerate(header) if h}
        if any(v is not None for v in row.values()):
            rows.append(row)
    return rows


# ---- writing ----------------------------------------------------------------------------------

_TABLE_TITLES = {
    "allocations": ("分配结果", "名称", "金额（元）"),
    "counts": ("各等次人数", "等次", "人数"),
    "percentiles": ("市场分位值", "分位", "金额（元）"),
    "points": ("工分", "姓名", "工分"),
    "max_counts": ("职数上限", "等级", "最多人数"),
    "assignments": ("等次归属", "姓名", "等次"),
    "weighted_pieces": ("折算计件数", "姓名", "折算计件数"),
}
_SCALARS = {
    "total": "合计", "amount": "金额", "point_value": "每分值", "unit_price": "每件工资", "compliant": "是否符合",
    "total_score": "积分合计", "n": "总人数", "r2": "R²", "growth_per_grade": "每级增长率", "base_share": "基本薪酬占比",
    "performance_share": "绩效薪酬占比", "step": "级差", "ratio": "级比", "excess": "超额利润",
}
_SEVERITY = {"error": "不符合", "warning": "提醒", "info": "提示"}
_MONEY_FORMAT = "#,##0.00"


def write_result_xlsx(result: dict[str, Any], path: Path) -> Path:
    """Write a calculator result: sheet 结果 with its tables, sheet 计算过程 with the trace."""
    import openpyxl
    from openpyxl.styles import Font

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "结果"
    bold = Font(bold=True)
    for block in _result_blocks(result):
        _write_block(sheet, block, bold)
    _write_trace(book.create_sheet("计算过程"), result, bold)
    for ws in book.worksheets:
        ws.column_dimensions["A"].width = 28
        for col in "BCDEFG":
            ws.column_dimensions[col].width = 16
    book.save(path)
    return path


def _result_blocks(result: dict[str, Any]) -> Iterable[tuple[str, list[str], list[list[Any]]]]:
    """(title, header, rows) for each table found in a result, in a stable order."""
    for key, (title, left, right) in _TABLE_TITLES.items():
        value = result.get(key)
        if isinstance(value, dict) and value:
            yield title, [left, right], [[k, v] for k, v in value.items()]
    if isinstance(result.get("members"), dict):
        rows = [[dept, name, amount] for dept, people in result["members"].items() for name, amount in people.items()]
        yield "部门成员分配", ["部门", "姓名", "金额（元）"], rows
    if isinstance(result.get("levels"), list) and result["levels"]:
        yield "各级标准", ["级别", "金额（元）"], [[f"第{i}级", v] for i, v in enumerate(result["levels"], 1)]
    if isinstance(result.get("by_tier"), list):
        yield "分段计提", ["起点", "终点", "比例", "提取额"], [[t.get("from"), t.get("to") if t.get("to") is not None else "以上", t.get("rate"), t.get("amount")] for t in result["by_tier"]]
    if isinstance(result.get("bands"), list) and result["bands"] and isinstance(result["bands"][0], dict):
        yield "年功工资档次", ["档次", "工龄起", "工龄止", "金额（元）"], [[b["band"], b["from_years"], b["to_years"] if b["to_years"] is not None else "以上", b["amount"]] for b in result["bands"]]
    yield from _nested_blocks(result)
    scalars = [[label, result[key]] for key, label in _SCALARS.items() if key in result and not isinstance(result[key], (dict, list)) and result[key] is not None]
    if scalars:
        yield "汇总", ["项目", "数值"], scalars
    if result.get("findings"):
        yield "检查结论", ["规则", "结论", "说明", "依据"], [[f.get("rule"), _SEVERITY.get(f.get("severity"), f.get("severity")), f.get("message"), "、".join(f.get("citations", []))] for f in result["findings"]]


def _nested_blocks(result: dict[str, Any]) -> Iterable[tuple[str, list[str], list[list[Any]]]]:
    if isinstance(result.get("table"), list) and result["table"]:
        width = max(len(r.get("totals", [])) for r in result["table"])
        header = ["岗位等级", "岗位工资", "起点薪级"] + [f"薪级{i}" for i in range(1, width + 1)]
        yield "岗位工资和薪级工资标准（月工资）", header, [[r["grade"], r["post_wage"], r["start_step"], *r.get("totals", [])] for r in result["table"]]
    grades = result.get("grades")
    if isinstance(grades, dict) and grades and all(isinstance(v, dict) for v in grades.values()):
        width = max(len(v.get("bands", [])) for v in grades.values())
        header = ["等级", "下限", "中位值", "上限"] + [f"{i}档" for i in range(1, width + 1)]
        yield "宽带薪酬", header, [[k, v.get("min"), v.get("median"), v.get("max"), *v.get("bands", [])] for k, v in grades.items()]
    if isinstance(result.get("by_person"), dict) and result["by_person"]:
        columns = list(next(iter(result["by_person"].values())))
        yield "个人明细", ["姓名", *columns], [[name, *row.values()] for name, row in result["by_person"].items()]
    if isinstance(result.get("fitted"), list) and result["fitted"]:
        yield "回归拟合", ["等级", "实际", "拟合", "偏离"], [[r["grade"], r["actual"], r["fitted"], r["deviation"]] for r in result["fitted"]]


def _excel_value(value: Any) -> Any:
    if isinstance(value, (str, int, float, Decimal)) or value is None:
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    return json.dumps(value, ensure_ascii=False, default=str)


def _write_block(sheet: Any, block: tuple[str, list[str], list[list[Any]]], bold: Any) -> None:
    title, header, rows = block
    if sheet.max_row > 1 or sheet.cell(1, 1).value is not None:
        sheet.append([])
    sheet.append([title])
    sheet.cell(sheet.max_row, 1).font = bold
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in rows:
        sheet.append([("是" if v else "否") if isinstance(v, bool) else _excel_value(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, Decimal) and cell.value.as_tuple().exponent == -2:  # type: ignore[comparison-overlap]
                cell.number_format = _MONEY_FORMAT


def _write_trace(sheet: Any, result: dict[str, Any], bold: Any) -> None:
    trace = result.get("trace") or {}
    sheet.append(["计算公式"])
    sheet.cell(1, 1).font = bold
    sheet.append([trace.get("formula", "")])
    sheet.append([])
    sheet.append(["计算步骤"])
    sheet.cell(sheet.max_row, 1).font = bold
    for step in trace.get("steps", []):
        sheet.append([step])
    sheet.append([])
    sheet.append(["输入", "值"])
    sheet.cell(sheet.max_row, 1).font = bold
    for key, value in (trace.get("inputs") or {}).items():
        sheet.append([key, _excel_value(value)])
    sheet.append([])
    sheet.append(["依据条款"])
    sheet.cell(sheet.max_row, 1).font = bold
    for unit in result.get("citations", []):
        sheet.append([unit])
