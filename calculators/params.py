"""Guideline figures as data (OpenFisca style): every number a rule uses lives in
`parameters/*.yaml` with its description, the unit id of the clause it comes from and a short
quote of that clause. Code asks for `param("kpi.weight_max")`, never writes 0.40 itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from .errors import CalculationError
from .numbers import fmt, pct

PARAMETER_DIR = Path(__file__).with_name("parameters")


class Parameter(BaseModel):
    """One guideline figure and where it is written."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    key: str
    description: str
    value: Any
    reference: str
    quote: str | None = None
    unit: str | None = None
    see_also: tuple[str, ...] = ()


def _exact(value: Any) -> Any:
    """YAML floats become Decimals through their text (0.4 → Decimal("0.4")), recursively."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return value


@functools.cache
def all_parameters() -> dict[str, Parameter]:
    """Every parameter by dotted key: the file name is the first part (`kpi.yaml` → `kpi.…`)."""
    found: dict[str, Parameter] = {}
    for path in sorted(PARAMETER_DIR.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, entry in entries.items():
            key = f"{path.stem}.{name}"
            found[key] = Parameter(
                key=key,
                description=entry["description"],
                value=_exact(entry["value"]),
                reference=entry["reference"],
                quote=entry.get("quote"),
                unit=entry.get("unit"),
                see_also=tuple(entry.get("see_also") or ()),
            )
    return found


def figures_of(value: Any) -> Iterator[Decimal]:
    """Every number a parameter's value holds (a table's cells, a list's items), booleans aside."""
    if isinstance(value, bool):
        return
    if isinstance(value, (int, Decimal)):
        yield Decimal(value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from figures_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from figures_of(v)


def parameter(key: str) -> Parameter:
    """The parameter with its reference; an unknown key is a programming error, said in Chinese."""
    try:
        return all_parameters()[key]
    except KeyError:
        raise CalculationError(f"没有名为 {key} 的参数") from None


def param(key: str) -> Any:
    """Just the value (Decimal for fractions, int for counts, dict/list for tables)."""
    return parameter(key).value


def param_text(key: str, item: str | None = None) -> str:
    """A parameter's value as users read it: a 比例 as a percentage (0.3 → "30%"), any other
    number in plain digits (2.8, 5); `item` picks one entry of a table parameter."""
    found = parameter(key)
    value = found.value if item is None else found.value[item]
    if found.unit == "比例":
        return pct(value)
    return fmt(value)


def param_table_text(key: str, sep: str = "、", between: str = "") -> str:
    """A table parameter entry by entry, in the file's order: "高级技师2%、技师5%…"."""
    return sep.join(f"{name}{between}{param_text(key, name)}" for name in param(key))


_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")


def fill(text: str) -> str:
    """Names and descriptions kept as data write a figure as its key ("不短于{cycles.x}个月"):
    the parameter's value shown in its place, so the figure has one home."""
    return _PLACEHOLDER.sub(lambda m: param_text(m[1]), text)


def ref(key: str) -> str:
    """The unit id a parameter rests on, for citations."""
    return parameter(key).reference
