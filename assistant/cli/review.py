"""`payguide review FILE [--json] [-o REPORT.docx]`: check a draft scheme against the guidelines."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app
from ._common import emit_json, guarded

_SEVERITY_ZH = {"error": "违反", "warning": "提醒", "info": "建议"}


@app.command("review")
@guarded
def review(
    file: Path = typer.Argument(..., help="待审查的薪酬分配方案（.docx、.txt 或 .md）"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="另存审查报告（.docx）"),
) -> None:
    """审查薪酬分配方案：逐条对照指引，列出违反、缺失和建议，并引用条款原文。"""
    from ..review import review_file, write_report_docx

    report = review_file(file)
    if out is not None:
        write_report_docx(report, out)
    if json_out:
        emit_json({
            "findings": [f.model_dump(include={"rule", "severity", "message", "citations", "quote", "evidence"}) for f in report.findings],
            "coverage": [c.model_dump(include={"topic", "present", "citations", "quote"}) for c in report.coverage],
        })
        return
    _print_table(report)
    if out is not None:
        typer.echo(f"\n审查报告已写入：{out}")


def _print_table(report) -> None:
    counts = report.counts()
    typer.echo(f"审查结果：违反 {counts['error']} 项，提醒 {counts['warning']} 项，建议 {counts['info']} 项。\n")
    for n, f in enumerate(report.findings, 1):
        typer.echo(f"{n:>2}. [{_SEVERITY_ZH[f.severity]}] {f.message}")
        typer.echo(f"    规则：{f.rule}　依据：{'、'.join(f.citations)}")
        if f.evidence:
            typer.echo(f"    方案原文：{_one_line(f.evidence)}")
        if f.quote:
            typer.echo(f"    条款原文：{f.quote}")
    typer.echo("\n内容覆盖：")
    for c in report.coverage:
        typer.echo(f"  {'✓' if c.present else '✗'} {c.topic}（{'、'.join(c.citations)}）")


def _one_line(text: str, width: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
