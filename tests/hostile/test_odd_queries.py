"""Questions with no word in them (punctuation, emoji, symbols) and odd file arguments."""

from __future__ import annotations

import sys
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


# ---- documents to import -------------------------------------------------------------------------

RULES = "第一条 本企业薪酬分配实行岗位绩效工资制。\n第二条 绩效工资按季度考核发放。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_a_text_document_in_any_common_encoding_is_read_the_same(tmp_path, encoding):
    # Before: UTF-16 (Notepad's "Unicode") refused; one without a mark could be read as GB18030 garbage.
    from knowledge.ingest import read_document, to_units

    path = tmp_path / "制度.txt"
    path.write_bytes(RULES.encode(encoding))
    text = read_document(path)
    assert text.lstrip("\ufeff") == RULES
    assert [u.text for u in to_units("user-x-000000", "制度", text)] == ["本企业薪酬分配实行岗位绩效工资制。", "绩效工资按季度考核发放。"]


def test_a_short_text_is_refused_for_being_short_not_for_being_a_scan(tmp_path):
    from knowledge.errors import KnowledgeError
    from knowledge.ingest import read_document

    path = tmp_path / "短.md"
    path.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="文字太少"):
        read_document(path)


def test_a_folder_to_import_is_called_a_folder(tmp_path):
    chinese_error(payguide("ingest", str(tmp_path)), "文件夹")


def test_a_damaged_imported_document_is_named_not_silently_dropped(tmp_path):
    # Before: a truncated documents/*.json vanished from sources and searches without a word.
    home = tmp_path / "home"
    (home / "documents").mkdir(parents=True)
    (home / "documents" / "user-制度-abc123.json").write_text('{"entry": {"doc_', encoding="utf-8")
    done = payguide("sources", env={"PAYGUIDE_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert "user-制度-abc123" in done.stdout and "已损坏" in done.stdout
    removed = payguide("sources", "--remove", "user-制度-abc123", env={"PAYGUIDE_HOME": str(home)})
    assert removed.returncode == 0, removed.stderr
    assert not (home / "documents" / "user-制度-abc123.json").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gbk"])
def test_a_scheme_saved_by_notepad_is_reviewed(tmp_path, encoding):
    plan = tmp_path / "方案.txt"
    plan.write_bytes("本方案绩效工资按积分分配，经职工代表大会审议通过。".encode(encoding))
    done = payguide("review", str(plan))
    assert done.returncode == 0, done.stderr
    assert "违反" in done.stdout


def test_a_binary_file_is_still_refused_as_binary(tmp_path):
    plan = tmp_path / "方案.txt"
    plan.write_bytes(Path(sys.executable).read_bytes()[:20000])
    chinese_error(payguide("review", str(plan)), "二进制")
