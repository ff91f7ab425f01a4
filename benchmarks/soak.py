"""Soak test: well-behaved chat sessions while another client keeps sending oversized requests.

Three kinds of process: the server (`payguide serve`), this script's well-behaved sessions
(gradio_client, one thread each), and a separate hostile process that loops over requests past
the stated limits (10 million ladder levels, the 369-byte YAML alias bomb as a calculator input
and as a company profile, a 20,000-level nesting, a post-wage table of 4 million cells, a chat
message of 50,000 characters, a calculator input just over the upload limit). Prints p50/p95 and
errors of the well-behaved sessions, and how the hostile requests were answered.

    python benchmarks/soak.py --start                 # starts its own server on port 7899
    python benchmarks/soak.py --url http://127.0.0.1:7860/ --sessions 20 --turns 5
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _util import percentile, rss_mb, start_server, summary
from load_chat import TURNS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REQUEST_TIMEOUT_S = 60  # a request not answered by then counts as an error; the soak never hangs


def _hostile_requests() -> list[tuple[str, str, tuple]]:
    """(label, api_name, arguments) of requests that every limit should refuse at once."""
    from calculators import limits

    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from hostile_helpers import ALIAS_BOMB as alias_bomb
    grades = [{"name": f"岗{i}", "post_wage": 1000} for i in range(20_000)]
    entries = (limits.bytes_limit("upload_mb") + 2**20) // len('"p1000000": 1,')  # one MB past the limit
    over_upload = '{"pool": 1, "scores": {' + ",".join(f'"p{i}": 1' for i in range(entries)) + "}}"
    return [
        ("levels 10,000,000", "/calculate", ("ladder", json.dumps({"start": 2000, "step": 150, "levels": 10_000_000}), None)),
        ("alias bomb (calc)", "/calculate", ("points-allocation", alias_bomb, None)),
        ("alias bomb (draft)", "/draft", (alias_bomb,)),
        ("nesting 20,000", "/calculate", ("kpi-check", "[" * 20_000 + "]" * 20_000, None)),
        ("cells 4,000,000", "/calculate", ("post-wage-table", json.dumps({"grades": grades, "steps": {"count": 200, "first": 1, "increment": 1}}), None)),
        ("chat 50,000 chars", "/chat", ("工资" * 25_000, [])),
        (f"input {len(over_upload) / 1e6:.0f} MB", "/calculate", ("points-allocation", over_upload, None)),
    ]


def hostile_loop(url: str, stop: Any, report: Any, without: tuple[str, ...] = ()) -> None:
    """Runs in its own process: sends the oversized requests round-robin until told to stop."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(url, verbose=False)
    requests = [r for r in _hostile_requests() if not r[0].startswith(without)]
    counts: dict[str, list] = {label: [0, 0, 0, []] for label, _, _ in requests}  # refused, accepted, failed, ms
    i = 0
    while not stop.is_set():
        label, api, args = requests[i % len(requests)]
        i += 1
        start = time.perf_counter()
        try:
            result = client.submit(*args, api_name=api).result(timeout=REQUEST_TIMEOUT_S)
            outcome = 0 if api == "/chat" and "超过上限" in json.dumps(result, ensure_ascii=False) else 1
        except AppError as exc:  # a refusal: the app's Chinese message
            outcome = 0 if "上限" in str(exc) else 2
        except Exception:  # noqa: BLE001 - a timeout or a dead server is a failure, not a refusal
            outcome = 2
        counts[label][outcome] += 1
        counts[label][3].append((time.perf_counter() - start) * 1000)
    report.put(counts)


def one_session(url: str, turns: int) -> tuple[list[float], int]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    times, errors, history = [], 0, []
    for i in range(turns):
        start = time.perf_counter()
        try:
            history = client.submit(TURNS[i % len(TURNS)], history, api_name="/chat").result(timeout=REQUEST_TIMEOUT_S)[0]
        except Exception as exc:  # noqa: BLE001 - counted, not raised: the soak reports errors
            errors += 1
            print(f"error: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
        times.append((time.perf_counter() - start) * 1000)
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7899/")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--start", action="store_true", help="start a payguide serve for the soak")
    parser.add_argument("--without", action="append", default=[], help="leave out the oversized requests whose label starts so (e.g. input)")
    args = parser.parse_args()
    server = start_server(args.url) if args.start else None
    try:
        one_session(args.url, 1)  # warm the index
        with ThreadPoolExecutor(args.sessions) as pool:  # baseline: no hostile client
            quiet = list(pool.map(lambda _: one_session(args.url, args.turns), range(args.sessions)))
        spawn = mp.get_context("spawn")
        stop, report = spawn.Event(), spawn.Queue()
        hostile = spawn.Process(target=hostile_loop, args=(args.url, stop, report, tuple(args.without)))
        hostile.start()
        time.sleep(3)  # let the hostile client get going
        start = time.perf_counter()
        with ThreadPoolExecutor(args.sessions) as pool:
            results = list(pool.map(lambda _: one_session(args.url, args.turns), range(args.sessions)))
        wall = time.perf_counter() - start
        stop.set()
        counts = report.get(timeout=600)
        hostile.join(timeout=60)
        quiet_times = [t for ts, _ in quiet for t in ts]
        times = [t for ts, _ in results for t in ts]
        print(summary(f"baseline: {args.sessions} sessions × {args.turns} turns, no hostile client", quiet_times))
        print(summary(f"soak: {args.sessions} sessions × {args.turns} turns while oversized requests arrive", times))
        print(f"well-behaved errors: {sum(e for _, e in results)} (baseline {sum(e for _, e in quiet)}); wall time {wall:.1f} s")
        print("oversized requests (refused / accepted / failed, p95 of their answer):")
        for label, (refused, accepted, failed, ms) in counts.items():
            print(f"  {label}: {refused} / {accepted} / {failed}, p95 {percentile(ms, 95):.0f} ms")
        if server is not None:
            print(f"server resident memory after the soak: {rss_mb(server.pid):.0f} MB")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
