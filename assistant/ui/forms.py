"""The calculator form: each calculator's input model becomes Chinese form fields, and a filled
form becomes the calculator's input. Every figure goes through the shared reader
(`knowledge.reader.amount`), so 30万, 2万4, 1,200元 and 15% mean here what they mean in the chat.

The form is the one source of truth; `Form.text` / `Form.parse` give its "advanced" view (YAML
keyed by the same Chinese titles, JSON or the command line's keys accepted) and read it back.
"""

from __future__ import annotations

import math
import re
import types
import typing
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from calculators.errors import CalculationError
from calculators.loaders import load_json_or_yaml
from knowledge.reader import Kind, amount
from knowledge.reader.fields import reads_of

from ..agent.render import figure


class FormError(ValueError):
    """A value the form cannot read; the message is Chinese and names the field by its label."""


class Widget(StrEnum):
    TEXT = "text"  # one figure or one word
    CHOICE = "choice"  # one of a few values (a dropdown)
    FLAG = "flag"  # yes / no (a checkbox)
    LIST = "list"  # figures in order: 5000、6000、7000
    TABLE = "table"  # rows, laid out as `Layout` says


class Layout(StrEnum):
    MAP = "map"  # 名称 | 数值 → {名称: 数值}
    PAIRS = "pairs"  # a | b → [[a, b], …]
    RECORDS = "records"  # one column per field → [{field: value}, …]
    KEYED = "keyed"  # 名称 | fields… [| 成员 | maps…] → {名称: {field: value, map: {成员: value}}}
    GRID = "grid"  # 名称 | 项目 | 数值 → {名称: {项目: 数值}}
    ROWS = "rows"  # free rows whose headers are their keys (人员名单) → [{列名: 值}, …]


NAME = "@name"  # the column holding a row's name
MEMBER = "@member"  # KEYED / GRID: the name inside the nested maps
VALUE = "@value"  # the value column of a map or a grid


@dataclass(frozen=True)
class Column:
    key: str  # the input key, or NAME / MEMBER / VALUE
    label: str
    number: bool


@dataclass(frozen=True)
class FormField:
    path: tuple[str, ...]  # keys into the input: ("steps", "count")
    title: str  # the field's own Chinese title
    widget: Widget
    trail: tuple[str, ...] = ()  # the titles of the groups it sits in: ("薪级工资标准",)
    required: bool = False
    hint: str = ""
    number: bool = False  # TEXT / LIST: read as figures
    one_plus: bool = False  # a growth written 8% is the ratio 1.08
    choices: tuple[tuple[str, Any], ...] = ()  # (label shown, value)
    layout: Layout | None = None
    columns: tuple[Column, ...] = ()
    nested: tuple[str, ...] = ()  # KEYED: the keys of the name → value maps inside each record
    default: Any = None  # CHOICE / FLAG: the value the model takes when none is given

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def label(self) -> str:
        """The title with its groups, as messages name the field: 薪级工资标准：薪级数."""
        return "：".join((*self.trail, self.title))



# ---- the model, read as a form --------------------------------------------------------------

_NUMBERS = (Decimal, int, float)


