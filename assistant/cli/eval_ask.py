"""`payguide eval-ask FILE`: the chat measured on written requests."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from . import app


@app.command("eval-ask", help="用问答评测集（JSONL）测量对话理解：通过率、错误数字数、反问率（按计算器）。")
def eval_ask(
    file: Path = typer.Argument(..., help="评测集文件（tests/data/ask_*.jsonl）"),
    show: bool = typer.Option(False, "--show", help="列出未通过的条目（留出集不列出，以免据此调参）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    from assistant.agent import respond
    from assistant.agent.evaluation import evaluate, load, summary_rows

    if not file.is_file():
        typer.echo(f"找不到评测集文件：{file}", err=True)
        raise typer.Exit(2)
    report = evaluate(load(file), respond)
    held_out = "heldout" in file.name
    if as_json:
        typer.echo(json.dumps({
            "items": report.total, "pass_rate": round(report.rate("passed"), 4), "wrong_figures": sum(o.wrong for o in report.outcomes),
            "ask_back_rate": round(report.rate("asked"), 4),
            "by_calculator": {g: {"items": n, "pass_rate": p, "wrong": w, "asked": a} for g, n, p, w, a in summary_rows(report)},
        }, ensure_ascii=False, indent=2))
        return
    typer.echo(f"条目 {report.total}，通过率 {report.rate('passed'):.1%}，错误数字 {sum(o.wrong for o in report.outcomes)} 条，"
               f"反问 {report.rate('asked'):.1%}")
    typer.echo(f"{'类别':<24}{'条目':>6}{'通过':>8}{'错误数字':>10}{'反问':>6}")
    for group, n, passed, wrong, asked in summary_rows(report):
        typer.echo(f"{group:<24}{n:>6}{passed:>8}{wrong:>10}{asked:>6}")
    if show and not held_out:
        for o in report.outcomes:
            if not o.passed:
                typer.echo(f"{'✗错' if o.wrong else '✗'} {o.id} [{o.group}] {o.detail}")
