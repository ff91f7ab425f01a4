"""Small pure helpers that combine the shared reader's output: figures with their evidence,
figures named by the words before them, and tables read cell by cell."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from calculators.numbers import MONTHS_PER_YEAR
from knowledge.reader import Kind, Quantity, Reading, amount, read
from knowledge.reader.fill import Filled, fill

from ..models import Evidence
from ..scheme import Sentence, Table, plain
from ..words import words


class Bound(StrEnum):
    MAX = "max"  # the scheme sets the figure as a ceiling (不超过)
    MIN = "min"  # the scheme sets it as a floor (不低于)


class Figure(BaseModel):
    """One figure the scheme states, with its own words."""

    model_config = ConfigDict(frozen=True)

    value: Decimal
    evidence: Evidence
    bound: Bound | None = None
    text: str = ""  # the figure as written ("六成", "8,400万元")


class Mentioned(BaseModel):
    """Something the scheme says (or refuses): the sentence that says it."""

    model_config = ConfigDict(frozen=True)

    evidence: Evidence
    denied: bool = False


def figure(q: Quantity, s: Sentence) -> Figure:
    return Figure(value=q.value, evidence=s.evidence, bound=_bound(q, s), text=q.text)


# ---- limits written around a figure -------------------------------------------------------------

_MIN_WORDS = ("不低于", "不少于", "不得低于", "至少", "最少", "以上", "起码", "保底")
_MAX_WORDS = ("不超过", "不高于", "不得超过", "不得高于", "最多", "至多", "以内", "以下", "封顶", "上限", "控制在")


def _bound(q: Quantity, s: Sentence) -> Bound | None:
    """The limit a figure is written with. The reader's own `bound` reads 不低于 as a ceiling
    (its longest-word matching meets 低于 first; see tests/review/reader_gaps.md), so the words
    right around the figure are looked at here, longest first."""
    quantities = s.reading.quantities
    prev_end = max((p.end for p in quantities if p.end <= q.start), default=0)
    next_start = min((p.start for p in quantities if p.start >= q.end), default=len(s.plain))
    before = s.plain[max(prev_end, q.start - 6):q.start]  # a limit written after another figure is that figure's
    after = s.plain[q.end:min(q.end + 3, next_start)]
    words_ = sorted(_MIN_WORDS + _MAX_WORDS, key=len, reverse=True)
    if prev_end and before.strip(" ，,、") in words_:
        before = ""  # "3年以下30元": 以下 closes the band before, not the amount
    for word in words_:
        if before.endswith(word) or after.startswith(word):
            return Bound.MIN if word in _MIN_WORDS else Bound.MAX
    # "不超过薪酬总额的三成": the limit is written before the whole the share is of
    of_whole = _LIMIT_OF_WHOLE.search(s.plain[max(prev_end, q.start - 16):q.start])
    if of_whole is not None:
        return Bound.MIN if of_whole.group(1) in _MIN_WORDS else Bound.MAX
    return None


_LIMIT_OF_WHOLE = re.compile("(" + "|".join(sorted((w for w in _MIN_WORDS + _MAX_WORDS if w.startswith(("不", "最", "至"))), key=len, reverse=True))
                             + r")[^，,；;。0-9%]{1,8}的$")


_OPENING_QUOTES = ("“", "‘", "「", "『", "\"")


def negated_at(s: Sentence, pos: int) -> bool:
    """Whether the clause holding `pos` is negated or refused ("不经…", "破除…").
    Limit words (不低于, 不超过) are not negations."""
    clause = s.clause_at(pos)
    if clause is None:
        return False
    text = clause.text
    if s.plain[clause.start - 1:clause.start] in _OPENING_QUOTES:
        # 杜绝“大锅饭”: the quote marks split the verb from what it refuses; read them as one clause
        before = [c for c in s.reading.clauses if c.end <= clause.start]
        text = (before[-1].text if before else "") + text
    for word in sorted(_MIN_WORDS + _MAX_WORDS, key=len, reverse=True):
        text = text.replace(word, "·" * len(word))
    from knowledge.reader.bind import deferred
    from knowledge.reader.lexicon import contains_any, lexicon

    return contains_any(text, lexicon().negations) is not None or any(w in text for w in words().deny) or deferred(text)


def mentioned(s: Sentence, names: Iterable[str]) -> Mentioned | None:
    """The sentence as a mention of one of `names`, denied when every clause naming it is negated."""
    hits = [i for n in names for i in s.where(n)]
    if not hits:
        return None
    return Mentioned(evidence=s.evidence, denied=all(negated_at(s, i) for i in hits))


def positions(text: str, word: str) -> list[int]:
    """Every position of `word` in `text`."""
    out, start = [], text.find(word)
    while start >= 0:
        out.append(start)
        start = text.find(word, start + 1)
    return out


def filled(s: Sentence, model: type[BaseModel]) -> Filled:
    """The shared filler on one sentence (its reading is cached)."""
    return fill(s.reading, model)


def placed(s: Sentence, result: Filled, path: str, reading: Reading | None = None) -> Figure | None:
    """The figure the filler placed in `path`, with its evidence and limit. A bare number (no unit:
    "4" of "4:6") is never taken for a rate or a head count here."""
    index = next((i for i, p in result.placed.items() if p == path), None)
    if index is None:
        return None
    q = (reading or s.reading).quantities[index]
    if q.kind is Kind.NUMBER:
        return None
    value = result.get(path)
    return Figure(value=Decimal(value), evidence=s.evidence, bound=_bound(q, s), text=q.text)


def clean_name(name: str | None) -> str:
    """A figure's name without the limit or total words the reader leaves on it ("A级比例不" → "A级")."""
    if not name:
        return ""
    for word in ("比例", "合计", "不", "占", "为", "的", "权重", "：", ":"):
        name = name.removesuffix(word)
    for word in ("比例", "合计", "不", "占", "权重"):
        name = name.removesuffix(word)
    return name.strip(" 、，,（）()")


