"""One presentation of a calculator result for every surface: terminal text (CLI), Markdown (chat
and the web page), workbook blocks (XLSX) and chart bars. Each reads the typed `CalcResult`, so
the same tables, figures, verdict and findings appear everywhere, in the same words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .numbers import pct
from .results import CHOICE_LABELS, CalcResult, Cell, Column, Figure, Series, Sum, Table
from .severity import Severity

# A screen shows at most this many rows of a table; the workbook holds them all.
SCREEN_ROWS = 200

# The verdict follows the worst finding: a 提醒 alone is not a breach.
VERDICT = {Severity.ERROR: "不符合指引要求", Severity.WARNING: "未违反约束性要求，但有需要注意的提醒", Severity.INFO: "符合指引要求"}
# A figure short of a reference (a typical case's standard, a 提醒): the answer to “够不够” is no, yet nothing binding is broken.
SHORT_OF_REFERENCE = "未达到参考标准（提醒：参考做法，不属于违反约束性要求）"


def verdict(result: Mapping[str, Any] | CalcResult) -> str | None:
    """The verdict line's words, or None for a plain calculation."""
    res = typed(result)
    if res.compliant is None:
        return None
    worst = min((f.severity for f in res.findings), key=lambda s: s.rank, default=None)
    if worst is Severity.WARNING:
        return VERDICT[Severity.WARNING] if res.compliant else SHORT_OF_REFERENCE
    if worst is Severity.ERROR or not res.compliant:
        return VERDICT[Severity.ERROR]
    return VERDICT[Severity.INFO]


def typed(result: Mapping[str, Any] | CalcResult) -> CalcResult:
    return result if isinstance(result, CalcResult) else CalcResult.of(result)


# ---- values --------------------------------------------------------------------------------------


