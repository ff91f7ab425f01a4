"""`payguide eval FILE.jsonl [--mode fused|rrf|bm25|vectors|all] [--json]`."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from ._common import UserError, emit_json, guarded


@app.command("eval")
@guarded
def evaluate(
    file: Path = typer.Argument(..., help="问题集（JSON Lines：id、question，以及 gold 或 kind）"),
    mode: str = typer.Option("fused", "--mode", help="fused（完整）/ rrf（仅融合）/ bm25 / vectors / all"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """评测检索质量：范围内问题的 recall@1/3/5、MRR、拒答数；范围外问题的拒答率（按类别）。
    文件名含 heldout 的留出集只报告汇总数字。"""
    from knowledge.evaluation import (
        MODES,
        evaluate_refusals,
        is_held_out,
        is_out_of_scope,
        read_questions,
    )
    from knowledge.evaluation import evaluate as run

    questions = read_questions(file)
    held_out = is_held_out(file)
    if is_out_of_scope(questions):
        refusals = evaluate_refusals(questions, report_answered=not held_out)
        if json_out:
            emit_json(refusals.model_dump())
            return
        kinds = "，".join(f"{k} {v:.1%}" for k, v in refusals.by_kind.items())
        typer.echo(f"范围外问题 {refusals.questions} 个，拒答 {refusals.refused} 个（{refusals.refusal_rate:.1%}）；按类别：{kinds}")
        if refusals.answered:
            typer.echo(f"未拒答：{','.join(refusals.answered)}")
        return
    modes = MODES if mode == "all" else (mode,)
    if any(m not in MODES for m in modes):
        raise UserError(f"未知模式：{mode}（可选 {' / '.join(MODES)} / all）")
    scores = [run(questions, m, report_misses=not held_out) for m in modes]
    if json_out:
        emit_json([s.model_dump() for s in scores] if mode == "all" else scores[0].model_dump())
        return
    typer.echo(f"{'模式':<8} {'问题数':>6} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6} {'拒答':>4}  未命中")
    for s in scores:
        missed = "（留出集不列出）" if held_out else (",".join(s.misses) or "—")
        typer.echo(f"{s.mode:<8} {s.questions:>6} {s.recall_at_1:>6.3f} {s.recall_at_3:>6.3f} {s.recall_at_5:>6.3f} "
                   f"{s.mrr:>6.3f} {s.refused:>4}  {missed}")