_HEADS = ("人员", "人才", "员工", "职工", "岗位")


def conjuncts(name: str) -> list[str]:
    """A name and each member of a coordination sharing one head noun: "研发及技术人员" → 研发及技术人员,
    研发人员, 技术人员 (so a cue 研发人员 or 技术人员 finds the count of them together)."""
    head = next((h for h in _HEADS if name.endswith(h)), None)
    members = re.split(r"及|和|与|、", name)
    if head is None or len(members) < 2:
        return [name]
    return [name] + [m if m.endswith(head) else m + head for m in members if m]


def count_value(q: Quantity) -> int | None:
    """A whole number of things (项, 个, 人) or None."""
    if q.kind not in (Kind.COUNT, Kind.PEOPLE, Kind.NUMBER, Kind.LEVELS):
        return None
    return int(q.value) if q.value == q.value.to_integral_value() and q.value > 0 else None


# ---- tables, cell by cell -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    row: int  # index into table.rows
    col: int
    text: str
    label: str  # the row's name (its first non-numeric cell)
    header: str  # the column's heading
    value: Decimal | None  # the cell as one figure (read by `knowledge.reader.amount`), or None
    quantity: Quantity | None  # the reader's quantity when the cell holds one figure with words


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


@lru_cache(maxsize=16384)
def cell_amount(text: str) -> Decimal | None:
    """A cell that is one figure and nothing else (`knowledge.reader.amount`), read once per text;
    a cell of bare digits (4600, 4,600: most cells of a pay table) needs no reading."""
    bare = text.strip()
    if _DIGITS.fullmatch(bare):
        return Decimal(bare.replace(",", ""))
    return amount(text)


@lru_cache(maxsize=16384)
def _cell_quantity(text: str) -> Quantity | None:
    found = read(plain(text), typos=False).figures
    return found[0] if len(found) == 1 else None


