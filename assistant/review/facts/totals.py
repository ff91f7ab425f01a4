"""Wage-total facts: growth of the wage total, profit, average wage and productivity (prose or a
budget table, stated as a rate or derived from two years' amounts), the headquarters' average
wage, and the wage-total growth of subsidiaries by kind."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Annotated

from pydantic import BaseModel, Field

from knowledge.reader import Kind, Quantity, parse_numeral, read
from knowledge.reader.bind import after_figure
from knowledge.reader.fields import Reads
from knowledge.reader.fill import fill

from ..models import Evidence
from ..scheme import Scheme, Sentence, Table, plain
from ..words import words
from .common import (
    Bound,
    Cell,
    Facts,
    Figure,
    cell_is_percent,
    cell_value,
    cells,
    figure,
    filled,
    negated_at,
    placed,
)

W = words().facts


class GrowthReads(BaseModel):
    """How the company's growth rates are read from one sentence (the shared filler places them)."""

    wage_total: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.wage_total, signed=True, avoid=W.not_company)] = None
    profit: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.profit, signed=True, avoid=W.not_company + ("超额",))] = None
    avg_wage: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.avg_wage, signed=True, avoid=W.not_company)] = None
    productivity: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.productivity, signed=True, avoid=W.not_company)] = None


_CAPS = ("不超过", "控制在", "以内")


class CappedReads(BaseModel):
    """A wage total stated only as a ceiling ("工资总额增幅控制在8%以内"), read when nothing else is."""

    wage_total: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.wage_total, signed=True,
                                                avoid=tuple(w for w in W.not_company if w not in _CAPS))] = None


class CappedAvgReads(BaseModel):
    """The whole company's average wage stated only as a ceiling ("全部职工平均工资增长按不超过某一幅度掌握"):
    the growth is at most this, so a headquarters growth above it is above the company's."""

    avg_wage: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=W.avg_wage, signed=True,
                                              avoid=tuple(w for w in W.not_company if w not in _CAPS))] = None


class HeadquartersReads(BaseModel):
    hq_avg_wage: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=("总部职工平均工资", "总部平均工资", "总部"), signed=True)] = None
    # the whole company's average wage: named as all staff's, or as an average wage not the headquarters'
    all_avg_wage: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=("全部职工平均工资", "全体职工平均工资", "全部职工", "全体职工", "全集团", "全公司",
                                                        "全系统", "所属企业", *W.avg_wage),
                                                  signed=True, avoid=("总部",))] = None


class Growth(Facts):
    profit_fell: Evidence | None = None  # profit said to fall, with no figure ("利润总额连续两年下降")
    above: dict[str, Evidence] = Field(default_factory=dict)  # a growth allowed to reach or pass the one it must stay below, in words
    wage_total: Figure | None = None
    profit: Figure | None = None
    avg_wage: Figure | None = None
    productivity: Figure | None = None
    hq_avg_wage: Figure | None = None
    all_avg_wage: Figure | None = None  # beside the headquarters figure (集团全部职工平均工资)


class SubsidiaryGrowth(Facts):
    kind: str  # 内部效益型 …
    growth: Figure
    over_group: bool = False  # the growth is written as points above the group's ("比集团增幅高出两个百分点")


_FIELDS = ("wage_total", "profit", "avg_wage", "productivity")


def growth(scheme: Scheme) -> Growth:
    """The first figure of each kind the scheme states for the company as a whole."""
    found: dict[str, Figure] = {}
    candidates: dict[str, list[tuple[tuple[int, int], Figure]]] = {}
    for s in scheme.prose():
        if s.has(*W.subsidiary_kinds):
            group = _group_beside(s)
            if group is not None:
                found.setdefault("wage_total", group)
            continue
        moving = any(q.direction in ("up", "down") for q in s.figures(Kind.PERCENT))  # 降幅达到两成: the reader says it moves
        if not s.has(*W.change) and not moving and not any(q.derived for q in s.reading.quantities) and not _MORE_OR_LESS.search(s.plain) \
                and not any(_OF_LAST_YEAR.search(q.subject) for q in s.figures(Kind.PERCENT)):
            continue
        compared = _compared(s)
        result = fill(compared, GrowthReads)
        for name in _FIELDS:
            fig = placed(s, result, name, compared)
            index = next((i for i, p in result.placed.items() if p == name), None)
            if fig is not None and index is not None:
                candidates.setdefault(name, []).append((_when(s, compared.quantities[index].start), fig))
        for name, fig in _unchanged(s).items():
            found.setdefault(name, fig)
        for name, fig in _shared(s).items():
            found.setdefault(name, fig)
        if s.has(*W.headquarters):
            hq = filled(s, HeadquartersReads)
            for name in ("hq_avg_wage", "all_avg_wage"):
                fig = placed(s, hq, name)
                if fig is not None:
                    found.setdefault(name, fig)
            against = _compared_with(s) if "hq_avg_wage" in found and "all_avg_wage" not in found else None
            if against is not None:
                found["all_avg_wage"] = against
    for name, seen in candidates.items():
        # the figure for the latest year the scheme plans (2025年…计划) over last year's actual (2024年…实际)
        found[name] = max(seen, key=lambda c: c[0])[1] if len({c[0] for c in seen}) > 1 else seen[0][1]
    for name, fig in _budget_table(scheme).items():
        found.setdefault(name, fig)
    for name, fig in _headquarters_table(scheme).items():
        found.setdefault(name, fig)
    for name, fig in _across_years(scheme).items():
        found.setdefault(name, fig)
    if "wage_total" not in found and (parts := _by_components(scheme)) is not None:
        found["wage_total"] = parts
    if "profit" not in found and (loss := _loss_moved(scheme)) is not None:
        found["profit"] = loss
    if "wage_total" not in found:
        for s in scheme.prose():
            if s.has(*W.subsidiary_kinds) or not s.has(*_CAPS):
                continue
            compared = _compared(s)
            fig = placed(s, fill(compared, CappedReads), "wage_total", compared)
            if fig is not None and fig.bound is Bound.MAX and fig.text != getattr(found.get("profit"), "text", None):
                found["wage_total"] = fig  # a ceiling, never the profit's own figure of the same sentence
                break
    above = _allowed_above(scheme)
    fell = next((s.evidence for s in scheme.prose() if _fell_without_figure(s)), None)
    if "hq_avg_wage" in found and "all_avg_wage" not in found and "avg_wage" in found:
        found["all_avg_wage"] = found["avg_wage"]
    if "hq_avg_wage" in found and "all_avg_wage" not in found:
        capped = _capped_avg_wage(scheme)
        if capped is not None:
            found["all_avg_wage"] = capped
    return Growth(above=above, profit_fell=fell, **found)


