"""The optional LLM path: an OpenAI-compatible chat model bound to the retrieval and
calculator tools. Its answer passes the same citation check as the offline one, and more:

- every quotation it marks with [n] must be verbatim in unit n, and any longer quotation must
  be found in the sources (`citations.invented_quotes`);
- a verdict on compliance needs its basis in the same sentence, or a check run by a calculator
  in this turn (`citations.uncited_verdicts`);
- any number it states must come from a tool result, a quoted clause or the question.

Otherwise, or on any error, the offline agent answers instead and says why in Chinese
(`failure_reason`). A turn is bounded: a wall clock over everything (model calls, tools,
verification; `PAYGUIDE_LLM_TIMEOUT`), the number of tool rounds and tool calls, the size of a
tool result handed to the model and of the answer that is verified.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, wait
from typing import Any

from ..config import assistant_limit
from .citations import invented_quotes, uncited_verdicts, verify
from .models import Citation, Reply, ToolCall

log = logging.getLogger("payguide.llm")

MAX_TOOL_ROUNDS = 4
SEARCH_K = 5

SYSTEM_PROMPT = """你是“薪酬分配指引助手”，只依据下列指引资料和工具结果回答中国企业薪酬分配问题，使用中文。
规则：
1. 引用条款时，把原文句子放在中文引号“”内，紧跟资料编号，如：“基础工资全体职工应一个标准”[1]。只能引用下面给出的资料原文，不得改写引号内的文字。
2. 回答中的每一个数字，都必须来自资料原文、计算工具的结果或用户的问题；需要计算时调用计算工具，不要自己心算。
3. 资料不能回答的问题，直接说明“指引中没有相关规定”，不要编造条款。
4. 判断是否合规时，必须在同一句中注明所依据的资料编号；没有依据不要下合规结论。
5. 回答简洁，先给结论，再给依据。

资料：
{context}"""


class LLMFailure(RuntimeError):
    """Why the model's answer is not shown (Chinese); the offline agent answers instead."""


def _context(hits: list[Any]) -> str:
    return "\n\n".join(f"[{i}] {h.unit.id} 《{h.unit.doc_title}》{h.unit.heading}\n{h.unit.text}" for i, h in enumerate(hits, 1))


_QUOTED_MARKER = re.compile(r"[“\"「]([^”\"」]{4,400})[”\"」]\s*\[(\d+)\]")
_BARE_MARKER = re.compile(r"([^。；\n\[\]]{4,200})\[(\d+)\]")


def extract_citations(answer: str, hits: list[Any]) -> list[Citation]:
    """Citations for the [n] markers in a model's answer, quoting what precedes each marker."""
    found: dict[int, Citation] = {}
    for pattern in (_QUOTED_MARKER, _BARE_MARKER):
        for match in pattern.finditer(answer):
            n = int(match.group(2))
            if n in found or not 1 <= n <= len(hits):
                continue
            unit = hits[n - 1].unit
            found[n] = Citation(n=n, id=unit.id, doc_id=unit.doc_id, article=unit.article, case=unit.case,
                                quote=match.group(1).strip())
    return [found[n] for n in sorted(found)]


def unsupported_numbers(answer: str, sources: list[str]) -> list[str]:
    """Figures in the answer that appear in none of the sources (markers [n] excluded), compared
    by value through the shared reader, so 30万 in the question supports 300,000 in the answer."""
    from knowledge.reader import read

    body = re.sub(r"\[\d+\]", "", answer)
    known = {q.value.normalize() for source in sources for q in read(source, typos=False).quantities}
    known |= {abs(v) for v in known}
    return [q.text for q in read(body, typos=False).quantities if abs(q.value).normalize() not in known and q.kind.value != "date"]


# ---- a wall clock that a trickling server cannot stretch -----------------------------------------

# The turn's deadline (time.monotonic()), seen by the HTTP transport of the thread that runs the turn.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("payguide_llm_deadline", default=None)


