"""The calculator registry: name → CalculatorInfo, and `run`, the one entry point.

`run` turns every input problem into a CalculationError in Chinese that names the field; no
pydantic message or traceback reaches a user.
"""

from __future__ import annotations

import copy
import decimal
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from . import limits
from .errors import CalculationError
from .loaders import check_shape

Compute = Callable[[Any], dict[str, Any]]
PeopleReader = Callable[[list[dict[str, Any]], dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class CalculatorInfo:
    """What the UI, the CLI and the assistant need to know about one calculator."""

    name: str
    title: str
    description: str
    input_model: type[BaseModel]
    example: dict[str, Any]
    citations: tuple[str, ...]
    compute: Compute = field(repr=False)
    # Turns rows of an uploaded table (`people`) into this calculator's own fields.
    people: PeopleReader | None = field(default=None, repr=False)

    def run(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return run(self.name, data)


_REGISTRY: dict[str, CalculatorInfo] = {}


def register(
    name: str,
    title: str,
    description: str,
    input_model: type[BaseModel],
    example: dict[str, Any],
    citations: tuple[str, ...],
    people: PeopleReader | None = None,
) -> Callable[[Compute], Compute]:
    """Decorator on a compute function: `@register("ladder", "薪级序列", …)`."""

    def wrap(compute: Compute) -> Compute:
        if name in _REGISTRY:
            raise RuntimeError(f"calculator {name} registered twice")
        _REGISTRY[name] = CalculatorInfo(name, title, description, input_model, example, citations, compute, people)
        return compute

    return wrap


# DESIGN.md's table first (the order users meet them in), then the calculators added beyond it.
ORDER = (
    "points-allocation", "piece-rate-allocation", "ladder", "post-wage-table", "seniority-pay", "broadband",
    "market-percentiles", "pay-regression", "forced-distribution", "excess-profit-sharing", "two-lower-check",
    "dividend-check", "pay-mix-check", "kpi-check",
)


def list_calculators() -> list[CalculatorInfo]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(_REGISTRY.values(), key=lambda info: rank.get(info.name, len(ORDER)))


def get_calculator(name: str) -> CalculatorInfo:
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        known = "、".join(_REGISTRY)
        raise CalculationError(f"没有名为“{name}”的计算器。可用：{known}", "name") from None


def run(name: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate `data` with the calculator's input model, compute, and return the result dict.

    Every entry point (CLI, web, chat, LLM tools) comes through here, so the size limits on the
    input's shape are checked here, before any work; calculations run with enough digits that
    inputs within `limits.MAX_*` are never rounded on the way.
    """
    info = get_calculator(name)
    if not isinstance(data, Mapping):
        raise CalculationError("输入应为一个对象（键: 值），例如 " + _example_text(info))
    data = dict(data)
    rows = data.get("people")
    if isinstance(rows, list):  # a people table has its own limit, on rows (its cells are not entries)
        limits.check("rows", len(rows), "people", what="人员表行数")
    check_shape({k: v for k, v in data.items() if k != "people"})
    with decimal.localcontext() as ctx:
        ctx.prec = limits.DECIMAL_PRECISION
        ctx.traps[decimal.FloatOperation] = False
        if "people" in data:
            data = _merge_people(info, data)
        model = validate(info.input_model, data)
        try:
            out = info.compute(model)
        except decimal.DecimalException as exc:  # overflow or a division the checks did not foresee
            raise CalculationError("计算无法完成：数值超出可计算范围") from exc
    out.setdefault("citations", list(info.citations))
    return out


def _example_text(info: CalculatorInfo) -> str:
    import json

    return json.dumps(info.example, ensure_ascii=False, default=str)[:120]


def _merge_people(info: CalculatorInfo, data: dict[str, Any]) -> dict[str, Any]:
    rows = data.pop("people")
    if info.people is None:
        raise CalculationError(f"“{info.title}”不使用人员表，请删除上传的表格或改用其他计算器", "people")
    if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
        raise CalculationError("人员表应为若干行，每行是“列名: 值”", "people")
    if not rows:
        raise CalculationError("人员表没有数据行", "people")
    return info.people([dict(r) for r in rows], data)


# ---- pydantic errors → one Chinese line -------------------------------------------------------

_MESSAGES: dict[str, str] = {
    "missing": "缺少{label}",
    "greater_than": "{label}必须大于{gt}",
    "greater_than_equal": "{label}不能小于{ge}",
    "less_than": "{label}必须小于{lt}",
    "less_than_equal": "{label}不能大于{le}",
    "dict_type": "{label}应为“名称: 数值”的对象",
    "list_type": "{label}应为列表",
    "model_type": "{label}应为对象（键: 值）",
    "model_attributes_type": "{label}应为对象（键: 值）",
    "int_type": "{label}应为整数",
    "int_parsing": "{label}应为整数",
    "int_from_float": "{label}应为整数",
    "decimal_parsing": "{label}应为数字",
    "decimal_type": "{label}应为数字",
    "float_parsing": "{label}应为数字",
    "string_type": "{label}应为文字",
    "bool_type": "{label}应为是/否（true/false）",
    "bool_parsing": "{label}应为是/否（true/false）",
    "too_short": "{label}至少需要 {min_length} 项",
    "too_long": "{label}最多 {max_length} 项",
}


def validate(model: type[BaseModel], data: Mapping[str, Any]) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        message, where = describe_error(model, errors[0])
        if len(errors) > 1:
            message += f"（另有 {len(errors) - 1} 处输入问题）"
        raise CalculationError(message, where) from None


def describe_error(model: type[BaseModel], error: Mapping[str, Any]) -> tuple[str, str]:
    """(Chinese message, dotted field path) for one pydantic error."""
    loc = [str(p) for p in error.get("loc", ())]
    where = ".".join(loc) or "input"
    label = field_label(model, loc)
    ctx = dict(error.get("ctx") or {})
    kind = error.get("type", "")
    original = ctx.get("error")
    if isinstance(original, CalculationError):
        message = original.bare_message
        if message.startswith("该值"):  # the converters do not know the field's Chinese title
            message = label + message[2:]
        return message, (where if loc else original.field or where)  # a model-level check names its own field
    if kind == "extra_forbidden":
        allowed = "、".join(_aliases(model, loc[:-1]))
        return f"不认识的字段“{loc[-1]}”（可用字段：{allowed}）", where
    if kind == "literal_error":
        choices = "、".join(re.findall(r"'([^']*)'", str(ctx.get("expected", "")))) or str(ctx.get("expected", ""))
        return f"{label}只能是 {choices}，收到“{error.get('input')}”", where
    if kind == "value_error" and original is not None:
        return f"{label}有误：{original}", where
    template = _MESSAGES.get(kind)
    if template is None:
        return f"{label}不符合要求", where
    return template.format(label=label, **{k: str(v) for k, v in ctx.items()}), where


def field_label(model: type[BaseModel], loc: list[str]) -> str:
    """The Chinese title of the field at `loc` (its own title, else the nearest titled parent)."""
    label = loc[-1] if loc else "输入"
    current: Any = model
    for part in loc:
        found = _field(current, part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if found is None:
            if part.isdigit():
                label = f"{label}第 {int(part) + 1} 项"
            continue
        name, info = found
        label = info.title or name
        current = _inner_model(info.annotation)
    return label


def _field(model: type[BaseModel], part: str) -> tuple[str, Any] | None:
    for name, info in model.model_fields.items():
        if part in (name, info.alias):
            return name, info
    return None


def _inner_model(annotation: Any) -> Any:
    """The model inside list[Model] / Model | None, to keep walking the location."""
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in typing.get_args(arg):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _aliases(model: type[BaseModel], loc: list[str]) -> list[str]:
    current: Any = model
    for part in loc:
        found = _field(current, part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if found is not None:
            current = _inner_model(found[1].annotation) or current
    return [info.alias or name for name, info in current.model_fields.items()]


def example_copy(info: CalculatorInfo) -> dict[str, Any]:
    """A fresh copy of the example input, safe to change."""
    return copy.deepcopy(info.example)
