"""`payguide calc list` and `payguide calc NAME --input FILE|- [--json]`: a thin skin over
`calculators.run`. JSON/YAML input is the calculator's fields; a CSV/XLSX file is a people table
and becomes {"people": rows}."""

from __future__ import annotations

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
    if xlsx is not None and not xlsx.is_dir() and xlsx.suffix.lower() != ".xlsx":  # Excel refuses to open a book under another name
        raise UserError(f"--xlsx 的文件名应以 .xlsx 结尾，收到“{xlsx.name}”")
    data = apply_settings(load_input(input_path), settings or [])
    result = calculators.run(name, data)
    if xlsx is not None:
        from calculators.tables import write_result_xlsx

        write_result_xlsx(result, xlsx, info.input_model)
    if json_out:
        emit_json(result)
    else:
        typer.echo(render_text(info.title, result))


def _list(infos: list[Any], json_out: bool) -> None:
    if json_out:
        emit_json([{"name": i.name, "title": i.title, "description": i.description} for i in infos])
        return
    from calculators.present import grid

    typer.echo(grid(["名称", "说明"], [[i.name, i.title] for i in infos]))


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
    given: dict[str, str] = {}
    for item in settings:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"--set 应写作 字段=值，例如 --set pool=60000，收到“{item}”")
        if key in given:  # two values for one field: which one was meant cannot be known
            raise UserError(f"--set 对“{key}”给了两次（{given[key]} 和 {value.strip()}），请只保留一个")
        given[key] = value.strip()
        parts = key.split(".")
        target = out
        for part in parts[:-1]:
            child = target.get(part)
            child = dict(child) if isinstance(child, dict) else {}
            target[part] = child
            target = child
        target[parts[-1]] = value.strip()
    return out


def render_text(title: str, result: dict[str, Any]) -> str:
    """A result as a terminal reader wants it (`calculators.present.text`)."""
    from calculators import present

    return present.text(title, result)
