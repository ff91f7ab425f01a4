"""Performance management: forced distribution of appraisal grades (soe_internal 第三十二条,
soe_tech 案例1), the KPI count/weight check (soe_internal 第二十八条) and the number of job
levels per post series (soe_tech 第十八条)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from . import people
from .applicability import clause
from .base import (
    CalcInput,
    Count,
    Number,
    NumberMap,
    cited,
    findings_out,
    limited,
    result,
)
from .checks import (
    Finding,
    check_forced_distribution_top,
    check_grade_count,
    check_kpi,
    is_compliant,
)
from .errors import CalculationError
from .numbers import fmt, pct, to_decimal
from .params import param, param_table_text, param_text, ref
from .registry import register
from .severity import Severity

# The reference case's quotas (soe_tech 案例1) and the grade spans, as the descriptions show them.
_CASE_QUOTAS = param_table_text("forced_distribution.quotas", between=" ")  # A 10%、B 80%、C 10%
_CASE_QUOTAS_SHORT = param_table_text("forced_distribution.quotas", sep="/")  # A10%/B80%/C10%
_CASE_QUOTAS_JSON = "{" + ", ".join(f'"{g}": {fmt(v)}' for g, v in param("forced_distribution.quotas").items()) + "}"
# What forced distribution and the grade count rest on: their rules' clauses and the reference case.
FORCED_CLAUSES = (clause("forced-distribution-top"), ref("forced_distribution.quotas"))
GRADE_COUNT_CLAUSES = (ref("grades.small_min"), clause("grade-count"))
_GRADES_SMALL = f"{param_text('grades.small_min')}–{param_text('grades.small_max')}"
_GRADES_LARGE = f"{param_text('grades.large_min')}–{param_text('grades.large_max')}"

QUOTA_TOLERANCE = Decimal("0.000001")  # thirds typed as 0.333333 still add up to 1


# ---- 强制分布 -----------------------------------------------------------------------------------


Mode = Literal["自动", "全员", "部分", "不强制"]
MODE_NAMES = {"全员": "全员强制分布", "部分": "部分强制分布", "不强制": "不实行强制分布"}


class ForcedInput(CalcInput):
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("n", "quotas"), ("scores",))
    reading_topics: ClassVar[tuple[str, ...]] = ("强制分布", "等次", "考核等级", "名额", "优秀比例", "强制", "比例分布", "正态分布", "评优",
                                                 "优秀", "名额分配", "几个A", "A档", "等级比例")
    n: Annotated[Count | None, Reads((Kind.PEOPLE, Kind.COUNT), cues=("人", "共", "参加", "参评", "考核", "员工", "职工", "总人数", "部门", "团队", "一共"),
                                     ask="如“参加考核100人”")] = Field(
        None, ge=1, title="参加考核人数", description="参加考核的总人数；给出 scores 时可省略")
    quotas: Annotated[dict[str, Number] | None, Reads(Kind.PERCENT, cues=("比例", "名额", "占", "按", "类", "级", "档", "等"), shape=Shape.MAP,
                                                      usual_keys=("S", "A", "B", "C", "D", "E", "卓越", "优秀", "优", "良好", "良", "称职", "合格", "中",
                                                                  "基本称职", "基本合格", "待改进", "不称职", "不合格", "差"), ranked=True,
                                                      ask=f"如“{_CASE_QUOTAS}”")] = Field(
        None, title="各等次比例", description=f"自高到低：等次 → 比例，合计为 1，如 {_CASE_QUOTAS_JSON}；不填按案例 {_CASE_QUOTAS_SHORT}"
    )
    scores: Annotated[NumberMap | None, Reads(Kind.SCORE, cues=("得分", "分数", "考核分", "分"), shape=Shape.MAP)] = Field(
        None, title="考核得分", description="可选：姓名 → 考核得分，按得分从高到低依次归入各等次")
    mode: Annotated[Mode, Reads(Kind.NUMBER, shape=Shape.CHOICE, choices={
        "部分": ("部分强制分布", "部分强制"), "不强制": ("不强制", "不搞强制分布"), "自动": ("按人数确定", "自动")})] = Field(
        "全员", title="分布方式",
        description="全员强制分布（默认：按给出的比例排满）、部分强制分布（只规定最高、最低等次人数上限）或不强制；自动：按人数确定（少于小单元人数时部分强制分布）")
    small_unit: Count | None = Field(None, ge=2, title="小单元人数界限",
                                     description="考核单元人数少于此数时实行部分强制分布；不填按参数 forced_distribution.small_unit_headcount")


def _forced_from_people(rows: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    people.refuse_both(data, "scores")
    return {**data, "scores": dict(zip(people.names(rows), people.number_column(rows, "score")))}  # type: ignore[arg-type]


def forced_counts(n: int, quotas: dict[str, Decimal]) -> tuple[dict[str, int], int]:
    """Headcount per grade summing to n. Neither end is ever rounded up: the top grade is rounded
    down (从严控制), and so is the bottom grade (no one is put into the lowest grade by rounding).
    The places left go to the middle grades by largest remainder (ties to the better grade); with
    only two grades they go to the grade with the larger share (the one not being rationed; ties to
    the better grade). Returns counts and the number of places so given."""
    grades = list(quotas)
    raw = [n * quotas[g] for g in grades]
    counts = [math.floor(r) for r in raw]
    left = n - sum(counts)
    if len(grades) <= 2:
        counts[max(range(len(grades)), key=lambda i: (quotas[grades[i]], -i))] += left
    else:
        middle = sorted(range(1, len(grades) - 1), key=lambda i: -(raw[i] - counts[i]))
        for k in range(left):  # more places than middle grades (remainders near 1) go round again
            counts[middle[k % len(middle)]] += 1
    return dict(zip(grades, counts)), left


def choose_mode(n: int, quotas: dict[str, Decimal], small_unit: int, wanted: str = "自动") -> str:
    """全员 for units of at least `small_unit` people; 部分 below that (第三十二条: 职工数量较少时可实行
    部分强制分布); 不强制 when even one place in the top grade is out of reach (n × top share < 1)."""
    if wanted != "自动":
        return wanted
    top = next(iter(quotas.values()))
    if n >= small_unit:
        return "全员"
    return "部分" if n * top >= 1 else "不强制"


def _quotas(inp: ForcedInput) -> tuple[dict[str, Decimal], bool]:
    if not inp.quotas:
        return dict(param("forced_distribution.quotas")), True
    for grade, share in inp.quotas.items():
        if share < 0 or share > 1:
            raise CalculationError(f"等次“{grade}”的比例 {fmt(share)} 应在 0–1 之间（10% 写作 0.1）", f"quotas.{grade}")
    total = sum(inp.quotas.values(), Decimal(0))
    if abs(total - 1) > QUOTA_TOLERANCE:
        raise CalculationError(f"各等次比例合计为 {pct(total)}，应为 100%", "quotas")
    return dict(inp.quotas), False


def _assign(scores: dict[str, Decimal], counts: dict[str, int]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Best scores to the best grade; equal scores keep input order. A tie across a grade
    boundary is reported, because the order there decides a person's grade."""
    order = sorted(scores, key=lambda name: -scores[name])  # stable: input order among equals
    assignment, ties, start = {}, [], 0
    grades = list(counts)
    for g_index, grade in enumerate(grades):
        for name in order[start:start + counts[grade]]:
            assignment[name] = grade
        start += counts[grade]
        if 0 < start < len(order) and g_index + 1 < len(grades):
            boundary = scores[order[start - 1]]
            if scores[order[start]] == boundary:
                tied = [n for n in order if scores[n] == boundary]
                ties.append({"score": boundary, "names": tied, "between": [grade, grades[g_index + 1]],
                             "placed": {n: assignment.get(n, grades[g_index + 1]) for n in tied}})
    return assignment, ties


