"""Answering guideline questions offline: retrieved units → the sentences that answer → a
short answer whose every [n] quotes its unit verbatim."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from knowledge.numerals import int_to_cn
from knowledge.reader import arabic as normalise_numbers

from .models import Citation
from .text import char_bigrams, sentences

# A secondary clause is shown only when it scores at least this share of the best hit.
RELATED_SCORE_SHARE = 0.6
MAX_SENTENCES_PRIMARY = 2
MAX_RELATED = 2
MAX_LISTED = 6

_LOOKUP = re.compile(r"第\s*(\d+)\s*条|案例\s*(\d+)")
_LISTING = re.compile(r"有哪些(规定|要求|条款)|都(说|讲|规定)了(什么|哪些)|列出|列举|汇总")
_ARTICLE_ONLY = re.compile(r"^\W*(.{0,14}?指引)?\W*第\s*\d+\s*条\W*(说了什么|讲了什么|是什么|内容|原文|怎么说)?\W*$")

NOT_COVERED = (
    "指引中没有找到能回答这个问题的条款。PayGuide 只依据《曲靖市企业技能人才薪酬分配指引（试行）》"
    "《国有企业科技人才薪酬分配指引》《国有企业内部薪酬分配指引》（节选）及您导入的企业文件作答，"
    "不会编造条款。可以换个说法，或问与薪酬分配有关的问题，例如“师带徒津贴怎么设置？”。"
)


@dataclass
class Draft:
    """An answer being composed: text lines and the citations its [n] markers point at."""

    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, unit: Any, quote: str) -> int:
        for existing in self.citations:
            if existing.id == unit.id and existing.quote == quote:
                return existing.n
        n = len(self.citations) + 1
        self.citations.append(
            Citation(n=n, id=unit.id, doc_id=unit.doc_id, article=unit.article, case=unit.case, quote=quote)
        )
        return n

    def text(self) -> str:
        return "\n".join(self.lines)


def unit_label(unit: Any) -> str:
    """《曲靖市企业技能人才薪酬分配指引（试行）》第八条 / …案例2 / …附件1."""
    place = unit.breadcrumb[-1] if unit.breadcrumb else unit.heading
    if unit.kind == "article" and unit.article is not None:
        place = f"第{int_to_cn(unit.article)}条"
    elif unit.kind == "case" and unit.case is not None:
        place = f"案例{unit.case}" + (f"（{unit.heading}）" if unit.heading else "")
    return f"《{unit.doc_title}》{place}"


def is_lookup(question: str) -> bool:
    return bool(_ARTICLE_ONLY.match(normalise_numbers(question))) or bool(
        re.fullmatch(r"\W*(.{0,14}?指引)?\W*案例\s*\d+\W*(说了什么|讲了什么|是什么|内容)?\W*", normalise_numbers(question))
    )


def is_listing(question: str) -> bool:
    return bool(_LISTING.search(question))


_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）.、．]?\s*")
_FIGURE = re.compile(r"[\d一二三四五六七八九十百千万]+(?:\.\d+)?\s*(?:%|％|元|万元|倍|个|级|年|月|人|分位|档|分)|"
                     r"不超过|不低于|不高于|以上|以内|上限|下限")
_ASKS_FIGURE = re.compile(r"多少|几[个级年倍档成]?|比例|占比|金额|标准是|上限|下限|最高|最低|最多|最少|百分之")


def is_substantive(sentence: str) -> bool:
    """A sentence that says something: not a bare heading ('5.师带徒津贴。') and not a table
    row whose cells are empty ('| 首席技能专家 |  |  |')."""
    if sentence.startswith("|"):
        cells = [c.strip() for c in sentence.strip("|").split("|")]
        return sum(bool(c) for c in cells) >= 3
    body = _NUMBERING.sub("", sentence).rstrip("。；：:")
    return len(re.sub(r"[^\u4e00-\u9fff\d]", "", body)) >= 10


def answering_sentences(unit: Any, question: str, limit: int) -> list[str]:
    """The substantive sentences of a unit that share most with the question, the one that
    answers first: for a question asking for a figure, a sentence carrying one leads."""
    wanted = char_bigrams(question)
    ranked: list[tuple[int, int, str]] = []
    heading: set[str] = set()  # a bare heading ('5.师带徒津贴。') lends its words to what follows
    for position, sentence in enumerate(sentences(unit.text)):
        own = char_bigrams(sentence)
        if not is_substantive(sentence):
            heading = own
            continue
        overlap = len((own | heading) & wanted)
        heading = set()
        if overlap:
            ranked.append((overlap, position, sentence))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    if _ASKS_FIGURE.search(question):  # a question asking for a figure: a sentence with one leads
        ranked.sort(key=lambda t: (not _FIGURE.search(t[2]), -t[0], t[1]))
    if not ranked:
        return [s for s in sentences(unit.text) if is_substantive(s)][:1] or sentences(unit.text)[:1]
    return [s for _, _, s in ranked[:limit]]


def asks_figure(question: str) -> bool:
    return bool(_ASKS_FIGURE.search(question))


def has_figure(sentence: str) -> bool:
    return bool(_FIGURE.search(sentence))


def compose_lookup(unit: Any, note: str | None) -> Draft:
    draft = Draft()
    first = sentences(unit.text)[0]
    n = draft.cite(unit, first)
    draft.lines.append(f"{unit_label(unit)}原文如下[{n}]：")
    draft.lines.append("")
    draft.lines.extend(f"> {line}" for line in unit.text.splitlines() if line.strip())
    if note:
        draft.lines += ["", f"注：{note}"]
    return draft


def compose_answer(question: str, hits: Sequence[Any], case_hits: Sequence[Any], notes: dict[str, str]) -> Draft:
    """A short answer: the best clause's answering sentences, up to two related clauses, a case."""
    draft = Draft()
    primary, *others = [h for h in hits if h.unit.kind != "case"] or list(hits)
    quotes = answering_sentences(primary.unit, question, MAX_SENTENCES_PRIMARY)
    cited = "".join(f"“{q}”[{draft.cite(primary.unit, q)}]" for q in quotes)
    draft.lines.append(f"根据{unit_label(primary.unit)}：{cited}")

    related = [h for h in others if h.score >= primary.score * RELATED_SCORE_SHARE][:MAX_RELATED]
    if related:
        draft.lines += ["", "相关条款："]
        for hit in related:
            quote = answering_sentences(hit.unit, question, 1)[0]
            draft.lines.append(f"- {unit_label(hit.unit)}：“{quote}”[{draft.cite(hit.unit, quote)}]")

    shown_cases = [h for h in case_hits if h.unit.id not in {c.id for c in draft.citations}]
    if asks_figure(question) and not any(has_figure(q) for q in quotes):
        _append_case_figures(draft, question, shown_cases)
    elif shown_cases:
        case = shown_cases[0].unit
        quote = answering_sentences(case, question, 1)[0]
        draft.lines += ["", f"相关案例：{unit_label(case)}：“{quote}”[{draft.cite(case, quote)}]"]

    _append_notes(draft, notes)
    return draft


