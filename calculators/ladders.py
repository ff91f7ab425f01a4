"""Pay ladders: arithmetic and geometric series of pay grades (soe_tech 第二十九条, 曲靖指引
第八条), the post-grade × pay-step table of 曲靖指引附件1, and seniority (年功) bands."""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator

from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from .applicability import clause
from .base import CalcInput, Count, Levels, MoneyInput, Number, check_cells, findings_out, limited, result
from .checks import check_arithmetic_steps, is_compliant
from .errors import CalculationError
from .numbers import fmt, q
from .params import param, param_text, ref
from .registry import register
from .severity import Severity

# Pay ladders rest on the pay-step rule's clause (曲靖指引第八条), with the 科技人才指引 article on
# post pay for the ladder and appendix 1's table for the post-wage grid.
LADDER_CLAUSES = ("soe_tech/art-29", clause("pay-step-arithmetic"))  # post pay (科技人才指引第二十九条) first
POST_WAGE_CLAUSES = (ref("post_grades.steps_shown"), clause("pay-step-arithmetic"))
_MODES = {"等差": "arithmetic", "等差数列": "arithmetic", "等比": "geometric", "等比数列": "geometric"}
Mode = Annotated[Literal["arithmetic", "geometric"], BeforeValidator(lambda v: _MODES.get(v, v) if isinstance(v, str) else v)]


# ---- 等差 / 等比 --------------------------------------------------------------------------------


START_CUES = ("起点", "起始", "起薪", "第一级", "第1级", "第一档", "第1档", "起步", "首档", "首级", "头一级", "头一档", "头一段", "第一段",
              "第一个台阶", "一档", "一级", "1级", "从", "开始", "起")
STEP_CUES = ("级差", "档差", "差额", "每级", "每档", "递增", "增加", "加", "步长", "相差", "差", "多")


class LadderInput(MoneyInput):
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("start", "step"), ("min", "max"), ("start", "ratio"), ("min", "ratio"))
    reading_range: ClassVar[tuple[str, str]] = ("min", "max")  # 从4500元到6300元
    reading_topics: ClassVar[tuple[str, ...]] = ("等差", "等比", "级差", "薪级", "档差", "级比", "薪档", "工资档", "薪级表", "档次", "工资等级",
                                                 "级差额")
    mode: Annotated[Mode, Reads(Kind.NUMBER, shape=Shape.CHOICE, choices={
        "arithmetic": ("等差", "级差", "档差", "差别较小", "差距较小", "差距小", "每级加", "每档加", "每级多", "每档多", "每级差", "每档差", "每级增加", "每档增加"),
        "geometric": ("等比", "级比", "倍数", "比例递增", "按比例", "百分比递增", "递增百分之", "%递增", "差别较大", "差距较大",
                      "差距大", "差别大", "拉大")})] = Field(
        "arithmetic", title="序列方式", description="arithmetic 等差（级差相同，差别较小）或 geometric 等比（级比相同，差别较大）")
    levels: Annotated[Levels, Reads(Kind.LEVELS, cues=("共", "分为", "设", "个等级", "级数", "档数", "级", "档"), every=False, ask="如“共10级”")] = Field(
        ..., ge=2, title="级数", description="薪酬等级（薪级）个数")
    start: Annotated[Number | None, Reads(Kind.MONEY, cues=START_CUES, ask="如“起点2000元”")] = Field(
        None, ge=0, title="起点金额", description="等差：第1级金额；等比：与 ratio 一起使用时的第1级金额")
    step: Annotated[Number | None, Reads(Kind.MONEY, cues=STEP_CUES, per=("级", "档"), ask="如“级差150元”")] = Field(
        None, ge=0, title="级差", description="等差：相邻两级的差额")
    min: Annotated[Number | None, Reads(Kind.MONEY, cues=("最低一级", "最低一档", "最低", "最少", "下限", "最小", "底"), ask="如“最低3000元”")] = Field(
        None, gt=0, title="最低级金额", description="最低一级的薪酬标准（与 max 一起确定序列）")
    max: Annotated[Number | None, Reads(Kind.MONEY, cues=("最高一级", "最高一档", "最高", "最多", "上限", "最大", "顶", "封顶"), ask="如“最高12000元”")] = Field(
        None, gt=0, title="最高级金额", description="最高一级的薪酬标准")
    ratio: Annotated[Number | None, Reads((Kind.NUMBER, Kind.PERCENT, Kind.MULTIPLE), cues=("级比", "比例", "倍", "递增", "增长", "增加", "上浮"),
                                          one_plus=True)] = Field(
        None, ge=1, title="级比", description="等比：相邻两级之比（如 1.08）")