def _deadline_transport() -> Any:
    """An httpx transport that shortens every timeout to the turn's remaining time and stops a
    response body that keeps trickling past the deadline (httpx's own timeouts are per read)."""
    import httpx

    class DeadlineStream(httpx.SyncByteStream):
        def __init__(self, inner: Any, deadline: float) -> None:
            self.inner, self.deadline = inner, deadline

        def __iter__(self) -> Iterator[bytes]:
            for chunk in self.inner:
                if time.monotonic() > self.deadline:
                    raise httpx.ReadTimeout("deadline passed while the body was still arriving")
                yield chunk

        def close(self) -> None:
            self.inner.close()

    class DeadlineTransport(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            deadline = _DEADLINE.get()
            if deadline is None:
                return super().handle_request(request)
            left = deadline - time.monotonic()
            if left <= 0:
                raise httpx.ConnectTimeout("deadline passed before the request", request=request)
            timeouts = dict(request.extensions.get("timeout") or {})
            request.extensions["timeout"] = {k: min(v, left) if v else left for k, v in
                                             {**dict.fromkeys(("connect", "read", "write", "pool")), **timeouts}.items()}
            response = super().handle_request(request)
            response.stream = DeadlineStream(response.stream, deadline)
            return response

    return DeadlineTransport()


def build_model(settings: Any) -> Any:
    import httpx
    from langchain_openai import ChatOpenAI

    client = httpx.Client(transport=_deadline_transport(), timeout=settings.timeout_s)
    return ChatOpenAI(base_url=settings.base_url, model=settings.model, api_key=settings.api_key,
                      timeout=settings.timeout_s, max_retries=0, temperature=0, http_client=client)


def tools() -> list[Any]:
    from calculators.tools import langchain_tools

    return list(langchain_tools())


def respond_with_llm(question: str, model: Any) -> Reply:
    """One turn through the model within the wall clock; raises on any failure so the caller can fall back."""
    limit = assistant_limit("llm_timeout_s")
    deadline = time.monotonic() + limit
    outcome: Future[Reply] = Future()

    def run() -> None:
        _DEADLINE.set(deadline)
        try:
            outcome.set_result(_turn(question, model))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            outcome.set_exception(exc)

    # A daemon thread: a turn past its deadline is abandoned (its HTTP transport ends the call soon
    # after), and a command-line process never waits for it at exit.
    threading.Thread(target=contextvars.copy_context().run, args=(run,), name="payguide-llm", daemon=True).start()
    # wait() rather than result(timeout): the model's own TimeoutError must not pass for ours.
    if not wait([outcome], timeout=limit).done:
        raise LLMFailure(f"大模型在时限 {limit:g} 秒内没有完成回答")
    return outcome.result()


def failure_reason(exc: BaseException) -> str:
    """Why the model did not answer, in Chinese, for the notice above the offline answer."""
    if isinstance(exc, LLMFailure):
        return str(exc)
    log.warning("LLM turn failed: %r", exc)
    name = type(exc).__name__
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return f"大模型响应超时（时限 {assistant_limit('llm_timeout_s'):g} 秒）"
    if isinstance(exc, ConnectionError) or "Connect" in name:
        return "无法连接大模型服务"
    status = getattr(exc, "status_code", None)
    if status:
        return f"大模型服务返回错误（HTTP {status}）"
    return "大模型调用出错"


def _turn(question: str, model: Any) -> Reply:
    from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

    import knowledge

    hits = knowledge.search(question, k=SEARCH_K)
    available = {tool.name: tool for tool in tools()}
    bound = model.bind_tools(list(available.values()))
    messages: list[Any] = [SystemMessage(SYSTEM_PROMPT.format(context=_context(hits) or "（没有检索到相关条款）")),
                           HumanMessage(question)]
    calls: list[ToolCall] = [ToolCall(name="search", input={"query": question, "k": SEARCH_K},
                                      output={"ids": [h.unit.id for h in hits]})]
    max_calls = int(assistant_limit("llm_tool_calls"))
    for _ in range(MAX_TOOL_ROUNDS):
        ai = bound.invoke(messages)
        messages.append(ai)
        requested = getattr(ai, "tool_calls", None) or []
        if not requested:
            break
        if len(calls) - 1 + len(requested) > max_calls:
            raise LLMFailure(f"大模型一轮中调用工具超过 {max_calls} 次")
        for call in requested:
            output = _run_tool(available, call)
            calls.append(ToolCall(name=call["name"], input=dict(call["args"]), output=output))
            messages.append(ToolMessage(json.dumps(output, ensure_ascii=False, default=str), tool_call_id=call["id"]))
    else:
        raise LLMFailure(f"大模型调用工具的轮数超过上限 {MAX_TOOL_ROUNDS} 轮")
    return _checked_reply(question, str(messages[-1].content).strip(), hits, calls)


def _run_tool(available: dict[str, Any], call: dict[str, Any]) -> dict[str, Any]:
    tool = available.get(call["name"])
    if tool is None:
        return {"error": f"没有名为 {call['name']} 的工具"}
    try:
        output = tool.invoke(call["args"])
    except Exception as exc:  # noqa: BLE001 - a tool's refusal goes back to the model as data
        from calculators.errors import CalculationError

        output = {"error": str(exc) if isinstance(exc, CalculationError) else "工具运行出错，请检查输入"}
    output = output if isinstance(output, dict) else {"result": output}
    size = len(json.dumps(output, ensure_ascii=False, default=str))
    cap = int(assistant_limit("llm_tool_output_chars"))
    if size > cap:
        return {"error": f"结果过大（{size} 字，上限 {cap} 字），没有交给大模型；请在计算器页面或命令行计算"}
    return output


def _checked_reply(question: str, answer: str, hits: list[Any], calls: list[ToolCall]) -> Reply:
    """The model's answer if it passes every check, else an LLMFailure saying which."""
    import knowledge

    if not answer:
        raise LLMFailure("大模型返回了空回答")
    cap = int(assistant_limit("llm_answer_chars"))
    if len(answer) > cap:
        raise LLMFailure(f"大模型回答过长（{len(answer)} 字，上限 {cap} 字），未予采用")
    tool_texts = [json.dumps(c.output, ensure_ascii=False, default=str) for c in calls[1:]]
    invented = invented_quotes(answer, {i: h.unit.text for i, h in enumerate(hits, 1)}, [question, *tool_texts])
    # The notice says what failed, not the words themselves: an invented quote or verdict is not repeated.
    if invented:
        log.info("invented quotes: %s", invented)
        raise LLMFailure(f"回答中有 {len(invented)} 处引文在所引条款中找不到原文")
    checked = any(isinstance(c.output, dict) and "compliant" in c.output for c in calls[1:])
    verdicts = uncited_verdicts(answer, checked)
    if verdicts:
        log.info("uncited verdicts: %s", verdicts)
        raise LLMFailure("回答中的合规结论没有注明依据")
    extracted = extract_citations(answer, hits)
    answer, citations = verify(answer, extracted, knowledge.get_unit)
    stray = unsupported_numbers(answer, [question] + [c.quote for c in citations] + tool_texts)
    if stray:
        raise LLMFailure(f"模型回答中的数字无法核对：{'、'.join(stray[:5])}")
    reply = Reply(answer=answer, citations=citations, tool_calls=calls, mode="llm")
    dropped = len(extracted) - len(citations)
    if dropped:
        notice = f"已删除 {dropped} 处无法与条款原文核对的引用标记。"
        reply = reply.model_copy(update={"notice": notice, "answer": f"{answer}\n\n【提示】{notice}"})
    return reply
