"""`payguide review` as a process (JSON contract, options, errors), the report .docx a reviewer can
hand in, and the rows the UI shows."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from review_samples import scheme_text

import knowledge
from assistant.review import report_rows, review_file, review_text, write_report_docx
from assistant.review.applicability import table

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "review_data" / "dev"
BROKEN = {"p5": "第五条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元，辅助岗位1800元。",
          "p2": "第二条 本方案报董事会批准后实施。"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, check=False, cwd=ROOT, timeout=300)


@pytest.fixture
def broken_file(tmp_path) -> Path:
    path = tmp_path / "方案.md"
    path.write_text(scheme_text(BROKEN), encoding="utf-8")
    return path


def test_cli_json_contract(broken_file, tmp_path):
    out = tmp_path / "报告.docx"
    done = _run("review", str(broken_file), "--json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"findings", "coverage"} <= set(data)
    rules = {f["rule"]: f for f in data["findings"]}
    assert {"basic-wage-one-standard", "soe-congress"} <= set(rules)
    for f in data["findings"]:
        assert {"rule", "severity", "message", "citations", "quote", "evidence"} <= set(f)
        assert f["severity"] in {"error", "warning", "info"}
        assert f["quote"] in knowledge.get_unit(f["citations"][0]).text
    assert rules["basic-wage-one-standard"]["severity"] == "error"
    assert rules["basic-wage-one-standard"]["evidence"].startswith("第五条 基础工资按岗位不同")
    assert rules["soe-congress"]["evidence"].startswith("第二条 本方案报董事会批准")  # the procedure, without 职代会
    for c in data["coverage"]:
        assert {"topic", "present", "citations"} <= set(c) and isinstance(c["present"], bool) and c["citations"]
    assert [a["topic"] for a in data["applicability"]] == ["所有制", "所在地区", "适用人员"]
    assert out.is_file()


def test_cli_ownership_and_region_options():
    path = DEV / "soe_tourism_services.md"
    data = json.loads(_run("review", str(path), "--json").stdout)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "two-lower"} == {"warning"}  # 大理: a reference
    data = json.loads(_run("review", str(path), "--json", "--region", "曲靖市").stdout)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "two-lower"} == {"error"}
    data = json.loads(_run("review", str(path), "--json", "--ownership", "非公", "--region", "曲靖市").stdout)
    assert "two-lower" not in {f["rule"] for f in data["findings"]}
    bad = _run("review", str(path), "--ownership", "集体")
    assert bad.returncode != 0 and "所有制应为" in bad.stderr


def test_cli_table_by_default(broken_file):
    done = _run("review", str(broken_file))
    assert done.returncode == 0, done.stderr
    assert "违反" in done.stdout and "基础工资全体职工一个标准" in done.stdout and "内容覆盖" in done.stdout
    assert "适用情况" in done.stdout and "basic-wage" not in done.stdout


def test_cli_hostile_file_is_one_chinese_line(tmp_path):
    path = tmp_path / "假.docx"
    path.write_text("not a docx", encoding="utf-8")
    done = _run("review", str(path), "--json")
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "不是有效的 Word" in lines[0] and "Traceback" not in done.stderr


def test_cli_missing_file(tmp_path):
    done = _run("review", str(tmp_path / "无.md"), "--json")
    assert done.returncode != 0 and "找不到" in done.stderr


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_report_docx_is_a_document_to_hand_in(tmp_path):
    report = review_file(DEV / "qj_soe_power_skill.md")
    out = write_report_docx(report, tmp_path / "sub" / "审查报告.docx")
    assert out.is_file() and not list(out.parent.glob("*.tmp"))
    document = docx.Document(str(out))
    section = document.sections[0]
    def mm(length) -> int:
        return round(length / Mm(1))

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)  # A4
    assert (mm(section.top_margin), mm(section.bottom_margin), mm(section.left_margin), mm(section.right_margin)) == (37, 35, 28, 26)
    footer = section.footer._element.xml
    assert "PAGE" in footer  # page numbers
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    first_page = "\n".join(p.text for p in document.paragraphs[:12])
    assert "薪酬分配方案条款审查报告" in first_page and "不通过" in first_page and "适用情况" in first_page
    counts = document.tables[0]
    assert [r.cells[0].text for r in counts.rows] == ["性质", "违反", "提醒", "提示"]
    assumed = document.tables[1]
    assert [r.cells[0].text for r in assumed.rows] == ["事项", "所有制", "所在地区", "适用人员"]
    text = _text(document)
    assert "第二章 工资总额" in text and "第六章 组织实施" in text  # grouped by the scheme's chapters
    assert "| 20年（含）以上 | 450 |" in text  # the offending table row, not the first rows of its table
    assert "不再提交职工代表大会审议" in text and "建议改为" in text
    assert "《国有企业内部薪酬分配指引》第十一条" in text
    for spec in table().rules.values():  # Chinese rule names only
        assert not re.search(rf"(?<![\w-]){re.escape(spec.id)}(?![\w-])", text), spec.id
    findings = document.tables[2]
    widths = [c.width for c in findings.rows[0].cells]
    assert len(set(widths)) > 2 and max(widths) > 3 * min(widths)
    coverage = next(t for t in document.tables if t.rows[0].cells[0].text == "内容")
    assert len(coverage.rows) == len(report.coverage) + 1
    assert any(r.cells[1].text == "明确排除" for r in coverage.rows)


def test_report_of_a_clean_scheme(tmp_path):
    out = write_report_docx(review_text(scheme_text()), tmp_path / "clean.docx")
    assert "未发现" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_rows_for_the_screen():
    rows = report_rows(review_file(DEV / "qj_private_autoparts.txt"))
    assert rows and all(r.严重程度 in ("违反", "提醒", "提示") for r in rows)
    first = rows[0]
    assert first.条款.startswith("《") and first.条款.endswith("条") and first.方案原文 and first.条款原文 and first.修改建议
    assert all("/" not in r.条款 for r in rows)  # clause titles, never unit ids
