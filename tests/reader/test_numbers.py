"""Every written form of an amount reads to the right exact value — in chat, forms and review alike."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.reader import amount, arabic, parse_numeral, read


@pytest.mark.parametrize(
    "text, value",
    [
        ("2万4", "24000"), ("3千5", "3500"), ("六万块", "60000"), ("1.2万元", "12000"), ("五万五", "55000"),
        ("一万零五百元", "10500"), ("五十万零五千元", "505000"), ("50万5千元", "505000"), ("3千万元", "30000000"),
        ("8,400万元", "84000000"), ("1.35亿", "135000000"), ("叁拾万元", "300000"), ("两千", "2000"), ("十二万五千", "125000"),
        ("０.８万", "8000"), ("15 万元", "150000"), ("1,234,567.89元", "1234567.89"), ("8k", "8000"), ("一千二", "1200"),
    ],
)
def test_amounts(text, value):
    assert amount(text) == Decimal(value)


@pytest.mark.parametrize(
    "text, value",
    [("百分之十五", "0.15"), ("15%", "0.15"), ("１５％", "0.15"), ("七成", "0.7"), ("八折", "0.8"), ("8.5折", "0.85"),
     ("一半", "0.5"), ("12个点", "0.12"), ("百分之二点五", "0.025"), ("三分之一", str(Decimal(1) / 3)),
     ("百分之一", "0.01"), ("百分之一点五", "0.015"), ("百分之一百零八", "1.08"), ("千分之一点二", "0.0012")],
)
def test_shares(text, value):
    assert amount(text) == Decimal(value)


def test_signs_follow_the_words():
    growth = {q.subject: q.value for q in read("利润下降3%，工资总额增长2%，人均工资负增长1%").quantities}
    assert growth["利润下降"] == Decimal("-0.03")
    assert growth["工资总额增长"] == Decimal("0.02")
    assert read("上下浮动20%").quantities[0].value == Decimal("0.20")


def test_words_with_numeral_characters_are_not_numbers():
    for text in ("统一发放，一般来说十分重要", "两个低于是什么", "基础工资全体职工应一个标准", "万一超了怎么办", "这是原因之一"):
        assert read(text).figures == [], text


def test_dates_and_ordinals_are_not_values():
    reading = read("我们厂2019年成立，6月份发放，第3级5000元")
    kinds = [q.kind.value for q in reading.quantities]
    assert kinds == ["date", "date", "money"]
    assert reading.quantities[-1].subject == "第3级"


def test_article_numbers_become_digits():
    assert arabic("科技人才指引第四十五条") == "科技人才指引第45条"
    assert arabic("第４５条") == "第45条"


def test_one_numeral_parser():
    assert parse_numeral("四十五") == 45
    assert parse_numeral("2万4") == 24000
    assert parse_numeral("万") is None


def test_spoken_yuan_and_dimes_and_counts_of_people():
    """3块2 is 3.2 元 (块 then 毛); 两个临时工 counts people, not pieces; 3楼 is a floor; 班组2 is a name."""
    assert amount("3块2") == Decimal("3.2") and amount("十块五") == Decimal("10.5")
    reading = read("每件单价4块5，还有三个临时工，我们在3楼，班组2做了600件")
    kinds = [(q.kind.value, q.value) for q in reading.quantities]
    assert kinds == [("money", Decimal("4.5")), ("people", 3), ("other", 3), ("pieces", 600)]
