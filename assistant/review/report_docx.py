"""The review report as a Word document a reviewer can hand in: 公文 layout (A4, GB/T 9704 fonts,
margins and page numbers, from `doc_templates.render_docx`), a first page with the verdict, the
counts by severity and what was assumed about the company; findings grouped by the scheme's
chapters, each with the scheme's own words, the clause quoted and a suggested rewording; the
coverage matrix; the rules that do not apply and why."""

from __future__ import annotations

import copy
import datetime as _dt
import os
from pathlib import Path

from calculators.severity import Severity, tally

from .applicability import Status
from .errors import ReviewError
from .models import ReviewFinding, ReviewReport

_FINDING_WIDTHS = [10.0, 16.0, 44.0, 50.0, 36.0]  # mm, on a 156 mm text block
_COVERAGE_WIDTHS = [40.0, 16.0, 60.0, 40.0]
_ASSUMPTION_WIDTHS = [24.0, 32.0, 100.0]
_NOT_APPLICABLE_WIDTHS = [52.0, 40.0, 64.0]
_MEANING = {
    Severity.ERROR: "方案内容与对本企业有约束力的指引条款（应、不得、限值）不符，须修改",
    Severity.WARNING: "未达到倡导性要求或参考值，或与仅供参考的指引不符，建议修改",
    Severity.INFO: "可补充完善的良好做法",
}
_COVERAGE = {True: "有", False: "缺"}


def write_report_docx(report: ReviewReport, out: Path) -> Path:
    """Write the report to `out` (.docx); written to a temporary name first, so no half file is left."""
    from doc_templates.render_docx import TableData, build

    tables: dict[str, TableData] = {}
    blocks = [_front(report, tables), _findings(report, tables), _coverage(report, tables), _not_applicable(report, tables)]
    builder = build(blocks, tables, {}, title="薪酬分配方案条款审查报告", author="PayGuide 薪酬分配指引助手")
    _tidy_tables(builder.doc)
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        builder.save(str(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        raise ReviewError(f"无法写入审查报告：{out}（{exc.strerror or exc}）") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _front(report: ReviewReport, tables) -> str:
    from doc_templates.render_docx import TableData

    counts = report.counts()
    tables["counts"] = TableData(columns=["性质", "数量", "含义"], widths_mm=[24.0, 16.0, 116.0],
                                 rows=[[s.label, str(counts[s]), _MEANING[s]] for s in Severity])
    tables["assumptions"] = TableData(columns=["事项", "认定", "依据"], widths_mm=_ASSUMPTION_WIDTHS,
                                      rows=[[a.topic, a.value + ("（审查人指定）" if a.given else ""), a.reason] for a in report.assumptions])
    return "\n".join([
        "::title 薪酬分配方案条款审查报告",
        f"::subtitle 审查对象：{report.source or '方案文本'}",
        "# 一、审查结论",
        report.verdict,
        (f"共审查 {len(report.rules)} 条规则，其中 {sum(r.status != Status.NOT_APPLICABLE.value for r in report.rules)} 条适用于本方案；"
         f"发现{tally(counts, '处', '、')}。"),
        "[[table:counts]]",
        "# 二、适用情况",
        ("各指引对本企业是否有约束力，取决于企业的所有制性质、所在地区和适用人员。本次审查据方案原文作如下认定；如认定有误，"
         "可指定所有制或所在地区后重新审查。对本企业无约束力的指引条款只作参考，与之不符的内容列为“提醒”。"),
        "[[table:assumptions]]",
    ])


def _chapters(report: ReviewReport) -> list[tuple[str, list[ReviewFinding]]]:
    """Findings grouped by the scheme's chapter, chapters in document order, omissions last."""
    groups: dict[str, list[ReviewFinding]] = {}
    for f in sorted(report.findings, key=lambda f: f.evidence is None):
        groups.setdefault(f.chapter, []).append(f)
    return list(groups.items())


def _findings(report: ReviewReport, tables) -> str:
    from doc_templates.render_docx import TableData

    lines = ["# 三、审查发现"]
    if not report.findings:
        return "\n".join(lines + ["未发现与指引条款不符之处。"])
    lines.append("审查发现按方案章节排列。“方案原文”为送审方案中的句子或表格行，“问题及依据”引用指引条款原文，“修改建议”供修改时参考。")
    number = 0
    for i, (chapter, found) in enumerate(_chapters(report), 1):
        rows = []
        for f in found:
            number += 1
            rows.append([str(number), f"{f.severity.label}\n{f.name}", f.evidence or "（方案中未见相关内容）",
                         f"{f.message}\n依据：{f.clause_title}：“{f.quote}”", f.suggestion])
        name = f"findings-{i}"
        tables[name] = TableData(columns=["序号", "性质", "方案原文", "问题及依据", "修改建议"], rows=rows, widths_mm=_FINDING_WIDTHS)
        lines += [f"## （{_cn(i)}）{chapter}", f"[[table:{name}]]"]
    return "\n".join(lines)


def _coverage(report: ReviewReport, tables) -> str:
    from calculators.applicability import clause_name
    from doc_templates.render_docx import TableData

    rows = [[c.topic, "明确排除" if c.denied else _COVERAGE[c.present], c.evidence or "", "；".join(clause_name(u) for u in c.citations)]
            for c in report.coverage]
    tables["coverage"] = TableData(columns=["内容", "方案中", "方案原文", "依据条款"], rows=rows, widths_mm=_COVERAGE_WIDTHS)
    return "# 四、内容覆盖情况\n下表列出指引要求或建议薪酬分配方案写明的内容，以及方案中对应的原文。\n[[table:coverage]]"


def _not_applicable(report: ReviewReport, tables) -> str:
    from calculators.applicability import clause_name
    from doc_templates.render_docx import TableData

    rows = [[r.name, clause_name(r.clause), r.reason] for r in report.rules if r.status == Status.NOT_APPLICABLE.value]
    if not rows:
        return ""
    tables["not-applicable"] = TableData(columns=["规则", "条款", "不适用的原因"], rows=rows, widths_mm=_NOT_APPLICABLE_WIDTHS)
    return "\n".join(["# 五、未适用的规则", "以下规则针对其他类型的企业，本次审查未适用：", "[[table:not-applicable]]",
                      f"::right 审查日期：{_dt.date.today():%Y年%m月%d日}"])


def _cn(n: int) -> str:
    from knowledge.numerals import int_to_cn

    return int_to_cn(n)


def _tidy_tables(document) -> None:
    """Long text left-aligned (short columns stay centred) and line breaks inside cells kept."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for table in document.tables:
        _grid(table, qn)
        for row in table.rows[1:]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if len(paragraph.text) > 12:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    for run in paragraph.runs:
                        _breaks(run, OxmlElement, qn)


def _grid(table, qn) -> None:
    """Column widths as set on the cells, written to the table grid too (LibreOffice and WPS read
    the grid), with the table laid out at those fixed widths."""
    widths = [cell.width for cell in table.rows[0].cells]
    if not all(widths):
        return
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    table.autofit = False


def _breaks(run, element, qn) -> None:
    text = run._r.find(qn("w:t"))
    if text is None or "\n" not in (text.text or ""):
        return
    parts = text.text.split("\n")
    text.text = parts[0]
    anchor = text
    for part in parts[1:]:
        br = element("w:br")
        anchor.addnext(br)
        node = copy.deepcopy(text)
        node.text = part
        br.addnext(node)
        anchor = node