def _arithmetic(inp: LadderInput) -> tuple[list[Decimal], str, list[str], dict[str, Any]]:
    n = inp.levels
    if inp.start is not None and inp.step is not None:
        start, step = inp.start, inp.step
        how = f"第1级 = {fmt(start)}，级差 = {fmt(step)}"
    elif inp.min is not None and inp.max is not None:
        _check_range(inp)
        start, step = inp.min, (inp.max - inp.min) / (n - 1)
        if inp.step is not None and inp.step != step:
            raise CalculationError(f"级差 {fmt(inp.step)} 与最低级 {fmt(inp.min)}、最高级 {fmt(inp.max)}（共 {n} 级）对不上：按级差算，最高级应为 "
                                   f"{fmt(inp.min + inp.step * (n - 1))}；请确认以哪个为准", "step")
        how = f"级差 = （{fmt(inp.max)} − {fmt(inp.min)}）÷ （{n} − 1）= {fmt(q(step, inp.precision + 2))}"
    else:
        raise CalculationError("等差序列需要起点和级差（或最低级与最高级金额）", "step" if inp.start is not None else "start")
    levels = [q(start + step * i, inp.precision) for i in range(n)]
    _check_over_given(inp, levels)
    shown = fmt(step) if inp.step is not None and inp.start is not None else fmt(q(step, inp.precision + 2))
    steps = [how, *limited((f"第{i + 1}级 = {fmt(start)} + {shown} × {i} = {fmt(v)}" for i, v in enumerate(levels)), n)]
    return levels, "第 i 级标准 = 第1级标准 + 级差 × (i − 1)", steps, {"step": q(step, inp.precision)}


def _geometric(inp: LadderInput) -> tuple[list[Decimal], str, list[str], dict[str, Any]]:
    n = inp.levels
    with localcontext() as ctx:
        ctx.prec = 34
        if inp.min is not None and inp.max is not None:
            _check_range(inp)
            low = inp.min
            ratio = (inp.max / inp.min) ** (Decimal(1) / (n - 1))
            if inp.ratio is not None and abs(inp.min * inp.ratio ** (n - 1) - inp.max) >= inp.max / 100:
                raise CalculationError(f"级比 {fmt(inp.ratio)} 与最低级 {fmt(inp.min)}、最高级 {fmt(inp.max)}（共 {n} 级）对不上："
                                       f"按这两个金额，级比应约为 {fmt(ratio.quantize(Decimal('0.0001')))}；请确认以哪个为准", "ratio")
            how = f"级比 = （{fmt(inp.max)} ÷ {fmt(inp.min)}）^(1 ÷ {n - 1}) = {fmt(ratio.quantize(Decimal('0.000001')))}"
        elif (first := inp.start if inp.start is not None else inp.min) is not None and inp.ratio is not None:
            low, ratio = first, inp.ratio
            how = f"第1级 = {fmt(low)}，级比 = {fmt(ratio)}"
        else:
            raise CalculationError("等比序列需要最低级与最高级金额（或起点与级比）", "min")
        levels = [q(low * ratio**i, inp.precision) for i in range(n)]
    if inp.max is not None and inp.min is not None:
        levels[-1] = q(inp.max, inp.precision)  # the top is given; keep it exact whatever the rounding
    else:
        _check_over_given(inp, levels)
    steps = [how, *limited((f"第{i + 1}级 = {fmt(low)} × 级比^{i} = {fmt(v)}" for i, v in enumerate(levels)), n)]
    return levels, "第 i 级标准 = 最低级标准 × 级比^(i − 1)，级比 = (最高级 ÷ 最低级)^(1 ÷ (级数 − 1))", steps, {"ratio": ratio.quantize(Decimal("0.000001"))}


def _check_over_given(inp: LadderInput, levels: list[Decimal]) -> None:
    """起点2800，级差150，共15级，最高级5000: a bound given beside a series that already fixes it must
    agree with it (to the yuan) — otherwise one of the figures is wrong, and the table would hide which."""
    for given, computed, field, label in ((inp.max, levels[-1], "max", "最高级"), (inp.min, levels[0], "min", "最低级")):
        if given is not None and abs(given - computed) >= 1 and (field == "max" or inp.start is not None):
            raise CalculationError(f"{label}金额 {fmt(given)} 与其余数字算出的 {fmt(computed)}（共 {inp.levels} 级）不一致，"
                                   "请确认以哪个为准", field)


