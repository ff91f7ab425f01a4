"""Trust and bounds under an LLM (issue 15, "Trust" and "PAYGUIDE_LLM_TIMEOUT is not a wall clock").

A scripted chat model (LangChain's fake, able to call tools) and OpenAI-compatible servers on
loopback stand in for the model; everything of ours runs for real.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

import knowledge
from assistant.agent import respond

QUESTION = "基础工资是不是每个职工都一样？"
SENTENCE = "基础工资全体职工应一个标准"


class ScriptedModel(GenericFakeChatModel):
    """Replays scripted messages; accepts tools like a real chat model would."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self


def _ask(*messages: AIMessage, question: str = QUESTION):
    return respond(question, model=ScriptedModel(messages=iter(messages)))


def _n(question: str = QUESTION, unit_id: str = "qujing_skill/art-8") -> int:
    return next(i for i, h in enumerate(knowledge.search(question, k=5), 1) if h.unit.id == unit_id)


def _offline_because(reply, *words: str) -> None:
    assert reply.mode == "offline", reply.answer[:200]
    assert reply.notice and reply.answer.startswith("【提示】")
    for word in words:
        assert word in reply.notice, (word, reply.notice)
    assert "Error" not in reply.notice and "Exception" not in reply.notice


# ---- quotes and verdicts ----------------------------------------------------------------------------


def test_an_invented_quote_is_not_shown():
    # Before: the "[1]" was dropped but the invented quote itself stayed, with no notice.
    invented = "基础工资可以每人不同，由老板决定"
    reply = _ask(AIMessage(content=f"不一定。“{invented}”[{_n()}]。"))
    _offline_because(reply, "引文", "找不到原文")
    assert invented not in reply.answer
    assert all(c.quote in knowledge.get_unit(c.id).text for c in reply.citations)


def test_an_invented_quotation_without_a_marker_is_not_shown_either():
    reply = _ask(AIMessage(content="指引明确规定“企业可以自行决定每个人的基础工资”，所以不一样。"))
    _offline_because(reply, "引文")


def test_an_uncited_claim_of_compliance_is_not_shown():
    # Before: "本方案完全合规。" passed.
    reply = _ask(AIMessage(content="本方案完全合规。"))
    _offline_because(reply, "合规结论", "没有注明依据")
    assert "本方案完全合规" not in reply.answer


def test_a_verdict_with_its_clause_and_a_verbatim_quote_are_shown():
    n = _n()
    reply = _ask(AIMessage(content=f"是的，“{SENTENCE}”[{n}]，全体职工同一标准的做法符合指引[{n}]。"))
    assert reply.mode == "llm", reply.notice
    assert reply.citations[0].quote == SENTENCE and reply.notice is None


def test_a_marker_that_cannot_be_checked_is_removed_with_a_notice():
    reply = _ask(AIMessage(content=f"今天天气晴朗阳光明媚[{_n()}]。"))
    assert reply.mode == "llm"
    assert "[1]" not in reply.answer and not reply.citations
    assert reply.notice and "已删除 1 处" in reply.notice and "【提示】" in reply.answer


# ---- bounds on a turn ---------------------------------------------------------------------------------


def test_a_flood_of_tool_calls_is_cut_off():
    calls = [{"name": "ladder", "id": f"c{i}", "args": {"start": 1, "step": 1, "levels": 3}} for i in range(30)]
    reply = _ask(AIMessage(content="", tool_calls=calls), AIMessage(content="好的。"))
    _offline_because(reply, "调用工具超过 8 次")


def test_a_huge_tool_request_is_refused_by_the_calculator_limits_at_once():
    start = time.perf_counter()
    reply = _ask(
        AIMessage(content="", tool_calls=[{"name": "ladder", "id": "c1", "args": {"start": 2000, "step": 150, "levels": 10_000_000}}]),
        AIMessage(content="级数太多，无法计算。"),
        question="等差薪级：起点2000元，级差150元，共10000000级",
    )
    assert time.perf_counter() - start < 10
    ladder = [c for c in reply.tool_calls if c.name == "ladder"]
    assert ladder and "超过上限 200 级" in json.dumps(ladder[0].output, ensure_ascii=False)


