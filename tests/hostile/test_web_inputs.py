"""The app's handlers: no temporary folders left behind, and the same safe input reading as the CLI."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import openpyxl
import pytest
from hostile_helpers import ALIAS_BOMB

from assistant.ui import handlers as h


def _ours() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("payguide-ui-*"))


def test_web_calculations_leave_no_payguide_ui_folders():
    # Before: every calculation left a /tmp/payguide-ui-* folder behind.
    before = _ours()
    paths = [h.run_calculator("points-allocation", '{"pool": 1000, "scores": {"甲": 1, "乙": 2}}')[2] for _ in range(3)]
    paths.append(h.run_calculator("ladder", "start: 2000\nstep: 150\nlevels: 5\n")[2])
    assert _ours() - before == set()
    for path in paths:
        assert Path(path).is_file()
        assert openpyxl.load_workbook(path).sheetnames == ["结果", "计算过程"]


def test_drafts_and_review_reports_leave_no_payguide_ui_folders(tmp_path):
    before = _ours()
    from doc_templates import list_examples

    _, docx = h.draft_from_text(h.example_profile_text(list_examples()[0]))
    scheme = tmp_path / "方案.txt"
    scheme.write_text("某公司薪酬分配方案\n第一条 基础工资全体职工一个标准。\n", encoding="utf-8")
    _, _, report = h.review_upload(str(scheme))
    assert _ours() - before == set()
    assert Path(docx).is_file() and Path(report).is_file()


def test_web_input_refuses_duplicate_and_collapsing_keys_with_the_line():
    with pytest.raises(h.UserInputError, match="第 4 行"):
        h.parse_calc_input("pool: 1000\nscores:\n  1: 100\n  \"1\": 100\n", None)
    assert list(h.parse_calc_input("scores:\n  0012: 1\n  true: 2\n", None)["scores"]) == ["0012", "true"]


def test_web_refuses_the_alias_bomb_in_milliseconds():
    # Before: the web draft spent 264 s before answering.
    for call in (lambda: h.parse_calc_input(ALIAS_BOMB, None), lambda: h.draft_from_text(ALIAS_BOMB)):
        start = time.perf_counter()
        with pytest.raises(h.UserInputError, match="别名展开"):
            call()
        assert time.perf_counter() - start < 0.1