def _check_range(inp: LadderInput) -> None:
    if inp.max < inp.min:  # type: ignore[operator]
        raise CalculationError(f"最高级金额 {fmt(inp.max)} 低于最低级金额 {fmt(inp.min)}", "max")


@register(
    "ladder",
    "薪级（等差/等比）序列",
    "确定每个薪酬等级的标准（科技人才指引第二十九条（三）：等差数列差别相对较小，等比数列差别相对较大；曲靖指引第八条：年功工资、岗位薪级之间的差额应形成等差数列）。"
    "等差：给起点 start、级差 step 和级数 levels；等比：给最低 min、最高 max 和级数 levels。",
    LadderInput,
    {"mode": "arithmetic", "start": 2000, "step": 150, "levels": 10},
    LADDER_CLAUSES,
)
def ladder(inp: LadderInput) -> dict[str, Any]:
    if inp.mode == "arithmetic" and inp.ratio is not None and inp.step is None:
        inp = inp.model_copy(update={"mode": "geometric"})  # a 级比 with no 级差 only makes sense as a geometric series
    levels, formula, steps, extra = (_arithmetic if inp.mode == "arithmetic" else _geometric)(inp)
    differences = [b - a for a, b in itertools.pairwise(levels)]
    return result(
        LADDER_CLAUSES, formula, steps, inp,
        levels=levels, differences=differences, mode=inp.mode, **extra,
    )


# ---- 附件1 岗位工资 × 薪级工资 ---------------------------------------------------------------------


class PostGrade(CalcInput):
    name: str = Field(..., min_length=1, title="岗位等级", description="岗位等级名称，如“二级/技师”")
    post_wage: Annotated[Number, Reads(Kind.MONEY, cues=("岗位工资", "岗资", "岗位工资标准"),
                                       avoid=("现工资", "现月工资", "月薪", "月工资", "现在每月", "原工资", "月固定工资"))] = Field(
        ..., ge=0, title="岗位工资标准", description="该岗位等级的岗位工资（元/月）")
    start_step: Annotated[Count, Reads(Kind.LEVELS, cues=("起点薪级", "起点", "起步", "级起", "起"))] = Field(
        1, ge=1, title="起点薪级", description="该岗位的起点薪级（重点考虑工作年限与学历），低于起点的薪级不适用")


class StepScale(CalcInput):
    count: Annotated[Levels, Reads(Kind.LEVELS, cues=("薪级", "共", "设", "分为", "级数"), ask="如“薪级共30级”")] = Field(
        ..., ge=1, title="薪级数", description=f"薪级个数，附件1列至第{param_text('post_grades.steps_shown')}级以上")
    first: Annotated[Number, Reads(Kind.MONEY, cues=("第一级", "第1级", "第一薪级", "第1薪级", "薪级工资起点", "起点", "起步", "最低", "一级薪级", "首级"),
                                   ask="如“第1级薪级工资100元”")] = Field(
        ..., ge=0, title="第1级薪级工资", description="第1薪级的薪级工资（元/月）")
    increment: Annotated[Number, Reads(Kind.MONEY, cues=("级差", "每级", "递增", "差额", "增加", "加", "每个薪级"), per=("级", "薪级"),
                                       ask="如“薪级级差20元”")] = Field(
        ..., ge=0, title="薪级级差", description="相邻薪级的差额，各薪级之间的差额形成等差数列")


class Lookup(CalcInput):
    grade: str = Field(..., title="岗位等级")
    step: Count = Field(..., ge=1, title="薪级")


class PostWageTableInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("岗位工资", "薪级工资", "岗位等级", "一岗多薪", "岗位工资表", "岗级", "薪级表", "套表")
    grades: Annotated[list[PostGrade], Reads(Kind.MONEY, cues=("岗位工资", "岗位"), shape=Shape.RECORDS,
                                             ask="如“一级岗位1500元、二级1800元、三级2200元”")] = Field(
        ..., min_length=1, title="岗位等级", description="自低到高排列的岗位等级：名称、岗位工资、起点薪级")
    steps: StepScale = Field(..., title="薪级工资标准", description="薪级数 count、第1级 first、级差 increment")
    lookup: Annotated[list[Lookup] | None, Reads(Kind.ORDINAL, shape=Shape.LOOKUP, items_from="grades")] = Field(
        None, title="查询", description="可选：查询某岗位等级某薪级的工资，如 [{\"grade\": \"二级/技师\", \"step\": 12}]")

    @model_validator(mode="before")
    @classmethod
    def _table_size_first(cls, data: Any) -> Any:
        if isinstance(data, dict):
            steps = data.get("steps")
            check_cells(data.get("grades"), steps.get("count") if isinstance(steps, dict) else None, "grades")
        return data


