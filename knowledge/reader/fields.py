"""How a field of an input model is read from Chinese text: declared beside the field.

    pool: Annotated[Number, Reads(MONEY, cues=("奖金", "总额"), ask="如“绩效工资总额50万元”")] = Field(...)

The reader's filler (`fill.py`) places the figures of a text into any model whose fields carry
`Reads`, so a calculator (or a review fact sheet) that declares its fields is readable from chat
and from schemes with no code of its own.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from .models import Kind

# 人均3000元 is each one's share, never a total: fields for a total avoid it, and when nothing takes it it is
# asked about (beside the head count it is worked out: 人均3000元，共8人)
PER_HEAD_WORDS = ("人均", "平均每人", "每人平均")

class Shape(StrEnum):
    VALUE = "value"  # one figure
    MAP = "map"  # name → figure (people, departments, indicators, grades)
    LIST = "list"  # figures in the order written (market samples)
    CHOICE = "choice"  # a value chosen by words (等差 → arithmetic)
    FLAG = "flag"  # true when one of the words is written (各项权重均等)
    GROUPS = "groups"  # department → {its own figure, its members' figures} (two levels)
    RANGES = "ranges"  # tiers: from, to, rate (1000万到1200万部分10%)
    RECORDS = "records"  # one record per name, its fields filled from that name's figures
    NUMBERED = "numbered"  # [number in the name, figure]: 3级4800元 → [3, 4800]
    GRID = "grid"  # name → {item: figure}, items named by another map field (工作记录)
    LOOKUP = "lookup"  # [{key: a name of another field's records, position: 第N级}] (班组长第八级)


@dataclass(frozen=True)
class Reads:
    """How to find this field's value in a text."""

    kinds: tuple[Kind, ...]
    cues: tuple[str, ...] = ()
    shape: Shape = Shape.VALUE
    ask: str = ""  # an example answer, shown when the value is missing
    every: bool | None = None  # True: only a period (每4年); False: never one
    per: tuple[str, ...] = ()  # a rate per one of these (每档加20元)
    total: bool | None = None  # True: only a total (合计/总量); False: never a total
    signed: bool = False  # a direction word (下降) sets the sign
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # CHOICE/FLAG: value → words
    avoid: tuple[str, ...] = ()  # a figure near one of these words is not this field's
    total_of: str | None = None  # a total that must agree with the sum of this sibling map
    items_from: str | None = None  # GRID: the sibling map whose names are the items
    rate_kinds: tuple[Kind, ...] = (Kind.PERCENT,)  # RANGES: the kind of each tier's rate
    fraction: bool = False  # a percentage field kept as a fraction (40 → 0.4 when written 40%)
    one_plus: bool = False  # a growth rate read as a ratio: 每级递增8% → 1.08
    keys: tuple[str, ...] = ()  # MAP: the only names it takes (技能等级 for 技能津贴标准)
    keys_from: str | None = None  # MAP: … or the names of this sibling map (自定比例 for other levels)
    usual_keys: tuple[str, ...] = ()  # MAP: names that point at this field when written (A、B、C for 强制分布)
    people: bool = False  # MAP, RECORDS: names are people or departments, never items (其他积分) or a bare 车间
    ranked: bool = False  # MAP: usual_keys are in rank order, best first; the map is kept in that order
    period: str | None = None  # "year" | "month": the period the amount is for; one written for a month is counted ×12
    bare: bool = True  # False: only a figure written with its unit (5人); a bare number belongs to a sibling field
    only_with: str | None = None  # read only beside this sibling field (人数 for 系数法); without it, no field at all
    cued: bool = False  # True: only a figure written with one of the cues (系数1.2); a bare 860 is another field's
    mention: tuple[str, ...] = ()  # words that ask for this field: written with no figure read for it, the user is asked
    least: int = 0  # a bare amount (no 元/万) below this is asked about: 奖金30 is no pool of 30 元
    complement: tuple[str, ...] = ()  # PERCENT: words naming the rest (绩效年薪 beside 基本年薪占比): its share is 1 − this one
    record: type[BaseModel] | None = None  # RECORDS: the model of one record, when the field's own type is plain rows

    def __post_init__(self) -> None:
        if isinstance(self.kinds, Kind):
            object.__setattr__(self, "kinds", (self.kinds,))


@dataclass(frozen=True)
class Slot:
    """One readable field of a model, with its path ("steps.first"), label and rules."""

    path: str
    name: str
    label: str
    reads: Reads
    required: bool
    model: type[BaseModel] | None = None  # the record / group model for nested shapes
    alias: str | None = None
    keyed: bool = False  # records kept as {name: record} rather than [record with its name]
    within: str | None = None  # the optional model it is a field of (steps): required only once that model is begun


def reads_of(info: Any) -> Reads | None:
    return next((m for m in getattr(info, "metadata", ()) if isinstance(m, Reads)), None)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(typing.get_args(current))
    return None


def _unwrap(annotation: Any) -> Any:
    """dict[...] out of Optional[dict[...]] / Annotated[dict[...], …]."""
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) in (dict, list):
            return arg
    return annotation


def slots(model: type[BaseModel], prefix: str = "", optional_parent: str | None = None) -> list[Slot]:
    """Every field of `model` (and of models nested as plain fields) that declares `Reads`; a field
    of an optional nested model (薪级 where a scheme may have none) names that model in `within`."""
    out: list[Slot] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        reads = reads_of(info)
        inner = _inner_model(info.annotation)
        if reads is None:
            if inner is not None and typing.get_origin(info.annotation) not in (list, dict):
                out += slots(inner, f"{prefix}{key}.", optional_parent or (None if info.is_required() else f"{prefix}{key}"))
            continue
        keyed = typing.get_origin(_unwrap(info.annotation)) is dict
        out.append(Slot(f"{prefix}{key}", name, info.title or name, reads, info.is_required(), reads.record or inner, info.alias, keyed,
                        optional_parent))
    return out
