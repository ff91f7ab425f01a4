"""Search speed and index cost: build time at start-up (`payguide serve` runs the same
`prepare`), the first answer after it, warm p50/p95 on the base corpus and with 10,000 extra
ingested chunks, the incremental rebuild after an import, peak memory, and `payguide search`
cold start (a new process, wall and CPU time).

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
from _util import summary, time_ms

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for name in ("retrieval_dev.jsonl", "retrieval_questions_dev.jsonl")
             for line in (ROOT / "tests/data" / name).read_text(encoding="utf-8").splitlines() if line.strip()]


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
    # the synthetic handbook is one file far above the default import limits, on purpose
    os.environ["PAYGUIDE_MAX_TEXT_CHARS"] = str(1000 * args.extra + 100_000)
    os.environ["PAYGUIDE_MAX_UNITS"] = str(args.extra + 100)

    import knowledge
    from assistant.agent.offline import respond
    from knowledge import index

    start = time.perf_counter()
    index.prepare()
    print(f"start-up build + warm-up (cold, incl. imports): {time.perf_counter() - start:.2f} s, {index.get_index().n_passages} passages")
    respond("师带徒津贴一般发多少？")  # `payguide serve` runs one offline turn before the page is up
    first = time_ms(lambda: respond("夜班补贴主要发给哪些人？"), 1)[0]
    print(f"first answer after start-up (as `payguide serve` prepares): {first:.0f} ms")
    all_ms, cpu_ms = [], []
    for q in QUESTIONS * 2:
        before = time.process_time()
        all_ms += time_ms(lambda q=q: knowledge.search(q, k=5), 1)
        cpu_ms.append((time.process_time() - before) * 1000)
    print(summary("search, base corpus, warm", all_ms))
    print(summary("  the same, CPU time of this process", cpu_ms))

    cold, cpu = [], []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.cli", "search", "师带徒津贴", "--json"], capture_output=True, check=True, cwd=ROOT)
        cold.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"`payguide search` cold start (new process, index built): median {sorted(cold)[2]:.2f} s wall, "
          f"{sorted(cpu)[2]:.2f} s CPU; load average {os.getloadavg()[0]:.1f}")

    if args.extra:
        from knowledge.ingest import ingest_file

        doc = Path(os.environ["PAYGUIDE_HOME"]) / "大型企业制度汇编.txt"
        _synthetic_document(doc, args.extra)
        t = time.perf_counter()
        ingest_file(doc)
        index.get_index()
        print(f"ingest + incremental rebuild with {args.extra} extra chunks: {time.perf_counter() - t:.1f} s, {index.get_index().n_passages} passages")
        knowledge.search("预热")
        big = []
        for q in QUESTIONS * 3:
            big += time_ms(lambda q=q: knowledge.search(q, k=5), 1)
        print(summary(f"search, base + {args.extra} chunks, warm", big))
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
