"""Filling calculator inputs from what people write: the right field for each figure, questions
instead of guesses, and never a value the text does not hold."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from knowledge.reader import read
from knowledge.reader.fill import fill


def _fill(name: str, text: str):
    return fill(read(text), calculators.get_calculator(name).input_model)


def test_single_person_piece_rate_uses_the_department_total():
    filled = _fill("piece-rate-allocation", "计件奖金4万，班组计件总量2000件，老赵做了500件")
    assert filled.values == {"pool": Decimal("40000"), "total_pieces": Decimal("2000"), "pieces": {"老赵": Decimal("500")}}
    assert not filled.problems and not filled.leftovers


def test_a_subtotal_that_disagrees_is_a_question():
    filled = _fill("points-allocation", "绩效30万，一车间1200分、二车间800分、三车间600分，合计2800分")
    assert filled.problems and "2600" in filled.problems[0]


def test_coefficients_in_words_and_brackets():
    filled = _fill("piece-rate-allocation", "班组计件奖3万6，张师傅1200件，徒弟小吴800件按七成计")
    assert filled.values["coefficients"] == {"小吴": Decimal("0.7")}
    filled = _fill("piece-rate-allocation", "计件奖励18000元，组长老黎做了300件（管理岗按0.6折算），工人阿文500件、阿武400件")
    assert filled.values["coefficients"] == {"老黎": Decimal("0.6")}
    assert set(filled.values["pieces"]) == {"老黎", "阿文", "阿武"}


def test_seniority_rates_and_length_of_service():
    filled = _fill("seniority-pay", "第一档100元，每4年升一档，每档加20元，共8档，工龄13年")
    assert filled.values == {"start": 100, "years_per_band": 4, "increment": 20, "bands": 8, "years": 13}


def test_two_levels_kept_as_two_levels():
    filled = _fill("points-allocation", "绩效60万，生产部3000分，其中张三120分、李四80分；技术部2000分（王五100分）")
    assert filled.values["departments"] == {
        "生产部": {"score": 3000, "members": {"张三": 120, "李四": 80}},
        "技术部": {"score": 2000, "members": {"王五": 100}},
    }


def test_both_conditions_of_two_lower_with_signs():
    filled = _fill("two-lower-check", "利润下降3%，工资总额增长2%，人均工资涨6%，劳动生产率涨了4%")
    assert filled.values == {"profit_growth": Decimal("-0.03"), "wage_total_growth": Decimal("0.02"),
                             "avg_wage_growth": Decimal("0.06"), "productivity_growth": Decimal("0.04")}


def test_kpi_count_with_equal_weights():
    filled = _fill("kpi-check", "共12项指标，各项权重均等")
    assert filled.values == {"count": 12, "equal": True}
    result = calculators.run("kpi-check", filled.values)
    assert result["compliant"] is False


def test_excess_profit_tiers_relative_to_the_target():
    filled = _fill("excess-profit-sharing", "目标利润1000万，实际1700万，超额300万以内提10%，300万到600万提15%，600万以上提20%")
    assert filled.values["actual"] == Decimal("17000000")
    assert [(t["from"], t.get("to"), t["rate"]) for t in filled.values["tiers"]] == [
        (Decimal("10000000"), Decimal("13000000"), Decimal("0.10")),
        (Decimal("13000000"), Decimal("16000000"), Decimal("0.15")),
        (Decimal("16000000"), None, Decimal("0.20")),
    ]


def test_monthly_and_yearly_amounts_compared_on_one_basis():
    filled = _fill("chief-technician-pay", "在岗职工月平均工资6500，首席技师年薪定20万")
    assert filled.values == {"average_wage": Decimal("78000"), "pay": Decimal("200000")}
    assert filled.notes and "× 12" in filled.notes[0]


# ---- the reader never invents a value ---------------------------------------------------------

_NAMES = ["张三", "李四", "王五", "老赵", "小李", "阿芳", "生产部", "技术部", "一车间", "质检部", "甲班", "A组"]
_TEMPLATES = {
    "points-allocation": ("绩效工资{pool}元，{members}，怎么分", "{n}{v}分"),
    "piece-rate-allocation": ("计件奖金{pool}元，{members}", "{n}做了{v}件"),
    "dividend-check": ("在岗职工{a}人，激励对象{b}人，其中技术技能人才{c}人", None),
}


def _values(data: Any) -> list[Decimal]:
    if isinstance(data, dict):
        return [v for x in data.values() for v in _values(x)]
    if isinstance(data, list):
        return [v for x in data for v in _values(x)]
    return [data] if isinstance(data, (int, Decimal)) and not isinstance(data, bool) else []


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(_TEMPLATES)),
    pool=st.integers(1, 9_999_999),
    people=st.lists(st.tuples(st.sampled_from(_NAMES), st.integers(1, 99_999)), min_size=1, max_size=6, unique_by=lambda t: t[0]),
    abc=st.tuples(st.integers(1, 5000), st.integers(1, 5000), st.integers(0, 5000)),
)
def test_every_filled_value_is_written_in_the_text(name, pool, people, abc):
    template, member = _TEMPLATES[name]
    members = "、".join(member.format(n=n, v=v) for n, v in people) if member else ""
    text = template.format(pool=pool, members=members, a=abc[0], b=abc[1], c=abc[2])
    reading = read(text)
    filled = fill(reading, calculators.get_calculator(name).input_model)
    written = {q.value for q in reading.quantities}
    for value in _values(filled.values):
        assert Decimal(value) in written, (text, filled.values)
