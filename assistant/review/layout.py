"""What a scheme's layout adds that is not the scheme: the page furniture of a text converted from a
PDF (page numbers, a running title over every page, lines wrapped mid-sentence) and the wording a
revised draft has struck out (【原：…】, ~~…~~, a 原稿 column beside the 修订稿). The review reads the
scheme as it now stands, each sentence whole.

    unpaged(lines) → lines            page markers and running titles dropped, wrapped lines joined
    current_wording(text) → text      struck-out wording dropped
    current_columns(rows) → rows      a table's superseded-wording columns dropped
"""

from __future__ import annotations

import re
from collections import Counter

# "第 3 页 共 9 页", "第3页/共9页", "- 3 -", "3 / 9", "Page 3 of 9": a page number on a line of its own
_PAGE = re.compile(r"^(?:第\s*\d+\s*页\s*[,，/／]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-—–]\s*\d+\s*[-—–]|\d+\s*[/／]\s*\d+"
                   r"|(?i:page)\s*\d+(?:\s*(?i:of)\s*\d+)?)$")
_TITLE_MAX = 60  # a running title is one short line
_ENDS = ("。", "；", "：", "！", "？", ";", ":", "!", "?", "|")
# a line opening an item of its own: never the tail of a wrapped sentence
_OPENS = re.compile(r"^(?:第[0-9零〇一二两三四五六七八九十百]+[章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]"
                    r"|[0-9]+(?:[.．][0-9]+)*[、.．\s]|[#>|*+\-•·]|附件|附表|表[0-9一二三四五六七八九十])")
_GAP = re.compile(r"\s{2,}|\u3000|\t")
_PAGED_WIDTH_MIN = 20  # a page of a PDF wraps at this many characters or more
_WIDTH_MIN = 30  # without page numbers, only a text wrapped this wide is taken for a hard-wrapped one
_WRAPPED_MIN = 2  # lines that stop mid-sentence at the wrap width before a text is taken as hard-wrapped
_WRAP_SHARE = 0.75  # in a text with page numbers, a wrapped line runs to at least this share of the wrap width
_WRAP_SLACK = 2  # elsewhere it runs to the width itself, give or take a character or two (wrapping is exact)


def unpaged(lines: list[str]) -> list[str]:
    """The lines of a text with its page furniture gone and its hard-wrapped sentences whole again.

    A page marker goes, and so does every copy of a line that stands beside a page marker and is
    written more than once (the running title); the title at the top, away from any marker, stays.
    Lines are joined only in a text that is hard-wrapped — several lines stopping mid-sentence at the
    same width — and only a line reaching that width onto a line that opens no item of its own."""
    marks = [i for i, line in enumerate(lines) if _PAGE.match(line.strip())]
    if not marks and not _hard_wrapped(lines, paged=False):
        return lines
    counts = Counter(line.strip() for line in lines if line.strip())
    dropped = set(marks)
    for i in marks:
        for j in (*_near(lines, i, -1), *_near(lines, i, 1)):
            text = lines[j].strip()
            if counts[text] > 1 and len(text) <= _TITLE_MAX and not text.endswith(_ENDS):
                dropped |= {k for k, line in enumerate(lines) if line.strip() == text and _beside_mark(lines, k, marks)}
    kept: list[str] = []
    breaks: set[int] = set()  # positions in `kept` right after a removed page: blank lines there are the break
    for i, line in enumerate(lines):
        if i in dropped:
            breaks.add(len(kept))
            continue
        kept.append(line)
    paged = bool(marks)
    return _joined(kept, breaks, paged) if _hard_wrapped(kept, paged) else [line for i, line in enumerate(kept) if line.strip() or i not in breaks]