@register(
    "forced-distribution",
    "考核等次强制分布",
    f"按比例确定各考核等次人数（国有企业内部薪酬分配指引第三十二条：全员或部分强制分布，最高考核等级的数量应从严控制；科技人才指引案例1 {_CASE_QUOTAS_SHORT}）。"
    "最高、最低等次人数都向下取整（不因取整多划入最低等次），余下名额给中间等次，合计等于总人数；"
    "考核单元人数较少时实行部分强制分布（只规定最高、最低等次人数上限），最高等次不足一人时不实行强制分布；"
    "给出得分时按得分从高到低归入等次，分界处同分的情况会列出。",
    ForcedInput,
    {"n": 100, "quotas": {grade: float(share) for grade, share in param("forced_distribution.quotas").items()}},
    FORCED_CLAUSES,
    people=_forced_from_people,
)
def forced_distribution(inp: ForcedInput) -> dict[str, Any]:
    quotas, defaulted = _quotas(inp)
    scores = None
    if inp.scores is not None:
        names, ints, _ = read_weight_map_signed(inp.scores)
        scores = dict(zip(names, ints))
    n = inp.n if inp.n is not None else (len(scores) if scores else None)
    if n is None:
        raise CalculationError("请给出参加考核人数，或各人的得分", "n")
    if scores is not None and n != len(scores):
        raise CalculationError(f"参加考核人数 {n} 人与得分名单的 {len(scores)} 人不一致", "n")
    small_unit = inp.small_unit or param("forced_distribution.small_unit_headcount")
    mode = choose_mode(n, quotas, small_unit, inp.mode)
    counts, left = forced_counts(n, quotas)
    grades = list(quotas)
    top, bottom = grades[0], grades[-1]
    steps = [
        *([f"未给出比例，采用科技人才指引案例1的 {_CASE_QUOTAS}"] if defaulted else []),
        f"{top}（最高等次）= ⌊{n} × {pct(quotas[top])}⌋ = {counts[top]}（向下取整，从严控制）",
        *([f"{bottom}（最低等次）= ⌊{n} × {pct(quotas[bottom])}⌋ = {counts[bottom]}（向下取整，不因取整多划入最低等次）"]
          if len(grades) > 1 else []),
        *(f"{g} = {n} × {pct(quotas[g])} = {fmt((n * quotas[g]).normalize())} → {counts[g]}" for g in grades[1:-1]),
        f"取整后剩余 {left} 个名额给{'中间等次（最大余数法）' if len(grades) > 2 else '比例较大的等次'}，合计 {sum(counts.values())} = {n}",
        _mode_step(mode, n, small_unit, counts, top, bottom),
    ]
    findings: list[Finding] = check_forced_distribution_top(quotas)
    extra: dict[str, Any] = {}
    if scores is not None:
        forced = counts if mode == "全员" else {top: counts[top]} if mode == "部分" else {}
        assignment, ties = _assign(scores, forced)
        extra = {"assignments": assignment, "grades": {g: [p for p, a in assignment.items() if a == g] for g in forced},
                 "unforced": [p for p in scores if p not in assignment], "ties": ties}
        steps.append("按得分从高到低依次归入各等次（同分按名单顺序）" if mode == "全员" else
                     "按得分从高到低确定最高等次人选，其余人员按考核标准评定等次" if mode == "部分" else
                     "不实行强制分布，全部人员按考核标准评定等次")
        for t in ties:
            shown = "、".join(f"{p}→{g}" for p, g in t["placed"].items())
            findings.append(Finding(rule="forced_distribution.tie", severity=Severity.WARNING,
                                    message=f"得分 {fmt(t['score'])} 的 {len(t['names'])} 人跨越 {t['between'][0]}/{t['between'][1]} 分界，已按名单顺序归入（{shown}）；建议按事先确定的次要指标区分",
                                    citations=[FORCED_CLAUSES[0]]))
    limits = {top: counts[top], bottom: counts[bottom]} if mode == "部分" and len(grades) > 1 else {}
    return result(
        cited(findings, *FORCED_CLAUSES),
        "最高等次人数 = ⌊总人数 × 最高等次比例⌋；最低等次人数 = ⌊总人数 × 最低等次比例⌋；余下名额给中间等次（最大余数法），合计等于总人数",
        steps, inp, counts=counts, n=n, quotas=quotas, mode=MODE_NAMES[mode], limits=limits, small_unit=small_unit,
        findings=findings_out(findings), **extra,
    )


