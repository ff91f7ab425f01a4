"""Questions with no word in them (punctuation, emoji, symbols) and odd file arguments."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import chinese_error, payguide

import knowledge


@pytest.mark.parametrize("query", ["？？？！！！", "😀😀", "…", "———", "%%%", "\u200b"])
def test_a_query_without_any_word_finds_nothing_instead_of_failing(query):
    # Before: IndexError inside bm25s ("内部错误") for a query whose tokens were all dropped.
    assert knowledge.search(query) == []


def test_a_word_beside_an_emoji_is_still_found():
    assert knowledge.search("工资总额😀")


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_profile_saved_by_notepad_in_gbk_or_utf16_is_read(tmp_path, encoding):
    from doc_templates.profile import Profile

    example = Path(__file__).resolve().parents[2] / "doc_templates" / "examples" / "private-restaurant.yaml"
    saved = tmp_path / "企业概况.yaml"
    saved.write_bytes(example.read_text(encoding="utf-8").encode(encoding))
    assert Profile.from_file(saved) == Profile.from_file(example)


def test_a_folder_given_as_profile_is_called_a_folder(tmp_path):
    chinese_error(payguide("draft", str(tmp_path)), "文件夹")
