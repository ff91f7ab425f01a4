"""Pay-structure facts: 基础工资 standards, step series (薪级 tables, 年功 bands), the base /
performance split of research staff, 年薪 split, technology staff pay against managers', and the
pay-adjustment cycle."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Annotated

from pydantic import BaseModel

from calculators.applicability import Research
from calculators.numbers import MONTHS_PER_YEAR
from knowledge.reader import Kind, Quantity, parse_numeral
from knowledge.reader.fields import Reads
from knowledge.reader.ratios import ratios

from ..models import Evidence
from ..scheme import Scheme, Sentence, Table
from ..words import words
from .common import (
    Cell,
    Facts,
    Figure,
    amount_share,
    cell_amount,
    cell_is_percent,
    cell_value,
    cells,
    figure,
    filled,
    header_row,
    in_yuan,
    line_runs,
    placed,
    table_unit,
)
from .statements import COMPONENTS

W = words().facts


# ---- 基础工资 -------------------------------------------------------------------------------------


class BasicWage(Facts):
    amounts: list[Decimal]
    varies: bool
    evidence: Evidence


def basic_wage(scheme: Scheme) -> BasicWage | None:
    """Standards of 基础工资: a sentence setting amounts per group, or a table with a 基础工资 column."""
    first: BasicWage | None = None
    for s in scheme.prose():
        if not s.has(*W.basic_wage):
            continue
        standards = _standards(s)
        split = s.has(*W.split) and not s.has(*W.not_split)
        fact = BasicWage(amounts=sorted(set(standards)), varies=len(set(standards)) > 1 or split and not standards, evidence=s.evidence)
        if fact.varies:
            return fact
        first = first or fact
    for table in scheme.tables:
        column = [c for c in cells(table) if any(w in c.header for w in W.basic_wage) and c.value is not None]
        values = sorted({c.value for c in column if c.value is not None})
        if len(values) > 1:
            return BasicWage(amounts=values, varies=True, evidence=table.evidence(column[0].row))
    return first


def _standards(s: Sentence) -> list[Decimal]:
    """Monthly amounts a sentence sets for 基础工资 (not totals, not a change from one amount to another)."""
    out = []
    text = s.plain
    others = [w for name, cues in COMPONENTS.items() if name != "基础工资" for w in cues]
    for q in s.figures(Kind.MONEY):
        around = q.subject + q.tail
        if q.total or any(w in around for w in ("全年", "合计", "调整为", "调至", "提高", "增加", "由", "最低工资")):
            continue
        # the pay item named last before the amount owns it ("基础工资1900元；学历差别在能力工资中体现：本科200元")
        basic = max((text.rfind(w, 0, q.start) for w in W.basic_wage), default=-1)
        if max((text.rfind(w, 0, q.start) for w in others), default=-1) > basic:
            continue
        out.append(q.value)
    return out


# ---- step series: 岗位薪级 and 年功工资 ------------------------------------------------------------------


class SeriesKind(StrEnum):
    PAY_STEPS = "岗位薪级"
    SENIORITY = "年功工资"


class StepSeries(Facts):
    kind: SeriesKind
    name: str  # the grade the row is of ("A级"), or the series' name
    amounts: list[Decimal]
    broadband: bool = False
    evidence: Evidence


_STEP_HEAD = re.compile(r"^(?:薪档|薪级|档次)?第?([0-9零〇一二两三四五六七八九十]+)(?:级|档|薪级|档次|级薪级)?$")


def _step_number(header: str) -> int | None:
    """1, 一级, 3薪级, 第2档, 薪档1, "一档（元/月）" → the step number; anything else None. A header joined
    from two rows ("薪档（元/月） 1档") is read by its lower row's words."""
    parts = re.sub(r"[（(][^）)]*[）)]", "", header).split()
    m = _STEP_HEAD.match("".join(parts)) or (_STEP_HEAD.match(parts[-1]) if parts else None)
    if not m:
        return None
    value = parse_numeral(m.group(1))
    return int(value) if value is not None else None


def _step_columns(header: list[str]) -> list[int]:
    """Columns numbering consecutive steps (3 or more): a step header, not a row of small figures."""
    numbered = [(i, n) for i, c in enumerate(header) if (n := _step_number(c)) is not None]
    runs: list[list[tuple[int, int]]] = []
    for item in numbered:
        if runs and item[1] == runs[-1][-1][1] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    best = max(runs, key=len, default=[])
    return [i for i, _ in best] if len(best) >= 3 else []


def _transpose(rows: list[list[str]]) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    return [[r[i] if i < len(r) else "" for r in rows] for i in range(width)]


