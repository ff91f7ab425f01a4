"""Check the retrieval question sets: every line parses, ids are unique across files, every gold unit
exists in the knowledge base, no question repeats another set's question (exactly or nearly).

    PYTHONPATH=. PAYGUIDE_HOME=/tmp/pg python tests/data/validate_retrieval_data.py [--stats]

Not a pytest module (no test_ prefix); run it after editing the data files.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).parent
IN_SCOPE = ["retrieval_questions_dev.jsonl", "retrieval_questions_dev2.jsonl", "retrieval_questions_dev3.jsonl", "retrieval_questions_dev4.jsonl",
            "retrieval_questions_dev5.jsonl", "retrieval_questions_dev6.jsonl", "retrieval_questions_dev7.jsonl",
            "retrieval_questions_heldout.jsonl"]
OUT_OF_SCOPE = ["retrieval_out_of_scope_dev.jsonl", "retrieval_out_of_scope_dev2.jsonl", "retrieval_out_of_scope_dev3.jsonl", "retrieval_out_of_scope_dev4.jsonl",
                "retrieval_out_of_scope_dev5.jsonl", "retrieval_out_of_scope_dev6.jsonl", "retrieval_out_of_scope_dev7.jsonl",
                "retrieval_out_of_scope_heldout.jsonl"]
OLDER = ["retrieval_dev.jsonl", "retrieval_heldout.jsonl"]
KINDS = {"off-topic", "near-domain", "injection"}
NEAR = 0.85  # SequenceMatcher ratio above which two questions count as copies


def read(name: str) -> list[dict]:
    rows = []
    for n, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise SystemExit(f"{name}:{n}: not JSON ({exc})") from None
    return rows


def unit_id(g: dict) -> str:
    for key, label in (("article", "art"), ("case", "case"), ("appendix", "appendix")):
        if key in g:
            return f"{g['doc_id']}/{label}-{g[key]}"
    raise ValueError(g)


def main() -> int:
    import knowledge

    errors: list[str] = []
    sets = {name: read(name) for name in IN_SCOPE + OUT_OF_SCOPE + OLDER if (HERE / name).exists()}
    ids = Counter(r["id"] for name in IN_SCOPE + OUT_OF_SCOPE for r in sets.get(name, []))
    errors += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    for name in IN_SCOPE:
        for r in sets.get(name, []):
            if not r.get("question") or not r.get("gold") or not isinstance(r.get("tags"), list):
                errors.append(f"{name} {r.get('id')}: needs question, gold, tags")
            for g in r.get("gold", []):
                if knowledge.get_unit(unit_id(g)) is None:
                    errors.append(f"{name} {r['id']}: no unit {unit_id(g)}")
    for name in OUT_OF_SCOPE:
        for r in sets.get(name, []):
            if r.get("kind") not in KINDS or not r.get("question"):
                errors.append(f"{name} {r.get('id')}: kind must be one of {sorted(KINDS)}")
    texts = [(name, r["id"], r["question"]) for name, rows in sets.items() for r in rows]
    seen: dict[str, str] = {}
    for name, rid, q in texts:
        if q in seen:
            errors.append(f"{name} {rid}: same question as {seen[q]}")
        seen.setdefault(q, f"{name} {rid}")
    for i, (n1, i1, q1) in enumerate(texts):
        for n2, i2, q2 in texts[i + 1:]:
            if q1 != q2 and (n1 in OLDER or n2 in OLDER or n1 != n2) \
                    and SequenceMatcher(None, q1, q2).ratio() >= NEAR:
                errors.append(f"near copy: {n1} {i1} ~ {n2} {i2}")
    for e in errors:
        print(e)
    if "--stats" in sys.argv:
        for name in IN_SCOPE:
            rows = sets.get(name, [])
            docs = Counter(g["doc_id"] for r in rows for g in r["gold"])
            units = {unit_id(g) for r in rows for g in r["gold"]}
            tags = Counter(t for r in rows for t in r["tags"])
            print(name, len(rows), "questions,", len(units), "distinct gold units,",
                  sum(len(r["gold"]) > 1 for r in rows), "with several gold")
            print("  gold per document:", dict(docs))
            print("  tags:", dict(tags.most_common()))
        for name in OUT_OF_SCOPE:
            rows = sets.get(name, [])
            print(name, len(rows), dict(Counter(r["kind"] for r in rows)))
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
