"""Look-up by number: '科技人才指引第四十五条', '第45条', '曲靖指引案例2', '附件1'.

A query that names a unit by number gets exactly that unit of the named document — or
nothing, with a plain reason, when the document has no such unit. Never a neighbour, never
another document's unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import corpus
from .catalog import DocumentEntry
from .models import Unit
from .numerals import ANY_NUMERAL, cn_to_int, int_to_cn

_ARTICLE = re.compile(rf"(第)?\s*({ANY_NUMERAL})\s*条")
# A bare numeral after a determiner asks or points ("出自哪一条", "这一条", "每一条"): no number.
_DETERMINER = "哪这那每同另任某"
_CASE = re.compile(rf"案例\s*({ANY_NUMERAL})")
_APPENDIX = re.compile(rf"附件\s*({ANY_NUMERAL})")
# A query that is nothing but a reference ("…第八条说了什么"): no ranked search after it.
_ASKS_FOR_TEXT = re.compile(r"(?:说了什么|讲了什么|是什么|的内容|内容|原文|全文|怎么说|规定了什么|写了什么|讲的啥|说的啥)?[\W_]*$")


def normalise(query: str) -> str:
    """Full-width digits and letters as ASCII (第４５条 → 第45条)."""
    return unicodedata.normalize("NFKC", query)


@dataclass
class Reference:
    """What a query asked for by number, what exists, and why the rest does not."""

    asked: list[str] = field(default_factory=list)  # '第四十五条', '案例2'
    units: list[Unit] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # a Chinese sentence per unit not found
    only_reference: bool = False  # the query asks for nothing but these units

    def __bool__(self) -> bool:
        return bool(self.asked)


def _names(doc: DocumentEntry) -> tuple[str, ...]:
    return tuple(n for n in (doc.title, doc.short_name, *doc.aliases) if n)


def named_doc(query: str) -> str | None:
    """The document a query names by title, short name or alias (the longest match wins)."""
    best: tuple[str, int] | None = None
    for doc in corpus.document_entries():
        for name in _names(doc):
            if name in query and (best is None or len(name) > best[1]):
                best = (doc.doc_id, len(name))
    return best[0] if best else None


def _strip_doc_names(query: str) -> str:
    for doc in corpus.document_entries():
        for name in sorted(_names(doc), key=len, reverse=True):
            query = query.replace(name, " ")
    return query


def _number(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def _article_refs(query: str, doc_named: bool) -> list[int]:
    """Article numbers; a bare '四十五条' (no 第) counts only beside a document's name or alone."""
    numbers = []
    for match in _ARTICLE.finditer(query):
        before = query[: match.start()].rstrip()
        if not match.group(1) and (before.endswith(tuple(_DETERMINER)) or (not doc_named and before.strip("《》 ，,、"))):
            continue
        number = _number(match.group(2))
        if number is not None:
            numbers.append(number)
    return numbers


def _doc_label(doc_id: str) -> str:
    for doc in corpus.document_entries():
        if doc.doc_id == doc_id:
            return f"《{doc.title}》"
    return "指引"


def _absent_article(number: int, doc_id: str | None) -> str:
    label = f"第{int_to_cn(number)}条"
    if doc_id is None:
        return f"已收录的文档中都没有{label}。"
    entry = next(d for d in corpus.document_entries() if d.doc_id == doc_id)
    articles = [u.article for u in corpus.load_units(doc_id) if u.kind == "article" and u.article]
    if not entry.complete:
        last = max(articles) if articles else 0
        return (f"本库所收{_doc_label(doc_id)}是节选，止于第{int_to_cn(last)}条中间，{label}不在其中，"
                "无法据此回答。")
    if articles:
        return f"{_doc_label(doc_id)}共{int_to_cn(max(articles))}条，没有{label}。"
    return f"{_doc_label(doc_id)}不按条编排，没有{label}。"


def resolve(query: str, doc_id: str | None = None) -> Reference:
    """The units a query names by number, within `doc_id` or the document the query names."""
    query = normalise(query)
    doc_id = doc_id or named_doc(query)
    rest = _strip_doc_names(query)
    units = corpus.load_units(doc_id)
    ref = Reference()
    for number in _article_refs(rest, doc_id is not None):
        ref.asked.append(f"第{int_to_cn(number)}条")
        found = [u for u in units if u.kind == "article" and u.article == number]
        ref.units += found
        if not found:
            ref.missing.append(_absent_article(number, doc_id))
    for match in _CASE.finditer(rest):
        case = _number(match.group(1))
        if case is None:
            continue
        ref.asked.append(f"案例{case}")
        docs = dict.fromkeys(u.doc_id for u in units if u.kind == "case" and u.case == case)
        found_cases = [corpus.get_unit(f"{d}/case-{case}") for d in docs]
        ref.units += [u for u in found_cases if u is not None]
        if not docs:
            where = _doc_label(doc_id) if doc_id else "已收录的文档"
            ref.missing.append(f"{where}中没有案例{case}。")
    for match in _APPENDIX.finditer(rest):
        appendix = _number(match.group(1))
        if appendix is None:
            continue
        ref.asked.append(f"附件{appendix}")
        found = [u for u in units if u.kind == "appendix" and u.id.endswith(f"/appendix-{appendix}")]
        ref.units += found
        if not found:
            where = _doc_label(doc_id) if doc_id else "已收录的文档"
            ref.missing.append(f"{where}中没有附件{appendix}。")
    ref.units = list(dict.fromkeys(ref.units))
    if ref:
        leftover = _ARTICLE.sub(" ", _CASE.sub(" ", _APPENDIX.sub(" ", rest)))
        ref.only_reference = bool(_ASKS_FOR_TEXT.fullmatch(re.sub(r"[\s的和与及、，,《》]+", "", leftover)))
    return ref
