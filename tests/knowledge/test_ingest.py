"""Company documents as new citable units; bad files leave the knowledge base as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from docx import Document

import knowledge
from knowledge.ingest import ingest_file, remove_document

SCHEME = """某某机械有限公司薪酬管理办法
第一条 为规范公司薪酬分配，依据有关指引制定本办法。
第二条 本公司实行宽带薪酬，岗位工资分为七个等级。
第三条 公司设立蓝莓创新奖，每季度评选一次，奖励金额为每人两千元。
"""


@pytest.fixture()
def clean_home(tmp_path, monkeypatch):
    """A data home of its own: ingestion tests must not leak units into other tests."""
    monkeypatch.setenv("PAYGUIDE_HOME", str(tmp_path / "home"))
    from knowledge import index

    index.reset()
    yield tmp_path
    index.reset()


def _docs() -> set[str]:
    return {d.doc_id for d in knowledge.catalog()}


def test_ingest_txt_makes_citable_articles(clean_home):
    path = clean_home / "机械公司办法.txt"
    path.write_text(SCHEME, encoding="utf-8")
    doc_id, changed = ingest_file(path)
    assert changed and doc_id.startswith("user-机械公司办法-")
    hits = knowledge.search("蓝莓创新奖每季度评选", k=3)
    assert hits[0].unit.id == f"{doc_id}/art-3" and hits[0].unit.doc_id == doc_id
    assert ingest_file(path) == (doc_id, False)  # the same content again: nothing changes
    remove_document(doc_id)
    assert doc_id not in _docs() and knowledge.search("蓝莓创新奖每季度评选") == []


def test_ingest_docx_and_pdf(clean_home):
    docx_path = clean_home / "制度.docx"
    document = Document()
    for paragraph in SCHEME.splitlines():
        document.add_paragraph(paragraph)
    document.save(docx_path)
    assert ingest_file(docx_path)[1]
    pdf_path = clean_home / "通知.pdf"
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(pdf_path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(knowledge.KnowledgeError, match="没有可读取的文字"):
        ingest_file(pdf_path)  # a page with no text (a scan) is refused, not stored empty
    assert any(d.startswith("user-制度-") for d in _docs()) and not any(d.startswith("user-通知") for d in _docs())


@pytest.mark.parametrize("name, content, message", [
    ("空.txt", b"", "空文件"),
    ("坏.docx", b"this is not a zip at all", "不是有效的 Word"),
    ("坏.pdf", b"%PDF-1.4 garbage garbage", "PDF"),
    ("表格.xls", b"abc", "不支持的文件类型"),
])
def test_bad_files_get_a_chinese_error_and_change_nothing(clean_home, name, content, message):
    good = clean_home / "好.txt"
    good.write_text(SCHEME, encoding="utf-8")
    ingest_file(good)
    before = [(d.doc_id, d.unit_count) for d in knowledge.catalog()]
    bad = clean_home / name
    bad.write_bytes(content)
    with pytest.raises(knowledge.KnowledgeError, match=message):
        ingest_file(bad)
    assert [(d.doc_id, d.unit_count) for d in knowledge.catalog()] == before


def test_zip_bomb_docx_is_refused(clean_home, monkeypatch):
    monkeypatch.setenv("PAYGUIDE_MAX_UPLOAD_MB", "1")
    bomb = clean_home / "炸弹.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (30 * 1024 * 1024))
    with pytest.raises(knowledge.KnowledgeError, match="压缩炸弹"):
        ingest_file(bomb)


def test_path_tricks_in_file_names_make_safe_ids(clean_home):
    path = clean_home / "..%2F..%2Fetc passwd.txt"
    path.write_text(SCHEME, encoding="utf-8")
    doc_id, _ = ingest_file(path)
    assert "/" not in doc_id and ".." not in doc_id
    stored = list((clean_home / "home" / "documents").glob("*.json"))
    assert len(stored) == 1 and stored[0].parent == clean_home / "home" / "documents"


def test_sources_and_ingest_cli(clean_home):
    path = clean_home / "办法.md"
    path.write_text(SCHEME, encoding="utf-8")
    env = {**os.environ}

    def run(*a: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant.cli", *a], capture_output=True, text=True, env=env, timeout=300, check=False)

    first = json.loads(run("ingest", str(path), "--json").stdout)
    doc_id = first[0]["doc_id"]
    assert first == [{"file": str(path), "doc_id": doc_id, "changed": True, "replaced": None}] and doc_id.startswith("user-办法-")
    assert json.loads(run("ingest", str(path), "--json").stdout)[0]["changed"] is False
    listed = {d["doc_id"]: d for d in json.loads(run("sources", "--json").stdout)}
    assert listed[doc_id]["unit_count"] == 3 and listed["soe_internal"]["complete"] is False
    removed = run("sources", "--remove", doc_id, "--json")
    assert doc_id not in {d["doc_id"] for d in json.loads(removed.stdout)}
    refused = run("sources", "--remove", "soe_tech")
    assert refused.returncode != 0 and "内置指引" in refused.stderr


@pytest.mark.parametrize("names", [("薪酬管理办法.txt", "薪酬管理办法.md"), ("a b.txt", "a-b.txt"), ("!!!.txt", "###.txt")])
def test_document_ids_never_collide(clean_home, names):
    ids = set()
    for name in names:
        path = clean_home / name
        path.write_text(SCHEME, encoding="utf-8")
        ids.add(ingest_file(path)[0])
    assert len(ids) == 2 and ids <= _docs()


def test_remove_is_confined_to_the_data_folder(clean_home):
    victim = clean_home / "victim.json"
    victim.write_text("{}", encoding="utf-8")
    for doc_id in ("../../../victim", "../victim", "/etc/passwd", "user-../../victim"):
        with pytest.raises(knowledge.KnowledgeError):
            remove_document(doc_id)
    assert victim.exists()


def test_a_reimport_says_what_it_replaced(clean_home):
    from knowledge.ingest import ingest

    path = clean_home / "办法.txt"
    path.write_text(SCHEME, encoding="utf-8")
    first = ingest(path)
    path.write_text(SCHEME + "第四条 新增条款，自发布之日起施行。\n", encoding="utf-8")
    second = ingest(path)
    assert second.doc_id == first.doc_id and second.changed and second.replaced == "办法.txt"


@pytest.mark.parametrize("variable, value, content, message", [
    ("PAYGUIDE_MAX_TEXT_CHARS", "100", "第一条 " + "薪酬" * 200, "上限"),
    ("PAYGUIDE_MAX_UNITS", "2", "\n".join(f"第{n}条 条款内容，按月发放。" for n in "一二三四五"), "条目"),
])
def test_ingest_limits_are_enforced_with_chinese_messages(clean_home, monkeypatch, variable, value, content, message):
    monkeypatch.setenv(variable, value)
    path = clean_home / "大文件.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=message):
        ingest_file(path)


def test_a_highly_compressed_docx_member_is_refused(clean_home):
    bomb = clean_home / "比例.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w>" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(knowledge.KnowledgeError, match="压缩"):
        ingest_file(bomb)