def cell_text(value: Cell | float, percent: bool = False) -> str:
    """1,234,567.89; 12.5% for a ratio; 是/否; — for nothing."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "—"
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        return pct(value) if percent else f"{value:,}"
    if isinstance(value, int):
        return pct(Decimal(value)) if percent else f"{value:,}"
    return str(value)


def figure_text(figure: Figure) -> str:
    """“合计：1,000,000.00 元”."""
    if figure.unit == "%":
        return f"{figure.label}：{cell_text(figure.value, percent=True)}"
    unit = f" {figure.unit}" if figure.unit and figure.value is not None else ""
    return f"{figure.label}：{cell_text(figure.value)}{unit}"


def sum_text(lead: Sum) -> str:
    """“技工 第8级：岗位工资 2,300.00 + 薪级工资 165.00 = 2,465.00 元”."""
    terms = " + ".join(f"{t.label} {cell_text(t.value)}" for t in lead.terms)
    return f"{lead.label}：{terms} = {cell_text(lead.total)} {lead.unit}".rstrip()


def clause_names(unit_ids: Iterable[str]) -> list[str]:
    from .applicability import clause_name

    return [clause_name(u) for u in unit_ids]


def _wide_note(table: Table) -> str:
    return f"（{table.title}共 {len(table.rows)} 行 × {len(table.columns)} 列，完整表格见导出的 Excel）"


def _shown_rows(table: Table) -> tuple[list[list[Cell]], str | None]:
    if len(table.rows) <= SCREEN_ROWS:
        return table.rows, None
    return table.rows[:SCREEN_ROWS], f"……其余 {len(table.rows) - SCREEN_ROWS} 行从略（完整结果见导出的 Excel）"


def _cells(table: Table, row: list[Cell]) -> list[str]:
    return [cell_text(v, c.percent) for v, c in zip(row, table.columns)]


# ---- terminal text -------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def grid(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table aligned for CJK text (two columns per wide character); numbers right-aligned."""
    cells = [header, *rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            numeric = k > 0 and i > 0 and cell.lstrip("-")[:1].isdigit()
            parts.append(pad + cell if numeric else cell + pad)
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def text(title: str, result: Mapping[str, Any] | CalcResult) -> str:
    """A result as a terminal reader wants it: tables, figures, verdict, findings, working, basis."""
    res = typed(result)
    lines = [title, ""]
    lines += [sum_text(lead) for lead in res.leads] + ([""] if res.leads else [])
    for table in res.tables:
        if table.wide:
            lines += [_wide_note(table), ""]
            continue
        rows, more = _shown_rows(table)
        lines += [f"【{table.title}】", grid(table.headers, [_cells(table, r) for r in rows]), *([more] if more else []), ""]
    lines += [figure_text(f) for f in res.figures]
    lines += _verdict_lines(res, lambda s, m, basis: f"  {s.mark}  {m}{basis}")
    if res.trace.formula:
        lines += ["", f"计算公式：{res.trace.formula}"]
    if res.trace.steps:
        lines += ["计算过程："] + [f"  - {s}" for s in res.trace.steps]
    if res.citations:
        lines += ["", "依据：" + "、".join(clause_names(res.citations))]
    return "\n".join(lines).rstrip()


def _verdict_lines(res: CalcResult, line: Any) -> list[str]:
    out = []
    said = verdict(res)
    if said is not None:
        out.append("结论：" + said)
    for f in res.findings:
        basis = f"（依据：{'、'.join(clause_names(f.citations))}）" if f.citations else ""
        out.append(line(f.severity, f.message, basis))
    return out


# ---- Markdown (chat, web page) ---------------------------------------------------------------------


def _md_escape(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown_table(table: Table) -> list[str]:
    rows, more = _shown_rows(table)
    align = [
        "---" if not any(isinstance(r[i], (int, Decimal)) and not isinstance(r[i], bool) for r in rows) else "---:"
        for i in range(len(table.columns))
    ]
    lines = ["| " + " | ".join(_md_escape(h) for h in table.headers) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in _cells(table, r)) + " |" for r in rows]
    return lines + ([more] if more else [])


def markdown(title: str, result: Mapping[str, Any] | CalcResult) -> str:
    """A result as chat shows it: the tables, the figures, the verdict and findings, the working.

    The clauses are left to the caller, which names them with links to their text.
    """
    res = typed(result)
    lines = [f"**{title}**", ""]
    lines += [f"**{sum_text(lead)}**" for lead in res.leads] + ([""] if res.leads else [])
    for table in res.tables:
        if table.wide:
            lines += [_wide_note(table), ""]
            continue
        lines += [f"**{table.title}**", "", *markdown_table(table), ""]
    lines += [f"- {figure_text(f)}" for f in res.figures]
    verdict = _verdict_lines(res, lambda s, m, basis: f"- **{s.mark}**　{m}")
    lines += ([""] if res.figures and verdict else []) + verdict
    if res.trace.formula:
        lines += ["", f"计算公式：{res.trace.formula}"]
    lines += [f"- {s}" for s in res.trace.steps]
    return "\n".join(lines).strip()


# ---- workbook (XLSX) -----------------------------------------------------------------------------


def workbook_blocks(result: Mapping[str, Any] | CalcResult) -> list[Table]:
    """The tables of sheet 结果: every table in full, then 汇总 (the figures) and 检查结论 (verdict, findings)."""
    res = typed(result)
    blocks = [Table(title="查询结果", columns=[Column(title="查询")], rows=[[sum_text(lead)] for lead in res.leads])] if res.leads else []
    blocks += res.tables
    if res.figures:
        rows: list[list[Cell]] = [[_unit_label(f), cell_text(f.value, percent=True) if f.unit == "%" else f.value] for f in res.figures]
        blocks.append(Table(title="汇总", columns=[Column(title="项目"), Column(title="数值")], rows=rows))
    if res.compliant is not None or res.findings:
        said = verdict(res)
        rows = [["结论", said, ""]] if said is not None else []
        rows += [[f.severity.label, f.message, "、".join(clause_names(f.citations))] for f in res.findings]
        blocks.append(Table(title="检查结论", columns=[Column(title="性质"), Column(title="说明"), Column(title="依据")], rows=rows))
    return blocks


def _unit_label(figure: Figure) -> str:
    """合计（元）: a cell holds the number alone, so the unit goes to its label."""
    return f"{figure.label}（{figure.unit}）" if figure.unit and figure.unit != "%" else figure.label


def trace_rows(result: Mapping[str, Any] | CalcResult, input_model: type[BaseModel] | None = None) -> list[tuple[str, list[list[Any]]]]:
    """Sheet 计算过程: (heading, rows) for the formula, the steps, the inputs and the clauses.

    With the calculator's input model the inputs are named by their Chinese titles.
    """
    res = typed(result)
    return [
        ("计算公式", [[res.trace.formula]]),
        ("计算步骤", [[s] for s in res.trace.steps]),
        ("输入", list(input_rows(res.trace.inputs, input_model))),
        ("依据条款", [[name] for name in clause_names(res.citations)]),
    ]


def input_rows(inputs: Mapping[str, Any], model: Any = None, prefix: str = "") -> Iterable[list[Any]]:
    """[label, value] per input number: nested maps flattened (部门·生产部·积分), fields by their titles."""
    for key, value in inputs.items():
        found = _field(model, str(key))
        # A field is named by its title; a key of a map (a department's name) by itself, and what is
        # inside it belongs to the map's model.
        label = prefix + (found[0] if found else str(key))
        inner = found[1] if found else model
        if isinstance(value, Mapping):
            yield from input_rows(value, inner, f"{label}·")
        elif isinstance(value, list) and any(isinstance(v, Mapping) for v in value):
            for i, item in enumerate(value, 1):
                if isinstance(item, Mapping):
                    yield from input_rows(item, inner, f"{label}第{i}项·")
                else:
                    yield [f"{label}第{i}项", item]
        elif isinstance(value, list):
            yield [label, "、".join(cell_text(v) if not isinstance(v, list) else "（" + "，".join(map(cell_text, v)) + "）" for v in value)]
        else:
            yield [label, CHOICE_LABELS.get(value, value) if isinstance(value, str) else value]


def _is_model(model: Any) -> bool:
    return isinstance(model, type) and issubclass(model, BaseModel)


def _field(model: Any, key: str) -> tuple[str, Any] | None:
    """(title, the model inside the field) of `key` in `model`, by name or alias."""
    if not _is_model(model):
        return None
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.title or name, _inner_model(info.annotation)
    return None


def _inner_model(annotation: Any) -> Any:
    from .registry import _inner_model as inner

    return inner(annotation)


# ---- chart ----------------------------------------------------------------------------------------


def chart(result: Mapping[str, Any] | CalcResult, limit: int = 60) -> Series | None:
    """The bars of the result's main series, or None when it has none or too many to read."""
    series = typed(result).chart()
    return series if series is not None and len(series.labels) <= limit else None