_UNIT = re.compile(r"(?:单位|金额单位|计量单位)\s*[:：]?\s*(千元|万元|百元|元)|[（(]\s*(千元|万元)\s*(?:[/／][^）)]*)?[）)]")
_UNIT_SIZE = {"元": Decimal(1), "百元": Decimal(100), "千元": Decimal(1000), "万元": Decimal(10000)}


def table_unit(table: Table) -> Decimal:
    """What one of a table's bare figures is worth in 元, from the unit line above it or in its header
    ("单位：千元/月", "（万元）"); 1 when none is written."""
    found = _UNIT.search(table.context) or next((m for c in table.header if (m := _UNIT.search(c))), None)
    return _UNIT_SIZE[found.group(1) or found.group(2)] if found else Decimal(1)


def in_yuan(value: Decimal, unit: Decimal) -> Decimal:
    """A table's figure in 元: 8.4 under 万元 is 84000, shown without the decimal the scaling leaves."""
    scaled = value * unit
    return scaled.quantize(Decimal(1)) if scaled == scaled.to_integral_value() else scaled.normalize()


def is_figure(cell: str) -> bool:
    return cell_amount(cell) is not None


def header_row(table: Table) -> int:
    """The first row that names columns (mostly words, not figures); 0 when none looks so."""
    for i, row in enumerate(table.rows[:3]):
        words_ = [c for c in row if c.strip() and not is_figure(c)]
        if len(words_) >= max(2, len([c for c in row if c.strip()]) - 1):
            return i
    return 0


def label_col(table: Table, start: int) -> int:
    """The column that names rows: of the columns whose cells are mostly words, the first — unless a
    later one names the rows apart where it repeats itself (a category merged down over 利润总额,
    营业收入 …: the rows are named by the later column)."""
    width = max((len(r) for r in table.rows), default=0)
    found: int | None = None
    for col in range(width):
        cells = [r[col] for r in table.rows[start:] if col < len(r) and r[col].strip()]
        if not cells or sum(not is_figure(c) for c in cells) * 2 <= len(cells):
            if found is not None:
                break  # the figures begin: the names are to their left
            continue
        if found is None:
            found = col
            continue
        first = [r[found] for r in table.rows[start:] if found < len(r)]
        here = [r[col] for r in table.rows[start:] if col < len(r)]
        if len(set(first)) < len(first) and len(set(here)) == len(here) and len(here) > len(set(first)):
            found = col
    return found if found is not None else 0


def cells(table: Table) -> list[Cell]:
    """Every body cell with its row's name and its column's heading (read once per table)."""
    if table.cells is None:
        table.cells = _cells(table)
    return table.cells


def _cells(table: Table) -> list[Cell]:
    head = header_row(table)
    header = list(table.rows[head]) if table.rows else []
    # a second heading row under the first (薪酬结构 over 基本薪酬 | 绩效薪酬): each column is named by both
    while head + 2 < len(table.rows) and _sub_heading(table.rows[head + 1], table.rows[head + 2], table.rows[head]):
        below = table.rows[head + 1]
        header = [(header[c] if c < len(header) else "") + (below[c] if c < len(below) and below[c] not in header[c:c + 1] else "")
                  for c in range(max(len(header), len(below)))]
        head += 1
    name_col = label_col(table, head + 1)
    out = []
    for r in range(head + 1, len(table.rows)):
        row = table.rows[r]
        label = row[name_col] if name_col < len(row) else ""
        for c, text in enumerate(row):
            if c == name_col:
                continue
            value = cell_amount(text)
            quantity = _cell_quantity(text) if value is None and text.strip() else None
            out.append(Cell(r, c, text, label, header[c] if c < len(header) else "", value, quantity))
    return out


def _sub_heading(row: list[str], after: list[str], above: list[str]) -> bool:
    """A row of headings only (no figure, two or more words, its first cell empty or merged down from
    the one above) above a row that holds figures."""
    filled = [c for c in row if c.strip()]
    first_free = not row[0].strip() or bool(above) and row[0] == above[0]
    return len(filled) >= 2 and not any(is_figure(c) for c in filled) and first_free and any(is_figure(c) for c in after)