def _core(annotation: Any) -> Any:
    """The type under Annotated[…] and Optional[…] (a union of numbers and text is a number)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
            return Decimal if all(_core(a) in (*_NUMBERS, str) for a in args) else annotation
        return annotation


def _is_number(annotation: Any) -> bool:
    core = _core(annotation)
    return isinstance(core, type) and issubclass(core, _NUMBERS) and core is not bool


def _is_model(annotation: Any) -> bool:
    core = _core(annotation)
    return isinstance(core, type) and issubclass(core, BaseModel)


def _args(annotation: Any) -> tuple[Any, ...]:
    return typing.get_args(_core(annotation))


def _key(name: str, info: FieldInfo) -> str:
    return info.alias or name


def _label(name: str, info: FieldInfo) -> str:
    return info.title or name


def _choice_label(value: Any) -> str:
    return str(figure(value, Kind.NUMBER))


def _hint(info: FieldInfo, number: bool) -> str:
    reads = reads_of(info)
    own = info.description or ""
    own = "" if re.search(r"[A-Za-z{}\[\]]", own) else own  # descriptions that show JSON are for the API
    kinds = reads.kinds if reads else ()
    if number and Kind.MONEY in kinds:
        example = "可写 30万、2万4、1,200元"
    elif number and Kind.PERCENT in kinds:
        example = "可写 8% 或 0.08"
    else:
        example = ""
    return "；".join(p for p in (own, example) if p)


def _columns(model: type[BaseModel]) -> tuple[list[Column], list[Column]]:
    """A record model's own columns, and one column per name → value map inside it (KEYED: the
    maps share one column of member names, e.g. 部门 › 成员 › 个人积分 and 岗位类别)."""
    own, maps = [], []
    for name, info in model.model_fields.items():
        core = _core(info.annotation)
        if typing.get_origin(core) is dict:
            maps.append(Column(_key(name, info), _label(name, info), _is_number(typing.get_args(core)[1])))
        else:
            own.append(Column(_key(name, info), _label(name, info), _is_number(info.annotation)))
    return own, maps


def _field(path: tuple[str, ...], name: str, info: FieldInfo) -> list[FormField]:
    label, required = _label(name, info), info.is_required()
    annotation = info.annotation
    core = _core(annotation)
    origin = typing.get_origin(core)
    reads = reads_of(info)
    base = FormField(path=path, title=label, widget=Widget.TEXT, required=required)
    if core is bool:
        flag = bool(info.default) if not required and isinstance(info.default, bool) else False
        return [replace(base, widget=Widget.FLAG, default=flag)]
    if origin is Literal:
        choices = tuple((_choice_label(v), v) for v in typing.get_args(core))
        default = None if info.is_required() else info.default
        return [replace(base, widget=Widget.CHOICE, choices=choices, default=default)]
    if _is_number(annotation):
        return [replace(base, widget=Widget.TEXT, number=True, one_plus=bool(reads and reads.one_plus), hint=_hint(info, True))]
    if core is str:
        return [replace(base, widget=Widget.TEXT, hint=_hint(info, False))]
    if _is_model(annotation):  # a nested group of fields: "薪级工资标准：薪级数"
        inner = _core(annotation)
        out: list[FormField] = []
        for sub, sub_info in inner.model_fields.items():
            for f in _field((*path, _key(sub, sub_info)), sub, sub_info):
                out.append(replace(f, trail=(label, *f.trail)))
        return out
    if origin is dict:
        value = _args(annotation)[1]
        if _is_model(value):
            own, maps = _columns(_core(value))
            cols = (Column(NAME, label, False), *own, *((Column(MEMBER, "成员", False), *maps) if maps else ()))
            return [replace(base, widget=Widget.TABLE, layout=Layout.KEYED, columns=cols, nested=tuple(m.key for m in maps))]
        if typing.get_origin(_core(value)) is dict:
            cols = (Column(NAME, "名称", False), Column(MEMBER, "项目", False), Column(VALUE, label, True))
            return [replace(base, widget=Widget.TABLE, layout=Layout.GRID, columns=cols)]
        cols = (Column(NAME, "名称", False), Column(VALUE, label, _is_number(value)))
        return [replace(base, widget=Widget.TABLE, layout=Layout.MAP, columns=cols)]
    if origin is list:
        item = _args(annotation)[0]
        if _is_model(item):
            own, _ = _columns(_core(item))
            return [replace(base, widget=Widget.TABLE, layout=Layout.RECORDS, columns=tuple(own))]
        if typing.get_origin(_core(item)) is dict or _core(item) is dict:
            return [replace(base, widget=Widget.TABLE, layout=Layout.ROWS)]
        if typing.get_origin(_core(item)) is tuple:
            cols = (Column("0", "等级", True), Column("1", "薪酬（元）", True))
            return [replace(base, widget=Widget.TABLE, layout=Layout.PAIRS, columns=cols)]
        return [replace(base, widget=Widget.LIST, number=_is_number(item), hint="多个数值用顿号或空格隔开，如 5000、6000、7000")]
    return [replace(base, widget=Widget.TEXT, hint=_hint(info, False))]


@cache
def fields_of(model: type[BaseModel]) -> tuple[FormField, ...]:
    """The form of an input model, in the model's order, the decimal places last."""
    out: list[FormField] = []
    for name, info in model.model_fields.items():
        out += _field((_key(name, info),), name, info)
    return tuple(sorted(out, key=lambda f: f.key == "precision"))


