"""One presentation for every surface: the CLI text, the chat Markdown and the XLSX workbook show the
same tables, figures and findings of a result, in Chinese, with no field name or Python value."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, get_args

import openpyxl
import pytest
import yaml

import calculators
from assistant.agent.render import render_result
from assistant.cli.calc import render_text
from calculators import present
from calculators.results import CalcResult, UnknownField
from calculators.severity import Severity
from calculators.tables import result_xlsx_bytes

GOLDEN = Path(__file__).with_name("golden")


def _inputs() -> list[Any]:
    cases = [pytest.param(i.name, i.example, id=f"{i.name}:example") for i in calculators.list_calculators()]
    for path in sorted(GOLDEN.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case["calculator"], case["input"], id=f"{path.stem}:{case['name']}"))
    return cases


def _surfaces(name: str, data: dict[str, Any]) -> tuple[dict[str, Any], CalcResult, dict[str, str]]:
    info = calculators.get_calculator(name)
    out = calculators.run(name, data)
    book = openpyxl.load_workbook(io.BytesIO(result_xlsx_bytes(out, info.input_model)))
    cells = [[c for c in row] for ws in book for row in ws.iter_rows(values_only=True)]
    xlsx = "\n".join("\t".join("" if c is None else str(c) for c in row) for row in cells)
    # the surfaces' own entry points, so that each stays wired to the one presentation
    return out, CalcResult.of(out), {"cli": render_text(info.title, out), "chat": render_result(info.title, out), "xlsx": xlsx}


def _words_not_shown(name: str, out: dict[str, Any]) -> set[str]:
    """Names only code knows: the result's and the input model's field names, English choices, severities."""
    model = calculators.get_calculator(name).input_model
    words = {k for k in out if k.isascii()} | {"error", "warning", "info"}
    for field, info in model.model_fields.items():
        words |= {field, info.alias or field}
        words |= {a for a in _literals(info.annotation) if isinstance(a, str) and a.isascii()}
    return words - {"n"}  # a single letter is part of formulas (第 n 级)


def _literals(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    found = [a for a in args if not isinstance(a, type) and not get_args(a) and isinstance(a, str)]
    for a in args:
        found += _literals(a)
    return found


# Python values, unit ids, and programmers' function notation (max(…), ln(…)) in a formula
_PYTHON = re.compile(r"Decimal\(|\bNone\b|\bTrue\b|\bFalse\b|\{'|\['|\b[a-z_]+/(?:art|case|appendix)-\d+"
                     r"|\b(?:max|min|ln|log|exp|sqrt|abs|round|sum|floor|ceil)\(")


@pytest.mark.parametrize(("name", "data"), _inputs())
def test_every_surface_shows_the_same_tables_and_figures(name, data):
    _, res, shown = _surfaces(name, data)
    for surface, text in shown.items():
        for table in res.tables:
            if table.wide and surface != "xlsx":  # a screen says where the full table is
                assert f"{table.title}共 {len(table.rows)} 行" in text, (surface, table.title)
                continue
            assert table.title in text, (surface, table.title)
            assert all(h in text for h in table.headers), (surface, table.title, table.headers)
            first = table.rows[0]
            expected = [present.cell_text(v, c.percent) for v, c in zip(first, table.columns)]
            if surface == "xlsx":  # the workbook keeps numbers as numbers
                expected = [e for e, v, c in zip(expected, first, table.columns) if isinstance(v, str)]
            assert all(e in text for e in expected), (surface, table.title, expected)
        for figure in res.figures:
            assert figure.label in text, (surface, figure.label)
        for lead in res.leads:
            assert present.sum_text(lead) in text, (surface, lead)
        for finding in res.findings:
            assert finding.message in text and Severity(finding.severity).label in text, (surface, finding.message)
        if res.compliant is not None:
            assert present.verdict(res) in text, surface


@pytest.mark.parametrize(("name", "data"), _inputs())
def test_no_field_name_or_python_value_is_shown(name, data):
    out, _, shown = _surfaces(name, data)
    words = _words_not_shown(name, out)
    for surface, text in shown.items():
        assert not _PYTHON.search(text), (surface, _PYTHON.search(text))
        leaked = {w for w in re.findall(r"[A-Za-z_][A-Za-z_\-0-9]*", text) if w in words}
        assert not leaked, (surface, leaked)


def test_annual_salary_months_are_months_not_pay_levels():
    """Regression: chat showed the 12 monthly payments of the base salary as 第1级…第12级 (a guess from `levels`)."""
    _, res, shown = _surfaces("annual-salary-split", {"annual": 300000, "base_share": 0.4})
    for surface, text in shown.items():
        assert "按月发放的基本年薪" in text and "12月" in text, surface
        assert "第1级" not in text and "各级标准" not in text, surface
    assert [t.title for t in res.tables] == ["分配结果", "按月发放的基本年薪"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("seniority-pay", "年功工资档次"),
        ("broadband", "宽带薪酬区间（元）"),
        ("post-wage-table", "岗位工资标准"),
        ("market-percentiles", "薪酬水平定位策略"),
    ],
)
def test_tables_once_missing_from_chat_are_in_chat(name, title):
    _, _, shown = _surfaces(name, calculators.get_calculator(name).example)
    assert f"**{title}**" in shown["chat"] and f"【{title}】" in shown["cli"] and title in shown["xlsx"]


def test_findings_use_the_one_severity_vocabulary():
    _, _, shown = _surfaces("kpi-check", {"weights": {"利润": 0.45, "收入": 0.55}})
    assert Severity.ERROR.mark in shown["cli"] and Severity.ERROR.mark in shown["chat"]
    assert Severity.ERROR.label in shown["xlsx"]
    for text in shown.values():
        assert not re.search(r"【?(?<!指引要求)注意】?|【不符合】|✗ 不符合|建议】", text)


def test_chart_bars_come_from_the_first_charted_table():
    series = present.chart(calculators.run("ladder", {"mode": "arithmetic", "start": 2000, "step": 150, "levels": 5}))
    assert series is not None and series.labels == ["第1级", "第2级", "第3级", "第4级", "第5级"] and series.values[-1] == 2600.0
    series = present.chart(calculators.run("annual-salary-split", {"annual": 300000, "base_share": 0.4}))
    assert series is not None and series.labels == ["基本年薪", "绩效年薪"]
    assert present.chart(calculators.run("kpi-check", {"weights": {"利润": 0.5, "收入": 0.5}})) is None


def test_a_field_nobody_described_is_refused():
    with pytest.raises(UnknownField, match="bonus_pool"):
        CalcResult.of({"bonus_pool": 1, "citations": [], "trace": {}})


def test_a_long_table_is_cut_on_screen_but_whole_in_the_workbook():
    scores = {f"员工{i}": 1 for i in range(present.SCREEN_ROWS + 50)}
    out = calculators.run("points-allocation", {"pool": 25000, "scores": scores})
    assert "其余 50 行从略" in present.markdown("分配", out) and "其余 50 行从略" in present.text("分配", out)
    book = openpyxl.load_workbook(io.BytesIO(result_xlsx_bytes(out)))
    names = [row[0] for row in book["结果"].iter_rows(values_only=True)]
    assert f"员工{present.SCREEN_ROWS + 49}" in names


@pytest.mark.parametrize(
    ("name", "data", "shown"),
    [
        ("piece-rate-allocation", {"pool": 32000, "pieces": {"老郑": 1500}, "total_pieces": 6400}, ["所列各项合计", "总量", "其余"]),
        (
            "forced-distribution",
            {"mode": "部分", "scores": {f"员工{i}": 100 - i for i in range(20)}},
            ["按考核标准评定等次的人员", "部分强制分布的人数上限"],
        ),
        ("pay-regression", {"points": [[1, 5000], [2, 5600], [3, 6400]], "predict": [4]}, ["预测值", "预测薪酬（元）"]),
    ],
)
def test_fields_of_less_common_inputs_are_shown_too(name, data, shown):
    """Fields that only some inputs produce (listed members only, a small unit, predictions)."""
    out, _, surfaces = _surfaces(name, data)
    words = _words_not_shown(name, out)
    for surface, text in surfaces.items():
        assert all(s in text for s in shown), (surface, [s for s in shown if s not in text])
        assert not {w for w in re.findall(r"[A-Za-z_][A-Za-z_\-0-9]*", text) if w in words}, surface


def test_the_verdict_follows_the_worst_finding():
    """A 提醒 alone (the chief technician's case figure) is not a breach; an 违反 is."""
    below_case = {"average_wage": 110000, "pay": 300000}
    out, res, shown = _surfaces("chief-technician-pay", below_case)
    assert [f.severity for f in res.findings] == [Severity.WARNING] and out["compliant"] is False  # “够不够”: no
    for surface, text in shown.items():
        assert present.SHORT_OF_REFERENCE in text and present.VERDICT[Severity.ERROR] not in text, surface
    _, _, shown = _surfaces("allowance-schedule", {"members": [{"name": "老王", "skill_level": "技师", "team_leader": 2000}]})
    assert all(present.VERDICT[Severity.WARNING] in text for text in shown.values())  # compliant, with a 提醒
    _, _, shown = _surfaces("kpi-check", {"weights": {"利润": 0.45, "收入": 0.55}})
    assert all(present.VERDICT[Severity.ERROR] in text for text in shown.values())


def test_a_person_breakdown_is_not_repeated_as_a_second_table():
    """The allowance schedule's 个人明细 holds each person's 合计: no 分配结果 table repeats it, and its
    合计 column makes the chart."""
    info = calculators.get_calculator("allowance-schedule")
    _, res, shown = _surfaces(info.name, info.example)
    assert [t.title for t in res.tables] == ["个人明细"]
    assert not any("分配结果" in text for text in shown.values())
    series = present.chart(res)
    assert series is not None and series.labels == ["张师傅", "李工", "小周"] and series.values == [1300.0, 600.0, 100.0]
