"""Quoted clauses: cut from the knowledge base's unit text, holding the words the rule is about."""

from __future__ import annotations

import pytest

import knowledge
from assistant.review.applicability import Ownership, table
from assistant.review.clauses import quote, sentences
from assistant.review.coverage import TOPICS
from calculators.applicability import clause_name


def _squeezed(text: str) -> str:
    return text.replace(" ", "")


@pytest.mark.parametrize("rule", table().rules.values(), ids=lambda r: r.id)
@pytest.mark.parametrize("ownership", list(Ownership), ids=lambda o: o.value)
def test_rule_quote_is_the_sentence_with_its_wording(rule, ownership):
    clause = rule.clause_for(ownership)
    unit = knowledge.get_unit(clause)
    assert unit is not None, clause
    text = quote(clause, rule.quote_for(ownership))
    assert text and text in unit.text
    assert _squeezed(rule.quote_for(ownership)) in _squeezed(text)


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_topic_quote_is_the_sentence_with_its_keywords(topic):
    text = quote(topic.citations[0], *topic.keywords)
    assert text in knowledge.get_unit(topic.citations[0]).text
    assert all(_squeezed(k) in _squeezed(text) for k in topic.keywords)


def test_sentences_are_exact_substrings():
    unit = knowledge.get_unit("qujing_skill/art-8")
    for sentence in sentences(unit.text):
        assert sentence in unit.text


def test_an_unknown_unit_is_a_programming_error():
    with pytest.raises(KeyError):
        quote("soe_internal/art-99", "x")


def test_labels_are_titles_and_article_numbers():
    assert clause_name("soe_internal/art-28") == "《国有企业内部薪酬分配指引》第二十八条"
    assert clause_name("qujing_skill/art-5") == "《曲靖市企业技能人才薪酬分配指引（试行）》第五条"
