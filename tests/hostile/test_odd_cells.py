"""Odd cells and odd files a careless user sends: numbers in every written form, names that only
look different, and tables saved in the encodings and separators office software uses."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hostile_helpers import chinese_error, payguide

import calculators
from calculators.errors import CalculationError
from calculators.numbers import read_number
from calculators.tables import decode_text

# ---- numbers: read exactly as written, or refused -----------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("1,234.5", "1234.5"), ("12,345,678.90", "12345678.90"), ("１，２３４．５", "1234.5"), ("１０００", "1000"),
    ("－5", "-5"), ("\u22125", "-5"), ("1\u00a0234", "1234"), ("12 345 678.5", "12345678.5"), ("８,５００ 元", "8500"),
    ("15 ％", "0.15"),
])
def test_numbers_in_every_written_form_are_read_exactly(text, value):
    assert read_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1,5", "1,23", "1.234,50", "1.200,00", "1,000 000", "1 23", "1_000", "1,0000"])
def test_a_mark_that_does_not_group_by_three_is_refused_never_guessed(text):
    # "1,5" is 1.5 to a European and 15 to a careless reader: neither is safe.
    assert read_number(text) is None


def test_a_decimal_comma_score_is_refused_not_read_as_fifteen():
    with pytest.raises(CalculationError, match="1,5"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {"张三": "1,5", "李四": 1}})


# ---- names that only look different ------------------------------------------------------------


@pytest.mark.parametrize("twin", ["张三 ", " 张三", "张\u00a0三", "张\u200b三", "张三\u3000", "\ufeff张三"])
def test_names_differing_only_by_spaces_or_invisible_characters_are_refused(twin):
    with pytest.raises(CalculationError, match="同一人"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {"张三": 1, twin: 1}})


def test_full_width_letters_make_the_same_name():
    with pytest.raises(CalculationError, match="ＡＢ"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {"AB": 1, "ＡＢ": 1}})
    with pytest.raises(CalculationError, match="同一人"):
        calculators.run("points-allocation", {"pool": 1000, "departments": {"甲": {"members": {"李四1": 1, "李四１": 1}}}})


@pytest.mark.parametrize("blank", ["", "  ", "\u3000", "\u200b"])
def test_a_blank_name_is_refused(blank):
    with pytest.raises(CalculationError, match="名称为空"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {blank: 1, "李四": 1}})


def test_distinct_names_still_pass_and_case_is_kept():
    out = calculators.run("points-allocation", {"pool": 1000, "scores": {"a": 1, "A": 1, "张三": 2}})
    assert out["allocations"] == {"a": Decimal("250.00"), "A": Decimal("250.00"), "张三": Decimal("500.00")}


def test_table_names_differing_only_by_width_are_refused_with_both_rows(tmp_path):
    table = tmp_path / "积分.csv"
    table.write_text("姓名,积分\nＡＢ,100\nAB,50\n", encoding="utf-8")
    chinese_error(payguide("calc", "points-allocation", "--input", str(table), "--set", "pool=1000"), "第 3 行", "第 2 行", "重名")


# ---- encodings and separators -------------------------------------------------------------------

TABLE = "姓名,积分\n张三,100\n李四,50\n"


@pytest.mark.parametrize("encoded", [
    TABLE.encode("utf-8"), TABLE.encode("utf-8-sig"), TABLE.encode("gbk"), TABLE.encode("gb18030"),
    TABLE.encode("utf-16"), TABLE.encode("utf-16-le"), TABLE.encode("utf-16-be"), TABLE.encode("utf-32"),
], ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom", "utf16le", "utf16be", "utf32"])
def test_a_table_saved_in_any_common_encoding_reads_the_same(encoded):
    assert decode_text(encoded) == TABLE.lstrip("\ufeff")


def test_a_rare_name_character_outside_gbk_survives():
    assert decode_text("姓名\n王𠀀\n".encode("gb18030")) == "姓名\n王𠀀\n"


def test_bytes_that_no_encoding_reads_whole_are_refused_not_guessed():
    assert decode_text(bytes(range(256)) * 4) is None


def test_a_control_character_in_a_name_is_refused():
    with pytest.raises(CalculationError, match="控制字符"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {"张\x00三": 1, "李四": 1}})


@pytest.mark.parametrize("sep", ["\t", ";", "，"])
def test_tab_semicolon_and_full_width_comma_tables_are_read(tmp_path, sep):
    table = tmp_path / "积分.csv"
    table.write_bytes(TABLE.replace(",", sep).encode("utf-16"))
    done = payguide("calc", "points-allocation", "--input", str(table), "--set", "pool=1500", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["allocations"] == {"张三": 1000, "李四": 500}


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_json_and_yaml_inputs_saved_by_notepad_are_read(tmp_path, encoding):
    source = tmp_path / "输入.yaml"
    source.write_bytes("pool: 900\nscores:\n  张三: 1\n  李四: 2\n".encode(encoding))
    done = payguide("calc", "points-allocation", "--input", str(source), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["allocations"] == {"张三": 300, "李四": 600}


# ---- spreadsheets as people make them -----------------------------------------------------------


def _book(path, rows, merge=None):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_a_merged_title_row_above_the_header_is_skipped(tmp_path):
    # Before: "文件损坏" — our own message about the stray cell was swallowed as damage.
    table = _book(tmp_path / "积分.xlsx", [["2024年绩效积分表", None], ["单位：分", None], ["姓　名", "积分"], ["张三", 2], ["李四", 1]], "A1:B1")
    done = payguide("calc", "points-allocation", "--input", str(table), "--set", "pool=900", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["allocations"] == {"张三": 600, "李四": 300}


def test_a_one_column_table_keeps_every_row():
    from calculators.tables import _rows

    assert _rows([["姓名"], ["张三"], ["李四"]], "t") == [{"姓名": "张三"}, {"姓名": "李四"}]
    assert len(_rows([["姓名"], *[[f"员工{i}"] for i in range(9)]], "t")) == 9


def test_our_own_refusal_inside_an_xlsx_is_not_called_damage(tmp_path):
    table = _book(tmp_path / "积分.xlsx", [["姓名", "积分"], ["张三", 1, 99]])
    line = chinese_error(payguide("calc", "points-allocation", "--input", str(table), "--set", "pool=900"), "第 2 行第 C 列")
    assert "损坏" not in line


def test_a_field_set_twice_is_refused_not_overwritten(tmp_path):
    source = tmp_path / "in.json"
    source.write_text('{"pool": 1000, "scores": {"甲": 1}}', encoding="utf-8")
    chinese_error(payguide("calc", "points-allocation", "--input", str(source), "--set", "pool=2000", "--set", "pool=3000"), "两次", "2000", "3000")


def test_an_excel_result_under_another_suffix_is_refused_before_work(tmp_path):
    source = tmp_path / "in.json"
    source.write_text('{"pool": 1000, "scores": {"甲": 1}}', encoding="utf-8")
    chinese_error(payguide("calc", "points-allocation", "--input", str(source), "--xlsx", str(tmp_path / "结果.txt")), ".xlsx")
    assert not (tmp_path / "结果.txt").exists()


# ---- keys in a typed input ----------------------------------------------------------------------


@pytest.mark.parametrize("text, line", [
    ('{"pool": 1000,\n "scores": {"AB": 1,\n "ＡＢ": 1}}', 3),
    ('{"pool": 1000,\n "departments": {"甲": {"members": {"A": 1}},\n "甲 ": {"members": {"B": 1}}}}', 3),
    ('pool: 1000\nscores:\n  "张三": 1\n  "张三 ": 1\n', 4),
    ('pool: 1000\nscores:\n  AB: 1\n  ＡＢ: 1\n', 4),
])
def test_keys_that_differ_only_in_spaces_or_width_are_refused_with_the_line(text, line):
    from calculators.loaders import InputError, load_json_or_yaml

    with pytest.raises(InputError, match=f"第 {line} 行"):
        load_json_or_yaml(text)


def test_departments_that_differ_only_in_spaces_are_refused_from_any_caller():
    with pytest.raises(CalculationError, match="同一人"):
        calculators.run("points-allocation", {"pool": 1000, "departments": {"一部": {"members": {"A": 1}}, "一部\u3000": {"members": {"B": 1}}}})


def test_a_kpi_weight_named_twice_with_a_trailing_space_is_refused(tmp_path):
    source = tmp_path / "kpi.json"
    source.write_text('{"weights": {"利润总额": 0.5, "利润总额 ": 0.5}}', encoding="utf-8")
    chinese_error(payguide("calc", "kpi-check", "--input", str(source)), "利润总额")
