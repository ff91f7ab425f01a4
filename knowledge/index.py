"""Hybrid retrieval: BM25 (jieba words + character bigrams, synonyms expanded) and vectors in
Chroma (through LangChain), fused by reciprocal rank, behind a gate that refuses questions the
sources do not cover.

The index lives under `<data home>/index/<key>/`, where the key hashes everything it was
built from (sources, user documents, dictionary, synonyms, embedding choice, this module's
version); when any of it changes the next search builds a fresh index.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import corpus
from .catalog import load_catalog
from .errors import KnowledgeError
from .models import Hit, Unit
from .numerals import CN_NUMERAL, cn_to_int
from .paths import PACKAGE_DIR, index_dir
from .text import bigrams, mentions_domain, query_tokens, tokens

INDEX_VERSION = "3"
PASSAGE_CHARS = 220  # passages are about a paragraph: long articles cover many topics
RRF_K = 60
CANDIDATES = 80  # passages each retriever contributes before fusion
# A question is answered only if the best unit contains this share of the question's
# information (idf-weighted content words); below it the sources do not cover it.
COVERAGE_GATE = 0.5
STRONG_COVERAGE = 0.8
# How much the coverage of the question's words adds to the fused rank score (0–1 scale),
# and the bonus for cases when the question asks for an example ("有没有案例").
COVERAGE_WEIGHT = 0.5
CASE_BONUS = 0.5
# Clauses answer questions; cases illustrate them. A question that does not ask for an
# example prefers the clause when the two score alike.
CASE_PENALTY = 0.08
_WANTS_CASE = re.compile(r"案例|例子|实例|示例|做法|经验|哪个企业|哪家企业|怎么做的|调整成了|改成了")
KEY_RECHECK_SECONDS = 2.0


@dataclass(frozen=True)
class Passage:
    unit_id: str
    text: str


def passages_of(unit: Unit) -> list[Passage]:
    """The unit's paragraphs grouped to about PASSAGE_CHARS, each prefixed by its headings."""
    prefix = " ".join((*unit.breadcrumb, unit.heading))
    groups: list[str] = []
    for line in unit.text.splitlines():
        if groups and len(groups[-1]) + len(line) <= PASSAGE_CHARS:
            groups[-1] += "\n" + line
        else:
            groups.append(line)
    return [Passage(unit.id, f"{prefix}\n{group}") for group in groups or [""]]


# ---- building and loading -------------------------------------------------------------------


def _embedding_choice():
    from .embedding import configured_embeddings

    return configured_embeddings()


def index_key() -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(corpus.base_fingerprint().encode())
    digest.update(corpus.user_fingerprint().encode())
    for name in ("domain_dict.txt", "synonyms.yaml"):
        digest.update((PACKAGE_DIR / name).read_bytes())
    digest.update(os.environ.get("PAYGUIDE_EMBED_MODEL_DIR", "").encode())
    digest.update((os.environ.get("PAYGUIDE_EMBED_BASE_URL", "") + os.environ.get("PAYGUIDE_EMBED_MODEL", "")).encode())
    return digest.hexdigest()[:20]


def _chroma_client(path: Path):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    url = os.environ.get("PAYGUIDE_CHROMA_URL")
    if url:
        match = re.match(r"^(https?)://([^:/]+)(?::(\d+))?", url)
        if not match:
            raise KnowledgeError(f"PAYGUIDE_CHROMA_URL 格式不对：{url}（应为 http://主机:端口）")
        return chromadb.HttpClient(host=match.group(2), port=int(match.group(3) or 8000), ssl=match.group(1) == "https", settings=settings)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _collection_name(key: str) -> str:
    return f"payguide_{key}"


class Index:
    """A built index, ready to search. Read-only once loaded: safe to share across threads."""

    def __init__(self, key: str, directory: Path):
        import bm25s
        from langchain_chroma import Chroma

        from .embedding import LsaEmbeddings

        self.key = key
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.passages = [Passage(u, t) for u, t in meta["passages"]]
        self.units = {u.id: u for u in corpus.load_units()}
        self.passage_units = [p.unit_id for p in self.passages]
        self.bm25 = bm25s.BM25.load(str(directory / "bm25"))
        self.df = {term: int(df) for term, df in meta["df"].items()}
        self.n_passages = len(self.passages)
        choice = _embedding_choice()
        self.embeddings = choice[1] if choice else LsaEmbeddings.load(directory / "lsa.npz")
        self.store = Chroma(collection_name=_collection_name(key), embedding_function=self.embeddings,
                            client=_chroma_client(directory / "chroma"), collection_metadata={"hnsw:space": "cosine"})
        self.unit_order = {uid: i for i, uid in enumerate(self.units)}
        self.search_texts = {uid: u.search_text().lower() for uid, u in self.units.items()}

    # -- the three parts of a search --

    def bm25_ranking(self, query_toks: list[str], allowed: set[str] | None) -> list[str]:
        scores = self.bm25.get_scores(query_toks)
        top = np.argsort(-scores)[: CANDIDATES * 3]
        return _unique_units((self.passage_units[i] for i in top if scores[i] > 0), allowed, CANDIDATES)

    def vector_ranking(self, query: str, allowed_docs: str | None, kind: str | None) -> list[str]:
        where: dict[str, Any] | None = None
        clauses = [{"doc_id": allowed_docs}] if allowed_docs else []
        clauses += [{"kind": kind}] if kind else []
        if len(clauses) == 1:
            where = clauses[0]
        elif clauses:
            where = {"$and": clauses}
        k = min(CANDIDATES, self.n_passages)
        docs = self.store.similarity_search_with_score(query, k=k, filter=where)
        return _unique_units((d.metadata["unit_id"] for d, _ in docs), None, CANDIDATES)

    def coverage(self, own_words: list[str], unit_id: str) -> tuple[float, list[str]]:
        """Share of the question's idf mass found in the unit, and the words found."""
        if not own_words:
            return 0.0, []
        from .text import expand

        text = self.search_texts[unit_id]
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


