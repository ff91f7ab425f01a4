"""Speed of the clause review on a 30-page scheme (.docx), warm (knowledge, jieba and the reader
loaded; the per-sentence reading cache emptied before every round, so each round reads the whole
document afresh).

    python benchmarks/bench_review.py [--rounds 20] [--pages 30]

Target: p95 ≤ 1 s per review. The scheme is built from the prose and tables of the dev schemes
(tests/review_data/dev), chapter after chapter, each chapter's figures shifted so no two chapters
read alike, plus step and indicator tables, until it fills the requested number of pages.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).parent), str(ROOT)]
from _util import percentile, summary, time_ms  # noqa: E402 - found through the sys.path line above

CHARS_PER_PAGE = 700  # 仿宋三号 on A4 (GB/T 9704): 22 lines × 28 characters, less headings and tables
DEV = ROOT / "tests" / "review_data" / "dev"


def _paragraphs() -> list[str]:
    """Prose lines of the dev schemes written as text (tables are added as real Word tables)."""
    out = []
    for path in sorted(DEV.glob("*.md")) + sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("#").strip().replace("**", "")
            if len(line) > 12 and "|" not in line and "    " not in line:
                out.append(line)
    return out


def _shift(text: str, chapter: int) -> str:
    """Every whole number of the paragraph moved a little, so each chapter reads as new text."""
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + chapter % 7), text)


def build_scheme(path: Path, pages: int) -> int:
    """Write a scheme of about `pages` pages; returns its character count."""
    import docx

    document = docx.Document()
    document.add_heading("某某集团薪酬分配方案（汇编）", level=0)
    prose = _paragraphs()
    chars, chapter, cursor = 0, 0, 0
    while chars < pages * CHARS_PER_PAGE:
        chapter += 1
        document.add_heading(f"第{chapter}章 {['生产', '维修', '检测', '调度', '营销', '研发'][chapter % 6]}单位实施细则", level=1)
        for _ in range(12):
            text = _shift(prose[cursor % len(prose)], chapter)
            cursor += 1
            document.add_paragraph(text)
            chars += len(text)
        chars += _step_table(document, chapter) + _kpi_table(document, chapter)
    document.save(str(path))
    return chars


def _step_table(document, chapter: int) -> int:
    grades = ["首席技师", "特级技师", "高级技师", "技师", "高级工", "中级工", "初级工", "普工"]
    table = document.add_table(rows=len(grades) + 1, cols=11)
    for c, head in enumerate(["岗位等级", *[f"{i}级" for i in range(1, 11)]]):
        table.cell(0, c).text = head
    for r, grade in enumerate(grades, 1):
        table.cell(r, 0).text = grade
        for c in range(1, 11):
            table.cell(r, c).text = str(5000 - r * 400 + chapter * 10 + (c - 1) * (200 - r * 15))
    if chapter % 3 == 0:  # now and then an uneven step, so rules have findings to quote
        table.cell(2, 5).text = str(int(table.cell(2, 5).text) + 35)
    return 8 * 11 * 4


def _kpi_table(document, chapter: int) -> int:
    rows = [("考核指标", "权重"), (f"产量完成率{chapter}", "30%"), ("产品质量", "20%"), ("安全生产", "15%"),
            ("成本控制", "15%"), ("设备完好率", "10%"), ("重点工作", "10%")]
    table = document.add_table(rows=len(rows), cols=2)
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    return 60


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()

    from assistant.review import review_file
    from assistant.review.facts.common import _cell_quantity, cell_amount
    from assistant.review.scheme import plain, reading

    def fresh() -> object:
        for cache in (reading, plain, cell_amount, _cell_quantity):
            cache.cache_clear()
        return review_file(path)

    with tempfile.TemporaryDirectory(prefix="payguide-bench-") as tmp:
        path = Path(tmp) / "方案.docx"
        chars = build_scheme(path, args.pages)
        first = time_ms(fresh, 1)[0]  # cold: knowledge units, jieba, python-docx
        cpu_start = time.process_time()
        times = time_ms(fresh, args.rounds)
        cpu_ms = (time.process_time() - cpu_start) * 1000 / args.rounds
        report = review_file(path)
        print(f"scheme: {args.pages} pages ≈ {chars} characters, {path.stat().st_size / 1024:.0f} KB, "
              f"{len(report.findings)} findings")
        print(f"review cold (first call): {first:.0f} ms")
        print(summary(f"review warm ({args.pages}-page .docx)", times))
        print(f"CPU time per review (independent of other load on the machine): {cpu_ms:.0f} ms")
        p95 = percentile(times, 95) / 1000
        print(f"target p95 ≤ 1 s warm: {'met' if p95 <= 1 else 'NOT met'} (p95 {p95:.2f} s)")


if __name__ == "__main__":
    main()