# ---- input → form values --------------------------------------------------------------------


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _rows(f: FormField, value: Any) -> list[list[str]]:
    if f.layout is Layout.MAP and isinstance(value, dict):
        return [[str(k), shown(v)] for k, v in value.items()]
    if f.layout is Layout.GRID and isinstance(value, dict):
        return [[str(k), str(item), shown(v)] for k, inner in value.items() if isinstance(inner, dict) for item, v in inner.items()]
    if f.layout is Layout.PAIRS and isinstance(value, list):
        return [[shown(v) for v in pair] for pair in value if isinstance(pair, (list, tuple))]
    if f.layout is Layout.RECORDS and isinstance(value, list):
        return [[shown(r.get(c.key)) for c in f.columns] for r in value if isinstance(r, dict)]
    if f.layout is Layout.ROWS and isinstance(value, list):
        return [[shown(r.get(h)) for h in _headers(f, value)] for r in value if isinstance(r, dict)]
    if f.layout is Layout.KEYED and isinstance(value, dict):
        own_cols = [c for c in f.columns if c.key not in (NAME, MEMBER, *f.nested)]
        rows = []
        for name, record in value.items():
            record = record if isinstance(record, dict) else {"median": record}  # 七级: 8000 means its median
            own = [shown(record.get(c.key)) for c in own_cols]
            maps: list[dict[str, Any]] = [got if isinstance(got := record.get(k), dict) else {} for k in f.nested]
            members = list(dict.fromkeys(m for inner in maps for m in inner))
            for i, member in enumerate(members or [""]):
                row = [str(name), *(own if i == 0 else [""] * len(own))]
                rows.append(row + ([member, *(shown(inner.get(member)) for inner in maps)] if f.nested else []))
        return rows
    return []


def _headers(f: FormField, value: Any) -> list[str]:
    if f.layout is Layout.ROWS:
        rows = value if isinstance(value, list) else []
        return list(dict.fromkeys(str(k) for r in rows if isinstance(r, dict) for k in r)) or ["名称"]
    return [c.label for c in f.columns]


def form_values(fields: tuple[FormField, ...], data: dict[str, Any]) -> list[Any]:
    """What each widget shows for `data` (text, a choice value, a flag, or a table as
    {"headers", "data"})."""
    out: list[Any] = []
    for f in fields:
        value = _get(data, f.path)
        if f.widget is Widget.FLAG:
            out.append(bool(f.default if value is None else value))
        elif f.widget is Widget.CHOICE:
            out.append(value if value is not None else f.default)
        elif f.widget is Widget.LIST:
            out.append("、".join(shown(v) for v in value) if isinstance(value, list) else shown(value))
        elif f.widget is Widget.TABLE:
            out.append({"headers": _headers(f, value), "data": _rows(f, value)})
        else:
            out.append(shown(value))
    return out


# ---- form values → input --------------------------------------------------------------------

_LIST_SPLIT = re.compile(r"[、，；;\s]+|,(?!\d{3}(?:\D|$))")


def read_figure(text: Any, label: str, *, one_plus: bool = False) -> Decimal | None:
    """One figure as people write it: "300000", "30万", "2万4", "1,200元", "15%" (→ 0.15)."""
    if isinstance(text, (int, Decimal)) and not isinstance(text, bool):
        return Decimal(text)
    raw = _cell(text)
    if not raw:
        return None
    try:
        return Decimal(raw.replace(",", "").replace("，", ""))
    except InvalidOperation:
        pass
    value = amount(raw)
    if value is None:
        raise FormError(f"{label}：看不懂“{raw}”，请填写数字，如 300000、30万、1,200元 或 15%")
    return Decimal(1) + value if one_plus and raw.rstrip().endswith(("%", "％")) else value


def _cell(value: Any) -> str:
    if value is None or isinstance(value, float) and math.isnan(value):  # an empty table cell
        return ""
    if isinstance(value, float):
        return shown(value)
    return str(value).strip()


