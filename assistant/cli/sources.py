"""`payguide sources [--remove DOC_ID] [--json]` and `payguide ingest FILE…`."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from ._common import emit_json, guarded


@app.command("sources")
@guarded
def sources(
    remove: str | None = typer.Option(None, "--remove", help="删除一个导入的文档（doc_id）"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """列出知识库中的文档及单元数；--remove 删除导入的企业文件。"""
    import knowledge

    if remove:
        from knowledge.ingest import remove_document

        title = next((d.title for d in knowledge.catalog() if d.doc_id == remove), remove)
        remove_document(remove)
        if not json_out:
            typer.echo(f"已删除：《{title}》（{remove}）")
    docs = knowledge.catalog()
    if json_out:
        emit_json([d.model_dump() for d in docs])
        return
    for d in docs:
        note = "" if d.complete else f"（不完整：{d.completeness_note}）"
        source = "导入" if d.user else "内置"
        typer.echo(f"{d.doc_id:<16} {d.unit_count:>4} 个单元  [{source}] 《{d.title}》{note}")
    from knowledge.corpus import damaged_user_documents

    for doc_id in damaged_user_documents():  # silently missing from searches otherwise
        typer.echo(f"{doc_id:<16}    ? 个单元  [导入] 文件已损坏，检索时不会用到；请重新导入原文件，或用 --remove {doc_id} 删除")


@app.command("ingest")
@guarded
def ingest(
    files: list[Path] = typer.Argument(..., help="要导入的文件（.txt .md .docx .pdf）"),
    json_out: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """导入企业自己的文件，作为可引用的新单元。"""
    from knowledge.ingest import ingest as run

    results = []
    for path in files:
        done = run(path)
        results.append({"file": str(path), "doc_id": done.doc_id, "changed": done.changed, "replaced": done.replaced})
        if not json_out:
            if not done.changed:
                status = "内容未变，无需重复导入"
            elif done.replaced:
                status = f"已导入，替换了之前导入的旧版本（{done.replaced}）"
            else:
                status = "已导入"
            typer.echo(f"{path.name} → {done.doc_id}：{status}")
    if json_out:
        emit_json(results)
