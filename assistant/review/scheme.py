"""The scheme as a reviewer reads it: chapters, sentences and tables, each read once by the shared
reader (`knowledge.reader`), with the scheme's own words kept for evidence.

Matching runs on a same-length plain form of each sentence (full-width → ASCII, book titles and
article numbers blanked), so a position in the plain form is a position in the sentence as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from knowledge.reader import Clause, Quantity, Reading, normalise, read

from .models import Block, Evidence

# Sentences end at 。！？ or a line break; semicolons stay inside (lists of quotas use them).
_SPLIT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
# Titles of documents (《国有企业…指引》) state nothing about the company.
_BOOK = re.compile(r"《[^》]{0,80}》")
_NUMERAL = "0-9零〇一二两三四五六七八九十百"
# Article and list numbers (第六条, （二）, 3.1, 一、) are not figures.
_MARKERS = re.compile(
    rf"第[{_NUMERAL}]+[条章节款部](?:分)?|(?:表|图|附件|附表)[0-9{_NUMERAL}]+(?:[-—－][0-9]+)?|^\s*(?:[（(][{_NUMERAL}]+[）)]|[{_NUMERAL}]+[、.．](?:[0-9]+[、.．]?)*|[0-9]+\s)"
)
# 大写 numerals count too ("首席技师陆名", "壹佰名"): banking style is how some schemes write every figure
_HAS_NUMBER = re.compile(rf"[{_NUMERAL}千万亿半成壹贰叁肆伍陆柒捌玖拾佰仟]")
_CHAPTER = re.compile(rf"^(?:第[{_NUMERAL}]+[章部](?:分)?|[一二三四五六七八九十]+、|[0-9]+\s+\S|[0-9]+[、.．]\s*[\u4e00-\u9fa5A-Za-z])")
_ARTICLE = re.compile(rf"^(?:第[{_NUMERAL}]+条|[（(][{_NUMERAL}]+[）)]|[0-9]+(?:[.．][0-9]+)+)")


def blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Same-length matching form: full-width → ASCII, book titles and article numbers blanked."""
    from .quotes import restated

    folded, _ = normalise(text, typos=False)
    out = _MARKERS.sub(blank, _BOOK.sub(blank, folded))
    for start, end in restated(out):  # the guideline's own limit, restated: not a figure of the company
        out = out[:start] + " " * (end - start) + out[end:]
    return out


@lru_cache(maxsize=8192)
def reading(text: str) -> Reading:
    """The shared reader's reading of one sentence (its plain form, so spans stay those of the text).
    Schemes are typed documents: the homophone mending meant for chat is off (it reads
    "2024年公司" as "2024年功司"; tests/review/reader_gaps.md)."""
    return _labelled(read(plain(text), typos=False))


def _labelled(found: Reading) -> Reading:
    """"科技人才：250人", "标准分别为：2000元、2150元…": the reader keeps the label before the colon as
    the figures' `heading` and names them nothing (tests/review/reader_gaps.md); the label is their name."""
    if not any(q.heading and not q.name for q in found.quantities):
        return found
    named = [q.with_(name=q.heading, subject=f"{q.heading}:{q.subject}") if q.heading and not q.name and q.kind.value != "date" else q
             for q in found.quantities]
    return replace(found, quantities=named)


# Words that ask, not name: left out of a question when it becomes the topic of its answer.
_ASKING = re.compile(r"^\s*(?:问|Q)\s*[:：]|[？?]\s*$|多少|几(?=[个人项名级年档次])|怎么样|怎么|如何|哪些|什么|有没有|是否|吗|呢|一共有|一共|共有")


def _answer_topics(found: Reading, text: str, answer_at: int) -> Reading:
    """"问：这次分红有多少人参与？答：一百人参与。": a figure of the answer naming nothing of its own is
    about what the question asks — the question's words become its subject and name."""
    topic = _ASKING.sub("", text[:answer_at]).strip(" ：:，,。答")
    if not topic:
        return found
    quantities = [q.with_(subject=f"{topic}…{q.subject}", name=q.name or topic)
                  if q.start >= answer_at and not core_named(q) else q for q in found.quantities]
    return replace(found, quantities=quantities)