def step_series(scheme: Scheme) -> list[StepSeries]:
    """Every series of pay steps and seniority bands, from tables and from sentences."""
    out: list[StepSeries] = []
    for table in scheme.tables:
        seniority = _seniority_table(table)
        if seniority is not None:
            out.append(seniority)
            continue
        out += _step_table(table)
    # a band list under a 年功工资 heading ("三、年功工资" / "按工龄段计发：1-5年40元/月；…") is one too
    under = [s for s in scheme.prose() if any(w in s.chapter + s.heading for w in W.seniority) and s.has("工龄", "年") and not s.has(*W.seniority)]
    out += [s for s in map(_seniority_sentence, scheme.having(*W.seniority) + under) if s is not None]
    out += [s for s in map(_step_sentence, scheme.having("薪级", "档", "薪档", "一岗", *_GAP_WORDS)) if s is not None]
    out += [s for s in map(_gap_sentence, scheme.having("差额", "级差", "档差")) if s is not None]
    out += [s for s in map(_increment_series, scheme.having("每")) if s is not None]
    return out + _step_lines(scheme) + _seniority_lines(scheme)


# where a step rule changes: "自第四级起", "满20年后", "五至八级", "20年以上"
_STEP_BOUNDARY = re.compile(r"[0-9零〇一二两三四五六七八九十]+\s*(?:级|档|年)\s*(?:起|后|以后|之后|以上|开始)"
                            r"|[0-9零〇一二两三四五六七八九十]+\s*(?:级|档|年)?\s*(?:至|到|-|～|~|—)\s*[0-9零〇一二两三四五六七八九十]+\s*(?:级|档|年)")


# one step of a ladder named with 每 (每满一年, 每晋升一级, 每级, 每升一档)
_STEP_RULE = re.compile(r"每(?:满|晋升|晋|升|增|提高|上)?[一1]?(?:年|级|档|个薪级|薪级|个档次|档次)")


# the rule written right before the amount, with no verb ("工龄1至5年的每年10元"): of seniority pay, a step
_STEP_RULE_END = re.compile(_STEP_RULE.pattern + r"\s*(?:每人)?(?:每月|每年|按月|月)?\s*$")  # "每满一年每月20元": the period is no step


def _clause_before(s: Sentence, q: Quantity) -> str:
    """The words of a figure's own clause before it ("每满一年增发" for 12元; the reader's subject may stop
    at 一年)."""
    clause = s.clause_at(q.start)
    return s.plain[clause.start if clause is not None else 0:q.start]


def _increment_series(s: Sentence) -> StepSeries | None:
    """Steps stated as rules rather than a table ("以后每晋升一级增加120元，自第四级起每晋升一级增加200元";
    "工龄每满一年增加15元；满20年后，每满一年增加25元"): a rule of equal steps that changes its step at a
    boundary of the same ladder gives unequal steps. Different steps for different posts ("管理岗每级100元，
    生产岗每级80元") name no boundary and are left alone. The series shown is the one the rules give,
    from the stated start (or the first step) over one step of each size."""
    if s.row is not None or _gap_sentence(s) is not None:
        return None
    seniority = any(w in s.plain + s.heading + s.chapter for w in W.seniority) or "工龄" in s.plain
    steps = [q for q in s.figures(Kind.MONEY) if _STEP_RULE.search(own := _clause_before(s, q))
             and (any(w in own for w in W.step_increment) or seniority and _STEP_RULE_END.search(own))
             and figure(q, s).bound is None]
    changed = [b for a, b in pairwise(steps) if b.value != a.value and _STEP_BOUNDARY.search(s.plain[a.end:b.start])]
    if not changed:
        return None
    first = steps[0]
    start = next((q.value for q in s.figures(Kind.MONEY) if q.end <= first.start and q not in steps), first.value)
    amounts = [start, start + first.value]
    for q in changed:
        amounts.append(amounts[-1] + q.value)
    kind = SeriesKind.SENIORITY if seniority else SeriesKind.PAY_STEPS
    return StepSeries(kind=kind, name="年功工资" if seniority else "", amounts=amounts, evidence=s.evidence)


_LINE_MAX = 24  # a line holding one step and its amount ("3.4.2 二级：2800元")


def _one_step(s: Sentence) -> tuple[int, Decimal] | None:
    """A short line naming one step and one amount."""
    amounts = s.figures(Kind.MONEY)
    if s.row is not None or len(amounts) != 1 or amounts[0].per or len(s.plain.strip()) > _LINE_MAX:
        return None
    words = s.plain[:amounts[0].start].strip(" ：:，,为")
    if s.heading_at:
        words = words[s.heading_at:].strip(" ：:，,为")
    number = _step_number(words)
    return (number, amounts[0].value) if number is not None else None


