"""Speed of scheme drafting: each sample profile drafted in-process after a warm-up
(target ≤ 2 s warm), plus the cold time of the first draft and of `payguide draft` as a new process.

    python benchmarks/bench_draft.py [--rounds 5] [--skip-cli]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import percentile, summary, time_ms  # noqa: E402

TARGET_MS = 2000


def bench_in_process(rounds: int, out: Path) -> float:
    import doc_templates

    start = time.perf_counter()
    doc_templates.draft_document(doc_templates.load_example("private-manufacturer"), out / "cold.docx")
    print(f"first draft in this process (cold imports, fonts, knowledge): {(time.perf_counter() - start) * 1000:.0f} ms")
    worst = 0.0
    for name in doc_templates.list_examples():
        profile = doc_templates.load_example(name)
        doc_templates.draft_document(profile, out / f"{name}.docx")  # warm-up of this profile
        ms = time_ms(lambda: doc_templates.draft_document(profile, out / f"{name}.docx"), rounds)
        print(summary(f"warm draft {name}", ms))
        worst = max(worst, percentile(ms, 95))
    return worst


def bench_cli(out: Path) -> None:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant.cli", "draft", "--example", "soe-tech", "-o",
                    str(out / "cli.docx")], check=True, capture_output=True)
    print(f"`payguide draft --example soe-tech` as a new process: {(time.perf_counter() - start) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as tmp:
        out = Path(tmp)
        worst = bench_in_process(args.rounds, out)
        if not args.skip_cli:
            bench_cli(out)
    verdict = "OK" if worst <= TARGET_MS else "SLOW"
    print(f"warm drafting p95 (worst sample): {worst:.0f} ms — target ≤ {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