def core_named(q: Quantity) -> bool:
    """The figure names something of its own (not only 答, 共有, 约 …)."""
    return bool(q.name) and len(re.sub(r"[答共有约计为是合总:：\s]", "", q.name or "")) >= 2


@lru_cache(maxsize=8192)
def _read(plain_text: str) -> Reading:
    return _labelled(read(plain_text, typos=False))


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, or one row of a table, with where it sits."""

    text: str  # as written (a table row: its cells joined by " | ", or the line as typed)
    block: int
    chapter: str
    article: str = ""
    row: tuple[str, ...] | None = None  # the cells, for a table row
    header: tuple[str, ...] | None = None  # the table's header row, for a table row
    answer_at: int | None = None  # a question and its answer read as one: where the answer (答) starts
    heading_at: int | None = None  # a short item read under its heading ("3.3 利润总额" + "3.3.1 预计增长5%"): where the item starts
    heading: str = ""  # the short heading line the sentence sits under ("3.1 基础研究岗位"), if any

    @property
    def asks(self) -> bool:
        """A question left without its answer states nothing."""
        text = self.plain.strip()
        return self.answer_at is None and (text.endswith(("？", "?")) or _QUESTION.match(text) is not None)

    @property
    def plain(self) -> str:
        if self.heading_at:  # the heading names what the item is about: "利润总额，预计增长5%"
            return plain(self.text[:self.heading_at - 1]) + "，" + plain(self.text[self.heading_at:])
        return plain(self.text)

    @property
    def reading(self) -> Reading:
        found = reading(self.text) if not self.heading_at else _read(self.plain)
        return _answer_topics(found, self.plain, self.answer_at) if self.answer_at else found

    @property
    def evidence(self) -> Evidence:
        return Evidence(text=self.text, chapter=self.chapter, article=self.article, block=self.block)

    def has(self, *words: str) -> bool:
        """True when any of `words` is written in the sentence (book titles excluded); a negation is
        matched across the adverbs and light verbs written inside it ("不再设任期" has 不设任期,
        "不再进行考核" has 不考核 and 不进行考核)."""
        text = self.plain
        return any(w in text for w in words) or self.squeezed != text and any(w in self.squeezed for w in words)

    @cached_property
    def _squeeze(self) -> tuple[str, tuple[int, ...]]:
        return squeeze_negations(self.plain)

    @property
    def squeezed(self) -> str:
        return self._squeeze[0]

    def where(self, word: str) -> list[int]:
        """Every place `word` is written, in `plain`; a refusal found only across a negation's fillers
        ("不再设任期" for 不设任期) is placed where its negation starts."""
        text = self.plain
        found = [i for i in range(len(text)) if text.startswith(word, i)]
        if found or self.squeezed == text:
            return found
        squeezed, origin = self._squeeze
        return [origin[i] for i in range(len(squeezed)) if squeezed.startswith(word, i)]

    def clause_at(self, pos: int) -> Clause | None:
        return next((c for c in self.reading.clauses if c.start <= pos < c.end), None)

    def scope(self, clause: Clause) -> str:
        """A clause with the topic it is written under: "岗位基本薪酬发放：每季度末发放" — the words
        before a colon name what the clause after it is about."""
        text = self.plain
        colon = max(text.rfind("：", 0, clause.start + 1), text.rfind(":", 0, clause.start + 1))
        if colon < 0 or text[colon + 1:clause.start].strip():
            return clause.text
        start = max(text.rfind(ch, 0, colon) for ch in "，,；;。：:") + 1
        return text[start:colon] + "：" + clause.text

    def figures(self, *kinds) -> list[Quantity]:
        if not _HAS_NUMBER.search(self.plain):
            return []  # nothing to read: no digit and no numeral
        return [q for q in self.reading.figures if not kinds or q.kind in kinds]


@dataclass
class Table:
    """A table of the scheme: its rows as written, a header, and the sentences its rows became."""

    block: int
    rows: list[list[str]]
    chapter: str
    context: str  # the heading or lead-in paragraph above it
    lines: list[str] = field(default_factory=list)  # the rows as typed, for text tables
    cells: list | None = field(default=None, repr=False)  # read once, by facts.common.cells

    @property
    def header(self) -> list[str]:
        return self.rows[0] if self.rows else []

    def row_text(self, i: int) -> str:
        if self.lines and i < len(self.lines):
            return self.lines[i]
        return " | ".join(c for c in self.rows[i] if c)

    def evidence(self, i: int) -> Evidence:
        return Evidence(text=self.row_text(i), chapter=self.chapter, block=self.block)


@dataclass
class Scheme:
    """A scheme split into chapters, sentences and tables; sentences quoting a guideline dropped."""

    blocks: list[Block]
    sentences: list[Sentence] = field(init=False)
    tables: list[Table] = field(init=False)
    quoted: list[str] = field(init=False)

    def __post_init__(self) -> None:
        from .quotes import is_guideline_quote

        self.sentences, self.tables, self.quoted = [], [], []
        chapter, article = "", ""
        for block in self.blocks:
            if block.kind == "table":
                self._add_table(block, chapter)
                continue
            text = block.text.strip()
            folded = normalise(text, typos=False)[0]
            if block.heading and _CHAPTER.match(folded) and not folded.endswith(_SENTENCE_ENDS) or _is_chapter(folded, block):
                chapter, article = text, ""
            found = _ARTICLE.match(folded)
            if found:
                article = found.group(0)
            if is_guideline_quote(text):
                self.quoted.append(text)
                continue
            for m in _SPLIT.finditer(block.text):
                sentence = m.group(0).strip()
                if not sentence:
                    continue
                if is_guideline_quote(sentence):
                    self.quoted.append(sentence)
                    continue
                self.sentences.append(Sentence(sentence, block.index, chapter, article))
        self.sentences = _of_which(_under_headings(_answered(self.sentences), self.blocks))

    def _add_table(self, block: Block, chapter: str) -> None:
        rows = [list(r) for r in block.rows]
        table = Table(block.index, rows if block.lines else _one_header(rows), chapter, block.context, list(block.lines))
        if _is_qa(table.header):
            # a table of questions and answers (问题 | 解答) is prose: each row one question and its answer
            for row in table.rows[1:]:
                question, answer = (row + ["", ""])[:2]
                if question.strip() and answer.strip():
                    self.sentences.append(Sentence(question + answer, block.index, chapter, "", answer_at=len(question)))
            return
        self.tables.append(table)
        header = tuple(table.header)
        prose = _is_key_value(table)
        for i in range(len(table.rows)):
            text = table.row_text(i)
            if prose and i:
                # a row of a 项目 | 规定 table is a provision: read as the sentence "项目：规定"
                filled = [c.strip() for c in table.rows[i] if c.strip()]
                if len(filled) == 2:
                    self.sentences.append(Sentence(f"{filled[0]}：{filled[1]}", block.index, chapter, ""))
                continue
            if text.strip():
                self.sentences.append(Sentence(text, block.index, chapter, "", tuple(table.rows[i]), header if i else None))

    @cached_property
    def text(self) -> str:
        """All sentences in their plain form, one a line."""
        return "\n".join(s.plain for s in self.sentences)

    def having(self, *words: str) -> list[Sentence]:
        """Sentences (and table rows) in which any of `words` is written."""
        return [s for s in self.sentences if s.has(*words)]

    def prose(self) -> list[Sentence]:
        return [s for s in self.sentences if s.row is None]


_FIGURE_CELL = re.compile(r"^\s*[-+]?[0-9][0-9,.]*\s*[%％]?\s*$")


def _one_header(rows: list[list[str]]) -> list[list[str]]:
    """A header over two rows (a Word table whose 单位 cell is merged down and 工资总额增幅 merged across, over
    2024年 | 2025年预算): one header row, each column named by both ("工资总额增幅 2025年预算"). The second row
    is a header when a cell is merged down into it (the same text in both rows) and it holds no figure."""
    if len(rows) < 3 or len(rows[0]) != len(rows[1]):
        return rows
    top, sub = rows[0], rows[1]
    merged_down = any(a.strip() and a == b for a, b in zip(top, sub, strict=True))
    names_more = any(b.strip() and a != b for a, b in zip(top, sub, strict=True))
    if not merged_down or not names_more or any(_FIGURE_CELL.match(b) for a, b in zip(top, sub, strict=True) if a != b):
        return rows
    joined = [a if a == b or not b.strip() else f"{a} {b}".strip() for a, b in zip(top, sub, strict=True)]
    return [joined, *rows[2:]]


# how a question and its answer are marked: 问：/答：, 【问】/【答】, Q：/A：, 问1：/答1：
_QUESTION = re.compile(r"[\[【(（]?\s*(?:问|Q|提问)\s*\d*\s*[\]】)）]?\s*[:：]|[\[【]\s*问\s*[\]】]")
_ANSWER = re.compile(r"答|[\[【(（]?\s*(?:A|回答|解答)\s*\d*\s*[\]】)）]?\s*[:：]|[\[【]\s*答\s*[\]】]")


def _answered(sentences: list[Sentence]) -> list[Sentence]:
    """"问：基础工资怎么定？" + "答：按学历分三档…": one sentence, so the answer keeps its topic."""
    out: list[Sentence] = []
    last = -1  # the paragraph the open answer's last sentence sits in
    for s in sentences:
        prev = out[-1] if out else None
        if (prev is not None and s.row is None and prev.row is None and prev.answer_at is None
                and prev.plain.rstrip().endswith(("？", "?")) and _ANSWER.match(s.plain.lstrip())):
            out[-1] = Sentence(prev.text + s.text, prev.block, prev.chapter, prev.article, answer_at=len(prev.text))
            last = s.block
            continue
        if prev is not None and prev.answer_at is not None and _answer_goes_on(prev, s, last):
            # "答：不一样。大专以上的2200元，高中的1800元。": the answer's later sentences keep its topic too
            out[-1] = Sentence(prev.text + s.text, prev.block, prev.chapter, prev.article, answer_at=prev.answer_at)
            continue
        out.append(s)
    return out


def _answer_goes_on(answer: Sentence, s: Sentence, block: int) -> bool:
    """A sentence of the answer's paragraph, itself no question nor table row, goes on with the answer."""
    text = s.plain.strip()
    return (s.row is None and answer.row is None and s.block == block and s.chapter == answer.chapter
            and not text.endswith(("？", "?")) and _QUESTION.match(text) is None)


