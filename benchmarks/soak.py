"""Soak test: well-behaved chat sessions while another client keeps sending oversized requests.

Three kinds of process: the server (`payguide serve`), this script's well-behaved sessions (one
thread each, in a client process of their own, opening the page as a browser does; or through
gradio_client with --client gradio), and a separate hostile process that speaks the page's own
protocol (the one any visitor can send) and loops over requests past the stated limits:
10 million ladder levels and a 4-million-cell table through the calculator form, the 369-byte
YAML alias bomb as a calculator input and as an uploaded company profile, a 20,000-level
nesting, a calculator input one MB past the upload limit, a chat message of 50,000 characters,
a chat asking for 100 million levels, and a file one MB past the upload limit. Prints p50/p95
and errors of the well-behaved sessions, and how each oversized request was answered; before the
soak, each oversized request alone, with the server's CPU time for refusing it.

    python benchmarks/soak.py --start                 # starts its own server on port 7899
    python benchmarks/soak.py --url http://127.0.0.1:7860/ --server-pid PID --sessions 20 --turns 5
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _util import cpu_seconds, load_average, percentile, rss_mb, start_server, summary
from load_chat import Session, clients

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REQUEST_TIMEOUT_S = 60  # a request not answered by then counts as a failure; the soak never hangs
REFUSED = "上限"  # every limit's message names it ("超过上限 200 级", "超过每次 2000 字的上限")


class Hostile(Session):
    """A page whose calculator form is rendered for the calculator under attack, so that its
    计算 button (an event that exists only once the form is drawn) can be pressed with any text."""

    def event(self, elem_id: str, trigger: str) -> dict[str, Any]:
        """The page's event on the component `elem_id` (its `trigger`, e.g. click, change, upload)."""
        ids = {c["id"] for c in self.config["components"] if c.get("props", {}).get("elem_id") == elem_id}
        return next(e for e in self.config["dependencies"] if any(t[0] in ids and t[1] == trigger for t in e["targets"]))

    def render(self, calculator: str) -> tuple[dict[str, Any], list]:
        """The 计算 event of `calculator`'s form and its inputs' values, as the page receives them."""
        render = self.event("calc-name", "change")  # the form is drawn again when the calculator changes
        prefix = self.config.get("api_prefix", "/gradio_api")
        body = {"data": [calculator, None], "fn_index": render["id"], "session_hash": self.session_hash,
                "event_data": None, "trigger_id": None}
        answer = self.http.post(f"{prefix}/run/{render['api_name']}", json=body).raise_for_status().json()
        components = {c["id"]: c for c in answer["render_config"]["components"] + self.config["components"]}
        for event in answer["render_config"]["dependencies"]:
            if any(components.get(t[0], {}).get("props", {}).get("elem_id") == "calc-run" for t in event["targets"]):
                return event, [components.get(i, {}).get("props", {}).get("value") for i in event["inputs"]]
        raise RuntimeError("no 计算 button in the rendered form")

    def calculate(self, calculator: str, text: str) -> list:
        """Press 计算 with `text` in the advanced view (it differs from the form, so the text wins)."""
        event, values = self.render(calculator)
        return self.run(event, [text, "", None, None, *values[4:]])

    def upload(self, name: str, data: bytes) -> dict[str, Any]:
        prefix = self.config.get("api_prefix", "/gradio_api")
        response = self.http.post(f"{prefix}/upload", files={"files": (name, data)})
        if response.status_code == 413:  # Gradio's own refusal of a file over max_file_size
            raise Refused(response.text[:200])
        path = response.raise_for_status().json()[0]
        return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}

    def upload_profile(self, name: str, data: bytes) -> list:
        """The 方案起草 tab's upload of a company profile."""
        return self.run(self.event("draft-upload", "upload"), [self.upload(name, data)])


class Refused(Exception):
    """The server refused before the app saw the request (an upload over the size limit)."""


def _hostile_requests() -> list[tuple[str, Any]]:
    """(label, call on a Hostile page) of requests that every limit should refuse at once."""
    from calculators import limits

    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from hostile_helpers import ALIAS_BOMB as alias_bomb

    grades = [{"name": f"岗{i}", "post_wage": 1000} for i in range(20_000)]
    upload_limit = limits.bytes_limit("upload_mb")
    entries = (upload_limit + 2**20) // len('"p100000": 1,')  # one MB past the limit (names of ≤ 7 characters)
    over_upload = '{"pool": 1, "scores": {' + ",".join(f'"p{i:06d}": 1' for i in range(entries)) + "}}"
    assert len(over_upload) > upload_limit + 2**20 - 100, "the input must be past the limit"
    cells = json.dumps({"grades": grades, "steps": {"count": 200, "first": 1, "increment": 1}})
    return [
        ("levels 10,000,000 (calculator)", lambda p: p.calculate("ladder", json.dumps({"start": 2000, "step": 150, "levels": 10_000_000}))),
        ("alias bomb (calculator)", lambda p: p.calculate("points-allocation", alias_bomb)),
        ("alias bomb (profile upload)", lambda p: p.upload_profile("概况.yaml", alias_bomb.encode())),
        ("nesting 20,000 (calculator)", lambda p: p.calculate("kpi-check", "[" * 20_000 + "]" * 20_000)),
        ("cells 4,000,000 (calculator)", lambda p: p.calculate("post-wage-table", cells)),
        (f"input {len(over_upload) / 2**20:.0f} MB (calculator)", lambda p: p.calculate("points-allocation", over_upload)),
        ("chat 50,000 characters", lambda p: p.call("chat", ["工资" * 25_000, [], None])),
        ("chat 100,000,000 levels", lambda p: p.call("chat", ["等差薪级：起点2000元，级差150元，共100000000级", [], None])),
        (f"file {(upload_limit + 2**20) / 2**20:.0f} MB (upload)", lambda p: p.upload("大文件.txt", b"0" * (upload_limit + 2**20))),
    ]


