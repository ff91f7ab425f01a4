"""Answering guideline questions offline: retrieved units → the sentences that answer → a
short answer whose every [n] quotes its unit verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from knowledge.numerals import int_to_cn

from .models import Citation
from knowledge.reader import arabic as normalise_numbers
from .text import char_bigrams, ranked_sentences, sentences

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


def answering_sentences(unit: Any, question: str, limit: int) -> list[str]:
    """The sentences of a unit that share most with the question, in reading order."""
    wanted = char_bigrams(question)
    ranked = ranked_sentences(unit.text, wanted)[:limit]
    if not ranked:
        first = sentences(unit.text)
        return first[:1]
    return [s for _, _, s in sorted(ranked, key=lambda t: t[1])]


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

    shown_cases = [h for h in case_hits if h.unit.id not in {c.id for c in draft.citations}][:1]
    if shown_cases:
        case = shown_cases[0].unit
        quote = answering_sentences(case, question, 1)[0]
        draft.lines += ["", f"相关案例：{unit_label(case)}：“{quote}”[{draft.cite(case, quote)}]"]

    _append_notes(draft, notes)
    return draft


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
