"""Choose the refusal gate's operating point on the dev sets (never the held-out ones).

For every dev question: its gate features (share explained, most specific foreign noun,
injection form, uncovered topic). The in-scope questions bound each threshold (none of them may
be refused); within that bound the threshold is placed as far from the in-scope questions as
possible without refusing fewer out-of-scope ones — the widest margin for unseen questions.
Write the printed values into knowledge/gate.yaml after review.

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
        found = gate.features(corrected, [h.unit.id for h in hits[:3]], ix)
        found.injection = gate.is_injection(question)
        return found

    inside = [feats(q.question) for name in DEV_IN for q in read_questions(ROOT / "tests/data" / name)]
    outside = [(q.kind or "?", feats(q.question)) for name in DEV_OUT for q in read_questions(ROOT / "tests/data" / name)
               if "missing-article" not in q.tags]
    listed = sum(f.injection or f.uncovered is not None for f in inside)
    print(f"in-scope dev: {len(inside)} questions; refused by the reviewed lists: {listed} (must be 0)")
    share_bound = min(f.share for f in inside)
    foreign_bound = max(f.foreign for f in inside)
    rest = [f for _, f in outside if not (f.injection or f.uncovered)]
    # the loosest thresholds that refuse exactly as many of the rest as the in-scope bounds do
    below = [f.share for f in rest if f.share < share_bound]
    min_share = round((share_bound + max(below)) / 2, 3) if below else round(share_bound - 0.02, 3)
    above = [f.foreign for f in rest if f.foreign > foreign_bound and f.share >= min_share]
    max_foreign = round((foreign_bound + min(above)) / 2, 2) if above else round(foreign_bound + 0.3, 2)
    # a foreign noun refuses only questions explained no better than the out-of-scope ones it catches
    caught = [f.share for f in rest if f.share >= min_share and f.foreign > max_foreign]
    foreign_below = round((max(caught) + 1.0) / 2, 3) if caught else 0.0
    print(f"operating point: min_share {min_share} (in-scope min {share_bound:.3f}), "
          f"max_foreign {max_foreign} (in-scope max {foreign_bound:.2f}), foreign_below_share {foreign_below}")
    point = gate.Settings(min_share, max_foreign, foreign_below, (), ())
    refused: dict[str, list[bool]] = {}
    for kind, f in outside:
        refused.setdefault(kind, []).append(gate.refuses(f, point) is not None)
    total = sum(sum(v) for v in refused.values())
    print(f"out-of-scope dev refused: {total}/{len(outside)} = {total / len(outside):.1%}; "
          + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(refused.items())))


if __name__ == "__main__":
    main()
