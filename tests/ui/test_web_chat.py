"""问答: a question answered with clause titles, errors beside the box, a new conversation that
forgets, long answers shown from their top."""

from __future__ import annotations

import pytest
import webpage as web
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LAW_8 = "《曲靖市企业技能人才薪酬分配指引（试行）》第八条"


def ask(page: Page, question: str) -> None:
    page.locator("#ask-box textarea").fill(question)
    page.locator("#ask-send").click()


def test_question_gets_an_answer_citing_clause_titles(page, screen):
    ask(page, "基础工资是不是每个职工都一样？")
    web.settled(page.locator("#chatbot"), "根据《曲靖市企业技能人才薪酬分配指引")
    cites = page.locator("#citations")
    web.settled(cites, LAW_8)
    # the quote opens under its title; the side panel holds the whole clause
    quote = cites.locator("details blockquote").first
    expect(quote).to_be_hidden()
    cites.locator("summary").first.click()
    expect(quote).to_be_visible()
    expect(quote).to_contain_text("基础工资")
    web.settled(page.locator("#unit-view"), "基础工资全体职工应一个标准")
    assert "qujing_skill" not in web.visible_text(page)
    web.assert_readable(page)
    web.screenshot(page, "chat", screen)


def test_a_verdict_reads_without_an_emoji_font(page):
    ask(page, "两个低于检查：工资总额增长10%，利润增长8%")
    web.settled(page.locator("#chatbot"), "不符合")
    answer = page.locator("#chatbot").inner_text()
    assert not set("✅❌⚠ℹ") & set(answer)
    web.assert_readable(page)


def test_out_of_scope_question_is_refused(page):
    ask(page, "今天天气怎么样")
    web.settled(page.locator("#chatbot"), "没有找到能回答这个问题的条款")


def test_empty_message_is_told_beside_the_box_and_nothing_is_covered(page):
    ask(page, "师带徒津贴怎么设置？")
    web.settled(page.locator("#chatbot"), "师带徒")
    ask(page, "   ")
    web.settled(page.locator("#ask-status"), "请先输入问题")
    # the conversation and its citations stay readable, nothing pops up over them
    expect(page.locator("#chatbot")).to_contain_text("师带徒")
    expect(page.locator("#citations")).to_contain_text("《")
    web.assert_readable(page)
    ask(page, "什么是“两个低于”原则？")
    web.settled(page.locator("#chatbot"), "两个低于")
    expect(page.locator("#ask-status")).not_to_contain_text("请先输入问题")


def test_the_length_limit_is_stated_before_it_bites(page):
    expect(page.locator("#ask-box")).to_contain_text("最多 2000 字")
    box = page.locator("#ask-box textarea")
    box.fill("工" * 2500)
    assert len(box.input_value()) == 2000


def _calculate_then_follow_up(page: Page) -> None:
    ask(page, "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？")
    web.settled(page.locator("#chatbot"), "300,000")
    ask(page, "总额改成60万呢？")
    web.settled(page.locator("#chatbot"), "360,000")  # the session remembers the calculation


def test_new_conversation_forgets_the_pending_calculation(page):
    _calculate_then_follow_up(page)
    page.locator("#chat-new").click()
    expect(page.locator("#chatbot")).not_to_contain_text("300,000")
    expect(page.locator("#citations")).not_to_contain_text("《")
    ask(page, "总额改成60万呢？")
    web.settled(page.locator("#chatbot"), "总额改成60万呢")
    expect(page.locator("#chatbot .bot-row")).to_have_count(1, timeout=60_000)
    expect(page.locator("#chatbot")).not_to_contain_text("360,000")


def test_the_clear_icon_forgets_too(page):
    _calculate_then_follow_up(page)
    page.locator("#chatbot").get_by_role("button", name="清空对话").click()  # the trash icon
    expect(page.locator("#chatbot")).not_to_contain_text("300,000")
    ask(page, "总额改成60万呢？")
    expect(page.locator("#chatbot .bot-row")).to_have_count(1, timeout=60_000)
    expect(page.locator("#chatbot")).not_to_contain_text("360,000")


def test_a_long_answer_is_shown_from_its_top(page):
    ask(page, "等差薪级：起点2000元，级差150元，共40级")
    web.settled(page.locator("#chatbot"), "第40级")
    page.wait_for_timeout(500)
    # the question and the start of the answer are in view, not the bottom of the table
    wrap = page.locator("#chatbot .bubble-wrap").bounding_box()
    asked = page.locator("#chatbot .user-row").last.bounding_box()
    assert wrap["y"] - 1 <= asked["y"] <= wrap["y"] + wrap["height"] / 2
    expect(page.locator("#chatbot .bot-row").last.get_by_text("我理解为")).to_be_in_viewport()