def _one_band(s: Sentence) -> Decimal | None:
    """A short line holding one seniority band and its monthly amount ("工龄满5年不满10年：80元/月")."""
    amounts = s.figures(Kind.MONEY)
    if s.row is not None or len(amounts) != 1 or len(s.plain.strip()) > _LINE_MAX + 8 or amounts[0].per not in (None, "月"):
        return None
    if figure(amounts[0], s).bound is not None or not s.figures(Kind.YEARS) and "年" not in s.plain[:amounts[0].start]:
        return None
    return amounts[0].value


def _seniority_lines(scheme: Scheme) -> list[StepSeries]:
    """Seniority bands written one to a line under a 年功工资 heading (or right after a line naming it)."""
    return [StepSeries(kind=SeriesKind.SENIORITY, name="年功工资", amounts=[v for _, v in run], evidence=run[-1][0].evidence)
            for lead, run in line_runs(scheme.sentences, _one_band)
            if any(w in run[0][0].heading + run[0][0].chapter + lead for w in W.seniority)]


def _step_lines(scheme: Scheme) -> list[StepSeries]:
    """Steps written one to a line (a 1.1-numbered list: "一级：2600元" / "二级：2800元" …), numbered
    one after another, under a heading naming pay steps and not seniority."""
    out: list[StepSeries] = []
    run: list[tuple[Sentence, int, Decimal]] = []

    def close() -> None:
        heading = run[0][0].heading + run[0][0].chapter if run else ""
        if len(run) >= 3 and any(w in heading for w in ("薪级", "档", "岗位工资", "级别")) and not any(w in heading for w in W.seniority):
            out.append(StepSeries(kind=SeriesKind.PAY_STEPS, name="", amounts=[v for _, _, v in run], evidence=run[-1][0].evidence))
        run.clear()

    for s in scheme.sentences:
        found = _one_step(s)
        if found is None or run and found[0] != run[-1][1] + 1:
            close()
        if found is not None:
            run.append((s, *found))
    close()
    return out


def _step_sentence(s: Sentence) -> StepSeries | None:
    """"薪级工资：一级2000元、二级2200元、三级2450元": amounts named by consecutive step numbers."""
    if s.row is not None or s.has(*W.seniority) or len(s.figures(Kind.MONEY)) < 3:
        return None  # "3000、3200、3500元": one unit may serve the list
    steps = [(n, q.value) for q in s.figures(Kind.MONEY) if (n := _step_number(q.name or "")) is not None and not q.per]
    numbers = [n for n, _ in steps]
    if len(steps) < 3 or any(b != a + 1 for a, b in pairwise(numbers)):
        listed = _listed_steps(s)
        if listed is None:
            return None
        return StepSeries(kind=SeriesKind.PAY_STEPS, name="", amounts=listed, evidence=s.evidence)
    return StepSeries(kind=SeriesKind.PAY_STEPS, name="", amounts=[v for _, v in steps], evidence=s.evidence)


_GAP_LABEL = re.compile(r"[一二三四五六七八九十\d]+\s*(?:级|档)?\s*(?:至|到|-|~|～|—)\s*[一二三四五六七八九十\d]+\s*(?:级|档)"
                        # "二级比一级高150元": a step written as so much above the one before
                        r"|[一二三四五六七八九十\d]+\s*(?:级|档)\s*(?:比|较)\s*[一二三四五六七八九十\d]+\s*(?:级|档)\s*(?:高出?|多出?|增加)")


def _gap_sentence(s: Sentence) -> StepSeries | None:
    """The gaps between steps written out ("薪级之间差额为：一至二级120元，二至三级140元…"): the steps
    are their running sums, so unequal gaps show as they are."""
    if s.row is not None:
        return None
    text = s.plain
    gaps = [q for q in s.figures(Kind.MONEY)  # each amount labelled by its pair of steps, in its own item
            if not q.per and _GAP_LABEL.search(text[max(text.rfind(ch, 0, q.start) for ch in "，,；;：:、") + 1:q.start])]
    if len(gaps) < 2:
        return None
    amounts, total = [Decimal(0)], Decimal(0)
    for q in gaps:
        total += q.value
        amounts.append(total)
    kind = SeriesKind.SENIORITY if s.has(*W.seniority) else SeriesKind.PAY_STEPS
    return StepSeries(kind=kind, name="", amounts=amounts, evidence=s.evidence)


