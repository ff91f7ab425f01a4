"""Head-count facts joined across the scheme: staff on post and technology staff (usually in the
company profile), dividend recipients and their technical share (in the incentive article),
首席 posts and their share."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field

from knowledge.reader import Kind, Quantity, Reading
from knowledge.reader.fields import Reads
from knowledge.reader.fill import fill
from knowledge.reader.ratios import per_every

from ..scheme import Scheme, Sentence, Table
from ..words import words
from .common import Bound, Cell, Facts, Figure, cells, conjuncts, count_value, figure, filled, placed

W = words().facts


class EmployeesReads(BaseModel):
    employees: Annotated[Decimal | None, Reads(Kind.PEOPLE, cues=W.employees, avoid=W.dividend + ("其中", "含"))] = None


_NOT_TECH = ("非技术", "非技能", "非科技")
# "分红总额按技术转让净收益的12%提取": a share of money, not of the people
_MONEY = ("收益", "利润", "提取", "总额", "额度", "金额", "转让", "奖金")


class DividendReads(BaseModel):
    recipients: Annotated[Decimal | None, Reads(Kind.PEOPLE, cues=W.recipients + W.dividend + ("激励",), avoid=W.not_tech)] = None
    tech: Annotated[Decimal | None, Reads(Kind.PEOPLE, cues=W.tech_skill, avoid=W.not_tech + W.recipients)] = None
    recipient_share: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=("在岗职工总数", "职工总数", "员工总数", "在岗职工", "全体职工", "职工"),
                                                     avoid=("技术", "技能", *_MONEY))] = None
    # "非技术技能人员不超过四成" is the rest's share, not the technical staff's
    tech_share: Annotated[Decimal | None, Reads(Kind.PERCENT, cues=("技术技能人才", "技术技能", "技术人才", "技能人才", "科技人才"),
                                                avoid=_NOT_TECH + _MONEY)] = None


class Dividend(Facts):
    employees: Figure | None = None
    recipients: Figure | None = None
    tech: Figure | None = None
    recipient_share: Figure | None = None
    tech_share: Figure | None = None
    evidence: Figure | None = None  # the dividend sentence itself (its first figure)
    others: list[Dividend] = Field(default_factory=list)  # further plans (项目收益分红 beside 岗位分红), each on its own


class Chief(Facts):
    chiefs: Figure | None = None  # head count or ceiling of 首席 posts
    tech_staff: Figure | None = None  # number of technology staff
    share: Figure | None = None  # a share of technology staff written in the scheme


def employees(scheme: Scheme) -> Figure | None:
    """Staff on post, from the company profile: the first head count named so, not a subset; else
    one written inside the dividend's own sentence ("本次分红激励人数为120人，公司在岗职工300人")."""
    for inside in (False, True):
        for s in scheme.prose():
            if not s.has(*W.employees) or s.has(*W.dividend) is not inside:
                continue
            result = filled(s, EmployeesReads)
            fig = placed(s, result, "employees")
            if fig is not None:
                return fig
    named = _table_count(scheme, lambda label: any(w in label for w in W.employees) and any(w in label for w in _TOTALS + ("在岗职工", "总数")))
    # a table of the staff by kind whose count column is headed 在岗人数: its total row is the staff on post
    return named or _table_count(scheme, lambda label: any(w in label for w in _TOTALS), headed=W.employees)


_COUNT_HEADS = ("人数", "职数", "数量", "名额", "人")
_TOTALS = ("合计", "总计", "共计")
_ON_POST = ("在岗", "在职", "在册")


def _table_count(scheme: Scheme, wanted, headed: tuple[str, ...] = ()) -> Figure | None:
    """A head count from a table of staff (人员类别 | 人数): the first row whose name `wanted` accepts,
    in a column headed by one of `headed` when given (never in a table of dividend recipients)."""
    for table in scheme.tables:
        head = " ".join(table.header)
        if headed and (any(w in head for w in W.dividend) or any(w in table.context for w in W.dividend)
                       and not any(w in head for w in _ON_POST)):
            continue  # recipients by kind, unless the column says it counts staff on post
        for c in cells(table):
            if c.value is None or c.value != c.value.to_integral_value() or c.value <= 0 or "%" in c.text:
                continue
            if headed and not any(w in c.header for w in headed):
                continue
            if (any(w in c.header for w in _COUNT_HEADS) or c.text.strip().endswith(("人", "名"))) and wanted(c.label):
                return Figure(value=c.value, evidence=table.evidence(c.row), text=c.text)
    return None


