"""Choose the refusal gate's operating point on the dev sets (never the held-out ones), and
say by 5-fold cross-validation how it does on dev questions it was not chosen on.

For every dev question: its gate features (share explained, most specific foreign noun,
injection form, uncovered topic). `knowledge.gate.choose_point` picks the point of least cost
(an in-scope question refused costs `FALSE_REFUSAL_COST` out-of-scope ones answered), the
loosest of equal ones. The expansions file was written with the dev questions in view, so every
dev word is "written" by the corpus; the in-scope side's foreign nouns are therefore read with
the expansions hidden — how an unseen asker's words look to the gate.

Cross-validation: the dev questions are split into 5 folds; the point is chosen on four and
measured on the fifth (R@1/R@3, in-scope refused, out-of-scope refused by kind), summed over
the folds. Write the printed point into knowledge/gate.yaml after review.

    PYTHONPATH=. python benchmarks/calibrate_gate.py
"""

from __future__ import annotations

import copy
import os
import random
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV_IN = ("retrieval_questions_dev.jsonl", "retrieval_questions_dev2.jsonl", "retrieval_dev.jsonl")
DEV_OUT = ("retrieval_out_of_scope_dev.jsonl", "retrieval_out_of_scope_dev2.jsonl")
FOLDS = 5


@dataclass
class Row:
    kind: str | None  # None in scope; else the out-of-scope kind
    features: Any  # gate.Features
    gold_rank: int | None  # rank of the first gold unit without the gate (in scope)


def _bare(ix: Any) -> Any:
    """The index as the gate sees it without the expansions file."""
    from knowledge.text import vocabulary

    bare = copy.copy(ix)
    bare.search_texts = {uid: u.search_text().lower() for uid, u in ix.units.items()}
    bare.corpus_text = "\n".join(bare.search_texts.values())
    bare.vocabulary_set = frozenset(vocabulary(list(bare.search_texts.values())))
    return bare


def rows() -> list[Row]:
    from knowledge import gate, index
    from knowledge.evaluation import is_gold, read_questions
    from knowledge.lookup import resolve
    from knowledge.typos import correct

    ix = index.get_index()
    bare = _bare(ix)
    out = []
    for names, inside in ((DEV_IN, True), (DEV_OUT, False)):
        for q in (q for name in names for q in read_questions(ROOT / "tests/data" / name)):
            if resolve(q.question, None) or "missing-article" in q.tags:
                continue  # look-ups by number never reach the gate
            corrected = correct(q.question, ix)
            top = [h.unit.id for h in index.ranked(ix, corrected, None, None, rerank=False)[0][:3]]
            found = replace(gate.features(corrected, top, ix), injection=gate.is_injection(q.question))
            rank = None
            if inside:
                found.foreign = max(found.foreign, gate.features(corrected, top, bare).foreign)
                hits = index.ranked(ix, corrected, None, None, use_gate=False)[0]
                rank = next((i for i, h in enumerate(hits[:5], 1) if is_gold(h.unit, q.gold)), None)
            out.append(Row(None if inside else (q.kind or "?"), found, rank))
    return out


def measure(point: Any, test: list[Row]) -> dict[str, Any]:
    from knowledge import gate

    inside = [r for r in test if r.kind is None]
    admitted = [r for r in inside if gate.refuses(r.features, point) is None]
    kinds: dict[str, list[bool]] = {}
    for r in test:
        if r.kind is not None:
            kinds.setdefault(r.kind, []).append(gate.refuses(r.features, point) is not None)
    return {"n": len(inside), "refused": len(inside) - len(admitted),
            "r1": sum(r.gold_rank == 1 for r in admitted), "r3": sum(bool(r.gold_rank and r.gold_rank <= 3) for r in admitted),
            "kinds": kinds}


def main() -> None:
    os.environ.setdefault("PAYGUIDE_HOME", tempfile.mkdtemp(prefix="payguide-calibrate-"))
    sys.path.insert(0, str(ROOT))
    from knowledge import gate

    data = rows()
    base = gate.settings()

    def choose(train: list[Row]) -> Any:
        return gate.choose_point([r.features for r in train if r.kind is None],
                                 [r.features for r in train if r.kind is not None], base)

    point = choose(data)
    whole = measure(point, data)
    shuffled = data[:]
    random.Random(0).shuffle(shuffled)
    total: dict[str, Any] = {"n": 0, "refused": 0, "r1": 0, "r3": 0, "kinds": {}}
    for fold in range(FOLDS):
        test = shuffled[fold::FOLDS]
        train = [r for i, r in enumerate(shuffled) if i % FOLDS != fold]
        got = measure(choose(train), test)
        for key in ("n", "refused", "r1", "r3"):
            total[key] += got[key]
        for kind, refused in got["kinds"].items():
            total["kinds"].setdefault(kind, []).extend(refused)

    def line(m: dict[str, Any]) -> str:
        out = [r for v in m["kinds"].values() for r in v]
        kinds = ", ".join(f"{k} {sum(v) / len(v):.1%}" for k, v in sorted(m["kinds"].items()))
        return (f"in scope {m['n']}: R@1 {m['r1'] / m['n']:.3f}, R@3 {m['r3'] / m['n']:.3f}, refused {m['refused']}; "
                f"out of scope {len(out)} refused {sum(out) / len(out):.1%} ({kinds})")

    print(f"operating point: min_share {point.min_share}, max_foreign {point.max_foreign}, "
          f"foreign_below_share {point.foreign_below_share}")
    print(f"dev, chosen on all of it:   {line(whole)}")
    print(f"dev, {FOLDS}-fold cross-validated: {line(total)}")


if __name__ == "__main__":
    main()
