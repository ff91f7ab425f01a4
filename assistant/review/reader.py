"""Read a draft scheme (.docx, .txt, .md) into blocks, refusing hostile files before parsing them.

Nothing is unpacked to disk: python-docx reads the zip in place, so a refused or failed read
leaves no temporary file behind.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .config import ReviewLimits, review_limits
from .errors import ReviewError
from .layout import current_columns, current_wording, unpaged
from .models import Block

SUFFIXES = (".docx", ".txt", ".md")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc / .xls
_MAX_MEMBERS = 5000


def read_file(path: Path, limits: ReviewLimits | None = None) -> list[Block]:
    """Blocks of the scheme at `path`; ReviewError (Chinese) for anything unreadable."""
    limits = limits or review_limits()
    _check_file(path, limits)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path, limits)
    return text_blocks(_decode(path.read_bytes()), markdown=suffix == ".md")


def _check_file(path: Path, limits: ReviewLimits) -> None:
    if not path.is_file():
        raise ReviewError(f"找不到文件：{path.name}")
    if path.suffix.lower() not in SUFFIXES:
        raise ReviewError(f"不支持的文件类型“{path.suffix or '无扩展名'}”：请上传 .docx、.txt 或 .md 格式的方案。")
    size = path.stat().st_size
    if size == 0:
        raise ReviewError("文件是空的（0 字节），没有可审查的内容。")
    if size > limits.max_bytes:
        raise ReviewError(
            f"文件过大（{size / 1048576:.1f} MB），超过上限 {limits.max_bytes / 1048576:.0f} MB"
            "（可用环境变量 PAYGUIDE_MAX_UPLOAD_MB 调整）。"
        )


# ---- .docx -------------------------------------------------------------------------------


def _check_zip(path: Path, limits: ReviewLimits) -> None:
    """Refuse renamed files and zip bombs from the zip directory alone, before inflating anything."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE_MAGIC):
        raise ReviewError("这是旧版 Word（.doc）或其他 Office 二进制文件，请在 Word 中另存为 .docx 后再上传。")
    if not zipfile.is_zipfile(path):
        raise ReviewError("文件不是有效的 Word 文档（.docx）：内容不是 docx 格式，可能是改了扩展名的其他文件。")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReviewError("Word 文档已损坏，无法打开。") from exc
    if len(infos) > _MAX_MEMBERS:
        raise ReviewError("Word 文档内部文件数量异常，疑似恶意压缩包，已拒绝处理。")
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > 1048576 and i.file_size > limits.max_ratio * max(i.compress_size, 1) for i in infos)
    if total > limits.max_unzipped_bytes or bomb:
        raise ReviewError("Word 文档解压后体积异常（疑似“压缩炸弹”），已拒绝处理。")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ReviewError("文件不是有效的 Word 文档（.docx）：缺少正文部分 word/document.xml。")


def _read_docx(path: Path, limits: ReviewLimits) -> list[Block]:
    _check_zip(path, limits)
    import docx  # deferred: python-docx and lxml cost start-up time

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on malformed parts
        raise ReviewError("Word 文档已损坏或格式不受支持，无法读取。") from exc
    blocks = _unpaged_paragraphs(_docx_blocks(document.element.body))
    if not any(b.text.strip() for b in blocks):
        if _has_images(path):
            raise ReviewError("文档中只有图片，没有可读取的文字（可能是扫描件）：请上传含文字的方案。")
        raise ReviewError("文档中没有可读取的文字。")
    return _with_context(blocks)


def _docx_blocks(body) -> list[Block]:
    """Paragraphs and tables of the body in document order (content controls are descended into)."""
    blocks: list[Block] = []

    def walk(parent) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                text = current_wording(_text_of(child)).strip()
                if text:
                    blocks.append(Block(index=len(blocks), kind="paragraph", text=text, heading=_is_heading_p(child, text)))
            elif tag == f"{_W}tbl":
                rows = current_columns(_table_rows(child))
                if any(any(c for c in r) for r in rows):
                    blocks.append(Block(index=len(blocks), kind="table", rows=rows, text=_table_text(rows)))
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    walk(content)

    walk(body)
    return blocks


