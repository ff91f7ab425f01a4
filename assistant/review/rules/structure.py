"""Rules on the pay structure: 基础工资, 年功工资, pay steps, fixed/variable mix, 年薪, 津贴."""

from __future__ import annotations

from decimal import Decimal

from ..scheme import Scheme
from .base import Facts, Hit, checks, dec, from_findings, num_text, rule

Q8 = "qujing_skill/art-8"


@rule("basic-wage-one-standard", "基础工资应全体职工一个标准", Q8, "基础工资全体职工应一个标准")
def basic_wage_one_standard(s: Scheme, facts: Facts) -> list[Hit]:
    basic = facts.get("basic_wage")
    if not basic or not basic["varies"]:
        return []
    amounts = "、".join(f"{num_text(a)}元" for a in basic["amounts"]) if len(basic["amounts"]) > 1 else ""
    detail = f"（方案中出现 {amounts}）" if amounts else ""
    return [Hit("error", f"基础工资按岗位、职级等分设不同标准{detail}；指引要求基础工资全体职工执行同一个标准。", basic["evidence"])]


@rule("basic-wage-price-adjust", "基础工资随当地物价调整", Q8, "物价水平")
def basic_wage_price_adjust(s: Scheme, facts: Facts) -> list[Hit]:
    if "基础工资" not in facts["components"] or s.has(r"物价|最低工资标准|生活费用|居民消费价格"):
        return []
    return [Hit("info", "方案设置了基础工资，但未说明其随当地物价水平（或最低工资标准）调整的办法。", facts["components"]["基础工资"])]


def _step_findings(amounts: list[float], what: str) -> list:
    """The calculators' findings on a step series (unequal differences, a step paying less)."""
    return [f for f in checks().check_arithmetic_steps([dec(a) for a in amounts], what) if f.severity != "info"]


def _geometric(amounts: list[float]) -> bool:
    """Equal ratios (to the yuan): 等比数列, which soe_tech 第二十九条 allows between pay grades."""
    values = [dec(a) for a in amounts]
    if len(values) < 3 or any(v <= 0 for v in values):
        return False
    ratio = values[1] / values[0]
    return all(abs(values[i] - values[i - 1] * ratio) <= 1 + values[i] / 1000 for i in range(2, len(values)))


@rule("seniority-arithmetic", "年功工资各档差额应成等差数列", Q8, ("年功工资", "等差数列"))
def seniority_arithmetic(s: Scheme, facts: Facts) -> list[Hit]:
    bands = facts.get("seniority")
    if not bands:
        return []
    steps = "、".join(num_text(a) for a in bands["amounts"])
    return from_findings(_step_findings(bands["amounts"], f"年功（工龄）工资各工龄段标准（{steps} 元）"), bands["evidence"])


@rule("pay-step-arithmetic", "岗位薪级差额应成等差数列", Q8, "各岗位薪级之间的差额应形成等差数列")
def pay_step_arithmetic(s: Scheme, facts: Facts) -> list[Hit]:
    hits = []
    for row in facts.get("pay_steps") or []:
        name = f"“{row['grade']}”" if row["grade"] else ""
        found = _step_findings(row["amounts"], f"岗位{name}各薪级标准")
        unequal = [f for f in found if f.rule == "steps.arithmetic"]
        if unequal and (row["broadband"] or _geometric(row["amounts"])):
            # Broadband bands and geometric grades are allowed for technical staff (soe_tech 第二十九条).
            found = [f for f in found if f not in unequal]
            if not _geometric(row["amounts"]):
                hits.append(Hit("warning", f"宽带薪酬{name}各档标准既非等差也非等比数列，建议按等差或等比方式确定各档标准。",
                                row["evidence"], cite=("soe_tech/art-29",), keywords=("等差数列",)))
        hits += from_findings(found, row["evidence"])
    return hits


def _pay_mix_hits(facts: Facts, category: str) -> list[Hit]:
    hits = []
    for mix in facts.get("pay_mix") or []:
        if mix["category"] != category:
            continue
        share = dec(mix["base_share"])
        found = checks().check_pay_mix(category, share * 100, Decimal(100))
        hits += from_findings(found, mix["evidence"])
    return hits


@rule("pay-mix-basic-research", "基础研究类岗位基本薪酬占比", "soe_tech/art-34", "基础研究")
def pay_mix_basic_research(s: Scheme, facts: Facts) -> list[Hit]:
    return _pay_mix_hits(facts, "基础研究")


@rule("pay-mix-applied-research", "应用研究类绩效薪酬占比", "soe_tech/art-34", "应用研究")
def pay_mix_applied_research(s: Scheme, facts: Facts) -> list[Hit]:
    return _pay_mix_hits(facts, "应用研究")


@rule("single-performance-min-wage", "单一绩效薪酬须保障最低工资", "soe_tech/art-34", "最低工资标准")
def single_performance_min_wage(s: Scheme, facts: Facts) -> list[Hit]:
    sentence = facts.get("single_performance")
    if not sentence or s.has(r"最低工资"):
        return []
    return [Hit("warning", "方案对部分人员实行单一绩效薪酬（不设岗位基本薪酬），但未写明薪酬支付不低于当地最低工资标准。", sentence)]


@rule("annual-salary-split", "年薪制基本年薪占比应相对较小", "qujing_skill/art-10", "基本年薪占比应相对较小")
def annual_salary_split(s: Scheme, facts: Facts) -> list[Hit]:
    annual = facts.get("annual_salary")
    if not annual:
        return []
    if annual["base_share"] is None:
        return [Hit("info", "方案实行年薪制，但未写明基本年薪与绩效年薪的比例。", annual["evidence"])]
    return from_findings(checks().check_annual_salary_split(dec(annual["base_share"])), annual["evidence"])


@rule("allowance-soe-policy", "国有企业津贴补贴应符合人社部发〔2023〕13号", Q8, "国有企业津贴补贴设置应符合")
def allowance_soe_policy(s: Scheme, facts: Facts) -> list[Hit]:
    if facts.get("ownership") != "国有" or "津贴补贴" not in facts["components"]:
        return []
    if s.has(r"13号|津贴补贴和福利管理"):
        return []
    return [Hit("info", "国有企业设置津贴补贴，建议写明符合《关于做好国有企业津贴补贴和福利管理工作的通知》（人社部发〔2023〕13号）的规定。",
                facts["components"]["津贴补贴"])]