def _mode_step(mode: str, n: int, small_unit: int, counts: dict[str, int], top: str, bottom: str) -> str:
    if mode == "全员":
        return f"{n} 人实行全员强制分布，各等次人数如上"
    if mode == "部分":
        return (f"{n} 人少于 {small_unit} 人，实行部分强制分布：{top} 不超过 {counts[top]} 人、{bottom} 不超过 "
                f"{counts[bottom]} 人，其余等次按考核结果确定（第三十二条）")
    return f"{n} 人按比例计最高等次不足 1 人，不实行强制分布，按考核标准评定等次，最高等次从严控制"


def read_weight_map_signed(mapping: Any) -> tuple[list[str], list[Decimal], int]:
    """Scores may be negative (deductions); only numbers are required."""
    if not isinstance(mapping, dict) or not mapping:
        raise CalculationError("考核得分应为“姓名: 得分”的对象，且至少一人", "scores")
    names = [str(k) for k in mapping]
    values = [to_decimal(v, f"scores.{k}", label=f"“{k}”的得分") for k, v in mapping.items()]
    return names, values, 0


# ---- KPI ---------------------------------------------------------------------------------------


class KpiInput(CalcInput):
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("weights",), ("count",))
    reading_topics: ClassVar[tuple[str, ...]] = ("KPI", "指标", "权重", "考核指标", "关键绩效指标", "考核项目", "考核表", "评分表", "满分")
    weights: Annotated[dict[str, Number] | None, Reads(Kind.PERCENT, cues=("权重", "占", "占比", "比重"), shape=Shape.MAP, fraction=True,
                                                       ask="如“利润40%、营业收入30%、安全生产30%”")] = Field(
        None, title="指标权重", description="考核指标 → 权重（小数，0.4 即 40%），合计应为 1；只知道个数且权重均等时可不填")
    count: Annotated[Count | None, Reads(Kind.COUNT, cues=("指标", "项", "个指标", "KPI", "考核"), total=None)] = Field(
        None, ge=1, title="指标个数", description="可选：指标个数（不列出各项权重时使用，如“共12项，各项权重均等”）")
    equal: Annotated[bool, Reads(Kind.NUMBER, shape=Shape.FLAG, choices={"true": ("权重均等", "权重相同", "权重一样", "平均分配", "等权", "平均分",
                                                                                "均等", "各占一样", "平均", "都一样", "相同", "一样")})] = Field(
        False, title="各项权重均等", description="可选：各指标权重均等（与指标个数一起给出）")


