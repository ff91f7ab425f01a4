"""`payguide eval FILE.jsonl [--mode fused|rrf|bm25|vectors|all] [--json]`."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from ._common import emit_json, guarded


@app.command("eval")
@guarded
def evaluate(
    file: Path = typer.Argument(..., help="问题集（JSON Lines：id、question、gold）"),
    mode: str = typer.Option("fused", "--mode", help="fused（完整）/ rrf（仅融合）/ bm25 / vectors / all"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """评测检索质量：recall@1/3/5 与 MRR。"""
    from knowledge.evaluation import MODES, evaluate as run, read_questions

    questions = read_questions(file)
    modes = MODES if mode == "all" else (mode,)
    if any(m not in MODES for m in modes):
        raise typer.BadParameter(f"未知模式：{mode}")
    scores = [run(questions, m) for m in modes]
    if json_out:
        emit_json([s.model_dump() for s in scores] if mode == "all" else scores[0].model_dump())
        return
    typer.echo(f"{'模式':<8} {'问题数':>6} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}  未命中")
    for s in scores:
        typer.echo(f"{s.mode:<8} {s.questions:>6} {s.recall_at_1:>6.3f} {s.recall_at_3:>6.3f} {s.recall_at_5:>6.3f} {s.mrr:>6.3f}  {','.join(s.misses) or '—'}")
