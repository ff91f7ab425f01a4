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

from pydantic import BaseModel

from knowledge.encoding import decode_text

from . import limits
from .errors import CalculationError

PARAMETER_SHEETS = ("参数", "parameters")
_PARAMETER_HEADERS = {"字段", "参数", "名称", "项目", "field", "name"}


# ---- reading ----------------------------------------------------------------------------------


def read_table(path: Path) -> list[dict[str, Any]]:
    """Rows of a CSV (UTF-8, UTF-16 or GBK; see `decode_text`) or XLSX file as {column: value}.

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
    text = decode_text(raw)
    if text is None:
        raise CalculationError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 的 CSV", "people")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error:
        raise CalculationError(f"表格“{path.name}”第 {reader.line_num} 行无法读取（引号不成对或单元格过长）", "people") from None


def _delimiter(text: str) -> str:
    """Comma, unless the header row has none and is split by tabs (Excel's "text" files, cells pasted
    from a sheet), semicolons (European Excel) or full-width commas (typed by hand)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    if "," in header:
        return ","
    counts = {mark: header.count(mark) for mark in ("\t", ";", "，")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


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
        except CalculationError:  # a ValueError too: our own word on a cell or a limit, not damage
            raise
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
    """{column: value} per data row, streamed: rows past the limit are refused before they are kept.

    Rows above the header that hold one cell only (a merged title such as “2024年绩效积分表”, or
    “单位：元”) are titles, not the header; a table of one column throughout still works.
    """
    max_rows = limits.value("rows")
    header: list[str] | None = None
    named: list[tuple[int, str]] = []
    rows: list[dict[str, Any]] = []
    titles: list[tuple[int, list[Any]]] = []
    for number, line in _numbered_lines(lines, titles):
        cells = [_cell(c) for c in line]
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


_MAX_TITLES = 5  # title lines above a header; more single-cell rows make a one-column table


def _numbered_lines(lines: Iterable[list[Any]], titles: list[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    """Non-empty rows with their spreadsheet numbers, leading single-cell title rows held back and
    dropped once a wider header follows (given back as rows if none does)."""
    started = False
    for number, line in enumerate(lines, 1):
        filled = sum(_cell(c) is not None for c in line)
        if not filled:
            continue
        if not started and filled == 1 and len(titles) < _MAX_TITLES:
            titles.append((number, line))
            continue
        if not started:
            started = True
            if filled == 1:  # a one-column table: its single-cell rows were data after all
                yield from titles
            titles.clear()
        yield number, line
    if not started:
        yield from titles


# ---- writing ----------------------------------------------------------------------------------

_MONEY_FORMAT = "#,##0.00"
_PERCENT_FORMAT = "0.##%"


def write_result_xlsx(result: dict[str, Any], path: Path, input_model: type[BaseModel] | None = None) -> Path:
    """Write a calculator result: sheet 结果 with its tables, sheet 计算过程 with the trace (linear time).

    `input_model` (the calculator's) names the inputs by their Chinese titles."""
    path = Path(path)
    data = result_xlsx_bytes(result, input_model)  # in memory first, so a bad path cannot leave a half-written book
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def result_xlsx_bytes(result: dict[str, Any], input_model: type[BaseModel] | None = None) -> bytes:
    """The XLSX file of a result, as bytes (for a download that needs no file of ours on disk)."""
    import openpyxl

    from . import present

    typed = present.typed(result)
    book = openpyxl.Workbook(write_only=True)
    writer = _Writer(_sheet(book, "结果"))
    for table in present.workbook_blocks(typed):
        writer.block(table.title, table.headers, table.rows, [c.percent for c in table.columns])
    trace = _Writer(_sheet(book, "计算过程"))
    for heading, rows in present.trace_rows(typed, input_model):
        if trace.rows:
            trace.append([])
        trace.append([heading] if heading != "输入" else [heading, "值"], bold=True)
        for row in rows:
            trace.append(row)
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

    def block(self, title: str, header: list[str], rows: Iterable[list[Any]], percent: list[bool]) -> None:
        if self.rows:
            self.append([])
        self.append([title], bold=True)
        self.append(header, bold=True)
        for row in rows:
            self.sheet.append([self._cell(v, False, ratio) for v, ratio in zip(row, percent)])
            self.rows += 1

    def _cell(self, value: Any, bold: bool, ratio: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell

        value = _excel_value(value)
        text_number = isinstance(value, Decimal) and len(value.as_tuple().digits) > _EXCEL_DIGITS
        if text_number:
            value = format(value, "f")
        risky = isinstance(value, str) and value.startswith(_FORMULA_START)
        money = isinstance(value, Decimal) and value.as_tuple().exponent == -2
        ratio = ratio and isinstance(value, (Decimal, int)) and not text_number
        if not (bold or risky or money or text_number or ratio):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if bold:
            cell.font = self.bold
        if risky or text_number:
            cell.data_type = "s"  # stored as text, never as a formula
            cell.quotePrefix = True  # Excel's leading apostrophe: shown and edited as text
        if money:
            cell.number_format = _MONEY_FORMAT
        if ratio:
            cell.number_format = _PERCENT_FORMAT
        return cell


def _excel_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (str, int, float, Decimal)) or value is None:
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