def _listed_steps(s: Sentence) -> list[Decimal] | None:
    """"一岗五级，各级标准依次为2600元、2750元、2950元…": one list of amounts, in order (依次 / 分别),
    for the steps of one post — the reader gives every amount of the list the same name."""
    if not s.has("一岗", "薪级", "薪档", "档", *_GAP_WORDS):
        return None
    amounts = [q for q in s.figures(Kind.MONEY) if not q.per and not q.total]
    for q in amounts:
        if not any(w in q.subject for w in ("依次", "分别", "各档", "各级", "各薪级", "每档")):
            continue  # the list is of the steps one after another ("各档标准为3000、3200…元")
        run = [p for p in amounts if p.start >= q.start and p.name == q.name]
        if len(run) >= 3 and all(s.plain[a.end:b.start].strip() in ("、", "，", ",", "；") for a, b in pairwise(run)):
            if any(w in q.subject for w in _GAP_WORDS):
                # "档差依次为100元、120元、150元": the gaps between the steps, not the steps — their running sums
                return [sum((p.value for p in run[:i]), Decimal(0)) for i in range(len(run) + 1)]
            return [p.value for p in run]
    return None


_GAP_WORDS = ("档差", "级差", "差额", "级距")


def _step_table(table: Table) -> list[StepSeries]:
    if any(w in c for row in table.rows[:2] for c in row for w in W.weight):
        return []  # an indicator table numbered 1, 2, 3 … is not a step table
    broadband = any(w in table.context + " ".join(table.header) for w in W.broadband)
    for rows, evidence_of in ((table.rows, table.evidence), (_transpose(table.rows), None)):
        for h, header in enumerate(rows[:3]):
            cols = _step_columns(header)
            if not cols:
                continue
            if evidence_of is None and not any(w in header[0] for w in ("薪级", "档", "级别")):
                break  # a column of post grades (一级、二级 … as rows) is not a series of steps
            out = []
            for r in range(h + 1, len(rows)):
                row = rows[r]
                values = [cell_amount(row[c]) if "%" not in row[c] else None for c in cols if c < len(row)]
                found = [v for v in values if v is not None and v > 1]
                if len(found) < 3 or len(found) != len(values):
                    continue
                if all(b < a for a, b in pairwise(found)):
                    found.reverse()  # listed from the top step down
                found = [in_yuan(v, table_unit(table)) for v in found]  # "单位：千元/月": 3.2 is 3,200元
                name = next((c for i, c in enumerate(row) if i not in cols and c.strip() and cell_amount(c) is None), "")
                evidence = evidence_of(r) if evidence_of else Evidence(text=" | ".join(c for c in row if c), chapter=table.chapter, block=table.block)
                out.append(StepSeries(kind=SeriesKind.PAY_STEPS, name=name, amounts=found, broadband=broadband, evidence=evidence))
            if out:
                return out
    return []


def _seniority_table(table: Table) -> StepSeries | None:
    """A table of 工龄段 → 年功工资: amounts in band order from the column that holds them, or from the
    row that holds them when the bands run across (工龄 | 1-3年 | 4-6年 … over 年功工资 | 50 | 80 …)."""
    found = _seniority_rows(table, table.rows, table.evidence)
    if found is not None:
        return found
    across = Table(table.block, _transpose(table.rows), table.chapter, table.context)
    # the evidence of the transposed table's column is the original row that holds the amounts
    return _seniority_rows(across, across.rows, lambda _: table.evidence(_amount_row(table)))


def _amount_row(table: Table) -> int:
    return next((i for i, row in enumerate(table.rows) if row and any(w in row[0] for w in W.seniority + ("标准", "金额"))), len(table.rows) - 1)


def _seniority_rows(table: Table, rows: list[list[str]], evidence_of) -> StepSeries | None:
    head = header_row(table)
    header = rows[head] if rows else []
    named = any(w in " ".join(header) for w in W.seniority + ("工龄",))
    bands = sum("年" in (r[0] if r else "") for r in rows[head + 1:]) >= 3
    if not named and not (bands and any(w in table.context for w in W.seniority)):
        return None
    column = next((i for i, c in enumerate(header) if any(w in c for w in W.seniority + ("标准", "金额", "元"))), None)
    if column is None:
        return None
    amounts, last = [], head
    for r in range(head + 1, len(rows)):
        row = rows[r]
        value = cell_amount(row[column]) if column < len(row) else None
        if value is not None:
            amounts.append(value)
            last = r
    if len(amounts) < 3:
        return None
    unit = table_unit(table)
    return StepSeries(kind=SeriesKind.SENIORITY, name="年功工资", amounts=[in_yuan(v, unit) for v in amounts], evidence=evidence_of(last))


_OTHER_ITEMS = ("基础工资", "岗位工资", "绩效工资", "能力工资", "技能工资", "奖金", "年薪", "薪级工资")


