"""Load test: concurrent chat sessions against `payguide serve`, the clients in a process of
their own (never sharing an interpreter with the server). Each session first opens the page as a
browser does (the configuration, then the page's load events), then all sessions send their turns
at once. Prints latency percentiles and errors, the server's CPU time per turn (steadier than wall
time on a shared machine), its resident memory, and where the time goes:

- `/chat` under load: what users wait for;
- `/new_chat` under the same load: the framework's own cost (transport, JSON), no work;
- `respond()` in-process, one turn at a time: the assistant's own work.

    python benchmarks/load_chat.py --start                  # starts a server on a fresh data folder
    python benchmarks/load_chat.py --url http://127.0.0.1:7860/ --server-pid PID --sessions 20 --turns 5
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _util import cpu_seconds, load_average, percentile, rss_mb, start_server, summary

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
        self.session_hash = uuid.uuid4().hex[:12]
        self.config: dict[str, Any] = {}

    def open(self) -> None:
        """What a page does before anyone types: read the configuration, run the load events."""
        self.config = self.http.get("/config").raise_for_status().json()
        for event in self.config["dependencies"]:
            if [0, "load"] in event.get("targets", []) and event.get("backend_fn"):  # 0: the Blocks itself
                self.run(event, [None] * len(event["inputs"]))

    def call(self, api_name: str, data: list) -> list:
        return self.run(next(e for e in self.config["dependencies"] if e.get("api_name") == api_name), data)

    def run(self, event: dict[str, Any], data: list) -> list:
        body = {"data": data, "fn_index": event["id"], "session_hash": self.session_hash, "event_data": None, "trigger_id": None}
        prefix = self.config.get("api_prefix", "/gradio_api")
        if event.get("queue") is False:
            return self.http.post(f"{prefix}/run/{event['api_name']}", json=body).raise_for_status().json()["data"]
        event_id = self.http.post(f"{prefix}/queue/join", json=body).raise_for_status().json()["event_id"]
        with self.http.stream("GET", f"{prefix}/queue/data", params={"session_hash": self.session_hash}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed" and message.get("event_id") == event_id:
                    if not message.get("success"):
                        raise RuntimeError(str(message.get("output"))[:200])
                    return message["output"]["data"]
        raise RuntimeError("the stream ended before the result")


class GradioClientSession:
    """A session through `gradio_client` (how a script would call the app): it reads the
    configuration and the API description, keeps a heartbeat stream, and sends every event
    through the queue, even those the page sends directly. It runs no load events."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client: Any = None

    def open(self) -> None:
        from gradio_client import Client

        self.client = Client(self.url, verbose=False)

    def call(self, api_name: str, data: list) -> list:
        inputs = data[:2] if api_name == "chat" else []  # the session id is the server's own State
        return list(self.client.submit(*inputs, api_name=f"/{api_name}").result(timeout=60))


def one_session(url: str, turns: int, api: str, start_together: threading.Barrier, cold: bool,
                kind: str = "page") -> dict[str, Any]:
    """A page opened, then `turns` turns. Warm: every session's page is open before the turns all
    start together. Cold: the sessions start together by opening their pages, so pages still
    opening compete with others' turns (20 people arriving at once)."""
    session: Session | GradioClientSession = Session(url) if kind == "page" else GradioClientSession(url)
    if cold:
        start_together.wait()
    start = time.perf_counter()
    session.open()
    open_ms = (time.perf_counter() - start) * 1000
    if not cold:
        start_together.wait()
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
    return {"times": times, "errors": errors, "open": open_ms}


def clients(url: str, sessions: int, turns: int, api: str, server_pid: int | None, cold: bool = False,
            kind: str = "page") -> dict[str, Any]:
    """Runs in the client process: `sessions` sessions at once, each on its own connection. The
    CPU times cover what happens after the start signal (turns; page opens too when cold)."""
    together = threading.Barrier(sessions + 1)
    with ThreadPoolExecutor(sessions) as pool:
        running = [pool.submit(one_session, url, turns, api, together, cold, kind) for _ in range(sessions)]
        if not cold:  # the pages open first, unmeasured
            while together.n_waiting < sessions and not any(r.done() for r in running):
                time.sleep(0.01)
            if any(r.done() for r in running):  # a page failed to open: stop, and say why
                together.abort()
                [r.result() for r in running]
        server_cpu = cpu_seconds(server_pid) if server_pid else float("nan")
        own_cpu = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        together.wait()
        results = [r.result() for r in running]
        wall = time.perf_counter() - start
        server_cpu = (cpu_seconds(server_pid) if server_pid else float("nan")) - server_cpu
        end = resource.getrusage(resource.RUSAGE_SELF)
    n = sessions * turns
    return {"times": [t for r in results for t in r["times"]], "errors": sum(r["errors"] for r in results), "wall": wall,
            "open": [r["open"] for r in results], "server_cpu_ms": server_cpu * 1000 / n,
            "client_cpu_ms": (end.ru_utime + end.ru_stime - own_cpu.ru_utime - own_cpu.ru_stime) * 1000 / n}


