"""Look-up by number: every numeral form 1–99 of every document resolves to that article of
that document, or to nothing (with the reason) — never a neighbour, never another document's."""

from __future__ import annotations

import pytest

import knowledge
from knowledge.catalog import load_catalog
from knowledge.numerals import cn_to_int, int_to_cn

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _digit_by_digit(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n)) if n >= 10 else int_to_cn(n)


def _forms(n: int) -> list[str]:
    forms = [f"第{int_to_cn(n)}条", f"第{n}条", f"{int_to_cn(n)}条", f"第{str(n).translate(FULL_WIDTH)}条"]
    if n >= 21 and n % 10:
        forms.append(f"第{_digit_by_digit(n)}条")  # 第四五条
    return forms


@pytest.mark.parametrize("doc", load_catalog(), ids=lambda d: d.doc_id)
def test_every_form_of_every_number_finds_that_article_or_nothing(doc):
    names = [doc.title, doc.short_name, *doc.aliases]
    have = {u.article for u in knowledge.load_units(doc.doc_id) if u.kind == "article"}
    wrong = []
    for n in range(1, 100):
        for form in _forms(n):
            name = names[n % len(names)]
            result = knowledge.search_result(f"{name}{form}", k=5)
            ids = [h.unit.id for h in result.hits]
            expected = [f"{doc.doc_id}/art-{n}"] if n in have else []
            if ids != expected:
                wrong.append((name + form, ids))
            if n not in have and not result.reference.missing:
                wrong.append((name + form, "no reason given"))
    assert not wrong, wrong[:10]


def test_the_partial_copy_says_where_it_stops():
    result = knowledge.search_result("国有企业内部薪酬分配指引第四十五条")
    assert result.hits == [] and "第四十二条" in result.reference.missing[0] and "节选" in result.reference.missing[0]


def test_reported_misreadings_stay_fixed():
    assert knowledge.search("国有企业内部薪酬分配指引第45条") == []
    assert knowledge.search("科技人才指引第八十条") == []
    assert knowledge.search("曲靖指引第14条") == []
    assert [h.unit.id for h in knowledge.search("科技人才指引第四十五条")] == ["soe_tech/art-45"]


def test_numerals_come_from_cn2an():
    assert [cn_to_int(t) for t in ("四十五", "45", "４５", "四五", "十", "一百零五")] == [45, 45, 45, 45, 10, 105]
    assert [int_to_cn(n) for n in (10, 34, 99)] == ["十", "三十四", "九十九"]
    with pytest.raises(ValueError):
        cn_to_int("五点五")


def test_ask_says_plainly_that_an_article_does_not_exist():
    from assistant.agent.offline import respond

    reply = respond("国有企业内部薪酬分配指引第四十五条说了什么")
    assert "第四十二条" in reply.answer and reply.citations == []
    reply = respond("科技人才指引第八十条")
    assert "没有第八十条" in reply.answer and reply.citations == []
