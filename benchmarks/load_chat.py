"""Load test: 20 concurrent chat sessions against a running `payguide serve`, through
gradio_client. Prints latency percentiles, errors and the server's resident memory.

    payguide serve --port 7860 &   # or let this script start one with --start
    python benchmarks/load_chat.py --sessions 20 --turns 5 [--start]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import rss_mb, summary  # noqa: E402

TURNS = [
    "基础工资是不是每个职工都一样？",
    "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？",
    "师带徒津贴怎么设置？",
    "什么是“两个低于”原则？",
    "科技人才指引第三十四条",
]


def one_session(url: str, turns: int) -> tuple[list[float], int]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    times, errors = [], 0
    history: list = []
    for i in range(turns):
        start = time.perf_counter()
        try:
            result = client.predict(TURNS[i % len(TURNS)], history, api_name="/chat")
            history = result[0]
        except Exception as exc:  # counted, not raised: the load test reports errors
            errors += 1
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        times.append((time.perf_counter() - start) * 1000)
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--start", action="store_true", help="start a payguide serve for the test")
    args = parser.parse_args()
    proc = None
    if args.start:
        port = args.url.rstrip("/").rsplit(":", 1)[1]
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", port],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                urllib.request.urlopen(args.url, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
    try:
        one_session(args.url, 1)  # warm the index
        start = time.perf_counter()
        with ThreadPoolExecutor(args.sessions) as pool:
            results = list(pool.map(lambda _: one_session(args.url, args.turns), range(args.sessions)))
        wall = time.perf_counter() - start
        times = [t for ts, _ in results for t in ts]
        errors = sum(e for _, e in results)
        print(summary(f"{args.sessions} concurrent sessions × {args.turns} turns", times))
        print(f"errors: {errors}; wall time {wall:.1f} s")
        if proc is not None:
            print(f"server resident memory after load: {rss_mb(proc.pid):.0f} MB")
    finally:
        if proc is not None:
            proc.terminate()


if __name__ == "__main__":
    main()
