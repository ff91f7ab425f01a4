"""The refusal gate: which words of a question it weighs, how it explains them, and how its
operating point is chosen from data."""

from __future__ import annotations

from pathlib import Path

import pytest

import knowledge
from knowledge import gate, index
from knowledge.text import dictionary


@pytest.fixture(scope="module")
def ix() -> index.Index:
    return index.get_index()


def _words(query: str, ix: index.Index) -> list[str]:
    return [w for w, _ in gate._content_words(query, ix)]


def test_crumbs_jieba_guesses_are_split_into_dictionary_words(ix):
    # '来定' and '先分' are HMM guesses that general Chinese never writes: as words they would
    # weigh as the rarest word of the question.
    assert dictionary().FREQ.get("来定") is None
    assert "来定" not in _words("考核周期可以按任期来定吗？", ix)
    assert {"考核", "周期", "任期"} <= set(_words("考核周期可以按任期来定吗？", ix))
    assert "先分" not in _words("绩效工资要先分到车间再分到人吗？", ix)


def test_function_words_never_count_as_topics(ix):
    words = _words("我们厂五十来个人，以后每个月已经发几个档次？", ix)
    assert not {"五十", "以后", "已经", "几个"} & set(words)
    # a compound made only of function words ('哪几' + '几个') is one too
    assert gate._is_function("哪几个") and not gate._is_function("名额")


def test_words_about_the_documents_are_neutral(ix):
    words = _words("起草方案要引用岗位评价的条款，该引哪条？", ix)
    assert not {"方案", "起草", "引用", "条款"} & set(words)
    assert knowledge.search("起草方案要引用岗位评价的条款，该引哪条？")


def test_a_compound_is_explained_by_its_pieces_at_half_weight(ix):
    assert gate._explained_piecewise("工人工资", "技术工人的工资")
    assert not gate._explained_piecewise("个人所得税", "个人 所得")  # 税 is explained by nothing
    assert not gate._explained_piecewise("工资", "工 资")  # two characters: no pieces


def _f(share: float, foreign: float = 0.0, uncovered: str | None = None) -> gate.Features:
    return gate.Features(share=share, foreign=foreign, injection=False, uncovered=uncovered)


def test_operating_point_is_the_loosest_of_least_cost():
    base = gate.settings()
    inside = [_f(0.6), _f(0.7), _f(0.9)]
    outside = [_f(0.3), _f(0.5), _f(0.65), _f(0.1, uncovered="产假")]
    point = gate.choose_point(inside, outside, base, cost=5.0)
    # refusing the out-of-scope 0.65 would refuse the in-scope 0.6: five times worse
    assert point.min_share == pytest.approx(0.5005)
    assert [gate.refuses(f, point) for f in inside] == [None, None, None]
    # when a false refusal costs less than a false answer, the point moves past it
    cheap = gate.choose_point(inside, outside, base, cost=0.5)
    assert cheap.min_share == pytest.approx(0.6505)


def test_foreign_rule_only_where_it_pays():
    base = gate.settings()
    inside = [_f(0.7, foreign=12.0), _f(0.9)]
    outside = [_f(0.55, foreign=14.0), _f(0.2)]
    point = gate.choose_point(inside, outside, base)
    # the foreign noun of the out-of-scope question is rarer than the in-scope one's
    assert gate.refuses(outside[0], point) == "foreign"
    assert gate.refuses(inside[0], point) is None


def test_out_of_scope_questions_stay_refused():
    for query in ("红烧肉怎么做才不腻？", "产假期间工资怎么算？", "个人所得税起征点是多少？"):
        assert knowledge.search(query) == [], query


def test_coverage_is_scored_on_the_best_passage(ix):
    # 内部指引第四条 (the overview) names 岗位 and 评估-like words across many paragraphs;
    # the article on 岗位评价 answers them in one.
    from knowledge.text import words

    own = words("岗位评估主要看哪些方面")
    unit_level = ix._covered(own, ix.search_texts["soe_internal/art-4"])[0]
    assert ix.coverage(own, "soe_internal/art-4")[0] < unit_level
    assert ix.coverage(own, "soe_internal/art-16")[0] > 0
    assert len(ix.passage_texts["soe_internal/art-4"]) > 1


def test_the_dev_sets_meet_the_calibrated_operating_point():
    # gate.yaml was chosen on these sets (dev and dev2): no in-scope question refused, and the
    # out-of-scope ones refused as calibrate_gate.py printed (96.6% of 118, 96.7% of 60).
    # Held-out sets are not read here.
    from knowledge.evaluation import evaluate, evaluate_refusals, read_questions

    data = Path(__file__).resolve().parents[1] / "data"
    for name in ("retrieval_questions_dev.jsonl", "retrieval_questions_dev2.jsonl"):
        inside = evaluate(read_questions(data / name))
        assert inside.refused == 0 and inside.recall_at_3 >= 0.99, (name, inside)
    for name, rate in (("retrieval_out_of_scope_dev.jsonl", 0.96), ("retrieval_out_of_scope_dev2.jsonl", 0.96)):
        outside = evaluate_refusals(read_questions(data / name))
        assert outside.refusal_rate >= rate and outside.by_kind["injection"] == 1.0, (name, outside)
