"""The reviewed expansion file: one entry per unit, each term and question tied to a unit that
answers it, hashed into the index; homophone typos and colloquial words find their clause."""

from __future__ import annotations

import pytest

import knowledge
from knowledge import store
from knowledge.expansions import EXPANSIONS_FILE, expansions


def test_every_unit_has_an_expansion_and_every_entry_a_unit():
    ids = {u.id for u in knowledge.load_units()}
    entries = expansions()
    assert set(entries) == ids
    assert all(e.terms and e.questions for e in entries.values())


def test_no_term_is_listed_twice_for_one_unit():
    for unit_id, entry in expansions().items():
        assert len(set(entry.terms)) == len(entry.terms), unit_id


def test_the_expansion_file_is_part_of_the_index_key(monkeypatch, tmp_path):
    before = store.index_key()
    copy = tmp_path / "expansions.yaml"
    copy.write_text(EXPANSIONS_FILE.read_text(encoding="utf-8") + "\n# reviewed again\n", encoding="utf-8")
    monkeypatch.setattr(store, "PACKAGE_DIR", tmp_path)
    for name in store.HASHED_FILES:
        if name != "expansions.yaml":
            (tmp_path / name).write_bytes((EXPANSIONS_FILE.parent / name).read_bytes())
    assert store.index_key() != before


@pytest.mark.parametrize("question, expected", [
    ("技能津帖一般发给谁？", "qujing_skill/art-8"),  # 帖 for 贴
    ("记件工资怎么分到个人？", "qujing_skill/art-8"),  # 记 for 计
    ("班主长津贴是补偿什么的？", "qujing_skill/art-8"),  # zu/zhu
    ("宽代薪酬适合什么样的企业？", "soe_tech/art-28"),  # 代 for 带
    ("项目根投在什么情况下可以搞？", "soe_tech/art-42"),  # 根 for 跟
])
def test_homophone_typos_find_the_clause(question, expected):
    result = knowledge.search_result(question, k=3)
    assert expected in [h.unit.id for h in result.hits], (result.corrected, [h.unit.id for h in result.hits])


def test_typo_correction_leaves_real_words_alone():
    result = knowledge.search_result("集团总部职工平均工资增长有什么限制？")
    assert result.corrected is None


@pytest.mark.parametrize("question, expected", [
    ("老师傅带徒弟要不要单独给钱？", "qujing_skill/art-8"),
    ("工龄钱各档之间差多少？", "qujing_skill/art-8"),
    ("造纸厂的技能工资一个月发多少？", "qujing_skill/case-4-2"),
    ("造火车的那家公司绩效强制分布怎么调的？", "soe_tech/case-1-2"),
    ("远程办公的研发人员怎么付工资？", "soe_tech/art-38"),
])
def test_everyday_words_and_companies_find_their_unit(question, expected):
    assert expected in [h.unit.id for h in knowledge.search(question, k=3)]
