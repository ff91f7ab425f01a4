"""The library API the rest of PayGuide calls: registry, results, checks, LangChain tools."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import BaseModel

import calculators
from calculators import checks
from calculators.checks import Finding
from calculators.params import param
from calculators.tools import langchain_tools

DESIGN_NAMES = [
    "points-allocation", "piece-rate-allocation", "ladder", "post-wage-table", "seniority-pay", "broadband",
    "market-percentiles", "pay-regression", "forced-distribution", "excess-profit-sharing", "two-lower-check",
    "dividend-check", "pay-mix-check", "kpi-check",
]
EXTRAS = ["allowance-schedule", "annual-salary-split", "job-grade-quota", "point-value", "chief-technician-pay", "wage-total-linkage", "grade-count-check"]


def test_registry_holds_design_calculators_first_then_extras():
    names = [i.name for i in calculators.list_calculators()]
    assert names[: len(DESIGN_NAMES)] == DESIGN_NAMES
    assert set(EXTRAS) <= set(names)


@pytest.mark.parametrize("info", calculators.list_calculators(), ids=lambda i: i.name)
def test_info_and_example(info):
    assert info is calculators.get_calculator(info.name)
    assert info.title and any("\u4e00" <= ch <= "\u9fff" for ch in info.description)
    assert "第" in info.description or "案例" in info.description or "附件" in info.description  # says which clause
    assert issubclass(info.input_model, BaseModel)
    info.input_model.model_validate(info.example)
    result = calculators.run(info.name, info.example)
    assert result["citations"] and isinstance(result["citations"], list)
    trace = result["trace"]
    assert trace["formula"] and trace["steps"] and all(isinstance(s, str) for s in trace["steps"]) and isinstance(trace["inputs"], dict)
    json.dumps(result, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else (_ for _ in ()).throw(TypeError(type(d))))
    for finding in result.get("findings", []):
        Finding.model_validate(finding)


def test_money_is_decimal_to_the_cent():
    result = calculators.run("points-allocation", {"pool": 1000, "scores": {"a": 1, "b": 2}})
    assert all(isinstance(v, Decimal) and v.as_tuple().exponent == -2 for v in result["allocations"].values())
    assert calculators.run("points-allocation", {"pool": 1000, "scores": {"a": 1, "b": 2}, "precision": 0})["allocations"] == {"a": Decimal("333"), "b": Decimal("667")}


def test_numbers_arrive_as_text_float_or_decimal_and_stay_exact():
    as_float = calculators.run("piece-rate-allocation", {"pool": 60000.0, "pieces": {"小王": 1200.0, "小李": 800}, "coefficients": {"小李": 0.8}})
    as_text = calculators.run("piece-rate-allocation", {"pool": "60,000", "pieces": {"小王": "1200", "小李": "800"}, "coefficients": {"小李": "0.8"}})
    as_decimal = calculators.run("piece-rate-allocation", {"pool": Decimal("60000"), "pieces": {"小王": Decimal(1200), "小李": Decimal(800)}, "coefficients": {"小李": Decimal("0.8")}})
    assert as_float["allocations"] == as_text["allocations"] == as_decimal["allocations"]
    assert calculators.run("two-lower-check", {"wage_total_growth": "10%", "profit_growth": "8%"})["compliant"] is False


def test_trace_shows_the_numbers():
    result = calculators.run("points-allocation", {"pool": 1000000, "scores": {"生产部": 3000, "技术部": 2000}})
    assert result["trace"]["formula"] == "部门绩效工资总量 = 单位可供分配绩效工资总量 ÷ 单位积分累计总分 × 部门积分累计总分"
    assert "生产部：1000000 ÷ 5000 × 3000 = 600000.00" in result["trace"]["steps"]


def test_trace_of_a_million_members_stays_short():
    scores = {f"员工{i}": 1 + i % 5 for i in range(20000)}
    result = calculators.run("points-allocation", {"pool": 1000000, "scores": scores})
    assert len(result["trace"]["steps"]) < 40
    assert result["trace"]["inputs"]["scores"]["条目数"] == 20000
    assert sum(result["allocations"].values()) == 1000000


def test_checks_are_public_pure_functions():
    assert checks.is_compliant(checks.check_kpi({"a": Decimal("0.2")} | {f"k{i}": Decimal("0.2") for i in range(4)}))
    assert not checks.is_compliant(checks.check_two_lower(Decimal("0.1"), Decimal("0.08")))
    assert not checks.is_compliant(checks.check_dividend(200, 70, 40))
    assert checks.is_compliant(checks.check_pay_mix("基础研究", Decimal(6000), Decimal(10000)))
    assert checks.check_forced_distribution_top({"A": Decimal("0.25"), "B": Decimal("0.75")})[0].severity == "warning"
    steps = checks.check_arithmetic_steps([Decimal(100), Decimal(150), Decimal(180)])
    assert [f.rule for f in steps] == ["steps.arithmetic"] and steps[0].severity == "warning"
    assert checks.check_arithmetic_steps([Decimal(100), Decimal(90)])[0].rule == "steps.monotonic"
    quota = checks.check_job_grade_quota({"高级技师": 3}, 100)
    assert quota[0].severity == "error" and quota[0].citations == ["qujing_skill/case-4"]
    assert checks.check_grade_count(4, "成熟期")[0].severity == "warning"
    assert checks.check_annual_salary_split(Decimal("0.5"))[0].severity == "error"
    assert checks.check_team_leader_allowance(Decimal(50))[0].severity == "warning"
    assert checks.check_team_leader_allowance(Decimal(300)) == []
    finding = checks.check_kpi({"利润": Decimal("0.5"), "收入": Decimal("0.5")})[1]
    assert finding.citations == ["soe_internal/art-28"] and "40%" in finding.message


def test_thresholds_come_from_parameters(monkeypatch):
    from calculators import params

    original = params.all_parameters()
    changed = dict(original)
    changed["kpi.weight_max"] = original["kpi.weight_max"].model_copy(update={"value": Decimal("0.5")})
    monkeypatch.setattr(params, "all_parameters", lambda: changed)
    weights = {"利润": Decimal("0.45"), "a": Decimal("0.15"), "b": Decimal("0.15"), "c": Decimal("0.15"), "d": Decimal("0.1")}
    assert checks.is_compliant(checks.check_kpi(weights))
    assert param("kpi.weight_max") == Decimal("0.5")


def test_langchain_tools():
    tools = {t.name: t for t in langchain_tools()}
    assert set(tools) == {i.name.replace("-", "_") for i in calculators.list_calculators()}
    tool = tools["points_allocation"]
    assert "积分" in tool.description and tool.args_schema is calculators.get_calculator("points-allocation").input_model
    out = tool.invoke({"pool": 500000, "scores": {"生产部": 3000, "技术部": 2000}})
    assert out["allocations"] == {"生产部": "300000.00", "技术部": "200000.00"}
    json.dumps(out, ensure_ascii=False)
    assert tools["excess_profit_sharing"].invoke({"actual": 1600, "tiers": [{"from": 1000, "to": 1200, "rate": 0.1}, {"from": 1200, "rate": 0.15}]})["total"] == "80.00"


def test_langchain_tool_errors_are_chinese():
    tools = {t.name: t for t in langchain_tools()}
    refused = tools["points_allocation"].invoke({"pool": -5, "scores": {"生产部": 3000}})
    assert "绩效工资总量必须大于0" in str(refused)
    assert tools["points_allocation"].invoke({"pool": 5, "scores": {"生产部": 0}})["field"] == "scores"
