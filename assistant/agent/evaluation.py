"""Measuring the chat on written requests (tests/data/ask_*.jsonl): pass rate, wrong figures and
ask-backs, per calculator. A wrong figure is a result stated that is not the expected one; a
question back is a miss, never a wrong figure."""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .models import Reply


@dataclass
class Outcome:
    id: str
    group: str  # the calculator, or "explain" / "ask"
    passed: bool
    wrong: bool
    asked: bool
    detail: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def rate(self, attr: str) -> float:
        return sum(getattr(o, attr) for o in self.outcomes) / self.total if self.total else 0.0

    def by_group(self) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[o.group].append(o)
        return dict(sorted(groups.items()))


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _same(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(_same(e, a) for e, a in zip(expected, actual))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    try:
        return Decimal(str(expected)) == Decimal(str(actual))
    except (InvalidOperation, ValueError):
        return expected == actual


def _computed(reply: Reply) -> list[Any]:
    return [c for c in reply.tool_calls if c.name != "search" and "error" not in c.output]


def judge(expect: dict[str, Any], reply: Reply) -> tuple[bool, bool, bool, str]:
    """(passed, wrong figure, asked back, detail) for one reply."""
    computed = _computed(reply)
    asked = bool(reply.needs) and not computed
    kind = expect["type"]
    if kind == "calc":
        if not computed:
            return False, False, asked, "asked back" if asked else "no calculation"
        call = computed[-1]
        if call.name != expect["calculator"]:
            return False, True, False, f"ran {call.name}"
        if not _same(expect["output"], call.output):
            return False, True, False, "figures differ"
        return True, False, False, ""
    if kind == "explain":
        if computed:
            return False, True, False, f"ran {computed[-1].name}"
        gold = expect.get("gold", [])
        cited = [c.id for c in reply.citations]
        hit = any(c == g or c.startswith(g + "-") for c in cited for g in gold)
        return hit, False, asked, "" if hit else "gold not cited"
    if computed:
        return False, True, False, f"ran {computed[-1].name}"
    return asked, False, asked, "" if asked else "did not ask"


def run_item(item: dict[str, Any], respond: Any) -> Outcome:
    session = f"eval-{uuid.uuid4().hex[:12]}"
    expects = item.get("expect_turns") or [None] * (len(item["turns"]) - 1) + [item["expect"]]
    passed, wrong, asked, detail = True, False, False, ""
    for turn, expect in zip(item["turns"], expects):
        reply = respond(turn, session_id=session)
        if expect is None:
            continue
        ok, bad, back, why = judge(expect, reply)
        passed, wrong, asked = passed and ok, wrong or bad, back
        detail = detail or why
    group = item["expect"].get("calculator") or item["expect"]["type"]
    return Outcome(item["id"], group, passed, wrong, asked and not passed, detail)


def evaluate(items: list[dict[str, Any]], respond: Any) -> Report:
    return Report([run_item(item, respond) for item in items])


def summary_rows(report: Report) -> list[tuple[str, int, str, int, int]]:
    rows = []
    for group, outcomes in report.by_group().items():
        counts = Counter((o.passed, o.wrong, o.asked) for o in outcomes)
        passed = sum(o.passed for o in outcomes)
        rows.append((group, len(outcomes), f"{passed / len(outcomes):.0%}", sum(o.wrong for o in outcomes),
                     sum(o.asked for o in outcomes)))
        del counts
    return rows