_FELL = ("下降", "下滑", "减少", "降低", "亏损", "负增长")


def _fell_without_figure(s: Sentence) -> bool:
    """"公司利润总额连续两年下降": the profit said to fall, in a part of the sentence with no figure."""
    text = s.plain
    for cue in W.profit:
        at = text.find(cue)
        if at < 0:
            continue
        end = min((text.find(ch, at) for ch in "，,；;。" if text.find(ch, at) >= 0), default=len(text))
        part = text[at:end]
        start = max(text.rfind(ch, 0, at) for ch in "，,；;。") + 1
        if any(w in text[start:at] for w in _IF) or part.rstrip().endswith(("的", "时")) or any(w in part for w in ("时", "的，")):
            continue  # "如利润总额下降，…", "利润下降的，…": a condition, not a fact
        if any(w in part for w in _FELL) and not any(ch.isdigit() for ch in part) and not _HAS_NUMERAL.search(part) \
                and not negated_at(s, at + next(part.find(w) for w in _FELL if w in part)):
            return True
    return False


_IF = ("如", "若", "如果", "假如", "一旦", "凡", "当", "遇")
_HAS_NUMERAL = re.compile(r"[一二两三四五六七八九十百千]+(?:成|个百分点|%)|百分之")


# growths the guidelines keep below another: (what, the one it must stay below)
_BELOW = {
    "wage_total": (W.wage_total, W.profit),
    "avg_wage": (W.avg_wage, W.productivity),
    "hq": (("总部",), ("全部职工", "全体职工", "全集团", "全公司", "所属企业", "本企业", "集团平均", "集团职工")),
    "internal": (("内部效益型",), ("集团",)),
}
_TIMES = re.compile(r"[^，,；;。]{0,8}?的([0-9.一二两三四五六七八九十点]+)倍")
_FASTER = re.compile(r"[^，,；;。]{0,10}?(快|高|多|超出)")
_PASSES = re.compile(r"(?:不低于|不少于|高于|超过|快于|大于|多于|超出)")
_FORBIDS = ("不得", "不应", "不能", "不可", "不宜", "禁止", "严禁", "应当低于", "应低于")


def _allowed_above(scheme: Scheme) -> dict[str, Evidence]:
    """"工资总额增幅原则上不低于利润总额增幅", "内部效益型企业工资总额增幅可高于集团增幅": a growth the
    guideline keeps below another, set by the scheme at or above it in words — no figure needed.
    Refused ("不得高于") or kept below ("不超过", "低于") it is no breach."""
    out: dict[str, Evidence] = {}
    for s in scheme.prose():
        text = s.plain
        if not any(w in text for w in ("增幅", "增长", "增速", "涨幅")):
            continue
        for key, (first, second) in _BELOW.items():
            if key in out:
                continue
            a = min((text.find(w) for w in first if w in text), default=-1)
            if a < 0:
                continue
            b = min((text.find(w, a + 1) for w in second if text.find(w, a + 1) > a), default=-1)
            if b < 0:
                continue
            between = text[a:b]
            found = None
            for m in _PASSES.finditer(between):
                found = m
            if found is None:
                # "工资总额增幅控制在利润增幅的1.2倍以内": a multiple of the other growth, one or more, lets it pass
                times = _TIMES.match(text[b:])
                if times is not None and (parse_numeral(times.group(1)) or 0) >= 1 and not re.search(r"[，,；;。]", between):
                    out[key] = s.evidence
                # "平均工资增速比劳动生产率增速快1个百分点": 比 the other, then faster or higher
                faster = _FASTER.match(text[b:])
                if between.rstrip().endswith(("比", "较")) and faster is not None and not negated_at(s, b + faster.start(1)) \
                        and not any(w in between for w in _FORBIDS):
                    out[key] = s.evidence
                continue
            if any(w in between[:found.start()][-4:] for w in _FORBIDS) or re.search(r"[，,；;。]", between[found.end():]):
                continue
            if between[:found.start()].endswith(("不", "未", "不会")):
                continue  # "增幅不超过集团平均增幅": 不超过 is a limit the reader does not count as negation
            if found.group(0).startswith(("高", "超", "快", "大", "多")) and negated_at(s, a + found.start()):
                continue  # "不高于", "不超过" keep it below
            out[key] = s.evidence
    return out


_THAN = re.compile(r"^[，,]?(?:高于|低于|超过|快于|慢于|不及|略高于|略低于)")


def _compared_with(s: Sentence) -> Figure | None:
    """"总部平均工资增长8%，高于全集团的6%": the figure a growth is compared with is the same measure's
    growth for the other party (the whole group)."""
    for q in s.figures(Kind.PERCENT):
        if _THAN.match(q.subject) and "总部" not in q.subject and q.direction is None:
            return figure(q, s)
    return None


def _capped_avg_wage(scheme: Scheme) -> Figure | None:
    for s in scheme.prose():
        if s.has(*W.subsidiary_kinds, *W.headquarters) or not s.has(*_CAPS):
            continue
        compared = _compared(s)
        fig = placed(s, fill(compared, CappedAvgReads), "avg_wage", compared)
        if fig is not None:
            return fig
    return None


