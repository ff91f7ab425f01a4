"""Retrieval quality on a question set (JSON lines).

In-scope questions `{"id", "question", "gold": [{"doc_id", "article"|"case"|"appendix"}]}`:
recall@1/3/5, MRR and how many were refused, for the fused search or one retriever alone.
Out-of-scope questions `{"id", "question", "kind"}`: the share refused, by kind.

Held-out files (a name containing "heldout") report aggregates only — never which questions
missed — so that nobody tunes on them by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .errors import KnowledgeError
from .models import Hit, Unit

MODES = ("fused", "rrf", "bm25", "vectors")  # full pipeline; raw fusion; each retriever alone


class Question(BaseModel):
    id: str
    question: str
    gold: list[dict[str, Any]] = []
    kind: str | None = None  # out-of-scope: off-topic | near-domain | injection
    tags: list[str] = []


class Scores(BaseModel):
    mode: str
    questions: int
    recall_at_1: float
    recall_at_3: float
    recall_at_5: float
    mrr: float
    refused: int  # in-scope questions that got no hits at all
    misses: list[str]  # ids of questions whose gold is not in the top 5 (empty for held-out sets)


class Refusals(BaseModel):
    questions: int
    refused: int
    refusal_rate: float
    by_kind: dict[str, float]  # kind → share refused
    answered: list[str]  # ids of questions that got hits (empty for held-out sets)


def read_questions(path: Path) -> list[Question]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [Question.model_validate_json(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"读不了评测文件 {path.name}：每行应为一个 JSON 对象（id、question，以及 gold 或 kind）。") from exc


def is_out_of_scope(questions: list[Question]) -> bool:
    return bool(questions) and all(q.kind and not q.gold for q in questions)


def is_held_out(path: Path) -> bool:
    return "heldout" in path.name.replace("-", "").replace("_", "")


def is_gold(unit: Unit, gold: list[dict[str, Any]]) -> bool:
    for g in gold:
        if g.get("doc_id") != unit.doc_id:
            continue
        if ("article" in g and unit.kind == "article" and unit.article == g["article"]) or (
            "case" in g and unit.kind == "case" and unit.case == g["case"]
        ) or ("appendix" in g and unit.kind == "appendix" and unit.id.endswith(f"/appendix-{g['appendix']}")):
            return True
    return False


def searcher(mode: str) -> Callable[[str], list[Hit]]:
    from . import index

    if mode == "fused":
        return lambda q: index.search(q, k=5)
    flags = {"rrf": (True, True), "bm25": (True, False), "vectors": (False, True)}[mode]
    return lambda q: index.ranked(index.get_index(), q, None, None, *flags, rerank=False)[0][:5]


def evaluate(questions: list[Question], mode: str = "fused", report_misses: bool = True) -> Scores:
    search = searcher(mode)
    at = {1: 0, 3: 0, 5: 0}
    reciprocal = 0.0
    misses = []
    refused = 0
    for q in questions:
        hits = search(q.question)
        refused += not hits
        ranks = [i for i, hit in enumerate(hits, 1) if is_gold(hit.unit, q.gold)]
        first = ranks[0] if ranks else None
        for n in at:
            at[n] += bool(first and first <= n)
        reciprocal += 1 / first if first else 0.0
        if not first:
            misses.append(q.id)
    n = len(questions) or 1
    return Scores(mode=mode, questions=len(questions), recall_at_1=at[1] / n, recall_at_3=at[3] / n,
                  recall_at_5=at[5] / n, mrr=reciprocal / n, refused=refused, misses=misses if report_misses else [])


def evaluate_refusals(questions: list[Question], report_answered: bool = True) -> Refusals:
    from . import index

    kinds: dict[str, list[bool]] = {}
    answered = []
    for q in questions:
        refused = not index.search(q.question, k=5)
        kinds.setdefault(q.kind or "?", []).append(refused)
        if not refused:
            answered.append(q.id)
    total = sum(len(v) for v in kinds.values()) or 1
    refused_count = sum(sum(v) for v in kinds.values())
    return Refusals(questions=len(questions), refused=refused_count, refusal_rate=refused_count / total,
                    by_kind={k: sum(v) / len(v) for k, v in sorted(kinds.items())},
                    answered=answered if report_answered else [])
