"""Choose the refusal gate's operating point on the dev sets (never the held-out ones).

For every dev question: its gate features (share explained, most specific foreign noun,
injection form). The operating point is the loosest gate that refuses no in-scope dev question
(with a margin), reported with the out-of-scope refusal rate it gives; write it to
knowledge/gate.yaml by hand after review.

    PYTHONPATH=. python benchmarks/calibrate_gate.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_IN = ("retrieval_questions_dev.jsonl", "retrieval_dev.jsonl")
DEV_OUT = ("retrieval_out_of_scope_dev.jsonl",)
MARGIN_SHARE = 0.02
MARGIN_FOREIGN = 0.3


def main() -> None:
    os.environ.setdefault("PAYGUIDE_HOME", tempfile.mkdtemp(prefix="payguide-calibrate-"))
    sys.path.insert(0, str(ROOT))
    from knowledge import gate, index
    from knowledge.evaluation import read_questions
    from knowledge.typos import correct

    ix = index.get_index()

    def feats(question: str) -> gate.Features:
        corrected = correct(question, ix)
        hits, _ = index.ranked(ix, corrected, None, None, rerank=False)
        return gate.features(corrected, [h.unit.id for h in hits[:3]], ix)

    inside = [feats(q.question) for name in DEV_IN for q in read_questions(ROOT / "tests/data" / name)]
    outside = [(q.kind, feats(q.question)) for name in DEV_OUT for q in read_questions(ROOT / "tests/data" / name)
               if "missing-article" not in q.tags]
    flagged = sum(f.injection for f in inside)
    kept = [f for f in inside if not f.injection]
    min_share = round(max(0.0, min(f.share for f in kept) - MARGIN_SHARE), 3)
    max_foreign = round(max(f.foreign for f in kept) + MARGIN_FOREIGN, 2)
    print(f"in-scope dev: {len(inside)} questions; injection patterns hit {flagged} (must be 0)")
    print(f"operating point: min_share {min_share}, max_foreign {max_foreign}")
    refused: dict[str, list[bool]] = {}
    for kind, f in outside:
        refused.setdefault(kind or "?", []).append(f.injection or f.share < min_share or f.foreign > max_foreign)
    total = sum(sum(v) for v in refused.values())
    print(f"out-of-scope dev refused: {total}/{len(outside)} = {total / len(outside):.1%}; "
          + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(refused.items())))


if __name__ == "__main__":
    main()
