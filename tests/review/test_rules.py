"""Each rule against a scheme that breaks it and one that keeps it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import knowledge
from assistant.review import review_text
from assistant.review.rules import RULES

from review_samples import scheme_text


@dataclass(frozen=True)
class Case:
    rule: str
    severity: str  # what the breaking scheme must get from this rule
    breaks: dict[str, str | None] = field(default_factory=dict)
    breaks_extra: tuple[str, ...] = ()
    keeps: dict[str, str | None] = field(default_factory=dict)
    keeps_extra: tuple[str, ...] = ()
    needs_param: str | None = None  # a calculators parameter the rule reads


TECH = "第十八条 "
CASES = [
    Case("basic-wage-one-standard", "error",
         breaks={"p5": "第五条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元，辅助岗位1800元。"}),
    Case("basic-wage-price-adjust", "info",
         breaks={"p5": "第五条 基础工资全体职工统一为每月1800元。", "p16": "第十六条 薪酬标准每2年评估调整一次，结合企业效益和市场薪酬水平确定调整幅度。"}),
    Case("seniority-arithmetic", "warning",
         breaks={"p7": "第七条 年功工资按工龄段确定：工龄1-5年每月100元，6-10年每月150元，11-15年每月250元，16年及以上每月300元。"}),
    Case("pay-step-arithmetic", "warning",
         breaks={"table": scheme_text().split("\n\n")[9].replace("3800 | 3950", "3850 | 3950")}),
    Case("pay-mix-basic-research", "error",
         breaks_extra=(TECH + "从事基础研究的科技人才岗位基本薪酬占总薪酬的比例为50%。",),
         keeps_extra=(TECH + "从事基础研究的科技人才岗位基本薪酬占总薪酬的比例为65%。",)),
    Case("pay-mix-applied-research", "error",
         breaks_extra=(TECH + "从事应用研究的科技人才绩效薪酬占总薪酬的比例为40%。",),
         keeps_extra=(TECH + "从事应用研究的科技人才绩效薪酬占总薪酬的比例为55%。",)),
    Case("single-performance-min-wage", "warning",
         breaks={"p5": "第五条 基础工资全体职工统一为每月1800元，随当地物价水平调整。"},
         breaks_extra=(TECH + "直接面向市场的技术销售人员不设岗位基本薪酬，实行单一绩效薪酬。",),
         keeps_extra=(TECH + "直接面向市场的技术销售人员不设岗位基本薪酬，实行单一绩效薪酬，每月薪酬不低于当地最低工资标准。",)),
    Case("annual-salary-split", "error",
         breaks={"p17": "第十七条 对高技能领军人才可实行年薪制，基本年薪占60%，绩效年薪占40%。"}),
    Case("allowance-soe-policy", "info",
         breaks={"p9": "第九条 津贴补贴包括夜班补贴每班30元、师带徒津贴每带1名徒弟每月300元、班组长津贴每月200元。"}),
    Case("assess-before-allocate", "warning",
         breaks={"p10": "第十条 绩效工资每月随工资一并发放。"}),
    Case("performance-egalitarian", "error",
         breaks={"p10": "第十条 绩效工资按人头平均发放。"}),
    Case("performance-three-level-link", "info", breaks={"p14": None}),
    Case("allocation-formula", "info", breaks={"p14": None}),
    Case("kpi-count", "warning",
         breaks={"p12": "第十二条 部门绩效考核指标及权重：产量完成率40%、产品质量30%、安全生产30%。"}),
    Case("kpi-weight", "error",
         breaks={"p12": "第十二条 部门绩效考核指标及权重：产量完成率50%、产品质量20%、安全生产10%、成本控制10%、设备完好率5%、重点工作5%。"}),
    Case("forced-distribution-top", "warning",
         breaks={"p13": "第十三条 个人考核等级分为A、B、C三级，比例分别为30%、60%、10%。"}),
    Case("forced-distribution-sum", "error",
         breaks={"p13": "第十三条 个人考核等级分为A、B、C三级，比例分别为20%、80%、10%。"}),
    Case("assessment-cycle", "warning",
         breaks={"p11": "第十一条 绩效考核由人力资源部组织实施。", "p15": "第十五条 考核结果与岗位调整、薪级晋升挂钩。"}),
    Case("basic-research-cycle", "warning",
         breaks_extra=(TECH + "对从事基础研究的科技人才实行季度考核。",),
         keeps_extra=(TECH + "对从事基础研究的科技人才实行年度考核，重大项目以3年为一个考核周期。",),
         needs_param="cycles.basic_research_assessment_months_min"),
    Case("result-application", "info", breaks={"p15": "第十五条 考核结果存档备查。"}),
    Case("okr-pay-link", "error",
         breaks_extra=(TECH + "研发人员实行OKR管理，OKR完成情况直接与绩效奖金挂钩。",),
         keeps_extra=(TECH + "研发人员实行OKR管理，OKR重反馈、轻考核，其完成情况不与薪酬直接挂钩。",)),
    Case("two-lower", "error",
         breaks={"p3": "第三条 公司工资总额与经济效益挂钩。2024年利润总额预计增长5%，工资总额增长8%。"}),
    Case("hq-wage-growth", "error",
         breaks_extra=(TECH + "集团总部职工平均工资增长7%，全部职工平均工资增长5%。",),
         keeps_extra=(TECH + "集团总部职工平均工资增长3%，全部职工平均工资增长5%。",)),
    Case("soe-congress", "error",
         breaks={"p2": "第二条 本方案经公司党委前置研究讨论，报董事会批准后实施。"}),
    Case("collective-negotiation", "warning",
         breaks={"p1": "第一条 本公司为民营企业。", "p2": "第二条 本方案由总经理办公会批准后实施。"},
         keeps={"p1": "第一条 本公司为民营企业。", "p2": "第二条 本方案经工资集体协商确定后实施。"}),
    Case("soe-party-review", "warning",
         breaks={"p2": "第二条 本方案提交职工代表大会审议通过后实施。"}),
    Case("dividend-recipients", "error",
         breaks_extra=(TECH + "科技成果转化项目分红激励人数不超过在岗职工总数的35%，参与分红的技术技能人才占分红总人数的70%。",),
         keeps_extra=(TECH + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的70%。",)),
    Case("dividend-tech-share", "error",
         breaks_extra=(TECH + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的50%。",),
         keeps_extra=(TECH + "科技成果转化项目分红激励人数不超过在岗职工总数的20%，参与分红的技术技能人才占分红总人数的70%。",)),
    Case("chief-post-quota", "error",
         breaks_extra=(TECH + "首席工程师职位不超过科技人才总数的8%。",),
         keeps_extra=(TECH + "首席工程师职位不超过科技人才总数的3%。",)),
    Case("adjustment-mechanism", "warning",
         breaks={"p5": "第五条 基础工资全体职工统一为每月1800元。", "p16": None}),
    Case("excess-profit-rule", "warning",
         breaks_extra=(TECH + "对核心技术人才实行超额利润分享。",),
         keeps_extra=(TECH + "对核心技术人才实行超额利润分享，以超目标净利润增量为基数按15%计提。",)),
]


def _of(rule: str, text: str):
    return [f for f in review_text(text).findings if f.rule == rule]


def _needs(case: Case) -> None:
    if case.needs_param:
        from calculators.params import all_parameters

        if case.needs_param not in all_parameters():
            pytest.skip(f"calculators parameter {case.needs_param} not defined yet")


def test_every_rule_has_a_case():
    assert {c.rule for c in CASES} == set(RULES)
    assert len(RULES) >= 20


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_breaks(case: Case):
    _needs(case)
    found = _of(case.rule, scheme_text(case.breaks, case.breaks_extra))
    assert found, f"{case.rule} did not fire"
    assert case.severity in {f.severity for f in found}
    for f in found:
        assert f.citations and f.message
        unit = knowledge.get_unit(f.citations[0])
        assert unit is not None and f.quote and f.quote in unit.text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_keeps(case: Case):
    _needs(case)
    assert _of(case.rule, scheme_text(case.keeps, case.keeps_extra)) == []


def test_good_scheme_has_no_findings(good_text):
    report = review_text(good_text)
    assert [f.rule for f in report.findings] == []
    assert all(c.present for c in report.coverage)
