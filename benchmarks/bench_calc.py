"""Time points allocation for 1,000,000 members (target ≤ 2 s) and check it is exact to the cent.

    python benchmarks/bench_calc.py [--members 1000000] [--runs 5]

Two shapes are timed, each end to end through `calculators.run` (validation, exact integer
allocation, Decimal results, trace): one level with a million names, and two levels with
1,000 departments of 1,000 members. Input building is not timed. Prints the median of the runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import calculators

POOL = Decimal("123456789.01")  # an awkward pool, so that rounding really has to work


def flat_input(members: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    return {"pool": POOL, "scores": {f"员工{i:07d}": rng.randint(60, 150) for i in range(members)}}


def two_level_input(members: int, seed: int = 2) -> dict:
    rng = random.Random(seed)
    depts = max(1, members // 1000)
    size = members // depts
    return {
        "pool": POOL,
        "departments": {
            f"部门{d:04d}": {"score": rng.randint(800, 1200), "members": {f"员工{d:04d}-{i:04d}": rng.randint(60, 150) for i in range(size)}}
            for d in range(depts)
        },
    }


def exact(result: dict, data: dict) -> bool:
    total = sum(result["allocations"].values(), Decimal(0))
    ok = total == data["pool"]
    for dept, members in (result.get("members") or {}).items():
        ok = ok and sum(members.values(), Decimal(0)) == result["allocations"][dept]
    return ok


def time_runs(data: dict, runs: int) -> tuple[float, bool, int]:
    timings, ok, count = [], True, 0
    for _ in range(runs):
        start = time.perf_counter()
        result = calculators.run("points-allocation", data)
        timings.append(time.perf_counter() - start)
        ok = ok and exact(result, data)
        count = sum(len(m) for m in result.get("members", {}).values()) or len(result["allocations"])
    return statistics.median(timings), ok, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", type=float, default=2.0, help="seconds allowed for the median run")
    args = parser.parse_args()
    failed = False
    for label, build in (("一级分配（scores）", flat_input), ("两级分配（departments × members）", two_level_input)):
        data = build(args.members)
        median, ok, count = time_runs(data, args.runs)
        verdict = "OK" if ok and median <= args.target else "FAIL"
        failed = failed or verdict == "FAIL"
        print(f"{label}: {count:,} 人，{args.runs} 次中位数 {median:.3f} s，合计{'恰等于' if ok else '不等于'}总量 {data['pool']} 元 [{verdict}]")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