def cell_fraction(cell: Cell) -> Decimal | None:
    """A cell as a share: "15%" and 0.15 as they are, a bare 15 under a 比例/权重 heading as 15%."""
    if cell.value is None:
        return None
    return cell.value / 100 if "%" not in cell.text and cell.value > 1 else cell.value


def cell_value(cell: Cell) -> Decimal | None:
    """A cell's figure, bare (3,080) or with words (较上年增长11.2%: signed by the reader)."""
    if cell.value is not None:
        return cell.value
    return cell.quantity.value if cell.quantity is not None else None


def cell_is_percent(cell: Cell) -> bool:
    if cell.quantity is not None:
        return cell.quantity.kind is Kind.PERCENT
    if "%" in cell.text or "％" in cell.text or "%" in cell.header:
        return True
    worded = _cell_quantity(cell.text) if cell.value is not None and not _DIGITS.fullmatch(cell.text.strip()) else None
    return worded is not None and worded.kind is Kind.PERCENT  # "五成", "百分之四十" in a cell


def first(values: Iterable[Any]) -> Any:
    return next((v for v in values if v is not None), None)


class Facts(BaseModel):
    """Base for a fact sheet: frozen, typed, JSON-able."""

    model_config = ConfigDict(frozen=True)


def line_runs(sentences: list[Sentence], one: Callable[[Sentence], Any], least: int = 3) -> list[tuple[str, list[tuple[Sentence, Any]]]]:
    """Runs of at least `least` consecutive sentences that each hold one item (`one` returns it, or
    None), with the line just before each run (the heading it is written under)."""
    out: list[tuple[str, list[tuple[Sentence, Any]]]] = []
    run: list[tuple[Sentence, Any]] = []
    for i in range(len(sentences) + 1):
        found = one(sentences[i]) if i < len(sentences) else None  # (one past the end closes the last run)
        if found is not None:
            run.append((sentences[i], found))
            continue
        if len(run) >= least:
            before = i - len(run) - 1
            out.append((sentences[before].plain if before >= 0 else "", run))
        run = []
    return out


def listed_before(text: str, pos: int, names: Iterable[str]) -> list[str]:
    """The names of a list written before `pos` in its sentence, in the order written ("由业绩、能力、态度
    三部分构成，三者权重按3:3:4" → 业绩, 能力, 态度)."""
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    part = text[start:pos]
    found = sorted(((part.find(n), n) for n in names if n in part), key=lambda t: t[0])
    return [n for _, n in found]


def amount_share(s: Sentence, first: Iterable[str], second: Iterable[str]) -> tuple[Decimal, str] | None:
    """The first part's share of a whole written as two amounts ("基本年薪18万元，绩效年薪12万元" → 60%):
    each amount named by the words of its part, in its own part of the sentence. A monthly amount beside
    a yearly one ("基本薪酬每月6,000元；绩效薪酬年度人均60,000元") counts twelve months."""
    text = s.plain
    found: dict[int, Quantity] = {}
    for q in s.figures(Kind.MONEY):
        start = max(text.rfind(ch, 0, q.start) for ch in "，,；;。、") + 1
        named = text[start:q.start]
        for i, cues in enumerate((tuple(first), tuple(second))):
            # 人均 is one person's amount, as the other part is: per head is no other basis (a piece rate is)
            if i not in found and any(w in named for w in cues) and q.per in (None, "人"):
                found[i] = q
    if len(found) < 2 or found[0].value <= 0 or found[1].value <= 0:
        return None
    a, b = found[0].value, found[1].value
    if {found[0].period, found[1].period} == {"month", "year"}:
        a, b = (a * MONTHS_PER_YEAR, b) if found[0].period == "month" else (a, b * MONTHS_PER_YEAR)
        return a / (a + b), f"{found[0].text}×{MONTHS_PER_YEAR}个月、{found[1].text}" if found[0].period == "month" \
            else f"{found[0].text}、{found[1].text}×{MONTHS_PER_YEAR}个月"
    return a / (a + b), f"{found[0].text}、{found[1].text}"