def dividend(scheme: Scheme) -> Dividend | None:
    found: dict[str, Figure] = {}
    plans: list[dict[str, Figure]] = []
    after_dividend = False
    for s in scheme.prose():
        # "问：其中技术技能人才多少？答：五十人。" right after the dividend's own question: 其中 goes on with it
        goes_on = after_dividend and re.match(r"\s*(?:问\s*[:：])?\s*其中", s.plain) is not None
        after_dividend = s.has(*W.dividend, *W.recipients) or goes_on
        if not after_dividend or not s.figures(Kind.PEOPLE, Kind.PERCENT):
            continue
        reading = _range_ends(s)
        result = fill(reading, DividendReads)
        own = {name: fig for name in ("recipients", "tech", "recipient_share", "tech_share") if (fig := placed(s, result, name, reading)) is not None}
        if (parts := _tech_parts(s)) is not None:
            own["tech"] = parts
        if "recipients" in own and "tech" not in own and "tech_share" not in own and (rest := _tech_remainder(s, own["recipients"])) is not None:
            own["tech"] = rest
        if "recipients" in own and "recipients" in found and own["recipients"].value != found["recipients"].value \
                and own["recipients"].evidence != found["recipients"].evidence:
            # "项目收益分红…激励对象18人，其中…" after the 岗位分红's own 46: another plan, checked on its own
            plans.append(own)
            continue
        for name, fig in own.items():
            found.setdefault(name, fig)
    table_staff = None
    for name, fig in _dividend_table(scheme).items():
        if name == "employees":
            table_staff = fig
        else:
            found.setdefault(name, fig)
    if not found:
        return None
    staff = employees(scheme) or table_staff
    others = [Dividend(employees=staff, **plan) for plan in plans if "tech" in plan or "tech_share" in plan]
    return Dividend(employees=staff, others=others, **found)


_REMAINDER = re.compile(r"(?:其余|其他|剩余|余下)(?:的)?(?:人员|人)?(?:均|都|全部)?(?:为|是|系)([^，,；;。]*)")


def _tech_remainder(s: Sentence, recipients: Figure) -> Figure | None:
    """"激励对象40人，其中管理和营销人员18人，其余为技术技能人员": the rest of the recipients, named as the
    technical and skilled kinds, are the recipients less the other kinds counted."""
    said = _REMAINDER.search(s.plain)
    if said is None or not _is_tech(said.group(1)):
        return None
    others = [q for q in s.figures(Kind.PEOPLE) if q.parent and q.start < said.start() and not _is_tech(q.subject) and count_value(q)]
    if not others:
        return None
    value = recipients.value - sum((q.value for q in others), Decimal(0))
    return Figure(value=value, evidence=s.evidence, text=f"{recipients.text}−{'−'.join(q.text for q in others)}") if value >= 0 else None


def _tech_parts(s: Sentence) -> Figure | None:
    """"激励对象18人，其中技术人员9人、技能人员1人、管理及销售人员8人": the technical and skilled kinds listed
    under the recipients add up (two or more of them; one alone is read as written)."""
    # the words written before each figure say its kind ("其他人员10人" is no technical kind, whatever name it is carried)
    parts = [q for q in s.figures(Kind.PEOPLE) if q.parent and _is_tech(q.subject) and count_value(q)]
    if len(parts) < 2 or len({q.parent for q in parts}) != 1:
        return None
    total = sum((q.value for q in parts), Decimal(0))
    return Figure(value=total, evidence=s.evidence, text="、".join(q.text for q in parts))


_TOTAL_ROW = ("合计", "总计", "小计", "共计")


def _is_tech(text: str) -> bool:
    return any(w in text for w in W.tech_skill) and not any(w in text for w in W.not_tech)


_MONEY_HEAD = re.compile(r"额度|金额|[千万]?元|奖金|工资|薪酬|分红额|分配额")