def _seniority_sentence(s: Sentence) -> StepSeries | None:
    """"满1年每月30元，满3年60元…": one amount per band (not "每满1年增加30元", not a ceiling)."""
    if s.row is not None or s.plain.count("元") < 3:
        return None
    # the amounts of the seniority part of the sentence: from 年功工资 to the next pay item it names
    text = s.plain
    start = min((text.find(w) for w in W.seniority if w in text), default=0)
    end = min((at for w in _OTHER_ITEMS if (at := text.find(w, start + 2)) >= 0), default=len(text))
    amounts = [q.value for q in s.figures(Kind.MONEY) if start <= q.start < end
               and figure(q, s).bound is None and q.per in (None, "月") and not any(w in q.subject for w in ("每满", "增加", "最高", "递增"))]
    if len(amounts) < 3:
        return None
    return StepSeries(kind=SeriesKind.SENIORITY, name="年功工资", amounts=amounts, evidence=s.evidence)


# ---- 科技人才岗位基本薪酬与绩效薪酬 ---------------------------------------------------------------------


class PayPart(StrEnum):
    BASE = "岗位基本薪酬"
    PERFORMANCE = "绩效薪酬"


class PayMix(Facts):
    category: Research
    part: PayPart  # which part the figure is written for
    share: Figure  # its share of total pay (bound: 不超过 / 不低于 as written)

    @property
    def base_share(self) -> Decimal:
        return self.share.value if self.part is PayPart.BASE else 1 - self.share.value


def _category(text: str) -> Research | None:
    basic = min((text.find(w) for w in W.basic_research if w in text), default=-1)
    applied = min((text.find(w) for w in W.applied_research if w in text), default=-1)
    if basic < 0 and applied < 0:
        return None
    if applied < 0 or 0 <= basic < applied:
        return Research.BASIC
    return Research.APPLIED


def _part(text: str) -> PayPart | None:
    base = max((text.rfind(w) for w in W.base_pay if w in text), default=-1)
    perf = max((text.rfind(w) for w in W.performance_pay if w in text), default=-1)
    if base < 0 and perf < 0:
        return None
    return PayPart.BASE if base > perf else PayPart.PERFORMANCE


def _cell_ratio(cell: Cell, category: Research, column: PayPart, evidence: Evidence) -> PayMix | None:
    """A ratio written in a cell ("基本薪酬与绩效薪酬之比为11:9" under 岗位基本薪酬; "六比四" under 基本薪酬 :
    绩效薪酬): the first share is the part named first before it in the cell, else in the column's heading,
    else the column's own part."""
    found = next(iter(ratios(cell.text)), None)
    if found is None or len(found.shares) != 2:
        return None
    first = column
    for words_ in (cell.text[:found.start], cell.header):
        firsts = [(words_.find(w), part) for part, cues in ((PayPart.BASE, W.base_pay), (PayPart.PERFORMANCE, W.performance_pay))
                  for w in cues if w in words_]
        if firsts:
            first = min(firsts)[1]
            break
    share = found.shares[0] if first is PayPart.BASE else found.shares[1]
    return PayMix(category=category, part=PayPart.BASE, share=Figure(value=share, evidence=evidence, text=found.text))


def ratio_share(s: Sentence, start: int = 0) -> tuple[Decimal, str] | None:
    """The first part's share of a ratio written "5:5", "4∶6", "四比六" or "五五比例" (see `knowledge.reader.ratios`;
    the reader reads "5:5" as two numbers and "五五" as none, tests/review/reader_gaps.md)."""
    found = next((r for r in ratios(s.plain) if r.start >= start), None)
    return (found.shares[0], found.text) if found is not None else None


def pay_mix(scheme: Scheme) -> list[PayMix]:
    out: list[PayMix] = []
    for table in scheme.tables:
        for cell in cells(table):
            category = _category(cell.label)
            part = _part(cell.header)
            if category is not None and part is not None and (mix := _cell_ratio(cell, category, part, table.evidence(cell.row))) is not None:
                out.append(mix)
                continue
            if category is None or part is None or not cell_is_percent(cell) or cell_value(cell) is None:
                continue
            if any(existing.category is category and existing.share.evidence.text == table.row_text(cell.row) for existing in out):
                continue
            share = Figure(value=cell_value(cell), evidence=table.evidence(cell.row), text=cell.text)
            out.append(PayMix(category=category, part=part, share=share))
    for s in scheme.prose():
        out += _mix_sentence(s)
    return out