def _unique_units(unit_ids, allowed: set[str] | None, limit: int) -> list[str]:
    seen: dict[str, None] = {}
    for uid in unit_ids:
        if (allowed is None or uid in allowed) and uid not in seen:
            seen[uid] = None
            if len(seen) >= limit:
                break
    return list(seen)


def build_index(key: str) -> Path:
    """Build into a temporary directory, then move it into place (a crash leaves no half index)."""
    import bm25s

    from .embedding import LsaEmbeddings

    root = index_dir()
    final = root / key
    tmp = root / f".building-{key}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        units = corpus.load_units()
        passages = [p for u in units for p in passages_of(u)]
        tokenized = [tokens(p.text) for p in passages]
        retriever = bm25s.BM25()
        retriever.index(tokenized, show_progress=False)
        retriever.save(str(tmp / "bm25"))
        df: dict[str, int] = {}
        for toks in tokenized:
            for term in set(toks):
                if not term.startswith("#"):
                    df[term] = df.get(term, 0) + 1
        choice = _embedding_choice()
        if choice:
            embeddings = choice[1]
        else:
            base_ids = {u.id for u in corpus.base_units()}
            embeddings = LsaEmbeddings.fit([p.text for p in passages if p.unit_id in base_ids])
            embeddings.save(tmp / "lsa.npz")
        vectors = embeddings.embed_documents([p.text for p in passages])
        by_id = {u.id: u for u in units}
        client = _chroma_client(tmp / "chroma")
        name = _collection_name(key)
        if os.environ.get("PAYGUIDE_CHROMA_URL"):
            for existing in client.list_collections():
                existing_name = getattr(existing, "name", existing)
                if str(existing_name).startswith("payguide_"):
                    client.delete_collection(str(existing_name))
        collection = client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})
        batch = 4000
        for start in range(0, len(passages), batch):
            part = passages[start : start + batch]
            collection.add(
                ids=[f"{p.unit_id}#{start + i}" for i, p in enumerate(part)],
                embeddings=vectors[start : start + batch],
                documents=[p.text for p in part],
                metadatas=[{"unit_id": p.unit_id, "doc_id": by_id[p.unit_id].doc_id, "kind": by_id[p.unit_id].kind} for p in part],
            )
        del collection, client
        (tmp / "meta.json").write_text(json.dumps({"passages": [[p.unit_id, p.text] for p in passages], "df": df}, ensure_ascii=False), encoding="utf-8")
        if final.exists():
            shutil.rmtree(final)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for stale in root.iterdir():  # older indexes are never read again
        if stale.is_dir() and stale.name != key and not stale.name.startswith(".building-"):
            shutil.rmtree(stale, ignore_errors=True)
    return final


_lock = threading.Lock()
_current: Index | None = None
_checked_at = 0.0


def get_index() -> Index:
    """The index for the current sources, built on first use or when they changed."""
    global _current, _checked_at
    now = time.monotonic()
    if _current is not None and now - _checked_at < KEY_RECHECK_SECONDS:
        return _current
    with _lock:
        key = index_key()
        if _current is None or _current.key != key:
            directory = index_dir() / key
            if not (directory / "meta.json").exists():
                build_index(key)
            _current = Index(key, directory)
        _checked_at = time.monotonic()
        return _current


def reset() -> None:
    """Forget the loaded index (after ingestion, so the next search sees the change)."""
    global _current
    with _lock:
        _current = None


# ---- search ---------------------------------------------------------------------------------

_ARTICLE_REF = re.compile(rf"第\s*(\d+|{CN_NUMERAL})\s*条")
_CASE_REF = re.compile(rf"案例\s*(\d+|{CN_NUMERAL})")
_APPENDIX_REF = re.compile(r"附件\s*(\d+)")
_REF_ONLY = re.compile(rf"^\W*(?:.{{0,16}}?)?(?:第\s*(?:\d+|{CN_NUMERAL})\s*条|案例\s*(?:\d+|{CN_NUMERAL})|附件\s*\d+)\W*"
                       r"(?:说了什么|讲了什么|是什么|的内容|内容|原文|怎么说|规定了什么)?\W*$")


