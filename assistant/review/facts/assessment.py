"""Assessment facts: indicator lists and their weights (sentences and whole tables, counts written in
words, "各项权重均等"), the weights of 业绩/能力/态度, quotas of assessment grades, and the cycle on
which basic-research staff are assessed."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from pydantic import Field

from knowledge.reader import Kind, Quantity
from knowledge.reader.ratios import ratios

from ..models import Evidence
from ..scheme import Scheme, Sentence, Table
from ..words import words
from .common import (
    Bound,
    Cell,
    Facts,
    cell_amount,
    cell_fraction,
    cells,
    clean_name,
    count_value,
    figure,
    header_row,
    line_runs,
    listed_before,
    negated_at,
    positions,
)

W = words().facts


class KpiSet(Facts):
    weights: dict[str, Decimal]  # indicator → weight (fraction), as listed
    cap: Decimal | None = None  # the scheme's own ceiling on one indicator's weight ("单项指标权重一般不超过五成")
    floor: Decimal | None = None  # its own floor ("单项指标权重最低可为3%")
    count: int | None = None  # the number of indicators the scheme states ("共十二项")
    count_bound: Bound | None = None  # "不少于12项" → MIN
    equal: bool = False  # "各项权重均等"
    evidence: Evidence
    rows: dict[str, Evidence] = Field(default_factory=dict)  # indicator → its own table row (tables only)

    @property
    def size(self) -> int:
        return self.count if self.count is not None else len(self.weights)

    def effective_weights(self) -> dict[str, Decimal]:
        if self.equal and self.count:
            return {f"指标{i + 1}": Decimal(1) / Decimal(self.count) for i in range(self.count)}
        return self.weights


def _kpi_name(s: Sentence, q: Quantity) -> str:
    """An indicator's name: the reader's name, else the words before its bracket ("原煤产量（权重25%）")."""
    name = clean_name(q.name).removesuffix("指标")
    if name and name not in ("权重", "为", ""):
        return name
    return clean_name(_item_before(s, q)).removesuffix("指标")


def _item_before(s: Sentence, q: Quantity) -> str:
    """The list item a figure is written in, up to its bracket: "工作态度（占四成）" → 工作态度 ("…和工作
    业绩（占三成）" → 和工作业绩). The reader names a figure in brackets by the words inside them (占),
    not by the item they qualify."""
    text = s.plain
    start = max(text.rfind(ch, 0, q.start) for ch in "、，,；;：:") + 1
    piece = re.sub(r"[（(][^（()）]*[)）]", "", text[start:q.start])  # brackets closed before the figure's own
    return re.split(r"[（(]", piece)[0].strip()


# "考核指标包括：产量、质量、安全…": the indicators themselves, listed after the word that opens the list
_LIST_OPEN = ("包括", "包含", "分别为", "有", "为")
# what a list of indicators is called: 指标, or the items (项目) an assessment is made of
_LIST_HEADS = ("指标", "考核项目", "考核事项", "考评项目")


def _listed_count(s: Sentence) -> int | None:
    """The number of indicators a sentence lists one by one (no count written): the items after
    "指标包括：", set apart by 、 (the last one may be joined by 和/及). A pool of indicators to
    choose from (指标库, 备选) is not a set of indicators."""
    text = s.plain
    head = next((w for w in _LIST_HEADS if w in text), None)
    if s.has("指标库", "备选", "可选", "参考") or head is None:
        return None
    at = text.find(head)
    rest = text[at + len(head):]
    # the opener may follow a word or two (共有, 主要包括, 具体为)
    opener = next((w for w in _LIST_OPEN if w in rest.lstrip("：: ")[:len(w) + 2]), None)
    if opener is None:
        return None
    items = rest[rest.find(opener) + len(opener):].lstrip("：: ")
    for stop in "。；;，,":
        items = items.split(stop)[0]
    parts = [p for p in items.split("、") if p.strip()]
    if len(parts) < 3:
        return None
    return len(parts) + (1 if re.search(r".(?:以及|和|及).", parts[-1]) else 0)


def kpi_sets(scheme: Scheme) -> list[KpiSet]:
    out = [k for k in map(_kpi_table, scheme.tables) if k is not None]
    weighed = {k.evidence.block for k in out}
    out += [k for t in scheme.tables if t.block not in weighed and (k := _kpi_list_table(t)) is not None]
    done = {k.evidence.block for k in out}
    for k, table in [(k, t) for t in scheme.tables for k in out if k.evidence.block == t.block]:
        stated = _stated_count(scheme, table)
        if stated is not None:
            out[out.index(k)] = k.model_copy(update={"count": stated[0], "count_bound": stated[1]})
            done.add(stated[2])
    for s in scheme.prose():
        about_kpi = s.has(*W.kpi, *_LIST_HEADS) or s.has(*W.weight) and any(w in s.heading for w in W.kpi) \
            or s.has("考核", "考评") and bool(_points(s))  # "4.1 考核指标" / "各项权重：…" / "班组考核：产量45分、…"
        if s.block in done or not about_kpi or s.has(*W.categories[:1]) and s.has(*W.categories[2:]):
            continue
        found = _kpi_sentence(s)
        if found is not None:
            out.append(found)
    return out + _kpi_lines(scheme) + _category_lists(scheme) + _weight_limits(scheme)


_LINE_MARK = re.compile(r"^\s*(?:[（(][^）)]{1,3}[）)]|[0-9一二三四五六七八九十]+[、.．]|[-*•·])\s*")


_GROUP_LABELS = ("类", "指标", "方面", "维度", "板块")
_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*(?:%|分|元|倍|人|个|项)|权重")  # a weight or a rule, not an indicator's name (5S管理 is one)


def _named_list(s: Sentence) -> int | None:
    """A line naming one group of indicators and listing them ("（一）效益类：利润总额、营业收入、成本费用控制率"):
    the number of items listed after its label."""
    text = _LINE_MARK.sub("", s.plain).strip()
    label, colon, items = text.partition(":")
    # the label names a group ("效益类", "安全指标"), not one indicator ("利润总额：权重30%，按完成率计分")
    if s.row is not None or not colon or not label or len(label) > 12 or not label.strip().endswith(_GROUP_LABELS):
        return None
    items = re.split(r"[。；;]", items)[0]
    parts = [p for p in re.split(r"[、，,]", items) if p.strip()]
    if len(parts) < 2 or any(len(p.strip()) > 15 or _FIGURE.search(p) for p in parts):
        return None  # a sentence after a colon, not a list of names
    return len(parts) + (1 if re.search(r".(?:以及|和|及).", parts[-1]) else 0)


def _category_lists(scheme: Scheme) -> list[KpiSet]:
    """Indicators listed group by group, one line a group, under a line that introduces them ("考核指标分为
    三类：" / "（一）效益类：…" / "（二）运营类：…"): the count is the sum over the lines."""
    out: list[KpiSet] = []
    lines = scheme.sentences
    for i, lead in enumerate(lines):
        if lead.row is not None or not lead.plain.rstrip().endswith((":", "：")) or not lead.has(*W.kpi):
            continue
        counts = []
        for s in lines[i + 1:]:
            n = _named_list(s)
            if n is None:
                break
            counts.append(n)
        if len(counts) >= 2:
            out.append(KpiSet(weights={}, count=sum(counts), evidence=lead.evidence))
    return out


_ONE_INDICATOR = ("单项", "单一", "单个", "每项", "每个", "各项", "任一", "任何一项", "每一项")
_CAP_WORDS = ("不超过", "不高于", "最高", "最多", "上限", "以内", "至多")
_FLOOR_WORDS = ("不低于", "不少于", "最低", "最少", "下限", "至少")


def _weight_limits(scheme: Scheme) -> list[KpiSet]:
    """The scheme's own limits on one indicator's weight ("单项考核指标权重一般不超过五成", "单项指标权重
    最低可为3%"): a rule of its own that lets a weight pass the guideline's."""
    out = []
    for s in scheme.prose():
        if s.has(*W.weight) and not s.has(*_ONE_INDICATOR):
            out += _named_floors(s)
        if not s.has(*W.weight) or not s.has(*_ONE_INDICATOR) or not s.has(*W.kpi):
            continue
        shares = list(s.reading.quantities)
        for q in s.figures(Kind.PERCENT):
            clause = s.clause_at(q.start)
            before = s.plain[clause.start if clause else 0:q.start]
            if not any(w in before for w in W.weight) and _EXTREME.search(before.strip(" ，,")):
                # "单项权重最高35%，最低5%": the other extreme goes on with the weight its sentence names
                part = s.plain[max(s.plain.rfind(ch, 0, q.start) for ch in "；;。") + 1:q.start]
                before = part if any(w in part for w in W.weight) else before
            if not any(w in before for w in W.weight) or q.range_start is not None:
                continue
            top = shares[q.range_end] if q.range_end is not None and 0 <= q.range_end < len(shares) else None
            if top is not None and top.kind is Kind.PERCENT:
                # "单项指标权重在3%-45%之间": a range is both a floor and a ceiling of the scheme's own
                out.append(KpiSet(weights={}, floor=q.value, cap=top.value, evidence=s.evidence))
                continue
            own = before[max(before.rfind("，"), before.rfind(","), 0):]  # the words of the figure's own clause say cap or floor
            cap = next((w for w in _CAP_WORDS if w in own), None) or (s.plain[q.end:q.end + 2] if "以内" in s.plain[q.end:q.end + 2] else None)
            floor = next((w for w in _FLOOR_WORDS if w in own), None)
            if floor and not cap:
                out.append(KpiSet(weights={}, floor=q.value, evidence=s.evidence))
            elif cap and not floor:
                out.append(KpiSet(weights={}, cap=q.value, evidence=s.evidence))
    return out


def _named_floors(s: Sentence) -> list[KpiSet]:
    """"利润指标权重不低于45%": one named indicator weighs at least this much — its weight for the check."""
    out = []
    for q in s.figures(Kind.PERCENT):
        fig = figure(q, s)
        if fig.bound is not Bound.MIN or q.range_end is not None or q.range_start is not None:
            continue
        name = clean_name((_kpi_name(s, q) or "").replace("权重", "").strip())
        grouped = "类" in name or any(name.startswith(w) for w in W.categories)  # 业绩类指标: a category of indicators, not one
        if name and not grouped and not any(w in name for w in W.kpi_not) and any(w in q.subject for w in W.weight):
            out.append(KpiSet(weights={name: q.value}, evidence=s.evidence))
    return out


def _one_weight(s: Sentence) -> tuple[str, Decimal] | None:
    """A line that is one indicator and its weight ("5.1.1 利润总额 权重45%", "安全生产（20%）")."""
    shares = s.figures(Kind.PERCENT)
    if s.row is not None or len(shares) != 1 or shares[0].direction or shares[0].bound or len(s.plain.strip()) > 30:
        return None
    name = _kpi_name(s, shares[0]) or clean_name(s.plain[:shares[0].start].strip())
    name = clean_name(name.replace("权重", "").strip())
    if not name or any(w in name for w in W.kpi_not):
        return None
    return name, shares[0].value


def _kpi_lines(scheme: Scheme) -> list[KpiSet]:
    """Indicators written one to a line (a 1.1-numbered list): consecutive lines each holding one
    indicator and its weight, under a line that names indicators (指标, KPI) or weighing 权重."""
    return [KpiSet(weights={n: v for _, (n, v) in run}, evidence=run[-1][0].evidence, rows={n: s.evidence for s, (n, _) in run})
            for lead, run in line_runs(scheme.sentences, _one_weight)
            if any(w in lead for w in W.kpi + W.weight) or all(s.has(*W.weight) for s, _ in run)]


_OF_SCORE = ("总分", "满分", "总权重", "考核分值")  # a share of the whole score is a weight
_SUMS = ("合计", "总计", "共计", "一共", "总共", "总和", "小计", "加起来", "全部", "全体", "总分", "满分", "总权重", "考核分值")
_ITEM_ENDS = re.compile(r"一项|(?:即|就|要|须)?占|权重|为")
_REST = ("其余", "其他", "其它", "剩余", "余下")
_EVEN = ("平分", "均分", "平均分配", "平均")


def _weight_item(s: Sentence, q: Quantity) -> str:
    """"其中安全生产一项即占到考核总分的四成五": the item the share is written of — the words of its
    list item before 一项/占/权重, without 其中."""
    piece = _item_before(s, q)
    piece = _ITEM_ENDS.split(piece, maxsplit=1)[0]
    return clean_name(piece.removeprefix("其中").removeprefix("其").strip())


def _rest_shared(s: Sentence, weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """"其余产量、…六项平分剩余分值": the remainder of the weight shared evenly by the items counted."""
    left = 1 - sum(weights.values(), Decimal(0))
    for q in s.figures(Kind.COUNT):
        n = count_value(q)
        clause = s.clause_at(q.start)
        said = clause.text if clause is not None else q.subject + q.tail
        if n and left > 0 and any(w in said for w in _REST) and any(w in said for w in _EVEN):
            return {f"其余指标{i + 1}": left / n for i in range(n)}
    return {}


# "单项权重最高35%，最低5%": the extremes of the weights (read as limits elsewhere), not two indicators' weights
_EXTREME = re.compile(r"(?:最高|最低|最大|最小|上限|下限)(?:为|是|不超过|不低于|可达)?$")


def _kpi_sentence(s: Sentence) -> KpiSet | None:
    weights: dict[str, Decimal] = {}
    for q in s.figures(Kind.PERCENT):
        of_score = q.total and any(w in q.subject for w in _OF_SCORE)
        # the reader marks any 总额 a whole; only a sum (合计100%) is not an indicator's weight — 利润总额 is one
        summed = q.total and any(w in q.subject for w in _SUMS)
        if summed and not of_score or q.bound or any(w in q.subject for w in W.kpi_not) or _EXTREME.search(q.subject.split("…")[-1].rstrip()):
            continue
        name = _kpi_name(s, q) if not of_score else _weight_item(s, q)
        if not name or name in weights or any(w in name for w in W.kpi_not):
            continue
        weights[name] = q.value
    in_points = not weights and bool(weights := _points(s))
    if not weights and s.has(*W.weight):
        weights = _decimal_weights(s)  # "权重：利润总额0.45，营业收入0.25…"
    # "考核总分120分，其中营业收入指标占54分": one item's points of a stated whole is its weight on its own
    alone = in_points and _stated_whole(s) is not None
    if weights:
        weights |= _rest_shared(s, weights)
    count, bound = _group_counts(s), None
    figures = s.figures()
    for q in s.figures(Kind.COUNT) if count is None else []:
        # "指标一般为10至15个": the upper end of a range is named by the words before its lower end
        low = next((p for p in figures if p.end <= q.start and s.plain[p.end:q.start].strip() in ("至", "到", "-", "～", "~", "—")), None)
        named = q.subject + q.tail + (low.subject if low is not None else "")
        if s.answer_at is not None and q.start >= s.answer_at:
            named += s.plain[:s.answer_at]  # "问：考核有几项指标？答：一共十三项": the answer counts what was asked
        elif not any(f.end <= q.start for f in figures if f is not q and f is not low):
            # "考核指标由车间自定，原则上不少于12项": the first figure of its sentence counts what the sentence names
            named += s.plain[max(s.plain.rfind(ch, 0, q.start) for ch in "。；;") + 1:q.start]
        if any(w in named for w in _KPI_POOL):
            continue  # "指标库共有30项指标，各部门从中选取5至8项": the pool chosen from, not what one unit is assessed on
        if any(w in named for w in W.kpi) and count_value(q) and not _counts_groups(s, q):
            count, bound = count_value(q), Bound.MAX if low is not None else figure(q, s).bound
            break
    listed = _listed_count(s)
    if count is None and listed is not None:
        total = next((q for q in s.figures(Kind.COUNT) if q.subject.strip() in ("共", "共计", "合计", "计", "总计") and count_value(q)), None)
        count = count_value(total) if total is not None else listed  # "…，共十四项" closes the list
    equal = s.has(*W.equal_weights)
    if len(weights) < (1 if alone else 2) and count is None:
        return None
    if len(weights) >= 2 and not (s.has(*W.weight) or s.has("指标") or in_points):
        return None
    return KpiSet(weights=weights, count=count, count_bound=bound, equal=equal, evidence=s.evidence)


_KPI_POOL = ("指标库", "备选指标", "候选指标", "可选指标", "指标池")


def _decimal_weights(s: Sentence) -> dict[str, Decimal]:
    """Weights written as decimals of one ("利润总额0.45，营业收入0.25，安全生产0.15，成本费用0.15"): bare
    numbers below one, each named, adding up to exactly one."""
    numbers = [q for q in s.figures(Kind.NUMBER) if 0 < q.value < 1 and not q.per and not q.bound]
    if len(numbers) < 2 or sum((q.value for q in numbers), Decimal(0)) != 1:
        return {}
    out = {}
    for q in numbers:
        name = _kpi_name(s, q)
        if not name or name in out or any(w in name for w in W.kpi_not):
            return {}  # coefficients of grades or posts (系数0.8), not weights of indicators
        out[name] = q.value
    return out


def _counts_groups(s: Sentence, q: Quantity) -> bool:
    """"考核指标分四个维度设置": the count is of the groups the indicators fall into, not of the indicators."""
    return s.plain[q.end:q.end + 3].startswith(W.indicator_groups)


def _group_counts(s: Sentence) -> int | None:
    """"财务类指标5项、运营类指标4项、客户类指标3项": indicators counted group by group, no total written —
    the count is their sum. Limits ("不少于5项") and ranges are not counts of indicators."""
    # a group named by its kind alone ("考核指标由经营类7项、管理类4项组成") counts indicators named before it
    parts = [q for q in s.figures(Kind.COUNT) if (q.subject.strip().endswith(W.kpi) or q.subject.strip().endswith(("类", "方面"))
                                                  and any(w in s.plain[:q.start] for w in W.kpi)) and count_value(q)
             and not q.bound and q.range_end is None and q.range_start is None and not _counts_groups(s, q)]
    if len(parts) < 2 or any(q.total or any(w in q.subject for w in _SUMS) for q in parts):
        return None
    return sum(count_value(q) or 0 for q in parts)


_WHOLE_WORDS = ("总分", "满分", "合计", "共计", "百分制")


def _stated_whole(s: Sentence) -> Decimal | None:
    """The whole a sentence's points are out of: "考核总分120分", "满分100分", or 百分制 (100)."""
    scores = [q for q in s.figures(Kind.SCORE) if not q.per and not q.bound]
    stated = next((q.value for q in scores if any(w in q.subject for w in _WHOLE_WORDS)), None)
    return stated if stated is not None else (Decimal(100) if s.has("百分制") else None)


def points_of_whole(s: Sentence, name_of: Callable[[Quantity], str]) -> dict[str, Decimal]:
    """Items weighed in points of a whole ("业绩考核30分、能力考核35分、态度考核35分" under 百分制): each
    item's share, when the points add up to the whole the sentence states or to 100."""
    scores = [q for q in s.figures(Kind.SCORE) if not q.per and not q.bound]
    items = [q for q in scores if not any(w in q.subject for w in _WHOLE_WORDS)]
    stated = _stated_whole(s)
    whole = sum((q.value for q in items), Decimal(0))
    if len(items) < 2 or whole != (stated or 100):
        return {}
    return {name: q.value / whole for q in items if (name := name_of(q))}


def _points(s: Sentence) -> dict[str, Decimal]:
    """Indicators weighed in points of a whole ("产量45分、质量25分…", the points adding up to 100 or to
    the 总分/满分 the sentence states): each one's share of the whole."""
    scores = [q for q in s.figures(Kind.SCORE) if not q.per and not q.bound]
    stated = _stated_whole(s)
    items = [q for q in scores if not any(w in q.subject for w in _WHOLE_WORDS)]
    whole = stated or sum((q.value for q in items), Decimal(0))
    if len(items) < (1 if stated else 2) or whole != stated and whole != 100 or whole <= 0:
        return {}
    out = {}
    for q in items:
        name = (_weight_item(s, q) if stated and len(items) == 1 else "") or _kpi_name(s, q)
        if not name or name in out or any(w in name for w in W.kpi_not) or name.strip() in _GRADE_NAMES:
            return {}  # "满分100分，优秀90分，良好80分": the lines between grades, not indicators
        out[name] = q.value / whole
    return out


_GROUP_TOTAL = ("合计", "小计", "总计", "类别", "分类", "维度")


def _one_weight_column(found: list[Cell]) -> list[Cell]:
    """权重 | 分项 | 类别合计: of several weight columns, the indicators' own — not a column of the groups'
    totals (merged down their rows) — and of the rest the one adding up to the whole."""
    columns: dict[int, list[Cell]] = {}
    for c in found:
        columns.setdefault(c.col, []).append(c)
    if len(columns) < 2:
        return found
    own = {col: cs for col, cs in columns.items() if not any(w in cs[0].header.split(" ")[-1] for w in _GROUP_TOTAL)} or columns

    def off_whole(cs: list[Cell]) -> Decimal:
        return abs(sum((cell_fraction(c) or Decimal(0) for c in cs), Decimal(0)) - 1)

    return min(own.values(), key=off_whole)


def _kpi_table(table: Table) -> KpiSet | None:
    """A table with a 权重 column: every row is an indicator (totals left out)."""
    weight_cells = _one_weight_column([c for c in cells(table) if any(w in c.header for w in W.weight) and c.value is not None])
    scaled: dict[tuple[int, int], Decimal] = {}  # points as shares of the whole
    if len(weight_cells) < 2:
        # points out of 100 (分值) weigh the indicators as weights do
        points = [c for c in cells(table) if any(w in c.header for w in W.weight_points) and c.value is not None
                  and not any(w in c.label for w in ("合计", "总计", "小计"))]  # the 合计 row is the whole, not an indicator
        # the points add up to 100, or to the whole the lead-in states ("考核指标见下表（满分120分）")
        whole = sum((c.value for c in points if c.value is not None), Decimal(0))
        if len(points) < 2 or whole != 100 and whole != _whole_stated(table.context):
            return None
        weight_cells = points
        scaled = {(c.row, c.col): c.value / whole for c in points if c.value is not None}
    weights: dict[str, Decimal] = {}
    rows: dict[str, int] = {}
    name_col = _indicator_column(table, [c.row for c in weight_cells], {c.col for c in weight_cells})
    for c in weight_cells:
        row = table.rows[c.row]
        named = row[name_col].strip() if name_col is not None and name_col < len(row) else ""
        name = named or next((x for x in row if x.strip() and cell_amount(x) is None and not any(w in x for w in W.weight)), c.label)
        share = scaled.get((c.row, c.col)) or cell_fraction(c)
        if share is None or any(w in name for w in ("合计", "总计", "小计")):
            continue
        weights[name] = share
        rows[name] = c.row
    if len(weights) < 2 or _categories_of(list(weights)):
        return None  # 工作业绩 | 工作能力 | 工作态度 weigh kinds of assessment, not indicators (see category_weights)
    return KpiSet(weights=weights, evidence=table.evidence(rows[list(weights)[-1]]),
                  rows={name: table.evidence(r) for name, r in rows.items()})


_WHOLE_SCORE = re.compile(r"(?:满分|总分|总分值|合计)(?:为|是)?\s*(\d+)\s*分")


def _whole_stated(text: str) -> Decimal | None:
    """The whole score a table's lead-in states ("满分120分", "总分为150分")."""
    found = _WHOLE_SCORE.search(text)
    return Decimal(found.group(1)) if found else None


_LIST_COLUMN = ("指标名称", "考核指标", "指标", "考核内容", "考核项目")


def _kpi_list_table(table: Table) -> KpiSet | None:
    """A table listing the indicators without weights (序号 | 指标名称 | 考核标准): its rows are the count."""
    col = next((i for i, h in enumerate(table.header) if h.strip() in _LIST_COLUMN), None)
    if col is None or not any(w in table.context + " ".join(table.header) for w in W.kpi):
        return None
    if any(w in table.context for w in ("指标库", "备选", "参考指标", "可选")):
        return None  # a library to choose from, not the indicators one unit is assessed on
    body = table.rows[header_row(table) + 1:]
    names = [row[col].strip() for row in body if col < len(row) and row[col].strip()
             and not any(w in row[col] for w in ("合计", "总计", "小计")) and cell_amount(row[col]) is None]
    if len(set(names)) < 3 or _categories_of(names):
        return None
    return KpiSet(weights={}, count=len(set(names)), evidence=table.evidence(header_row(table) + len(body)))


def _indicator_column(table: Table, rows: list[int], skip: set[int]) -> int | None:
    """The column naming the indicators: of the columns of words, the one whose names differ most from row
    to row — not a category merged down beside it (经营业绩类 over 利润总额, 营业收入 …), nor a 序号."""
    width = max((len(table.rows[r]) for r in rows), default=0)
    best: tuple[int, int] | None = None
    for col in range(width):
        if col in skip:
            continue
        texts = [table.rows[r][col].strip() for r in rows if col < len(table.rows[r])]
        worded = [t for t in texts if t and cell_amount(t) is None]
        if len(worded) * 2 <= len(texts):
            continue
        distinct = len(set(worded))
        if best is None or distinct > best[0] or distinct == best[0] and col < min(skip, default=width):
            best = (distinct, col)
    return best[1] if best is not None else None


def _stated_count(scheme: Scheme, table: Table) -> tuple[int, Bound | None, int] | None:
    """"以上考核指标共十二项" written right after a table: the count, its limit and its block."""
    after = [s for s in scheme.prose() if s.block > table.block][:2]
    for s in after:
        for q in s.figures(Kind.COUNT):
            if any(w in q.subject for w in W.kpi) and count_value(q):
                return count_value(q), figure(q, s).bound, s.block  # type: ignore[return-value]
    return None


# ---- 业绩、能力、态度 ----------------------------------------------------------------------------


class CategoryWeights(Facts):
    weights: dict[str, Decimal]  # 业绩 / 能力 / 态度 → weight
    evidence: Evidence


def _category_lines(scheme: Scheme) -> list[CategoryWeights]:
    """"3.3.1 业绩指标：30%" / "3.3.2 能力指标：30%" / "3.3.3 态度指标：40%": one category to a line."""
    out = []
    run: dict[str, Decimal] = {}
    last: Sentence | None = None
    sentences: list[Sentence | None] = [*scheme.sentences, None]  # None closes the last run
    for s in sentences:
        one = _one_weight(s) if s is not None else None
        name = next((w for w in W.categories if one is not None and w in one[0]), None)
        if name is None or name in run:
            if len(run) >= 2 and "业绩" in run and last is not None:
                out.append(CategoryWeights(weights=dict(run), evidence=last.evidence))
            run = {}
        if name is not None and one is not None and s is not None:
            run[name] = one[1]
            last = s
    return out


def _categories_of(names: list[str]) -> bool:
    """Names that are the kinds of assessment: 业绩 and one of 能力/态度."""
    return any("业绩" in n for n in names) and any(w in n for n in names for w in W.categories[1:])


def _category_tables(scheme: Scheme) -> list[CategoryWeights]:
    """A table weighing 工作业绩 / 工作能力 / 工作态度 row by row (考核内容 | 权重); the evidence is the
    row that outweighs 业绩, when one does."""
    out = []
    for table in scheme.tables:
        weights: dict[str, Decimal] = {}
        rows: dict[str, int] = {}
        for c in cells(table):
            name = next((w for w in W.categories if w in c.label), None)
            share = cell_fraction(c) if any(w in c.header for w in W.weight + W.share) or "%" in c.text else None
            if name is None or share is None or name in weights:
                continue
            weights[name], rows[name] = share, c.row
        if len(weights) >= 2 and "业绩" in weights:
            heaviest = max(weights, key=lambda k: (weights[k], k != "业绩"))
            out.append(CategoryWeights(weights=weights, evidence=table.evidence(rows[heaviest])))
    return out


def category_weights(scheme: Scheme) -> list[CategoryWeights]:
    out = _category_lines(scheme) + _category_tables(scheme)
    for s in scheme.prose():
        if sum(s.has(w) for w in W.categories) < 2:
            continue
        weights = {}
        for q in s.figures(Kind.PERCENT):
            # the reader's own name first ("业绩类、能力类各占三成" names each share), then the words before it
            name = next((w for w in W.categories if w in (q.name or "")), None) \
                or next((w for w in W.categories if w in q.subject[-10:] or w in _item_before(s, q)), None) or _category_before(s, q)
            if name and name not in weights:
                weights[name] = q.value
        if len(weights) < 2:
            weights = _ratio_weights(s)
        if len(weights) < 2:
            named = points_of_whole(s, lambda q: next((w for w in W.categories if w in q.subject[-6:]), ""))
            weights = named if len(named) == sum(s.has(w) for w in W.categories) else {}
        if len(weights) >= 2 and "业绩" in weights:
            out.append(CategoryWeights(weights=weights, evidence=s.evidence))
    return out


def _category_before(s: Sentence, q: Quantity) -> str | None:
    """"态度类指标占比最高，为四成": the category last named in the figure's part of the sentence (up to
    the previous ；/。), when the figure's own words name none."""
    text = s.plain
    part = text[max(text.rfind(ch, 0, q.start) for ch in "。；;") + 1:q.start]
    found = [(part.rfind(w), w) for w in W.categories if w in part]
    return max(found)[1] if found else None


def _ratio_weights(s: Sentence) -> dict[str, Decimal]:
    """A ratio with as many parts as the categories listed before it gives each its share, in the
    order written ("由业绩、能力、态度三部分构成，三者权重按3:3:4确定")."""
    text = s.plain
    for ratio in ratios(text):
        names = listed_before(text, ratio.start, W.categories)
        if len(names) == len(ratio.shares):
            return dict(zip(names, ratio.shares, strict=True))
    return {}


# ---- 考核等级分布 -----------------------------------------------------------------------------------------


class Distribution(Facts):
    quotas: dict[str, Decimal]  # grade → share, best grade first
    top_bound: Bound | None = None
    unlimited: bool = False  # the top grade has no limit ("不设上限", "由部门自定")
    evidence: Evidence

    @property
    def top(self) -> tuple[str, Decimal] | None:
        return next(iter(self.quotas.items()), None)


_GRADES = re.compile("|".join(re.escape(g) for g in sorted(W.grades, key=len, reverse=True)))


def _grades_in(text: str) -> list[str]:
    """Assessment grades written in a list, in order (单字母 grades only as list items; 合格率 is an
    indicator, not a grade)."""
    return [m.group(0) for m in _GRADES.finditer(text)
            if not text.startswith("率", m.end()) and (len(m.group(0)) > 1 or _letter_item(text, m.start()))]


def _letter_item(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isascii() or after in "、/，,级等档" or before in "、/"


# What a limit on a grade is made of: a clause refusing one of these leaves the grade without a limit.
_LIMITS = ("上限", "限制", "控制", "名额", "比例", "人数", "规定", "限额")
_TOP = ("S", "A", "优秀", "卓越", "杰出")  # the best grade, when the scheme lists none
_DELEGATED = re.compile(r"由[^，,；;。]{0,14}?(?:自行|自主)")
_OTHERS = ("其余", "其他", "其它", "各等级", "其他等级")


def _joined_lines(lines: list[tuple[int, Distribution]]) -> list[Distribution]:
    """Shares given one grade to a line, lines in a row: one distribution, best grade first as written
    (each line alone would make its own grade the 'top' one)."""
    runs: list[list[Distribution]] = []
    last = -2
    for at, found in lines:
        if at != last + 1 or not runs:
            runs.append([])
        runs[-1].append(found)
        last = at
    out = []
    for run in runs:
        quotas: dict[str, Decimal] = {}
        for found in run:
            quotas |= {g: v for g, v in found.quotas.items() if g not in quotas}
        out.append(Distribution(quotas=quotas, top_bound=run[0].top_bound, evidence=run[0].evidence))
    return out


def _grade_order(scheme: Scheme) -> list[str]:
    """The grades best first, as the scheme lists them (the first list of three or more)."""
    return next((listed for s in scheme.prose() if len(listed := _grades_in(s.plain)) >= 3), [])


def _best_first(quotas: dict[str, Decimal], order: list[str]) -> dict[str, Decimal]:
    """A sentence may give the shares worst grade first ("不称职不低于3%，称职70%，优秀25%"): the
    quotas in the order the scheme ranks its grades, so the best grade's share is the one checked."""
    if len(quotas) < 2 or not order or not set(quotas) <= set(order):
        return quotas
    return {g: quotas[g] for g in sorted(quotas, key=order.index)}


def _top_grade(scheme: Scheme) -> str | None:
    """The best grade: the first of the first list of three or more grades the scheme writes."""
    for s in scheme.prose():
        listed = _grades_in(s.plain)
        if len(listed) >= 3:
            return listed[0]
    return None


def _top_unlimited(s: Sentence, top: str | None) -> bool:
    """"S级（卓越）不设名额上限", "评为A档的人数由各站自行掌握，公司不作统一控制": a clause refusing a
    limit (negated, naming 上限/控制/名额 …) about the best grade — named in its part of the sentence,
    or in the part before it (after a comma, not a semicolon) when this part names no subject."""
    text = s.plain
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^，,；;。]+", text)]
    for clause in s.reading.clauses:
        if clause.start < (s.answer_at or 0) or any(w in clause.text for w in ("有没有", "是否", "吗", "?", "？")):
            continue  # a question ("优秀名额有没有限制？") refuses nothing; its answer says
        limit = next((clause.start + clause.text.find(w) for w in _LIMITS if w in clause.text), None)
        delegated = _DELEGATED.search(clause.text)  # "由各部门…自行掌握": no limit set by the company
        unbounded = clause.text.find("不限")  # "优秀不限"
        if delegated is not None:
            limit = clause.start + delegated.start()
        elif unbounded >= 0 and not clause.text.startswith("不限于", unbounded):
            limit = clause.start + unbounded
        elif limit is None or not negated_at(s, limit):
            continue
        i = next((j for j, (a, b) in enumerate(parts) if a <= limit < b), None)
        if i is None:
            continue
        grades = _grades_in(text[parts[i][0]:limit])
        own = text[parts[i][0]:parts[i][1]]
        if not grades and i and not any(w in own for w in _OTHERS) and text[parts[i][0] - 1] in "，,":
            grades = _grades_in(text[parts[i - 1][0]:parts[i - 1][1]])
        if grades and (grades[0] == top or top is None and grades[0] in _TOP):
            return True
    return False


def _no_limit_on_top(s: Sentence, top: str | None) -> bool:
    """"不设上限", "由部门自定" … written of the best grade, or of the grades at large (naming none);
    not "D不设比例限制", which frees the lowest grade only."""
    text = s.plain
    for word in (*W.no_limit, "不限"):
        for at in positions(text, word):
            if word == "不限" and text.startswith("不限于", at):
                continue
            start = max(text.rfind(ch, 0, at) for ch in "，,；;。") + 1
            grades = _grades_in(text[start:at])
            if word == "不限" and not grades:
                continue  # bare 不限 only right after a grade ("优秀不限")
            if not grades or grades[0] == top or top is None and grades[0] in _TOP:
                return True
    return False


def distributions(scheme: Scheme) -> list[Distribution]:
    out = []
    top = _top_grade(scheme)
    lines: list[tuple[int, Distribution]] = []  # one grade to a line ("5.2.1 优秀：20%" / "5.2.2 良好：40%" …)
    for at, s in enumerate(scheme.prose()):
        graded = any(q.name and q.name.strip() in _GRADE_NAMES for q in s.figures(Kind.PERCENT))  # "A级不超过三分之一": shares named by grade
        if not (s.has(*W.distribution) or graded) or s.has(*W.weight) or not (_grades_in(s.plain) or graded):
            continue
        quotas = _best_first(_quotas(s), _grade_order(scheme))
        unlimited = _no_limit_on_top(s, top) and not quotas or _top_unlimited(s, top)
        if quotas or unlimited:
            bound = None
            if quotas:
                best = next(iter(quotas))
                first = next((q for q in s.figures(Kind.PERCENT) if q.name and best in q.name), None) or next(q for q in s.figures(Kind.PERCENT))
                bound = figure(first, s).bound
            found = Distribution(quotas=quotas, top_bound=bound, unlimited=unlimited, evidence=s.evidence)
            if len(quotas) == 1 and not unlimited:
                lines.append((at, found))
            else:
                out.append(found)
    out += _joined_lines(lines)
    for table in scheme.tables:
        in_table: dict[str, Decimal] = {}
        top_row = None
        for c in cells(table):
            in_share_column = any(w in c.header for w in _SHARE_HEADS)
            row_grades = [c.label.strip()] if c.label.strip() in W.grades else _grades_in(c.label)  # a row named "A" alone
            across = [c.header.strip()] if c.header.strip() in W.grades else _grades_in(c.header)
            if not in_share_column and not row_grades and any(w in c.label for w in _SHARE_HEADS) and across:
                # grades across the top (等级 | 优秀 | 良好 …, or A | B | C) and a row of shares (比例 | 10% | …)
                in_share_column, row_grades = True, across
            if in_share_column and top_row is None and not in_table and row_grades and any(w in c.text for w in W.no_limit + ("不限",)):
                # the best grade's row (the first graded row) reads 不设上限 / 不限 instead of a share
                out.append(Distribution(quotas={}, unlimited=True, evidence=table.evidence(c.row)))
                break
            share = cell_fraction(c) if in_share_column else None
            grade = next(iter(row_grades), None) if share is not None else None
            if grade and share is not None and grade not in in_table:
                in_table[grade] = share
                top_row = c.row if top_row is None else top_row
        if len(in_table) >= 2 and top_row is not None:
            out.append(Distribution(quotas=in_table, evidence=table.evidence(top_row)))
    return out


_SHARE_HEADS = ("比例", "占比", "分布", "名额", "人数")
_GRADE_NAMES = {f"{g}{suffix}" for g in W.grades for suffix in ("", "级", "等", "档", "类")}


def _quotas(s: Sentence) -> dict[str, Decimal]:
    """grade → share: by the reader's names, or paired in order with a list of grades written before
    the shares ("A、B、C三级，比例分别为15%、70%、15%"; "S/A/B/C/D，比例为5%/20%/…")."""
    shares = [q for q in s.figures(Kind.PERCENT) if not q.subject.endswith(("系数", "扣减", "扣发"))]
    if not shares:
        return {}
    named: dict[str, Decimal] = {}
    for q in shares:
        name = clean_name(q.name) or ""
        grades = [name] if name in W.grades else _grades_in(name)  # "A不超过…%": the name is the grade itself
        if grades:
            named["及".join(grades) if len(grades) > 1 else grades[0]] = q.value
    if len(named) == len(shares):
        return named
    listed = _grades_in(s.plain[:shares[0].start])
    if len(listed) == len(shares):
        return {g: q.value for g, q in zip(listed, shares)}
    return named


# ---- 基础研究人才的考核周期 ---------------------------------------------------------------------------


_MONTHS = {"月度": 1, "按月": 1, "每月": 1, "季度": 3, "按季": 3, "每季": 3, "半年": 6}


class Cycle(Facts):
    months: int
    evidence: Evidence


def _clause_after(text: str, at: int) -> str:
    """The rest of the clause from `at`: "按月发放；绩效薪酬…年终考核后兑现" pays monthly and settles yearly —
    the 兑现 of a later clause is not the monthly one's."""
    ends = [i for i in (text.find(ch, at) for ch in "，,；;。") if i >= 0]
    return text[at:min(ends, default=len(text))]


def basic_research_cycles(scheme: Scheme) -> list[Cycle]:
    """Assessment cycles shorter than a year set for basic-research staff."""
    from .structure import Research, _category

    out = []
    for s in scheme.having(*W.basic_research):
        scope = s.row[0] if s.row else s.plain
        if _category(scope) is not Research.BASIC:
            continue
        text = s.plain if s.row is None else " ".join(s.row[1:])
        # in a table row, a cell under a column headed 考核周期 is the cycle itself
        headed = [cell for cell, head in zip(s.row[1:], (s.header or ())[1:], strict=False) if "考核" in head or "考评" in head] if s.row else []
        for word, months in _MONTHS.items():
            at = text.find(word)
            if at >= 0 and s.row is None and negated_at(s, at):
                continue  # "不实行月度考核"
            if any(word in cell for cell in headed) or at >= 0 and ("考核" in text[at:at + 8] + text[max(0, at - 8):at] or "兑现" in _clause_after(text, at)):
                out.append(Cycle(months=months, evidence=s.evidence))
                break
    return out

