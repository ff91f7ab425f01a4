"""Rules on the wage total and on who decides: 两个低于, pay following results, collective
bargaining, 职代会 and 党委, the headquarters, subsidiaries and the use of the increment."""

from __future__ import annotations

from decimal import Decimal

from calculators import checks
from calculators.params import param
from calculators.severity import Severity

from ..applicability import Level
from ..facts import Figure, Growth, Mentioned, Priority, SchemeFacts
from ..facts.totals import in_loss
from .base import REWORD, Hit, check, from_findings, percent


def _two_lower_findings(g: Growth) -> list[checks.Finding]:
    def value(fig: Figure | None) -> Decimal | None:
        return fig.value if fig is not None else None

    return checks.check_two_lower(value(g.wage_total), value(g.profit), value(g.avg_wage), value(g.productivity))


@check("two-lower")
def two_lower(f: SchemeFacts) -> list[Hit]:
    g = f.growth
    hits = []
    for found in _two_lower_findings(g):
        if found.severity is Severity.INFO or found.rule not in ("two_lower.wage_total", "two_lower.avg_wage"):
            continue
        if found.rule == "two_lower.wage_total" and in_loss(g.profit):
            continue  # across a loss year only the direction counts: 经济效益减、薪酬总额减 (wage-follows-benefit)
        if found.rule == "two_lower.wage_total":
            evidence = g.wage_total.evidence  # type: ignore[union-attr]
            advice = f"{REWORD}“工资总额增幅控制在利润总额增幅（{percent(g.profit.value)}）以内并低于该增幅，按工资效益联动办法核定。”"  # type: ignore[union-attr]
        else:
            evidence = g.avg_wage.evidence  # type: ignore[union-attr]
            advice = f"{REWORD}“在岗职工平均工资增幅低于全员劳动生产率增幅（{percent(g.productivity.value)}）。”"  # type: ignore[union-attr]
        hits.append(Hit(found.message, evidence, advice, Level.BREACH))
    # the rule itself turned round in words ("工资总额增幅原则上不低于利润总额增幅"), with no figures to compare
    # (a figure beside it is the gap, not a growth to compare: "工资总额增幅高于利润增幅2个百分点")
    if (g.wage_total is None or g.profit is None) and "wage_total" in g.above:
        hits.append(Hit("方案规定工资总额增幅可以达到或超过利润总额（经济效益）增幅，与“工资总额增长低于经济效益增长”相反。", g.above["wage_total"],
                        f"{REWORD}“工资总额增幅低于利润总额（经济效益）增幅。”", Level.BREACH))
    if (g.avg_wage is None or g.productivity is None) and "avg_wage" in g.above:
        hits.append(Hit("方案规定职工平均工资增幅可以达到或超过劳动生产率增幅，与“平均工资增长低于劳动生产率增长”相反。", g.above["avg_wage"],
                        f"{REWORD}“在岗职工平均工资增幅低于全员劳动生产率增幅。”", Level.BREACH))
    return hits


@check("wage-follows-benefit")
def wage_follows_benefit(f: SchemeFacts) -> list[Hit]:
    g = f.growth
    found = [x for x in _two_lower_findings(g) if x.rule == "two_lower.follows_benefit"]
    advice = f"{REWORD}“经济效益下降的，工资总额相应下降，下降幅度按工资效益联动办法确定。”"
    hits = [Hit(x.message, g.wage_total.evidence, advice) for x in found]  # type: ignore[union-attr]
    if not hits and g.profit is None and g.profit_fell is not None and g.wage_total is not None and g.wage_total.value >= 0:
        hits.append(Hit(f"方案写明利润（经济效益）下降，工资总额却增长 {percent(g.wage_total.value)}（或不变），违背“经济效益减，薪酬总额减”。",
                        g.wage_total.evidence, advice))
    if not hits and f.said.never_falls is not None:
        hits.append(Hit("方案规定工资总额只增不减、不随经济效益下降而减少，违背“经济效益减，薪酬总额减”。", f.said.never_falls, advice))
    return hits


@check("wage-fit-productivity")
def wage_fit_productivity(f: SchemeFacts) -> list[Hit]:
    """A private firm's wage total growing faster than both its profit and its productivity."""
    g = f.growth
    if g.wage_total is None or g.profit is None or g.wage_total.value <= g.profit.value:
        return []
    per_head = g.avg_wage if g.avg_wage is not None else g.wage_total
    if g.productivity is not None and per_head.value <= g.productivity.value:
        return []
    against = f"利润总额增长 {percent(g.profit.value)}" + (f"、劳动生产率增长 {percent(g.productivity.value)}" if g.productivity else "")
    message = f"工资总额增长 {percent(g.wage_total.value)}，明显高于{against}，薪酬水平应与企业劳动生产率、经济效益相适应。"
    advice = "建议在工资集体协商中结合劳动生产率和经济效益增幅确定工资总额增幅，并在方案中写明测算依据。"
    return [Hit(message, g.wage_total.evidence, advice, Level.ADVICE)]


def _decided(said: Mentioned | None, what: str, refused: str, missing: str, advice: str, approval=None) -> list[Hit]:
    if said is not None and not said.denied:
        return []
    if said is not None:
        return [Hit(refused, said.evidence, advice)]
    if approval is not None:
        return [Hit(f"方案写明的决策程序中没有{what}。", approval, advice)]
    return [Hit(missing, None, advice, Level.ADVICE)]