def _named_counts(table: Table) -> dict[str, Figure]:
    """Counts a table names for themselves, by column (单位 | 在岗人数 | 激励对象人数 | 其中技术技能人才, its
    合计 row or the sum of its rows) or by row (在岗职工 | 300 / 激励对象 | 100 / 其中：技术技能人才 | 55)."""
    # a column of money (分红额度, 奖金（千元）) holds no head count, whatever else its heading names
    counts = [c for c in cells(table) if c.value is not None and c.value == c.value.to_integral_value() and c.value > 0 and "%" not in c.text
              and not (_MONEY_HEAD.search(c.header) and "人" not in c.header)]
    out: dict[str, Figure] = {}

    def amount(c: Cell) -> Decimal:
        return c.value if c.value is not None else Decimal(0)

    def kind(text: str) -> str | None:
        if _is_tech(text) and ("其中" in text or not any(w in text for w in W.recipients + ("激励", "分红"))):
            return "tech"
        if any(w in text for w in W.recipients + ("激励", "分红")):
            return "recipients"
        if any(w in text for w in _ON_POST + ("职工总数", "员工总数")):
            return "employees"
        return None

    by_column: dict[str, list] = {}
    for c in counts:
        if (k := kind(c.header)) is not None:
            by_column.setdefault(k, []).append(c)
    if "recipients" in by_column:
        for k, column in by_column.items():
            # one kind may run in several columns (其中：技术人才 | 其中：技能人才): each column's total, added up
            value, texts, row = Decimal(0), [], column[-1].row
            for col in dict.fromkeys(c.col for c in column):
                own = [c for c in column if c.col == col]
                total = next((c for c in own if any(w in c.label for w in _TOTAL_ROW)), None)
                value += amount(total) if total is not None else sum((amount(c) for c in own), Decimal(0))
                texts.append(total.text if total is not None else str(sum((amount(c) for c in own), Decimal(0))))
                row = total.row if total is not None else row
            out[k] = Figure(value=value, evidence=table.evidence(row), text="、".join(texts))
        return out
    techs = [c for c in counts if kind(c.label) == "tech"]
    for c in counts:
        k = kind(c.label)
        if k is not None and k != "tech" and k not in out:
            out[k] = Figure(value=c.value, evidence=table.evidence(c.row), text=c.text)
    if techs:
        # "其中：技术技能人才 55" is the count; rows of several technical kinds (技术骨干, 技能骨干) add up
        said = next((c for c in techs if "其中" in c.label), None)
        value = amount(said) if said is not None else sum((amount(c) for c in techs), Decimal(0))
        out["tech"] = Figure(value=Decimal(value), evidence=table.evidence((said or techs[0]).row), text="、".join(c.text for c in techs))
    return out if "recipients" in out else {}


def _dividend_table(scheme: Scheme) -> dict[str, Figure]:
    named = next((found for table in scheme.tables if any(w in table.context + " ".join(table.header) for w in W.dividend)
                  and (found := _named_counts(table))), None)
    return named if named is not None else _dividend_kinds(scheme)


def _range_ends(s: Sentence) -> Reading:
    """"激励人数为在岗职工总数的25%～35%": a range lets the scheme reach its far end — the upper end of a
    share the guideline caps (激励人数), the lower end of one it floors (技术技能人才的占比). The range
    becomes that one figure."""
    quantities = list(s.reading.quantities)
    drop: set[int] = set()
    for i, q in enumerate(quantities):
        j = q.range_end
        if j is None or not 0 <= j < len(quantities) or q.kind is not Kind.PERCENT:
            continue
        tech = min((q.subject.find(w) for w in W.tech_skill if w in q.subject), default=-1)
        among = min((q.subject.find(w) for w in W.recipients + W.dividend if w in q.subject), default=len(q.subject))
        floored = 0 <= tech < among  # "技术技能人才占分红激励人数的…": the technical share of the recipients
        keep, gone = (i, j) if floored else (j, i)
        quantities[keep] = quantities[keep].with_(range_start=None, range_end=None)
        drop.add(gone)
    if not drop:
        return s.reading
    return replace(s.reading, quantities=[q for k, q in enumerate(quantities) if k not in drop])