_PLANNED = ("计划", "预计", "预算", "安排", "拟", "目标", "本年", "今年", "当年", "下一年", "明年")
_ACTUAL = ("实际", "上年", "去年", "上一年", "已", "完成", "实现")


def _when(s: Sentence, pos: int) -> tuple[int, int]:
    """Which year a growth is for, to prefer the plan over past years: the year written before it in its
    sentence (or its heading), then whether its part of the sentence plans (计划, 预计) or reports (实际,
    上年). (0, 0) when nothing says."""
    text = s.plain
    start = max(text.rfind(ch, 0, pos) for ch in "；;。") + 1
    part = text[start:pos]
    years = [d for d in s.reading.quantities if d.kind is Kind.DATE and d.end <= pos and 1990 <= d.value <= 2100]
    year = int(years[-1].value) if years else 0
    plan = 1 if any(w in part for w in _PLANNED) else -1 if any(w in part for w in _ACTUAL) else 0
    return year, plan


_COMPARED = ("较上年", "比上年", "较去年", "比去年", "同比", "环比", "较", "比")


_CUES = W.wage_total + W.profit + W.avg_wage + W.productivity
_MOVED_TO = re.compile(r"^(?:增加|增长|提高|上升|上涨|下降|降低|减少|调整|调增|调减)(?:到|至|为)|^(?:增至|降至|减至|升至)")
_GROWS = ("增长", "增加", "上涨", "提高", "递增")
_LESS = ("少", "低", "减", "降")
_AGAINST_LAST_YEAR = re.compile(r"(?:比|较)(?:上年|去年|上一年|上年度|前一年|同期|上期)[^，,；;。]{0,6}?(多|高|增|涨|少|低|减|降)[^，,；;。]{0,4}$")
_MORE_OR_LESS = re.compile(_AGAINST_LAST_YEAR.pattern.removesuffix("[^，,；;。]{0,4}$"))
_OF_LAST_YEAR = re.compile(r"(?:按|为|是|达到?|相当于)?(?:上年|去年|上一年|上年度|前一年)[^，,；;。]{0,8}?的$")
_RATE_LABEL = re.compile(r"(?:增长率|增幅|增速|涨幅|增长幅度)(?:为|是|按|达到?|控制在)?$")


def _compared(s: Sentence):
    """Each change named by the words written before it. Two readings are mended here (see
    tests/review/reader_gaps.md): "工资总额预算为33.81亿元，较上年清算数增长7%" — a change against
    last year belongs to the amount named just before it, not to 清算数; and "人均产量（劳动生产率）
    提高8%" — a topic in brackets is not the previous clause's topic."""
    reading = s.reading
    text = reading.normalised
    everything = list(reading.quantities)
    for i, q in enumerate(everything):
        if q.kind is not Kind.PERCENT:
            continue
        prev = everything[i - 1] if i else None
        start = max(prev.end if prev is not None else 0, max(text.rfind(ch, 0, q.start) for ch in "。；;！？") + 1)
        written = text[start:q.start].strip("，,；;、：: （(")  # "人均工资增幅（6.2%）": a rate in brackets after its label
        of_last = _OF_LAST_YEAR.search(written)
        if q.direction is None and of_last is not None and q.value >= Decimal("0.5"):
            # "工资总额按上年实发数的103%安排": a share of last year's amount is the growth over it (+3%)
            change = q.value - 1
            q = everything[i] = q.with_(value=change, direction="down" if change < 0 else "up", derived=True)
            written = written[:of_last.start()]
        if q.direction is None:
            # "工资总额增长率：8%", "工资总额按9%增长安排": a growth written as a rate is a change too;
            # "比去年多安排7%", "较上年少发3%": more or less than last year is a change up or down
            against = _AGAINST_LAST_YEAR.search(written)
            if against is not None:
                q = everything[i] = q.with_(direction="down" if against.group(1) in _LESS else "up")
            elif not _RATE_LABEL.search(written) and not (written.endswith("按") and text[q.end:].startswith(_GROWS)):
                continue
            else:
                q = everything[i] = q.with_(direction="up")
        if q.derived and not {c for c in _CUES if c in written}:
            written = q.topic  # a growth worked out from two years' amounts: named by their heading (工资总额：2024年…)
        if s.answer_at is not None and q.start >= s.answer_at and not {c for c in _CUES if c in written}:
            written = text[:s.answer_at]  # "问：利润呢？答：预计增长5%": the answer's topic is the question's
        named = {c for c in _CUES if c in written}
        if named and not named <= {c for c in _CUES if c in q.subject}:
            everything[i] = q.with_(subject=written, name=written)
        elif prev is not None and q.subject.startswith(_COMPARED) and prev.sentence == q.sentence and prev.name and prev.kind is not q.kind:
            everything[i] = q.with_(subject=f"{prev.name}…{q.subject}", name=prev.name)
    # Rates only: a bare number (表13, 2024) is never a growth rate here. "与上年持平略增，增幅按2%安排":
    # a measure said to stay flat and then given a rate of its own moves by that rate.
    quantities = [q for i, q in enumerate(everything) if q.kind is Kind.PERCENT
                  and not (q.direction == "flat" and any(p.kind is Kind.PERCENT and p.direction in ("up", "down") and p.name == q.name
                                                         for p in everything[i + 1:]))]
    return replace(reading, quantities=quantities)


# one figure for both measures: 同为, 均为, 都是, 均按 (…掌握), 同步
_BOTH_AT_END = re.compile(r"(?:(?:同|均|都|皆|同样|一样)(?:为|是|按|以)|同步)$")