def in_process_work(turns: int) -> list[float]:
    """respond() alone, one turn after another, after one warm-up round of every turn."""
    from assistant.agent import respond

    for turn in TURNS:
        respond(turn)
    out = []
    for i in range(turns):
        start = time.perf_counter()
        respond(TURNS[i % len(TURNS)], session_id=f"bench-{i // len(TURNS)}")
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--server-pid", type=int, help="the server's process id, for its CPU time per turn")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the chat load this many times (figures pooled)")
    parser.add_argument("--start", action="store_true", help="start a payguide serve (fresh data folder) for the test")
    parser.add_argument("--client", choices=["page", "gradio"], default="page",
                        help="speak the page's own protocol (as a browser) or go through gradio_client (as a script)")
    parser.add_argument("--cold", action="store_true", help="the sessions open their pages at the same moment they start chatting")
    parser.add_argument("--skip-in-process", action="store_true", help="leave out respond() timed in this process")
    args = parser.parse_args()
    proc = None
    if args.start:  # a fresh data folder, which this process then shares (its index is built)
        os.environ["PAYGUIDE_HOME"] = tempfile.mkdtemp(prefix="payguide-load-")
        proc = start_server(args.url)
    pid = proc.pid if proc is not None else args.server_pid
    spawn = multiprocessing.get_context("spawn")
    try:
        with spawn.Pool(1) as pool:  # the clients' own process
            pool.apply(clients, (args.url, 1, 1, "chat", None))  # one warm turn
            rounds = [pool.apply(clients, (args.url, args.sessions, args.turns, "chat", pid, args.cold, args.client)) for _ in range(args.rounds)]
            noop = pool.apply(clients, (args.url, args.sessions, args.turns, "new_chat", pid, False, args.client))
        chat = [t for r in rounds for t in r["times"]]
        label = f"{args.sessions} concurrent {'gradio_client ' if args.client == 'gradio' else ''}sessions × {args.turns} turns" + (", pages opening meanwhile" if args.cold else "") + (f" × {args.rounds} rounds" if args.rounds > 1 else "")
        print(f"measured at {load_average()} (before: {os.getloadavg()[1]:.1f} over 5 min)")
        print(summary(f"page open (configuration + load events), {args.sessions} at once", [ms for r in rounds for ms in r["open"]]))
        print(summary(f"/chat, {label}", chat))
        walls = ", ".join(f"{r['wall']:.1f}" for r in rounds)
        print(f"errors: {sum(r['errors'] for r in rounds)}; wall time {walls} s; "
              f"server CPU per turn{' (page opens included)' if args.cold else ''} {sum(r['server_cpu_ms'] for r in rounds) / len(rounds):.1f} ms; "
              f"client CPU per turn {sum(r['client_cpu_ms'] for r in rounds) / len(rounds):.1f} ms")
        print(summary(f"/new_chat (no work), {args.sessions} sessions × {args.turns} turns", noop["times"])
              + f"; errors: {noop['errors']}; server CPU per call {noop['server_cpu_ms']:.1f} ms")
        if not args.skip_in_process:
            work = in_process_work(args.turns * len(TURNS))
            print(summary("respond() in-process, one at a time", work))
            print(f"where the time goes (p50): framework {percentile(noop['times'], 50):.0f} ms, assistant {percentile(work, 50):.0f} ms, "
                  f"waiting for others under load {max(0.0, percentile(chat, 50) - percentile(noop['times'], 50) - percentile(work, 50)):.0f} ms")
        if pid is not None:
            print(f"server resident memory after load: {rss_mb(pid):.0f} MB")
    finally:
        if proc is not None:
            proc.terminate()


if __name__ == "__main__":
    main()