@check("collective-negotiation")
def collective_negotiation(f: SchemeFacts) -> list[Hit]:
    said = f.said
    if said.negotiation is not None and not said.negotiation.denied:
        return []
    if said.negotiation is None and said.congress is not None and not said.congress.denied:
        return []
    advice = f"{REWORD}“企业薪酬总额及调整幅度由企业与工会（职工方）依照《云南省企业工资集体协商条例》开展工资集体协商确定，并提交职工代表大会讨论。”"
    if said.negotiation is not None:
        return [Hit("方案明确不开展工资集体协商、由企业单方确定薪酬总额。", said.negotiation.evidence, advice)]
    return [Hit("方案未写明薪酬总额经工资集体协商确定，也未写明经职工代表大会（职工大会）讨论。", None, advice)]


@check("soe-congress")
def soe_congress(f: SchemeFacts) -> list[Hit]:
    advice = f"{REWORD}“本方案经企业党委前置研究讨论后，提交职工代表大会（职工大会）审议通过后实施。”"
    return _decided(f.said.congress, "职工代表大会（职工大会）审议",
                    "方案明确不提交职工代表大会（职工大会）审议，国有企业内部薪酬分配办法应经职代会审议讨论。",
                    "方案未写明提交职工代表大会（职工大会）审议讨论。", advice, f.said.approval)


@check("soe-party-review")
def soe_party_review(f: SchemeFacts) -> list[Hit]:
    advice = f"{REWORD}“本方案经企业党委（党组）前置研究讨论后，按程序提交决策。”"
    return _decided(f.said.party, "党委（党组）前置研究讨论",
                    "方案明确不经党委（党组）前置研究，工资总额预算、职工薪酬分配方案等重大事项应由党委前置研究讨论。",
                    "方案未写明经企业党委（党组）前置研究讨论。", advice)


@check("hq-wage-growth")
def hq_wage_growth(f: SchemeFacts) -> list[Hit]:
    g = f.growth
    if g.hq_avg_wage is None and "hq" in g.above:
        return [Hit("方案规定集团总部职工平均工资增幅可以达到或超过全部职工平均工资增幅；总部平均工资增幅原则上应低于全部职工。", g.above["hq"],
                    f"{REWORD}“集团总部职工平均工资增幅低于集团全部职工平均工资增幅。”")]
    if g.hq_avg_wage is None or g.all_avg_wage is None:
        return []
    found = checks.check_headquarters_growth(g.hq_avg_wage.value, g.all_avg_wage.value)
    advice = f"{REWORD}“集团总部职工平均工资增幅低于集团全部职工平均工资增幅（{percent(g.all_avg_wage.value)}）。”"
    return from_findings(found, g.hq_avg_wage.evidence, advice)


def _increment(f: SchemeFacts, who: str, advice: str) -> list[Hit]:
    inc = f.said.increment
    if inc is not None and inc.spread:
        return [Hit(f"方案规定工资总额增量平均分配、不作倾斜，未优先用于{who}。", inc.evidence, advice)]
    if inc is None or inc.first is not Priority.MANAGEMENT:
        return []
    return [Hit(f"方案规定工资总额增量优先用于管理人员，未优先用于{who}。", inc.evidence, advice)]


@check("increment-to-skill")
def increment_to_skill(f: SchemeFacts) -> list[Hit]:
    return _increment(f, "技术技能人才工资增长", f"{REWORD}“工资总额增量优先用于技术技能人才工资增长，向技术技能人才相对集中的子企业倾斜。”")


@check("increment-to-tech")
def increment_to_tech(f: SchemeFacts) -> list[Hit]:
    return _increment(f, "科技人才激励", f"{REWORD}“工资总额增量优先用于科技人才激励，向科技人才集中的子企业倾斜。”")


@check("internal-benefit-growth")
def internal_benefit_growth(f: SchemeFacts) -> list[Hit]:
    group = f.growth.wage_total or next((sub.growth for sub in f.subsidiaries if sub.kind == "集团"), None)
    hits = []
    if not any(sub.kind == "内部效益型" for sub in f.subsidiaries) and "internal" in f.growth.above:
        hits.append(Hit("方案允许内部效益型子企业工资总额增幅达到或超过集团公司增幅，原则上应不超过集团公司工资总额增幅。", f.growth.above["internal"],
                        f"{REWORD}“内部效益型子企业工资总额增幅不超过集团工资总额增幅。”"))
    for sub in f.subsidiaries:
        if sub.kind != "内部效益型":
            continue
        if sub.over_group:  # set above the group's growth by so many points, whatever the group's is
            hits.append(Hit(f"{sub.kind}子企业工资总额增幅可比集团高出{sub.growth.text}，原则上应不超过集团公司工资总额增幅。", sub.growth.evidence,
                            f"{REWORD}“{sub.kind}子企业工资总额增幅不超过集团工资总额增幅。”"))
            continue
        if group is None:
            continue
        found = checks.check_internal_benefit_growth(sub.growth.value, group.value, f"{sub.kind}子企业")
        advice = f"{REWORD}“{sub.kind}子企业工资总额增幅不超过集团工资总额增幅（{percent(group.value)}）。”"
        hits += from_findings(found, sub.growth.evidence, advice)
    return hits


def _share(key: str) -> str:
    return percent(param(key))


