"""Shared building blocks of the calculators: input types, the input base model, the trace."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SkipValidation,
    ValidationInfo,
)

from . import limits
from .errors import CalculationError
from .numbers import fmt, to_decimal, to_int


def _decimal(value: Any, info: ValidationInfo) -> Decimal:
    return to_decimal(value, info.field_name)


def _integer(value: Any, info: ValidationInfo) -> int:
    return to_int(value, info.field_name)


def _levels(value: Any, info: ValidationInfo) -> int:
    count = to_int(value, info.field_name)
    limits.check("levels", count, info.field_name, what="该值")  # "该值" becomes the field's title
    return count


def _precision(value: Any, info: ValidationInfo) -> int:
    places = to_int(value, info.field_name, label="保留小数位数")
    if not 0 <= places <= 4:
        raise CalculationError(f"保留小数位数应在 0–4 之间，收到 {places}", info.field_name)
    return places


# A number arrives as int, float, Decimal or text and is kept as an exact Decimal.
Number = Annotated[Decimal, BeforeValidator(_decimal)]
# A whole number (people, levels, years).
Count = Annotated[int, BeforeValidator(_integer)]
# A number of levels, pay steps or bands: each makes a row of output, so it is capped (limits "levels").
Levels = Annotated[int, BeforeValidator(_levels)]
# Decimal places of money in the result.
Precision = Annotated[int, BeforeValidator(_precision)]
# {name: number} that may hold a million entries: the schema says what it is, but pydantic does
# not validate it entry by entry; `numbers.read_weight_map` does, much faster and in Chinese.
RawNumber = int | float | str
NumberMap = Annotated[dict[str, RawNumber], SkipValidation]


class CalcInput(BaseModel):
    """Every calculator input: unknown fields are refused so that a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True)


class MoneyInput(CalcInput):
    """Inputs of calculators that produce money."""

    precision: Precision = Field(2, title="保留小数位数", description="金额保留的小数位数（0–4），默认 2，即精确到分")


def check_cells(rows: Any, columns: Any, where: str) -> None:
    """Refuse a result table of len(rows) × columns cells that would pass the limit, before pydantic
    validates thousands of rows. Use it in a `model_validator(mode="before")`; values it cannot
    read yet are left to the field validation, which says what is wrong with them."""
    if not isinstance(rows, (list, dict)):
        return
    try:
        count = to_int(columns)
    except CalculationError:
        return
    if 0 < count <= limits.value("levels"):  # a count past its own limit is refused by its field
        limits.check("cells", len(rows) * count, where, what=f"结果表格单元格数（{len(rows)} × {count}）")


# ---- results ---------------------------------------------------------------------------------

STEP_LIMIT = 30


def limited(lines: Iterable[str], total: int, limit: int = STEP_LIMIT) -> list[str]:
    """At most `limit` lines of a long list, and a line saying how many were left out."""
    shown = []
    for i, line in enumerate(lines):
        if i >= limit:
            break
        shown.append(line)
    if total > limit:
        shown.append(f"……其余 {total - limit} 项从略（完整结果见结果表）")
    return shown


def plus(values: Iterable[Any], total: Any, count: int | None = None, limit: int = 8) -> str:
    """"3000 + 2000 = 5000", shortened for long lists: "120 + 95 + 88 + …（共 1000 项）= 108000".

    `values` may hold only the first few items when `count` gives the real length.
    """
    items = list(values)
    n = len(items) if count is None else count
    if n <= limit and len(items) == n:
        return f"{' + '.join(fmt(v) for v in items)} = {fmt(total)}"
    return f"{' + '.join(fmt(v) for v in items[:3])} + …（共 {n} 项）= {fmt(total)}"


def summarize(value: Any, limit: int = 200) -> Any:
    """Inputs for the trace, with huge maps summarised instead of copied."""
    if isinstance(value, BaseModel):  # by alias, so that the trace shows the names users typed ("from", "to")
        fields = type(value).model_fields.items()
        return {info.alias or k: summarize(getattr(value, k), limit) for k, info in fields if getattr(value, k) is not None}
    if isinstance(value, Mapping):
        if len(value) > limit:
            head = dict(itertools.islice(value.items(), 5))  # never copy a million entries for a trace
            return {"条目数": len(value), "前5项": {str(k): summarize(v, limit) for k, v in head.items()}}
        return {str(k): summarize(v, limit) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        if len(value) > limit:
            return {"条目数": len(value), "前5项": [summarize(v, limit) for v in value[:5]]}
        return [summarize(v, limit) for v in value]
    return value


def result(
    citations: Iterable[str],
    formula: str,
    steps: list[str],
    inputs: Any,
    **fields: Any,
) -> dict[str, Any]:
    """A calculator result: the output fields, the citations and the trace of the working.

    The fields are the JSON contract; `results.CalcResult.of` reads them into the titled tables and
    labelled figures every surface shows, so a new field is described there, once."""
    out = dict(fields)
    out["citations"] = list(dict.fromkeys(citations))
    out["trace"] = {"formula": formula, "steps": steps, "inputs": summarize(inputs)}
    return out


def findings_out(findings: Iterable[Any]) -> list[dict[str, Any]]:
    return [f.model_dump() for f in findings]


def cited(findings: Iterable[Any], *extra: str) -> list[str]:
    """Citations of a check result: its own clauses, then those of each finding."""
    ids = list(extra)
    for f in findings:
        ids.extend(f.citations)
    return list(dict.fromkeys(ids))