def _append_case_figures(draft: Draft, question: str, case_hits: Sequence[Any]) -> None:
    """The guideline gives no figure: say so in one line, then the figures cases used."""
    draft.lines[0:0] = ["指引对此没有规定具体数额或比例，由企业结合实际确定。"]
    shown = 0
    for hit in case_hits:
        figures = [q for q in answering_sentences(hit.unit, question, 3) if has_figure(q)]
        if not figures:
            continue
        if shown == 0:
            draft.lines += ["", "参考做法（案例中企业的做法，不是指引的规定）："]
        draft.lines.append(f"- {unit_label(hit.unit)}：“{figures[0]}”[{draft.cite(hit.unit, figures[0])}]")
        shown += 1
        if shown >= MAX_RELATED:
            break


def compose_listing(question: str, hits: Sequence[Any], notes: dict[str, str]) -> Draft:
    draft = Draft()
    draft.lines.append("指引中与此相关的规定有：")
    for hit in hits[:MAX_LISTED]:
        quote = answering_sentences(hit.unit, question, 1)[0]
        draft.lines.append(f"- {unit_label(hit.unit)}：“{quote}”[{draft.cite(hit.unit, quote)}]")
    _append_notes(draft, notes)
    return draft


def _append_notes(draft: Draft, notes: dict[str, str]) -> None:
    cited_docs = {c.doc_id for c in draft.citations}
    for doc_id, note in notes.items():
        if doc_id in cited_docs:
            draft.lines += ["", f"注：{note}"]


# ---- one guideline question, end to end ----------------------------------------------------

SEARCH_K = 6
_OUR_COMPANY = re.compile(r"我们(厂|公司|企业|集团|单位)|我厂|本厂|本公司|咱们|我司")


def _own_documents_first(question: str, hits: list[Any]) -> list[Any]:
    """For "我们厂/公司…", the company's own imported documents come before the guidelines."""
    import knowledge

    own = {d.doc_id for d in knowledge.catalog() if d.user}
    if not own or not _OUR_COMPANY.search(question):
        return hits
    mine = [h for doc_id in own for h in knowledge.search(question, k=2, doc_id=doc_id)]
    return mine + [h for h in hits if h.unit.doc_id not in own]


def answer(question: str) -> Any:
    """A guideline question answered offline: look-up by number, or retrieval and the sentences
    that answer; every [n] verified against its unit."""
    import knowledge
    from knowledge.lookup import named_doc

    from .citations import verify
    from .models import Reply, ToolCall

    doc_id = named_doc(question)
    found = knowledge.search_result(question, k=SEARCH_K, doc_id=doc_id)
    hits = _own_documents_first(question, list(found.hits))
    tool = ToolCall(name="search", input={"query": question, "k": SEARCH_K, "doc_id": doc_id},
                    output={"ids": [h.unit.id for h in hits]})
    if found.reference.missing and not hits:
        return Reply(answer="\n".join(found.reference.missing), tool_calls=[tool])
    if not hits:
        return Reply(answer=NOT_COVERED, tool_calls=[tool], notice=found.notice)
    notes = {d.doc_id: d.completeness_note for d in knowledge.catalog() if not d.complete}
    if found.reference and (found.reference.only_reference or is_lookup(question)):
        draft = compose_lookup(hits[0].unit, notes.get(hits[0].unit.doc_id))
        draft.lines += [f"另：{m}" for m in found.reference.missing]
    elif is_listing(question):
        draft = compose_listing(question, hits, notes)
    else:
        case_hits = [h for h in hits if h.unit.kind == "case"] or knowledge.search(question, k=3, doc_id=doc_id, kind="case")
        draft = compose_answer(question, hits, case_hits, notes)
    if found.notice:
        draft.lines += ["", f"（{found.notice}）"]
    text, citations = verify(draft.text(), draft.citations, knowledge.get_unit)
    return Reply(answer=text, citations=citations, tool_calls=[tool], notice=found.notice)
