"""The review report as a Word document: findings (scheme sentence beside the quoted clause) and coverage."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .clauses import label
from .errors import ReviewError
from .models import ReviewReport

SEVERITY_ZH = {"error": "违反", "warning": "缺失/提醒", "info": "建议"}
_FONT = "宋体"


def write_report_docx(report: ReviewReport, out: Path) -> Path:
    """Write the report to `out` (.docx); written to a temporary name first, so no half file is left."""
    import docx

    out = Path(out)
    document = docx.Document()
    _set_font(document)
    _header(document, report)
    _findings(document, report)
    _coverage(document, report)
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        raise ReviewError(f"无法写入审查报告：{out}（{exc.strerror or exc}）") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _set_font(document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = _FONT
        style.font.size = Pt(10.5)
        rpr = style.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)


def _header(document, report: ReviewReport) -> None:
    document.add_heading("薪酬分配方案条款审查报告", level=0)
    counts = report.counts()
    document.add_paragraph(f"审查对象：{report.source or '方案文本'}")
    document.add_paragraph(f"审查日期：{_dt.date.today():%Y年%m月%d日}")
    document.add_paragraph(
        f"审查结论：违反指引 {counts['error']} 项，缺失或需提醒 {counts['warning']} 项，建议 {counts['info']} 项。"
        "“方案原文”为送审方案中的句子，“指引条款”为所依据指引的原文。本报告供工会、职工代表大会审查参考。"
    )


def _findings(document, report: ReviewReport) -> None:
    document.add_heading("一、审查发现", level=1)
    if not report.findings:
        document.add_paragraph("未发现与指引条款不符之处。")
        return
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "性质", "问题", "方案原文", "指引条款")):
        cell.text = text
    for n, f in enumerate(report.findings, 1):
        clause = "；".join(label(c) for c in f.citations)
        row = table.add_row().cells
        row[0].text = str(n)
        row[1].text = SEVERITY_ZH[f.severity]
        row[2].text = f"{f.message}（规则：{f.rule}）"
        row[3].text = f.evidence or "（方案中未见相关内容）"
        row[4].text = f"{clause}：“{f.quote}”" if f.quote else clause


def _coverage(document, report: ReviewReport) -> None:
    document.add_heading("二、内容覆盖情况", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("内容", "方案中", "方案原文", "指引条款")):
        cell.text = text
    for c in report.coverage:
        row = table.add_row().cells
        row[0].text = c.topic
        row[1].text = "有" if c.present else "缺"
        row[2].text = c.evidence or ""
        clause = "；".join(label(u) for u in c.citations)
        row[3].text = f"{clause}：“{c.quote}”" if c.quote else clause
