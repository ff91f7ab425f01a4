"""Reading JSON and YAML that a user typed: nothing lost, nothing invented, nothing that hangs.

One loader for calculator inputs and company profiles (doc_templates imports `load_yaml`):

- **Keys stay the text written.** YAML 1.1 turns `1`, `true`, `null`, `1.0`, `0x10` and `0012` into
  int/bool/None/float (and `0012` into the octal 10), so `1:` and `"1":` collide and 工号 `0012`
  becomes 10. Here every mapping key is the string as typed; keys that are written twice (also
  `1` and `"1"`) are refused with the key and the line.
- **Plain scalars stay text** unless they are `null`/`~`/empty (None) or `true`/`false` (YAML 1.2
  core). A number is converted only where a field wants a number, and then exactly from its text
  (`calculators.numbers.to_decimal`): `0012` → 12, never 10; `0x10`, `1:20`, `.inf` are refused
  there, never misread. `scalars="exact"` gives int/Decimal for plain decimal numbers instead
  (leading-zero integers such as `0012` still stay text) for callers that want typed values.
- **Limits before work**: the text size, the nesting depth (also through aliases) and the number
  of entries after alias expansion are checked on the node graph, before anything is built, so a
  369-byte alias bomb is refused in milliseconds. Recursive aliases are refused.
- JSON: duplicate keys refused with the line; floats read as Decimal (exact); deep nesting refused.

Why a custom PyYAML loader rather than ruamel.yaml: PyYAML is already a dependency and its C
parser (libyaml) produces the events fast; only composing (to count depth) and constructing (to
keep text) are ours, about 150 lines. ruamel.yaml's round-trip loader keeps key text too, but it
is a new dependency, several times slower, and still expands aliases when the data is walked.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from json.decoder import scanstring  # type: ignore[attr-defined]  # public at run time; typeshed leaves it out
from typing import Any, Literal

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import limits
from .errors import CalculationError
from .numbers import all_plain, name_key

Scalars = Literal["text", "exact"]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STD = "tag:yaml.org,2002:"
_PLAIN = "tag:payguide,plain"  # an untagged, unquoted scalar: the builder decides what it is
# Explicit tags a user may write; anything else (!!python/…, !!binary, custom tags) is refused.
_ALLOWED_TAGS = {_PLAIN} | {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
# YAML 1.2 core decimal numbers (no octal, hex, sexagesimal, .inf or underscores).
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


class InputError(CalculationError):
    """Unreadable input text; the message names the line. `syntax`: the text is not JSON/YAML at all."""

    def __init__(self, message: str, field: str | None = None, *, syntax: bool = False) -> None:
        super().__init__(message, field)
        self.syntax = syntax


# ---- the public entry points ------------------------------------------------------------------


def load_json_or_yaml(text: str, *, where: str | None = None, scalars: Scalars = "text") -> Any:
    """JSON if the text is JSON (fast, exact), else YAML; either way with the checks above."""
    check_text_size(text, where)
    if not text.strip():
        raise InputError("输入为空", where)
    try:
        return load_json(text, where=where)
    except InputError as not_json:
        if not not_json.syntax:
            raise
        try:
            return load_yaml(text, where=where, scalars=scalars)
        except InputError as exc:
            if text.lstrip().startswith(("{", "[")) and exc.syntax:
                raise not_json from None  # meant as JSON: say where the JSON breaks
            raise


def load_json(text: str, *, where: str | None = None) -> Any:
    """JSON with Decimal floats; duplicate keys, runaway nesting and too many entries refused."""
    check_text_size(text, where)
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_pairs)
    except _DuplicateKey:
        key, line = _json_duplicate(text) or ("?", 0)
        raise InputError(f"第 {line} 行：键“{key}”重复出现（同一层级的名称不能重复，只差空格或全角/半角的也算重复；请区分，如加工号）", where) from None
    except RecursionError:
        raise limits.breach("depth", None, where) from None
    except json.JSONDecodeError as exc:
        message = f"输入不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有格式错误"
        raise InputError(message, where, syntax=True) from None
    except ValueError:  # an integer of more than 4300 digits
        raise InputError("输入中有位数过多的数字", where) from None
    check_shape(data, where)
    return data


def load_yaml(text: str, *, where: str | None = None, scalars: Scalars = "text", max_items: int | None = None) -> Any:
    """One YAML document with keys as written and the limits checked before it is built.

    `max_items` lowers the entry limit for a caller whose documents are small (a company profile).
    """
    check_text_size(text, where)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except RecursionError:
        raise limits.breach("depth", None, where) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"第 {mark.line + 1} 行附近" if mark is not None else ""
        raise InputError(f"输入不是有效的 JSON/YAML：{line}有格式错误", where, syntax=True) from None
    except yaml.YAMLError:
        raise InputError("输入不是有效的 JSON/YAML", where, syntax=True) from None
    finally:
        loader.dispose()
    if node is None:
        return None
    _Budget(where, max_items).measure(node)
    return _Builder(scalars, where).build(node)


def check_text_size(text: str, where: str | None = None) -> None:
    # A character is at most 4 bytes of UTF-8; only measure when the text could be too big.
    if len(text) * 4 > limits.bytes_limit("upload_mb"):
        limits.check_bytes("upload_mb", len(text.encode("utf-8", "surrogatepass")), where, what="输入大小")


def check_shape(data: Any, where: str | None = None) -> int:
    """Nesting depth and number of entries of parsed data, refused past their limits; returns the entries."""
    max_items, max_depth = limits.value("items"), limits.value("depth")
    items, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, (list, tuple)):
            children = value
        else:
            continue
        if depth > max_depth:
            raise limits.breach("depth", depth, where)
        items += len(children)
        if items > max_items:
            raise limits.breach("items", None, where)
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list, tuple)))
    return items


# ---- JSON details -----------------------------------------------------------------------------


class _DuplicateKey(Exception):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs) or not _distinct_to_a_reader(out):
        raise _DuplicateKey
    return out


def _distinct_to_a_reader(keys: Any) -> bool:
    """No two keys that differ only in spaces, full-width letters or invisible characters
    ("张三" and "张三 ", "AB" and "ＡＢ"): a reader would take them for one name."""
    if len(keys) < 2:
        return True
    return all_plain(keys) or len({name_key(k) for k in keys}) == len(keys)


def _json_duplicate(text: str) -> tuple[str, int] | None:
    """The first key written twice in one object, and its line: only run once a duplicate is known."""
    stack: list[set[str] | None] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            value, end = scanstring(text, i + 1)
            j = end
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] == ":" and stack and stack[-1] is not None:
                if name_key(value) in stack[-1]:
                    return value, text.count("\n", 0, i) + 1
                stack[-1].add(name_key(value))
            i = end
            continue
        if ch == "{":
            stack.append(set())
        elif ch == "[":
            stack.append(None)
        elif ch in "}]" and stack:
            stack.pop()
        i += 1
    return None


# ---- YAML: C events, our composer (depth) and builder (text keys) -------------------------------


class _Loader(CParser, Composer):
    """libyaml events composed in Python, so that depth is counted and refused as nodes are made."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        self._depth = 0

    # Composer's versions, not CParser's C composer (which recurses without a limit).
    check_node = Composer.check_node
    get_node = Composer.get_node
    get_single_node = Composer.get_single_node

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        if self._depth > limits.value("depth"):
            raise limits.breach("depth", None)
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1

    def descend_resolver(self, parent: Any, index: Any) -> None:  # path-based resolvers: none
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # No YAML 1.1 guessing: a quoted scalar is text, a plain one is decided by the builder.
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STD + "str"
        return _STD + ("seq" if kind is SequenceNode else "map")