def _dividend_kinds(scheme: Scheme) -> dict[str, Figure]:
    """A table of the dividend's recipients by kind (类别 | 人数, with or without a 合计 row): the
    recipients are the total, the technical and skilled staff the rows named so."""
    for table in scheme.tables:
        if not any(w in table.context + " ".join(table.header) for w in W.dividend):
            continue
        counts = [c for c in cells(table) if c.value is not None and ("人数" in c.header or "人" in c.text)
                  and c.value == c.value.to_integral_value() and c.value > 0]
        total = next((c for c in counts if any(w in c.label for w in ("合计", "总计", "小计", "共计"))), None)
        parts = [c for c in counts if c is not total and not any(w in c.label for w in ("合计", "总计", "小计", "共计"))]
        tech = [c for c in parts if any(w in c.label for w in W.tech_skill) and not any(w in c.label for w in W.not_tech)]
        if len(parts) < 2 or not tech:
            continue
        recipients = total.value if total is not None and total.value is not None else sum(c.value for c in parts if c.value is not None)
        evidence = table.evidence(total.row if total is not None else parts[-1].row)
        return {"recipients": Figure(value=Decimal(recipients), evidence=evidence, text=total.text if total else str(recipients)),
                "tech": Figure(value=Decimal(sum(c.value for c in tech if c.value is not None)), evidence=table.evidence(tech[0].row),
                               text="、".join(c.text for c in tech))}
    return {}


def chief(scheme: Scheme) -> Chief | None:
    """首席 posts: a count (or a ceiling) and the technology staff they are counted against."""
    chiefs = share = None
    listed: list[Quantity] = []
    for s in scheme.having(*W.chief):
        if s.row is not None:
            continue  # a table's rows are added up in `_chief_table`
        rates = per_every(s.reading.quantities)
        for q in s.figures(Kind.PEOPLE, Kind.COUNT, Kind.PERCENT):
            if q.start in rates and share is None and _about_chief(s, q.start):
                # "每15名技能人才可设首席技师1名": a rate of the staff, not a head count
                share = Figure(value=rates[q.start], evidence=s.evidence, bound=Bound.MAX, text=q.text)
                continue
            counted = q.tail.strip() if q.kind is Kind.COUNT else ""
            if q.kind is Kind.PEOPLE and q.name and "首席" not in q.name and any(w in q.name for w in (*W.employees, "人才", "人员")):
                continue  # "目前科技人才400人" after a 首席 clause counts 科技人才
            if q.parent or not counted.startswith("首席") and (counted or not _about_chief(s, q.start)):
                continue  # the noun after 个 is what is counted: "十四个首席岗位", not "六个层级", "四个专业"
            if q.kind is Kind.PERCENT:
                if share is None and any(w in q.subject for w in ("总数", "人数", "人才", "人员")):
                    share = figure(q, s)
            elif chiefs is None and count_value(q) is not None:
                chiefs = figure(q, s)
                listed = [q]
            elif chiefs is not None and chiefs.evidence == s.evidence and (_another_post(q, listed) or _respectively(q, listed)):
                # "聘任首席技师7名、首席工程师2名": posts listed one after another add up
                listed.append(q)
                chiefs = chiefs.model_copy(update={"value": chiefs.value + (count_value(q) or 0),
                                                   "text": "、".join(p.text for p in listed)})
    if chiefs is None and share is None:
        chiefs = _chief_table(scheme)
    if chiefs is None and share is None:
        return None
    staff = tech_staff(scheme)
    skill_post = any("技师" in (fig.text + fig.evidence.text) for fig in (chiefs, share) if fig is not None)
    if staff is None and skill_post:
        staff = tech_staff(scheme, _SKILL_STAFF)  # 首席技师 sit on the skill ladder: counted against the skilled staff
    return Chief(chiefs=chiefs, share=share, tech_staff=staff)


_SKILL_STAFF = ("技能人才", "技能人员", "技术工人", "技能岗位人员")


# a column of 首席 pay (首席津贴（元/月）, 首席系数), not of posts
_PAY_HEAD = re.compile(r"津贴|工资|薪|元|标准|系数|待遇|奖")


