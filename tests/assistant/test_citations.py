"""The citation check keeps verbatim quotes, repairs near misses, drops inventions."""

from dataclasses import dataclass

from assistant.agent.citations import markers, verify
from assistant.agent.models import Citation

TEXT = "基础工资全体职工应一个标准，可随当地物价水平进行调整。年功工资可按不同工龄段确定不同标准，各标准之间的差额应形成等差数列。"


@dataclass
class U:
    id: str
    text: str


UNITS = {"qujing_skill/art-8": U("qujing_skill/art-8", TEXT)}


def cite(n, quote, unit_id="qujing_skill/art-8"):
    return Citation(n=n, id=unit_id, doc_id=unit_id.split("/")[0], article=8, quote=quote)


def test_verbatim_quote_is_kept():
    answer, cites = verify("见“基础工资全体职工应一个标准”[1]。", [cite(1, "基础工资全体职工应一个标准")], UNITS.get)
    assert answer == "见“基础工资全体职工应一个标准”[1]。"
    assert cites[0].quote in TEXT


def test_paraphrased_quote_is_repaired_to_the_real_sentence():
    _, cites = verify("x[1]", [cite(1, "年功工资各标准之间的差额应当形成等差数列")], UNITS.get)
    assert cites[0].quote in TEXT and "等差数列" in cites[0].quote


def test_invented_quote_and_unknown_unit_are_dropped_and_renumbered():
    answer, cites = verify(
        "甲[1]乙[2]丙[3]",
        [cite(1, "师带徒津贴每月发放五千元"), cite(2, "x", "nope/art-1"), cite(3, "基础工资全体职工应一个标准")],
        UNITS.get,
    )
    assert answer == "甲乙丙[1]"
    assert [c.n for c in cites] == [1]
    assert markers(answer) == {1}