_PROVISION_MIN = 6  # a value cell this long, with words, states a provision rather than a figure


def _is_key_value(table: Table) -> bool:
    """A table of provisions (项目 | 规定): two filled columns, and most rows' second cell a phrase
    with words of its own ("新入职员工须在本职级任职满五年"), not a figure or a short label. Such a
    table is prose written in cells; its rows are read as sentences, not as figures by column."""
    body = [[c.strip() for c in row if c.strip()] for row in table.rows[1:]]
    body = [row for row in body if row]
    if len(body) < 2 or any(len(row) > 2 for row in body) or len(table.header) > 2:
        return False
    said = [row[1] for row in body if len(row) == 2]
    worded = [c for c in said if len(_HAS_DIGIT.sub("", c)) >= _PROVISION_MIN]
    return len(worded) * 2 > len(body)


_QUESTION_HEADS = ("问题", "提问", "问", "常见问题", "疑问")
_ANSWER_HEADS = ("解答", "答复", "回答", "答", "答案", "政策解答")


def _is_qa(header: list[str]) -> bool:
    cells = [c.strip() for c in header if c.strip()]
    return len(cells) == 2 and cells[0] in _QUESTION_HEADS and cells[1] in _ANSWER_HEADS


_HEADING_MAX = 20  # a heading line: short, no sentence end, no figure of its own
_ITEM_MAX = 50  # an item short enough to lean on its heading for what it is about


