from decimal import Decimal

import pytest

from assistant.agent.numbers import (
    chinese_numeral_value,
    find_named_values,
    find_percents,
    normalise_numbers,
    parse_amount,
    parse_percent,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("50万", Decimal("500000")),
        ("五十万", Decimal("500000")),
        ("1.2万", Decimal("12000")),
        ("一点二万", Decimal("12000")),
        ("3亿", Decimal("300000000")),
        ("1,000,000元", Decimal("1000000")),
        ("两千五百元", Decimal("2500")),
        ("十二万五千", Decimal("125000")),
        ("一亿二千万", Decimal("120000000")),
        ("100万元", Decimal("1000000")),
        ("８０００元", Decimal("8000")),
    ],
)
def test_amounts(text, expected):
    assert parse_amount(text) == expected


def test_numerals_that_are_words_stay_words():
    assert normalise_numbers("基础工资全体职工应统一标准") == "基础工资全体职工应统一标准"
    assert normalise_numbers("一岗多薪") == "一岗多薪"


def test_name_with_numeral_keeps_the_name():
    assert find_named_values("张三一百二十分，李四一百分", "分") == {"张三": Decimal("120"), "李四": Decimal("100")}


def test_percentages():
    assert parse_percent("百分之十五") == Decimal("0.15")
    assert parse_percent("增长10%") == Decimal("0.1")
    assert [v for _, v in find_percents("A类10%，B类80%，C类百分之十")] == [Decimal("0.1"), Decimal("0.8"), Decimal("0.1")]


def test_named_lists():
    assert find_named_values("生产部3000分、技术部2000分", "分") == {"生产部": Decimal("3000"), "技术部": Decimal("2000")}
    assert find_named_values("小王1200件，小李800件", "件") == {"小王": Decimal("1200"), "小李": Decimal("800")}


def test_malformed_numeral_is_none():
    assert chinese_numeral_value("万") is None
    assert chinese_numeral_value("点") is None
