"""The offline agent: no LLM, no network. Reads the message with the shared reader, then either
explains from the clauses or runs a calculator — showing what it understood, and asking one
precise question instead of computing when a figure's role is unclear."""

from __future__ import annotations

import re
from typing import Any

from knowledge.reader import read

from . import qa, understand
from .citations import shift_markers, verify
from .models import Reply, ToolCall
from .render import ask_text, render_result, understood_lines
from .session import PendingCalc, SessionState, to_jsonable
from .text import best_sentence, char_bigrams

EMPTY_HINT = "请输入问题，例如“师带徒津贴一般发多少？”或“绩效工资50万，生产部3000分、技术部2000分，怎么分？”"


def _knowledge():
    import knowledge  # deferred: keeps `payguide --help` fast

    return knowledge


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


def _remember(state: SessionState | None, request: understand.Request, complete: bool) -> None:
    if state is not None:
        last = state.pending
        fields = to_jsonable(request.inputs)
        # the inputs computed before this change, for 还是按原来的 (a new request has none)
        before = last.fields if last is not None and last.complete and last.calculator == request.name and last.fields != fields else None
        state.pending = PendingCalc(calculator=request.name, fields=fields, complete=complete,
                                    unclear=[] if complete else request.unclear, before=before)


def ask_back(request: understand.Request, state: SessionState | None) -> Reply:
    """Show what was understood and ask for what is missing or unclear; compute nothing."""
    _remember(state, request, complete=False)
    needs = [f"{s.label}（{s.reads.ask}）" if s.reads.ask else s.label for s in request.missing] + request.unclear
    return Reply(answer=ask_text(request, needs), needs=needs)


def run_calculation(request: understand.Request, state: SessionState | None) -> Reply:
    if not request.complete:
        return ask_back(request, state)
    calculators = _calculators()
    data = to_jsonable(request.inputs)
    try:
        result = calculators.run(request.name, request.inputs)
    except calculators.CalculationError as exc:
        _remember(state, request, complete=False)
        field = getattr(exc, "field", None)
        label = calculators.field_label(calculators.get_calculator(request.name).input_model, field.split(".")) if field else None
        return Reply(answer=f"无法计算：{getattr(exc, 'bare_message', str(exc))}\n请更正后再发给我。",
                     needs=[label] if label else [],
                     tool_calls=[ToolCall(name=request.name, input=data, output={"error": str(exc)})])
    _remember(state, request, complete=True)
    draft = qa.Draft()
    draft.lines += understood_lines(request) + [""]
    draft.lines.append(render_result(request.title, result))
    basis = _cite_result(result, request.title, draft)
    if basis:
        draft.lines += ["", "依据：" + "；".join(basis)]
    answer, citations = verify(draft.text(), draft.citations, _knowledge().get_unit)
    return Reply(answer=answer, citations=citations, tool_calls=[ToolCall(name=request.name, input=data, output=result)])


def run_several(requests: list[understand.Request], state: SessionState | None) -> Reply:
    """Two calculations asked in one message: each answered in turn, citations numbered through."""
    parts: list[str] = []
    reply = Reply(answer="")
    for request in requests:
        one = run_calculation(request, state)
        offset = len(reply.citations)
        parts.append(shift_markers(one.answer, offset))
        reply.citations += [c.model_copy(update={"n": c.n + offset}) for c in one.citations]
        reply.tool_calls += one.tool_calls
        reply.needs += one.needs
    reply.answer = "\n\n———\n\n".join(parts)
    return reply


# 依据是哪一条 / 为什么这么算 / 公式呢: a question about the calculation just shown, not about the guidelines at large
_ABOUT_THE_LAST = re.compile(r"^(?:那|这个|上面的?|刚才的?)?(?:的)?(?:计算)?(?:依据|根据|出处|公式)(?:是|在)?(?:什么|哪|哪里|哪一?条|呢)|"
                             r"^(?:这|那|上面|刚才)?(?:个|些)?(?:结果|数|钱)?(?:是)?(?:为什么|为啥|怎么)(?:这么|这样)?(?:算|分|来)的?|"
                             r"^(?:按|依)(?:哪|什么)(?:一?条|规定|文件)")


def explain_last(pending: PendingCalc) -> Reply | None:
    """The formula and the clauses behind the calculation just shown, quoted as in its answer."""
    calculators = _calculators()
    info = calculators.get_calculator(pending.calculator)
    try:
        result = calculators.run(pending.calculator, understand.decimal_inputs(pending.fields))
    except calculators.CalculationError:
        return None
    draft = qa.Draft()
    trace = result.get("trace") or {}
    draft.lines.append(f"上面的“{info.title}”是这样算的：")
    if trace.get("formula"):
        draft.lines.append(f"计算公式：{trace['formula']}")
    draft.lines += [f"- {step}" for step in (trace.get("steps") or [])[:6]]
    basis = _cite_result(result, info.title, draft)
    if basis:
        draft.lines += ["", "依据：" + "；".join(basis)]
    answer, citations = verify(draft.text(), draft.citations, _knowledge().get_unit)
    return Reply(answer=answer, citations=citations)


# ---- one turn -----------------------------------------------------------------------------


def respond(question: str, state: SessionState | None = None) -> Reply:
    question = question.strip()
    if not question:
        return Reply(answer=EMPTY_HINT)
    reading = read(question)
    previous = state.pending if state is not None else None
    if previous is not None and previous.complete and not reading.has_figures() and _ABOUT_THE_LAST.search(question):
        explained = explain_last(previous)
        if explained is not None:
            return explained
    if previous is not None and previous.complete and previous.before is not None and understand.is_undo(question):
        return run_calculation(understand.restored(previous.calculator, previous.before), state)
    if previous is not None:
        request = understand.follow_up(previous.calculator, understand.decimal_inputs(previous.fields),
                                       previous.complete, reading, previous.unclear)
        if request is not None:
            return run_calculation(request, state)
    if reading.has_figures():
        several = understand.separate_requests(question)
        if several:
            return run_several(several, state)
        request = understand.choose(reading)
        if request is not None:
            return run_calculation(request, state)
    elif not understand.is_explanation(question):
        request = understand.start_without_figures(question)
        if request is not None:
            return run_calculation(request, state) if request.complete else ask_back(request, state)
    if state is not None:
        state.pending = None
    reply = answer_question(question)
    if reading.has_figures() and not reply.citations and _ASKS_AN_AMOUNT.search(question):
        return _no_such_calculation()
    return reply


# 加班费咋算，时薪25元 / 社保基数8000，每月各交多少: an amount asked for with figures no calculator takes
_ASKS_AN_AMOUNT = re.compile(r"多少|几多|咋算|怎么算|如何算|怎样算|怎么计算|如何计算|算一下|算算|帮我算|给我算|能拿|能发|该发|要交|各交")


def _no_such_calculation() -> Reply:
    """Says plainly that no calculator and no clause covers it, and asks which calculation was meant."""
    titles = "、".join(info.title for info in _calculators().list_calculators())
    question = "您想做的是其中哪一项计算？"
    return Reply(answer=f"这项计算不在 PayGuide 的范围内，指引中也没有相关条款，所以不给出数字。PayGuide 能做的计算有：{titles}。\n{question}",
                 needs=[question])