def _under_headings(sentences: list[Sentence], blocks: list[Block]) -> list[Sentence]:
    """"3.2 工资总额" / "3.2.1 2025年比上年增长9%。": a short item under a short heading is read with the
    heading as its topic (the way a question's answer is read with the question), up to the next
    heading. Long paragraphs name their own subject and are read as written."""
    headings = {b.index for b in blocks if b.kind == "paragraph" and _is_heading_line(b)}
    out: list[Sentence] = []
    heading: Sentence | None = None
    for s in sentences:
        if s.block in headings and s.row is None:
            heading = s
            out.append(s)
            continue
        if s.row is not None or heading is None or s.chapter != heading.chapter:
            out.append(s)
            continue
        if s.answer_at is not None or len(s.plain.strip()) > _ITEM_MAX or s.article.startswith("第") or not _leans(s):
            out.append(replace(s, heading=heading.text))
            continue
        out.append(Sentence(heading.text + " " + s.text, s.block, s.chapter, s.article, heading_at=len(heading.text) + 1,
                            heading=heading.text))
    return out


_LIST_MARK = " -*•·+"


def _of_which(sentences: list[Sentence]) -> list[Sentence]:
    """"激励对象80人。" / "其中技术技能人才40人。": a sentence (or list item) opening with 其中 counts part
    of what the one before it counted; it is read with that sentence as its lead, the way an item is
    read under its heading."""
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        opens = s.plain.lstrip(_LIST_MARK).startswith("其中")
        if (prev is not None and opens and s.row is None and prev.row is None and not s.heading_at and s.answer_at is None
                and s.block - prev.block in (0, 1) and len(prev.text) <= _ITEM_MAX * 2):
            out.append(Sentence(prev.text + " " + s.text, s.block, s.chapter, s.article, heading_at=len(prev.text) + 1, heading=s.heading))
            continue
        out.append(s)
    return out


