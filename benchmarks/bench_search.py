"""Search speed and index cost: build time, warm p50/p95 on the base corpus and with 10,000
extra ingested chunks, peak memory, and `payguide search` cold start.

    python benchmarks/bench_search.py [--extra 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import summary, time_ms  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for line in (ROOT / "tests/data/retrieval_dev.jsonl").read_text(encoding="utf-8").splitlines()]


def _synthetic_document(path: Path, chunks: int) -> None:
    """A company handbook of `chunks` sections of about 700 characters each."""
    topics = ["岗位工资", "绩效考核", "津贴补贴", "年功工资", "培训积分", "安全生产奖", "班组管理", "工分核算"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(chunks):
            topic = topics[i % len(topics)]
            out.write(f"第{i + 1}部分 关于{topic}的实施细则（编号{i}）。" + f"本部分规定{topic}的发放对象、标准和程序，车间{i % 97}号班组按月核算。" * 18 + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra", type=int, default=10_000)
    args = parser.parse_args()
    os.environ["PAYGUIDE_HOME"] = tempfile.mkdtemp(prefix="payguide-bench-")

    import knowledge
    from knowledge import index

    start = time.perf_counter()
    index.get_index()
    print(f"base index build (cold, incl. imports): {time.perf_counter() - start:.2f} s, {index.get_index().n_passages} passages")
    knowledge.search("预热")
    ms = time_ms(lambda: [knowledge.search(q, k=5) for q in QUESTIONS], 5)
    per_query = [m / len(QUESTIONS) for m in ms]
    all_ms = []
    for q in QUESTIONS * 5:
        all_ms += time_ms(lambda q=q: knowledge.search(q, k=5), 1)
    print(summary("search, base corpus, warm", all_ms))

    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.cli", "search", "师带徒津贴", "--json"], capture_output=True, check=True, cwd=ROOT)
        cold.append(time.perf_counter() - t)
    print(f"`payguide search` cold start (new process, index built): median {sorted(cold)[1]:.2f} s")

    if args.extra:
        from knowledge.ingest import ingest_file

        doc = Path(os.environ["PAYGUIDE_HOME"]) / "大型企业制度汇编.txt"
        _synthetic_document(doc, args.extra)
        t = time.perf_counter()
        ingest_file(doc)
        index.get_index()
        print(f"ingest + rebuild with {args.extra} extra chunks: {time.perf_counter() - t:.1f} s, {index.get_index().n_passages} passages")
        knowledge.search("预热")
        big = []
        for q in QUESTIONS * 3:
            big += time_ms(lambda q=q: knowledge.search(q, k=5), 1)
        print(summary(f"search, base + {args.extra} chunks, warm", big))
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    del per_query


if __name__ == "__main__":
    main()
