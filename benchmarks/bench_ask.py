"""Speed of the assistant: warm in-process `respond` (offline), `payguide ask` as a new
process, app start-up time and the served app's resident memory.

    python benchmarks/bench_ask.py [--skip-app]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import rss_mb, summary, time_ms

QUESTIONS = [
    "基础工资是不是每个职工都一样？",
    "师带徒津贴怎么设置？",
    "什么是“两个低于”原则？",
    "从事基础研究的科技人才岗位基本薪酬占比有什么要求？",
    "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？",
    "等差薪级：起点2000元，级差150元，共10级",
    "今天天气怎么样",
    "科技人才指引第四十条",
]


def bench_in_process(rounds: int) -> None:
    from assistant.agent import respond

    for q in QUESTIONS:  # warm-up: index, jieba, calculators
        respond(q)
    times = []
    for _ in range(rounds):
        for q in QUESTIONS:
            times += time_ms(lambda q=q: respond(q), 1)
    print(summary("ask warm in-process (offline)", times))


def bench_new_process(runs: int) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "基础工资是不是每个职工都一样？", "--json"],
                       check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    print(summary("payguide ask, new process (index built)", times))


def bench_app(port: int = 7899) -> None:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - start > 120:
                    raise SystemExit("app did not start") from None
                time.sleep(0.1)
        print(f"app start (process spawn → first page served): {time.perf_counter() - start:.2f} s")
        print(f"served app resident memory after start: {rss_mb(proc.pid):.0f} MB")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-app", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PAYGUIDE_HOME", tempfile.mkdtemp(prefix="payguide-bench-"))
    bench_in_process(args.rounds)
    bench_new_process(5)
    if not args.skip_app:
        bench_app()


if __name__ == "__main__":
    main()