def named_doc(query: str) -> str | None:
    """The guideline a query names ('科技人才指引第40条' → soe_tech)."""
    best = None
    for doc in corpus.document_entries():
        for name in (doc.title, doc.short_name, *doc.aliases):
            if name and name in query and (best is None or len(name) > best[1]):
                best = (doc.doc_id, len(name))
    return best[0] if best else None


def lookup(query: str, doc_id: str | None = None) -> list[Unit]:
    """Units a query names by number: '第三十四条', '科技人才指引第40条', '案例2', '附件1'."""
    doc_id = doc_id or named_doc(query)
    units = corpus.load_units(doc_id)
    found: list[Unit] = []
    for match in _ARTICLE_REF.finditer(query):
        number = cn_to_int(match.group(1))
        found += [u for u in units if u.kind == "article" and u.article == number]
    for match in _CASE_REF.finditer(query):
        number = cn_to_int(match.group(1))
        docs = dict.fromkeys(u.doc_id for u in units if u.kind == "case" and u.case == number)
        found += [corpus.get_unit(f"{d}/case-{number}") for d in docs]
    for match in _APPENDIX_REF.finditer(query):
        found += [u for u in units if u.kind == "appendix" and u.id.endswith(f"/appendix-{match.group(1)}")]
    return [u for u in dict.fromkeys(found) if u is not None]


def search(query: str, k: int = 5, doc_id: str | None = None, kind: str | None = None) -> list[Hit]:
    """Best units first; an empty list when the sources do not cover the question."""
    query = (query or "").strip()
    if not query:
        return []
    if doc_id and doc_id not in {d.doc_id for d in corpus.document_entries()}:
        raise KnowledgeError(f"没有编号为“{doc_id}”的文档。可用 payguide sources 查看已有文档。")
    direct = [u for u in lookup(query, doc_id) if kind is None or u.kind == kind]
    hits = [Hit(unit=u, score=1.0, why="按条号/案例号直接查找") for u in direct]
    if direct and _REF_ONLY.match(query):
        return hits[:k]
    index = get_index()
    hits += [h for h in ranked(index, query, doc_id, kind) if h.unit.id not in {u.id for u in direct}]
    return hits[:k]


def ranked(index: Index, query: str, doc_id: str | None, kind: str | None,
           use_bm25: bool = True, use_vectors: bool = True, rerank: bool = True) -> list[Hit]:
    """Fused ranking behind the coverage gate. For the ablation in `evaluation`, either
    retriever can be switched off, and `rerank=False` gives the raw rank fusion (no gate,
    no coverage or kind priors)."""
    query_toks, own = query_tokens(query)
    allowed = None
    if doc_id or kind:
        allowed = {uid for uid, u in index.units.items() if (not doc_id or u.doc_id == doc_id) and (not kind or u.kind == kind)}
    rankings: dict[str, list[str]] = {}
    if use_bm25:
        rankings["BM25"] = index.bm25_ranking(query_toks, allowed)
    if use_vectors:
        rankings["向量"] = [u for u in index.vector_ranking(query, doc_id, kind) if allowed is None or u in allowed]
    fused: dict[str, float] = {}
    for ranking in rankings.values():
        for rank, uid in enumerate(ranking, 1):
            fused[uid] = fused.get(uid, 0.0) + 1.0 / (RRF_K + rank)
    order = sorted(fused, key=lambda uid: (-fused[uid], index.unit_order.get(uid, 0)))
    if not order:
        return []
    if not rerank:
        return [Hit(unit=index.units[uid], score=round(fused[uid] / fused[order[0]], 4), why="") for uid in order]
    top = fused[order[0]]
    coverage = {uid: index.coverage(own, uid) for uid in order[:CANDIDATES]}
    best_share = max(share for share, _ in coverage.values())
    # Off-topic questions can share a word with the corpus ("股票行情"): unless the match is
    # near complete, the question must also be about pay at all.
    if best_share < COVERAGE_GATE or (best_share < STRONG_COVERAGE and not mentions_domain(query)):
        return []
    wants_case = bool(_WANTS_CASE.search(query))
    def kind_prior(unit: Unit) -> float:
        if unit.kind != "case":
            return 0.0
        return CASE_BONUS if wants_case else -CASE_PENALTY

    final = {uid: fused[uid] / top + COVERAGE_WEIGHT * coverage[uid][0] + kind_prior(index.units[uid]) for uid in coverage}
    hits = []
    best = max(final.values())
    for uid in sorted(final, key=lambda u: (-final[u], index.unit_order.get(u, 0))):
        share, matched = coverage[uid]
        places = "，".join(f"{name}第{r.index(uid) + 1}名" for name, r in rankings.items() if uid in r)
        why = f"匹配词：{'、'.join(matched) or '（无）'}；{places}；覆盖问题要点 {share:.0%}"
        hits.append(Hit(unit=index.units[uid], score=round(final[uid] / best, 4), why=why))
    return hits
