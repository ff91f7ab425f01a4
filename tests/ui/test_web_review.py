"""条款审查: upload a scheme, read the findings (problem and clause first, the scheme's own words
beside them), download the report and open it; a bad file is explained and the old report withdrawn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import webpage as web
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
# the scheme names its region: outside 曲靖 the 曲靖 guideline only guides, and its 第八条 would be a reminder

SCHEME = ("曲靖市某公司薪酬分配方案\n第一条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元。\n"
          "第二条 绩效工资按月发放，年底统一考核。\n")


def upload(page: Page, path: Path) -> None:
    clear = page.locator("#review-upload").get_by_role("button", name="清除")
    if clear.count():
        clear.click()
    page.locator("#review-upload input[type=file]").set_input_files(str(path))
    # under load the upload lands late: a run clicked before it reviews nothing and says nothing
    # (the file list shows the name's stem and extension in two parts, at times with a space between)
    expect(page.locator("#review-upload")).to_contain_text(re.compile(re.escape(path.stem) + r"\s*" + re.escape(path.suffix)))
    expect(page.locator("#review-status")).to_have_text(re.compile(r"^\s*$"))  # the upload withdrew the last message


def test_findings_with_the_scheme_text_and_a_report_that_opens(page, screen, tmp_path):
    scheme = tmp_path / "方案.txt"
    scheme.write_text(SCHEME, encoding="utf-8")
    web.tab(page, "条款审查")
    upload(page, scheme)
    page.locator("#review-run").click()
    findings = page.locator("#review-findings")
    web.settled(findings, "违反", timeout=90_000)
    headers = findings.locator("th").all_inner_texts()
    assert [h.strip() for h in headers[:2]] == ["问题", "依据条款"] and "方案原文" in " ".join(headers)
    expect(findings).to_contain_text("基础工资全体职工应一个标准")  # the guideline's words
    expect(findings).to_contain_text("一线岗位2000元")  # the scheme's own words
    expect(findings).to_contain_text("《曲靖市企业技能人才薪酬分配指引（试行）》第八条")
    expect(page.locator("#review-summary")).to_contain_text("违反 2 条")  # 第八条 (one standard) and 第六条 (collective bargaining)
    web.assert_readable(page)
    web.screenshot(page, "review", screen)
    text = web.docx_text(web.download(page, "review-download", tmp_path))
    assert "基础工资" in text and "第八条" in text


def test_a_bad_file_is_explained_and_the_old_report_withdrawn(page, tmp_path):
    good, empty, broken = tmp_path / "方案.txt", tmp_path / "空方案.txt", tmp_path / "方案.docx"
    good.write_text(SCHEME, encoding="utf-8")
    empty.write_bytes(b"")
    broken.write_text("这不是 Word 文件", encoding="utf-8")
    web.tab(page, "条款审查")
    upload(page, good)
    page.locator("#review-run").click()
    web.settled(page.locator("#review-findings"), "违反", timeout=90_000)
    for bad, message in ((empty, "没有可审查的内容"), (broken, "不是有效的 Word 文档")):
        upload(page, bad)
        page.locator("#review-run").click()
        web.settled(page.locator("#review-status"), message)
        expect(page.locator("#review-download")).to_be_hidden()
        expect(page.locator("#review-findings")).not_to_contain_text("违反")
        web.assert_readable(page)
    upload(page, good)
    page.locator("#review-run").click()
    web.settled(page.locator("#review-findings"), "违反", timeout=90_000)
    expect(page.locator("#review-status")).to_be_empty()
    expect(page.locator("#review-download")).to_be_visible()


def test_pressing_review_without_a_file_says_what_to_do(page):
    web.tab(page, "条款审查")
    page.locator("#review-run").click()
    web.settled(page.locator("#review-status"), "请先上传")
    web.assert_readable(page)


def test_a_file_over_the_upload_limit_is_refused_in_chinese(page, tmp_path):
    big = tmp_path / "很大的方案.txt"
    big.write_bytes(b"a" * (21 * 1024 * 1024))  # over the stated 20 MB
    web.tab(page, "条款审查")
    expect(page.locator("#review-upload")).to_contain_text("不超过 20 MB")  # said before it bites
    page.locator("#review-upload input[type=file]").set_input_files(str(big))
    notice = page.locator(".toast-body").first
    expect(notice).to_contain_text("文件超过 20.0 MB 的上限，未上传")
    assert "exceed" not in notice.inner_text() and "Error" not in notice.inner_text()
