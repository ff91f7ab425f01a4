"""`payguide ask QUESTION [--session ID] [--json]`: one turn of the assistant."""

from __future__ import annotations

import typer

from . import app
from ._common import UserError, emit_json, guarded


@app.command("ask")
@guarded
def ask(
    question: str = typer.Argument(..., help="问题或计算请求，例如：师带徒津贴一般发多少？"),
    session: str | None = typer.Option(None, "--session", help="会话编号：多轮对话时沿用同一个编号"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """向助手提问（默认离线）：检索条款并引用原文，或调用计算器。"""
    from ..agent import respond

    try:
        reply = respond(question, session_id=session)
    except ValueError as exc:  # e.g. a malformed session id
        raise UserError(str(exc)) from exc
    if reply.mode == "refused":  # e.g. a question past the length limit: an error, not an answer
        raise UserError(reply.answer)
    if json_out:
        emit_json(reply.model_dump(include={"answer", "citations", "tool_calls", "needs", "mode", "notice"}))
        return
    typer.echo(reply.answer)
    if reply.citations:
        import knowledge

        from ..agent.qa import unit_label

        typer.echo("\n引用：")
        for c in reply.citations:
            unit = knowledge.get_unit(c.id)
            typer.echo(f"[{c.n}] {unit_label(unit) if unit is not None else '（条款已不在知识库中）'}：{c.quote}")
