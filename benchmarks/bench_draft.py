"""Speed of scheme drafting and of 套改测算.

Each sample profile is drafted in-process after a warm-up (target ≤ 2 s warm, scheme + 编制说明);
the 套改测算 of 10,000 made-up staff against the 3,000-person power company's scheme is timed
end to end — reading the staff workbook, converting everyone, writing the result workbook with its
chart (target ≤ 5 s); plus the cold time of the first draft and of `payguide draft` as a new process.

    python benchmarks/bench_draft.py [--rounds 5] [--staff 10000] [--skip-cli]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import percentile, summary, time_ms

TARGET_MS = 2000
CONVERSION_TARGET_S = 5.0


def bench_in_process(rounds: int, out: Path) -> float:
    import doc_templates

    start = time.perf_counter()
    doc_templates.draft_document(doc_templates.load_example("private-manufacturer"), out / "cold.docx")
    print(f"first draft in this process (cold imports, fonts, knowledge): {(time.perf_counter() - start) * 1000:.0f} ms")
    worst = 0.0
    for name in doc_templates.list_examples():
        profile = doc_templates.load_example(name)
        doc_templates.draft_document(profile, out / f"{name}.docx")  # warm-up of this profile
        cpu = time.process_time()
        ms = time_ms(lambda p=profile, n=name: doc_templates.draft_document(p, out / f"{n}.docx"), rounds)
        cpu_ms = (time.process_time() - cpu) * 1000 / rounds
        print(summary(f"warm draft {name} ({profile.headcount} 人)", ms) + f" cpu/draft={cpu_ms:.0f} ms")
        worst = max(worst, percentile(ms, 95))
    return worst


def _staff_workbook(path: Path, count: int) -> None:
    """`count` made-up people spread over the power company's grades, paid around their standards."""
    import openpyxl

    import doc_templates

    profile = doc_templates.load_example("soe-power")
    rng = random.Random(12)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("现有职工")
    sheet.append(["姓名", "部门", "现岗位", "现工资", "工龄"])
    weights = [g.headcount for g in profile.grades]
    for i in range(count):
        grade = rng.choices(profile.grades, weights)[0]
        pay = int(grade.post_wage) + 2000 + rng.randint(-400, 2500)
        sheet.append([f"职工{i:05d}", f"班组{rng.randint(1, 300)}", grade.name, pay, rng.randint(0, 40)])
    book.save(path)


def bench_conversion(count: int, out: Path) -> float:
    import doc_templates

    staff = out / "staff.xlsx"
    _staff_workbook(staff, count)
    profile = doc_templates.load_example("soe-power")
    doc_templates.convert_file(profile, staff, out / "warm.xlsx")  # imports and parameters
    start, cpu = time.perf_counter(), time.process_time()
    _, result = doc_templates.convert_file(profile, staff, out / "套改测算.xlsx")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    totals = result["totals"]
    print(f"套改测算 of {count} staff (read XLSX, convert, write XLSX with chart): {seconds:.2f} s wall, "
          f"{cpu:.2f} s CPU — {totals['保留工资人数']} protected, monthly increase {totals['月增资合计']} 元")
    return seconds


def bench_cli(out: Path) -> None:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "--example", "soe-tech", "-o",
                    str(out / "cli.docx")], check=True, capture_output=True)
    print(f"`payguide draft --example soe-tech` as a new process: {(time.perf_counter() - start) * 1000:.0f} ms")


def _load() -> str:
    """The machine's load average: wall times on a shared machine are only comparable with it."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    print(f"load average at start: {_load()} (on {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as tmp:
        out = Path(tmp)
        worst = bench_in_process(args.rounds, out)
        conversion = bench_conversion(args.staff, out)
        if not args.skip_cli:
            bench_cli(out)
    verdict = "OK" if worst <= TARGET_MS else "SLOW"
    print(f"warm drafting p95 (worst sample): {worst:.0f} ms — target ≤ {TARGET_MS} ms: {verdict}")
    verdict = "OK" if conversion <= CONVERSION_TARGET_S else "SLOW"
    print(f"套改测算 of {args.staff} staff: {conversion:.2f} s — target ≤ {CONVERSION_TARGET_S:g} s: {verdict}")


if __name__ == "__main__":
    main()
