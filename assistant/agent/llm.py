"""The optional LLM path: an OpenAI-compatible chat model bound to the retrieval and
calculator tools. Its answer passes the same citation check as the offline one, and any
number it states must come from a tool result, a quoted clause or the question; otherwise,
or on any error, the offline agent answers instead and says why."""

from __future__ import annotations

import json
import re
from typing import Any

from .citations import verify
from .models import Citation, Reply, ToolCall

MAX_TOOL_ROUNDS = 4
SEARCH_K = 5

SYSTEM_PROMPT = """你是“薪酬分配指引助手”，只依据下列指引资料和工具结果回答中国企业薪酬分配问题，使用中文。
规则：
1. 引用条款时，把原文句子放在中文引号“”内，紧跟资料编号，如：“基础工资全体职工应一个标准”[1]。只能引用下面给出的资料原文，不得改写引号内的文字。
2. 回答中的每一个数字，都必须来自资料原文、计算工具的结果或用户的问题；需要计算时调用计算工具，不要自己心算。
3. 资料不能回答的问题，直接说明“指引中没有相关规定”，不要编造条款。
4. 回答简洁，先给结论，再给依据。

资料：
{context}"""


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


def build_model(settings: Any) -> Any:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=settings.base_url, model=settings.model, api_key=settings.api_key,
                      timeout=settings.timeout_s, max_retries=0, temperature=0)


def tools() -> list[Any]:
    from calculators.tools import langchain_tools

    return list(langchain_tools())


def respond_with_llm(question: str, model: Any) -> Reply:
    """One turn through the model; raises on any failure so the caller can fall back."""
    import knowledge
    from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

    hits = knowledge.search(question, k=SEARCH_K)
    available = {tool.name: tool for tool in tools()}
    bound = model.bind_tools(list(available.values()))
    messages: list[Any] = [SystemMessage(SYSTEM_PROMPT.format(context=_context(hits) or "（没有检索到相关条款）")),
                           HumanMessage(question)]
    calls: list[ToolCall] = [ToolCall(name="search", input={"query": question, "k": SEARCH_K},
                                      output={"ids": [h.unit.id for h in hits]})]
    for _ in range(MAX_TOOL_ROUNDS):
        ai = bound.invoke(messages)
        messages.append(ai)
        if not getattr(ai, "tool_calls", None):
            break
        for call in ai.tool_calls:
            tool = available.get(call["name"])
            if tool is None:
                output: Any = {"error": f"没有名为 {call['name']} 的工具"}
            else:
                try:
                    output = tool.invoke(call["args"])
                except Exception as exc:  # a tool's refusal goes back to the model as data
                    output = {"error": str(exc)}
            output = output if isinstance(output, dict) else {"result": output}
            calls.append(ToolCall(name=call["name"], input=dict(call["args"]), output=output))
            messages.append(ToolMessage(json.dumps(output, ensure_ascii=False, default=str), tool_call_id=call["id"]))
    else:
        raise RuntimeError("模型调用工具的轮数超过上限")
    answer = str(messages[-1].content).strip()
    if not answer:
        raise RuntimeError("模型返回了空回答")
    answer, citations = verify(answer, extract_citations(answer, hits), knowledge.get_unit)
    sources = [question] + [c.quote for c in citations] + [json.dumps(c.output, ensure_ascii=False, default=str) for c in calls[1:]]
    stray = unsupported_numbers(answer, sources)
    if stray:
        raise ValueError(f"模型回答中的数字无法核对：{'、'.join(stray[:5])}")
    return Reply(answer=answer, citations=citations, tool_calls=calls, mode="llm")