def _near(lines: list[str], i: int, step: int) -> list[int]:
    """The first non-blank line before (step -1) or after (step 1) line i."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return [j] if 0 <= j < len(lines) else []


def _beside_mark(lines: list[str], k: int, marks: list[int]) -> bool:
    return any(j in marks for j in (*_near(lines, k, -1), *_near(lines, k, 1)))


def _prose(line: str) -> bool:
    text = line.strip()
    return bool(text) and not _GAP.search(text) and not text.startswith("|")


def _width(lines: list[str]) -> int:
    lengths = sorted(len(line.strip()) for line in lines if _prose(line))
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _stops_short(line: str, width: int, paged: bool) -> bool:
    """A prose line that runs to the wrap width without ending its sentence. Without page numbers to show
    the text came from a PDF, only a line of the full width counts: lines typed one item each, unpunctuated,
    vary in length."""
    text = line.strip()
    reach = width * _WRAP_SHARE if paged else width - _WRAP_SLACK
    return _prose(line) and len(text) >= reach and not text.endswith(_ENDS)


def _cut_off(line: str, width: int, paged: bool) -> bool:
    """A line left open: it runs to the wrap width without ending its sentence — or, in a text with page
    numbers (a PDF's, wrapped throughout), it has begun a sentence (a comma inside) and stops before
    ending it ("…其中安全指标权重为" / "45%，…")."""
    text = line.strip()
    return _stops_short(line, width, paged) or paged and (_prose(line) and ("，" in text or "," in text) and _OPENS.match(text) is None
                                                   and not text.endswith((*_ENDS, "）", ")")))


def _hard_wrapped(lines: list[str], paged: bool) -> bool:
    """Several lines left open at the wrap width (one is enough in a text with page numbers)."""
    width = _width(lines)
    if width < (_PAGED_WIDTH_MIN if paged else _WIDTH_MIN):
        return False  # short lines are items typed one a line, however alike their lengths
    nxt = {i: _near(lines, i, 1) for i in range(len(lines))}
    wrapped = [i for i, line in enumerate(lines) if _cut_off(line, width, paged) and nxt[i] and _continues(lines[nxt[i][0]])]
    return len(wrapped) >= (1 if paged else _WRAPPED_MIN)


def _continues(line: str) -> bool:
    text = line.strip()
    return _prose(line) and _OPENS.match(text) is None


def _joined(lines: list[str], breaks: set[int], paged: bool) -> list[str]:
    """Each line that stops mid-sentence at the wrap width joined with the line that goes on with it;
    blank lines between the two are crossed only where a page was removed (elsewhere they end a paragraph)."""
    width = _width(lines)
    out: list[str] = []
    blanks: list[int] = []  # blank lines held while the last line out is open
    for i, line in enumerate(lines):
        is_open = bool(out) and _cut_off(out[-1], width, paged)
        if not line.strip():
            if is_open:
                blanks.append(i)
            else:
                out.append(line)
            continue
        at_page = not blanks or any(blanks[0] <= b <= i for b in breaks)
        if is_open and at_page and _continues(line):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.extend(lines[b] for b in blanks)
            out.append(line)
        blanks = []
    out.extend(lines[b] for b in blanks)
    return out


# 【原：…】 / [原：…] / （原：…） and ~~…~~: wording the revision struck out
_STRUCK = re.compile(r"[【\[〔]\s*(?:原|原文|原稿|原为|删除|删去)\s*[:：][^】\]〕]*[】\]〕]|[（(]\s*(?:原|原文|原稿|原为)\s*[:：][^）)]*[）)]|~~[^~]*~~")


# "原来没有限制，现在规定不超过15%": a clause on how things were, followed by one on how they now are
_SUPERSEDED = re.compile(r"(?:原来|原先|以前|过去|此前|之前|往年)[^。；;，,！？]{0,40}[，,]\s*(?=(?:现在|现|今后|今年起|从今年起|本年起|自本[^，,。]{0,8}起|改为|调整为|修订为|修改为))")


def current_wording(text: str) -> str:
    """The text without the wording a revision struck out, nor what a sentence says was so before it says
    what now is."""
    if "原" in text or "删" in text or "~~" in text:
        text = _STRUCK.sub("", text)
    return _SUPERSEDED.sub("", text) if any(w in text for w in ("原来", "原先", "以前", "过去", "此前", "之前", "往年")) else text


_OLD_COLUMN = re.compile(r"^(?:原稿|原文|原条文|原条款|原表述|原规定|原方案|原内容|修订前|修改前|调整前|征求意见稿)(?:内容|表述|条文)?$")
_NEW_COLUMN = re.compile(r"^(?:修订稿|修订后|修改后|调整后|现稿|新稿|修订为|修改为|现行|本稿|送审稿)(?:内容|表述|条文)?$")


def current_columns(rows: list[list[str]]) -> list[list[str]]:
    """A revision table (条款 | 原稿 | 修订稿) without its superseded column: the old wording is no part
    of the scheme. A table without both a 原稿-like and a 修订稿-like column is returned as it is."""
    if len(rows) < 2:
        return rows
    header = [c.strip() for c in rows[0]]
    old = [j for j, c in enumerate(header) if _OLD_COLUMN.match(c)]
    if not old or not any(_NEW_COLUMN.match(c) for c in header):
        return rows
    return [[c for j, c in enumerate(row) if j not in old] for row in rows]