@register(
    "kpi-check",
    "考核指标与权重检查",
    f"检查关键绩效指标（KPI）的个数和权重（国有企业内部薪酬分配指引第二十八条）：指标原则上 {param_text('kpi.count_min')}–{param_text('kpi.count_max')} 个、"
    f"一般不超过 {param_text('kpi.count_limit')} 个；单一指标权重一般不超过 {param_text('kpi.weight_max')}、最低不低于 {param_text('kpi.weight_min')}；各指标权重合计应为 100%。",
    KpiInput,
    {"weights": {"利润总额": 0.3, "营业收入": 0.2, "安全生产": 0.15, "重点任务": 0.15, "成本控制": 0.1, "党建工作": 0.1}},
    (ref("kpi.count_min"),),
)
def kpi_check(inp: KpiInput) -> dict[str, Any]:
    inp = inp.model_copy(update={"weights": _kpi_weights(inp)})
    assert inp.weights is not None
    for name, weight in inp.weights.items():
        if weight < 0 or weight > 1:
            raise CalculationError(f"指标“{name}”的权重 {fmt(weight)} 应为 0–1 之间的小数（40% 写作 0.4）", f"weights.{name}")
    findings = check_kpi(inp.weights)
    total = sum(inp.weights.values(), Decimal(0))
    steps = [f"指标个数 = {len(inp.weights)}", f"权重合计 = {' + '.join(pct(w) for w in inp.weights.values())} = {pct(total)}",
             *limited((f"{n}：{pct(w)}" for n, w in inp.weights.items()), len(inp.weights))]
    return result(
        cited(findings, ref("kpi.count_min")), (f"指标个数 ∈ [{param_text('kpi.count_min')}, {param_text('kpi.count_max')}]（不超过 {param_text('kpi.count_limit')}）；"
                                               f"每项权重 ∈ [{param_text('kpi.weight_min')}, {param_text('kpi.weight_max')}]；权重合计 = 100%"),
        steps, inp, compliant=is_compliant(findings), findings=findings_out(findings), count=len(inp.weights), weight_total=total,
    )


