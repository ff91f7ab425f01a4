"""A company's own documents (txt, md, docx, pdf) as new citable units under their own doc_id.

Documents with 第N条 articles are split by article; others into sections of about a page.
Ingesting the same content again changes nothing; a bad file raises KnowledgeError and leaves
the stored documents (and so the index) as they were.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path
from typing import NamedTuple

from .catalog import DocumentEntry, load_catalog
from .cleaning import ARTICLE_START, join_broken_lines
from .corpus import save_user_document, user_documents
from .errors import KnowledgeError
from .models import Unit
from .parser import parse_document

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
SECTION_CHARS = 800
MAX_RATIO = 100  # an archive member packed more tightly than this is a bomb, not a document
_DOC_ID = re.compile(r"^user-[0-9A-Za-z\u4e00-\u9fff_-]{1,80}$")


def max_bytes() -> int:
    return int(float(os.environ.get("PAYGUIDE_MAX_UPLOAD_MB", "20")) * 1024 * 1024)


def max_text_chars() -> int:
    return int(os.environ.get("PAYGUIDE_MAX_TEXT_CHARS", "2000000"))


def max_units() -> int:
    return int(os.environ.get("PAYGUIDE_MAX_UNITS", "5000"))


def _check_archive(path: Path) -> None:
    """Refuse before unpacking: total unpacked size and every member's compression ratio."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if sum(info.file_size for info in members) > 20 * max_bytes():
            raise KnowledgeError(f"{path.name} 解压后过大，已拒绝（疑似压缩炸弹）。")
        for info in members:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise KnowledgeError(f"{path.name} 的压缩比异常（超过 {MAX_RATIO} 倍），已拒绝（疑似压缩炸弹）。")


def _read_docx(path: Path) -> str:
    from docx import Document

    if not zipfile.is_zipfile(path):
        raise KnowledgeError(f"{path.name} 不是有效的 Word（.docx）文件，可能已损坏或只是改了扩展名。")
    _check_archive(path)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise KnowledgeError(f"{path.name} 无法解析为 Word 文档：文件可能已损坏。") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["| " + " | ".join(cell.text.strip() for cell in row.cells) + " |" for row in table.rows]
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise KnowledgeError(f"{path.name} 无法解析为 PDF：文件可能已损坏。") from exc


def _read_text(path: Path) -> str:
    from .encoding import decode_text

    text = decode_text(path.read_bytes())  # UTF-8, UTF-16 (Notepad's "Unicode"), GBK/GB18030
    if text is None or "\x00" in text:
        raise KnowledgeError(f"{path.name} 不是可识别的文本编码（请存为 UTF-8）。")
    return text


def read_document(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir():
        raise KnowledgeError(f"“{path.name or path}”是一个文件夹，请选择其中的文件导入。")
    if suffix not in SUFFIXES:
        raise KnowledgeError(f"不支持的文件类型“{suffix or '无扩展名'}”：可导入 {'、'.join(SUFFIXES)}。")
    if not path.is_file():
        raise KnowledgeError(f"找不到文件：{path.name}")
    size = path.stat().st_size
    if size == 0:
        raise KnowledgeError(f"{path.name} 是空文件，没有可导入的内容。")
    if size > max_bytes():
        raise KnowledgeError(f"{path.name} 超过 {max_bytes() // (1024 * 1024)} MB 的上限，未导入。")
    reader = {".docx": _read_docx, ".pdf": _read_pdf}.get(suffix, _read_text)
    text = reader(path)
    if len(text) > max_text_chars():
        raise KnowledgeError(f"{path.name} 的文字超过 {max_text_chars()} 字的上限，未导入；请拆分后分别导入。")
    if len(re.sub(r"\s", "", text)) < 10:
        if suffix in (".docx", ".pdf") and not text.strip():
            raise KnowledgeError(f"{path.name} 中没有可读取的文字（可能只有图片或扫描页）。")
        raise KnowledgeError(f"{path.name} 的文字太少（不足 10 字），不足以成为可引用的条款，未导入。")
    return text


def doc_id_for(path: Path) -> str:
    """A readable name and a short hash of the whole file name: ids never collide
    ('a b.txt' ≠ 'a-b.txt', '办法.txt' ≠ '办法.md', '!!!.txt' ≠ '###.txt')."""
    stem = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff_-]+", "-", path.stem).strip("-")[:32] or "doc"
    return f"user-{stem}-{hashlib.sha256(path.name.encode('utf-8')).hexdigest()[:6]}"


def check_doc_id(doc_id: str) -> str:
    """A user document id as `doc_id_for` makes them: nothing that could leave the folder."""
    if not _DOC_ID.fullmatch(doc_id or ""):
        raise KnowledgeError(f"“{doc_id}”不是导入文档的编号（形如 user-名称-abc123）。可用 payguide sources 查看。")
    return doc_id


def to_units(doc_id: str, title: str, text: str) -> list[Unit]:
    lines = join_broken_lines([line.strip() for line in text.splitlines()])
    if sum(bool(ARTICLE_START.match(line)) for line in lines) >= 2:
        units = parse_document(doc_id, title, "\n".join(lines))
        if len(units) > max_units():
            raise KnowledgeError(f"文档切分后超过 {max_units()} 个条目的上限，未导入；请拆分后分别导入。")
        if units:
            return units
    sections: list[str] = []
    for line in lines:
        if sections and len(sections[-1]) + len(line) <= SECTION_CHARS:
            sections[-1] += "\n" + line
        else:
            sections.append(line)
    if len(sections) > max_units():
        raise KnowledgeError(f"文档切分后超过 {max_units()} 个条目的上限，未导入；请拆分后分别导入。")
    return [Unit(id=f"{doc_id}/sec-{i}", doc_id=doc_id, doc_title=title, kind="section", section=i,
                 breadcrumb=(f"第{i}部分",), heading=f"{title} 第{i}部分", text=body)
            for i, body in enumerate(sections, 1)]


class Imported(NamedTuple):
    doc_id: str
    changed: bool
    replaced: str | None  # the earlier version's source file when this import replaced one


def ingest(path: Path) -> Imported:
    """Store the document's units and switch the index to include them (built before this
    returns, while other searches keep using the previous index); same content is a no-op."""
    path = Path(path)
    text = read_document(path)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = doc_id_for(path)
    replaced = None
    for entry, _, existing_sha in user_documents():
        if entry.doc_id == doc_id:
            if existing_sha == sha:
                return Imported(doc_id, False, None)
            replaced = entry.source_file
    title = path.stem[:60]
    units = to_units(doc_id, title, text)
    entry = DocumentEntry(doc_id=doc_id, title=title, short_name=title, applies_to="本企业自有文件",
                          source_file=path.name, user=True)
    save_user_document(entry, units, sha)
    from .index import refresh

    refresh()
    return Imported(doc_id, True, replaced)


def ingest_file(path: Path) -> tuple[str, bool]:
    """(doc_id, changed) — `ingest` for callers that need no more."""
    result = ingest(path)
    return result.doc_id, result.changed


def remove_document(doc_id: str) -> None:
    from .corpus import remove_user_document
    from .index import refresh

    if doc_id in {d.doc_id for d in load_catalog()}:
        raise KnowledgeError(f"“{doc_id}”是内置指引，不能删除。")
    remove_user_document(check_doc_id(doc_id))
    refresh()