def _table(f: FormField, table: Any) -> Any:
    """A table widget's value (a DataFrame, {"headers", "data"} or bare rows) as input."""
    if hasattr(table, "columns") and hasattr(table, "values"):
        headers, rows = [str(c) for c in table.columns], table.values.tolist()
    elif isinstance(table, dict):
        headers, rows = [str(h) for h in table.get("headers") or []], table.get("data") or []
    else:
        headers, rows = [c.label for c in f.columns], table or []
    width = len(headers) if f.layout is Layout.ROWS else len(f.columns)
    rows = [[_cell(v) for v in r] for r in rows]
    rows = [r + [""] * (width - len(r)) for r in rows if any(r)]
    if not rows:
        return None
    if f.layout is Layout.ROWS:
        return [{h: cell for h, cell in zip(headers, r) if cell} for r in rows]
    idx = {c.key: i for i, c in enumerate(f.columns)}

    def read(row: list[str], key: str, where: str) -> Any:
        column = f.columns[idx[key]]
        text = row[idx[key]]
        return read_figure(text, f"{f.label}（{where}的{column.label}）") if column.number else (text or None)

    def name_of(row: list[str], n: int, key: str = NAME) -> str:
        name = row[idx[key]]
        if not name:
            raise FormError(f"{f.label}：第 {n} 行缺少{f.columns[idx[key]].label}")
        return name

    if f.layout is Layout.MAP:
        return {name_of(r, n): read(r, VALUE, name_of(r, n)) for n, r in enumerate(rows, 1)}
    if f.layout is Layout.PAIRS:
        return [[read(r, c.key, f"第 {n} 行") for c in f.columns] for n, r in enumerate(rows, 1)]
    if f.layout is Layout.RECORDS:
        out = []
        for n, r in enumerate(rows, 1):
            record = {c.key: read(r, c.key, f"第 {n} 行") for c in f.columns}
            out.append({k: v for k, v in record.items() if v is not None})
        return out
    grouped: dict[str, Any] = {}
    for n, r in enumerate(rows, 1):
        name = name_of(r, n)
        if f.layout is Layout.GRID:
            grouped.setdefault(name, {})[name_of(r, n, MEMBER)] = read(r, VALUE, f"{name}·{r[idx[MEMBER]]}")
            continue
        record = grouped.setdefault(name, {})
        member = r[idx[MEMBER]] if f.nested else ""
        if member and not any(r[idx[k]] for k in f.nested):  # a member named, its figure left to the work log
            record.setdefault(f.nested[0], {})[member] = None
        for c in f.columns:
            text = r[idx[c.key]]
            if c.key in (NAME, MEMBER) or not text:
                continue
            if c.key in f.nested:
                member = name_of(r, n, MEMBER)
                record.setdefault(c.key, {})[member] = read(r, c.key, f"{name}·{member}")
            elif c.key not in record:
                record[c.key] = read(r, c.key, name)
    return grouped


def read_form(fields: tuple[FormField, ...], values: list[Any]) -> dict[str, Any]:
    """The calculator input from the widgets' values; empty fields are left out."""
    data: dict[str, Any] = {}
    for f, value in zip(fields, values):
        if f.widget is Widget.FLAG:
            read: Any = bool(value) if bool(value) != f.default else None
        elif f.widget is Widget.CHOICE:
            read = value or None
        elif f.widget is Widget.LIST:
            parts = [p for p in _LIST_SPLIT.split(_cell(value)) if p]
            read = [read_figure(p, f.label) if f.number else p for p in parts] or None
        elif f.widget is Widget.TABLE:
            read = _table(f, value)
        elif f.number:
            read = read_figure(value, f.label, one_plus=f.one_plus)
        else:
            read = _cell(value) or None
        if read is None:
            continue
        target = data
        for part in f.path[:-1]:
            target = target.setdefault(part, {})
        target[f.path[-1]] = read
    return data


# ---- the advanced view: the same input as YAML (or JSON), keyed by the Chinese titles -------------


def _keys(annotation: Any, value: Any, titled: bool) -> Any:
    """`value` with every model's keys as titles (titled) or as input keys; other keys (names of
    departments, people, …) stay as they are. Either spelling is read."""
    return _rekey(_core(annotation), value, titled)


def _rekey(core: Any, value: Any, titled: bool) -> Any:
    """`_keys` of a type already resolved: a list of thousands of rows resolves its item type once."""
    if isinstance(core, type) and issubclass(core, BaseModel) and isinstance(value, dict):
        spelled = _spellings(core)
        out = {}
        for key, inner in value.items():
            known = spelled.get(str(key))
            if known is None:
                out[key] = inner  # unknown: kept, so that `checked` can name it
                continue
            title, input_key, inner_core = known
            out[title if titled else input_key] = _rekey(inner_core, inner, titled)
        return out
    origin = typing.get_origin(core)
    if origin is list and isinstance(value, list):
        item = _core(typing.get_args(core)[0])
        return [_rekey(item, v, titled) for v in value]
    if origin is dict and isinstance(value, dict):
        item = _core(typing.get_args(core)[1])
        return {k: _rekey(item, v, titled) for k, v in value.items()}
    return value