def _mix_sentence(s: Sentence) -> list[PayMix]:
    text = s.plain
    category = _category(text) or _category(s.heading)  # "3.1 基础研究岗位" / "3.1.1 岗位基本薪酬占比：50%"
    if category is None:
        return []
    out: list[PayMix] = []
    marks = sorted((text.find(w), w) for w in W.basic_research + W.applied_research if w in text)
    shares = s.figures(Kind.PERCENT)
    # "固定工资55%，绩效工资45%": parts that add up to the whole are shares, with or without 占
    whole = len(shares) >= 2 and abs(sum((q.value for q in shares), Decimal(0)) - 1) <= Decimal("0.001")
    for q in shares:
        before = [m for m in marks if m[0] < q.start]
        segment_start = before[-1][0] if before else 0
        cat = _category(text[segment_start:q.end]) or category
        part = _part(q.name or "") or _part(text[segment_start:q.start])  # the reader names a ratio's parts (按4:6: 基本薪酬 40%)
        # a share is written with 占/比例/为, or as a limit of the whole ("不超过薪酬总额的三成")
        if part is None or not whole and not any(w in text[segment_start:q.start] for w in W.share + ("为",)) and figure(q, s).bound is None:
            continue
        if any(m.category is cat for m in out):
            continue
        out.append(PayMix(category=cat, part=part, share=figure(q, s)))
    if not out:
        found = ratio_share(s)
        part = _part(text)
        if found is not None and part is not None:
            value, written = found
            share = Figure(value=value, evidence=s.evidence, text=written)
            out.append(PayMix(category=category, part=PayPart.BASE, share=share))
    if not out and (amounts := amount_share(s, W.base_pay, W.performance_pay)) is not None:
        # "岗位基本薪酬每月6,000元…；绩效薪酬年度人均60,000元": the base's share of the two amounts, over a year
        out.append(PayMix(category=category, part=PayPart.BASE, share=Figure(value=amounts[0], evidence=s.evidence, text=amounts[1])))
    return out


# ---- 年薪制 ---------------------------------------------------------------------------------------------


class AnnualReads(BaseModel):
    base: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.annual_base)] = None
    performance: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.annual_performance)] = None


class AnnualPartsReads(BaseModel):
    """Inside a sentence about 年薪, its parts named as any pay's parts ("年薪中固定部分占六成")."""

    base: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.base_pay)] = None
    performance: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.performance_pay)] = None


class AnnualSalary(Facts):
    base_share: Figure | None  # None: the scheme has 年薪 but does not say how it splits
    evidence: Evidence


def annual_salary(scheme: Scheme) -> AnnualSalary | None:
    first: Evidence | None = None
    for s in scheme.having(*W.annual_base, *W.annual_performance, "年薪"):
        if not s.has(*W.annual_base, *W.annual_performance):
            if not s.has(*W.base_pay, *W.performance_pay) or not s.has("年薪制", "年薪中", "年薪由", "年薪分为", "年薪总额"):
                continue
            parts = filled(s, AnnualPartsReads)  # "技师年薪中固定部分占六成"
            base, perf = placed(s, parts, "base"), placed(s, parts, "performance")
            if base is not None:
                return AnnualSalary(base_share=base, evidence=s.evidence)
            if perf is not None:
                return AnnualSalary(base_share=perf.model_copy(update={"value": 1 - perf.value}), evidence=s.evidence)
            continue
        first = first or s.evidence
        result = filled(s, AnnualReads)
        base = placed(s, result, "base")
        if base is not None:
            return AnnualSalary(base_share=base, evidence=s.evidence)
        perf = placed(s, result, "performance")
        if perf is not None:
            return AnnualSalary(base_share=perf.model_copy(update={"value": 1 - perf.value}), evidence=s.evidence)
        found = ratio_share(s) or amount_share(s, W.annual_base, W.annual_performance)
        if found is not None:
            return AnnualSalary(base_share=Figure(value=found[0], evidence=s.evidence, text=found[1]), evidence=s.evidence)
        if s.has("占比相对较小", "占比较小", "比例较小"):
            return None  # the split is stated as the guideline words it, without figures
    from_table = next((split for table in scheme.tables if (split := _annual_table(table)) is not None), None)
    return from_table or (AnnualSalary(base_share=None, evidence=first) if first else None)


