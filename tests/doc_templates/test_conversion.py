"""套改测算: the `pay-conversion` calculator, its workbook, and the scheme drafted with a staff list."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from draft_helpers import (
    body_text,
    docx_files,
    minimal_profile,
    staff_rows,
    table_after,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
import doc_templates
from calculators.errors import CalculationError
from doc_templates import Profile, ProfileError

GRADES = [{"name": "初级工", "post_wage": 1500, "start_step": 1}, {"name": "高级工", "post_wage": 2000, "start_step": 3}]
STEPS = {"count": 10, "first": 100, "increment": 50}


def _run(staff: list[dict], **extra) -> dict:
    return calculators.run("pay-conversion", {"grades": GRADES, "steps": STEPS, "basic_wage": 1800,
                                              "mapping": {"操作工": "初级工", "班长": "高级工"}, "staff": staff, **extra})


def test_nearest_step_not_below_current_pay():
    result = _run([{"姓名": "张三", "现岗位": "操作工", "现工资": 3520, "工龄": 3}])
    row = result["rows"][0]
    # 1800 + 1500 + step wage ≥ 3520 → step wage ≥ 220 → step 4 (250); step 3 (200) would pay less
    assert row["套入薪级"] == 4 and row["新标准工资"] == Decimal("3550.00") and row["保留工资"] == 0
    assert row["增减额"] == Decimal("30.00") and row["月增资额"] == Decimal("30.00")


def test_start_step_is_the_floor():
    row = _run([{"姓名": "李四", "现岗位": "班长", "现工资": 3000}])["rows"][0]
    assert row["套入薪级"] == 3 and row["新标准工资"] == Decimal("4000.00") and row["工龄"] == 0


def test_pay_above_the_top_step_is_protected():
    row = _run([{"姓名": "王五", "现岗位": "操作工", "现工资": 4000}])["rows"][0]
    top = 1800 + 1500 + 100 + 50 * 9
    assert row["套入薪级"] == 10 and row["新标准工资"] == Decimal(top)
    assert row["保留工资"] == Decimal(4000 - top) and row["套改后月工资"] == Decimal(4000) and row["月增资额"] == 0


@settings(max_examples=60, deadline=None)
@given(pays=st.lists(st.integers(0, 9000), min_size=1, max_size=40), years=st.integers(0, 40))
def test_no_one_loses_pay_and_totals_add_up(pays, years):
    staff = [{"姓名": f"职工{i}", "现岗位": "操作工" if i % 2 else "班长", "现工资": p, "工龄": years}
             for i, p in enumerate(pays)]
    result = _run(staff, seniority={"start": 50, "increment": 30, "bands": 6, "years_per_band": 5})
    for row in result["rows"]:
        assert row["套改后月工资"] >= row["现工资"]
        assert row["套改后月工资"] == row["新标准工资"] + row["保留工资"]
        if row["保留工资"] > 0:
            assert row["套入薪级"] == STEPS["count"]  # protection only beyond the top step
        elif row["套入薪级"] > (1 if row["新岗位等级"] == "初级工" else 3):
            # 就近就高: one step lower would pay less than before
            assert row["新标准工资"] - STEPS["increment"] < row["现工资"]
    totals = result["totals"]
    assert totals["人数"] == len(pays)
    assert totals["套改后月合计"] == sum(r["套改后月工资"] for r in result["rows"])
    assert totals["月增资合计"] == totals["套改后月合计"] - totals["现工资月合计"]
    assert sum(b["人数"] for b in result["distribution"]) == len(pays)


def test_budget_comparison():
    staff = [{"姓名": "甲", "现岗位": "操作工", "现工资": 3400}]
    totals = _run(staff, annual_fixed_budget=40_000)["totals"]
    assert totals["套改后全年合计"] == Decimal("40800.00") and totals["预算结余"] == Decimal("-800.00")


def test_all_problems_at_once_by_row_and_column():
    staff = [{"姓名": "甲", "现岗位": "操作工", "现工资": "很多"}, {"姓名": "", "现岗位": "操作工", "现工资": 1},
             {"姓名": "丙", "现岗位": "操作工", "现工资": -5, "工龄": "x"}]
    with pytest.raises(CalculationError) as caught:
        _run(staff)
    message = str(caught.value)
    assert "共 3 处" in message and "第 2 行（甲）“现工资”“很多”不是数字" in message and "第 3 行“姓名”为空" in message
    with pytest.raises(CalculationError) as caught:
        _run([{"姓名": "甲", "现岗位": "电工", "现工资": 1}, {"姓名": "乙", "现岗位": "焊工", "现工资": 1}])
    assert "“电工”（第 2 行）" in str(caught.value) and "“焊工”（第 3 行）" in str(caught.value)
    with pytest.raises(CalculationError, match="缺少“现工资”列"):
        _run([{"姓名": "甲", "现岗位": "操作工"}])


def test_duplicate_names_stay_apart():
    staff = [{"姓名": "张伟", "部门": "一部", "现岗位": "操作工", "现工资": 3000},
             {"姓名": "张伟", "部门": "二部", "现岗位": "操作工", "现工资": 3100}]
    result = _run(staff)
    assert set(result["by_person"]) == {"张伟（一部）", "张伟（二部）"} and len(result["rows"]) == 2


def test_registered_and_reachable_from_an_uploaded_table():
    info = calculators.get_calculator("pay-conversion")
    assert info.title == "套改测算" and info.people is not None
    result = calculators.run("pay-conversion", {**info.example, "staff": [],
                                                "people": info.example["staff"]})
    assert len(result["rows"]) == 2 and result["citations"]
    with pytest.raises(CalculationError, match="二选一"):
        calculators.run("pay-conversion", {**info.example, "people": info.example["staff"]})


def test_no_steps_means_post_wage_with_protection():
    result = calculators.run("pay-conversion", {"grades": GRADES, "staff": [
        {"姓名": "甲", "现岗位": "初级工", "现工资": 1200}, {"姓名": "乙", "现岗位": "高级工", "现工资": 2500}]})
    first, second = result["rows"]
    assert first["套入薪级"] is None and first["新标准工资"] == Decimal(1500) and first["保留工资"] == 0
    assert second["保留工资"] == Decimal(500)


# ---- with a drafted scheme -------------------------------------------------------------------


def test_draft_with_staff_writes_the_workbook_and_summarises_it(tmp_path):
    profile = doc_templates.load_example("private-restaurant")
    rows = staff_rows(profile)
    mapping = profile.transition.mapping
    rows[0]["现岗位"] = next(k for k, v in mapping.items() if v == rows[0]["现岗位"] and k != v)
    report = doc_templates.draft_document(profile, tmp_path / "r.docx", staff=rows)
    assert report.conversion_path == tmp_path / "r.套改测算.xlsx"
    assert docx_files(tmp_path) == sorted([report.path, report.notes_path, report.conversion_path])
    book = openpyxl.load_workbook(report.conversion_path)
    assert book.sheetnames == ["套改明细", "汇总", "说明"]
    detail = list(book["套改明细"].iter_rows(values_only=True))
    assert detail[0][:5] == ("姓名", "部门", "现岗位", "现工资", "新岗位等级") and len(detail) == len(rows) + 1
    assert len(book["汇总"]._charts) == 1
    notes = body_text(report.notes_path, annex=True)
    assert "套改测算" in notes and f"现有职工 {len(rows)} 人" in notes and "无人因套改减少工资" in notes
    budget = {r[0]: r for r in table_after(report.path, "年度工资总额测算")}
    assert "套改测算" in budget["薪级工资"][2]


def test_conversion_guards_formulas_in_names(tmp_path):
    profile = Profile.model_validate(minimal_profile())
    rows = [{"姓名": "=HYPERLINK(\"http://x\")", "现岗位": "普工", "现工资": 1000}]
    path, _ = doc_templates.convert_file(profile, _csv(tmp_path, rows), tmp_path / "out.xlsx")
    value = openpyxl.load_workbook(path)["套改明细"]["A2"].value
    assert value.startswith("'=")


def _csv(tmp_path, rows) -> str:
    path = tmp_path / "staff.csv"
    lines = ["姓名,现岗位,现工资"] + [f"\"{r['姓名'].replace(chr(34), chr(34) * 2)}\",{r['现岗位']},{r['现工资']}" for r in rows]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


def test_unmapped_posts_refuse_the_draft_and_write_nothing(tmp_path):
    profile = doc_templates.load_example("private-restaurant")
    with pytest.raises(ProfileError, match="未对应到新岗位等级"):
        doc_templates.draft_document(profile, tmp_path / "r.docx", staff=[{"姓名": "甲", "现岗位": "保安", "现工资": 2000}])
    assert docx_files(tmp_path) == []
