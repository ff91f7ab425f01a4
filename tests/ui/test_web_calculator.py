"""计算器: the form is the input (edits count, 30万 is read as chat reads it), Chinese labels and
dropdowns, verdicts without an empty chart, clause titles, errors that clear and a retry that works."""

from __future__ import annotations

import openpyxl
import pytest
import webpage as web
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def calculate(page: Page) -> None:
    page.locator("#calc-run").click()


def test_form_edits_take_effect_and_download(page, screen, tmp_path):
    web.tab(page, "计算器")
    # the example says 1,000,000 with 3000/2000; the user's own figures are what count
    web.fill(page, "calc-pool", "30万")
    web.edit_cell(page, "calc-scores", 1, 1, "1000")
    calculate(page)
    result = page.locator("#calc-result")
    web.settled(result, "225,000.00")  # 300000 × 3000 / 4000
    expect(result).to_contain_text("75,000.00")
    expect(result).to_contain_text("《曲靖市企业技能人才薪酬分配指引（试行）》第八条")
    expect(page.locator("#calc-chart")).to_be_visible()
    # the clause's text opens under its title
    result.locator("summary").first.click()
    expect(result.locator("details blockquote").first).to_contain_text("绩效工资")
    web.assert_readable(page)
    web.screenshot(page, "calculator", screen)
    sheet = openpyxl.load_workbook(web.download(page, "calc-download", tmp_path)).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "生产部" in cells and 225000 in [float(c) for c in cells if isinstance(c, (int, float))]


def test_labels_and_choices_are_chinese(page):
    web.tab(page, "计算器")
    names = page.locator("#calc-name input")
    expect(names).to_have_value("积分制绩效工资分配")  # no "(points-allocation)"
    expect(page.locator("#calc-pool")).to_contain_text("绩效工资总量")
    web.choose(page, "calc-name", "薪级（等差/等比）序列")
    expect(page.locator("#calc-mode input")).to_have_value("等差")
    web.choose(page, "calc-mode", "等比")
    web.fill(page, "calc-start", "")
    web.fill(page, "calc-step", "")
    web.fill(page, "calc-min", "3000")
    web.fill(page, "calc-max", "1万2")
    web.fill(page, "calc-levels", "9")
    calculate(page)
    web.settled(page.locator("#calc-result"), "12,000.00")
    expect(page.locator("#calc-result")).to_contain_text("3,000.00")
    web.assert_readable(page)


def test_a_check_shows_its_verdict_and_no_empty_chart(page):
    web.tab(page, "计算器")
    web.choose(page, "calc-name", "“两个低于”检查")
    web.fill(page, "calc-wage_total_growth", "10%")
    web.fill(page, "calc-profit_growth", "8%")
    calculate(page)
    web.settled(page.locator("#calc-result"), "不符合指引要求")
    expect(page.locator("#calc-chart")).to_be_hidden()
    expect(page.locator("#calc-result")).to_contain_text("《曲靖市企业技能人才薪酬分配指引（试行）》第五条")
    web.assert_readable(page)


def test_an_error_clears_the_old_result_and_a_retry_works(page):
    web.tab(page, "计算器")
    calculate(page)
    web.settled(page.locator("#calc-result"), "600,000.00")
    web.fill(page, "calc-pool", "很多钱")
    calculate(page)
    web.settled(page.locator("#calc-status"), "绩效工资总量")
    expect(page.locator("#calc-status")).to_contain_text("很多钱")
    expect(page.locator("#calc-result")).not_to_contain_text("600,000.00")  # nothing stale beside the error
    expect(page.locator("#calc-download")).to_be_hidden()
    expect(page.locator("#calc-chart")).to_be_hidden()
    web.assert_readable(page)
    web.fill(page, "calc-pool", "50万")
    calculate(page)
    web.settled(page.locator("#calc-result"), "300,000.00")
    expect(page.locator("#calc-status")).to_be_empty()


def test_switching_calculators_clears_the_result(page):
    web.tab(page, "计算器")
    calculate(page)
    web.settled(page.locator("#calc-result"), "600,000.00")
    web.choose(page, "calc-name", "年功（工龄）工资")
    expect(page.locator("#calc-result")).not_to_contain_text("600,000.00")
    expect(page.locator("#calc-download")).to_be_hidden()
    expect(page.locator("#calc-start")).to_contain_text("第一档标准")


def test_a_bad_people_table_is_a_chinese_message(page, tmp_path):
    empty = tmp_path / "人员表.xlsx"
    openpyxl.Workbook().save(empty)
    broken = tmp_path / "损坏.xlsx"
    broken.write_text("这不是表格", encoding="utf-8")
    web.tab(page, "计算器")
    web.open_section(page, "calc-people")
    for bad, message in ((empty, "没有数据行"), (broken, "无法读取")):
        page.locator("#calc-table input[type=file]").set_input_files(str(bad))
        calculate(page)
        web.settled(page.locator("#calc-status"), message)
        web.assert_readable(page)
        page.locator("#calc-table").get_by_role("button", name="清除").click()


def test_the_advanced_view_and_the_form_stay_in_step(page):
    web.tab(page, "计算器")
    web.open_section(page, "calc-advanced")
    web.settled(page.locator("#calc-input"), "绩效工资总量: 1000000")
    web.fill(page, "calc-pool", "20万")
    web.settled(page.locator("#calc-input"), "绩效工资总量: 200000")
    editor = page.locator("#calc-input .cm-content")
    editor.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.insert_text("绩效工资总量: 10万\n积分:\n  甲班: 1\n  乙班: 3\n")
    page.locator("#calc-apply").click()
    expect(page.locator("#calc-pool textarea, #calc-pool input").first).to_have_value("100000")
    expect(page.locator("#calc-scores")).to_contain_text("甲班")
    calculate(page)
    web.settled(page.locator("#calc-result"), "75,000.00")
    # an edit in the view counts even when 计算 is pressed straight after it
    editor.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.insert_text('{"pool": 4000, "scores": {"甲班": 1, "乙班": 1}}')
    calculate(page)
    web.settled(page.locator("#calc-result"), "2,000.00")
    expect(page.locator("#calc-pool textarea, #calc-pool input").first).to_have_value("4000")
