"""Incentives for key talent: tiered excess-profit sharing (曲靖指引第十条（五）, 科技人才指引第四十一条)
and the annual-salary split into base and performance pay (曲靖指引第十条（一）, 科技人才指引第三十六条)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field

from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from .applicability import clause
from .base import CalcInput, MoneyInput, Number, findings_out, result
from .checks import Finding, check_annual_salary_split, is_compliant
from .errors import CalculationError
from .numbers import (
    fmt,
    largest_remainder,
    pct,
    q,
    split_amount,
    to_units,
    units_to_decimals,
)
from .params import param, ref
from .registry import register
from .severity import Severity

# ---- 超额利润分享 --------------------------------------------------------------------------------


# The leading-talent clause's excess-profit rule with the mature-firm exception (科技人才指引第四十一条);
# its annual-salary rule with the 科技人才指引 article on annual salaries.
EXCESS_PROFIT_CLAUSES = (clause("excess-profit-rule"), clause("excess-profit-mature"))
ANNUAL_SALARY_CLAUSES = (clause("annual-salary-split"), "soe_tech/art-36")


class Tier(CalcInput):
    start: Number = Field(..., alias="from", title="分段起点", description="本段起点（如基本目标利润）")
    end: Number | None = Field(None, alias="to", title="分段终点", description="本段终点；最后一段可不填（以上）")
    rate: Number = Field(..., ge=0, le=1, title="计提比例", description="本段超额部分的计提比例，小数，0.15 即 15%")


class ExcessProfitInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("超额利润", "超额", "利润分享", "超目标", "超出目标", "超过目标", "超额部分", "目标利润", "利润目标", "实际利润",
                                                 "计提", "挑战目标", "激励目标", "超出")
    actual: Annotated[Number, Reads(Kind.MONEY, cues=("实际利润", "实际", "完成", "实现", "净利润", "今年利润", "利润", "干了", "做到"),
                                    avoid=("目标",), ask="如“实际利润1600万元”")] = Field(
        ..., title="实际利润", description="本年度实际完成的净利润（与分段同一单位）")
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("tiers",), ("target", "rate"))
    tiers: Annotated[list[Tier] | None, Reads(Kind.MONEY, shape=Shape.RANGES,
                                              ask="如“1000万到1200万部分10%，1200万到1500万部分15%，1500万以上20%”")] = Field(
        None, min_length=1, title="分段", description="自低到高、首尾相接的分段：[{from, to, rate}, …]，第一段起点为目标利润")
    target: Annotated[Number | None, Reads(Kind.MONEY, cues=("目标利润", "利润目标", "基本目标", "目标"), avoid=("激励目标", "挑战目标"),
                                           ask="如“目标利润2亿”")] = Field(
        None, title="目标利润", description="不分段时：超过目标利润的部分按同一比例计提")
    rate: Annotated[Number | None, Reads(Kind.PERCENT, cues=("超出部分", "超额部分", "超过部分", "超出", "计提", "提取", "按"), fraction=True,
                                         ask="如“超出部分按15%计提”")] = Field(
        None, ge=0, le=1, title="计提比例", description="不分段时：超额部分的计提比例，小数，0.15 即 15%")


def _check_tiers(tiers: list[Tier]) -> None:
    for i, tier in enumerate(tiers):
        if tier.end is not None and tier.end <= tier.start:
            raise CalculationError(f"第 {i + 1} 段终点 {fmt(tier.end)} 应大于起点 {fmt(tier.start)}", f"tiers.{i}.to")
        if i + 1 < len(tiers):
            if tier.end is None:
                raise CalculationError(f"第 {i + 1} 段不是最后一段，需要写明该段的终点（到多少为止）", f"tiers.{i}.to")
            if tiers[i + 1].start != tier.end:
                raise CalculationError(f"第 {i + 2} 段起点 {fmt(tiers[i + 1].start)} 应等于第 {i + 1} 段终点 {fmt(tier.end)}（分段应首尾相接）", f"tiers.{i + 1}.from")


def tier_amounts(actual: Decimal, tiers: list[Tier]) -> list[Decimal]:
    """Exact (unrounded) amount of each tier: the part of `actual` inside the tier × its rate."""
    out = []
    for tier in tiers:
        top = actual if tier.end is None else min(actual, tier.end)
        out.append(max(top - tier.start, Decimal(0)) * tier.rate)
    return out


@register(
    "excess-profit-sharing",
    "超额利润分享",
    "以本年度超目标净利润增量为基数，按分段比例计提超额利润分享额（曲靖指引第十条（五）：净利润目标可分为基本目标、激励目标、挑战目标，计提比例按不同比例分段提取；"
    "科技人才指引第四十一条）。每段提取额 = 落在该段内的利润 × 该段比例；合计为各段之和。",
    ExcessProfitInput,
    {"actual": 1600, "tiers": [{"from": 1000, "to": 1200, "rate": 0.10}, {"from": 1200, "to": 1500, "rate": 0.15}, {"from": 1500, "rate": 0.20}]},
    EXCESS_PROFIT_CLAUSES,
)
def excess_profit_sharing(inp: ExcessProfitInput) -> dict[str, Any]:
    inp = inp.model_copy(update={"tiers": _tiers_of(inp)})
    assert inp.tiers is not None
    _check_tiers(inp.tiers)
    exact = tier_amounts(inp.actual, inp.tiers)
    total = q(sum(exact, Decimal(0)), inp.precision)
    # Round each tier so that the tiers still add up to the rounded total exactly.
    amounts = _rounded_parts(exact, total, inp.precision)
    by_tier, steps = [], []
    for tier, amount in zip(inp.tiers, amounts):
        top = inp.actual if tier.end is None else min(inp.actual, tier.end)
        part = max(top - tier.start, Decimal(0))
        label = f"{fmt(tier.start)}–{fmt(tier.end)}" if tier.end is not None else f"{fmt(tier.start)} 以上"
        by_tier.append({"from": tier.start, "to": tier.end, "rate": tier.rate, "base": part, "amount": amount})
        steps.append(f"{label}：({fmt(top)} − {fmt(tier.start)}) × {pct(tier.rate)} = {fmt(amount)}" if part else f"{label}：未达到，0")
    steps.append(f"合计 = {' + '.join(fmt(a) for a in amounts)} = {fmt(total)}")
    findings = [Finding(rule="excess_profit.scope", severity=Severity.INFO, message="发展成熟型企业、经济效益良好的企业一般在工资总额内向科技人才倾斜，不再实施超额利润分享；初创型或发展遇到瓶颈的企业可探索实施", citations=[clause("excess-profit-mature")])]
    if inp.actual <= inp.tiers[0].start:
        steps.insert(0, f"实际利润 {fmt(inp.actual)} 未超过目标 {fmt(inp.tiers[0].start)}，不计提")
    return result(
        EXCESS_PROFIT_CLAUSES, "超额利润分享额 = Σ（落在各段内的利润 × 该段计提比例）", steps, inp,
        total=total, by_tier=by_tier, excess=max(inp.actual - inp.tiers[0].start, Decimal(0)), findings=findings_out(findings),
    )


def _tiers_of(inp: ExcessProfitInput) -> list[Tier]:
    """The tiers as given, or one tier from the target up (超出目标利润的部分按15%计提)."""
    if inp.tiers:
        if inp.rate is not None:
            raise CalculationError("已有分段，又给了一个不分段的计提比例；要改某一段的比例，请写出该段的起点、终点和比例", "rate")
        if inp.target is not None and inp.tiers[0].start == 0:
            # 超目标0-100万 10%、100-300万 15%: tiers written over the target are offsets from it
            return [Tier.model_validate({"from": inp.target + t.start, "to": None if t.end is None else inp.target + t.end, "rate": t.rate})
                    for t in inp.tiers]
        if inp.target is not None and inp.target != inp.tiers[0].start:
            raise CalculationError(f"目标利润 {fmt(inp.target)} 与第一段起点 {fmt(inp.tiers[0].start)} 不一致，请核对", "target")
        return inp.tiers
    if inp.target is None or inp.rate is None:
        raise CalculationError("请给出分段（起点、终点、计提比例），或目标利润和超额部分的计提比例", "tiers")
    return [Tier.model_validate({"from": inp.target, "rate": inp.rate})]


def _rounded_parts(exact: list[Decimal], total: Decimal, precision: int) -> list[Decimal]:
    if total == 0:
        return [q(Decimal(0), precision) for _ in exact]
    return split_amount(total, exact, precision, "tiers")


# ---- 年薪制 -------------------------------------------------------------------------------------


class AnnualSalaryInput(MoneyInput):
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("base_share",), ("base",), ("base", "performance"))
    reading_topics: ClassVar[tuple[str, ...]] = ("年薪", "基本年薪", "绩效年薪", "年薪制", "年薪总额")
    annual: Annotated[Number | None, Reads(Kind.MONEY, cues=("年薪总额", "目标年薪", "年薪", "一年", "全年", "总额"), avoid=("基本", "绩效"),
                                           period="year", ask="如“年薪总额60万元”")] = Field(
        None, gt=0, title="年薪总额", description="目标年薪（元/年）；不给时为基本年薪 + 绩效年薪")
    base_share: Annotated[Number | None, Reads(Kind.PERCENT, cues=("基本年薪", "基本", "固定", "基薪"), complement=("绩效", "浮动"))] = Field(
        None, gt=0, lt=1, title="基本年薪占比", description="基本年薪占年薪总额的比例（应相对较小），与基本年薪金额二选一")
    base: Annotated[Number | None, Reads(Kind.MONEY, cues=("基本年薪", "基薪", "基本", "固定"), period="year")] = Field(
        None, gt=0, title="基本年薪", description="基本年薪金额（元/年），与基本年薪占比二选一")
    performance: Annotated[Number | None, Reads(Kind.MONEY, cues=("绩效年薪", "绩效", "浮动"), period="year")] = Field(
        None, ge=0, title="绩效年薪", description="可选：绩效年薪金额（元/年）；不给年薪总额时，年薪总额 = 基本年薪 + 绩效年薪")


@register(
    "annual-salary-split",
    "年薪制基本年薪与绩效年薪",
    "把年薪分为基本年薪和绩效年薪（曲靖指引第十条（一）：基本年薪占比应相对较小、按月发放，绩效年薪占比应相对较大、按年发放并体现业绩导向；科技人才指引第三十六条）。"
    "给出年薪 annual 和基本年薪占比 base_share（或基本年薪 base），得到每月发放额（12 个月合计恰为基本年薪）和年度绩效年薪。",
    AnnualSalaryInput,
    {"annual": 300000, "base_share": 0.4},
    ANNUAL_SALARY_CLAUSES,
)
def annual_salary_split(inp: AnnualSalaryInput) -> dict[str, Any]:
    if (inp.base is None) == (inp.base_share is None):
        raise CalculationError("请给出基本年薪占比或基本年薪金额（二选一）", "base_share")
    if inp.annual is None:
        if inp.base is None or inp.performance is None:
            raise CalculationError("请给出年薪总额，或基本年薪与绩效年薪两项金额", "annual")
        inp = inp.model_copy(update={"annual": inp.base + inp.performance})
    elif inp.performance is not None and inp.base is not None and inp.base + inp.performance != inp.annual:
        raise CalculationError(f"基本年薪 {fmt(inp.base)} 与绩效年薪 {fmt(inp.performance)} 之和不等于年薪总额 {fmt(inp.annual)}", "performance")
    assert inp.annual is not None
    base = q(inp.base if inp.base is not None else inp.annual * inp.base_share, inp.precision)  # type: ignore[operator]
    if base > inp.annual:
        raise CalculationError(f"基本年薪 {fmt(base)} 超过年薪总额 {fmt(inp.annual)}", "base")
    performance = q(inp.annual, inp.precision) - base
    months = param("annual_salary.base_payments_per_year")
    monthly = units_to_decimals(largest_remainder(to_units(base, inp.precision, "base"), [1] * months), inp.precision)
    share = base / inp.annual
    findings = check_annual_salary_split(share)
    steps = [
        f"基本年薪 = {fmt(inp.annual)} × {pct(inp.base_share)} = {fmt(base)}" if inp.base_share is not None else f"基本年薪 = {fmt(base)}（占 {pct(share)}）",
        f"绩效年薪 = {fmt(inp.annual)} − {fmt(base)} = {fmt(performance)}（按年考核后发放）",
        f"每月发放基本年薪 = {fmt(base)} ÷ {months} ≈ {fmt(monthly[0])}" + ("（尾差按最大余数法摊在前几个月，12 个月合计恰为基本年薪）" if len(set(monthly)) > 1 else ""),
    ]
    return result(
        (*ANNUAL_SALARY_CLAUSES, ref("annual_salary.base_share_max")), "年薪 = 基本年薪（按月发放）+ 绩效年薪（按年发放）；基本年薪占比 < 绩效年薪占比", steps, inp,
        allocations={"基本年薪": base, "绩效年薪": performance}, monthly=monthly, levels=monthly, total=q(inp.annual, inp.precision),
        base_share=share.quantize(Decimal("0.0001")), compliant=is_compliant(findings), findings=findings_out(findings),
    )