def _shared(s: Sentence) -> dict[str, Figure]:
    """"工资总额增幅与利润总额增幅同为6%": one figure stated for two measures joined by 与/和/及 — each
    measure grew by it."""
    out: dict[str, Figure] = {}
    for q in s.figures(Kind.PERCENT):
        subject = q.subject.rstrip()
        both = _BOTH_AT_END.search(subject)
        if both is None or q.bound:
            continue
        if not subject[:both.start()].strip("，, "):
            # "工资总额增长与利润总额增长保持同步，均为5%": the measures are named in the clause before
            start = max(s.plain.rfind(ch, 0, q.start) for ch in "；;。") + 1
            subject = s.plain[start:q.start]
        kinds = {k for part in re.split(r"与|和|及|、|同|跟", subject) if (k := _row_kind(part)) is not None}
        if len(kinds) >= 2:
            out |= {k: figure(q, s) for k in kinds}
    return out


def _unchanged(s: Sentence) -> dict[str, Figure]:
    """"工资总额保持不变", "劳动生产率基本持平": a growth of zero. The reader gives no figure for
    these words yet (tests/review/reader_gaps.md), so the words are looked for here."""
    text = s.plain
    out = {}
    for name, cues in (("wage_total", W.wage_total), ("profit", W.profit), ("productivity", W.productivity), ("avg_wage", W.avg_wage)):
        for cue in cues:
            at = text.find(cue)
            if at < 0:
                continue
            rest = text[at:]
            end = min((rest.find(ch) for ch in "，,；;。" if ch in rest), default=len(rest))
            # "工资总额仍按3,000万元安排，保持不变": the next clause goes on with it unless it names another measure
            full = min((rest.find(ch) for ch in "；;。" if ch in rest), default=len(rest))
            others = [i for cue in _CUES if cue not in cues and (i := rest.find(cue, end)) >= 0]
            end = min([full, *others]) if not any(w in rest[:end] for w in W.no_change) else end
            part = rest[:end]
            word = next((w for w in W.no_change if w in part), None)
            # "维持上年水平4,800万元": the level it stays at may be written; a rate or a move may not
            inside = [q for q in s.reading.figures if at <= q.start < at + end and q.kind is not Kind.DATE]
            level_only = all(q.kind is Kind.MONEY and not q.direction for q in inside)
            if word and level_only:
                out[name] = Figure(value=Decimal(0), evidence=s.evidence, text=word)
                break
    return out


def _row_kind(label: str) -> str | None:
    for name, cues in (("wage_total", W.wage_total), ("profit", W.profit), ("avg_wage", W.avg_wage), ("productivity", W.productivity)):
        if any(c in label for c in cues):
            return name
    return None


def _budget_table(scheme: Scheme) -> dict[str, Figure]:
    """A budget table: per row (工资总额, 利润总额 …) a stated change, or one derived from the
    amounts of two years (2023年实际 → 2024年预算); the measures may run across and the years down."""
    out: dict[str, Figure] = {}
    for table in scheme.tables:
        found = _budget_rows(table)
        years_down = all(_YEAR.search(r[0]) for r in table.rows[1:] if r) if len(table.rows) >= 3 else False
        if not found and years_down:  # 年度 | 利润总额 | 工资总额 over 2024年 | … / 2025年 | …
            across = Table(table.block, [list(r) for r in zip(*[r + [""] * (max(map(len, table.rows)) - len(r)) for r in table.rows], strict=True)],
                           table.chapter, table.context)
            found = {k: v.model_copy(update={"evidence": table.evidence(len(table.rows) - 1)}) for k, v in _budget_rows(across).items()}
        for k, v in found.items():
            out.setdefault(k, v)
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")


def _column_when(cell: Cell) -> tuple[int, int, int]:
    """Which year a column is for, to prefer the plan: the year its heading names, then whether it plans
    (预算, 计划) or reports (实际), then how far right it stands."""
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", cell.header)]
    plan = 1 if any(w in cell.header for w in _PLANNED) else -1 if any(w in cell.header for w in _ACTUAL) else 0
    return (max(years) if years else 0, plan, cell.col)


def _header_rank(header: str) -> int | None:
    """The year a column heading names in words, relative to this one (上年实际 −1, 本年预算 0)."""
    found = [(header.find(w), w) for w in _RELATIVE_YEARS if w in header]
    return _RELATIVE_YEARS[min(found, key=lambda t: (t[0], -len(t[1])))[1]] if found else None


def _budget_rows(table: Table) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    by_row: dict[int, list[Cell]] = {}
    for cell in cells(table):
        by_row.setdefault(cell.row, []).append(cell)
    for row, row_cells in by_row.items():
        kind = _row_kind(row_cells[0].label) if row_cells else None
        if kind is None or kind in out or any(w in row_cells[0].label for w in W.not_company):
            continue
        rates = [c for c in row_cells if cell_is_percent(c) and cell_value(c) is not None
                 and (any(w in c.header for w in ("增", "减", "幅", "变动", "同比")) or c.quantity is not None)]
        # several years' rates in one row (2024年 | 增幅 | 2025年预算 | 增幅): the latest year planned
        rate = max(rates, key=_column_when) if rates else None
        if rate is not None:
            out[kind] = Figure(value=cell_value(rate), evidence=table.evidence(row), text=rate.text)
            continue
        moved = _two_years(row_cells, table)
        if moved is not None:
            out[kind] = moved
    return out


def _two_years(row_cells: list[Cell], table: Table) -> Figure | None:
    """A row's change worked out from its amounts of two years (2024年实发 | 2025年预算, or 上年实际 |
    本年预算 in words): the last year's over the first's."""
    years = [c for c in row_cells if c.value is not None and any(ch.isdigit() for ch in c.header) and not cell_is_percent(c)]
    if len(years) < 2:
        # 指标 | 上年实际 | 本年预算: columns named by a year in words, ordered by it
        said = [(rank, c) for c in row_cells if c.value is not None and not cell_is_percent(c) and (rank := _header_rank(c.header)) is not None]
        years = [c for _, c in sorted(said, key=lambda t: (t[0], t[1].col))] if len({r for r, _ in said}) >= 2 else []
    if len(years) < 2 or not years[0].value:
        return None
    change = (years[-1].value - years[0].value) / years[0].value  # type: ignore[operator]
    return Figure(value=change.quantize(Decimal("0.0001")), evidence=table.evidence(row_cells[0].row), text=f"{years[0].text}→{years[-1].text}")


