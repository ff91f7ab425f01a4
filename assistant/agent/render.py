"""Calculator results as Markdown a user can read: a table, the formula, the verdict."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

_SEVERITY = {"error": "❌ 不符合", "warning": "⚠️ 注意", "info": "ℹ️ 提示"}


def fmt(value: Any) -> str:
    """Money and ratios as people write them: 1,234,567.89 and 12.5%."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{Decimal(str(value)):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _table(header: tuple[str, str], rows: dict[str, Any] | list[tuple[str, Any]]) -> list[str]:
    items = rows.items() if isinstance(rows, dict) else rows
    lines = [f"| {header[0]} | {header[1]} |", "|---|---:|"]
    lines += [f"| {key} | {fmt(value)} |" for key, value in items]
    return lines


def _trace_lines(trace: Any) -> list[str]:
    if not trace:
        return []
    if isinstance(trace, dict):
        formula = trace.get("formula") or trace.get("公式")
        lines = [f"计算公式：{formula}"] if formula else []
        for key in ("steps", "步骤"):
            for step in trace.get(key, []) or []:
                lines.append(f"- {step if isinstance(step, str) else step.get('text') or step}")
        return lines
    if isinstance(trace, list):
        return ["计算过程："] + [f"- {t}" for t in trace]
    return [f"计算过程：{trace}"]


_TABLES: tuple[tuple[str, tuple[str, str]], ...] = (
    ("allocations", ("名称", "金额（元）")),
    ("counts", ("等次", "人数")),
    ("percentiles", ("分位", "金额（元）")),
)


def render_result(title: str, result: dict[str, Any]) -> str:
    lines = [f"**{title}**", ""]
    for key, header in _TABLES:
        if isinstance(result.get(key), dict):
            lines += _table(header, result[key]) + [""]
    if isinstance(result.get("members"), dict):
        for dept, people in result["members"].items():
            lines += [f"{dept}：", *(_table(("姓名", "金额（元）"), people)), ""]
    if isinstance(result.get("levels"), list):
        lines += _table(("级别", "金额（元）"), [(f"第{i}级", v) for i, v in enumerate(result["levels"], 1)]) + [""]
    if isinstance(result.get("by_tier"), list):
        lines += ["| 分档 | 提取额（元） |", "|---|---:|"]
        for tier in result["by_tier"]:
            label = tier.get("label") or f"{fmt(tier.get('from'))} – {fmt(tier.get('to')) if tier.get('to') is not None else '以上'}"
            lines.append(f"| {label} | {fmt(tier.get('amount', tier.get('share')))} |")
        lines.append("")
    for key, label in (("total", "合计"), ("amount", "金额"), ("point_value", "每分值")):
        if key in result and not isinstance(result[key], (dict, list)):
            lines.append(f"{label}：{fmt(result[key])} 元")
    if "compliant" in result:
        lines.append("结论：" + ("✅ 符合指引要求" if result["compliant"] else "❌ 不符合指引要求"))
    for finding in result.get("findings", []) or []:
        lines.append(f"- {_SEVERITY.get(finding.get('severity'), '')} {finding.get('message')}")
    lines += [""] + _trace_lines(result.get("trace"))
    return "\n".join(line for line in lines).strip()
