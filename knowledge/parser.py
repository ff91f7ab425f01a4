"""Cleaned text (the light-markdown form `cleaning` writes) → citable units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleaning import ARTICLE_START
from .models import Unit
from .numerals import CN_NUMERAL, cn_to_int

# A case longer than this is split into its sections (一、二、…), each its own unit.
CASE_SPLIT_CHARS = 1500
_CHAPTER = re.compile(rf"^## (第{CN_NUMERAL}章.*)$")
_SECTION = re.compile(rf"^### (第{CN_NUMERAL}节.*)$")
_APPENDIX = re.compile(r"^## 附件(\d+)\s*(.*)$")
_CASE = re.compile(r"^## 案例(\d+)\s*(.*)$")
_SUBHEAD = re.compile(r"^### (.+)$")


@dataclass
class _Block:
    kind: str
    number: int
    heading: str
    breadcrumb: tuple[str, ...]
    lines: list[str] = field(default_factory=list)
    parts: list[tuple[str, list[str]]] = field(default_factory=list)  # case sections


def _snippet(text: str, limit: int = 18) -> str:
    first = re.split(r"[。；：，]", text, maxsplit=1)[0]
    return first[:limit] + ("…" if len(first) > limit else "")


def parse_document(doc_id: str, doc_title: str, text: str) -> list[Unit]:
    blocks: list[_Block] = []
    chapter = section = None
    current: _Block | None = None
    for line in text.splitlines():
        line = line.rstrip()
        if not line or line.startswith("# "):
            continue
        if m := _CHAPTER.match(line):
            chapter, section, current = m.group(1), None, None
        elif (m := _SECTION.match(line)) and (current is None or current.kind == "article"):
            section, current = m.group(1), None
        elif m := ARTICLE_START.match(line):
            number = cn_to_int(m.group(1))
            crumbs = tuple(c for c in (chapter, section, f"第{m.group(1)}条") if c)
            current = _Block("article", number, "", crumbs, [line[m.end():].strip()])
            blocks.append(current)
        elif m := _APPENDIX.match(line):
            chapter = section = None
            current = _Block("appendix", int(m.group(1)), m.group(2), (f"附件{m.group(1)}",))
            blocks.append(current)
        elif m := _CASE.match(line):
            chapter = section = None
            current = _Block("case", int(m.group(1)), m.group(2), (f"案例{m.group(1)}",))
            blocks.append(current)
        elif current is not None and current.kind == "case" and (m := _SUBHEAD.match(line)):
            current.parts.append((m.group(1), []))
        elif current is not None:
            (current.parts[-1][1] if current.kind == "case" and current.parts else current.lines).append(line)
    units: list[Unit] = []
    for block in blocks:
        units += _units_of(doc_id, doc_title, block)
    return units


def _units_of(doc_id: str, doc_title: str, block: _Block) -> list[Unit]:
    base = {"doc_id": doc_id, "doc_title": doc_title}
    if block.kind == "article":
        text = "\n".join(block.lines)
        heading = f"{block.breadcrumb[-1]} {_snippet(text)}"
        return [Unit(id=f"{doc_id}/art-{block.number}", kind="article", article=block.number,
                     breadcrumb=block.breadcrumb, heading=heading, text=text, **base)]
    if block.kind == "appendix":
        return [Unit(id=f"{doc_id}/appendix-{block.number}", kind="appendix", breadcrumb=block.breadcrumb,
                     heading=f"附件{block.number} {block.heading}", text="\n".join(block.lines), **base)]
    whole = case_text(block.lines, block.parts)
    if len(whole) <= CASE_SPLIT_CHARS or not block.parts:
        return [Unit(id=f"{doc_id}/case-{block.number}", kind="case", case=block.number,
                     breadcrumb=block.breadcrumb, heading=block.heading, text=whole, **base)]
    units = []
    intro = "\n".join(block.lines)
    for index, (title, lines) in enumerate(block.parts, 1):
        body = "\n".join(([intro] if index == 1 and intro else []) + [title, *lines])
        units.append(Unit(id=f"{doc_id}/case-{block.number}-{index}", kind="case", case=block.number, section=index,
                          breadcrumb=(*block.breadcrumb, title), heading=f"{block.heading} › {title}", text=body, **base))
    return units


def case_text(intro: list[str], parts: list[tuple[str, list[str]]]) -> str:
    lines = list(intro)
    for title, body in parts:
        lines += [title, *body]
    return "\n".join(lines)


def whole_case(sections: list[Unit]) -> Unit:
    """A split case as one unit again (for `get_unit('doc/case-N')`)."""
    first = sections[0]
    return first.model_copy(update={
        "id": f"{first.doc_id}/case-{first.case}", "section": None, "breadcrumb": first.breadcrumb[:1],
        "heading": first.heading.split(" › ")[0], "text": "\n".join(s.text for s in sections),
    })