def _chief_table(scheme: Scheme) -> Figure | None:
    """首席 posts in a table: a column headed 首席 (序列 | 首席 | 资深 …) or the rows of 首席 posts
    (首席科学家 | 4人, 首席工程师 | 5人) added up, or the total row of a table about them (附表1 首席技师
    聘任名册 … 合计 | 9人)."""
    for table in scheme.tables:
        about = "首席" in table.context or "首席" in " ".join(table.header)
        staffing = about and any(w in table.context for w in ("编制", "职数", "人数", "名额", "配置", "设置"))
        whole = [c for c in cells(table) if c.value is not None and c.value == c.value.to_integral_value() and c.value > 0
                 and "%" not in c.text and not re.search(r"[年月天元岁]", c.text)]
        counts = [c for c in whole if any(w in c.header for w in _COUNT_HEADS) or c.text.strip().endswith(("人", "名"))]
        # a column headed 首席 in a staffing table (序列 | 首席 | 资深 …) holds head counts written bare
        column = [c for c in whole if "首席" in c.header and not _PAY_HEAD.search(c.header)
                  and (c in counts or staffing or c.text.strip().isdigit())]
        totals = [c for c in counts + column if any(w in c.label for w in _TOTALS + ("小计",))]
        rows = [c for c in counts if "首席" in c.label] if not column else []
        parts = [c for c in column + rows if c not in totals]
        if column and (summed := next((c for c in totals if "首席" in c.header), None)) is not None:
            return Figure(value=summed.value, evidence=table.evidence(summed.row), text=summed.text)
        if parts:
            value = sum((c.value for c in parts if c.value is not None), Decimal(0))
            return Figure(value=value, evidence=table.evidence(parts[-1].row), text="、".join(c.text for c in parts))
        if totals and about:
            return Figure(value=totals[0].value, evidence=table.evidence(totals[0].row), text=totals[0].text)
    return None


_EACH = ("分别", "依次", "各为")


def _respectively(q: Quantity, listed: list[Quantity]) -> bool:
    """"在采煤、掘进、机电三个专业设首席技师，名额分别为4名、3名、2名": one count for each of the things
    listed, the reader naming them all alike — they add up."""
    first = listed[0]
    each = next((w for w in _EACH if w in first.subject), None)
    # the reader names each count by the thing listed ("研发 名额分别") or all alike ("名额分别为…")
    return each is not None and each in q.subject and q.kind is first.kind and not q.bound and not q.total and not q.parent


def _another_post(q: Quantity, listed: list[Quantity]) -> bool:
    """A head count of another 首席 post than those already counted in its sentence (not a subset of one)."""
    name = q.name or ""
    # a ceiling or a total of them all ("首席类职位合计不超过10名") is no further post
    return q.kind is Kind.PEOPLE and "首席" in name and not q.parent and not q.bound and not q.total and not q.subject.rstrip().endswith(_TOTALS) and all(
        name not in (p.name or "") and (p.name or "") not in name for p in listed)


def _about_chief(s: Sentence, pos: int) -> bool:
    """The figure belongs to 首席 posts: 首席 is written in its clause or just before it."""
    text = s.plain
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    if "首席" not in text[start:pos]:
        return False
    # money words about 首席 posts' pay make the figure their pay — in the figure's own part of the sentence
    # ("首席技师津贴每月1500元，首席技师控制在技能人才总数的8%以内": the 8% is the posts' share)
    own = max(start, max(text.rfind(ch, 0, pos) for ch in "，,") + 1)
    part = text[own:pos] if "首席" in text[own:pos] else text[start:pos]
    return not any(w in part for w in ("津贴", "工资", "薪酬", "元"))


def tech_staff(scheme: Scheme, names: tuple[str, ...] = ()) -> Figure | None:
    """The number of technology staff: a head count named 科技人才 (or 研发人员 …), or the total of a
    sentence defining 科技人才; with `names`, the head count named so (技能人才 for 首席技师)."""
    for cues in ((names or W.tech_staff)[:1], names or W.tech_staff):  # 科技人才 itself first, then its other names
        for s in scheme.sentences:
            if not s.has("人", "名") or not s.has(*cues) and not any(
                    w in n for q in s.figures(Kind.PEOPLE) for n in conjuncts(q.name or "") for w in cues):
                continue
            for q in s.figures(Kind.PEOPLE):
                named = q.name and any(w in n for n in conjuncts(q.name) for w in cues)
                # "其中纳入科技人才管理的研发、设计人员共180人": the total of the staff the scheme counts as 科技人才
                summed = q.total or q.subject.rstrip().endswith(_TOTALS + ("共",))
                defined = summed and s.has("科技人才") and (not q.parent or any(w in q.parent for w in W.employees + _ON_POST)) \
                    and q.start > s.plain.find("科技人才") and not any(w in (q.name or "") for w in W.employees)
                if (named or defined) and count_value(q):
                    return figure(q, s)
    return _table_count(scheme, lambda label: any(w in n for n in conjuncts(label) for w in names or W.tech_staff))
