"""`payguide eval-review DIR`: the clause review measured on schemes with planted problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from . import app


@app.command("eval-review", help="用审查评测集（方案 + .expected.json）测量条款审查：各条款召回率、误报“违反”、must_not 违例。")
def eval_review(
    folder: Annotated[Path, typer.Argument(help="评测集目录（tests/review_data/dev 或 heldout）")],
    show: Annotated[bool, typer.Option("--show", help="列出漏报和误报（留出集只给汇总，以免据此调参）")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    from assistant.review import review_file
    from assistant.review.evaluation import evaluate, load_cases
    from calculators.applicability import clause_name

    if not folder.is_dir():
        typer.echo(f"找不到评测集目录：{folder}", err=True)
        raise typer.Exit(2)
    result = evaluate(load_cases(folder), review_file)
    held_out = "heldout" in folder.resolve().name
    clean = sum(1 for c in result.cases if not c.found and not c.missed)
    clean_errors = sum(1 for c in result.cases if not c.found and not c.missed and c.false_errors)
    totals: dict[str, object] = {
        "schemes": len(result.cases), "clean_schemes": clean, "planted": result.planted, "found": result.found,
        "recall": round(result.recall, 4), "false_errors": result.false_errors, "clean_with_errors": clean_errors,
        "must_not_broken": result.must_not_broken,
        "ownership_right": sum(c.ownership_right for c in result.cases), "region_right": sum(c.region_right for c in result.cases),
    }
    if not held_out:
        totals["by_clause"] = [{"clause": k, "title": clause_name(k), "found": f, "planted": n} for k, f, n in result.by_clause()]
    if as_json:
        typer.echo(json.dumps(totals, ensure_ascii=False, indent=2))
        return
    typer.echo(f"方案 {totals['schemes']} 份（无问题方案 {clean} 份）；预置问题 {result.planted} 个，检出 {result.found} 个，召回率 {result.recall:.1%}")
    typer.echo(f"误报“违反” {result.false_errors} 条（无问题方案中报“违反”的 {clean_errors} 份）；must_not 违例 {result.must_not_broken} 条")
    typer.echo(f"所有制判断正确 {totals['ownership_right']}/{len(result.cases)}，地区判断正确 {totals['region_right']}/{len(result.cases)}")
    if held_out:
        return
    typer.echo(f"\n{'条款':<36}{'检出/预置':>10}")
    for clause, found, planted in result.by_clause():
        typer.echo(f"{clause_name(clause) + '（' + clause + '）':<36}{found:>5}/{planted:<4}")
    if show:
        for c in result.cases:
            for p in c.missed:
                typer.echo(f"✗ 漏报 {c.name}：{p.clause} {p.severity.label} — {p.problem}")
            for line in c.false_errors:
                typer.echo(f"✗ 误报违反 {c.name}：{line}")
            for line in c.must_not_broken:
                typer.echo(f"✗ must_not {c.name}：{line}")
            if not c.ownership_right or not c.region_right:
                typer.echo(f"✗ 企业情况 {c.name}：所有制{'✓' if c.ownership_right else '✗'} 地区{'✓' if c.region_right else '✗'}")
