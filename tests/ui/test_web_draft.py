"""方案起草: the drafter's Chinese form (or a sample, or its Excel template filled offline), a Word
scheme that downloads and opens, errors in Chinese that withdraw the last result, a retry that works."""

from __future__ import annotations

import openpyxl
import pytest
import webpage as web
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

COMPANY = "draft-企业名称"
POOL = "draft-年度绩效工资总量（元）"


def value(page: Page, elem_id: str):
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def test_a_scheme_from_the_form_downloads_and_opens(page, screen, tmp_path):
    web.tab(page, "方案起草")
    web.choose(page, "draft-example", "曲靖宏远机械制造有限公司")
    expect(value(page, COMPANY)).to_have_value("曲靖宏远机械制造有限公司")
    web.fill(page, COMPANY, "红河测试机械有限公司")
    web.fill(page, POOL, "90万")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成：红河测试机械有限公司薪酬分配方案.docx", timeout=120_000)
    expect(page.locator("#draft-download")).to_contain_text("编制说明")
    web.assert_readable(page)
    web.screenshot(page, "draft", screen)
    text = web.docx_text(web.download(page, "draft-download", tmp_path))
    assert "红河测试机械有限公司" in text and "绩效工资" in text


def test_the_excel_template_round_trips(page, tmp_path):
    web.tab(page, "方案起草")
    web.fill(page, COMPANY, "滇东测试电力有限公司")
    page.locator("#draft-export").click()
    web.settled(page.locator("#draft-summary"), "已按当前内容生成 Excel")
    workbook = web.download(page, "draft-download", tmp_path)
    sheet = openpyxl.load_workbook(workbook)["企业概况"]
    assert "滇东测试电力有限公司" in [c for row in sheet.iter_rows(values_only=True) for c in row]
    # a different sample on the page, then the workbook back: the page shows the workbook
    web.choose(page, "draft-example", "曲靖宏远机械制造有限公司")
    expect(value(page, COMPANY)).to_have_value("曲靖宏远机械制造有限公司")
    page.locator("#draft-upload input[type=file]").set_input_files(str(workbook))
    expect(value(page, COMPANY)).to_have_value("滇东测试电力有限公司", timeout=60_000)
    web.assert_readable(page)


def test_a_mistake_is_explained_and_the_last_document_withdrawn(page):
    web.tab(page, "方案起草")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成", timeout=120_000)
    web.fill(page, POOL, "9999万")  # more than the whole wage budget
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-status"), "年度绩效工资总量")
    expect(page.locator("#draft-summary")).not_to_contain_text("已生成")
    expect(page.locator("#draft-download")).to_be_hidden()
    web.assert_readable(page)
    web.fill(page, POOL, "100万")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成", timeout=120_000)
    expect(page.locator("#draft-status")).to_be_empty()


def test_a_file_that_is_not_a_profile_is_explained(page, tmp_path):
    bad = tmp_path / "概况.xlsx"
    bad.write_text("这不是 Excel", encoding="utf-8")
    web.tab(page, "方案起草")
    page.locator("#draft-upload input[type=file]").set_input_files(str(bad))
    web.settled(page.locator("#draft-load-status"), "概况")
    expect(value(page, COMPANY)).to_have_value("示例县供电局城郊供电所")  # the form is left as it was
    web.assert_readable(page)