def _appendix_example() -> dict[str, Any]:
    names = param("post_grades.appendix_1_grades")
    wages = [1800, 2000, 2300, 2600, 3000, 3500, 4100, 4800, 5600, 6500, 7500]
    starts = [1, 1, 2, 3, 4, 6, 8, 10, 12, 14, 16]
    grades = [{"name": n, "post_wage": w, "start_step": s} for n, w, s in zip(names, wages, starts)]
    return {"grades": grades, "steps": {"count": 35, "first": 100, "increment": 30}, "lookup": [{"grade": "二级/技师", "step": 12}]}


@register(
    "post-wage-table",
    "岗位工资和薪级工资标准表",
    "按曲靖指引附件1生成技能人才“岗位等级 × 薪级”工资标准表：每个岗位等级一个岗位工资标准，薪级工资按等差数列排列（第八条（三）（四）），"
    "各岗位可设不同起点薪级（重点考虑工作年限与学历）。月工资 = 岗位工资 + 薪级工资。示例为附件1的11个岗位等级（见习期至“高精尖缺”高技能领军人才），金额为示意值。",
    PostWageTableInput,
    _appendix_example(),
    POST_WAGE_CLAUSES,
)
def post_wage_table(inp: PostWageTableInput) -> dict[str, Any]:
    scale = [q(inp.steps.first + inp.steps.increment * i, inp.precision) for i in range(inp.steps.count)]
    rows: list[dict[str, Any]] = []
    seen: dict[str, Any] = {}
    for i, grade in enumerate(inp.grades):
        if grade.name in seen:
            raise CalculationError(f"岗位等级“{grade.name}”重复", f"grades.{i}.name")
        if grade.start_step > inp.steps.count:
            raise CalculationError(f"“{grade.name}”的起点薪级 {grade.start_step} 超过薪级数 {inp.steps.count}", f"grades.{i}.start_step")
        seen[grade.name] = grade
        post = q(grade.post_wage, inp.precision)
        totals = [None if s + 1 < grade.start_step else post + w for s, w in enumerate(scale)]
        rows.append({"grade": grade.name, "post_wage": post, "start_step": grade.start_step, "totals": totals})
    findings = check_arithmetic_steps(scale, "薪级工资") + _grade_order(inp.grades)
    lookups = [_lookup(inp, seen, scale, k, item) for k, item in enumerate(inp.lookup or [])]
    steps = [
        f"薪级工资：第 s 级 = {fmt(inp.steps.first)} + {fmt(inp.steps.increment)} × (s − 1)，共 {inp.steps.count} 级（{fmt(scale[0])} … {fmt(scale[-1])}）",
        *limited((f"{r['grade']}：岗位工资 {fmt(r['post_wage'])}，起点薪级 {r['start_step']}，月工资 {fmt(r['totals'][r['start_step'] - 1])} … {fmt(r['totals'][-1])}" for r in rows), len(rows)),
        *(f"查询 {x['grade']} 第{x['step']}级：{fmt(x['post_wage'])} + {fmt(x['step_wage'])} = {fmt(x['total'])}" for x in lookups),
    ]
    return result(
        POST_WAGE_CLAUSES, "月工资 = 岗位工资标准 + 薪级工资；薪级工资 = 第1级 + 级差 × (薪级 − 1)，低于岗位起点薪级的不适用", steps, inp,
        table=rows, step_wages=scale, levels=scale, lookup=lookups,
        compliant=is_compliant(findings), findings=findings_out(findings),
    )


def _grade_order(grades: list[PostGrade]) -> list[Any]:
    from .checks import Finding

    lower = [f"“{b.name}”" for a, b in itertools.pairwise(grades) if b.post_wage < a.post_wage]
    if lower:
        return [Finding(rule="post_wage.order", severity=Severity.WARNING, message=f"{'、'.join(lower)}的岗位工资低于前一（较低）岗位等级；岗位等级应自低到高排列，高等级不应少于低等级", citations=[clause("pay-step-arithmetic")])]
    return []


