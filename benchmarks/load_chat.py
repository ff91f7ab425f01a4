"""Load test: concurrent chat sessions against `payguide serve`, the clients in a process of
their own (never sharing an interpreter with the server). Prints latency percentiles, errors,
the server's resident memory, and where the time goes:

- `/chat` under load: what users wait for;
- `/new_chat` under the same load: the framework's own cost (queue, transport, JSON), no work;
- `respond()` in-process, one turn at a time: the assistant's own work.

    python benchmarks/load_chat.py --start                  # starts a server on a fresh data folder
    python benchmarks/load_chat.py --url http://127.0.0.1:7860/ --sessions 20 --turns 5
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import percentile, rss_mb, start_server, summary

TURNS = [
    "基础工资是不是每个职工都一样？",
    "绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？",
    "师带徒津贴怎么设置？",
    "什么是“两个低于”原则？",
    "科技人才指引第三十四条",
]


class Session:
    """One browser tab, speaking the page's own protocol: a direct POST for events that skip the
    queue (the chat), else POST queue/join and read the result from the queue/data stream.
    (gradio_client adds its own threads and polling on top, which no user runs.)"""

    def __init__(self, url: str) -> None:
        import httpx

        self.http = httpx.Client(base_url=url.rstrip("/"), timeout=60)
        config = self.http.get("/config").json()
        self.prefix = config.get("api_prefix", "/gradio_api")
        self.events = {d["api_name"]: d for d in config["dependencies"] if d.get("api_name")}
        self.session_hash = uuid.uuid4().hex[:12]

    def call(self, api_name: str, data: list) -> list:
        event = self.events[api_name]
        body = {"data": data, "fn_index": event["id"], "session_hash": self.session_hash, "event_data": None, "trigger_id": None}
        if event.get("queue") is False:
            return self.http.post(f"{self.prefix}/run/{api_name}", json=body).raise_for_status().json()["data"]
        event_id = self.http.post(f"{self.prefix}/queue/join", json=body).raise_for_status().json()["event_id"]
        with self.http.stream("GET", f"{self.prefix}/queue/data", params={"session_hash": self.session_hash}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed" and message.get("event_id") == event_id:
                    if not message.get("success"):
                        raise RuntimeError(str(message.get("output"))[:200])
                    return message["output"]["data"]
        raise RuntimeError("the stream ended before the result")


def one_session(url: str, turns: int, api: str) -> tuple[list[float], int]:
    session = Session(url)
    times, errors = [], 0
    history: list = []
    for i in range(turns):
        start = time.perf_counter()
        try:
            if api == "chat":
                history = session.call(api, [TURNS[i % len(TURNS)], history, None])[0]
            else:
                session.call(api, [])
        except Exception as exc:  # noqa: BLE001 -- counted, not raised: the load test reports errors
            errors += 1
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        times.append((time.perf_counter() - start) * 1000)
    return times, errors


def clients(url: str, sessions: int, turns: int, api: str) -> tuple[list[float], int, float]:
    """Runs in the client process: `sessions` sessions at once, each its own connection."""
    start = time.perf_counter()
    with ThreadPoolExecutor(sessions) as pool:
        results = list(pool.map(lambda _: one_session(url, turns, api), range(sessions)))
    return [t for ts, _ in results for t in ts], sum(e for _, e in results), time.perf_counter() - start


def in_process_work(turns: int) -> list[float]:
    """respond() alone, one turn after another, after one warm-up turn."""
    from assistant.agent import respond

    respond(TURNS[1])
    out = []
    for i in range(turns):
        start = time.perf_counter()
        respond(TURNS[i % len(TURNS)], session_id=f"bench-{i // len(TURNS)}")
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--start", action="store_true", help="start a payguide serve (fresh data folder) for the test")
    args = parser.parse_args()
    proc = None
    if args.start:  # a fresh data folder, which this process then shares (its index is built)
        os.environ["PAYGUIDE_HOME"] = tempfile.mkdtemp(prefix="payguide-load-")
        proc = start_server(args.url)
    spawn = multiprocessing.get_context("spawn")
    try:
        with spawn.Pool(1) as pool:  # the clients' own process
            pool.apply(clients, (args.url, 1, 1, "chat"))  # one warm turn
            chat, errors, wall = pool.apply(clients, (args.url, args.sessions, args.turns, "chat"))
            noop, noop_errors, _ = pool.apply(clients, (args.url, args.sessions, args.turns, "new_chat"))
        label = f"{args.sessions} concurrent sessions × {args.turns} turns"
        print(summary(f"/chat, {label}", chat))
        print(f"errors: {errors}; wall time {wall:.1f} s")
        print(summary(f"/new_chat (no work), {label}", noop) + f"; errors: {noop_errors}")
        work = in_process_work(args.turns * len(TURNS))
        print(summary("respond() in-process, one at a time", work))
        print(f"where the time goes (p50): framework {percentile(noop, 50):.0f} ms, assistant {percentile(work, 50):.0f} ms, "
              f"waiting for others under load {max(0.0, percentile(chat, 50) - percentile(noop, 50) - percentile(work, 50)):.0f} ms")
        if proc is not None:
            print(f"server resident memory after load: {rss_mb(proc.pid):.0f} MB")
    finally:
        if proc is not None:
            proc.terminate()


if __name__ == "__main__":
    main()