@cache
def _spellings(model: type[BaseModel]) -> dict[str, tuple[str, str, Any]]:
    """Every spelling of each field of `model` (name, alias, title) → (title, input key, resolved type)."""
    spelled: dict[str, tuple[str, str, Any]] = {}
    for name, info in model.model_fields.items():
        for word in (name, info.alias, info.title):
            if word:
                spelled.setdefault(word, (_label(name, info), _key(name, info), _core(info.annotation)))
    return spelled


def _plain(value: Any) -> Any:
    """Decimals as YAML numbers, exactly (as int, or as float only when the float is exact)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    return value


def _parse(text: str) -> dict[str, Any]:
    """The advanced view's text through the one safe loader (duplicate keys, alias bombs and
    oversized input refused at once, naming the line)."""
    if not (text or "").strip():
        return {}
    try:
        data = load_json_or_yaml(text)
    except CalculationError as exc:
        raise FormError(f"YAML/JSON 有误：{exc.bare_message}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FormError("YAML/JSON 应为“名称: 值”的形式（JSON 用花括号括起）")
    return data


@dataclass(frozen=True)
class Form:
    """An input model as a form, and the same input as text (the advanced view)."""

    model: type[BaseModel]
    fields: tuple[FormField, ...]

    def values(self, data: dict[str, Any]) -> list[Any]:
        return form_values(self.fields, data)

    def read(self, values: list[Any]) -> dict[str, Any]:
        return read_form(self.fields, values)

    def text(self, data: dict[str, Any]) -> str:
        """YAML keyed by the Chinese titles: 绩效工资总量: 300000."""
        if not data:
            return ""
        return yaml.safe_dump(_keys(self.model, _plain(data), True), allow_unicode=True, sort_keys=False)

    def parse(self, text: str) -> dict[str, Any]:
        """Text typed in the advanced view (titles or input keys; YAML or JSON), read as the form
        reads it, so that 30万 counts there too; an unknown key is an error."""
        data = _keys(self.model, _parse(text), False)
        known = {f.path[0] for f in self.fields}
        unknown = [str(k) for k in data if k not in known]
        if unknown:
            raise FormError(f"有表单中没有的项：{'、'.join(unknown)}，请删除或改正")
        return self.read(self.values(data))

    def current(self, values: list[Any], text: str, agreed: str) -> tuple[dict[str, Any], bool]:
        """(the input on the page, whether it came from the advanced view): the view wins when
        it was edited after the form and the view last agreed, else the form does."""
        if (text or "").strip() != (agreed or "").strip():
            return self.parse(text), True
        return self.read(values), False


@cache
def _titles(model: type[BaseModel]) -> dict[str, str]:
    """Every input key under `model` (nested models too) → its Chinese title."""
    out: dict[str, str] = {}
    stack: list[Any] = [model]
    seen: set[Any] = set()
    while stack:
        current = stack.pop()
        core = _core(current)
        if core in seen:
            continue
        seen.add(core)
        if _is_model(core):
            for name, info in core.model_fields.items():
                out.setdefault(_key(name, info), _label(name, info))
                out.setdefault(name, _label(name, info))
                stack.append(info.annotation)
        else:
            stack.extend(typing.get_args(core))
    return out


def plain_words(model: type[BaseModel], text: str) -> str:
    """A message or description with the input keys it names ("积分 scores", "给出 years 时")
    said by their titles instead: dropped where the words before already say it."""
    for key, title in sorted(_titles(model).items(), key=lambda kv: -len(kv[0])):
        if not re.search(r"[A-Za-z]", key):
            continue

        def word(match: re.Match[str], title: str = title) -> str:
            before = match.string[max(0, match.start() - 8):match.start()]
            return "" if title[:2] in before else f"“{title}”"

        text = re.sub(rf"\s?(?<![A-Za-z_]){re.escape(key)}(?![A-Za-z_])\s?", word, text)
    return text.replace("（）", "").replace("()", "")


@cache
def form_of(model: type[BaseModel]) -> Form:
    return Form(model, fields_of(model))
