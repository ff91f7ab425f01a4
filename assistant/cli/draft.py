"""`payguide draft PROFILE -o OUT.docx [--json]`: a company profile becomes a Word salary scheme.

Also `--list-examples`, `--example NAME` (draft a shipped sample) and `--profile-out FILE`
(write the sample profile for editing).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import app
from ._common import UserError, emit_json, guarded


@app.command("draft")
@guarded
def draft(
    profile: Optional[Path] = typer.Argument(None, help="企业概况文件（.yaml / .json）"),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="输出的方案文件（.docx）或目录；默认当前目录"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
    list_examples: bool = typer.Option(False, "--list-examples", help="列出内置示例企业概况"),
    example: Optional[str] = typer.Option(None, "--example", help="使用内置示例企业概况，如 private-manufacturer"),
    profile_out: Optional[Path] = typer.Option(None, "--profile-out", help="把示例企业概况写入文件，供修改后使用"),
) -> None:
    """起草薪酬分配方案：根据企业概况生成符合公文格式的 Word 文档，各章注明指引依据。"""
    import doc_templates

    if list_examples:
        names = doc_templates.list_examples()
        if json_out:
            emit_json(names)
        else:
            typer.echo("\n".join(names))
        return
    if profile is not None and example is not None:
        raise UserError("企业概况文件与 --example 只能二选一。")
    if profile is None and example is None:
        raise UserError("请给出企业概况文件（.yaml / .json），或用 --example 选择内置示例（--list-examples 查看）。")
    if profile_out is not None:
        if example is None:
            raise UserError("--profile-out 需与 --example 一起使用。")
        _write_profile(example, profile_out)
        if out is None:
            if json_out:
                emit_json({"profile": str(profile_out)})
            else:
                typer.echo(f"示例企业概况已写入：{profile_out}")
            return
    loaded = doc_templates.load_example(example) if example else doc_templates.Profile.from_file(profile)
    report = doc_templates.draft_document(loaded, out if out is not None else Path.cwd())
    if json_out:
        emit_json(report.to_dict())
        return
    typer.echo(f"已生成：{report.path}")
    typer.echo("章节：" + "、".join(report.chapters))
    if report.defaulted:
        typer.echo("以下内容未在企业概况中给出，已按指引取默认值：")
        for item in report.defaulted:
            typer.echo(f"  - {item}")


def _write_profile(name: str, target: Path) -> None:
    """The sample as shipped (with its comments), or as JSON when the file name asks for it."""
    import doc_templates

    if target.suffix.lower() == ".json":
        data = doc_templates.load_example(name).model_dump(mode="json", exclude_none=True, by_alias=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = doc_templates.example_text(name)
    if target.is_dir():
        raise UserError(f"--profile-out 应为文件路径，而不是目录：{target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
