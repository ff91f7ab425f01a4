"""The cleaned sources and the citable units parsed from them."""

from __future__ import annotations

import re

import pytest

import knowledge
from knowledge.catalog import load_catalog
from knowledge.cleaning import CLEANERS


def _numbers(doc_id: str, kind: str) -> list[int]:
    units = [u for u in knowledge.load_units(doc_id) if u.kind == kind]
    return sorted({u.article if kind == "article" else u.case for u in units})


@pytest.mark.parametrize("doc_id, articles, cases", [
    ("qujing_skill", 13, 5), ("soe_tech", 55, 3), ("soe_internal", 42, 0),
])
def test_every_article_and_case_is_a_unit(doc_id, articles, cases):
    assert _numbers(doc_id, "article") == list(range(1, articles + 1))
    assert _numbers(doc_id, "case") == list(range(1, cases + 1))


def test_unit_fields_follow_the_design():
    unit = knowledge.get_unit("soe_tech/art-34")
    assert unit.doc_id == "soe_tech" and unit.kind == "article" and unit.article == 34 and unit.case is None
    assert unit.doc_title == "国有企业科技人才薪酬分配指引"
    assert unit.breadcrumb == ("第四章 当期薪酬", "第二节 绩效薪酬", "第三十四条")


def test_article_34_keeps_both_thresholds_each_in_one_sentence():
    sentences = re.split(r"(?<=[。；])", knowledge.get_unit("soe_tech/art-34").text)
    assert any("基础研究" in s and "60%以上" in s for s in sentences)
    assert any("应用研究" in s and "50% 以上" in s for s in sentences)


def test_no_unit_carries_markup_or_page_markers():
    for unit in knowledge.load_units():
        assert "**" not in unit.text and "[bookmark" not in unit.text and "[image" not in unit.text, unit.id
        assert not re.search(r"(^|\n)\d+、", unit.text) or unit.kind == "case", unit.id
        assert "desk33" not in unit.text and "配套讲稿" not in unit.text, unit.id
    internal = " ".join(u.text for u in knowledge.load_units("soe_internal"))
    # the web copy's page markers were glued into sentences ("…与2、企业…"); none survive
    assert not re.search(r"[\u4e00-\u9fff，。]\d{1,2}、[\u4e00-\u9fff]", internal)
    assert "5%o" not in internal and "最低不低于5%。" in internal


def test_soe_internal_is_marked_incomplete_and_stops_in_article_42():
    info = {d.doc_id: d for d in knowledge.catalog()}
    assert not info["soe_internal"].complete and "第四十二条" in info["soe_internal"].completeness_note
    assert info["soe_tech"].complete and info["qujing_skill"].complete
    assert max(_numbers("soe_internal", "article")) == 42


def test_sentences_broken_across_blank_lines_are_joined():
    assert "有关规定进行设置" in knowledge.get_unit("soe_tech/art-19").text
    assert "直接确定至个人的方式" in knowledge.get_unit("soe_tech/art-32").text


def test_tables_stay_whole_with_their_header_row():
    appendix = knowledge.get_unit("qujing_skill/appendix-1")
    rows = [line for line in appendix.text.splitlines() if line.startswith("|")]
    assert rows[0].startswith("| 岗位等级 | 岗位工资标准 | 薪级工资标准")
    assert len(rows) == 12 and "见习期" in rows[-1] and "高精尖缺" in rows[1]
    case2 = knowledge.get_unit("soe_tech/case-2")
    assert "| 职位等級 | 研发 |" in case2.text and "| 23级 | 权威 |  |  |  |  | 八级 | 60000 |" in case2.text


def test_a_split_case_resolves_as_a_whole_and_by_section():
    whole = knowledge.get_unit("qujing_skill/case-1")
    sections = [u for u in knowledge.load_units("qujing_skill") if u.case == 1]
    assert len(sections) > 1 and all(s.text in whole.text for s in sections)
    assert all(s.breadcrumb[0] == "案例1" for s in sections)
    assert knowledge.get_unit("qujing_skill/case-9") is None


def test_committed_cleaned_copies_match_the_cleaners(shared_dir):
    for doc in load_catalog():
        raw = (shared_dir / "sources" / doc.source_file).read_text(encoding="utf-8", errors="replace")
        assert CLEANERS[doc.doc_id](raw) == doc.cleaned_path.read_text(encoding="utf-8"), doc.doc_id