def _lookup(inp: PostWageTableInput, grades: dict[str, PostGrade], scale: list[Decimal], k: int, item: Lookup) -> dict[str, Any]:
    grade = grades.get(item.grade)
    if grade is None:
        raise CalculationError(f"没有岗位等级“{item.grade}”（已有：{'、'.join(grades)}）", f"lookup.{k}.grade")
    if item.step > len(scale):
        raise CalculationError(f"薪级 {item.step} 超过薪级数 {len(scale)}", f"lookup.{k}.step")
    if item.step < grade.start_step:
        raise CalculationError(f"“{grade.name}”的起点薪级为 {grade.start_step}，第 {item.step} 级不适用", f"lookup.{k}.step")
    post = q(grade.post_wage, inp.precision)
    wage = scale[item.step - 1]
    return {"grade": grade.name, "step": item.step, "post_wage": post, "step_wage": wage, "total": post + wage}


# ---- 年功工资 -----------------------------------------------------------------------------------


class SeniorityInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("年功", "工龄工资", "工龄", "年功工资", "司龄", "厂龄", "工龄段", "司龄工资")
    start: Annotated[Number, Reads(Kind.MONEY, cues=START_CUES + ("最低",), ask="如“第一档100元”")] = Field(
        ..., ge=0, title="第一档标准", description="第一个工龄段的年功工资（元/月）")
    increment: Annotated[Number, Reads(Kind.MONEY, cues=STEP_CUES, per=("档", "级", "工龄段", "年"), ask="如“每档加50元”")] = Field(
        ..., ge=0, title="档差", description="相邻工龄段的差额，各档之间形成等差数列")
    bands: Annotated[Levels, Reads(Kind.LEVELS, cues=("共", "分为", "设", "档数", "档", "段", "级"), every=False, ask="如“共5档”")] = Field(
        ..., ge=1, title="档数", description="工龄段个数，最后一档不封顶")
    years_per_band: Annotated[Count, Reads(Kind.YEARS, cues=("每", "一档", "一个档", "一个台阶", "一级", "升", "进", "为一档", "一段", "跨"),
                                           per=("档", "级", "段", "工龄段"), ask="如“每5年一档”")] = Field(
        ..., ge=1, title="每档年限", description="每个工龄段跨越的年数")
    years: Annotated[Number | None, Reads((Kind.YEARS, Kind.MONTHS), cues=("工龄", "工作了", "干了", "司龄", "已工作", "入职", "满", "厂龄", "做了", "来了"),
                                          every=False)] = Field(
        None, ge=0, title="工龄（年）", description="可选：查询此工龄对应的年功工资")


def _span(row: dict[str, Any]) -> str:
    if row["to_years"] is None:
        return f"{row['from_years']} 年及以上"
    return f"满 {row['from_years']} 年不满 {row['to_years']} 年"


@register(
    "seniority-pay",
    "年功（工龄）工资",
    "按工龄段确定年功工资标准，各标准之间的差额形成等差数列（曲靖指引第八条（三））。第 k 档覆盖工龄 [(k−1)×每档年限, k×每档年限) 年，最后一档不封顶；给出 years 时返回该工龄的标准。",
    SeniorityInput,
    {"start": 100, "increment": 50, "bands": 5, "years_per_band": 5, "years": 12},
    (clause("seniority-arithmetic"),),
)
def seniority_pay(inp: SeniorityInput) -> dict[str, Any]:
    span = inp.years_per_band
    rows: list[dict[str, Any]] = [
        {"band": k + 1, "from_years": k * span, "to_years": None if k == inp.bands - 1 else (k + 1) * span, "amount": q(inp.start + inp.increment * k, inp.precision)}
        for k in range(inp.bands)
    ]
    levels = [r["amount"] for r in rows]
    steps = [f"第{r['band']}档（工龄 {_span(r)}）= {fmt(inp.start)} + {fmt(inp.increment)} × {r['band'] - 1} = {fmt(r['amount'])}" for r in rows]
    extra: dict[str, Any] = {}
    if inp.years is not None:
        band = min(int(inp.years // span), inp.bands - 1)
        extra = {"band": band + 1, "amount": levels[band]}
        steps.append(f"工龄 {fmt(inp.years)} 年 → 第{band + 1}档 → {fmt(levels[band])}")
    findings = check_arithmetic_steps(levels, "年功工资各档标准")
    return result(
        (clause("seniority-arithmetic"),), "第 k 档年功工资 = 第一档标准 + 档差 × (k − 1)；工龄 y 年所在档 k = ⌊y ÷ 每档年限⌋ + 1（最后一档不封顶）", steps, inp,
        bands=rows, levels=levels, findings=findings_out(findings), **extra,
    )
