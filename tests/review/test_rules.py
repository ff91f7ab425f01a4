"""Each rule of the table against a scheme that breaks it and one that keeps it (a state-owned
scheme in 曲靖, so every guideline binds and the clause's own words give the severity)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from review_samples import scheme_text

import knowledge
from assistant.review import review_text
from assistant.review.applicability import Ownership, table
from assistant.review.rules import CHECKS


@dataclass(frozen=True)
class Case:
    rule: str
    severity: str  # what the breaking scheme must get from this rule (JSON value)
    breaks: dict[str, str | None] = field(default_factory=dict)
    breaks_extra: tuple[str, ...] = ()
    keeps: dict[str, str | None] = field(default_factory=dict)
    keeps_extra: tuple[str, ...] = ()


X = "第十八条 "
STEPS = scheme_text().split("\n\n")[9]
CASES = [
    Case("two-lower", "error", breaks={"p3": "第三条 公司工资总额与经济效益挂钩。2024年利润总额预计增长5%，工资总额增长8%。"}),
    Case("wage-follows-benefit", "error", breaks={"p3": "第三条 2024年利润总额预计下降4%，工资总额保持不变。"}),
    Case("wage-follows-benefit", "error", breaks_extra=(X + "公司工资总额只增不减，不因效益下降而减少。",)),
    Case("high-wage-subsidiary", "error", breaks_extra=(X + "物流公司职工工资水平偏高，其工资总额增幅不作调控。",),
         keeps_extra=(X + "物流公司职工工资水平偏高，其工资总额增幅控制在3%以内。",)),
    Case("external-benefit-linkage", "warning", breaks_extra=(X + "外部效益型子企业工资总额保持稳定增长，不与经济效益挂钩。",),
         keeps_extra=(X + "外部效益型子企业工资总额与利润总额强联动，经济效益降、工资总额降。",)),
    Case("wage-fit-productivity", "warning",
         breaks={"p1": "第一条 本公司是曲靖市的民营企业。", "p2": "第二条 本方案经工资集体协商确定，提交职工代表大会通过。",
                 "p3": "第三条 2024年工资总额增长12%，利润总额增长4%，劳动生产率提高5%。"},
         keeps={"p1": "第一条 本公司是曲靖市的民营企业。", "p2": "第二条 本方案经工资集体协商确定，提交职工代表大会通过。",
                "p3": "第三条 2024年工资总额增长7%，利润总额增长5%，劳动生产率提高8%，职工平均工资增长6%。"}),
    Case("collective-negotiation", "error",
         breaks={"p1": "第一条 本公司为曲靖市民营企业。", "p2": "第二条 本方案由总经理办公会批准后实施，不开展工资集体协商。"},
         keeps={"p1": "第一条 本公司为曲靖市民营企业。", "p2": "第二条 本方案经工资集体协商确定后实施。"}),
    Case("soe-congress", "error", breaks={"p2": "第二条 本方案经公司党委前置研究讨论，报董事会批准后实施。"}),
    Case("soe-party-review", "error", breaks={"p2": "第二条 本方案无需党委前置研究，提交职工代表大会审议通过后实施。"}),
    Case("hq-wage-growth", "error", breaks_extra=(X + "集团总部职工平均工资增长7%，全部职工平均工资增长5%。",),
         keeps_extra=(X + "集团总部职工平均工资增长3%，全部职工平均工资增长5%。",)),
    Case("increment-to-skill", "error", breaks_extra=(X + "工资总额增量优先用于管理人员薪酬调整。",),
         keeps_extra=(X + "工资总额增量优先用于技术技能人才工资增长。",)),
    Case("increment-to-tech", "error", breaks_extra=(X + "工资总额增量优先用于中层管理人员。",),
         keeps_extra=(X + "工资总额增量优先用于科技人才激励。",)),
    Case("internal-benefit-growth", "error", breaks_extra=(X + "内部效益型子企业工资总额增幅按12%安排。",),
         keeps_extra=(X + "内部效益型子企业工资总额增幅按6%安排。",)),
    Case("wage-total-items", "error", breaks_extra=(X + "夜班补贴、加班工资单独列支，不纳入工资总额。",),
         keeps_extra=(X + "夜班补贴、加班工资均纳入工资总额统一管理。",)),
    Case("budget-scope", "error", breaks_extra=(X + "工资总额预算编制范围与财务决算合并报表范围不一致，不含新并购企业。",),
         keeps_extra=(X + "工资总额预算编制范围与财务决算合并报表范围一致。",)),
    Case("basic-wage-one-standard", "error",
         breaks={"p5": "第五条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元，辅助岗位1800元。"}),
    Case("basic-wage-price-adjust", "info",
         breaks={"p5": "第五条 基础工资全体职工统一为每月1800元。", "p16": "第十六条 薪酬标准每2年评估调整一次，结合企业效益和市场薪酬水平确定调整幅度。"}),
    Case("seniority-arithmetic", "error",
         breaks={"p7": "第七条 年功工资按工龄段确定：工龄1-5年每月100元，6-10年每月150元，11-15年每月250元，16年及以上每月300元。"}),
    Case("pay-step-arithmetic", "error", breaks={"table": STEPS.replace("3800 | 3950", "3850 | 3950")}),
    Case("job-evaluation", "error", breaks_extra=(X + "岗位工资按学历确定，不开展岗位评价。",),
         keeps_extra=(X + "岗位工资以岗位评价结果为基础确定。",)),
    Case("allowance-soe-policy", "info",
         breaks={"p9": "第九条 津贴补贴包括夜班补贴每班30元、师带徒津贴每带1名徒弟每月300元、班组长津贴每月200元。"}),
    Case("assess-before-allocate", "warning", breaks={"p10": "第十条 绩效工资每月随工资一并发放。", "p14": None}),
    Case("performance-egalitarian", "error", breaks={"p10": "第十条 绩效工资按人头平均发放。"}),
    Case("performance-three-level-link", "info", breaks={"p14": None}),
    Case("allocation-formula", "info", breaks={"p14": None}),
    Case("assessment-cycle", "warning",
         breaks={"p11": "第十一条 绩效考核由人力资源部组织实施。", "p15": "第十五条 考核结果与岗位调整、薪级晋升挂钩。"}),
    Case("promotion-assessment-link", "error", breaks_extra=(X + "薪级每年自动晋升一档，不与年度考核结果挂钩。",)),
    Case("annual-salary-split", "error", breaks={"p17": "第十七条 对高技能领军人才可实行年薪制，基本年薪占60%，绩效年薪占40%。"}),
    Case("annual-salary-payment", "error", breaks={"p17": "第十七条 对高技能领军人才实行年薪制，基本年薪占40%，年底一次性发放；绩效年薪占60%。"}),
    Case("agreement-pay-term", "error", breaks_extra=(X + "对技能大师实行协议薪酬，约定绩效目标，协议长期有效。",),
         keeps_extra=(X + "对技能大师实行协议薪酬，约定绩效目标，协议期三年。",)),
    Case("dividend-conditions", "error", breaks_extra=(X + "岗位分红不设业绩条件，在岗人员人人有份。",),
         keeps_extra=(X + "岗位分红以完成年度利润目标为前提，按个人考核系数分配。",)),
    Case("agreement-pay-targets", "error", breaks_extra=(X + "对技能大师实行协议薪酬，协议期内不设绩效考核要求。",),
         keeps_extra=(X + "对技能大师实行协议薪酬，协议中约定年度绩效目标和考评周期。",)),
    Case("excess-profit-rule", "warning", breaks_extra=(X + "对核心技术人才实行超额利润分享。",),
         keeps_extra=(X + "对核心技术人才实行超额利润分享，以超目标净利润增量为基数按15%计提。",)),
    Case("chief-post-quota", "error", breaks_extra=(X + "首席工程师职位不超过科技人才总数的8%。",),
         keeps_extra=(X + "首席工程师职位不超过科技人才总数的3%。",)),
    Case("competency-requirements", "error", breaks_extra=(X + "技术职级评定不设能力素质要求，按工作年限确定。",),
         keeps_extra=(X + "各技术职级明确最低能力素质要求。",)),
    Case("classified-assessment", "error", breaks_extra=(X + "全体科技人员统一执行同一套考核指标，不区分研究类型。",)),
    Case("merit-not-papers", "error", breaks_extra=(X + "科研人员的绩效等级主要依据论文数量和职称等级确定。",),
         keeps_extra=(X + "科研人员绩效考核不以论文数量、职称作为绩效等级的主要依据。",)),
    Case("basic-research-cycle", "error", breaks_extra=(X + "对从事基础研究的科技人才实行季度考核。",),
         keeps_extra=(X + "对从事基础研究的科技人才实行年度考核，重大项目以3年为一个考核周期。",)),
    Case("okr-pay-link", "error", breaks_extra=(X + "研发人员实行OKR管理，OKR完成情况直接与绩效奖金挂钩。",),
         keeps_extra=(X + "研发人员实行OKR管理，OKR重反馈、轻考核，其完成情况不与薪酬直接挂钩。",)),
    Case("base-pay-monthly", "error", breaks_extra=(X + "科技人才岗位基本薪酬按季度发放。",),
         keeps_extra=(X + "科技人才岗位基本薪酬按月发放。",)),
    Case("excess-profit-mature", "warning",  # 可 in the shared table: advice
         breaks_extra=(X + "公司发展成熟、经济效益良好，对科技人才实施超额利润分享，以超目标净利润增量按15%计提。",),
         keeps_extra=(X + "公司处于初创期，对科技人才实施超额利润分享，以超目标净利润增量按15%计提。",)),
    Case("pay-mix-basic-research", "error", breaks_extra=(X + "从事基础研究的科技人才岗位基本薪酬占总薪酬的比例为50%。",),
         keeps_extra=(X + "从事基础研究的科技人才岗位基本薪酬占总薪酬的比例为65%。",)),
    Case("pay-mix-applied-research", "error", breaks_extra=(X + "从事应用研究的科技人才绩效薪酬占总薪酬的比例为40%。",),
         keeps_extra=(X + "从事应用研究的科技人才绩效薪酬占总薪酬的比例为55%。",)),
    Case("single-performance-min-wage", "warning",
         breaks_extra=(X + "直接面向市场的技术销售人员不设岗位基本薪酬，实行单一绩效薪酬。",),
         keeps_extra=(X + "直接面向市场的技术销售人员不设岗位基本薪酬，实行单一绩效薪酬，每月薪酬不低于当地最低工资标准。",)),
    Case("dividend-recipients", "error",
         breaks_extra=(X + "科技成果转化项目分红激励人数不超过在岗职工总数的35%，参与分红的技术技能人才占分红总人数的70%。",),
         keeps_extra=(X + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的70%。",)),
    Case("dividend-tech-share", "error",
         breaks_extra=(X + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的50%。",),
         keeps_extra=(X + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的70%。",)),
    Case("tech-pay-vs-management", "error", breaks_extra=(X + "科技人才年度调薪幅度按同职级管理人员调薪幅度的80%执行。",),
         keeps_extra=(X + "科技人才薪酬水平和年度调薪幅度不低于同职级管理人员。",)),
    Case("adjustment-mechanism", "error", breaks={"p16": "第十六条 薪酬标准每5年调整一次。"}),
    Case("tenure", "error", breaks_extra=(X + "技术职级一经聘任长期有效，不设任期。",),
         keeps_extra=(X + "技术职级实行聘任制，聘期三年，期满重新评聘。",)),
    Case("grade-promotion-pace", "error", breaks_extra=(X + "新进职工职级每年晋升一级。",),
         keeps_extra=(X + "新进职工一般每3年晋升一个职级。",)),
    Case("kpi-count", "error",
         breaks={"p12": "第十二条 部门考核指标共12项，各项权重均等。"}),
    Case("kpi-weight", "error",
         breaks={"p12": "第十二条 部门绩效考核指标及权重：产量完成率50%、产品质量20%、安全生产10%、成本控制10%、设备完好率5%、重点工作5%。"}),
    Case("performance-weight-main", "error", breaks_extra=(X + "个人绩效考核中，业绩指标权重30%，能力指标权重30%，态度指标权重40%。",),
         keeps_extra=(X + "个人绩效考核中，业绩指标权重60%，能力指标权重20%，态度指标权重20%。",)),
    Case("forced-distribution-top", "error", breaks={"p13": "第十三条 个人考核等级分为优秀、合格、不合格，优秀等次人数不设上限。"}),
    Case("forced-distribution-sum", "error", breaks={"p13": "第十三条 个人考核等级分为A、B、C三级，比例分别为20%、80%、10%。"}),
    Case("result-application", "error", breaks={"p15": "第十五条 年度考核结果仅作为评先评优依据，不与薪酬分配挂钩。"}),
    Case("wage-total-budget", "error", breaks_extra=(X + "公司工资总额不实行预算管理，按各月实际发放数列支。",),
         keeps_extra=(X + "年度利润总额未完成预算目标的，相应核减工资总额。",)),
    Case("skill-tilt-soe", "error", breaks_extra=(X + "公司薪酬分配向经营管理岗位倾斜。",),
         keeps_extra=(X + "公司薪酬分配向一线技能岗位倾斜，不向管理岗位倾斜。",)),
    Case("leading-talent-raise", "error", breaks_extra=(X + "高技能领军人才的薪酬与其他技能人员执行同一标准。",),
         keeps_extra=(X + "高技能领军人才参照高级管理人员标准提高薪酬待遇。",)),
]


def _of(rule: str, text: str):
    return [f for f in review_text(text).findings if f.rule == rule]


def test_every_rule_of_the_table_has_a_check_and_a_case():
    assert set(CHECKS) == set(table().rules)
    assert {c.rule for c in CASES} == set(table().rules)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_breaks(case: Case):
    found = _of(case.rule, scheme_text(case.breaks, case.breaks_extra))
    assert found, f"{case.rule} did not fire"
    assert case.severity in {f.severity.value for f in found}
    for f in found:
        unit = knowledge.get_unit(f.citations[0])
        assert len(f.citations) == 1 and f.citations[0] in {table().rules[case.rule].clause_for(o) for o in Ownership}
        assert unit is not None and f.quote and f.quote in unit.text
        assert f.name == table().rules[case.rule].name and f.suggestion


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_keeps(case: Case):
    assert _of(case.rule, scheme_text(case.keeps, case.keeps_extra)) == []


def test_good_scheme_has_no_findings(good_text):
    report = review_text(good_text)
    assert [f.rule for f in report.findings] == []
    assert all(c.present for c in report.coverage)


def test_a_rule_declared_in_the_table_reads_a_real_statement():
    """`breached_by` and `left_out` rules have no function of their own: a statement the facts do not read, or one
    without its evidence (a `Mentioned`), fails when the table loads, never silently at review."""
    from assistant.review.applicability import Breach, LeftOut, Level
    from assistant.review.rules.base import breached, left_out

    declared = [spec for spec in table().rules.values() if spec.breached_by is not None or spec.left_out is not None]
    assert declared and all(spec.id in CHECKS for spec in declared)
    with pytest.raises(ValueError, match="no_such_statement"):
        breached("tenure", Breach(statement="no_such_statement", finding="…", rewording="…"))
    with pytest.raises(ValueError, match="congress"):
        breached("soe-congress", Breach(statement="congress", finding="…", rewording="…"))
    with pytest.raises(ValueError, match="奖金工资"):  # neither a pay component nor a statement
        left_out("allocation-formula", LeftOut(topic="奖金工资", missing="formula", finding="…", addition="…", level=Level.ADVICE))