def _unpaged_paragraphs(blocks: list[Block]) -> list[Block]:
    """A Word file converted from a PDF holds each printed line as a paragraph, with the page numbers and
    the running title as paragraphs of their own: the paragraphs between two tables are read as the lines
    of a text (`layout.unpaged`), and a paragraph left as it was keeps its own heading mark."""
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        lines = unpaged([b.text for b in run])
        if lines == [b.text for b in run]:
            out.extend(run)
        else:
            kept = {b.text: b.heading for b in run}
            out.extend(Block(index=0, kind="paragraph", text=line, heading=kept.get(line, _looks_like_heading(line)))
                       for line in lines if line.strip())
        run.clear()

    for block in blocks:
        if block.kind == "paragraph":
            run.append(block)
            continue
        flush()
        out.append(block)
    flush()
    for i, block in enumerate(out):
        block.index = i
    return out


def _text_of(element) -> str:
    """The text of a paragraph as it now stands: a run formatted as struck through is wording the
    draft deletes (tracked deletions sit in w:delText and are never read)."""
    marks = {f"{_W}tab": "\t", f"{_W}br": "\n"}
    return "".join(marks.get(n.tag) or n.text or "" for n in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br") if not _struck(n))


def _struck(node) -> bool:
    run = node.getparent()
    if run is None or run.tag != f"{_W}r":
        return False
    strike = run.find(f"{_W}rPr/{_W}strike")
    if strike is None:
        strike = run.find(f"{_W}rPr/{_W}dstrike")
    return strike is not None and strike.get(f"{_W}val") not in ("0", "false", "off")


def _table_rows(tbl) -> list[list[str]]:
    """Cells as written, the paragraphs of a cell joined by a blank; a cell merged down from the row
    above (vMerge) repeats that row's text, so every row keeps its name, and a cell merged across
    (gridSpan) stands in every column it spans, so a heading over two columns (2025年预算 over 金额 |
    增幅) heads both; nested tables are flattened into their cell's text."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            text = " ".join(" ".join(current_wording(_text_of(p)).split()) for p in tc.iter(f"{_W}p")).strip()
            col = len(row)
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val") != "restart" and not text and rows and col < len(rows[-1]):
                text = rows[-1][col]
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            width = int(span.get(f"{_W}val") or 1) if span is not None and (span.get(f"{_W}val") or "1").isdigit() else 1
            row.extend([text] * max(width, 1))
        rows.append(row)
    return rows


def _is_heading_p(p, text: str) -> bool:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = (style.get(f"{_W}val") or "") if style is not None else ""
    return bool(re.match(r"(?i)(heading|title|标题|\d)", name)) or _looks_like_heading(text)


def _has_images(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        return any(n.startswith("word/media/") for n in zf.namelist())


# ---- .txt / .md --------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    from knowledge.encoding import decode_text

    text = decode_text(data)  # UTF-8, UTF-16 (Notepad's "Unicode"), GBK/GB18030: as imports and tables
    if text is not None and "\x00" not in text:
        return text
    if b"\x00" in data[:4096]:
        raise ReviewError("文件不是文本文件（含二进制内容）：请上传 .docx、.txt 或 .md 格式的方案。")
    raise ReviewError("无法识别文件编码：请将文本保存为 UTF-8 或 GBK 编码后再上传。")


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def text_blocks(text: str, markdown: bool = False, tables: list[list[list[str]]] | None = None) -> list[Block]:
    """Blocks from plain or markdown text; pipe, tab or space-aligned lines become tables."""
    blocks: list[Block] = []
    pending: list[list[str]] = []
    typed: list[str] = []

    def flush() -> None:
        if pending:
            rows = current_columns(pending)
            shown = typed if rows is pending else [" | ".join(r) for r in rows]
            blocks.append(Block(index=len(blocks), kind="table", rows=list(rows), lines=list(shown), text=_table_text(rows)))
            pending.clear()
            typed.clear()

    lines = unpaged([current_wording(raw).strip() for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    aligned = _aligned_rows(lines)
    for i, line in enumerate(lines):
        cells = _row_cells(line) or aligned.get(i)
        if cells is not None:
            if not _MD_RULE.match(line):
                pending.append(cells)
                typed.append(line)
            continue
        flush()
        if not line:
            continue
        heading = markdown and line.startswith("#")
        line = _strip_markdown(line) if markdown else line
        if line:
            blocks.append(Block(index=len(blocks), kind="paragraph", text=line, heading=heading or _looks_like_heading(line)))
    flush()
    for rows in tables or []:
        clean = [[" ".join(str(c).split()) for c in r] for r in rows]
        blocks.append(Block(index=len(blocks), kind="table", rows=clean, text=_table_text(clean)))
    if not any(b.text.strip() for b in blocks):
        raise ReviewError("文本中没有可审查的内容。")
    return _with_context(blocks)


_GAP = re.compile(r"(?:\s{2,}|\u3000+)")


def _aligned_rows(lines: list[str]) -> dict[int, list[str]]:
    """Rows of a table typed with spaces: consecutive lines of cells set apart by runs of blanks,
    with the same number of cells (give or take one) — two or more lines of three or more cells, or
    three or more lines of two cells (a two-column list such as 工龄段 / 月标准: one gapped line
    alone could be prose typed with a wide space)."""
    split = [[c for c in _GAP.split(line) if c] if line else [] for line in lines]
    out: dict[int, list[str]] = {}
    run: list[int] = []

    def close() -> None:
        # a numbered provision ("3.1  经理级人员实行年薪制，…：") typed with a wide gap is no row: it ends a table
        items = {j for j in run if _numbered_item(split[j])}
        for part in _parts([j for j in run if j not in items]):
            if len(part) >= (2 if len(split[part[0]]) >= 3 else 3) and not all(j in items for j in part):
                out.update({j: split[j] for j in part})

    for i in range(len(lines) + 1):
        width = len(split[i]) if i < len(lines) else 0
        fits = width >= 2 and bool(run) and abs(width - len(split[run[0]])) <= 1 and min(width, len(split[run[0]])) >= 2
        if fits:
            run.append(i)
            continue
        close()
        run = [i] if width >= 2 else []
    return out


_OUTLINE = re.compile(r"^(?:[0-9]+(?:[.．][0-9]+)*[.．、]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)])$")
_ITEM_TEXT = 12  # an item's text this long, or ending a sentence, is prose rather than a cell


def _numbered_item(cells: list[str]) -> bool:
    """"1.1  公司与工会经协商，…。": an outline number set apart from a provision by a wide gap is an item of
    a numbered list, not a row of a two-column table."""
    return len(cells) == 2 and _OUTLINE.match(cells[0]) is not None and (
        len(cells[1]) >= _ITEM_TEXT or cells[1].endswith(("。", "；", "：", ":", ";")))


def _parts(kept: list[int]) -> list[list[int]]:
    """Runs of consecutive line numbers in `kept`, split where an item line stood between them."""
    parts: list[list[int]] = []
    for j in kept:
        if parts and j == parts[-1][-1] + 1:
            parts[-1].append(j)
        else:
            parts.append([j])
    return parts


def _row_cells(line: str) -> list[str] | None:
    if line.startswith("|") and line.count("|") >= 2:
        return [c.strip() for c in line.strip("|").split("|")]
    if line.count("\t") >= 1 and len([c for c in line.split("\t") if c.strip()]) >= 2:
        return [c.strip() for c in line.split("\t")]
    return None


def _strip_markdown(line: str) -> str:
    line = re.sub(r"^#{1,6}\s*", "", line)
    line = re.sub(r"^[-*+]\s+", "", line)
    return re.sub(r"(\*\*|__|`)", "", line).strip()


_HEADING = re.compile(r"^(第[一二三四五六七八九十百零\d]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(\.\d+)*[、.．\s])")


def _looks_like_heading(text: str) -> bool:
    return len(text) <= 30 and not text.endswith(("。", "；")) and bool(_HEADING.match(text))


def _table_text(rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(c for c in r) for r in rows)


def _with_context(blocks: list[Block]) -> list[Block]:
    """Give each block the heading or lead-in paragraph above it (a table's subject)."""
    context = ""
    for block in blocks:
        block.context = context
        if block.kind == "paragraph" and _UNIT_LINE.match(block.text):
            context = f"{context}（{block.text.strip('（）() ')}）"  # "单位：万元" under "附件1 …预算表": the heading still names the table
        elif block.kind == "paragraph" and (block.heading or block.text.endswith(("：", ":")) or len(block.text) <= 40):
            context = block.text
    return blocks


_UNIT_LINE = re.compile(r"^[（(]?\s*(?:金额|计量)?单位\s*[:：][^。；]{0,20}[)）]?$")
