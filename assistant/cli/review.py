"""`payguide review FILE [--json] [-o REPORT.docx] [--ownership 国有|非公] [--region 地区]`:
check a draft scheme against the guidelines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import emit_json, guarded


def _ownership(value: str | None):
    from calculators.applicability import OWNERSHIP_WORDS, Ownership

    from ..review import ReviewError

    # A reviewer may also say 外资 (reviewed as 非公有制) or use the English option words.
    words = {**OWNERSHIP_WORDS, "外资": Ownership.NON_PUBLIC, "state": Ownership.STATE, "private": Ownership.NON_PUBLIC}
    if value is None:
        return None
    if value not in words:
        raise ReviewError(f"所有制应为“国有”或“非公”（民营、外资等均按非公有制），收到“{value}”。")
    return words[value]


@app.command("review")
@guarded
def review(
    file: Annotated[Path, typer.Argument(help="待审查的薪酬分配方案（.docx、.txt 或 .md）")],
    json_out: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="另存审查报告（.docx）")] = None,
    ownership: Annotated[str | None, typer.Option("--ownership", help="指定企业所有制：国有 或 非公（不指定则按方案原文认定）")] = None,
    region: Annotated[str | None, typer.Option("--region", help="指定企业所在地区，如“曲靖市”（不指定则按方案原文认定）")] = None,
) -> None:
    """审查薪酬分配方案：先认定指引对本企业的约束力，再逐条对照指引，列出违反、提醒和提示，并引用条款原文。"""
    from ..review import review_file, write_report_docx

    report = review_file(file, ownership=_ownership(ownership), region=region)
    if out is not None:
        write_report_docx(report, out)
    if json_out:
        emit_json({
            "findings": [f.model_dump(mode="json", include={"rule", "name", "severity", "message", "citations", "quote", "evidence",
                                                            "chapter", "suggestion", "basis"}) for f in report.findings],
            "coverage": [c.model_dump(mode="json", include={"topic", "present", "citations", "quote", "evidence", "denied"})
                         for c in report.coverage],
            "applicability": [a.model_dump(mode="json") for a in report.assumptions],
        })
        return
    _print_table(report)
    if out is not None:
        typer.echo(f"\n审查报告已写入：{out}")


def _print_table(report) -> None:
    from calculators.severity import tally

    typer.echo(report.verdict)
    typer.echo(f"{tally(report.counts())}。\n")
    typer.echo("适用情况：")
    for a in report.assumptions:
        typer.echo(f"  {a.topic}：{a.value}（{a.reason}）")
    typer.echo("")
    for n, f in enumerate(report.findings, 1):
        typer.echo(f"{n:>2}. {f.severity.mark}  {f.name}")
        typer.echo(f"    {f.message}")
        typer.echo(f"    依据：{f.clause_title}：“{_one_line(f.quote)}”")
        if f.evidence:
            typer.echo(f"    方案原文（{f.chapter}）：{_one_line(f.evidence)}")
        if f.suggestion:
            typer.echo(f"    修改建议：{_one_line(f.suggestion)}")
    typer.echo("\n内容覆盖：")
    for c in report.coverage:
        mark = "✗（明确排除）" if c.denied else ("✓" if c.present else "✗")
        typer.echo(f"  {mark} {c.topic}")


def _one_line(text: str, width: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