def _headquarters_table(scheme: Scheme) -> dict[str, Figure]:
    """A table of average-wage growth by unit (单位 | 平均工资增幅): the 总部 row and the whole group's row."""
    out: dict[str, Figure] = {}
    for table in scheme.tables:
        by_row: dict[int, list[Cell]] = {}
        for cell in cells(table):
            about_avg = any(w in cell.header + table.context for w in W.avg_wage)
            key = _hq_key(cell.label)
            if not about_avg or key is None:
                continue
            by_row.setdefault(cell.row, []).append(cell)
            if not cell_is_percent(cell) or cell_value(cell) is None:
                continue
            if (any(w in cell.header for w in ("增幅", "增长", "增速", "涨幅")) or cell.quantity is not None) and key not in out:
                out[key] = Figure(value=cell_value(cell), evidence=table.evidence(cell.row), text=cell.text)
        for row, row_cells in by_row.items():
            # 单位 | 2024年实际 | 2025年预算 with no rate written: the growth is the later year's over the earlier's
            key = _hq_key(row_cells[0].label)
            years = [c for c in row_cells if c.value is not None and _YEAR.search(c.header) and not cell_is_percent(c)]
            if key and key not in out and len(years) >= 2 and years[0].value:
                first, last = min(years, key=_column_when), max(years, key=_column_when)
                if first is not last and first.value:
                    change = (last.value - first.value) / first.value  # type: ignore[operator]
                    out[key] = Figure(value=change.quantize(Decimal("0.0001")), evidence=table.evidence(row), text=f"{first.text}→{last.text}")
    return out if "hq_avg_wage" in out else {}


def _hq_key(label: str) -> str | None:
    if "总部" in label:
        return "hq_avg_wage"
    return "all_avg_wage" if any(w in label for w in ("全集团", "全部", "全体", "集团合计", "合计", "本企业")) else None


def _group_beside(s: Sentence) -> Figure | None:
    """"内部效益型子企业工资总额增幅10%，集团工资总额增幅6%": in a sentence about subsidiaries, the
    growth named by the group's own wage total is the group's."""
    for q in s.figures(Kind.PERCENT):
        if any(w in q.subject for w in W.group + ("集团工资总额", "集团公司工资总额")) and not any(k in q.subject for k in W.subsidiary_kinds) \
                and not any(w in q.subject for w in ("子企业", "子公司")) and q.bound is None:
            return figure(q, s)
    return None


def _year_of(s: Sentence, q: Quantity) -> int | None:
    """The year an amount is written for: the last year named before it in its sentence (2024年…)."""
    text = s.reading.normalised
    years = [d for d in s.reading.quantities if d.kind is Kind.DATE and d.end <= q.start and (d.text.endswith("年") or text.startswith("年", d.end))
             and 1990 <= d.value <= 2100]
    return int(years[-1].value) if years else None


def _lead_year(lead: Sentence) -> tuple[int | None, int | None]:
    """The year a lead line ("2025年度安排如下：", "上年度执行情况如下：") gives the items under it: a
    written year, or one relative to this year."""
    years = [d for d in lead.reading.quantities if d.kind is Kind.DATE and 1990 <= d.value <= 2100]
    if years:
        return int(years[-1].value), None
    said = lead.plain
    ranks = {_RELATIVE_YEARS[w] for w in _RELATIVE_YEARS if w in said and not any(w in o and w != o for o in _RELATIVE_YEARS if o in said)}
    return None, ranks.pop() if len(ranks) == 1 else None  # "上年执行情况和本年安排如下：" leads items of both years


# a year named in words: last year, this year, next year
_RELATIVE_YEARS = {"上年": -1, "去年": -1, "上一年": -1, "上年度": -1, "前一年": -1, "今年": 0, "本年": 0, "本年度": 0, "当年": 0,
                   "明年": 1, "下年": 1, "次年": 1, "下一年": 1}


def _rank(s: Sentence, q: Quantity) -> int | None:
    """The year an amount is written for, as a number or relative to this year (上年 −1, 今年 0)."""
    for word in sorted(_RELATIVE_YEARS, key=len, reverse=True):
        if word in q.subject.split("…")[-1]:
            return _RELATIVE_YEARS[word]
    return None


def _rank_before(s: Sentence, q: Quantity) -> int | None:
    """The year in words an amount's sentence names before it, when the amount's own words name none and no
    other year is named between (a list of one year's amounts)."""
    before = s.plain[:q.start]
    found = [(before.rfind(w), w) for w in _RELATIVE_YEARS if w in before]
    if not found:
        return None
    at, word = max(found, key=lambda t: (t[0], len(t[1])))
    if before[max(0, at - 2):at].endswith(("比", "较", "同比")):
        return None  # "较上年…" compares; it does not date the amount
    return _RELATIVE_YEARS[word]


def _continued(before: Quantity, after: Quantity, s: Sentence) -> int:
    """"上年工资总额3000万元，今年安排3150万元": an amount of another year naming no measure of its own,
    whose topic is the amount just before it — the same measure. 1 when it is the later year, -1 when
    the earlier ("…计划1.26亿元，2024年为1.2亿元"), 0 when it is no such amount."""
    if _row_kind(after.subject) is not None or before.text not in (after.topic or ""):
        return 0
    first, then = _rank(s, before), _rank(s, after)
    if first is None or then is None:
        first, then = _year_of(s, before), _year_of(s, after)
    if first is None or then is None or first == then:
        return 0
    return 1 if then > first else -1


