"""Calculator requests in Chinese are read into the calculator's input, or into questions."""

from decimal import Decimal

import pytest

from assistant.agent import calc_intents


def _read(text):
    intent = calc_intents.detect(text)
    assert intent is not None, text
    return intent.calculator, calc_intents.read(intent, text)


def test_points_request():
    name, fields = _read("绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？")
    assert name == "points-allocation"
    assert fields == {"pool": Decimal("500000"), "scores": {"生产部": Decimal("3000"), "技术部": Decimal("2000")}}


def test_piece_rate_with_coefficient():
    name, fields = _read("部门计件总额6万，小王1200件，小李800件，小李系数0.8")
    assert name == "piece-rate-allocation"
    assert fields["coefficients"] == {"小李": Decimal("0.8")}


def test_excess_profit_tiers():
    name, fields = _read("实际利润1600万，1000万到1200万部分10%，1200万到1500万部分15%，1500万以上20%，超额利润分享多少？")
    assert name == "excess-profit-sharing"
    assert fields["actual"] == Decimal("16000000")
    assert [t["rate"] for t in fields["tiers"]] == [Decimal("0.1"), Decimal("0.15"), Decimal("0.2")]
    assert fields["tiers"][1] == {"from": Decimal("12000000"), "to": Decimal("15000000"), "rate": Decimal("0.15")}


@pytest.mark.parametrize(
    "text, name",
    [
        ("工资总额增长10%，利润增长8%，符合两个低于吗？", "two-lower-check"),
        ("职工200人，岗位分红激励对象70人，其中科技人员40人", "dividend-check"),
        ("基础研究岗位基本薪酬5000元，总薪酬10000元", "pay-mix-check"),
        ("考核指标权重：利润40%、收入30%、安全30%", "kpi-check"),
        ("100人强制分布 A10% B80% C10%", "forced-distribution"),
        ("市场数据5000、6000、7000、8000、9000，算P25 P50 P75分位", "market-percentiles"),
        ("等差薪级：起点2000元，级差150元，共10级", "ladder"),
        ("帮我算一下绩效工资怎么分", "points-allocation"),
    ],
)
def test_detects_calculator(text, name):
    assert calc_intents.detect(text).calculator == name


@pytest.mark.parametrize(
    "question",
    ["部门绩效工资总量怎么算？", "年功工资各档之间的差额有什么要求？", "师带徒津贴一般发多少？", "今天天气怎么样"],
)
def test_questions_are_not_calculations(question):
    assert calc_intents.detect(question) is None


def test_missing_fields_are_named_in_chinese():
    intent = calc_intents.intent_named("points-allocation")
    needs = intent.missing({"pool": Decimal("1")})
    assert len(needs) == 1 and "积分" in needs[0]
