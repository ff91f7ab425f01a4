"""Calculator results as Markdown a user can read: a table, the formula, the verdict; and what
was understood from the user's message, in Chinese, before any result."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from knowledge.reader import Kind
from knowledge.reader.fields import Shape, Slot, slots

if TYPE_CHECKING:
    from .understand import Request

# Words, not emoji: a page without an emoji font still reads 不符合/注意/提示.
_SEVERITY = {"error": "【不符合】", "warning": "【注意】", "info": "【提示】"}


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
    if "allocated" in result:  # only some members listed: their sum is not the pool
        lines.append(f"所列各项合计：{fmt(result['allocated'])} 元（总量 {fmt(result['total'])} 元，其余 {fmt(result.get('others'))} 元归未列出的人员或部门）")
    for key, label in (("total", "合计"), ("amount", "金额"), ("point_value", "每分值")):
        if key == "total" and "allocated" in result:
            continue
        if key in result and not isinstance(result[key], (dict, list)):
            lines.append(f"{label}：{fmt(result[key])} 元")
    if "compliant" in result:
        lines.append("结论：" + ("符合指引要求" if result["compliant"] else "不符合指引要求"))
    for finding in result.get("findings", []) or []:
        lines.append(f"- {_SEVERITY.get(finding.get('severity'), '')}{finding.get('message')}")
    lines += [""] + _trace_lines(result.get("trace"))
    return "\n".join(line for line in lines).strip()


# ---- what was understood ----------------------------------------------------------------------

_UNITS = {Kind.MONEY: "元", Kind.SCORE: "分", Kind.PIECES: "件", Kind.PEOPLE: "人", Kind.COUNT: "个", Kind.YEARS: "年",
          Kind.MONTHS: "个月", Kind.LEVELS: "级", Kind.TIMES: "次", Kind.MULTIPLE: "倍", Kind.DAYS: "天", Kind.PERCENTILE: "分位"}
_CHOICE_LABELS = {"arithmetic": "等差", "geometric": "等比", "log-linear": "对数线性", "linear": "线性", "case-2": "案例2标准",
                  "case-4": "案例4标准", True: "是", False: "否"}


def _number(value: Any) -> str:
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = f"{number.normalize():,f}" if number == number.to_integral_value() else f"{number:,}"
    return text


def figure(value: Any, kind: Kind) -> str:
    """One value as people write it: 500,000 元, 10%, 3,000 分, 下降 3%."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return str(_CHOICE_LABELS.get(value, value))
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(_CHOICE_LABELS.get(value, value))
    if kind is Kind.PERCENT:
        pct = (number * 100).normalize()
        shown = f"{abs(pct):f}%"
        return f"下降 {shown}" if number < 0 else shown
    unit = _UNITS.get(kind, "")
    return f"{_number(number)} {unit}".strip()


def _slot_kind(slot: Slot) -> Kind:
    return slot.reads.kinds[0] if slot.reads.kinds else Kind.NUMBER


def slot_value(slot: Slot, value: Any) -> str:
    kind = _slot_kind(slot)
    if slot.reads.shape in (Shape.CHOICE, Shape.FLAG):
        return str(_CHOICE_LABELS.get(value, value))
    inner = {s.path: s for s in slots(slot.model)} if slot.model is not None else {}
    titles = {f: info.title or f for f, info in slot.model.model_fields.items()} if isinstance(slot.model, type) else {}
    if isinstance(value, dict) and slot.reads.shape is not Shape.VALUE and not _is_record(value, inner):
        return "、".join(_named(name, _inner(v, kind, inner, titles)) for name, v in value.items())
    if isinstance(value, list):
        return "、".join(_inner(v, kind, inner, titles) for v in value)
    if slot.reads.one_plus and value is not None:
        return _number(value)
    return _inner(value, kind, inner, titles)


def _named(name: str, shown: str) -> str:
    return f"{name}{shown}" if shown.startswith("（") else f"{name} {shown}"


def _is_record(value: dict[str, Any], inner: dict[str, Slot]) -> bool:
    return bool(inner) and all(key in inner or key == "name" for key in value)


_RANGE_LABELS = {"from": "起", "to": "止", "rate": "比例"}


def _inner(value: Any, kind: Kind, fields: dict[str, Slot], titles: dict[str, str] | None = None) -> str:
    """A record, a group or a list as the person wrote it, each part under its Chinese label."""
    if isinstance(value, dict):
        figures = [s for s in fields.values() if s.reads.shape is Shape.VALUE]
        parts: list[str] = []
        for key, part in value.items():
            field = fields.get(key)
            if key == "name" or part in (None, {}, []):
                continue
            if field is not None and field.reads.shape in (Shape.CHOICE, Shape.FLAG):
                parts.insert(0, str(_CHOICE_LABELS.get(part, part)))
            elif field is not None and len(figures) == 1 and field is figures[0]:
                parts.insert(0, slot_value(field, part))  # a group's one own figure needs no label, and comes first
            elif field is not None:
                parts.append(f"{field.label} {slot_value(field, part)}")
            elif key in _RANGE_LABELS:
                parts.append(f"{_RANGE_LABELS[key]} {figure(part, Kind.PERCENT if key == 'rate' else kind)}")
            elif titles and key in titles:  # a part no sentence fills alone (查询的岗位等级、薪级): its title
                parts.append(f"{titles[key]} {part if isinstance(part, str) else _number(part)}")
            elif isinstance(part, dict):
                parts.append(f"{key}：" + "、".join(f"{n} {figure(v, kind)}" for n, v in part.items()))
            else:
                parts.append(f"{key} {figure(part, kind)}")
        head = value.get("name", "")
        return f"{head}（{'，'.join(parts)}）" if head else "（" + "，".join(parts) + "）"
    if isinstance(value, list):
        return "[" + "，".join(figure(v, Kind.NUMBER if i == 0 else kind) for i, v in enumerate(value)) + "]"
    return figure(value, kind)


def understood_lines(request: Request) -> list[str]:
    """我理解为：绩效工资总量 500,000 元；积分：生产部 3,000 分、技术部 2,000 分."""
    parts = []
    for slot in request.filled.slots:
        value = request.filled.get(slot.path)
        if value in (None, {}, []) or slot.reads.shape is Shape.FLAG and value is False:
            continue
        parts.append(_named(slot.label, slot_value(slot, value)))
    lines = ["我理解为：" + "；".join(parts) + "。"] if parts else []
    return lines + [f"（{note}）" for note in request.filled.notes]


def ask_text(request: Request, needs: list[str]) -> str:
    lines = [f"可以帮您做“{request.title}”计算。"]
    lines += understood_lines(request)
    lines.append("还需要您确认或补充：")
    lines += [f"{i}. {need}" for i, need in enumerate(needs, 1)]
    lines.append("请直接回复，我会接着算。")
    return "\n".join(lines)
