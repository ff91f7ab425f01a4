"""Seventh round of issue 10, on questions written apart from the question sets: "only a few" (只干
几天) before a yes-or-no question asks no measure; common neighbours are no homophone typo of
a word met once in a case's story; reviewed everyday terms (doc-side expansion) for spoken
questions about limits and permissions."""

from __future__ import annotations

import pytest

import knowledge
from knowledge import index
from knowledge.typos import correct


def test_only_a_few_before_a_question_whether_asks_no_measure():
    hits = knowledge.search("请来的顾问只干几天活，能不能按天给钱", k=3)
    assert "soe_tech/art-38" in [h.unit.id for h in hits], [h.unit.id for h in hits]


@pytest.mark.parametrize("query", [
    "年假一年有几天",  # the measure asked in the only clause: labour law's figure
    "工资一般每月几号发，能不能推迟",  # a bare count before a question whether still asks
    "夜班一个月最多上几天，能不能多排",
])
def test_a_measure_asked_for_is_still_refused(query):
    assert knowledge.search(query) == []


@pytest.mark.parametrize("query", [
    "他看的是干了几年",  # 是干 is not 实干
    "请的人就来干几天活",  # 来干 is not 能干
    "花怎么养才好",  # 养才 is not 英才
])
def test_common_neighbours_are_no_typo_of_a_word_met_once(query):
    assert correct(query, index.get_index()) == query


@pytest.mark.parametrize("query, fixed", [
    ("值代会审议工资方案", "职代会审议工资方案"),  # a reviewed domain term, written in one passage
    ("记件工资怎么算", "计件工资怎么算"),
    ("绩效考和结果怎么用", "绩效考核结果怎么用"),
])
def test_typos_of_terms_are_still_read(query, fixed):
    assert correct(query, index.get_index()) == fixed


@pytest.mark.parametrize("query, gold", [
    ("怕高级技师被同行挖走，能跟他单独签协议定工资吗", "qujing_skill/art-10"),
    ("研究员过去做的贡献当年没给钱，现在可以补回来吗", "soe_tech/art-37"),
    ("科研人员的项目奖金多久发一次", "soe_tech/art-33"),
    ("同行业研发人员的工资数据从哪里能拿到", "soe_tech/art-46"),
    ("做基础研究的一年一考，周期能拉长吗", "soe_tech/art-25"),
    ("厂里技术工人晋升路子窄、挣得少，指引里怎么说", "qujing_skill/art-4"),
    ("工人奖金轮流坐庄行不行", "qujing_skill/art-8"),
    ("研究员表现出色，能单独给他加工资吗", "soe_tech/art-53"),
])
def test_spoken_questions_find_their_clause(query, gold):
    assert gold in [h.unit.id for h in knowledge.search(query, k=3)]