def _annual_table(table: Table) -> AnnualSalary | None:
    """"职级 | 基本年薪 | 绩效年薪" over "经理 | 18 | 12": each row's fixed part over its whole annual salary
    (in whatever unit the table uses); the row with the largest fixed share stands for the table."""
    header = table.header
    base_col = next((i for i, c in enumerate(header) if any(w in c for w in W.annual_base)), None)
    perf_col = next((i for i, c in enumerate(header) if any(w in c for w in W.annual_performance)), None)
    if base_col is None or perf_col is None:
        return None
    shares = []
    for r, row in enumerate(table.rows[1:], start=1):
        base = cell_amount(row[base_col]) if base_col < len(row) and "%" not in row[base_col] else None
        perf = cell_amount(row[perf_col]) if perf_col < len(row) and "%" not in row[perf_col] else None
        if base is not None and perf is not None and base + perf > 0:
            shares.append(((base / (base + perf)).quantize(Decimal("0.0001")), r, f"{row[base_col]}、{row[perf_col]}"))
    if not shares:
        return None
    share, r, text = max(shares)
    evidence = table.evidence(r)
    return AnnualSalary(base_share=Figure(value=share, evidence=evidence, text=text), evidence=evidence)


# ---- 科技人才与同职级管理人员 ---------------------------------------------------------------------------------


class TechVsManagement(Facts):
    ratio: Figure | None  # technology staff's pay (or raise) as a fraction of same-grade managers'
    evidence: Evidence  # None ratio: written as "低于同职级管理人员"


def tech_vs_management(scheme: Scheme) -> list[TechVsManagement]:
    """"研发序列…按同职级管理序列的90%确定", "…为管理序列调薪预算的八成", "…低于同职级管理人员"."""
    out = []
    for s in scheme.having(*W.management_ref):
        text = s.plain
        below = text.find("低于")
        if below > 0 and text[below - 1] != "不" and any(w in text[below:below + 10] for w in W.management_ref) \
                and any(w in text[:below] for w in W.tech_subject) and not s.figures(Kind.PERCENT):
            out.append(TechVsManagement(ratio=None, evidence=s.evidence))
            continue
        # "科技人员年度增资幅度不超过管理人员增资幅度": managers' pay is the ceiling of the technology staff's
        capped = next((text.find(w) for w in ("不超过", "不高于", "不得超过", "不得高于") if w in text), -1)
        if capped > 0 and any(w in text[capped:capped + 12] for w in W.management_ref) \
                and any(w in text[:capped] for w in W.tech_subject) and not s.figures(Kind.PERCENT):
            out.append(TechVsManagement(ratio=None, evidence=s.evidence))
            continue
        for q in s.figures(Kind.PERCENT, Kind.MULTIPLE):
            # the reference runs from the managers named last before the figure ("…为同职级管理人员的80%")
            ref_at = max((at for w in W.management_ref if (at := text.rfind(w, max(0, q.start - 14), q.start)) >= 0), default=-1)
            reference = text[ref_at:q.start] if ref_at >= 0 else ""
            lead = text[:ref_at]
            if ref_at < 0 or not any(w in lead for w in W.tech_subject):
                continue  # a ceiling (控制在…的九成以内) or a floor (不低于…的90%) below managers' lets it fall below theirs
            ratio = figure(q, s)
            if reference.rstrip().endswith("的") or "折" in q.text:
                pass  # "为同职级管理人员的80%" (or "的0.8倍"), "按管理人员调幅打八折"
            elif q.direction == "down" or re.search(r"(?:低|少)$", reference.rstrip()):
                ratio = ratio.model_copy(update={"value": 1 - abs(q.value)})  # "较同级管理人员低10%": 90% of theirs
            else:
                continue
            if ratio.value < 1:
                out.append(TechVsManagement(ratio=ratio, evidence=s.evidence))
        if not any(t.evidence == s.evidence for t in out) and (side := _side_by_side(s)) is not None:
            out.append(side)
    return out


def _measure(name: str, group: tuple[str, ...]) -> str:
    """What a group's figure measures, its group's words left out ("研发人员平均调薪" → 平均调薪)."""
    word = max((w for w in group if w in name), key=len, default="")
    return re.sub(r"^(?:人员|人才|序列|岗位|类)", "", name[name.find(word) + len(word):]) if word else name


def _side_by_side(s: Sentence) -> TechVsManagement | None:
    """"管理人员平均调薪6%，研发人员平均调薪4.5%": the two groups' raises (or pay) written one beside the
    other, each named by its group — the technology staff's as a fraction of the managers'."""
    def group(q: Quantity) -> str | None:
        name = q.name or ""
        tech = any(w in name for w in W.tech_subject)
        managers = any(w in name for w in W.management_ref)
        return None if tech == managers or q.bound or q.range_end is not None else "tech" if tech else "managers"

    figures = [q for q in s.figures(Kind.PERCENT, Kind.MONEY) if group(q) is not None]
    tech = next((q for q in figures if group(q) == "tech"), None)
    managers = next((q for q in figures if group(q) == "managers"), None)
    if tech is None or managers is None or tech.kind is not managers.kind or managers.value <= 0 or tech.direction != managers.direction:
        return None
    if _measure(tech.name or "", W.tech_subject) != _measure(managers.name or "", W.management_ref):
        return None  # "管理人员人均年薪…，研发人员绩效奖金…": not the same measure
    ratio = tech.value / managers.value
    if ratio >= 1:
        return None
    return TechVsManagement(ratio=Figure(value=ratio.quantize(Decimal("0.0001")), evidence=s.evidence, text=f"{tech.text}、{managers.text}"),
                            evidence=s.evidence)