def _attempt(page: Hostile, call: Any) -> int:
    """0 refused (the limit's message), 1 accepted (no refusal), 2 failed (an error or a timeout)."""
    try:
        answer = call(page)
    except Refused:
        return 0
    except Exception:  # noqa: BLE001 - a timeout or a dead server is a failure, not a refusal
        return 2
    return 0 if REFUSED in json.dumps(answer, ensure_ascii=False) else 1


def each_alone(url: str, server_pid: int | None) -> dict[str, tuple[int, float, float]]:
    """Every oversized request once, the server otherwise idle: (outcome, ms, server CPU ms)."""
    page = Hostile(url)
    page.open()
    out = {}
    for label, call in _hostile_requests():
        cpu, start = cpu_seconds(server_pid) if server_pid else float("nan"), time.perf_counter()
        outcome = _attempt(page, call)
        elapsed = (time.perf_counter() - start) * 1000
        out[label] = (outcome, elapsed, ((cpu_seconds(server_pid) if server_pid else float("nan")) - cpu) * 1000)
    return out


def hostile_loop(url: str, stop: Any, report: Any, without: tuple[str, ...] = ()) -> None:
    """Runs in its own process: sends the oversized requests round-robin until told to stop."""
    page = Hostile(url)
    page.open()
    requests = [r for r in _hostile_requests() if not r[0].startswith(without)]
    counts: dict[str, list] = {label: [0, 0, 0, []] for label, _ in requests}  # refused, accepted, failed, ms
    i = 0
    while not stop.is_set():
        label, call = requests[i % len(requests)]
        i += 1
        start = time.perf_counter()
        counts[label][_attempt(page, call)] += 1
        counts[label][3].append((time.perf_counter() - start) * 1000)
    report.put(counts)


def _rounds(pool: Any, args: argparse.Namespace, pid: int | None) -> dict[str, Any]:
    """`args.rounds` loads of `args.sessions` × `args.turns` turns, pooled (a longer window)."""
    runs = [pool.apply(clients, (args.url, args.sessions, args.turns, "chat", pid, False, args.client)) for _ in range(args.rounds)]
    return {"times": [t for r in runs for t in r["times"]], "errors": sum(r["errors"] for r in runs),
            "wall": sum(r["wall"] for r in runs), "server_cpu_ms": sum(r["server_cpu_ms"] for r in runs) / len(runs)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:7899/")
    parser.add_argument("--server-pid", type=int, help="the server's process id, for its CPU time")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5, help="repeat the sessions' load this many times (one after another)")
    parser.add_argument("--client", choices=["page", "gradio"], default="page",
                        help="well-behaved sessions speak the page's protocol (as a browser) or go through gradio_client")
    parser.add_argument("--start", action="store_true", help="start a payguide serve (fresh data folder) for the soak")
    parser.add_argument("--without", action="append", default=[], help="leave out the oversized requests whose label starts so (e.g. input)")
    args = parser.parse_args()
    if args.start:  # a fresh data folder of its own
        os.environ["PAYGUIDE_HOME"] = tempfile.mkdtemp(prefix="payguide-soak-")
    server = start_server(args.url) if args.start else None
    pid = server.pid if server is not None else args.server_pid
    spawn = mp.get_context("spawn")
    try:
        alone = each_alone(args.url, pid)
        with spawn.Pool(1) as pool:  # the well-behaved sessions' own process
            pool.apply(clients, (args.url, 1, 1, "chat", None))  # one warm turn
            quiet = _rounds(pool, args, pid)
            stop, report = spawn.Event(), spawn.Queue()
            hostile = spawn.Process(target=hostile_loop, args=(args.url, stop, report, tuple(args.without)))
            hostile.start()
            time.sleep(3)  # let the hostile client get going
            soak = _rounds(pool, args, pid)
            stop.set()
            counts = report.get(timeout=600)
            hostile.join(timeout=60)
        label = f"{args.sessions} {'gradio_client ' if args.client == 'gradio' else ''}sessions × {args.turns} turns × {args.rounds} rounds"
        print(f"measured at {load_average()}")
        print("each oversized request alone (outcome, wall, server CPU):")
        for name, (outcome, ms, cpu_ms) in alone.items():
            print(f"  {name}: {['refused', 'ACCEPTED', 'FAILED'][outcome]}, {ms:.0f} ms, CPU {cpu_ms:.0f} ms")
        print(summary(f"baseline: {label}, no hostile client", quiet["times"]) + f"; errors {quiet['errors']}")
        print(summary(f"soak: {label} while oversized requests arrive", soak["times"]))
        print(f"well-behaved errors: {soak['errors']} (baseline {quiet['errors']}); wall time {soak['wall']:.1f} s; "
              f"server CPU per turn {soak['server_cpu_ms']:.1f} ms (hostile requests included; baseline {quiet['server_cpu_ms']:.1f} ms)")
        print("oversized requests during the soak (refused / accepted / failed, p95 of their answer):")
        for name, (refused, accepted, failed, ms) in counts.items():
            print(f"  {name}: {refused} / {accepted} / {failed}, p95 {percentile(ms, 95):.0f} ms")
        if pid is not None:
            print(f"server resident memory after the soak: {rss_mb(pid):.0f} MB")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
