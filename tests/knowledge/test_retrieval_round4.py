"""Fourth round of issue 10: sums of money and years of service are answered only by a unit that
states one; a definition question prefers the unit that defines the term."""

from __future__ import annotations

import pytest

import knowledge
from knowledge import gate, index


@pytest.fixture(scope="module")
def ix() -> index.Index:
    return index.get_index()


def test_a_sum_of_money_needs_a_best_unit_that_states_one(ix):
    # 科技人才指引第三十四条 names 最低工资标准 (pay must comply with it) but states no sum
    query = "最低工资标准现在是多少钱一个月"
    assert gate.features(query, ["soe_tech/art-34"], ix).measure == "元"
    # a case that states its sums in 元 answers, and so does a pay table without the unit
    assert gate.features("林浆纸那家技师证书一个月加多少钱", ["qujing_skill/case-4-2"], ix).measure is None
    assert gate.features("软件公司宽带薪酬最高一档多少钱", ["soe_tech/case-2-2"], ix).measure is None
    # 哪几块 asks for parts, not money
    assert gate.features("技术工人的工资由哪几块组成", ["qujing_skill/art-8"], ix).measure is None


def test_only_the_best_unit_counts_for_money(ix):
    # a sum in a third-ranked case about something else is no answer to the question
    query = "最低工资标准现在是多少钱一个月"
    assert gate.features(query, ["soe_tech/art-34", "qujing_skill/case-4-2"], ix).measure == "元"
    assert knowledge.search(query) == []


def test_years_need_a_duration_not_a_date():
    assert re_search(gate._figure("年"), "一般每2至3年晋升一个等级")
    assert re_search(gate._figure("年"), "特殊的可以3至5年作为一个周期")
    assert not re_search(gate._figure("年"), "2020年以来共有10名技能人才申报")


def re_search(pattern: str, text: str) -> bool:
    import re

    return bool(re.search(pattern, text))


@pytest.mark.parametrize("query, gold", [
    ("新员工一般几年晋升一级", "soe_internal/art-22"),
    ("基础研究人员考核周期最长可以几年", "soe_tech/art-25"),
])
def test_questions_asking_years_the_guidelines_state_are_answered(query, gold):
    hits = knowledge.search(query)
    assert hits and hits[0].unit.id == gold, [h.unit.id for h in hits]


@pytest.mark.parametrize("query", ["年终奖一般几月份发", "评副高职称要发表几篇论文", "高级工程师评职称要工作几年"])
def test_dates_and_counts_the_guidelines_never_state_are_refused(query):
    assert knowledge.search(query) == []


def test_definition_term_is_read_from_either_side():
    assert index._defined_term("什么叫支持保障型企业？")[0] == "支持保障型企业"
    assert "支持保障型企业" in index._defined_term("内部指引里的支持保障型企业是什么")
    assert index._defined_term("支持保障型企业工资总额怎么定") == []


def test_the_unit_that_defines_a_term_beats_one_that_mentions_it(ix, monkeypatch):
    terms = index._defined_term("什么叫支持保障型企业？")
    assert index._defines(ix.units["soe_internal/art-37"].text, terms)
    assert not index._defines(ix.units["soe_internal/art-40"].text, terms)
    assert knowledge.search("什么叫支持保障型企业？")[0].unit.id == "soe_internal/art-37"
    monkeypatch.setattr(index, "DEFINITION_BONUS", 0.0)
    assert knowledge.search("什么叫支持保障型企业？")[0].unit.id != "soe_internal/art-37"


def test_an_uncovered_topic_met_once_in_passing_is_not_covered(ix):
    # 技能人才指引案例2 writes 职称评审 once (打破职业技能评价与专业技术职称评审界限); it sets no
    # rule on how title assessment is done
    assert ix.search_texts["qujing_skill/case-2-2"].count("职称评审") == 1
    assert gate.features("职称评审要满足什么条件", ["qujing_skill/case-2-2"], ix).uncovered == "职称评审"
    # the same for 工时 in 案例1's 供电所 section
    assert ix.search_texts["qujing_skill/case-1-4"].count("工时") == 1
    assert gate.features("综合工时制怎么申请", ["qujing_skill/case-1-4"], ix).uncovered == "工时"
