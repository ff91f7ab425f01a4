"""Answers that answer: the sentence that answers leads, never a bare heading or an empty table
row; when the guidelines set no figure, one line says so and the cases' figures follow as
参考做法; every quote is an exact substring of its unit; the company's own documents first."""

from __future__ import annotations

import pytest

import knowledge
from assistant.agent.offline import respond
from assistant.agent.qa import is_substantive


def _quotes_hold(reply) -> None:
    for citation in reply.citations:
        assert citation.quote in knowledge.get_unit(citation.id).text, citation


@pytest.mark.parametrize("question, lead", [
    ("师带徒津贴是补偿什么的？", "对师傅培养培训徒弟额外劳动付出的补偿"),
    ("夜班补贴主要发给哪些人？", "对劳动者在夜晚工作额外付出的补偿"),
    ("从事基础研究的科技人才岗位基本薪酬占比多少？", "60%以上"),
    ("KPI指标一般设几个？", "原则上为5-9个"),
])
def test_the_answering_sentence_leads(question, lead):
    reply = respond(question)
    assert reply.citations and lead in reply.citations[0].quote, reply.answer
    _quotes_hold(reply)


def test_no_heading_or_empty_row_is_quoted():
    for question in ("师带徒津贴怎么设置？", "首席技能专家的岗位工资标准是多少？", "技能津贴是什么？", "班组长津贴给谁？"):
        reply = respond(question)
        assert all(is_substantive(c.quote) for c in reply.citations), reply.answer
        assert "5.师带徒津贴。" not in reply.answer and "|  |  |" not in reply.answer


def test_no_figure_in_the_guidelines_is_said_and_cases_follow():
    reply = respond("师带徒津贴一般每月发多少钱？")
    first_line = reply.answer.splitlines()[0]
    assert "没有规定具体" in first_line
    assert "参考做法" in reply.answer and "300元/月" in reply.answer and "案例2" in reply.answer
    _quotes_hold(reply)


def test_a_figure_the_guidelines_set_is_not_hidden_behind_cases():
    reply = respond("分红激励人数最多占在岗职工的多少？")
    assert "没有规定具体" not in reply.answer and "30%" in reply.citations[0].quote


def test_our_company_questions_put_our_documents_first(tmp_path, monkeypatch):
    monkeypatch.setenv("PAYGUIDE_HOME", str(tmp_path / "home"))
    from knowledge import index
    from knowledge.ingest import ingest_file

    index.reset()
    try:
        doc = tmp_path / "本厂薪酬办法.txt"
        doc.write_text("第一条 本厂师带徒津贴为每带一名徒弟每月200元，带徒期限一年。\n"
                       "第二条 本厂夜班补贴每班30元。\n", encoding="utf-8")
        doc_id, _ = ingest_file(doc)
        reply = respond("我们厂的师带徒津贴发多少？")
        assert reply.citations[0].doc_id == doc_id, reply.answer
        _quotes_hold(reply)
    finally:
        index.reset()