class _Budget:
    """Entries and depth of a node graph as if every alias were expanded, computed once per node."""

    def __init__(self, where: str | None, max_items: int | None = None) -> None:
        self.where = where
        self.max_items = min(max_items or limits.value("items"), limits.value("items"))
        self.max_depth = limits.value("depth")
        self.memo: dict[int, tuple[int, int]] = {}
        self.open: set[int] = set()

    def measure(self, node: Node) -> None:
        if self._size(node, 1) > self.max_items:
            if self.max_items < limits.value("items"):  # a caller's own, smaller limit (a profile): not configurable
                raise InputError(f"输入中的条目数（YAML 别名展开后）超过上限 {self.max_items} 项", self.where)
            raise limits.breach("items", None, self.where, what="输入中的条目数（YAML 别名展开后）")

    def _size(self, node: Node, level: int) -> int:
        """Entries under `node` once expanded; refuses as soon as the expanded depth passes the limit."""
        if isinstance(node, ScalarNode):
            return 0
        key = id(node)
        if key in self.memo:
            items, height = self.memo[key]
        elif key in self.open:
            raise InputError(f"第 {node.start_mark.line + 1} 行：YAML 别名引用了自身（递归引用），无法读取", self.where)
        else:
            if level > self.max_depth:
                raise limits.breach("depth", None, self.where)
            self.open.add(key)
            children = [v for pair in node.value for v in pair] if isinstance(node, MappingNode) else list(node.value)
            items, height = len(node.value), 1
            for child in children:
                # past the limit the exact count does not matter
                items = min(items + self._size(child, level + 1), self.max_items + 1)
                height = max(height, 1 + self.memo.get(id(child), (0, 0))[1])
            self.open.discard(key)
            self.memo[key] = (items, height)
        if level + height - 1 > self.max_depth:
            raise limits.breach("depth", level + height - 1, self.where)
        return items