def _based_on(before: Quantity, after: Quantity, s: Sentence) -> bool:
    """"2025年工资总额预算为9800万元，较2024年实际发放的9000万元有所增加": the amount written after
    较/比 (and an earlier year) is the base the amount before it is compared with — the same measure,
    when it names no other."""
    between = s.reading.normalised[before.end:after.start]
    if not re.search(r"较|比", between) or re.search(r"[；;。]", between) or _row_kind(after.subject) not in (None, _row_kind(before.subject)):
        return False
    first, then = _year_of(s, before), _year_of(s, after)
    return first is not None and then is not None and then < first


def _across_years(scheme: Scheme) -> dict[str, Figure]:
    """Growth worked out from two years' amounts written apart ("2024年…实际发放工资总额10000万元"
    in one sentence, "2025年工资总额预算安排10800万元" in the next, or in another article): the
    latest year's amount over the one before it. The reader joins two amounts within one sentence
    (knowledge.reader.bind); a scheme states each year on its own."""
    dated: dict[str, dict[int, tuple[Quantity, Sentence]]] = {}
    relative: dict[str, dict[int, tuple[Quantity, Sentence]]] = {}  # by year relative to this one, when no year is written
    changes: dict[str, tuple[Quantity, Sentence]] = {}
    out: dict[str, Figure] = {}
    lead: Sentence | None = None
    for s in scheme.prose():
        # a lead holds over its items (（一）, 1.) until the next article (第四条) or chapter
        if lead is not None and (s.chapter != lead.chapter or s.article != lead.article and s.article.startswith("第")):
            lead = None
        if s.plain.rstrip().endswith((":", "：")):
            lead = s  # "第五条 2025年度安排如下：" leads the items after it, which name no year of their own
        if s.has(*W.subsidiary_kinds):
            continue
        amounts = s.figures(Kind.MONEY)
        text = s.plain
        for start_amount, added in pairwise(amounts):  # "工资总额在2024年实发2.5亿元的基础上增加1,500万元"
            on_base = _ON_BASE.match(text[start_amount.end:added.start])
            measure = _row_kind(text[max(text.rfind(ch, 0, start_amount.start) for ch in "，,；;。") + 1:start_amount.start])
            if on_base is not None and measure and measure not in out and start_amount.value:
                sign = -1 if on_base.group(1) in _LESS_WORDS else 1
                out[measure] = Figure(value=(sign * abs(added.value) / start_amount.value).quantize(Decimal("0.0001")), evidence=s.evidence,
                                      text=f"{start_amount.text}→{on_base.group(1)}{added.text}")
        for before, after in pairwise(amounts):  # "工资总额由2024年的5000万元增加到5500万元"
            kind = _row_kind(before.subject)
            if any(w in before.subject for w in W.not_company):
                # "总部员工人均工资由15万元提高到16.2万元" is the headquarters', not the company's: its own measure
                if kind != "avg_wage" or not any(w in before.subject for w in W.headquarters):
                    continue
                kind = "hq_avg_wage"
            continued = _continued(before, after, s)
            if continued == -1:  # "2025年工资总额计划1.26亿元，2024年为1.2亿元": the later year written first
                before, after = after, before
            moved = _MOVED_TO.match(after_figure(after.subject)) is not None or continued != 0
            if kind and kind not in out and moved and before.value:
                change = (after.value - before.value) / abs(before.value)  # from a loss (below zero) up is a rise
                out[kind] = Figure(value=change.quantize(Decimal("0.0001")), evidence=s.evidence, text=f"{_level(before)}→{_level(after)}")
            elif kind and kind not in out and _based_on(before, after, s) and after.value:
                change = (before.value - after.value) / abs(after.value)  # "…9800万元，较2024年实际发放的9000万元有所增加"
                out[kind] = Figure(value=change.quantize(Decimal("0.0001")), evidence=s.evidence, text=f"{_level(after)}→{_level(before)}")
        for q in amounts:
            kind = _row_kind(q.subject)
            if kind is None and s.heading_at and q.start >= s.heading_at:
                kind = _row_kind(s.plain[:s.heading_at])  # "2.1 利润总额" / "2.1.1 上年完成4,000万元": the heading names the measure
            if kind is None and _LOSS_LEVEL.search(q.subject.split("…")[-1]) and not q.per:
                # "2024年亏损1,500万元，2025年亏损扩大至2,300万元": a year's loss is its profit, below zero
                kind, q = "profit", q.with_(value=-abs(q.value), direction=None, text=f"亏损{q.text}")
            elif kind is None and _GAIN_LEVEL.search(q.subject.split("…")[-1]) and not q.per and not q.direction:
                kind, q = "profit", q.with_(text=f"盈利{q.text}")  # "2024年盈利300万元": the year's profit
            if kind is None and q.direction and _AGAINST_LAST.search(q.subject):
                kind = _measure_before(s, q)  # "工资总额预算按5,350万元编制，较上年实发增加350万元": the change is the budget's
            if kind is None or q.per or any(w in q.subject for w in W.not_company):
                continue
            if q.direction and _AGAINST_LAST.search(q.subject):
                changes.setdefault(kind, (q, s))  # "工资总额预算较上年增加150万元": a change, its base written elsewhere
                continue
            year = _year_of(s, q)
            if q.direction:
                continue
            rank = _rank(s, q)
            if year is None and rank is None:
                rank = _rank_before(s, q)  # "去年工资总额5,000万元，利润总额2,000万元": the year goes on over the list
            if year is None and rank is None and lead is not None:
                year, rank = _lead_year(lead)
            if year is not None:
                dated.setdefault(kind, {}).setdefault(year, (q, s))
            elif rank is not None:
                relative.setdefault(kind, {}).setdefault(rank, (q, s))  # "上年利润总额10,000万元", "本年预计8,800万元"
    for kind in set(dated) | set(relative):
        by_year = dated.get(kind, {}) if len(dated.get(kind, {})) >= 2 else relative.get(kind, {})
        if len(by_year) < 2 or kind in out:
            continue
        (before, _), (after, s) = (by_year[y] for y in sorted(by_year)[-2:])
        if before.value:
            change = (after.value - before.value) / abs(before.value)  # a loss that deepens is a fall
            out[kind] = Figure(value=change.quantize(Decimal("0.0001")), evidence=s.evidence, text=f"{_level(before)}→{_level(after)}")
    plan = _plan_year(scheme)
    for kind, (q, s) in changes.items():
        base = relative.get(kind, {}).get(-1) or (dated.get(kind, {}).get(plan - 1) if plan else None)
        if kind not in out and base is not None and base[0].value:
            change = abs(q.value) * (-1 if q.direction == "down" else 1) / base[0].value
            out[kind] = Figure(value=change.quantize(Decimal("0.0001")), evidence=s.evidence, text=f"{base[0].text}→{q.text}")
    return out


