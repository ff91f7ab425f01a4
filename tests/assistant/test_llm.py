"""The optional LLM loop: a fake chat model that calls tools, and the real HTTP client
against a small OpenAI-compatible server on loopback. Offline fallback on every failure."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

import knowledge
from assistant.agent import respond
from assistant.agent.llm import tools

QUESTION = "按积分制分配绩效工资：总额50万元，生产部3000分、技术部2000分，各部门分多少？"
FORMULA = "部门绩效工资总量=单位可供分配绩效工资总量÷单位积分累计总分×部门积分累计总分"


class ToolCallingFake(GenericFakeChatModel):
    """Replays scripted messages; accepts tools like a real chat model would."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> ToolCallingFake:
        return self


def _points_tool_name() -> str:
    return next(t.name for t in tools() if "points" in t.name)


def _formula_index() -> int:
    hits = knowledge.search(QUESTION, k=5)
    return next(i for i, h in enumerate(hits, 1) if FORMULA in h.unit.text)


def test_fake_model_calls_the_calculator_and_cites_a_clause():
    n = _formula_index()
    script = iter([
        AIMessage(content="", tool_calls=[{"name": _points_tool_name(), "id": "call-1",
                                           "args": {"pool": 500000, "scores": {"生产部": 3000, "技术部": 2000}}}]),
        AIMessage(content=f"生产部分得300000元，技术部分得200000元。依据：“{FORMULA}”[{n}]"),
    ])
    reply = respond(QUESTION, model=ToolCallingFake(messages=script))
    assert reply.mode == "llm"
    calc = [c for c in reply.tool_calls if c.name == _points_tool_name()]
    assert calc and str(calc[0].output["allocations"]["生产部"]) in {"300000", "300000.00"}
    assert [c.n for c in reply.citations] == [1] and "[1]" in reply.answer
    assert FORMULA in reply.citations[0].quote
    assert reply.citations[0].quote in knowledge.get_unit(reply.citations[0].id).text


def test_number_from_nowhere_falls_back_to_offline():
    script = iter([AIMessage(content="师带徒津贴一般每月发放 888 元。")])
    reply = respond("师带徒津贴一般发多少？", model=ToolCallingFake(messages=script))
    assert reply.mode == "offline"
    assert reply.notice and "离线" in reply.notice
    assert "888" not in reply.answer.replace(reply.notice, "")


def test_model_error_falls_back_to_offline():
    class Broken(ToolCallingFake):
        def _generate(self, *args: Any, **kwargs: Any):
            raise TimeoutError("upstream timed out")

    reply = respond("基础工资是不是每个职工都一样？", model=Broken(messages=iter([])))
    assert reply.mode == "offline" and "超时" in reply.notice and "Error" not in reply.notice
    assert any(c.id == "qujing_skill/art-8" for c in reply.citations)


class _OpenAICompatible(BaseHTTPRequestHandler):
    answer = ""
    requests: ClassVar[list[dict]] = []

    def do_POST(self) -> None:  # http.server names its handlers so
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        payload = {
            "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": type(self).answer}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def openai_server(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OpenAICompatible)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PAYGUIDE_LLM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("PAYGUIDE_LLM_MODEL", "test-model")
    _OpenAICompatible.requests = []
    yield _OpenAICompatible
    server.shutdown()


def test_http_path_through_an_openai_compatible_server(openai_server):
    question = "基础工资是不是每个职工都一样？"
    hits = knowledge.search(question, k=5)
    n = next(i for i, h in enumerate(hits, 1) if h.unit.id == "qujing_skill/art-8")
    openai_server.answer = f"是的，“基础工资全体职工应一个标准”[{n}]。"
    reply = respond(question)
    assert reply.mode == "llm", reply.notice
    assert openai_server.requests and openai_server.requests[0]["model"] == "test-model"
    assert openai_server.requests[0]["tools"], "the calculators are offered to the model as tools"
    assert reply.citations[0].id == "qujing_skill/art-8"
    assert reply.answer.startswith("是的，“基础工资全体职工应一个标准”[1]")


def test_unreachable_server_falls_back(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("PAYGUIDE_LLM_MODEL", "test-model")
    monkeypatch.setenv("PAYGUIDE_LLM_TIMEOUT", "3")
    reply = respond("基础工资是不是每个职工都一样？")
    assert reply.mode == "offline" and "离线" in reply.answer