# ---- 薪酬调整周期 ---------------------------------------------------------------------------------------------


class Adjustment(Facts):
    years: Figure | None  # None: adjusted every year or periodically, no longer cycle stated
    evidence: Evidence


_RANGE = ("至", "到", "-", "～", "~", "—")


def adjustments(scheme: Scheme) -> list[Adjustment]:
    """How often pay standards are reviewed and adjusted: every N years, or every year."""
    words_ = words().statements
    out = []
    for s in scheme.prose():
        if not s.has(*words_.adjustment) or not s.has(*words_.adjustment_topic):
            continue
        text = s.plain
        for q in s.figures(Kind.YEARS, Kind.MONTHS):
            if q.kind is Kind.MONTHS:
                # "调整周期为48个月": a cycle written in months is that many twelfths of a year
                q = q.with_(value=q.value / MONTHS_PER_YEAR)
            clause = s.clause_at(q.start)
            if clause is None or not any(w in clause.text for w in words_.adjustment):
                continue
            # "每4至5年评估调整一次": a range of years, read by its shorter end
            low = next((p for p in s.figures(Kind.NUMBER, Kind.YEARS) if p.end <= q.start and text[p.end:q.start].strip() in _RANGE), None)
            start = low.start if low is not None else q.start
            once = q.tail.startswith(("一调", "一次", "调整一次", "调一次")) or any(w in q.tail for w in ("调整一次", "调一次"))
            if "每" in text[max(0, start - 2):start] or "周期" in clause.text or once:
                found = figure(q, s)
                out.append(Adjustment(years=found.model_copy(update={"value": low.value}) if low is not None else found, evidence=s.evidence))
                break
        else:
            if any(w in text for w in ("每年", "年度普调", "年度调薪", "定期评估", "定期调整", "普遍调整", "调整机制")):
                out.append(Adjustment(years=None, evidence=s.evidence))
    return out


# ---- 职位等级晋升的年限 ---------------------------------------------------------------------------------

_SENIOR = ("高级", "资深", "专家", "首席", "高层级", "高职级")


_NEW_STAFF = ("新进职工", "新进员工", "新入职", "新员工", "新招录", "新进人员")
_THEN = ("方可", "才能", "才可", "方能", "始可", "始得", "后方可", "再")


def grade_promotion(scheme: Scheme) -> Figure | None:
    """The years a new member of staff waits for the next job grade ("新入职员工须满五年方可申请晋升一个职位
    等级"; "每2至3年晋升一个职级" → 2, the shorter end). The grade, not a pay step (薪级, 档), and not
    the senior grades, whose pace the guideline leaves open."""
    for s in scheme.prose():
        # the grade named as such, or new staff's wait to move up from one named 级 ("新进职工须在助理级任满5年方可晋升中级")
        graded = s.has("职级", "职位等级", "职务等级") or s.has(*_NEW_STAFF) and "级" in s.plain
        if not graded or not s.has("晋升", "晋级") or s.has("薪级", "薪档", *_SENIOR):
            continue
        text = s.plain
        for q in s.figures(Kind.YEARS, Kind.MONTHS):
            if q.kind is Kind.MONTHS:
                # "调整周期为48个月": a cycle written in months is that many twelfths of a year
                q = q.with_(value=q.value / MONTHS_PER_YEAR)
            clause = s.clause_at(q.start)
            if clause is None or any(w in q.subject for w in ("任期", "聘期")):
                continue
            then = next((c for c in s.reading.clauses if c.start > clause.start), None)
            said = s.scope(clause) + (then.text if then is not None and then.text.startswith(_THEN) else "")
            if not any(w in said for w in ("晋升", "晋级")):
                continue  # the years are the wait for promotion: in its clause, or a condition whose next clause says so (满六年，方可晋升)
            low = next((p for p in s.figures(Kind.NUMBER, Kind.YEARS) if p.end <= q.start and text[p.end:q.start].strip() in ("至", "到", "-", "～", "~")), None)
            found = figure(q, s)
            return found.model_copy(update={"value": low.value}) if low is not None else found
    return None
