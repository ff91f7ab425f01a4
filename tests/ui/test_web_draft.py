"""方案起草: a Chinese form (or a sample to start from), a Word document that downloads and opens,
errors in Chinese that clear the last result, and a retry that works."""

from __future__ import annotations

import docx
import pytest
import webpage as web
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_scheme_from_the_form_downloads_and_opens(page, screen, tmp_path):
    web.tab(page, "方案起草")
    web.choose(page, "draft-example", "曲靖宏远机械制造有限公司")
    expect(page.locator("#draft-company-name textarea, #draft-company-name input").first).to_have_value("曲靖宏远机械制造有限公司")
    web.fill(page, "draft-company-name", "红河测试机械有限公司")
    web.fill(page, "draft-budget-performance_pool", "90万")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成：红河测试机械有限公司薪酬分配方案.docx", timeout=120_000)
    web.assert_readable(page)
    web.screenshot(page, "draft", screen)
    document = docx.Document(str(web.download(page, "draft-download", tmp_path)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "红河测试机械有限公司" in text and "绩效工资" in text


def test_the_profile_view_is_keyed_in_chinese(page):
    web.tab(page, "方案起草")
    web.open_section(page, "draft-advanced")
    web.settled(page.locator("#draft-profile"), "企业名称:")
    expect(page.locator("#draft-profile")).to_contain_text("年度工资总额预算（元）:")
    web.assert_readable(page)


def test_a_mistake_is_explained_and_the_last_document_withdrawn(page):
    web.tab(page, "方案起草")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成", timeout=120_000)
    web.fill(page, "draft-budget-performance_pool", "9999万")  # more than the whole wage budget
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-status"), "年度绩效工资总量")
    expect(page.locator("#draft-summary")).not_to_contain_text("已生成")
    expect(page.locator("#draft-download")).to_be_hidden()
    web.assert_readable(page)
    web.fill(page, "draft-budget-performance_pool", "100万")
    page.locator("#draft-run").click()
    web.settled(page.locator("#draft-summary"), "已生成", timeout=120_000)
    expect(page.locator("#draft-status")).to_be_empty()