def _kpi_weights(inp: KpiInput) -> dict[str, Decimal]:
    """The weights as given, or equal weights for a stated number of indicators."""
    if inp.weights:
        if inp.count is not None and inp.count != len(inp.weights):
            raise CalculationError(f"写明指标 {inp.count} 个，但列出了 {len(inp.weights)} 项权重，请核对", "count")
        return dict(inp.weights)
    if inp.count is None:
        raise CalculationError("请给出各考核指标的权重，或指标个数（及“各项权重均等”）", "weights")
    if not inp.equal:
        raise CalculationError(f"只给出了指标个数 {inp.count} 个，未给出各项权重；若各项权重均等请写明", "weights")
    return {f"指标{i}": Decimal(1) / inp.count for i in range(1, inp.count + 1)}


# ---- 职级数量 ------------------------------------------------------------------------------------

_STAGES = {"初创": "初创期", "初创期": "初创期", "规模较小": "初创期", "小": "初创期", "small": "初创期",
           "成熟": "成熟期", "成熟期": "成熟期", "发展成熟": "成熟期", "规模较大": "成熟期", "大": "成熟期", "large": "成熟期"}
Stage = Annotated[Literal["初创期", "成熟期"], BeforeValidator(lambda v: _STAGES.get(v, v) if isinstance(v, str) else v)]


class GradeCountInput(CalcInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("职级", "职级数", "职位等级", "层级", "几个职级", "职级体系", "岗位序列")
    levels: Annotated[Count, Reads(Kind.LEVELS, cues=("职级", "级", "层级", "等级", "层"), ask="如“每个序列6个职级”")] = Field(
        ..., ge=1, title="职级数", description="一个岗位序列划分的职级（职位等级）个数")
    stage: Annotated[Stage, Reads(Kind.NUMBER, shape=Shape.CHOICE, ask="初创期（规模较小）还是成熟期（规模较大）", choices={
        "初创期": ("初创", "起步", "规模较小", "规模小", "刚成立", "小公司", "新成立", "创业", "小企业", "小厂"),
        "成熟期": ("成熟", "规模较大", "规模大", "发展成熟", "大公司", "大企业", "大型", "集团")})] = Field(
        ..., title="企业阶段", description="初创期（含规模较小）或 成熟期（含规模较大）")


@register(
    "grade-count-check",
    "职级数量检查",
    f"检查每个岗位序列划分的职级数（科技人才指引第十八条、国有企业内部薪酬分配指引第十九条）：初创期、规模较小的企业一般 {_GRADES_SMALL} 个，"
    f"发展成熟、规模较大的企业 {_GRADES_LARGE} 个或更多。",
    GradeCountInput,
    {"levels": 6, "stage": "成熟期"},
    GRADE_COUNT_CLAUSES,
)
def grade_count_check(inp: GradeCountInput) -> dict[str, Any]:
    findings = check_grade_count(inp.levels, inp.stage)
    return result(
        cited(findings, *GRADE_COUNT_CLAUSES), f"初创期、规模较小：{_GRADES_SMALL} 个职级；发展成熟、规模较大：{_GRADES_LARGE} 个职级或更多",
        [f"{inp.stage}企业，每个岗位序列 {inp.levels} 个职级"], inp, compliant=is_compliant(findings), findings=findings_out(findings),
    )
