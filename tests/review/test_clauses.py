"""Quoted clauses: cut from the knowledge base's unit text, holding the words the rule is about."""

from __future__ import annotations

import pytest

import knowledge
from assistant.review.clauses import label, quote, sentences
from assistant.review.coverage import TOPICS
from assistant.review.rules import RULES


def _squeezed(text: str) -> str:
    return text.replace(" ", "")


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_rule_quote_is_the_sentence_with_its_keywords(rule):
    unit = knowledge.get_unit(rule.citations[0])
    assert unit is not None, rule.citations[0]
    for cited in rule.citations:
        assert knowledge.get_unit(cited) is not None, cited
    text = quote(rule.citations[0], *rule.keywords)
    assert text and text in unit.text
    assert all(_squeezed(k) in _squeezed(text) for k in rule.keywords)


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_topic_quote_is_the_sentence_with_its_keywords(topic):
    text = quote(topic.citations[0], *topic.keywords)
    assert text in knowledge.get_unit(topic.citations[0]).text
    assert all(_squeezed(k) in _squeezed(text) for k in topic.keywords)


def test_sentences_are_exact_substrings():
    unit = knowledge.get_unit("qujing_skill/art-8")
    for sentence in sentences(unit.text):
        assert sentence in unit.text


def test_unknown_unit_gives_no_quote_and_its_id_as_label():
    assert quote("nope/art-1", "x") == ""
    assert label("nope/art-1") == "nope/art-1"
    assert label("soe_internal/art-28") == "《国有企业内部薪酬分配指引》第二十八条"
