"""Calculator results in chat (drawn by `calculators.present`), and what was understood from the
user's message, in Chinese, before any result."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from calculators.numbers import grouped
from calculators.results import CHOICE_LABELS
from knowledge.reader import Kind
from knowledge.reader.fields import Shape, Slot, slots

if TYPE_CHECKING:
    from .understand import Request


def render_result(title: str, result: dict[str, Any]) -> str:
    """A calculator result as chat shows it (`calculators.present.markdown`: the same tables and
    figures as the CLI and the workbook)."""
    from calculators import present

    return present.markdown(title, result)


# ---- what was understood ----------------------------------------------------------------------

_UNITS = {Kind.MONEY: "元", Kind.SCORE: "分", Kind.PIECES: "件", Kind.PEOPLE: "人", Kind.COUNT: "个", Kind.YEARS: "年",
          Kind.MONTHS: "个月", Kind.LEVELS: "级", Kind.TIMES: "次", Kind.MULTIPLE: "倍", Kind.DAYS: "天", Kind.PERCENTILE: "分位"}
_CHOICE_LABELS: dict[Any, str] = {**CHOICE_LABELS, True: "是", False: "否"}


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
        exponent = pct.as_tuple().exponent
        long = isinstance(exponent, int) and exponent < -4
        shown = f"约 {abs(pct).quantize(Decimal('0.01')):f}%" if long else f"{abs(pct):f}%"  # 5.5555555556% → 约 5.56%
        return f"下降 {shown}" if number < 0 else shown
    unit = _UNITS.get(kind, "")
    return f"{grouped(number)} {unit}".strip()


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
        return grouped(value)
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
                parts.append(f"{titles[key]} {part if isinstance(part, str) else grouped(part)}")
            elif isinstance(part, dict):
                parts.append(f"{key}：" + "、".join(f"{n} {figure(v, kind)}" for n, v in part.items()))
            else:
                parts.append(f"{key} {figure(part, kind)}")
        head = value.get("name", "")
        return f"{head}（{'，'.join(parts)}）" if head else "（" + "，".join(parts) + "）"
    if isinstance(value, list) and len(value) == 2:  # a numbered pair: [grade, figure] → 第3级 5,600 元
        return f"第{grouped(value[0])}级 {figure(value[1], kind)}"
    if isinstance(value, list):
        return "（" + "，".join(figure(v, kind) for v in value) + "）"
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
