"""Questions with no word in them (punctuation, emoji, symbols) and odd file arguments."""

from __future__ import annotations

import pytest

import knowledge


@pytest.mark.parametrize("query", ["？？？！！！", "😀😀", "…", "———", "%%%", "\u200b"])
def test_a_query_without_any_word_finds_nothing_instead_of_failing(query):
    # Before: IndexError inside bm25s ("内部错误") for a query whose tokens were all dropped.
    assert knowledge.search(query) == []


def test_a_word_beside_an_emoji_is_still_found():
    assert knowledge.search("工资总额😀")
