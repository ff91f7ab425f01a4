"""Retrieval quality on a question set (JSON lines: {"id", "question", "gold": [{"doc_id",
"article"|"case"}]}): recall@1/3/5 and MRR, for the fused search or one retriever alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from .errors import KnowledgeError
from .models import Hit, Unit

MODES = ("fused", "rrf", "bm25", "vectors")  # full pipeline; raw fusion; each retriever alone


class Question(BaseModel):
    id: str
    question: str
    gold: list[dict]


class Scores(BaseModel):
    mode: str
    questions: int
    recall_at_1: float
    recall_at_3: float
    recall_at_5: float
    mrr: float
    misses: list[str]  # ids of questions whose gold is not in the top 5


def read_questions(path: Path) -> list[Question]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [Question.model_validate_json(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"读不了评测文件 {path.name}：每行应为一个 JSON 对象（id、question、gold）。") from exc


def is_gold(unit: Unit, gold: list[dict]) -> bool:
    for g in gold:
        if g.get("doc_id") == unit.doc_id and (
            ("article" in g and unit.article == g["article"]) or ("case" in g and unit.case == g["case"])
        ):
            return True
    return False


def searcher(mode: str) -> Callable[[str], list[Hit]]:
    from . import index

    if mode == "fused":
        return lambda q: index.search(q, k=5)
    flags = {"rrf": (True, True), "bm25": (True, False), "vectors": (False, True)}[mode]
    return lambda q: index.ranked(index.get_index(), q, None, None, *flags, rerank=False)[0][:5]


def evaluate(questions: list[Question], mode: str = "fused") -> Scores:
    search = searcher(mode)
    at = {1: 0, 3: 0, 5: 0}
    reciprocal = 0.0
    misses = []
    for q in questions:
        ranks = [i for i, hit in enumerate(search(q.question), 1) if is_gold(hit.unit, q.gold)]
        first = ranks[0] if ranks else None
        for n in at:
            at[n] += bool(first and first <= n)
        reciprocal += 1 / first if first else 0.0
        if not first:
            misses.append(q.id)
    n = len(questions) or 1
    return Scores(mode=mode, questions=len(questions), recall_at_1=at[1] / n, recall_at_3=at[3] / n,
                  recall_at_5=at[5] / n, mrr=reciprocal / n, misses=misses)
