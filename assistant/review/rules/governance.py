"""Rules on wage totals, deliberation, dividends, post quotas and pay adjustment."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..scheme import Scheme
from .base import Facts, Hit, checks, dec, from_findings, param, pct_text, rule


@rule("two-lower", "“两个低于”与工资效益联动", "qujing_skill/art-5", "两个低于")
def two_lower(s: Scheme, facts: Facts) -> list[Hit]:
    growth = facts["growth"]
    figures = {k: dec(growth[k]) for k in ("wage_total_growth", "profit_growth", "avg_wage_growth", "productivity_growth") if k in growth}
    paired = ("wage_total_growth" in figures and "profit_growth" in figures) or (
        "avg_wage_growth" in figures and "productivity_growth" in figures)
    if not paired:
        return []
    if "wage_total_growth" not in figures:  # only the second "低于" is stated
        figures.update(wage_total_growth=Decimal(0), profit_growth=Decimal(1))
        keep = lambda f: f.rule == "two_lower.avg_wage"  # noqa: E731
    else:
        keep = lambda f: f.rule != "two_lower.headquarters"  # noqa: E731
    hits = []
    for finding in checks().check_two_lower(**figures):
        where = "avg_wage_growth_evidence" if finding.rule == "two_lower.avg_wage" else "wage_total_growth_evidence"
        hits += from_findings([finding], growth.get(where), keep)
    return hits


@rule("hq-wage-growth", "总部职工平均工资增幅低于全部职工", "soe_internal/art-41", "集团总部职工平均工资增长幅度")
def hq_wage_growth(s: Scheme, facts: Facts) -> list[Hit]:
    hq = facts.get("hq_growth")
    if not hq:
        return []
    # check_two_lower holds the headquarters comparison; the first two figures are placeholders.
    found = checks().check_two_lower(Decimal(0), Decimal(1), avg_wage_growth=dec(hq["all"]), hq_avg_wage_growth=dec(hq["hq"]))
    return from_findings(found, hq["evidence"], lambda f: f.rule == "two_lower.headquarters")


@rule("soe-congress", "国有企业方案须经职代会审议", "soe_internal/art-11", "审议讨论")
def soe_congress(s: Scheme, facts: Facts) -> list[Hit]:
    if facts.get("ownership") != "国有" or facts["approval"].get("congress"):
        return []
    return [Hit("error", "国有企业的内部薪酬分配方案未写明提交职工代表大会（或职工大会）审议讨论。", None)]


@rule("collective-negotiation", "方案应经职代会或工资集体协商", "qujing_skill/art-6", ("工资集体协商条例", "确定企业薪酬总额"))
def collective_negotiation(s: Scheme, facts: Facts) -> list[Hit]:
    if facts.get("ownership") == "国有" or facts["approval"].get("congress") or facts["approval"].get("negotiation"):
        return []
    return [Hit("warning", "方案未写明经职工代表大会（职工大会）讨论或通过工资集体协商确定；指引要求依法开展工资集体协商。", None,
                also=("soe_internal/art-11",))]


@rule("soe-party-review", "国有企业党组织前置研究", "soe_internal/art-6", "前置研究讨论")
def soe_party_review(s: Scheme, facts: Facts) -> list[Hit]:
    if facts.get("ownership") != "国有" or facts["approval"].get("party"):
        return []
    return [Hit("warning", "国有企业的年度职工薪酬分配方案未写明经企业党委（党组）前置研究讨论。", None)]


def _dividend_hits(facts: Facts, tech: bool) -> list[Hit]:
    d = facts.get("dividend")
    if not d:
        return []
    keep = (lambda f: f.rule == "dividend.tech_skill") if tech else (lambda f: f.rule == "dividend.recipients")
    if {"employees", "recipients", "tech_recipients"} <= d.keys():
        found = checks().check_dividend(d["employees"], d["recipients"], d["tech_recipients"])
        return from_findings(found, d.get("count_evidence"), keep)
    share = d.get("tech_share") if tech else d.get("recipient_share")
    if share is None:
        return []
    # Only shares are given: notional head counts let the check decide; the message states the shares.
    employees = 10000
    recipients = max(int(dec(d.get("recipient_share", 0.01)) * employees), 1)
    found = checks().check_dividend(employees, recipients, int(dec(d.get("tech_share", 1)) * recipients))
    hits = from_findings(found, d.get("tech_evidence" if tech else "recipient_evidence") or d["evidence"], keep)
    if tech:
        message = f"方案中技术技能人才占分红人数的比重为 {pct_text(share)}，低于 {pct_text(param('dividend.tech_skill_min_share'))}。"
    else:
        message = f"方案规定分红激励人数可达在岗职工总数的 {pct_text(share)}，超过 {pct_text(param('dividend.recipients_max_share'))}。"
    return [replace(h, message=message) for h in hits]


@rule("dividend-recipients", "分红激励人数不超过在岗职工30%", "soe_tech/art-40", "每次激励人数")
def dividend_recipients(s: Scheme, facts: Facts) -> list[Hit]:
    return _dividend_hits(facts, tech=False)


@rule("dividend-tech-share", "技术技能人才占分红人数比重", "soe_tech/art-40", "参与分红的技术技能人才")
def dividend_tech_share(s: Scheme, facts: Facts) -> list[Hit]:
    return _dividend_hits(facts, tech=True)


@rule("chief-post-quota", "首席类职位比例", "soe_tech/art-19", "首席类职位")
def chief_post_quota(s: Scheme, facts: Facts) -> list[Hit]:
    chief = facts.get("chief_posts")
    if not chief:
        return []
    if "share" not in chief:
        found = checks().check_job_grade_quota({"首席": chief["chief"]}, chief["total"], chief_base=chief["total"])
        return from_findings(found, chief["evidence"], lambda f: f.rule == "job_quota.chief")
    # A quota as a share: a notional 10000 technical staff lets the check decide; the message states the share.
    found = checks().check_job_grade_quota({"首席": int(dec(chief["share"]) * 10000)}, 10000, chief_base=10000)
    hits = from_findings(found, chief["evidence"], lambda f: f.rule == "job_quota.chief")
    message = f"方案规定首席类职位可占科技人才总数的 {pct_text(chief['share'])}，超过 {pct_text(param('grades.chief_share_max'))}。"
    return [replace(h, message=message) for h in hits]


@rule("adjustment-mechanism", "薪酬水平定期评估调整", "soe_tech/art-51", "薪酬水平调整一般以1至3年为周期")
def adjustment_mechanism(s: Scheme, facts: Facts) -> list[Hit]:
    adjust = facts.get("adjustment")
    if not adjust:
        return [Hit("warning", "方案未写明薪酬标准的定期评估和调整机制（调整周期、调整依据）。", None, also=("soe_internal/art-4",))]
    longest = param("cycles.adjustment_years_max")
    if adjust["years"] and adjust["years"] > longest:
        return [Hit("warning", f"方案规定每 {adjust['years']} 年调整一次薪酬，长于指引建议的调整周期（{longest} 年以内）。", adjust["evidence"])]
    return []


@rule("excess-profit-rule", "超额利润分享须明确计提规则", "qujing_skill/art-10", "按一定比例计提")
def excess_profit_rule(s: Scheme, facts: Facts) -> list[Hit]:
    excess = facts.get("excess_profit")
    if not excess or excess["has_rule"]:
        return []
    return [Hit("warning", "方案提到超额利润分享，但未写明以超目标利润为基数、按比例（分段）计提的激励总量规则。", excess["evidence"])]
