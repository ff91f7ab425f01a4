"""Hostile and odd uploads: each refused with a clear Chinese message, nothing left on disk."""

from __future__ import annotations

import os
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from review_samples import GOOD, scheme_text

from assistant.review import ReviewError, review_file
from assistant.review.facts import SeriesKind, read_facts
from assistant.review.reader import read_file
from assistant.review.scheme import Scheme


@pytest.fixture(autouse=True)
def no_leftovers(tmp_path):
    """No temporary file appears in the system temp dir or beside the upload."""
    tmp = Path(tempfile.gettempdir())
    before = set(tmp.iterdir())
    yield
    leaked = {p for p in set(tmp.iterdir()) - before if not p.name.startswith(("pytest-", "payguide-test-home-"))}
    assert not leaked, leaked
    assert not list(tmp_path.glob("*.tmp"))


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(ReviewError) as info:
        review_file(path)
    message = str(info.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    for word in words:
        assert word in message, message
    return message


def _png() -> bytes:
    """A 1×1 white PNG, built by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_text_renamed_to_docx(tmp_path):
    path = tmp_path / "方案.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    _refused(path, "不是有效的 Word")


def test_legacy_doc_renamed(tmp_path):
    path = tmp_path / "方案.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _refused(path, ".doc")


def test_zip_without_document_part(tmp_path):
    path = tmp_path / "方案.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    _refused(path, "document.xml")


def test_zip_bomb_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            block = b"\x00" * (1 << 20)
            for _ in range(30):  # 30 MB of zeros, a few tens of KB on disk
                member.write(block)
    assert path.stat().st_size < 1 << 20
    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("parsed a zip bomb"))
    _refused(path, "压缩炸弹")


def test_sizes_declared_in_the_zip_directory_are_checked(tmp_path, monkeypatch):
    # A crafted zip that claims a huge member: refused from the directory, nothing inflated.
    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("parsed a zip bomb"))
    path = tmp_path / "大.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", "<w/>")
        zf.writestr("word/media/a.bin", os.urandom(700_000))
    # Lie about the size in the central directory, as a crafted bomb would.
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", data[eocd + 16 : eocd + 20])[0]
    second = data.find(b"PK\x01\x02", cd_offset + 4)
    data[second + 24 : second + 28] = struct.pack("<I", 900_000_000)
    path.write_bytes(bytes(data))
    _refused(path, "压缩炸弹")


def test_fifty_megabyte_file(tmp_path):
    path = tmp_path / "巨大.docx"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: fast to make, still 50 MB to the size check
    _refused(path, "文件过大", "20 MB", "PAYGUIDE_MAX_UPLOAD_MB")


def test_size_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "方案.txt"
    path.write_text(scheme_text() * 40, encoding="utf-8")
    monkeypatch.setenv("PAYGUIDE_MAX_UPLOAD_MB", "0.01")
    _refused(path, "文件过大")
    monkeypatch.setenv("PAYGUIDE_MAX_UPLOAD_MB", "5")
    assert review_file(path).findings == []


def test_time_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "方案.txt"
    path.write_text(scheme_text(), encoding="utf-8")
    monkeypatch.setenv("PAYGUIDE_REVIEW_TIMEOUT_S", "0.000001")
    _refused(path, "超时", "PAYGUIDE_REVIEW_TIMEOUT_S")


@pytest.mark.parametrize("value", ["三十", "0", "-5"])
def test_an_unusable_limit_is_refused_not_replaced_by_the_default(tmp_path, monkeypatch, value):
    path = tmp_path / "方案.txt"
    path.write_text(scheme_text(), encoding="utf-8")
    monkeypatch.setenv("PAYGUIDE_REVIEW_TIMEOUT_S", value)
    _refused(path, "PAYGUIDE_REVIEW_TIMEOUT_S", "应为正数", value)


@pytest.mark.parametrize("name", ["空.docx", "空.txt", "空.md"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    _refused(path, "空")


def test_blank_text(tmp_path):
    path = tmp_path / "空白.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    _refused(path, "没有可审查的内容")


def test_docx_of_only_images(tmp_path):
    image = tmp_path / "p.png"
    image.write_bytes(_png())
    document = docx.Document()
    document.add_picture(str(image))
    document.add_paragraph("   ")
    path = tmp_path / "扫描件.docx"
    document.save(str(path))
    _refused(path, "只有图片")


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "方案.pdf"
    path.write_bytes(b"%PDF-1.4")
    _refused(path, "不支持的文件类型")


def test_binary_text_file(tmp_path):
    path = tmp_path / "方案.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    _refused(path, "不是文本文件")


def test_missing_file(tmp_path):
    _refused(tmp_path / "没有.docx", "找不到文件")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_text_encodings(tmp_path, encoding):
    path = tmp_path / "方案.txt"
    path.write_bytes(scheme_text().replace("〔", "[").replace("〕", "]").encode(encoding))
    report = review_file(path)
    assert report.findings == [] and report.assumptions[0].value == "国有"


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    document = docx.Document()
    rows = [r.strip("|").split("|") for r in GOOD["table"].splitlines() if "---" not in r]
    for key, text in GOOD.items():
        if key == "table":
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell.strip()
        else:
            document.add_paragraph(text.lstrip("# "), style="Heading 1" if key == "title" else None)
    path = tmp_path / "方案.docx"
    document.save(str(path))
    report = review_file(path)
    assert report.findings == []
    steps = read_facts(Scheme(read_file(path))).steps
    assert [s.name for s in steps if s.kind is SeriesKind.PAY_STEPS] == ["高级技师", "技师", "高级工"]


def test_entity_expansion_in_document_xml(tmp_path):
    # "Billion laughs": entities are not expanded; the document is refused as damaged, at once.
    base = tmp_path / "base.docx"
    document = docx.Document()
    document.add_paragraph("x")
    document.save(str(base))
    entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, body if info.filename == "word/document.xml" else zin.read(info.filename))
    _refused(path, "无法读取")
