"""People tables in (CSV in three encodings, XLSX) and results out (XLSX with 结果 and 计算过程)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import calculators
from calculators import CalculationError
from calculators.tables import read_table, write_result_xlsx


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(tmp_path: Path, rows: list[list], name: str = "people.xlsx") -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_each_encoding(tmp_path, encoding):
    rows = read_table(_csv(tmp_path, "姓名,积分\n张三,120\n李四,80\n\n", encoding))
    assert rows == [{"姓名": "张三", "积分": "120"}, {"姓名": "李四", "积分": "80"}]


def test_xlsx_rows_skip_blank_lines_and_strip_text(tmp_path):
    path = _xlsx(tmp_path, [[" 姓名 ", "计件数", "系数"], ["小王", 1200, None], [None, None, None], ["小李 ", 800, 0.8]])
    assert read_table(path) == [{"姓名": "小王", "计件数": 1200, "系数": None}, {"姓名": "小李", "计件数": 800, "系数": 0.8}]


def test_piece_rate_from_an_xlsx_people_table(tmp_path):
    rows = read_table(_xlsx(tmp_path, [["姓名", "计件数", "系数"], ["小王", 1200, None], ["小李", 800, 0.8]]))
    result = calculators.run("piece-rate-allocation", {"pool": 60000, "people": rows})
    assert result["allocations"] == {"小王": Decimal("39130.43"), "小李": Decimal("20869.57")}


def test_points_from_csv_flat_and_two_level(tmp_path):
    flat = read_table(_csv(tmp_path, "姓名,积分\n张三,3\n李四,1\n"))
    assert calculators.run("points-allocation", {"pool": 100000, "people": flat})["allocations"] == {"张三": Decimal("75000.00"), "李四": Decimal("25000.00")}
    grouped = read_table(_csv(tmp_path, "姓名,部门,积分\n张三,生产部,120\n李四,生产部,80\n王五,技术部,100\n", name="g.csv"))
    result = calculators.run("points-allocation", {"pool": 100000, "people": grouped, "departments": {"生产部": {"score": 3000}, "技术部": {"score": 2000}}})
    assert result["allocations"] == {"生产部": Decimal("60000.00"), "技术部": Decimal("40000.00")}
    assert result["members"]["生产部"] == {"张三": Decimal("36000.00"), "李四": Decimal("24000.00")}
    # without department scores, a department weighs the sum of its members' scores
    plain = calculators.run("points-allocation", {"pool": 300, "people": grouped})
    assert plain["allocations"] == {"生产部": Decimal("200.00"), "技术部": Decimal("100.00")}


def test_forced_distribution_from_a_people_table():
    rows = [{"姓名": f"员工{i}", "得分": 100 - i} for i in range(20)]
    result = calculators.run("forced-distribution", {"mode": "全员", "quotas": {"A": 0.1, "B": 0.8, "C": 0.1}, "people": rows})
    assert result["counts"] == {"A": 2, "B": 16, "C": 2}
    assert result["grades"]["A"] == ["员工0", "员工1"] and result["assignments"]["员工19"] == "C"


def test_allowances_from_a_people_table():
    rows = [{"姓名": "张师傅", "技能等级": "高级技师", "带徒人数": "2", "班组长津贴": "300"}, {"姓名": "小周", "技能等级": "高级工", "带徒人数": None}]
    result = calculators.run("allowance-schedule", {"people": rows})
    assert result["allocations"] == {"张师傅": Decimal("1300.00"), "小周": Decimal("100.00")}


@pytest.mark.parametrize(
    "rows, field, words",
    [
        ([{"姓名": "张三", "积分": "一百"}], "people[0].积分", ["第 2 行", "积分", "一百"]),
        ([{"姓名": "张三", "积分": 1}, {"姓名": "李四", "积分": "8o"}], "people[1].积分", ["第 3 行", "8o"]),
        ([{"姓名": "张三", "积分": None}], "people[0].积分", ["第 2 行", "为空"]),
        ([{"名字": "张三", "积分": 1}], "people", ["姓名"]),
        ([{"姓名": "张三", "分": 1}], "people", ["积分"]),
        ([{"姓名": "张三", "积分": 1}, {"姓名": "张三", "积分": 2}], "people[1].姓名", ["重名"]),
    ],
)
def test_bad_cells_name_row_and_column(rows, field, words):
    with pytest.raises(CalculationError) as caught:
        calculators.run("points-allocation", {"pool": 100, "people": rows})
    assert caught.value.field == field
    for word in words:
        assert word in str(caught.value)


def test_table_and_typed_figures_conflict():
    with pytest.raises(CalculationError, match="二选一"):
        calculators.run("points-allocation", {"pool": 100, "scores": {"a": 1}, "people": [{"姓名": "张三", "积分": 1}]})


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.csv", b"", "空文件"),
        ("header-only.csv", "姓名,积分\n".encode(), "没有数据行"),
        ("broken.xlsx", b"this is not a zip file", "无法读取"),
        ("old.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("notes.docx", b"x", "不支持"),
    ],
)
def test_unreadable_tables_are_chinese_errors(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CalculationError, match=words.replace(".", r"\.")):
        read_table(path)


def test_missing_file(tmp_path):
    with pytest.raises(CalculationError, match="找不到"):
        read_table(tmp_path / "nope.csv")


def test_result_xlsx_round_trip(tmp_path):
    data = {"pool": 1000000, "departments": {"生产部": {"score": 3000, "members": {"张三": 120, "李四": 80}}, "技术部": {"score": 2000}}}
    result = calculators.run("points-allocation", data)
    path = write_result_xlsx(result, tmp_path / "out" / "结果.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["结果", "计算过程"]
    cells = [[c for c in row] for row in book["结果"].iter_rows(values_only=True)]
    allocation_rows = cells[cells.index(["分配结果", None, None]) + 2:][:2]
    assert [r[:2] for r in allocation_rows] == [["生产部", 600000], ["技术部", 400000]]
    assert ["生产部", "张三", 360000] in cells
    trace = [row[0] for row in book["计算过程"].iter_rows(values_only=True)]
    assert result["trace"]["formula"] in trace and "《曲靖市企业技能人才薪酬分配指引（试行）》第八条" in trace
    assert any(str(t).startswith("生产部：1000000 ÷ 5000 × 3000") for t in trace if t)


def test_people_table_round_trip_through_xlsx(tmp_path):
    """Read a people table, allocate, write the result, read the result back: sums hold."""
    src = _xlsx(tmp_path, [["姓名", "积分"], *[[f"员工{i}", 50 + i % 7] for i in range(200)]])
    result = calculators.run("points-allocation", {"pool": "98765.43", "people": read_table(src)})
    book = openpyxl.load_workbook(write_result_xlsx(result, tmp_path / "r.xlsx"))
    rows = list(book["结果"].iter_rows(values_only=True))
    start = rows.index(("分配结果", None)) + 2
    amounts = [Decimal(str(r[1])) for r in rows[start:start + 200]]
    assert sum(amounts) == Decimal("98765.43")


@pytest.mark.parametrize("info", calculators.list_calculators(), ids=lambda i: i.name)
def test_every_example_result_writes_to_xlsx(tmp_path, info):
    path = write_result_xlsx(calculators.run(info.name, info.example), tmp_path / f"{info.name}.xlsx")
    book = openpyxl.load_workbook(path)
    assert book["结果"].max_row >= 2 and book["计算过程"]["A2"].value
