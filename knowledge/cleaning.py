"""Turning the converted source texts into clean copies in one common light-markdown form.

Each source carries its own conversion damage, so each has its own cleaner; all of them emit
the same form, which `parser` reads:

    # 标题
    ## 第一章 总则            chapter          ### 第一节 岗位评价     section
    第一条 ……                 article start    (following lines: its paragraphs)
    ## 附件1 标题             appendix         | 单元格 | 单元格 |      table row
    ## 案例1 标题             case             ### 一、……              case section

Regenerate the committed copies with `python -m knowledge.cleaning ../shared/sources`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .numerals import CN_NUMERAL, cn_to_int

ARTICLE_START = re.compile(rf"^第({CN_NUMERAL})条\s*")
_MARKUP = re.compile(r"\[(?:bookmark|image):[^\]]*\]")
_SENTENCE_END = tuple("。；：！？…”」）)")
_ASCII_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})


def _squeeze(text: str) -> str:
    """Drop spaces between Chinese characters ('总 则' → '总则') and trim."""
    text = text.replace("\u00a0", " ").replace("\u3000", " ")
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _is_block(line: str) -> bool:
    """Headings, table rows, captions and formulas stand alone: nothing is joined onto them."""
    return "=" in line or line.startswith(("#", "|")) or bool(re.match(r"^[表图]\s*\d", line))


def _starts_item(line: str) -> bool:
    return bool(re.match(rf"^(?:[（(]{CN_NUMERAL}[）)]|{CN_NUMERAL}、|\d+[.、．]|[（(]\d+[）)])", line))


def join_broken_lines(lines: list[str]) -> list[str]:
    """Re-join sentences the conversion broke across (blank) lines."""
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        previous = out[-1] if out else ""
        if (
            previous
            and not _is_block(previous)
            and not previous.endswith(_SENTENCE_END)
            and not _is_block(line)
            and not ARTICLE_START.match(line)
            and not _starts_item(line)
        ):
            out[-1] = previous + line
        else:
            out.append(line)
    return out


def _table_row(line: str) -> str:
    cells = [_squeeze(c) for c in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return "| " + " | ".join(cells) + " |"


# ---- qujing_skill: 曲靖市企业技能人才薪酬分配指引（试行） ------------------------------------


def _qujing_appendix(block: list[str]) -> list[str]:
    """附件1 is a grade × pay-step grid whose cells the conversion scattered one per line."""
    cells = [_squeeze(c) for line in block for c in line.split("\t") if _squeeze(c)]
    title = cells[0]
    grades_start = next(i for i, c in enumerate(cells) if c.startswith("“高精尖缺”"))
    steps = [c for c in cells[grades_start - 10 : grades_start] if re.fullmatch(r"\d+|…", c)]
    notes_start = next(i for i, c in enumerate(cells) if c.startswith("可体现"))
    grades = [c for c in cells[grades_start:notes_start] if c not in {"标", "准", "高技能领军人才"}]
    grades[0] = "“高精尖缺”高技能领军人才"
    notes = [c for c in cells[notes_start:] if c != title and not c.startswith("附件") and c != "典型案例"]
    rows = ["| 岗位等级 | 岗位工资标准 | 薪级工资标准（薪级 " + "、".join(steps) + "） |"]
    rows += [f"| {grade} |  |  |" for grade in grades]
    return [f"## 附件1 {title}", *rows, *notes]


def clean_qujing_skill(raw: str) -> str:
    lines = [_MARKUP.sub("", line).rstrip() for line in raw.splitlines()]
    appendix_at = next(i for i, line in enumerate(lines) if line.strip() == "某企业技能人才岗位工资和薪级工资标准指引")
    cases_at = next(i for i, line in enumerate(lines) if line.strip() == "案例1")
    out = ["# " + _squeeze(lines[0])]
    for line in lines[1:appendix_at]:
        line = _squeeze(line)
        if re.match(rf"^第{CN_NUMERAL}章", line):
            out.append("## " + re.sub(rf"^(第{CN_NUMERAL}章)\s*", r"\1 ", line))
        elif line.startswith("附件"):
            continue  # the list of attachments; each attachment follows as its own unit
        else:
            out.append(re.sub(rf"^(第{CN_NUMERAL}条)\s*", r"\1 ", line))
    out += _qujing_appendix(lines[appendix_at:cases_at])
    out += _cases(lines[cases_at:], heading=re.compile(rf"^{CN_NUMERAL}、"))
    return "\n".join(line for line in out if line) + "\n"


def _cases(lines: list[str], heading: re.Pattern[str]) -> list[str]:
    """'案例N' followed by its title lines, then sections opened by '一、…' headings."""
    out: list[str] = []
    title: list[str] | None = None
    case_header = ""
    for raw in lines:
        if raw.startswith("|"):
            title = None
            out.append(raw)
            continue
        line = _squeeze(raw.lstrip().lstrip("#"))
        if not line:
            continue
        match = re.fullmatch(r"案例\s*(\d+)", line)
        if match:
            title, case_header = [], f"## 案例{match.group(1)}"
            out.append(case_header)
            continue
        if title is not None and not heading.match(line) and len(line) <= 40 and not line.endswith("。"):
            title.append(line)
            out[-1] = f"{case_header} {''.join(title)}"
            continue
        title = None
        out.append(("### " + line) if heading.match(line) and len(line) <= 60 else line)
    return out


# ---- soe_tech: 国有企业科技人才薪酬分配指引 (markdown) -------------------------------------


def clean_soe_tech(raw: str) -> str:
    # Keep trailing tabs: they are a table row's empty cells.
    lines = [_MARKUP.sub("", line).replace("**", "").rstrip("\r\n ") for line in raw.splitlines()]
    cases_at = next(i for i, line in enumerate(lines) if re.match(r"^#+\s*案例\s*1\s*$", line))
    out: list[str] = []
    for raw_line in lines[:cases_at]:
        text = _squeeze(raw_line.lstrip("#"))
        if not text:
            continue
        if raw_line.startswith("#") and re.match(rf"^第{CN_NUMERAL}章", text):
            out.append("## " + re.sub(rf"^(第{CN_NUMERAL}章)\s*", r"\1 ", text))
        elif raw_line.startswith("#") and re.match(rf"^第{CN_NUMERAL}节", text):
            out.append("### " + re.sub(rf"^(第{CN_NUMERAL}节)\s*", r"\1 ", text))
        elif raw_line.startswith("#"):
            out.append("# " + text)
        else:
            out.append(re.sub(rf"^(第{CN_NUMERAL}条)\s*", r"\1 ", _full_width_list_marks(text)))
    case_lines = []
    for raw_line in lines[cases_at:]:
        if "\t" in raw_line:
            case_lines.append(_table_row(raw_line))
        else:
            case_lines.append(_full_width_list_marks(raw_line))
    out += _cases(case_lines, heading=re.compile(rf"^{CN_NUMERAL}、"))
    return "\n".join(join_broken_lines(out)) + "\n"


def _full_width_list_marks(text: str) -> str:
    """'- (一) …' → '（一）…'."""
    return re.sub(rf"^(?:-\s*)?\(({CN_NUMERAL})\)\s*", r"（\1）", text.strip())


# ---- soe_internal: 国有企业内部薪酬分配指引 (a web page's copy, partial) ---------------------

_PAGE_MARKER = re.compile(r"^\d+、")
_FOOTER = ("- 配套讲稿", "- 特殊限制", "- 关 键 词", "链接地址")


def clean_soe_internal(raw: str) -> str:
    pages = []
    for line in raw.splitlines():
        if line.startswith(_FOOTER):
            break
        if _PAGE_MARKER.match(line):
            pages.append(_PAGE_MARKER.sub("", line, count=1).strip())
    text = "".join(pages)  # page breaks fall mid-sentence: join with nothing
    text = text[text.index("国有企业内部薪酬分配指引") :]  # drop the web page's own headline
    text = text.translate(_ASCII_TO_FULL).replace("%o", "%。")
    return "\n".join(_structure_run_on(text)) + "\n"


def _structure_run_on(text: str) -> list[str]:
    """Split a run-on text at its chapter, section and article headings, in order."""
    title_end = text.index("第一章")
    out = ["# " + text[:title_end]]
    pos, expected = title_end, {"章": 1, "节": 1, "条": 1}
    pattern = re.compile(rf"第({CN_NUMERAL})([章节条])")
    current = ""
    for match in pattern.finditer(text, title_end):
        number, kind = cn_to_int(match.group(1)), match.group(2)
        if kind == "节" and number == 1:
            expected["节"] = 1
        if number != expected[kind]:
            continue  # a cross-reference inside a sentence, not a heading
        current += text[pos : match.start()]
        out.append(current)
        current, pos = "", match.end()
        expected[kind] += 1
        if kind == "章":
            expected["节"] = 1
        current = f"{match.group(0)} " if kind == "条" else ("## " if kind == "章" else "### ") + match.group(0) + " "
    out.append(current + text[pos:])
    lines: list[str] = []
    for chunk in out:
        if chunk.startswith("#"):
            lines.append(chunk.strip())
        elif chunk.strip():
            lines += _split_items(chunk.strip())
    return [line for line in lines if line.strip()]


def _split_items(paragraph: str) -> list[str]:
    """Put '（一）…' list items on their own lines where a sentence or colon ends before them."""
    return re.split(rf"(?<=[。：；])(?=（{CN_NUMERAL}）)", paragraph)


CLEANERS = {"qujing_skill": clean_qujing_skill, "soe_tech": clean_soe_tech, "soe_internal": clean_soe_internal}


def regenerate(source_dir: Path, out_dir: Path) -> list[Path]:
    from .catalog import load_catalog

    written = []
    for doc in load_catalog():
        raw = (source_dir / doc.source_file).read_text(encoding="utf-8", errors="replace")
        path = out_dir / f"{doc.doc_id}.md"
        path.write_text(CLEANERS[doc.doc_id](raw), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in regenerate(Path(sys.argv[1]), Path(__file__).parent / "sources"):
        print(written_path)
