"""Limits on every dimension, checked before work starts; each breach one Chinese line that
names the limit and the variable that raises it (issue 15, "One request hangs a process")."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hostile_helpers import ALIAS_BOMB, ROOT, assert_chinese, chinese_error, payguide

import calculators
from assistant.agent import respond
from assistant.config import ASSISTANT_LIMITS
from calculators import CalculationError, limits
from calculators.loaders import load_json_or_yaml, load_yaml
from calculators.tables import read_table


def _refused_fast(call, *words: str, within: float = 0.5) -> str:
    start = time.perf_counter()
    with pytest.raises(CalculationError) as caught:
        call()
    elapsed = time.perf_counter() - start
    message = str(caught.value)
    assert elapsed < within, f"took {elapsed:.2f} s: {message}"
    assert_chinese(message)
    for word in words:
        assert word in message, (word, message)
    return message


# ---- levels, cells, items ---------------------------------------------------------------------------


def test_ten_million_ladder_levels_are_refused_at_once():
    # Before: minutes and gigabytes (CLI, chat, web and LLM tool call alike).
    _refused_fast(lambda: calculators.run("ladder", {"mode": "arithmetic", "start": 2000, "step": 150, "levels": 10_000_000}),
                  "级数", "200", "PAYGUIDE_MAX_LEVELS")


def test_the_same_limit_reaches_the_chat():
    respond("等差薪级：起点2000元，级差150元，共10级")  # the index and the reader are loaded before the clock starts
    start = time.perf_counter()
    reply = respond("等差薪级：起点2000元，级差150元，共100000000级")
    assert time.perf_counter() - start < 5
    assert "上限" in reply.answer and "PAYGUIDE_MAX_LEVELS" in reply.answer


def test_the_levels_limit_can_be_raised_and_lowered(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_LEVELS", "5")
    assert len(calculators.run("ladder", {"start": 100, "step": 10, "levels": 5})["levels"]) == 5
    _refused_fast(lambda: calculators.run("ladder", {"start": 100, "step": 10, "levels": 6}), "上限 5")
    _refused_fast(lambda: calculators.run("seniority-pay", {"start": 1, "increment": 1, "bands": 6, "years_per_band": 1}), "档数")
    monkeypatch.setenv("PAYGUIDE_MAX_LEVELS", "1000")
    assert len(calculators.run("ladder", {"start": 100, "step": 10, "levels": 1000})["levels"]) == 1000


def test_a_bad_limit_setting_is_said_in_chinese(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_LEVELS", "lots")
    _refused_fast(lambda: calculators.run("ladder", {"start": 100, "step": 10, "levels": 5}), "PAYGUIDE_MAX_LEVELS", "正整数")


def test_table_cells_are_limited_before_the_table_is_built():
    grades = [{"name": f"岗{i}", "post_wage": 1000 + i} for i in range(20_000)]
    _refused_fast(lambda: calculators.run("post-wage-table", {"grades": grades, "steps": {"count": 200, "first": 1, "increment": 1}}),
                  "单元格", "PAYGUIDE_MAX_CELLS", within=2)
    broadband = {f"级{i}": 1000 + i for i in range(30_000)}
    _refused_fast(lambda: calculators.run("broadband", {"grades": broadband, "bands": 50}), "单元格", within=2)


def test_entries_are_counted_across_the_whole_input(monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_ITEMS", "100")
    scores = {f"p{i}": 1 for i in range(101)}
    _refused_fast(lambda: calculators.run("points-allocation", {"pool": 100, "scores": scores}), "条目数", "PAYGUIDE_MAX_ITEMS")
    departments = {f"d{i}": {"members": {f"p{j}": 1 for j in range(20)}} for i in range(6)}
    _refused_fast(lambda: calculators.run("points-allocation", {"pool": 100, "departments": departments}), "条目数")


# ---- nesting and YAML aliases ------------------------------------------------------------------------


def test_the_369_byte_alias_bomb_is_refused_in_milliseconds():
    assert len(ALIAS_BOMB.encode()) <= 369
    # Before: `payguide draft` spent 204 s of CPU (the web 264 s) before the right message.
    _refused_fast(lambda: load_json_or_yaml(ALIAS_BOMB), "别名展开", within=0.05)
    _refused_fast(lambda: load_yaml(ALIAS_BOMB, scalars="exact", max_items=10_000), "别名展开", within=0.05)
    done = payguide("calc", "points-allocation", "--input", "-", stdin=ALIAS_BOMB, timeout=30)
    chinese_error(done, "别名展开", "PAYGUIDE_MAX_ITEMS")


def test_modest_aliases_and_merge_keys_still_work():
    data = load_json_or_yaml("pool: 1000\ndepartments:\n  甲: &d {score: 3000}\n  乙: *d\n  丙:\n    <<: *d\n    score: 4000\n")
    assert calculators.run("points-allocation", data)["allocations"] == {"甲": 300, "乙": 300, "丙": 400}


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"pool": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}",
    "pool: " + "[" * 100_000,
    "- " * 20_000 + "x",
    "a: &x [*x]",
])
def test_deep_or_recursive_nesting_is_refused_in_chinese(text):
    message = _refused_fast(lambda: load_json_or_yaml(text), within=2)
    assert "嵌套" in message or "递归" in message


def test_nesting_past_the_limit_through_the_cli():
    done = payguide("calc", "points-allocation", "--input", "-", stdin="[" * 200_000 + "]" * 200_000)
    chinese_error(done, "嵌套层数", "PAYGUIDE_MAX_DEPTH")


# ---- sizes --------------------------------------------------------------------------------------------


def test_input_size_is_checked_before_parsing(tmp_path):
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"pool": 1, "scores": {f"员工{i:07d}": i for i in range(70_000)}}, ensure_ascii=False))
    done = payguide("calc", "points-allocation", "--input", str(big), env={"PAYGUIDE_MAX_UPLOAD_MB": "1"})
    chinese_error(done, "输入大小", "PAYGUIDE_MAX_UPLOAD_MB")
    done = payguide("calc", "points-allocation", "--input", "-", stdin=big.read_bytes(), env={"PAYGUIDE_MAX_UPLOAD_MB": "1"})
    chinese_error(done, "输入大小")


def test_table_rows_are_limited_while_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_ROWS", "10")
    table = tmp_path / "p.csv"
    table.write_text("姓名,积分\n" + "".join(f"员工{i},{i}\n" for i in range(11)), encoding="utf-8")
    _refused_fast(lambda: read_table(table), "行数", "PAYGUIDE_MAX_ROWS")


def test_an_xlsx_that_unpacks_too_far_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    import zipfile

    from openpyxl import Workbook

    path = tmp_path / "bomb.xlsx"
    Workbook().save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b" " * (8 * 1024 * 1024))  # 8 MB of nothing, a few KB packed
    assert path.stat().st_size < 100_000
    monkeypatch.setenv("PAYGUIDE_MAX_UNPACKED_MB", "4")
    _refused_fast(lambda: read_table(path), "解压后", "PAYGUIDE_MAX_UNPACKED_MB")


def test_an_over_long_question_is_refused_before_any_work():
    reply = respond("工资" * 5000)
    assert reply.mode == "refused" and "PAYGUIDE_MAX_MESSAGE_CHARS" in reply.answer
    done = payguide("ask", "工资" * 1500)
    chinese_error(done, "问题过长", "3000 字")


# ---- one place, one table -----------------------------------------------------------------------------


def test_every_limit_is_in_the_readme_configuration_table_with_its_default():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\|\s*`(PAYGUIDE_[A-Z_]+)`[^|]*\|[^|]*\|\s*`?([^|`]+?)`?\s*\|\s*$", readme, re.MULTILINE)}
    for limit in limits.LIMITS.values():
        assert limit.env in rows, limit.env
        assert rows[limit.env].replace(",", "").startswith(str(limit.default)), (limit.env, rows[limit.env])
    for limit in ASSISTANT_LIMITS.values():
        assert limit.env in rows, limit.env
        assert rows[limit.env].replace(",", "").startswith(f"{limit.default:g}"), (limit.env, rows[limit.env])


def test_limits_are_read_in_one_place():
    """In the calculators, the CLI, the agent and the app, no module but calculators/limits.py and
    assistant/config.py reads a limit variable. (Review and ingestion read PAYGUIDE_MAX_UPLOAD_MB
    on their own for now; they are to call `calculators.limits.bytes_limit("upload_mb")`.)"""
    names = [limit.env for limit in limits.LIMITS.values()] + [limit.env for limit in ASSISTANT_LIMITS.values()]
    owners = {ROOT / "calculators" / "limits.py", ROOT / "assistant" / "config.py"}
    folders = ("calculators", "assistant/cli", "assistant/agent", "assistant/ui")
    for path in [p for folder in folders for p in ROOT.glob(f"{folder}/**/*.py")]:
        if path in owners:
            continue
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert f'"{name}"' not in text, (path, name)


def test_every_breach_message_is_one_chinese_line():
    for key in limits.LIMITS:
        message = str(limits.breach(key, 10**9))
        assert "\n" not in message
        assert_chinese(message)
        assert limits.LIMITS[key].env in message


def test_sizes_in_a_path_are_not_mistaken(tmp_path):
    missing = Path(tmp_path / "nope.csv")
    with pytest.raises(CalculationError, match="找不到"):
        read_table(missing)


def test_a_people_table_is_limited_by_rows_not_by_its_cells(tmp_path, monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_ITEMS", "50")
    table = tmp_path / "p.csv"
    table.write_text("姓名,部门,积分\n" + "".join(f"员工{i},甲,{i + 1}\n" for i in range(30)), encoding="utf-8")
    out = calculators.run("points-allocation", {"pool": 1000, "people": read_table(table)})
    assert sum(out["allocations"].values()) == 1000
    monkeypatch.setenv("PAYGUIDE_MAX_ROWS", "20")
    _refused_fast(lambda: calculators.run("points-allocation", {"pool": 1000, "people": [{"姓名": f"p{i}", "积分": 1} for i in range(21)]}),
                  "人员表行数", "PAYGUIDE_MAX_ROWS")
