"""The offline agent: no LLM, no network. Reads the request, runs a calculator or retrieves
clauses, and composes an answer whose citations are verified before it is returned."""

from __future__ import annotations

import re
from typing import Any

from . import calc_intents, qa
from .citations import verify
from .models import Reply, ToolCall
from .session import PendingCalc, SessionState, to_jsonable
from .text import best_sentence, char_bigrams

SEARCH_K = 6


def _knowledge():
    import knowledge  # deferred: keeps `payguide --help` fast

    return knowledge


def _completeness_notes() -> dict[str, str]:
    return {doc.doc_id: doc.completeness_note for doc in _knowledge().catalog() if not doc.complete}


def _doc_filter(question: str) -> str | None:
    """A question naming one guideline searches that guideline only."""
    for doc in _knowledge().catalog():
        names = {doc.short_name, doc.title, doc.title.strip("《》")}
        if any(name and name in question for name in names):
            return doc.doc_id
    return None


# ---- guideline questions ------------------------------------------------------------------


def answer_question(question: str) -> Reply:
    return qa.answer(question)  # the guideline path lives in qa (knowledge owner)


# ---- calculator requests ------------------------------------------------------------------


def _calculators():
    import calculators

    return calculators


def _cite_result(result: dict[str, Any], title: str, draft: qa.Draft) -> list[str]:
    """Attach each unit the calculator cites, quoting its sentence closest to the formula."""
    kb = _knowledge()
    wanted = char_bigrams(title + str(result.get("trace", "")))
    markers = []
    for unit_id in result.get("citations", []) or []:
        unit = kb.get_unit(unit_id)
        if unit is None:
            continue
        sentence, _ = best_sentence(unit.text, wanted)
        sentence = sentence or qa.sentences(unit.text)[0]
        markers.append(f"{qa.unit_label(unit)}[{draft.cite(unit, sentence)}]")
    return markers


def _ask_for(intent: calc_intents.Intent, needs: list[str], fields: dict[str, Any]) -> str:
    known = "，".join(f"{k}={v}" for k, v in fields.items() if k != "mode")
    lines = [f"可以帮您做“{intent.title}”计算，还需要以下信息："]
    lines += [f"{i}. {need}" for i, need in enumerate(needs, 1)]
    if known:
        lines.append(f"（已记下：{known}）")
    lines.append("请直接补充，我会接着算。")
    return "\n".join(lines)


def run_calculation(intent: calc_intents.Intent, fields: dict[str, Any], state: SessionState | None) -> Reply:
    needs = intent.missing(fields)
    if needs:
        if state is not None:
            state.pending = PendingCalc(calculator=intent.calculator, fields=to_jsonable(fields))
        return Reply(answer=_ask_for(intent, needs, fields), needs=needs)
    calculators = _calculators()
    data = to_jsonable(fields)
    try:
        result = calculators.run(intent.calculator, data)
    except calculators.CalculationError as exc:
        if state is not None:
            state.pending = PendingCalc(calculator=intent.calculator, fields=data)
        field = getattr(exc, "field", None)
        return Reply(answer=f"无法计算：{exc}\n请更正后再发给我。", needs=[field] if field else [],
                     tool_calls=[ToolCall(name=intent.calculator, input=data, output={"error": str(exc)})])
    if state is not None:
        state.pending = None
    draft = qa.Draft()
    body = _render(intent.title, result)
    basis = _cite_result(result, intent.title, draft)
    draft.lines.append(body)
    if basis:
        draft.lines += ["", "依据：" + "；".join(basis)]
    answer, citations = verify(draft.text(), draft.citations, _knowledge().get_unit)
    return Reply(answer=answer, citations=citations,
                 tool_calls=[ToolCall(name=intent.calculator, input=data, output=result)])


def _render(title: str, result: dict[str, Any]) -> str:
    from .render import render_result

    return render_result(title, result)


# ---- one turn -----------------------------------------------------------------------------


def respond(question: str, state: SessionState | None = None) -> Reply:
    question = question.strip()
    if not question:
        return Reply(answer="请输入问题，例如“师带徒津贴一般发多少？”或“绩效工资50万，生产部3000分、技术部2000分，怎么分？”")
    intent = calc_intents.detect(question)
    if state is not None and state.pending is not None and (intent is None or intent.calculator == state.pending.calculator):
        pending_intent = calc_intents.intent_named(state.pending.calculator)
        new_fields = calc_intents.read(pending_intent, question)
        if new_fields or intent is not None:
            fields = calc_intents.merge(state.pending.fields, new_fields)
            return run_calculation(pending_intent, fields, state)
    if intent is not None:
        return run_calculation(intent, calc_intents.read(intent, question), state)
    if state is not None:
        state.pending = None
    return answer_question(question)
