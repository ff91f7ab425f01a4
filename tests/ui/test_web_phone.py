"""A 390×844 phone: every tab reachable without a hidden menu, nothing wider than the screen,
tables that scroll inside themselves with the finding and its clause first."""

from __future__ import annotations

import re

import pytest
import webpage as web
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TABS = {"问答": "#ask-send", "计算器": "#calc-run", "方案起草": "#draft-run", "条款审查": "#review-run", "知识库": "#kb-search"}


@pytest.fixture
def phone(browser, server):
    context, page = web.open_page(browser, server.url, "phone")
    yield page
    context.close()


def page_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def test_all_five_tabs_are_on_screen_and_open(phone):
    for name, main_button in TABS.items():
        button = phone.get_by_role("tab", name=name)
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{name} is off screen"
        button.click()
        expect(phone.locator(main_button)).to_be_visible()
        assert page_width(phone) <= 391, f"{name}: the page is wider than the phone"
    expect(phone.locator(".overflow-menu")).to_have_count(0)  # no "…" menu hiding tabs


def test_review_findings_fit_the_phone_with_the_finding_first(phone, tmp_path):
    scheme = tmp_path / "方案.txt"
    scheme.write_text("曲靖市某公司薪酬分配方案\n第一条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元。\n", encoding="utf-8")
    web.tab(phone, "条款审查")
    phone.locator("#review-upload input[type=file]").set_input_files(str(scheme))
    expect(phone.locator("#review-upload")).to_contain_text(  # uploaded before the run is clicked (stem and extension shown apart)
        re.compile(re.escape(scheme.stem) + r"\s*" + re.escape(scheme.suffix)))
    phone.locator("#review-run").click()
    findings = phone.locator("#review-findings")
    web.settled(findings, "违反", timeout=90_000)
    assert page_width(phone) <= 391  # the table scrolls inside itself, the page does not
    first = findings.locator("th").first
    expect(first).to_contain_text("问题")
    box = first.bounding_box()
    assert 0 <= box["x"] < 390
    cell = findings.locator("[data-testid=cell-0-0]")
    expect(cell).to_contain_text("分设不同标准")  # the problem, in the review's words
    cell_box = cell.bounding_box()
    assert cell_box["x"] >= 0 and cell_box["x"] + cell_box["width"] <= 390  # the finding reads without scrolling
