"""The 企业概况 Excel workbook and the Chinese form: template, round trip, errors people can act on."""

from __future__ import annotations

import openpyxl
import pytest
from draft_helpers import EXAMPLES, staff_rows

import doc_templates
from doc_templates import (
    ProfileError,
    form_spec,
    form_values,
    profile_from_form,
    read_workbook,
    write_template,
)
from doc_templates.workbook import FIELDS, GUIDE_SHEET, MAIN_SHEET, SHEETS, STAFF_SHEET


def _has_english(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)


def test_template_has_chinese_headers_instructions_and_validation(tmp_path):
    path = tmp_path / "企业概况.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [GUIDE_SHEET, MAIN_SHEET, *(s.name for s in SHEETS)]
    assert "payguide draft" in book[GUIDE_SHEET]["A2"].value
    main = book[MAIN_SHEET]
    labels = [row[0] for row in main.iter_rows(min_row=2, values_only=True) if row[0] and not row[0].startswith("【")]
    assert len(labels) == len(FIELDS) and not any(_has_english(label) for label in labels)
    assert "企业名称 *" in labels and "所有制性质 *" in labels
    lists = [v.formula1 for v in main.data_validations.dataValidation if v.type == "list"]
    assert '"国有,非公有制"' in lists and '"是,否"' in lists
    grades = book["岗位等级"]
    assert [c.value for c in grades[1]][:5] == ["岗位等级名称 *", "岗位类别 *", "人数 *", "岗位工资（元/月） *", "起点薪级"]
    kinds = {v.type for v in grades.data_validations.dataValidation}
    assert {"list", "whole", "decimal"} <= kinds
    for sheet in SHEETS:
        assert not any(_has_english(str(c.value)) for c in book[sheet.name][1] if c.value)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_sample_round_trips_through_the_workbook(tmp_path, name):
    profile = doc_templates.load_example(name)
    path = tmp_path / f"{name}.xlsx"
    write_template(path, profile)
    assert read_workbook(path) == profile
    assert doc_templates.Profile.from_file(path) == profile


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_form_round_trips(name):
    profile = doc_templates.load_example(name)
    values, tables = form_values(profile)
    assert all(not _has_english(label) for label in values)
    assert profile_from_form(values, tables) == profile


def test_form_spec_is_plain_chinese_data():
    spec = form_spec()
    assert [s["title"] for s in spec["sections"]][:2] == ["企业", "工资预算"]
    ownership = next(f for s in spec["sections"] for f in s["fields"] if f["label"] == "所有制性质")
    assert ownership == {"label": "所有制性质", "kind": "选项", "help": "决定适用哪些指引条款", "choices": ["国有", "非公有制"],
                         "required": True}
    assert STAFF_SHEET in [t["name"] for t in spec["tables"]]


def test_all_problems_name_the_sheet_row_and_chinese_field(tmp_path):
    path = tmp_path / "bad.xlsx"
    write_template(path, doc_templates.load_example("private-restaurant"))
    book = openpyxl.load_workbook(path)
    main = book[MAIN_SHEET]
    for row in main.iter_rows(min_row=2):
        if row[0].value == "所有制性质 *":
            row[1].value = "外资"
        if row[0].value == "每月发薪日":
            row[1].value = "十号"
    book["岗位等级"]["C4"] = "三人"
    book["津贴补贴"].append(["技能津贴", None, 80])
    book.save(path)
    with pytest.raises(ProfileError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert message.startswith("企业概况有误（共 4 处）") and "\n" not in message
    for part in ("“所有制性质”：应为“国有”、“非公有制”之一", "“每月发薪日”：应为数字", "岗位等级 第4行“人数”：应为数字",
                 "津贴补贴 第8行“名称”"):
        assert part in message, part


def test_profile_errors_after_reading_use_chinese_labels(tmp_path):
    path = tmp_path / "order.xlsx"
    write_template(path, doc_templates.load_example("private-restaurant"))
    book = openpyxl.load_workbook(path)
    book["岗位等级"]["D3"] = 5000  # 服务员 now paid above the cooks listed after it
    book.save(path)
    with pytest.raises(ProfileError, match="岗位等级应按由低到高的顺序填写"):
        read_workbook(path)


def test_blank_template_lists_what_is_required(tmp_path):
    path = tmp_path / "blank.xlsx"
    write_template(path)
    with pytest.raises(ProfileError) as caught:
        read_workbook(path)
    for label in ("企业名称", "所有制性质", "所属行业", "年度工资总额预算（元）", "“岗位等级”表"):
        assert label in str(caught.value)


def test_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(ProfileError, match="无法读取 Excel 文件"):
        read_workbook(path)
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(ProfileError, match="没有“企业概况”表"):
        read_workbook(other)


def test_staff_sheet_is_read_for_the_conversion(tmp_path):
    profile = doc_templates.load_example("soe-power")
    path = tmp_path / "p.xlsx"
    write_template(path, profile)
    book = openpyxl.load_workbook(path)
    sheet = book[STAFF_SHEET]
    for row in staff_rows(profile, per_grade=2):
        sheet.append([row["姓名"], row["部门"], row["现岗位"], row["现工资"], row["工龄"]])
    book.save(path)
    report = doc_templates.draft_document(read_workbook(path), tmp_path / "s.docx", staff=path)
    assert report.conversion_path.is_file()
    detail = openpyxl.load_workbook(report.conversion_path)["套改明细"]
    assert detail.max_row == 2 * len(profile.grades) + 1
