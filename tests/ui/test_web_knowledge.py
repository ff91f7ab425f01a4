"""知识库: search shows why a unit matched, a click reads it, an imported document is listed at
once (and answers questions), removal asks first; the import log is plain Chinese."""

from __future__ import annotations

import pytest
import webpage as web
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_search_shows_why_and_a_click_reads_the_clause(page, screen):
    web.tab(page, "知识库")
    web.fill(page, "kb-query", "年功工资 等差数列")
    page.locator("#kb-search").click()
    hits = page.locator("#kb-hits")
    web.settled(hits, "匹配词")
    expect(hits).to_contain_text("《曲靖市企业技能人才薪酬分配指引（试行）》第八条")
    hits.locator("[data-testid=cell-0-0]").click()
    web.settled(page.locator("#kb-unit"), "年功工资")
    expect(page.locator("#kb-unit")).to_contain_text("第三章 指引内容")
    web.assert_readable(page)
    web.screenshot(page, "knowledge", screen)


def test_an_empty_or_unanswerable_search_is_told(page):
    web.tab(page, "知识库")
    page.locator("#kb-search").click()
    web.settled(page.locator("#kb-search-status"), "请输入检索词")
    web.fill(page, "kb-query", "今天天气怎么样")
    page.locator("#kb-search").click()
    web.settled(page.locator("#kb-search-status"), "没有与")
    web.assert_readable(page)


def test_browsing_a_document_lists_its_units(page):
    web.tab(page, "知识库")
    expect(page.locator("#kb-docs")).to_contain_text("不完整")  # the partial copy says so
    web.choose(page, "kb-doc", "国有企业科技人才薪酬分配指引")
    units = page.locator("#kb-units")
    web.settled(units, "第三条")
    expect(units.locator("th")).to_have_count(2)
    units.locator("[data-testid=cell-2-0]").click()
    web.settled(page.locator("#kb-unit"), "《国有企业科技人才薪酬分配指引》第三条")
    web.assert_readable(page)


def _import(page: Page, path) -> None:
    web.open_section(page, "kb-import")
    page.locator("#kb-files input[type=file]").set_input_files(str(path))
    page.locator("#kb-ingest").click()


def test_an_imported_document_is_listed_answers_and_is_removed_after_confirmation(browser, server, tmp_path):
    context, page = web.open_page(browser, server.url, "desktop")
    doc = tmp_path / "宏远公司夜班补贴办法.txt"
    doc.write_text("宏远公司夜班补贴办法\n第一条 为保障夜班职工权益，制定本办法。\n第二条 夜班补贴标准为每班八十元，按实际夜班次数计发。\n",
                   encoding="utf-8")
    web.tab(page, "知识库")
    _import(page, doc)
    log = page.locator("#kb-ingest-log")
    web.settled(log, "已导入", timeout=120_000)
    assert "(" not in log.inner_text() and "True" not in log.inner_text()  # no Python values
    expect(page.locator("#kb-docs")).to_contain_text("宏远公司夜班补贴办法")
    expect(page.locator("#kb-docs")).to_contain_text("本企业导入")
    expect(page.locator("#kb-ready")).to_contain_text("4 份文件")
    web.choose(page, "kb-doc", "宏远公司夜班补贴办法")
    web.settled(page.locator("#kb-units"), "第二条")
    web.assert_readable(page)
    # the chat cites it straight away
    web.tab(page, "问答")
    page.locator("#ask-box textarea").fill("宏远公司夜班补贴每班多少钱？")
    page.locator("#ask-send").click()
    web.settled(page.locator("#citations"), "宏远公司夜班补贴办法", timeout=30_000)
    # removal asks first; cancelling keeps it
    web.tab(page, "知识库")
    web.open_section(page, "kb-remove")
    web.choose(page, "kb-remove-doc", "宏远公司夜班补贴办法")
    page.locator("#kb-remove-ask").click()
    web.settled(page.locator("#kb-remove-confirm-text"), "确定删除“宏远公司夜班补贴办法”")
    page.locator("#kb-remove-cancel").click()
    web.settled(page.locator("#kb-remove-log"), "已取消")
    expect(page.locator("#kb-docs")).to_contain_text("宏远公司夜班补贴办法")
    web.choose(page, "kb-remove-doc", "宏远公司夜班补贴办法")
    page.locator("#kb-remove-ask").click()
    page.locator("#kb-remove-confirm").click()
    web.settled(page.locator("#kb-remove-log"), "已删除", timeout=120_000)
    expect(page.locator("#kb-docs")).not_to_contain_text("宏远公司夜班补贴办法")
    expect(page.locator("#kb-ready")).to_contain_text("3 份文件")
    web.assert_readable(page)
    context.close()


def test_a_file_that_cannot_be_imported_is_explained(page, tmp_path):
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    web.tab(page, "知识库")
    _import(page, empty)
    web.settled(page.locator("#kb-ingest-log"), "未导入")
    expect(page.locator("#kb-ingest-log")).to_contain_text("空文件")
    expect(page.locator("#kb-docs")).not_to_contain_text("空文件")
    web.assert_readable(page)
