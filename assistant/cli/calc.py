"""`payguide calc list` and `payguide calc NAME --input FILE|- [--json]`: a thin skin over
`calculators.run`. JSON/YAML input is the calculator's fields; a CSV/XLSX file is a people table
and becomes {"people": rows}."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from . import app
from ._common import UserError, emit_json, guarded, read_text_input, to_json

_TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls")


@app.command("calc")
@guarded
def calc(
    name: Annotated[str, typer.Argument(help="计算器名称（如 points-allocation），或 list 列出全部")],
    input_path: Annotated[str | None, typer.Option("--input", "-i", help="输入文件：JSON/YAML，或人员表 CSV/XLSX；- 表示标准输入")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="另存结果为 Excel（结果 + 计算过程）")] = None,
    example: Annotated[bool, typer.Option("--example", help="打印该计算器的示例输入（JSON）")] = False,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", "-s", help="补充或改写一个输入字段：--set pool=60000（可多次使用；人员表 CSV/XLSX 时用它给出总额等）"),
    ] = None,
) -> None:
    """运行计算器（积分分配、计件、薪级表、分位值、合规检查等）。先用 `payguide calc list` 查看全部。

    人员表（CSV/XLSX）只含人员列时，用 --set 给出其余字段，例如
    `payguide calc piece-rate-allocation --input 计件.xlsx --set pool=60000`；XLSX 也可带一张名为“参数”的工作表（两列：字段、值）。
    """
    import calculators

    if name == "list":
        _list(calculators.list_calculators(), json_out)
        return
    info = calculators.get_calculator(name)
    if example:
        emit_json(info.example)
        return
    if not input_path:
        sample = to_json(info.example, indent=None)
        raise UserError(f"请用 --input 给出输入文件（JSON/YAML/CSV/XLSX，- 为标准输入），例如：{sample}")
    data = apply_settings(load_input(input_path), settings or [])
    result = calculators.run(name, data)
    if xlsx is not None:
        from calculators.tables import write_result_xlsx

        write_result_xlsx(result, xlsx)
    if json_out:
        emit_json(result)
    else:
        typer.echo(render_text(info.title, result))


def _list(infos: list[Any], json_out: bool) -> None:
    if json_out:
        emit_json([{"name": i.name, "title": i.title, "description": i.description} for i in infos])
        return
    rows = [(i.name, i.title) for i in infos]
    typer.echo(_grid(("名称", "说明"), rows))


def load_input(path: str) -> dict[str, Any]:
    """The input as a dict: a table file becomes {"people": rows} (plus its 参数 sheet); text is JSON, else YAML.

    JSON/YAML go through `calculators.loaders`: keys kept as written, duplicates refused with
    their line, sizes checked before parsing.
    """
    if path != "-" and Path(path).suffix.lower() in _TABLE_SUFFIXES:
        from calculators.tables import read_parameters, read_table

        return {**read_parameters(Path(path)), "people": read_table(Path(path))}
    from calculators.loaders import load_json_or_yaml

    data = load_json_or_yaml(read_text_input(path))
    if not isinstance(data, dict):
        raise UserError("输入应为一个 JSON/YAML 对象，例如 {\"pool\": 100000, \"scores\": {\"生产部\": 3000}}")
    return data


def apply_settings(data: dict[str, Any], settings: list[str]) -> dict[str, Any]:
    """`--set field=value` (dotted for nested fields: `--set steps.count=30`); values stay text, read exactly later."""
    out = dict(data)
    for item in settings:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"--set 应写作 字段=值，例如 --set pool=60000，收到“{item}”")
        parts = key.split(".")
        target = out
        for part in parts[:-1]:
            child = target.get(part)
            child = dict(child) if isinstance(child, dict) else {}
            target[part] = child
            target = child
        target[parts[-1]] = value.strip()
    return out


# ---- plain-text rendering -----------------------------------------------------------------------

_SEVERITY = {"error": "✗ 不符合", "warning": "! 注意", "info": "· 提示"}
_SCALARS = (("total", "合计"), ("allocated", "所列各项合计"), ("others", "其余（未列出的人员或部门）"), ("amount", "金额"), ("point_value", "每分值"), ("unit_price", "每件工资"), ("r2", "R²"),
            ("growth_per_grade", "每级增长率"), ("base_share", "基本薪酬占比"), ("step", "级差"), ("ratio", "级比"))


def _num(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, int):
        return f"{value:,}"
    if value is None:
        return "—"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _grid(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    cells = [tuple(header)] + [tuple(_num(c) for c in row) for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            numeric = k > 0 and i > 0 and cell[:1].isdigit()
            parts.append(pad + cell if numeric else cell + pad)
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _tables(result: dict[str, Any]) -> list[str]:
    out = []
    for key, header in (("allocations", ("名称", "金额（元）")), ("counts", ("等次", "人数")), ("percentiles", ("分位", "金额（元）"))):
        if isinstance(result.get(key), dict) and result[key]:
            out.append(_grid(header, list(result[key].items())))
    for dept, members in (result.get("members") or {}).items():
        out.append(f"{dept}：\n" + _grid(("姓名", "金额（元）"), list(members.items())))
    if isinstance(result.get("bands"), list) and result["bands"] and isinstance(result["bands"][0], dict):
        out.append(_grid(("档次", "工龄（年）", "金额（元）"), [(b["band"], f"{b['from_years']}–{b['to_years'] if b['to_years'] is not None else ''}", b["amount"]) for b in result["bands"]]))
    elif isinstance(result.get("levels"), list) and result["levels"] and not result.get("table"):
        out.append(_grid(("级别", "金额（元）"), [(f"第{i}级", v) for i, v in enumerate(result["levels"], 1)]))
    if isinstance(result.get("table"), list):
        out.append(_grid(("岗位等级", "岗位工资", "起点薪级", "起点月工资", "最高月工资"),
                         [(r["grade"], r["post_wage"], r["start_step"], r["totals"][r["start_step"] - 1], r["totals"][-1]) for r in result["table"]]))
    if isinstance(result.get("grades"), dict) and all(isinstance(v, dict) for v in result["grades"].values()):
        out.append(_grid(("等级", "下限", "中位值", "上限"), [(k, v.get("min"), v.get("median"), v.get("max")) for k, v in result["grades"].items()]))
    if isinstance(result.get("by_tier"), list):
        out.append(_grid(("分段", "比例", "提取额"), [(f"{_num(t['from'])}–{_num(t['to']) if t.get('to') is not None else '以上'}", f"{t['rate'] * 100:g}%", t["amount"]) for t in result["by_tier"]]))
    if isinstance(result.get("by_person"), dict) and result["by_person"]:
        cols = tuple(next(iter(result["by_person"].values())))
        out.append(_grid(("姓名", *cols), [(n, *row.values()) for n, row in result["by_person"].items()]))
    return out


def render_text(title: str, result: dict[str, Any]) -> str:
    """A result as a terminal reader wants it: tables, totals, verdict, findings, working, basis."""
    lines = [title, ""]
    for table in _tables(result):
        lines += [table, ""]
    for key, label in _SCALARS:
        if key == "total" and "allocated" in result:
            label = "总量"  # only some members listed: the pool, not their sum
        if key in result and result[key] is not None and not isinstance(result[key], (dict, list)):
            lines.append(f"{label}：{_num(result[key])}")
    if "compliant" in result:
        lines.append("结论：" + ("符合指引要求" if result["compliant"] else "不符合指引要求"))
    for f in result.get("findings") or []:
        lines.append(f"  {_SEVERITY.get(f.get('severity'), '')} {f.get('message')}")
    trace = result.get("trace") or {}
    if trace.get("formula"):
        lines += ["", f"计算公式：{trace['formula']}"]
    if trace.get("steps"):
        lines += ["计算过程："] + [f"  - {s}" for s in trace["steps"]]
    if result.get("citations"):
        lines += ["", "依据：" + "、".join(result["citations"])]
    return "\n".join(lines).rstrip()