def _measure_before(s: Sentence, q: Quantity) -> str | None:
    """The measure a change with no name of its own is written under: that of the amount just before it in
    its sentence ("工资总额预算按5,350万元编制，较上年实发增加350万元"), else the one measure its sentence names
    before it ("工资总额预算另行编制，较上年增加400万元")."""
    start = max(s.plain.rfind(ch, 0, q.start) for ch in "；;。") + 1
    before = [p for p in s.figures(Kind.MONEY) if start <= p.start and p.end <= q.start and not p.direction]
    if before:
        return _row_kind(before[-1].subject)
    words_before = s.plain[start:q.start]
    kinds = {k for k, cues in (("wage_total", W.wage_total), ("profit", W.profit), ("avg_wage", W.avg_wage), ("productivity", W.productivity))
             if any(c in words_before for c in cues)}
    return kinds.pop() if len(kinds) == 1 else None


def _plan_year(scheme: Scheme) -> int | None:
    """The year a scheme plans for, as its title gives it ("2025年度薪酬分配实施方案"): the latest year written
    before its first chapter, in its first few lines."""
    years = [int(d.value) for s in scheme.sentences[:4] if not s.chapter
             for d in s.reading.quantities if d.kind is Kind.DATE and 1990 <= d.value <= 2100]
    return max(years) if years else None


_MADE_OF = ("构成", "组成", "包括", "包含", "由")
_BASE_ITEM = ("基数", "上年", "去年", "上一年", "清算", "实发", "实际发放")


def _by_components(scheme: Scheme) -> Figure | None:
    """"工资总额预算由三部分构成：一是基数部分9,600万元，即经清算的2025年工资总额；二是效益联动增量540万元；
    三是专项奖励60万元": a budget given by its parts, one of them last year's base — the growth is what
    the other parts add to it (600 ÷ 9,600)."""
    for s in scheme.prose():
        if not s.has(*W.wage_total) or not s.has(*_MADE_OF) or s.has(*W.subsidiary_kinds):
            continue
        text = s.plain
        items = []
        for q in s.figures(Kind.MONEY):
            start = max(text.rfind(ch, 0, q.start) for ch in "；;：:。") + 1
            ends = [at for ch in "；;。" if (at := text.find(ch, q.end)) >= 0]
            items.append((q, text[start:min(ends, default=len(text))]))
        bases = [q for q, item in items if any(w in item for w in _BASE_ITEM)]
        added = [q for q, item in items if q not in bases and not q.per and q.value > 0]
        if len(bases) != 1 or not added or bases[0].value <= 0 or len(items) != len(added) + 1:
            continue
        growth = sum((q.value for q in added), Decimal(0)) / bases[0].value
        return Figure(value=growth.quantize(Decimal("0.0001")), evidence=s.evidence,
                      text=f"{bases[0].text}+{'+'.join(q.text for q in added)}")
    return None


_LOSS_WORSE = re.compile(r"亏损(?:额)?(?:同比|较上年|比上年)?(?:扩大|增加|上升|增长)$")
_LOSS_BETTER = re.compile(r"(?:亏损(?:额)?(?:同比|较上年|比上年)?(?:收窄|减少|缩小|下降)|减亏)$")


def _loss_moved(scheme: Scheme) -> Figure | None:
    """"亏损同比扩大20%" / "减亏30%", "亏损额收窄25%": a loss moving by a rate — profit falls when the loss
    grows and rises when it narrows (which way, not how far beside a wage growth: see `in_loss`)."""
    for s in scheme.prose():
        if s.has(*W.subsidiary_kinds):
            continue
        for q in s.figures(Kind.PERCENT):
            words_ = q.subject.split("…")[-1].strip()
            sign = -1 if _LOSS_WORSE.search(words_) else 1 if _LOSS_BETTER.search(words_) else 0
            if sign and not q.bound and not negated_at(s, q.start):
                return Figure(value=sign * abs(q.value), evidence=s.evidence, text=f"亏损{'扩大' if sign < 0 else '收窄'}{q.text}")
    return None


def _level(q: Quantity) -> str:
    """An amount as shown: a level below zero is a loss ("亏损500万元")."""
    return f"亏损{q.text}" if q.value < 0 and "亏损" not in q.text else q.text


def in_loss(fig: Figure | None) -> bool:
    """A profit growth worked out across a loss year: its rate says which way profit went, not by how much
    against the wage total (a rate over a loss has no meaning beside a wage growth)."""
    return fig is not None and "亏损" in fig.text


# a year's loss written as its level: 亏损300万元, 亏损扩大至2,300万元, 减亏至600万元 (not 减亏300万元, a change)
_GAIN_LEVEL = re.compile(r"(?:盈利|实现盈利|盈余)(?:为|达到?)?$")
_LOSS_LEVEL = re.compile(r"(?:亏损(?:额)?(?:扩大|增加|减少|收窄|缩小)?(?:至|到|为)?|减亏(?:至|到))$")
_ON_BASE = re.compile(r"的?基础上[^，,；;。0-9]{0,4}?(增加|提高|增长|上调|增发|减少|降低|下调|核减|压减)")
_LESS_WORDS = ("减少", "降低", "下调", "核减", "压减")
_AGAINST_LAST = re.compile(r"(?:比|较|同比)(?:上年|去年|上一年|上年度|前一年|同期)?")


