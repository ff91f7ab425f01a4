"""First answer after start: `payguide serve` on a fresh data folder (the index is built before
the page is up), then a page opened as a browser does, then its first question timed.

    python benchmarks/first_answer.py [--port 7898] [--repeat 1]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import cpu_seconds, load_average, start_server
from load_chat import Session

# Neither is asked by the start-up warm-up: a calculation and a question.
FIRST = ["等差薪级：起点2000元，级差150元，共10级", "科技人才的分红激励对象有什么比例限制？"]


def one_start(url: str) -> dict[str, float]:
    home = tempfile.mkdtemp(prefix="payguide-first-")
    start = time.perf_counter()
    server = start_server(url, env={"PAYGUIDE_HOME": home})
    up = time.perf_counter() - start
    try:
        page = Session(url)
        start = time.perf_counter()
        page.open()
        opened = time.perf_counter() - start
        out = {"page up (s)": up, "page open (s)": opened}
        for i, question in enumerate(FIRST):
            cpu, start = cpu_seconds(server.pid), time.perf_counter()
            answer = page.call("chat", [question, [], None])
            out[f"answer {i + 1} (s)"] = time.perf_counter() - start
            out[f"answer {i + 1} server CPU (s)"] = cpu_seconds(server.pid) - cpu
            if not answer[0] or answer[2]:  # no reply, or a problem shown beside the box
                raise SystemExit(f"no answer to {question}: {answer[2]}")
        return out
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7898)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    for _ in range(args.repeat):
        print(f"at {load_average()}: " + "; ".join(f"{k} {v:.2f}" for k, v in one_start(f"http://127.0.0.1:{args.port}/").items()))


if __name__ == "__main__":
    main()
