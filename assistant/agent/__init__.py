"""The assistant's one entry point: `respond(question, session_id)`.

Offline by default; with an LLM configured (PAYGUIDE_LLM_*), the model answers and the
offline agent stands in whenever the model fails, saying so in the reply.
"""

from __future__ import annotations

from typing import Any

from . import offline, session
from .models import Citation, Reply, ToolCall

__all__ = ["Citation", "Reply", "ToolCall", "respond"]

_model_cache: dict[Any, Any] = {}


def _configured_model() -> Any | None:
    from ..config import llm_settings

    settings = llm_settings()
    if settings is None:
        return None
    if settings not in _model_cache:
        from .llm import build_model

        _model_cache[settings] = build_model(settings)
    return _model_cache[settings]


def refusal(question: str) -> Reply | None:
    """A reply that refuses an over-long question before any work, or None when it is within the limit."""
    from ..config import ASSISTANT_LIMITS, assistant_limit

    limit = int(assistant_limit("message_chars"))
    if len(question) <= limit:
        return None
    env = ASSISTANT_LIMITS["message_chars"].env
    return Reply(answer=f"问题过长（{len(question)} 字），超过上限 {limit} 字（可用环境变量 {env} 调整），请精简后再问。", mode="refused")


def respond(question: str, session_id: str | None = None, *, model: Any | None = None) -> Reply:
    """One turn. `model` overrides the configured chat model (tests pass a fake one)."""
    refused = refusal(question)
    if refused is not None:
        return refused
    state = session.load(session_id) if session_id else None
    model = model if model is not None else _configured_model()
    reply: Reply | None = None
    # Calculator follow-ups stay on the offline path, which holds the pending request.
    if model is not None and not (state and state.pending):
        from .llm import failure_reason, respond_with_llm

        try:
            reply = respond_with_llm(question, model)
        except Exception as exc:  # noqa: BLE001 - any failure of the optional model: answer offline, say why
            notice = f"大模型暂不可用或回答未通过核对（{failure_reason(exc)}），以下为离线模式的回答。"
            reply = offline.respond(question, state)
            reply = reply.model_copy(update={"notice": notice, "answer": f"【提示】{notice}\n\n{reply.answer}"})
    if reply is None:
        reply = offline.respond(question, state)
    if state is not None:
        state.remember(question, reply.answer)
        session.save(state)
    return reply
