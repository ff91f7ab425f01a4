"""`payguide calc` through a real subprocess: JSON contract, tables, stdin, one-line Chinese errors."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import calculators

ROOT = Path(__file__).resolve().parents[2]


def _calc(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "calc", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, timeout=120)


def test_list_json_names_every_calculator():
    done = _calc("list", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [c["name"] for c in listed] == [i.name for i in calculators.list_calculators()]
    assert all(set(c) == {"name", "title", "description"} and c["title"] and c["description"] for c in listed)
    assert listed[0]["name"] == "points-allocation"


def test_list_as_a_table():
    done = _calc("list")
    assert done.returncode == 0
    assert "points-allocation" in done.stdout and "积分制绩效工资分配" in done.stdout


def test_json_input_file(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"pool": 60000, "pieces": {"小王": 1200, "小李": 800}, "coefficients": {"小李": 0.8}}, ensure_ascii=False), encoding="utf-8")
    done = _calc("piece-rate-allocation", "--input", str(path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout, parse_float=Decimal)
    assert data["allocations"] == {"小王": Decimal("39130.43"), "小李": Decimal("20869.57")}
    assert data["citations"] == ["qujing_skill/art-8"]
    assert data["trace"]["formula"] and data["trace"]["steps"] and data["trace"]["inputs"]["pool"] == 60000


def test_yaml_from_stdin():
    done = _calc("kpi-check", "--input", "-", "--json", stdin="weights:\n  利润: 0.45\n  收入: 0.55\n")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["compliant"] is False
    assert any(f["rule"] == "kpi.weight_max" and f["severity"] == "error" for f in data["findings"])


def test_csv_people_table(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("姓名,得分\n甲,90\n乙,80\n丙,70\n丁,60\n戊,50\n己,40\n庚,30\n辛,20\n壬,10\n癸,0\n", encoding="utf-8")
    done = _calc("forced-distribution", "--input", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"] == {"A": 1, "B": 8, "C": 1}


def test_xlsx_people_table_and_xlsx_output(tmp_path):
    book = openpyxl.Workbook()
    for row in (["姓名", "积分"], ["张三", 3], ["李四", 1]):
        book.active.append(row)
    src = tmp_path / "people.xlsx"
    book.save(src)
    out = tmp_path / "result.xlsx"
    # a people table alone has no pool; the error says so in Chinese
    done = _calc("points-allocation", "--input", str(src), "--json")
    assert done.returncode == 1 and "绩效工资总量" in done.stderr
    done = _calc("piece-rate-allocation", "--input", str(src))
    assert done.returncode == 1 and "计件" in done.stderr and "Traceback" not in done.stderr
    json_in = tmp_path / "in.yaml"
    json_in.write_text("pool: 100\nscores: {张三: 3, 李四: 1}\n", encoding="utf-8")
    done = _calc("points-allocation", "--input", str(json_in), "--xlsx", str(out))
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["结果", "计算过程"]


def test_human_readable_output(tmp_path):
    path = tmp_path / "in.json"
    path.write_text('{"pool": 500000, "scores": {"生产部": 3000, "技术部": 2000}}', encoding="utf-8")
    done = _calc("points-allocation", "-i", str(path))
    assert done.returncode == 0
    out = done.stdout
    assert "积分制绩效工资分配" in out and "300,000.00" in out and "合计：500,000.00" in out
    assert "计算公式：部门绩效工资总量" in out and "依据：《曲靖市企业技能人才薪酬分配指引（试行）》第八条" in out
    assert "qujing_skill" not in out  # clauses by their names, never by their ids


@pytest.mark.parametrize(
    "args, stdin, words",
    [
        (("points-allocation", "--input", "-"), '{"pool": -1, "scores": {"a": 1}}', "绩效工资总量必须大于0"),
        (("no-such-calculator", "--input", "-"), "{}", "没有名为"),
        (("ladder", "--input", "-"), "[1, 2]", "对象"),
        (("ladder", "--input", "-"), "levels: [unclosed", "JSON/YAML"),
        (("ladder", "--input", "/no/such/file.json"), None, "找不到"),
        (("ladder",), None, "--input"),
    ],
)
def test_errors_are_one_chinese_line(args, stdin, words):
    done = _calc(*args, stdin=stdin)
    assert done.returncode == 1
    assert words in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


def test_example_flag_prints_a_valid_input():
    done = _calc("post-wage-table", "--example")
    assert done.returncode == 0
    example = json.loads(done.stdout)
    assert len(example["grades"]) == 11 and example["steps"]["count"] >= 30
    assert calculators.run("post-wage-table", example)["table"]