class _Builder:
    def __init__(self, scalars: Scalars, where: str | None) -> None:
        self.scalars = scalars
        self.where = where
        self.built: dict[int, Any] = {}

    def build(self, node: Node) -> Any:
        key = id(node)
        if key in self.built:  # an alias: the same object, as PyYAML does
            return self.built[key]
        if node.tag not in _ALLOWED_TAGS:
            raise InputError(f"第 {node.start_mark.line + 1} 行：不支持的 YAML 标签 {node.tag}", self.where)
        if isinstance(node, ScalarNode):
            value = self._scalar(node)
        elif isinstance(node, SequenceNode):
            value = [self.build(item) for item in node.value]
        else:
            value = self._mapping(node)
        self.built[key] = value
        return value

    def _scalar(self, node: ScalarNode) -> Any:
        text, tag = node.value, node.tag.removeprefix(_STD)
        if node.tag == _PLAIN:
            if text in _NULLS:
                return None
            if text in _BOOLS:
                return _BOOLS[text]
            return text if self.scalars == "text" else self._number(node, required=False)
        if tag == "null":
            return None
        if tag == "bool":
            if text not in _BOOLS:
                raise InputError(f"第 {node.start_mark.line + 1} 行：“{text}”不是 true/false", self.where)
            return _BOOLS[text]
        if tag in ("int", "float") and self.scalars == "exact":
            return self._number(node, required=True)
        return text  # quoted, !!str, or a number kept as its text

    def _number(self, node: ScalarNode, *, required: bool) -> Any:
        text = node.value
        if _DECIMAL_INT.fullmatch(text):
            return int(text)
        if _DECIMAL_FLOAT.fullmatch(text) and not re.fullmatch(r"[-+]?0[0-9]+", text):
            return Decimal(text)
        if required:
            raise InputError(f"第 {node.start_mark.line + 1} 行：“{text}”不是有效数字", self.where)
        return text

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        keys: dict[str, str] = {}  # name_key → the key as written
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise InputError(f"第 {line} 行：键应为名称（文字），不能是列表或对象", self.where)
            key = key_node.value
            if key == "<<" and key_node.tag == _PLAIN:  # merge key: explicit keys win over merged ones
                for source in self._merge_sources(value_node, line):
                    for k, v in source.items():
                        merged.setdefault(k, v)
                continue
            if key not in lines and name_key(key) in keys and name_key(key):
                first = keys[name_key(key)]
                raise InputError(
                    f"第 {line} 行：键“{key}”与第 {lines[first]} 行的“{first}”只差空格、全角/半角或不可见字符，会被当成同一名称，请区分",
                    self.where,
                )
            if key in lines:
                raise InputError(
                    f"第 {line} 行：键“{key}”与第 {lines[key]} 行重复（YAML 中 1 与 \"1\"、true 与 \"true\" 也算同一名称；同一层级的名称不能重复）",
                    self.where,
                )
            lines[key] = line
            keys[name_key(key)] = key
            out[key] = self.build(value_node)
        for k, v in merged.items():
            out.setdefault(k, v)
        return out

    def _merge_sources(self, node: Node, line: int) -> list[dict[str, Any]]:
        nodes = node.value if isinstance(node, SequenceNode) else [node]
        sources = [self.build(n) for n in nodes]
        if not all(isinstance(s, dict) for s in sources):
            raise InputError(f"第 {line} 行：合并键 << 后应为对象（或对象的列表）", self.where)
        return sources
