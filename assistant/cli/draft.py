"""`payguide draft PROFILE -o OUT.docx [--json]`: a company profile (YAML, JSON or the 企业概况 Excel
workbook) becomes a Word salary scheme, with its 编制说明 (drafting notes) beside it.

Also `--template FILE.xlsx` (the Excel workbook to fill in; with `--example NAME` pre-filled),
`--staff FILE` (套改测算 of the current staff), `--allow-findings` (draft although the profile's
figures breach a binding clause; the breaches go into the notes), `--list-examples`,
`--example NAME` and `--profile-out FILE`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from . import app
from ._common import UserError, emit_json, guarded


@app.command("draft")
@guarded
def draft(
    profile: Annotated[Path | None, typer.Argument(help="企业概况文件（.xlsx 工作簿 / .yaml / .json）")] = None,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="输出的方案文件（.docx）或目录；默认当前目录")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    list_examples: Annotated[bool, typer.Option("--list-examples", help="列出内置示例企业概况")] = False,
    example: Annotated[str | None, typer.Option("--example", help="使用内置示例企业概况，如 private-manufacturer")] = None,
    profile_out: Annotated[Path | None, typer.Option("--profile-out", help="把示例企业概况写入文件，供修改后使用")] = None,
    template: Annotated[Path | None, typer.Option(
        "--template", help="生成企业概况 Excel 填写模板（.xlsx）；与 --example 同用时预先填好示例")] = None,
    staff: Annotated[Path | None, typer.Option("--staff", help="现有职工名单（.xlsx / .csv），一并进行套改测算")] = None,
    allow_findings: Annotated[bool, typer.Option(
        "--allow-findings", help="企业概况的数据违反有约束力的条款时仍然起草，问题列入编制说明")] = False,
) -> None:
    """起草薪酬分配方案：根据企业概况生成符合公文格式的 Word 方案和编制说明，各章注明依据。"""
    import doc_templates

    if list_examples:
        names = doc_templates.list_examples()
        if json_out:
            emit_json(names)
        else:
            typer.echo("\n".join(names))
        return
    if template is not None:
        _write_template(template, example, json_out)
        return
    if profile is not None and example is not None:
        raise UserError("企业概况文件与 --example 只能二选一。")
    if profile is None and example is None:
        raise UserError("请给出企业概况文件（.xlsx / .yaml / .json），或用 --example 选择内置示例（--list-examples 查看），"
                        "或用 --template 生成 Excel 填写模板。")
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
    loaded = doc_templates.load_example(example) if example is not None else doc_templates.Profile.from_file(
        profile)  # type: ignore[arg-type]  # one of the two is given (checked above)
    staff_file = staff if staff is not None else _staff_in_workbook(profile)
    report = doc_templates.draft_document(loaded, out if out is not None else Path.cwd(),
                                          allow_findings=allow_findings, staff=staff_file)
    if json_out:
        emit_json(report.to_dict())
        return
    _print_report(report)


def _staff_in_workbook(profile: Path | None) -> Path | None:
    """A 企业概况 workbook whose 现有职工 sheet is filled brings its own staff list."""
    if profile is None or profile.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from doc_templates.workbook import STAFF_SHEET, sheet_rows

    return profile if sheet_rows(profile, STAFF_SHEET) else None


def _print_report(report: Any) -> None:
    typer.echo(f"已生成方案：{report.path}")
    typer.echo(f"已生成编制说明：{report.notes_path}")
    if report.conversion_path:
        typer.echo(f"已生成套改测算：{report.conversion_path}")
    typer.echo("章节：" + "、".join(report.chapters))
    for finding in report.findings:
        typer.echo(f"  [{finding.label}] {finding.message}")
    if report.defaulted:
        typer.echo(f"企业概况未给出或按假设处理的事项 {len(report.defaulted)} 项，已列入编制说明，未写入方案正文：")
        for item in report.defaulted:
            typer.echo(f"  - {item.split('：', 1)[0]}")


def _write_template(target: Path, example: str | None, json_out: bool) -> None:
    import doc_templates
    from doc_templates.workbook import write_template

    if target.suffix.lower() != ".xlsx":
        raise UserError(f"模板应保存为 .xlsx 文件：{target}")
    if target.is_dir():
        raise UserError(f"--template 应为文件路径，而不是目录：{target}")
    write_template(target, doc_templates.load_example(example) if example else None)
    if json_out:
        emit_json({"template": str(target)})
    else:
        typer.echo(f"企业概况填写模板已写入：{target}")


def _write_profile(name: str, target: Path) -> None:
    """The sample as shipped (with its comments), as JSON or as the Excel workbook when the name asks."""
    import doc_templates

    if target.is_dir():
        raise UserError(f"--profile-out 应为文件路径，而不是目录：{target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".xlsx":
        from doc_templates.workbook import write_template

        write_template(target, doc_templates.load_example(name))
        return
    if target.suffix.lower() == ".json":
        data = doc_templates.load_example(name).model_dump(mode="json", exclude_none=True, by_alias=True)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = doc_templates.example_text(name)
    target.write_text(text, encoding="utf-8")
