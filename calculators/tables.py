"""Tables in and out: people tables from CSV/XLSX (Chinese column names), results to XLSX with a
sheet of the result tables (结果) and a sheet of the formula trace (计算过程).

Reading checks the file size, the unpacked size of an XLSX and the number of rows before the
work is done, refuses duplicate column names and cells outside the named columns (never drops
them), and streams the rows. Writing is linear (openpyxl's write-only mode: 100,000 rows in
seconds) and every text cell that a spreadsheet could take for a formula (= + - @, tab, CR) is
stored as text with Excel's quote prefix, so a name such as "=HYPERLINK(…)" stays a name.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import limits
from .errors import CalculationError

_ENCODINGS = ("utf-8-sig", "gbk")  # utf-8-sig also reads plain UTF-8; Excel in China saves GBK
PARAMETER_SHEETS = ("参数", "parameters")
_PARAMETER_HEADERS = {"字段", "参数", "名称", "项目", "field", "name"}


# ---- reading ----------------------------------------------------------------------------------


def read_table(path: Path) -> list[dict[str, Any]]:
    """Rows of a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX file as {column: value}.

    The first non-empty row is the header; empty rows are skipped; text cells are stripped and
    empty cells become None. Numbers stay as written (text in CSV, int/float in XLSX); the
    calculators convert them exactly and report a bad cell by row and column.
    """
    path = _checked_file(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        rows = _rows(_csv_lines(path), path.name)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(path)
    elif suffix == ".xls":
        raise CalculationError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv", "people")
    else:
        raise CalculationError(f"不支持的表格格式“{suffix or path.name}”，请上传 .csv 或 .xlsx", "people")
    if not rows:
        raise CalculationError(f"表格“{path.name}”没有数据行（第一行应为列名，如 姓名、积分）", "people")
    return rows


def read_parameters(path: Path) -> dict[str, Any]:
    """Fields from an XLSX sheet named 参数 (two columns: field, value), e.g. pool for a piece-rate table.

    A CSV has no such sheet; fields can then be given with `--set` (CLI) or the input box (app).
    """
    path = _checked_file(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    book = _open_xlsx(path)
    try:
        sheet = next((ws for ws in book.worksheets if ws.title.strip().lower() in PARAMETER_SHEETS), None)
        if sheet is None:
            return {}
        fields: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = [_cell(c) for c in row]
            if not any(c is not None for c in cells):
                continue
            key = str(cells[0]).strip() if cells and cells[0] is not None else ""
            value = cells[1] if len(cells) > 1 else None
            if number == 1 and key in _PARAMETER_HEADERS:
                continue
            if not key:
                raise CalculationError(f"“{sheet.title}”表第 {number} 行没有字段名（第一列应为字段，如 pool）", "people")
            if key in lines:
                raise CalculationError(f"“{sheet.title}”表第 {number} 行的字段“{key}”与第 {lines[key]} 行重复", key)
            if value is None:
                raise CalculationError(f"“{sheet.title}”表第 {number} 行的字段“{key}”没有值", key)
            lines[key] = number
            fields[key] = value
            limits.check("rows", len(fields), "people", what=f"“{sheet.title}”表的行数")
        return fields
    finally:
        book.close()


def _checked_file(path: Path) -> Path:
    path = Path(path)
    if path.is_dir():
        raise CalculationError(f"“{path}”是一个文件夹，请选择表格文件", "people")
    if not path.is_file():
        raise CalculationError(f"找不到表格文件：{path}", "people")
    limits.check_bytes("upload_mb", path.stat().st_size, "people", what=f"表格“{path.name}”的大小")
    return path


def _csv_lines(path: Path) -> Iterator[list[str]]:
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
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error:
        raise CalculationError(f"表格“{path.name}”第 {reader.line_num} 行无法读取（引号不成对或单元格过长）", "people") from None


def _open_xlsx(path: Path) -> Any:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise CalculationError(f"无法读取 Excel 文件“{path.name}”（文件损坏或不是 .xlsx）", "people") from None
    limits.check_bytes("unpacked_mb", unpacked, "people", what=f"Excel 文件“{path.name}”解压后的大小")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, IndexError):
        raise CalculationError(f"无法读取 Excel 文件“{path.name}”（文件损坏或不是 .xlsx）", "people") from None


def _read_xlsx(path: Path) -> list[dict[str, Any]]:
    book = _open_xlsx(path)
    try:
        sheets = [ws for ws in book.worksheets if ws.title.strip().lower() not in PARAMETER_SHEETS]
        if not sheets:
            raise CalculationError(f"Excel 文件“{path.name}”中没有人员表（除“参数”外的第一张工作表）", "people")
        try:
            return _rows(([*r] for r in sheets[0].iter_rows(values_only=True)), path.name)
        except (KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile):
            raise CalculationError(f"无法读取 Excel 文件“{path.name}”（文件损坏）", "people") from None
    finally:
        book.close()


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _header(line: list[Any], name: str, number: int) -> list[str]:
    header = [str(_cell(h) or "").strip() for h in line]
    if not any(header):
        raise CalculationError(f"表格“{name}”第一行应为列名", "people")
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        if h and h in seen:
            raise CalculationError(
                f"表格“{name}”第 {number} 行的列名“{h}”重复（第 {_column_letter(seen[h])} 列和第 {_column_letter(i)} 列），请删去或改名", "people"
            )
        seen[h] = i
    return header


def _rows(lines: Iterable[list[Any]], name: str) -> list[dict[str, Any]]:
    """{column: value} per data row, streamed: rows past the limit are refused before they are kept."""
    max_rows = limits.value("rows")
    header: list[str] | None = None
    named: list[tuple[int, str]] = []
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        cells = [_cell(c) for c in line]
        if not any(c is not None for c in cells):
            continue
        if header is None:
            header = _header(line, name, number)
            named = [(i, h) for i, h in enumerate(header) if h]
            continue
        stray = next((i for i, c in enumerate(cells) if c is not None and (i >= len(header) or not header[i])), None)
        if stray is not None:
            raise CalculationError(f"表格“{name}”第 {number} 行第 {_column_letter(stray)} 列有数据，但该列没有列名；请补上列名或删除该数据", "people")
        rows.append({h: cells[i] if i < len(cells) else None for i, h in named})
        if len(rows) > max_rows:
            raise limits.breach("rows", None, "people", what=f"表格“{name}”的行数")
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
    """Write a calculator result: sheet 结果 with its tables, sheet 计算过程 with the trace (linear time)."""
    path = Path(path)
    data = result_xlsx_bytes(result)  # in memory first, so a bad path cannot leave a half-written book
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def result_xlsx_bytes(result: dict[str, Any]) -> bytes:
    """The XLSX file of a result, as bytes (for a download that needs no file of ours on disk)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    writer = _Writer(_sheet(book, "结果"))
    for block in _result_blocks(result):
        writer.block(block)
    _write_trace(_Writer(_sheet(book, "计算过程")), result)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Any, title: str) -> Any:
    sheet = book.create_sheet(title)
    sheet.column_dimensions["A"].width = 28
    for col in "BCDEFG":
        sheet.column_dimensions[col].width = 16
    return sheet


