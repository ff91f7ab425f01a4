"""Bad input is a CalculationError in Chinese naming the field — never a pydantic message, a
traceback or a silent number."""

from __future__ import annotations

import re

import pytest

import calculators
from calculators import CalculationError

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    "name, data, field",
    [
        ("points-allocation", {"pool": -5, "scores": {"生产部": 1}}, "pool"),
        ("points-allocation", {"pool": 0, "scores": {"生产部": 1}}, "pool"),
        ("points-allocation", {"pool": 100, "scores": {"生产部": 0, "技术部": 0}}, "scores"),
        ("points-allocation", {"pool": float("nan"), "scores": {"a": 1}}, "pool"),
        ("points-allocation", {"pool": float("inf"), "scores": {"a": 1}}, "pool"),
        ("points-allocation", {"pool": "十万", "scores": {"a": 1}}, "pool"),
        ("points-allocation", {"pool": 100, "scores": {"a": "abc"}}, "scores.a"),
        ("points-allocation", {"pool": 100, "scores": {"a": float("nan")}}, "scores.a"),
        ("points-allocation", {"pool": 100, "scores": {"a": -3, "b": 5}}, "scores.a"),
        ("points-allocation", {"pool": 100, "scores": {}}, "scores"),
        ("points-allocation", {"pool": 100, "scores": [1, 2]}, "scores"),
        ("points-allocation", {"pool": 100}, "scores"),
        ("points-allocation", {"scores": {"a": 1}}, "pool"),
        ("points-allocation", {"pool": 100, "scores": {"a": 1}, "pol": 3}, "pol"),
        ("points-allocation", {"pool": "100.005", "scores": {"a": 1}}, "pool"),
        ("points-allocation", {"pool": 100, "scores": {"a": 1}, "precision": 9}, "precision"),
        ("points-allocation", {"pool": 100, "departments": {"生产部": {}}}, "departments.生产部.score"),
        ("points-allocation", {"pool": 100, "departments": {"生产部": {"score": 1, "members": {"张三": 0}}}}, "departments.生产部.members"),
        ("piece-rate-allocation", {"pool": 100, "pieces": {"小王": 0}}, "pieces"),
        ("piece-rate-allocation", {"pool": 100, "pieces": {"小王": 5}, "coefficients": {"小张": 1}}, "coefficients.小张"),
        ("piece-rate-allocation", {"pool": 100, "pieces": {"小王": 5}, "categories": {"小王": "后勤"}}, "categories.小王"),
        ("point-value", {"pool": 100, "price_list": {"抄表": 20}, "work": {"张三": {"登杆": 1}}}, "work.张三.登杆"),
        ("ladder", {"mode": "arithmetic", "levels": 5}, "start"),
        ("ladder", {"mode": "geometric", "min": 5000, "max": 3000, "levels": 5}, "max"),
        ("ladder", {"mode": "spiral", "start": 1, "step": 1, "levels": 5}, "mode"),
        ("ladder", {"start": 1, "step": -1, "levels": 5}, "step"),
        ("ladder", {"start": 1, "step": 1, "levels": 2.5}, "levels"),
        ("post-wage-table", {"grades": [{"name": "技师", "post_wage": 3000}], "steps": {"count": 10, "first": 100, "increment": 10}, "lookup": [{"grade": "大师", "step": 1}]}, "lookup.0.grade"),
        ("post-wage-table", {"grades": [{"name": "技师", "post_wage": 3000, "start_step": 5}], "steps": {"count": 10, "first": 100, "increment": 10}, "lookup": [{"grade": "技师", "step": 2}]}, "lookup.0.step"),
        ("post-wage-table", {"grades": [{"name": "技师", "post_wage": 3000, "start_step": 12}], "steps": {"count": 10, "first": 100, "increment": 10}}, "grades.0.start_step"),
        ("post-wage-table", {"grades": [], "steps": {"count": 10, "first": 100, "increment": 10}}, "grades"),
        ("seniority-pay", {"start": 100, "increment": 50, "bands": 0, "years_per_band": 5}, "bands"),
        ("broadband", {"grades": {"七级": {}}}, "grades.七级.median"),
        ("broadband", {"grades": {"七级": 8000}, "spread": 1.5}, "spread"),
        ("market-percentiles", {"data": []}, "data"),
        ("market-percentiles", {"data": [1, 2], "percentiles": [120]}, "percentiles.0"),
        ("pay-regression", {"points": [[1, 100], [1, 200]]}, "points"),
        ("pay-regression", {"points": [[1, 100], [2, -5]]}, "points.1"),
        ("forced-distribution", {"n": 10, "quotas": {"A": 0.2, "B": 0.7}}, "quotas"),
        ("forced-distribution", {"n": 10, "quotas": {"A": -0.1, "B": 1.1}}, "quotas.A"),
        ("forced-distribution", {"n": 3, "scores": {"甲": 1, "乙": 2}}, "n"),
        ("forced-distribution", {}, "n"),
        ("excess-profit-sharing", {"actual": 1600, "tiers": [{"from": 1000, "to": 1200, "rate": 0.1}, {"from": 1300, "rate": 0.2}]}, "tiers.1.from"),
        ("excess-profit-sharing", {"actual": 1600, "tiers": [{"from": 1000, "rate": 0.1}, {"from": 1300, "rate": 0.2}]}, "tiers.0.to"),
        ("excess-profit-sharing", {"actual": 1600, "tiers": [{"from": 1000, "rate": 1.5}]}, "tiers.0.rate"),
        ("two-lower-check", {"wage_total_growth": 0.1}, "profit_growth"),
        ("dividend-check", {"employees": 100, "recipients": 120, "tech_skill_recipients": 10}, "recipients"),
        ("dividend-check", {"employees": 100, "recipients": 20, "tech_skill_recipients": 30}, "tech_skill_recipients"),
        ("dividend-check", {"employees": 100, "recipients": 0, "tech_skill_recipients": 0}, "recipients"),
        ("pay-mix-check", {"category": "技能操作", "base": 1, "total": 2}, "category"),
        ("pay-mix-check", {"category": "基础研究", "base": 3, "total": 2}, "base"),
        ("pay-mix-check", {"category": "基础研究", "base": 3, "total": 0}, "total"),
        ("kpi-check", {"weights": {"利润": 40, "收入": 60}}, "weights.利润"),
        ("kpi-check", {"weights": {}}, "weights"),
        ("job-grade-quota", {"base": 100, "counts": {"大国工匠": 1}}, "counts.大国工匠"),
        ("annual-salary-split", {"annual": 100000}, "base_share"),
        ("allowance-schedule", {"members": [{"name": "甲", "skill_level": "宗师"}]}, "members.0.skill_level"),
        ("allowance-schedule", {"members": [{"name": "甲", "skill_level": "技师"}], "headcounts": {"技师": 1}}, "headcounts"),
        # a grade the cases' tables do not list has no standard: never a 0 stated as one
        ("allowance-schedule", {"members": [{"name": "甲", "skill_level": "技师"}, {"name": "乙", "skill_level": "首席技师"}]},
         "members.1.skill_level"),
        ("allowance-schedule", {"headcounts": {"首席技师": 3}}, "skill_rates"),
        # a top (or bottom) given beside a series that fixes it must agree with it
        ("ladder", {"start": 3100, "step": 120, "levels": 9, "max": 4200}, "max"),
        ("ladder", {"mode": "geometric", "start": 2500, "ratio": 1.05, "levels": 6, "max": 3000}, "max"),
        ("ladder", {"mode": "geometric", "min": 4000, "ratio": 1.1, "levels": 8, "max": 6000}, "ratio"),
        ("grade-count-check", {"levels": 5, "stage": "青春期"}, "stage"),
    ],
)
def test_bad_input_is_a_chinese_error_naming_the_field(name, data, field):
    with pytest.raises(CalculationError) as caught:
        calculators.run(name, data)
    exc = caught.value
    assert exc.field == field, str(exc)
    message = str(exc)
    assert CJK.search(message), message
    assert f"字段 {field}" in message
    for english in ("Input should", "validation error", "Traceback", "pydantic", "Value error"):
        assert english not in message


def test_example_message_from_the_brief():
    with pytest.raises(CalculationError) as caught:
        calculators.run("points-allocation", {"pool": 0, "scores": {"a": 1}})
    assert str(caught.value) == "绩效工资总量必须大于0（字段 pool）"


def test_unknown_calculator_is_a_calculation_error():
    with pytest.raises(CalculationError, match="没有名为"):
        calculators.run("magic", {})
    with pytest.raises(CalculationError):
        calculators.get_calculator("magic")


def test_input_must_be_an_object():
    with pytest.raises(CalculationError, match="对象"):
        calculators.run("ladder", [1, 2, 3])  # type: ignore[arg-type]


def test_calculation_error_is_a_value_error_with_field():
    exc = CalculationError("绩效工资总量必须大于0", "pool")
    assert isinstance(exc, ValueError) and exc.field == "pool"
    assert str(exc) == "绩效工资总量必须大于0（字段 pool）"
    assert str(CalculationError("无字段")) == "无字段" and CalculationError("无字段").field is None


def test_people_table_for_a_calculator_without_one():
    with pytest.raises(CalculationError) as caught:
        calculators.run("ladder", {"people": [{"姓名": "甲"}], "start": 1, "step": 1, "levels": 3})
    assert caught.value.field == "people"
