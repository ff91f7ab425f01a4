"""Figures bound to what they describe: names, totals, two levels, lists, rates, ranges, headings."""

from __future__ import annotations

from decimal import Decimal

from knowledge.reader import Kind, read


def _by_name(text):
    return {q.name: q for q in read(text).quantities if q.name}


def test_names_not_verbs_or_roles():
    named = _by_name("老赵做了500件，组长老黎干了300件，阿芳缝了1350件，小韩一个人做了2400件")
    assert set(named) == {"老赵", "老黎", "阿芳", "小韩"}
    assert named["老黎"].role == "组长"


def test_totals_are_never_members():
    reading = read("计件奖金4万，班组计件总量2000件，老赵做了500件，合计900分")
    totals = [q for q in reading.quantities if q.total]
    assert [q.text for q in totals] == ["2000件", "900分"]


def test_two_levels():
    reading = read("生产部3000分，其中张三120分、李四80分；技术部2000分（王五100分、赵六60分）")
    parents = {q.name: q.parent for q in reading.quantities}
    assert parents == {"生产部": None, "张三": "生产部", "李四": "生产部", "技术部": None, "王五": "技术部", "赵六": "技术部"}


def test_lists_pair_in_order():
    named = _by_name("张三、李四、王五分别得了120、100、80分")
    assert {n: q.value for n, q in named.items()} == {"张三": 120, "李四": 100, "王五": 80}
    assert all(q.kind is Kind.SCORE for q in named.values())
    named = _by_name("技术岗T1、T2、T3三个等级，中位值分别为6000、7200、8600")
    assert {n: q.value for n, q in named.items() if q.kind is not Kind.LEVELS} == {"T1": 6000, "T2": 7200, "T3": 8600}


def test_shared_figure_and_bracketed_owner():
    named = _by_name("老王和小刘各做了300件")
    assert {n: q.value for n, q in named.items()} == {"老王": 300, "小刘": 300}
    reading = read("组长老黎做了300件（管理岗按0.6折算），工人阿文500件")
    assert [(q.name, q.value) for q in reading.quantities] == [("老黎", 300), ("老黎", Decimal("0.6")), ("阿文", 500)]


def test_rates_periods_and_durations():
    reading = read("每4年升一档，每档加20元，共8档，工龄13年")
    first, _, step, bands, years = reading.quantities
    assert first.every and first.value == 4
    assert step.per == "档" and step.value == 20
    assert bands.kind is Kind.LEVELS and not bands.every
    assert years.subject == "工龄" and not years.every


def test_ranges_and_open_ends():
    reading = read("1000到1200万部分10%，1500万以上20%")
    low, high, _, top, _ = reading.quantities
    assert low.value == Decimal("10000000") and low.range_end is not None and high.range_start is not None
    assert top.open_above


def test_counts_are_not_amounts():
    reading = read("调研了6家企业的月薪：5000、6000、7000、8000元")
    assert reading.quantities[0].kind is Kind.COUNT
    assert [q.kind for q in reading.quantities[1:]] == [Kind.MONEY] * 4


def test_units_written_once_in_a_heading():
    reading = read("单位：万元。工资总额上年5000，今年5400")
    values = [q.value for q in reading.quantities if not q.derived]
    assert values == [Decimal("50000000"), Decimal("54000000")]
    growth = [q for q in reading.quantities if q.derived]
    assert growth and growth[0].value == Decimal("0.08") and growth[0].name == "工资总额"


def test_remainder_split_evenly_is_derived():
    reading = read("利润40%，收入25%，安全15%，剩下的平均分给党建和重点任务")
    derived = {q.name: q.value for q in reading.quantities if q.derived}
    assert derived == {"党建": Decimal("0.1"), "重点任务": Decimal("0.1")}


def test_negation_marks_the_clause():
    reading = read("本方案不经职工代表大会审议，也不进行工资集体协商。薪酬不超过30%")
    assert [c.negated for c in reading.clauses] == [True, True, False]


def test_homophone_typos_of_domain_words_are_mended():
    reading = read("记件奖金6万，积效工资将近10万")
    assert ("记件", "计件") in reading.corrections and ("积效", "绩效") in reading.corrections
    assert "将近" in reading.normalised  # a word of its own is never "mended"