# Text a spreadsheet would read as a formula or a command (CSV/DDE injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_EXCEL_DIGITS = 15  # Excel keeps 15 significant digits of a number; longer ones are written as text


class _Writer:
    """Appends rows to a write-only sheet: bold titles, money format, text that is never a formula."""

    def __init__(self, sheet: Any) -> None:
        from openpyxl.styles import Font

        self.sheet = sheet
        self.bold = Font(bold=True)
        self.rows = 0

    def append(self, values: list[Any], bold: bool = False) -> None:
        self.sheet.append([self._cell(v, bold) for v in values])
        self.rows += 1

    def block(self, block: tuple[str, list[str], Iterable[list[Any]]]) -> None:
        title, header, rows = block
        if self.rows:
            self.append([])
        self.append([title], bold=True)
        self.append(header, bold=True)
        for row in rows:
            self.append(row)

    def _cell(self, value: Any, bold: bool) -> Any:
        from openpyxl.cell import WriteOnlyCell

        value = _excel_value(value)
        text_number = isinstance(value, Decimal) and len(value.as_tuple().digits) > _EXCEL_DIGITS
        if text_number:
            value = format(value, "f")
        risky = isinstance(value, str) and value.startswith(_FORMULA_START)
        money = isinstance(value, Decimal) and value.as_tuple().exponent == -2
        if not (bold or risky or money or text_number):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if bold:
            cell.font = self.bold
        if risky or text_number:
            cell.data_type = "s"  # stored as text, never as a formula
            cell.quotePrefix = True  # Excel's leading apostrophe: shown and edited as text
        if money:
            cell.number_format = _MONEY_FORMAT
        return cell


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
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (str, int, float, Decimal)) or value is None:
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _write_trace(writer: _Writer, result: dict[str, Any]) -> None:
    trace = result.get("trace") or {}
    writer.append(["计算公式"], bold=True)
    writer.append([trace.get("formula", "")])
    writer.append([])
    writer.append(["计算步骤"], bold=True)
    for step in trace.get("steps", []):
        writer.append([step])
    writer.append([])
    writer.append(["输入", "值"], bold=True)
    for key, value in (trace.get("inputs") or {}).items():
        writer.append([key, value])
    writer.append([])
    writer.append(["依据条款"], bold=True)
    for unit in result.get("citations", []):
        writer.append([unit])