_GROUP_ROW = ("集团合计", "集团整体", "集团公司", "全集团", "集团本级合计", "集团")


def subsidiaries(scheme: Scheme) -> list[SubsidiaryGrowth]:
    """Wage-total growth set for each kind of subsidiary (外部效益型 / 内部效益型 / 支持保障型)."""
    out: list[SubsidiaryGrowth] = []
    seen: set[str] = set()
    for table in scheme.tables:
        done: set[int] = set()
        # the group's row may come first (集团合计 above the subsidiaries): a table naming any kind holds them
        of_kinds = any(k in c for r in table.rows for c in r for k in W.subsidiary_kinds)
        # a row with a rate for each year (2024年 | 2025年预算): the plan's column is the one checked
        rates: dict[int, list[Cell]] = {}
        for cell in cells(table):
            if cell_is_percent(cell) and cell_value(cell) is not None:
                rates.setdefault(cell.row, []).append(cell)
        by_row: dict[int, list[Cell]] = {}
        for cell in cells(table):
            by_row.setdefault(cell.row, []).append(cell)
        planned = {row: max(found, key=_column_when).col for row, found in rates.items()
                   if len(found) >= 2 and all(_column_when(c)[:2] != (0, 0) for c in found)}
        for cell in cells(table):
            if cell.row in planned and planned[cell.row] != cell.col:
                continue
            # the kind is the row's name (内部效益型) or written in a column of its own (企业 | 功能类型 | 增幅)
            row = table.rows[cell.row]
            kind = next((k for k in W.subsidiary_kinds if k in cell.label or any(k in c for c in row)), None)
            if kind is None and any(w in cell.label for w in _GROUP_ROW) and "总部" not in cell.label and (seen or of_kinds):
                kind = "集团"  # the group's own row (集团合计) in a table of subsidiaries: the growth they are held to
            if kind is not None and of_kinds and cell.row not in done and cell.row not in rates and (moved := _two_years(by_row[cell.row], table)) is not None:
                # 企业 | 功能类型 | 2024年实发 | 2025年预算 with no rate written: the row's growth from its two years
                seen.add(kind)
                done.add(cell.row)
                out.append(SubsidiaryGrowth(kind=kind, growth=moved))
                continue
            if kind is None or cell.row in done or not cell_is_percent(cell) or cell_value(cell) is None:
                continue
            points = _points_over_group(read(plain(cell.text), typos=False).quantities) if "集团" in cell.text else None
            if points is not None:  # "比照集团水平上浮1.5个百分点" in the row of a 内部效益型 subsidiary
                seen.add(kind)
                done.add(cell.row)
                out.append(SubsidiaryGrowth(kind=kind, growth=Figure(value=points.value, evidence=table.evidence(cell.row), text=cell.text),
                                            over_group=True))
                continue
            if not any(w in cell.header for w in ("增幅", "增长", "增速")) and cell.quantity is None:
                continue
            seen.add(kind)
            done.add(cell.row)  # every row is a subsidiary (or a kind) of its own: each is checked
            out.append(SubsidiaryGrowth(kind=kind, growth=Figure(value=cell_value(cell), evidence=table.evidence(cell.row), text=cell.text)))
    for s in scheme.prose():
        kind = next((k for k in W.subsidiary_kinds if k in s.plain), None)
        if kind is None or kind in seen:
            continue
        # "内部效益型子企业工资总额增幅为8%，集团平均增幅为6%": the group's own growth, written beside it
        group = next((q for q in s.figures(Kind.PERCENT) if "集团" in q.subject and any(w in q.subject for w in ("增幅", "增长", "增速"))
                      and q.bound is None and not any(w in q.subject for w in ("高出", "上浮", "超过", "上限"))), None)
        if group is not None and "集团" not in seen:
            seen.add("集团")
            out.append(SubsidiaryGrowth(kind="集团", growth=Figure(value=group.value, evidence=s.evidence, text=group.text)))
        rate = next((q for q in s.figures(Kind.PERCENT) if any(w in q.subject for w in ("增幅", "增长")) and q.bound is None
                     and not any(w in q.subject for w in ("集团", "上限"))), None)
        if rate is not None:
            seen.add(kind)
            out.append(SubsidiaryGrowth(kind=kind, growth=Figure(value=rate.value, evidence=s.evidence, text=rate.text)))
            continue
        over = _over_group(s)
        if over is not None:
            seen.add(kind)
            out.append(SubsidiaryGrowth(kind=kind, growth=over, over_group=True))
    return out


_ON_GROUP = re.compile(r"(?:比|较|按|在|以)[^，,；;。]{0,12}?集团[^，,；;。]{0,6}?(?:增幅|增速|增长|水平)")
_ABOVE = re.compile(r"(?:比|较)[^，,；;。]{0,12}?集团[^，,；;。]{0,10}?(?:高出|高|多|超出|超过)$")


def _over_group(s: Sentence) -> Figure | None:
    """"其工资总额增幅可比集团平均增幅高出两个百分点": a growth set as points above the group's own,
    not refused ("不得比集团高出…")."""
    # every reading, weak ones too: "一个百分点" is a unit, not the lone 一 `figures` leaves out
    found = _points_over_group([q for q in s.reading.quantities if not negated_at(s, q.start)])
    return Figure(value=found.value, evidence=s.evidence, text=found.text) if found is not None else None


def _points_over_group(quantities: list[Quantity]) -> Quantity | None:
    """"按集团增幅上浮两个百分点", "比照集团水平上浮1.5个百分点": points up from the group's growth, however
    the move is worded."""
    for q in quantities:
        above = _ABOVE.search(q.subject.rstrip()) is not None or _ON_GROUP.search(q.subject) is not None and q.direction == "up"
        if q.kind is Kind.PERCENT and q.text.endswith("百分点") and above and q.value > 0 and not q.negated:
            return q
    return None