def test_a_tool_result_too_large_for_the_model_is_withheld(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_LLM_MAX_TOOL_OUTPUT_CHARS", "500")
    scores = {f"员工{i}": i + 1 for i in range(100)}
    reply = _ask(
        AIMessage(content="", tool_calls=[{"name": "points_allocation", "id": "c1", "args": {"pool": 100000, "scores": scores}}]),
        AIMessage(content="结果过大，请在计算器页面查看。"),
    )
    points = [c for c in reply.tool_calls if c.name == "points_allocation"]
    assert points and "结果过大" in points[0].output["error"]


def test_a_huge_answer_is_not_verified_at_length():
    # Before: verifying a 20 MB answer had no limit.
    start = time.perf_counter()
    reply = _ask(AIMessage(content="工资" * 10_000_000))
    assert time.perf_counter() - start < 10
    _offline_because(reply, "回答过长")


def test_a_model_that_never_answers_is_given_up_on_time(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_LLM_TIMEOUT", "1")

    class Hung(ScriptedModel):
        def _generate(self, *args: Any, **kwargs: Any):
            time.sleep(20)
            raise AssertionError("unreachable")

    knowledge.search(QUESTION, k=5)
    start = time.perf_counter()
    reply = respond(QUESTION, model=Hung(messages=iter([])))
    assert time.perf_counter() - start < 5
    _offline_because(reply, "时限 1 秒")


# ---- a real HTTP client against a server that trickles its answer -------------------------------------


class _Trickler(BaseHTTPRequestHandler):
    gone = threading.Event()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                           "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "是的。"}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) + 10_000))
        self.end_headers()
        try:
            for ch in body.encode() + b" " * 10_000:  # one byte every 0.2 s: no read ever times out
                self.wfile.write(bytes([ch]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            type(self).gone.set()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def trickling_server(monkeypatch):
    knowledge.search(QUESTION, k=5)  # the index is built before the clock starts (the offline answer needs it)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Trickler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PAYGUIDE_LLM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("PAYGUIDE_LLM_MODEL", "trickle")
    monkeypatch.setenv("PAYGUIDE_LLM_TIMEOUT", "2")
    _Trickler.gone.clear()
    yield _Trickler
    server.shutdown()


def test_the_llm_timeout_is_a_wall_clock_even_when_the_server_trickles(trickling_server):
    # Before: a trickling endpoint kept `ask` busy for more than 90 s.
    start = time.perf_counter()
    reply = respond(QUESTION)
    assert time.perf_counter() - start < 5
    _offline_because(reply, "时限 2 秒")
    # The abandoned call does not linger either: our transport hangs up soon after the deadline.
    assert trickling_server.gone.wait(timeout=5), "the client kept reading past its deadline"


class _HeaderTrickler(BaseHTTPRequestHandler):
    """Worse still: the status line and headers themselves arrive one byte at a time, for minutes."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        try:
            for ch in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 3000:  # ten minutes
                self.wfile.write(bytes([ch]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


def test_ask_on_the_command_line_ends_on_time_whatever_the_server_does():
    from hostile_helpers import payguide

    knowledge.search(QUESTION, k=5)  # the test home's index exists before the clock starts
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HeaderTrickler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {"PAYGUIDE_LLM_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}/v1", "PAYGUIDE_LLM_MODEL": "slow",
               "PAYGUIDE_LLM_TIMEOUT": "2"}
        start = time.perf_counter()
        done = payguide("ask", QUESTION, "--json", env=env, timeout=300)
        elapsed = time.perf_counter() - start
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    reply = json.loads(done.stdout)
    assert reply["mode"] == "offline" and "时限 2 秒" in reply["notice"]
    # Start-up and the offline answer take a few seconds (more on a busy machine); waiting on the
    # server would take ten minutes.
    assert elapsed < 150, elapsed
