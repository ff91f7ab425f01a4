"""`payguide search QUERY [-k N] [--doc DOC_ID] [--kind KIND] [--json]`."""

from __future__ import annotations

import typer

from . import app
from ._common import emit_json, guarded


@app.command("search")
@guarded
def search(
    query: str = typer.Argument(..., help="检索内容，例如：师带徒津贴 / 第三十四条 / 科技人才指引第40条"),
    k: int = typer.Option(5, "-k", min=1, max=50, help="返回条数"),
    doc: str | None = typer.Option(None, "--doc", help="只在某个文档中检索（doc_id）"),
    kind: str | None = typer.Option(None, "--kind", help="只检索某类单元：article / case / appendix / section"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """检索指引条款与案例（离线混合检索），并说明每条为何命中。"""
    import knowledge

    result = knowledge.search_result(query, k=k, doc_id=doc, kind=kind)
    hits = result.hits
    for line in (result.notice, *result.reference.missing):
        if line:
            typer.echo(line, err=True)  # stdout stays one JSON document
    if json_out:
        emit_json([
            {"id": h.unit.id, "doc_id": h.unit.doc_id, "doc_title": h.unit.doc_title, "kind": h.unit.kind,
             "article": h.unit.article, "case": h.unit.case, "heading": h.unit.heading, "breadcrumb": list(h.unit.breadcrumb),
             "text": h.unit.text, "score": h.score, "why": h.why}
            for h in hits
        ])
        return
    if not hits:
        if not result.reference.missing:
            typer.echo("指引中没有与此相关的条款。")
        return
    for rank, h in enumerate(hits, 1):
        typer.echo(f"{rank}. 《{h.unit.doc_title}》{h.unit.heading}  得分 {h.score:.3f}")  # ids are for --json
        typer.echo(f"   命中原因：{h.why}")
        snippet = h.unit.text.replace("\n", " ")
        typer.echo(f"   {snippet[:120]}{'…' if len(snippet) > 120 else ''}")