def _leans(s: Sentence) -> bool:
    """An item that needs its heading to say what it is about: its first figure is named by nothing in
    the item ("3.2.1 2025年比上年增长9%")."""
    figures = [q for q in s.reading.figures if q.kind.value != "date"]
    return bool(figures) and (not figures[0].name or _NAMES_NOTHING.fullmatch(figures[0].name) is not None)


# a name of planning words alone ("预算较上年增长6.5%" is named 预算较; "本年目标" may come as 年目标): it says when, not what
_NAMES_NOTHING = re.compile(r"(?:预算|预计|计划|拟|目标|全年|本年度?|今年|当年|明年|上年度?|同比|环比|按|完成|实际|年度?)+[较比]?")


def _is_heading_line(block: Block) -> bool:
    text = plain(block.text.strip()).strip()
    return bool(text) and len(text) <= _HEADING_MAX and not text.endswith(("。", "；", ";", "：", ":", "？", "?")) \
        and not _HAS_DIGIT.search(text) and (block.heading or bool(_MARKERS.match(block.text.strip())))


_HAS_DIGIT = re.compile(r"[0-9%％元人]")


# the folded text has half-width marks: "1. 利润总额目标3,090万元;" is an item ending its sentence, not a chapter
_SENTENCE_ENDS = ("。", "；", "：", ":", ";", "?", "？")


def _is_chapter(text: str, block: Block) -> bool:
    """A short line opening a chapter (第二章 工资总额, 三、薪酬总额, ## 2 职级)."""
    return len(text) <= 30 and not text.endswith(_SENTENCE_ENDS) and bool(_CHAPTER.match(text)) and (
        block.heading or not _ARTICLE.match(text))


# Adverbs and light verbs a negation carries before its verb: 不再设, 不另行发放, 无需再报, 不予以考核.
_NEGATION_FILLER = re.compile(r"(不|无需|无须|未|没有|不需|不必|不用)(?:再行|另行|再|另|予以|予|一律|均|都|单独|进行|作)+(?=[\u4e00-\u9fa5])")


def squeeze_negations(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with a negation's fillers left out, so the words of a refusal are found however they
    are padded ("职级聘任后不再设任期" → "职级聘任后不设任期"), and where each of its characters stands in `text`."""
    kept: list[int] = []
    at = 0
    for m in _NEGATION_FILLER.finditer(text):
        kept += range(at, m.end(1))
        at = m.end()
    kept += range(at, len(text))
    return "".join(text[i] for i in kept), tuple(kept)

