"""Speed of the clause review on a 30-page scheme (.docx), warm (knowledge and jieba loaded).

    python benchmarks/bench_review.py [--rounds 5] [--pages 30]

Target: ≤ 3 s per review. The scheme repeats realistic chapters (structure, step tables, KPI
tables, forced distribution, formulas) until it fills the requested number of pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).parent), str(ROOT), str(ROOT / "tests" / "review")]
from _util import summary, time_ms  # noqa: E402

CHARS_PER_PAGE = 700  # 仿宋三号 on A4 (GB/T 9704): 22 lines × 28 characters, less headings and tables


def build_scheme(path: Path, pages: int) -> int:
    """Write a scheme of about `pages` pages; returns its character count."""
    import docx
    from review_samples import GOOD

    document = docx.Document()
    document.add_heading("某某集团技能人才薪酬分配方案", level=0)
    chars, chapter = 0, 0
    while chars < pages * CHARS_PER_PAGE:
        chapter += 1
        document.add_heading(f"第{chapter}部分 {['生产', '维修', '检测', '调度', '营销', '研发'][chapter % 6]}单位实施细则", level=1)
        for key, text in GOOD.items():
            if key in ("title", "table"):
                continue
            document.add_paragraph(text)
            chars += len(text)
        chars += _step_table(document, chapter) + _kpi_table(document)
    document.save(str(path))
    return chars


def _step_table(document, chapter: int) -> int:
    grades = ["首席技师", "特级技师", "高级技师", "技师", "高级工", "中级工", "初级工", "普工"]
    table = document.add_table(rows=len(grades) + 1, cols=11)
    for c, head in enumerate(["岗位等级", *[str(i) for i in range(1, 11)]]):
        table.cell(0, c).text = head
    for r, grade in enumerate(grades, 1):
        table.cell(r, 0).text = grade
        for c in range(1, 11):
            table.cell(r, c).text = str(5000 - r * 400 + chapter * 10 + (c - 1) * (200 - r * 15))
    if chapter % 3 == 0:  # now and then an uneven step, so rules have findings to quote
        table.cell(2, 5).text = str(int(table.cell(2, 5).text) + 35)
    return 8 * 11 * 4


def _kpi_table(document) -> int:
    rows = [("考核指标", "权重"), ("产量完成率", "30%"), ("产品质量", "20%"), ("安全生产", "15%"),
            ("成本控制", "15%"), ("设备完好率", "10%"), ("重点工作", "10%")]
    table = document.add_table(rows=len(rows), cols=2)
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    return 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()

    from assistant.review import review_file

    with tempfile.TemporaryDirectory(prefix="payguide-bench-") as tmp:
        path = Path(tmp) / "方案.docx"
        chars = build_scheme(path, args.pages)
        first = time_ms(lambda: review_file(path), 1)[0]  # cold: knowledge units, regexes, python-docx
        times = time_ms(lambda: review_file(path), args.rounds)
        report = review_file(path)
        print(f"scheme: {args.pages} pages ≈ {chars} characters, {path.stat().st_size / 1024:.0f} KB, "
              f"{len(report.findings)} findings")
        print(f"review cold (first call): {first:.0f} ms")
        print(summary(f"review warm ({args.pages}-page .docx)", times))
        worst = max(times) / 1000
        print(f"target ≤ 3 s warm: {'met' if worst <= 3 else 'NOT met'} (worst {worst:.2f} s)")


if __name__ == "__main__":
    main()
