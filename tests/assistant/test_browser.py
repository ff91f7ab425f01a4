"""The app as a user meets it: Debian's chromium, driven by Playwright, against `payguide serve`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _ask(page, question: str) -> None:
    page.locator("#ask-box textarea").fill(question)
    page.locator("#ask-send").click()


def test_question_gets_an_answer_with_a_citation(page):
    _ask(page, "基础工资是不是每个职工都一样？")
    bot = page.locator("#chatbot")
    bot.get_by_text(re.compile("根据《曲靖市企业技能人才薪酬分配指引")).first.wait_for()
    page.locator("#citations").get_by_text("qujing_skill/art-8").first.wait_for()
    # The side panel opens the full clause of the first citation.
    page.locator("#unit-view").get_by_text("基础工资全体职工应一个标准").first.wait_for()


def test_out_of_scope_question_is_refused(page):
    _ask(page, "今天天气怎么样")
    page.locator("#chatbot").get_by_text("没有找到能回答这个问题的条款").first.wait_for()


def test_calculation_in_chat_and_calculator_tab(page):
    _ask(page, "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？")
    page.locator("#chatbot").get_by_text("300,000").first.wait_for()

    page.get_by_role("tab", name="计算器").click()
    # the form (built from the calculator's input model) writes the JSON input
    page.locator("#calc-field-pool textarea, #calc-field-pool input").first.fill("777777")
    page.locator("#calc-form-fill").click()
    expect(page.locator("#calc-input")).to_contain_text("777777", timeout=30_000)
    page.locator("#calc-run").click()
    result = page.locator("#calc-result")
    result.get_by_text("计算公式").first.wait_for()
    expect(result).to_contain_text("466,666.2")  # 777777 × 3000 / 5000
    assert "元" in result.inner_text()


def test_review_tab_lists_findings(page, tmp_path):
    scheme = tmp_path / "方案.txt"
    scheme.write_text(
        "曲靖市某公司薪酬分配方案\n第一条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元。\n"
        "第二条 绩效工资按月发放，年底统一考核。\n",
        encoding="utf-8",
    )
    page.get_by_role("tab", name="条款审查").click()
    page.locator("#review-upload input[type=file]").set_input_files(str(scheme))
    page.locator("#review-run").click()
    # Gradio keeps a hidden measuring copy of table cells, so assert on the table's text.
    expect(page.locator("#review-findings")).to_contain_text("违反", timeout=90_000)
    expect(page.locator("#review-findings")).to_contain_text("基础工资")
