"""`payguide review` as a process (JSON contract, errors) and the review report .docx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from review_samples import scheme_text

import knowledge
from assistant.review import review_text, write_report_docx

ROOT = Path(__file__).resolve().parents[2]
BROKEN = {"p5": "第五条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元，辅助岗位1800元。",
          "p2": "第二条 本方案报董事会批准后实施。"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "review", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture
def broken_file(tmp_path) -> Path:
    path = tmp_path / "方案.md"
    path.write_text(scheme_text(BROKEN), encoding="utf-8")
    return path


def test_cli_json_contract(broken_file, tmp_path):
    out = tmp_path / "报告.docx"
    done = _run(str(broken_file), "--json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"findings", "coverage"}
    rules = {f["rule"]: f for f in data["findings"]}
    assert {"basic-wage-one-standard", "soe-congress"} <= set(rules)
    for f in data["findings"]:
        assert set(f) == {"rule", "severity", "message", "citations", "quote", "evidence"}
        assert f["severity"] in {"error", "warning", "info"}
        assert f["quote"] in knowledge.get_unit(f["citations"][0]).text
    assert rules["basic-wage-one-standard"]["evidence"].startswith("第五条 基础工资按岗位不同")
    assert rules["soe-congress"]["evidence"] is None
    for c in data["coverage"]:
        assert {"topic", "present", "citations"} <= set(c) and isinstance(c["present"], bool) and c["citations"]
    assert out.is_file()


def test_cli_table_by_default(broken_file):
    done = _run(str(broken_file))
    assert done.returncode == 0, done.stderr
    assert "违反" in done.stdout and "基础工资全体职工应一个标准" in done.stdout and "内容覆盖" in done.stdout


def test_cli_hostile_file_is_one_chinese_line(tmp_path):
    path = tmp_path / "假.docx"
    path.write_text("not a docx", encoding="utf-8")
    done = _run(str(path), "--json")
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "不是有效的 Word" in lines[0] and "Traceback" not in done.stderr


def test_cli_missing_file(tmp_path):
    done = _run(str(tmp_path / "无.md"), "--json")
    assert done.returncode != 0 and "找不到" in done.stderr


def test_report_docx_opens_with_evidence_and_quote(tmp_path):
    report = review_text(scheme_text(BROKEN))
    out = write_report_docx(report, tmp_path / "sub" / "审查报告.docx")
    assert out.is_file() and not list(out.parent.glob("*.tmp"))
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "审查报告" in text and "违反指引 2 项" in text
    assert "第五条 基础工资按岗位不同分为三个标准" in cells  # the scheme's own sentence
    assert "基础工资全体职工应一个标准" in cells and "曲靖市企业技能人才薪酬分配指引" in cells  # the clause
    assert "（方案中未见相关内容）" in cells
    assert len(document.tables) == 2 and len(document.tables[1].rows) == len(report.coverage) + 1


def test_report_of_a_clean_scheme(tmp_path):
    out = write_report_docx(review_text(scheme_text()), tmp_path / "clean.docx")
    assert "未发现" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
