"""Hybrid retrieval: BM25 (jieba words + character bigrams, synonyms expanded) and vectors in
Chroma (through LangChain), fused by reciprocal rank, behind a gate that refuses questions the
sources do not cover. Look-ups by number (`lookup`) bypass the ranking entirely.

Storage, integrity and rebuilding live in `store`; the vector store and its fallback in
`vectors`; the refusal gate in `gate`.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np

from . import corpus, gate, store
from .errors import KnowledgeError
from .expansions import expansion_text
from .lookup import Reference, resolve
from .models import Hit, Unit
from .paths import index_dir
from .text import bigrams, expand, query_tokens
from .typos import by_shape as _by_shape
from .vectors import VectorStore

log = logging.getLogger("payguide.knowledge")

RRF_K = 60
CANDIDATES = 80  # units the keyword retriever contributes before fusion
VECTOR_CANDIDATES = 40  # passages the vector store returns (its cost grows with the number)
# How much the coverage of the question's words adds to the fused rank score (0–1 scale),
# and the bonus for cases when the question asks for an example ("有没有案例").
COVERAGE_WEIGHT = 0.2
CASE_BONUS = 0.1
# Clauses answer questions; cases illustrate them. A question that does not ask for an
# example prefers the clause when the two score alike.
CASE_PENALTY = 0.02
# 公司/集团 alone is how people name their own firm ("公司能不能…", "子公司", "我们集团"): only
# a company pointed at — that one, another, one letter-named (D公司) — is asking about a case.
_WANTS_CASE = re.compile(r"案例|例子|实例|示例|做法|经验|哪个企业|哪家企业|哪些企业|别的企业|其他企业|别家|"
                         r"怎么做的|怎么搞的|调整成了|改成了|某矿|供电所|"
                         r"(那个|那家|这家|哪家|有家|别的|其他|(?<![国所])有的?|[A-Z])[\u4e00-\u9fff]{0,4}(公司|集团|企业|厂|矿)|"
                         # what peers in the trade did (同行是怎么搞的, 同行有…), not their pay data
                         # (同行研发人员拿多少) or peer review (同行评价)
                         r"同行(?:是)?(?:怎么|搞|做|有|调整|改)")
KEY_RECHECK_SECONDS = 2.0
# "什么叫X / X是什么": the unit whose sentence begins with X (支持保障型企业一般不直接创造效益…) or
# says "X是指 / 所称X" defines it; a unit that only mentions X (对支持保障型企业…) does not.
DEFINITION_BONUS = 0.1
_ASKS_DEFINITION = re.compile(r"(?:什么叫|什么是|啥叫|啥是|何为|何谓|所谓)(?P<after>[^，,。？?！!\s]{2,16})|"
                              r"(?P<before>[^，,。？?！!\s]{2,16}?)(?:是指什么|是什么|是啥|指什么|什么意思|啥意思|指的是)")
_SENTENCE_START = r"(?:^|[。；;：:\n]|（[一二三四五六七八九十]+）|[0-9]+[.、])\s*"
# A question that names the people a guideline is about (科技人才, 研发人员 → 科技人才指引;
# 技术工人 → 技能人才指引), or the guideline itself by its short name or an alias (曲靖指引),
# prefers that guideline's units when scores are close.
SUBJECT_BONUS = 0.03
# A guideline's opening clause (为…，制定本指引) gives its purpose and basis, and quotes its own
# title: a question naming the guideline matches it without asking why or on what basis it
# was made. It answers only those.
PREAMBLE_PENALTY = 0.06
_PREAMBLE = re.compile(r"制定本指引")
_ASKS_BASIS = re.compile(r"依据|根据|为什么|为啥|目的|出台|哪些文件|上级文件|背景")
SUBJECT_MIN_COUNT = 20  # a title word the document writes at least this often …
SUBJECT_SHARE = 0.85  # … and with this share of the whole corpus's uses of it


class Index:
    """A built index, ready to search. Read-only once loaded: safe to share across threads."""

    def __init__(self, key: str, directory: Path):
        import bm25s

        from .embedding import LsaEmbeddings, configured_embeddings

        self.key = key
        self.directory = directory
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.passage_units: list[str] = [u for u, _ in meta["passages"]]
        texts: list[str] = [t for _, t in meta["passages"]]
        self.units = {u.id: u for u in corpus.load_units()}
        if set(self.passage_units) - set(self.units):
            raise ValueError("index refers to units that no longer exist")
        self.bm25 = bm25s.BM25.load(str(directory / "bm25"))
        if self.bm25.scores["num_docs"] != len(texts):
            raise ValueError("keyword index does not match its passages")
        self.df: dict[str, int] = {term: int(df) for term, df in meta["df"].items()}
        self.vocabulary: list[str] = list(meta["vocabulary"])
        self.n_passages = len(texts)
        choice = configured_embeddings()
        embeddings = choice[1] if choice and choice[1] is not None else LsaEmbeddings.load(directory / "lsa.npz")
        metadatas = [{"unit_id": uid, "doc_id": self.units[uid].doc_id, "kind": self.units[uid].kind} for uid in self.passage_units]
        self.vectors = VectorStore(key, directory, embeddings, texts, metadatas)
        self.vectors.open(strict=not _server())
        self.unit_order = {uid: i for i, uid in enumerate(self.units)}
        self.search_texts = {uid: f"{u.search_text()}\n{expansion_text(uid)}".lower() for uid, u in self.units.items()}
        # Each unit's passages (its paragraphs, and its expansion), for the coverage score.
        self.passage_texts: dict[str, list[str]] = {}
        for uid, text in zip(self.passage_units, texts, strict=True):
            self.passage_texts.setdefault(uid, []).append(text.lower())
        # What the corpus writes, for the typo reader and the gate: the guidelines' full text
        # (substring tests), and the words of every passage, imported documents included (a set:
        # a 10,000-section handbook must not make every search scan megabytes).
        base = {u.id for u in corpus.base_units()}
        self.corpus_text = "\n".join(t for uid, t in self.search_texts.items() if uid in base)
        self.vocabulary_set = frozenset(self.vocabulary)
        self.shapes = _by_shape(self.vocabulary)
        self.subjects = _subjects(self.search_texts, {uid: u.doc_id for uid, u in self.units.items()})
        self.document_names = {e.doc_id: tuple(n for n in (e.short_name, *e.aliases, *e.people) if n) for e in corpus.document_entries()}

    def writes(self, text: str) -> bool:
        """Whether the corpus writes `text` (anywhere in the guidelines, or as a word anywhere)."""
        return text in self.corpus_text or text in self.vocabulary_set

    # -- the three parts of a search --

    def bm25_ranking(self, query_toks: list[str], allowed: set[str] | None) -> list[str]:
        if not query_toks:  # only punctuation or emoji: no word to match (bm25s indexes [0] of the list)
            return []
        scores = self.bm25.get_scores(query_toks)
        top = np.argsort(-scores)[: CANDIDATES * 3]
        return _unique_units((self.passage_units[i] for i in top if scores[i] > 0), allowed, CANDIDATES)

    def vector_ranking(self, query: str, doc_id: str | None, kind: str | None) -> tuple[list[str] | None, str | None]:
        clauses: list[dict[str, Any]] = [{"doc_id": doc_id}] if doc_id else []
        clauses += [{"kind": kind}] if kind else []
        where = clauses[0] if len(clauses) == 1 else ({"$and": clauses} if clauses else None)
        found, notice = self.vectors.search(query, min(VECTOR_CANDIDATES, self.n_passages), where)
        return (None if found is None else _unique_units(found, None, CANDIDATES)), notice

    def coverage(self, own_words: list[str], unit_id: str) -> tuple[float, list[str]]:
        """Share of the question's idf mass found in the unit's best passage, and the words
        found there. One passage, not the whole unit: a long overview article (科技人才指引
        第八条, 内部指引第四条) names nearly every topic somewhere, but answers none of them in
        the same paragraph."""
        passages = self.passage_texts.get(unit_id) or [self.search_texts[unit_id]]
        return max((self._covered(own_words, text) for text in passages), key=lambda found: found[0])

    def _covered(self, own_words: list[str], text: str) -> tuple[float, list[str]]:
        if not own_words:
            return 0.0, []
        total = found = 0.0
        matched = []
        for word in dict.fromkeys(own_words):
            if len(word) < 2:
                continue  # single characters ('算', '发') say little about the topic
            weight = self.idf(word)
            total += weight
            if word in text or any(s in text for s in expand([word])[1:]):
                found += weight
                matched.append(word)
            elif len(word) > 2 and sum(b in text for b in bigrams(word)) >= len(word) - 1:
                found += weight * 0.5
        return (found / total if total else 0.0), matched

    def idf(self, word: str) -> float:
        """Capped so one rare or unknown word cannot outweigh the rest of the question."""
        df = max(self.df.get(word, 0), 2)
        return math.log((self.n_passages + 1) / (df + 0.5))


def _subjects(texts: dict[str, str], doc_of: dict[str, str]) -> dict[str, str]:
    """Title words that say which document a question is about: a word of a document's title
    that the document writes often and the others hardly ever (科技人才, 技能人才), from the
    corpus itself — not 薪酬 or 分配, which every title and document share."""
    from .text import words

    by_doc: dict[str, list[str]] = {}
    for uid, text in texts.items():
        by_doc.setdefault(doc_of[uid], []).append(text)
    joined = {doc: "\n".join(parts) for doc, parts in by_doc.items()}
    found: dict[str, str] = {}
    for entry in corpus.document_entries():
        if entry.doc_id not in joined:
            continue
        for word in dict.fromkeys(words(entry.title)):
            counts = {doc: text.count(word) for doc, text in joined.items()}
            total = sum(counts.values())
            own = counts[entry.doc_id]
            if len(word) >= 2 and own >= SUBJECT_MIN_COUNT and own >= SUBJECT_SHARE * total:
                found[word] = entry.doc_id
    return found


def _defined_term(query: str) -> list[str]:
    """The term a definition question asks about, longest reading first ("内部指引里的X" → X…)."""
    found = _ASKS_DEFINITION.search(query)
    if not found:
        return []
    if found.group("after"):
        term = found.group("after").rstrip("呢啊呀吗")
        return [term[:n] for n in range(len(term), 1, -1)]
    term = found.group("before")
    return [term[n:] for n in range(len(term) - 1)]


def _defines(text: str, terms: list[str]) -> bool:
    return any(t in text and (re.search(_SENTENCE_START + re.escape(t), text) or f"{t}是指" in text or f"所称{t}" in text)
               for t in terms if len(t) >= 3)


def _named_documents(query: str, index: Index) -> set[str]:
    """Documents the question names by their short name or an alias (曲靖指引, 科技人才指引, 内部分配指引)."""
    return {doc for doc, names in index.document_names.items() if any(name in query for name in names)}


def _unique_units(unit_ids: Any, allowed: set[str] | None, limit: int) -> list[str]:
    seen: dict[str, None] = {}
    for uid in unit_ids:
        if (allowed is None or uid in allowed) and uid not in seen:
            seen[uid] = None
            if len(seen) >= limit:
                break
    return list(seen)


def _server() -> bool:
    from .vectors import server_url

    return server_url() is not None


# ---- the current index ------------------------------------------------------------------------


@dataclass
class _Loaded:
    index: Index
    use: IO[bytes]  # the shared lock that keeps the folder from being cleaned while read


_swap = threading.Lock()  # guards the two globals below only; never held during a build
_current: _Loaded | None = None
_checked_at = 0.0


def _quiet(_: str) -> None:
    return None


def _load(key: str) -> _Loaded | None:
    """The index `key` if its folder is complete and loads; a damaged one is discarded."""
    directory = index_dir() / key
    if not store.is_complete(directory):
        return None
    use = store.use_lock(key)
    try:
        return _Loaded(Index(key, directory), use)
    except KnowledgeError:
        use.close()
        raise
    except Exception as exc:  # noqa: BLE001 - any damage (truncated json, bm25, npz, sqlite): rebuild
        use.close()
        log.info("index %s is damaged (%s); rebuilding", key, exc)
        with store.build_lock(key, wait=True):
            store.discard(directory)
        return None


def _install(loaded: _Loaded) -> Index:
    global _current, _checked_at
    with _swap:
        old, _current, _checked_at = _current, loaded, time.monotonic()
    if old is not None and old.index.key != loaded.index.key:
        old.index.vectors.release()
        old.use.close()
    return loaded.index


def get_index(progress: Callable[[str], None] = _quiet) -> Index:
    """The index for the current sources. While another process or thread builds a new one,
    the previous index answers; only a first-ever build makes a search wait."""
    global _checked_at
    current = _current
    if current is not None and time.monotonic() - _checked_at < KEY_RECHECK_SECONDS:
        return current.index
    key = store.index_key()
    if current is not None and current.index.key == key:
        _checked_at = time.monotonic()
        return current.index
    for _attempt in range(3):
        loaded = _load(key)
        if loaded is not None:
            return _install(loaded)
        if store.ensure_built(key, progress, wait=False):
            continue
        previous = _previous(key)
        if previous is not None:
            return previous
        store.ensure_built(key, progress, wait=True)
    raise KnowledgeError("检索索引无法建立或读取，请检查数据目录的磁盘空间和权限后重试。")


def _previous(key: str) -> Index | None:
    """An older index to answer with while `key` is being built elsewhere."""
    if _current is not None:
        return _current.index
    older = store.newest_complete(exclude=key)
    loaded = _load(older) if older else None
    return loaded.index if loaded else None


def refresh(progress: Callable[[str], None] = _quiet) -> Index:
    """Build (if needed) and switch to the index for the current sources now — after an
    import, or at start-up — while other threads keep searching the previous one."""
    global _checked_at
    _checked_at = 0.0
    store.ensure_built(store.index_key(), progress, wait=True)
    return get_index(progress)


def reset() -> None:
    """Forget the loaded index (tests that switch data folders)."""
    global _current
    with _swap:
        old, _current = _current, None
    if old is not None:
        old.index.vectors.release()
        old.use.close()


# ---- search -----------------------------------------------------------------------------------


@dataclass
class Results:
    hits: list[Hit]
    notice: str | None = None  # a Chinese note on how the search was degraded, if it was
    reference: Reference = field(default_factory=Reference)  # what the query named by number
    corrected: str | None = None  # the query as read after fixing homophone typos


def search_result(query: str, k: int = 5, doc_id: str | None = None, kind: str | None = None) -> Results:
    """Best units first; no hits when the sources do not cover the question, or when it names
    by number a unit that does not exist (then `reference.missing` says why)."""
    query = (query or "").strip()
    if not query:
        return Results([])
    if doc_id and doc_id not in {d.doc_id for d in corpus.document_entries()}:
        raise KnowledgeError(f"没有编号为“{doc_id}”的文档。可用 payguide sources 查看已有文档。")
    if gate.is_injection(query):
        return Results([])  # a request to ignore or rewrite the sources gets no clause to misuse
    reference = resolve(query, doc_id)
    if reference and not _is_reference(query, doc_id, reference):
        reference = Reference()  # 第一条消息, 第三条建议: an ordinal of something else
    if reference:
        hits = [Hit(unit=u, score=1.0, why="按条号/案例号直接查找") for u in reference.units if kind is None or u.kind == kind]
        return Results(hits[:k], reference=reference)
    index = get_index()
    from .typos import correct

    corrected = correct(query, index)
    hits, notice = ranked(index, corrected, doc_id, kind)
    return Results(hits[:k], notice=notice, reference=reference, corrected=corrected if corrected != query else None)


def _is_reference(query: str, doc_id: str | None, reference: Reference) -> bool:
    """Whether a number in the query names a unit. Beside a document's name, alone, or for a
    unit no document has, it does; otherwise ('第一条消息', '第三条路') only when the units it
    names explain the rest of the question, as the gate judges any ranked answer."""
    from .lookup import named_doc

    if doc_id or named_doc(query) or reference.only_reference or not reference.units:
        return True
    index = get_index()
    # a whole case is indexed as its parts (case-4 → case-4-1, case-4-2): the gate reads those
    ids = [uid for u in reference.units for uid in ([u.id] if u.id in index.search_texts
                                                     else [i for i in index.search_texts if i.startswith(u.id + "-")])]
    return not ids or gate.admits(query, ids[:3], index)


def search(query: str, k: int = 5, doc_id: str | None = None, kind: str | None = None) -> list[Hit]:
    return search_result(query, k, doc_id, kind).hits


def ranked(index: Index, query: str, doc_id: str | None, kind: str | None,
           use_bm25: bool = True, use_vectors: bool = True, rerank: bool = True,
           use_gate: bool = True, split: bool = True) -> tuple[list[Hit], str | None]:
    """Fused ranking behind the gate, and a notice when the vectors were unavailable. For the
    ablation in `evaluation`, either retriever can be switched off, and `rerank=False` gives
    the raw rank fusion (no gate, no coverage or kind priors); `use_gate=False` ranks without
    the gate (its calibration decides refusals itself)."""
    query_toks, own = query_tokens(query)
    allowed = None
    if doc_id or kind:
        allowed = {uid for uid, u in index.units.items() if (not doc_id or u.doc_id == doc_id) and (not kind or u.kind == kind)}
    rankings: dict[str, list[str]] = {}
    notice = None
    if use_bm25:
        rankings["BM25"] = index.bm25_ranking(query_toks, allowed)
    if use_vectors:
        found, notice = index.vector_ranking(query, doc_id, kind)
        if found is not None:
            rankings["向量"] = [u for u in found if allowed is None or u in allowed]
    fused: dict[str, float] = {}
    for ranking in rankings.values():
        for rank, uid in enumerate(ranking, 1):
            fused[uid] = fused.get(uid, 0.0) + 1.0 / (RRF_K + rank)
    order = sorted(fused, key=lambda uid: (-fused[uid], index.unit_order.get(uid, 0)))
    if not order:
        return [], notice
    if not rerank:
        return [Hit(unit=index.units[uid], score=round(fused[uid] / fused[order[0]], 4), why="") for uid in order], notice
    top = fused[order[0]]
    coverage = {uid: index.coverage(own, uid) for uid in order[:CANDIDATES]}
    if use_gate and not gate.admits(query, order[:3], index):
        hits, left = _answerable_part(index, query, doc_id, kind, split)
        if hits and left:
            asked = "”“".join(gate.ADDED_QUESTION.sub("", p.strip("，,。；;？?！! ")) for p in left)
            notice = "；".join(filter(None, [notice, f"问题中“{asked}”一问指引没有涉及，只检索了其余部分"]))
        return hits, notice
    wants_case = bool(_WANTS_CASE.search(query))
    named = {index.subjects[w] for w in expand(own) if w in index.subjects} | _named_documents(query, index)
    subject = next(iter(named)) if len(named) == 1 else None

    def kind_prior(unit: Unit) -> float:
        if unit.kind != "case":
            return 0.0
        return CASE_BONUS if wants_case else -CASE_PENALTY

    terms = _defined_term(query)
    basis = bool(_ASKS_BASIS.search(query))
    final = {uid: fused[uid] / top + COVERAGE_WEIGHT * coverage[uid][0] + kind_prior(index.units[uid])
             + (SUBJECT_BONUS if index.units[uid].doc_id == subject else 0.0)
             + (DEFINITION_BONUS if terms and _defines(index.units[uid].text, terms) else 0.0)
             - (PREAMBLE_PENALTY if not basis and _PREAMBLE.search(index.units[uid].text) else 0.0) for uid in coverage}
    hits = []
    best = max(final.values())
    for uid in sorted(final, key=lambda u: (-final[u], index.unit_order.get(u, 0))):
        share, matched = coverage[uid]
        places = "，".join(f"{name}第{r.index(uid) + 1}名" for name, r in rankings.items() if uid in r)
        why = f"匹配词：{'、'.join(matched) or '（无）'}；{places}；覆盖问题要点 {share:.0%}"
        hits.append(Hit(unit=index.units[uid], score=round(final[uid] / best, 4), why=why))
    return hits, notice


# How specific a part must be to stand alone: its content words' weights in general Chinese add
# up to at least one specific term's (职位等级 14, 技能津贴 14), not a common word's (发现 8).
MIN_PART_SPECIFICITY = 12.0


def _stands_alone(index: Index, part: str, doc_id: str | None, kind: str | None) -> bool:
    """A part answered apart from the rest must say enough on its own (发现金行不行 does not) and
    name nothing the guidelines never write (打到银行卡上吗 names 银行卡): the whole question was
    refused, and a part that is only less unexplained than the whole is no part in scope."""
    if sum(gate.general_idf(w) for w in gate.content_words(part, index)) < MIN_PART_SPECIFICITY:
        return False
    order = [h.unit.id for h in ranked(index, part, doc_id, kind, rerank=False)[0][:3]]
    return gate.features(part, order, index).foreign == 0


def _answerable_part(index: Index, query: str, doc_id: str | None, kind: str | None,
                     split: bool) -> tuple[list[Hit], list[str]]:
    """For a question that asks several things, one of them outside the guidelines (技能津贴
    发给谁？另外要不要交个税？): the hits for the parts the gate admits on their own, so the
    part the guidelines answer is answered, and the parts left out. No hits when no part is
    admitted."""
    parts = gate.question_parts(query) if split else []
    topic = None
    if split and len(parts) < 2:
        # a bare comma cuts only where the part outside names a labour, insurance or tax topic the
        # guidelines do not govern (…多长，徒弟试用期的工资又怎么算？): two clauses that only
        # turn one question over (打卡吗，发现金行不行) stay one
        order = [h.unit.id for h in ranked(index, query, doc_id, kind, rerank=False)[0][:3]]
        topic = gate.features(query, order, index).uncovered
        parts = gate.question_parts(query, by_comma=True) if topic else []
    if len(parts) < 2:
        return [], []
    # a clause after a bare comma goes on about what the clause before it named (试用期工资怎么算，
    # 能不能低于最低工资 asks about 试用期): only the clauses before the topic stand apart
    at = next((n for n, p in enumerate(parts) if topic in p.lower()), 0) if topic else len(parts)
    kept = [p for p in parts[:at] if _stands_alone(index, p, doc_id, kind) and ranked(index, p, doc_id, kind, split=False)[0]]
    if not kept:
        return [], []
    left = [p for p in parts if p not in kept]
    if left:
        hits = ranked(index, "".join(kept), doc_id, kind, split=False)[0]
        if hits:
            return hits, left
    return ranked(index, kept[0], doc_id, kind, split=False)[0], left


def prepare(progress: Callable[[str], None] = _quiet) -> Index:
    """At start-up (`payguide serve`): build or check the index, clean leftovers, and load
    everything a first question needs, so that it answers at once."""
    store.cleanup(keep=store.index_key())
    index = refresh(progress)
    progress("预热检索…")
    for warm in ("技能津帖一般发给谁？", "科技人才指引第三十四条", "产假期间工资怎么算？"):
        search_result(warm)
    progress("检索已就绪。")
    return index
