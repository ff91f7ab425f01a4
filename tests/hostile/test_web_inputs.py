"""The app's handlers: no temporary folders left behind, and the same safe input reading as the CLI."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import openpyxl
import pytest
from hostile_helpers import ALIAS_BOMB

from assistant.ui import forms
from assistant.ui import handlers as h


def _ours() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("payguide-ui-*"))


def test_web_calculations_leave_no_payguide_ui_folders():
    # Before: every calculation left a /tmp/payguide-ui-* folder behind.
    before = _ours()
    paths = [h.run_calculator("points-allocation", {"pool": 1000, "scores": {"甲": 1, "乙": 2}}).xlsx for _ in range(3)]
    paths.append(h.run_calculator("ladder", h.calculator_form("ladder").parse("start: 2000\nstep: 150\nlevels: 5\n")).xlsx)
    assert _ours() - before == set()
    for path in paths:
        assert Path(path).is_file()
        assert openpyxl.load_workbook(path).sheetnames == ["结果", "计算过程"]


def test_drafts_and_review_reports_leave_no_payguide_ui_folders(tmp_path):
    before = _ours()
    from doc_templates import list_examples

    drafted = h.draft_from_page(*h.example_page(list_examples()[0]))
    scheme = tmp_path / "方案.txt"
    scheme.write_text("某公司薪酬分配方案\n第一条 基础工资全体职工一个标准。\n", encoding="utf-8")
    report = h.review_upload(str(scheme)).report
    assert _ours() - before == set()
    assert all(Path(p).is_file() for p in drafted.files) and len(drafted.files) >= 2 and Path(report).is_file()


def test_web_input_refuses_duplicate_and_collapsing_keys_with_the_line():
    form = h.calculator_form("points-allocation")
    with pytest.raises(forms.FormError, match="第 4 行"):
        form.parse("pool: 1000\nscores:\n  1: 100\n  \"1\": 100\n")
    assert list(form.parse("pool: 1000\nscores:\n  0012: 1\n  true: 2\n")["scores"]) == ["0012", "true"]


def test_web_refuses_the_alias_bomb_in_milliseconds(tmp_path):
    # Before: the web draft spent 264 s before answering.
    profile = tmp_path / "概况.yaml"
    profile.write_text(ALIAS_BOMB, encoding="utf-8")
    for call in (lambda: h.calculator_form("points-allocation").parse(ALIAS_BOMB), lambda: h.upload_page(str(profile))):
        start = time.perf_counter()
        with pytest.raises((forms.FormError, h.UserInputError), match="别名展开"):
            call()
        assert time.perf_counter() - start < 0.1


def test_an_over_long_chat_message_is_refused_before_any_work(tmp_path, monkeypatch):
    # The page's box stops at the limit; a script posting to the chat does not, so the handler checks first.
    monkeypatch.setenv("PAYGUIDE_HOME", str(tmp_path))
    limit = h.message_limit()
    start = time.perf_counter()
    with pytest.raises(h.UserInputError, match=f"超过每次 {limit} 字的上限"):
        h.chat_turn("工资" * 25_000, [], "soak-session")
    assert time.perf_counter() - start < 0.1
    assert not (tmp_path / "sessions").exists()  # no session was read or written


def test_the_server_keeps_at_most_the_configured_number_of_sessions(monkeypatch):
    # Each page's state costs about 0.3 MB and a script never disconnects: without a bound,
    # opening pages in a loop grows the server by gigabytes.
    import socket

    import httpx

    from assistant.ui.app import launch

    monkeypatch.setenv("PAYGUIDE_MAX_SESSIONS", "3")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = launch(port=port, block=False)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            config = http.get("/config").json()
            opening = next(d for d in config["dependencies"] if [0, "load"] in d["targets"] and not d["inputs"])
            for i in range(6):
                body = {"data": [], "fn_index": opening["id"], "session_hash": f"page{i}", "event_data": None, "trigger_id": None}
                http.post(f"{config['api_prefix']}/run/{opening['api_name']}", json=body).raise_for_status()
        held = list(demo.state_holder.session_data)
        assert held == ["page3", "page4", "page5"]  # the least recent went first
    finally:
        demo.close()
