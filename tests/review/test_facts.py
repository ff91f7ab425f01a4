"""Fact extraction from the forms schemes really use (tables, ratios, counts), and rule variants."""

from __future__ import annotations

import pytest
from review_samples import scheme_text

from assistant.review import review_text
from assistant.review.facts import extract_facts
from assistant.review.reader import text_blocks
from assistant.review.scheme import Scheme


def facts_of(text: str, tables=None) -> dict:
    return extract_facts(Scheme(text_blocks(text, markdown=True, tables=tables)))


def rules_of(text: str, tables=None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in review_text(text, tables).findings:
        out.setdefault(f.rule, set()).add(f.severity)
    return out


def test_ui_sample_gets_a_violation():
    # The scheme the browser test uploads: three standards of 基础工资 is a violation.
    text = ("某公司薪酬分配方案\n第一条 基础工资按岗位不同分为三个标准：一线岗位2000元，管理岗位3000元。\n"
            "第二条 绩效工资按月发放，年底统一考核。\n")
    assert rules_of(text)["basic-wage-one-standard"] == {"error"}


def test_basic_wage_table_with_different_amounts_is_a_violation():
    table = [["岗位", "基础工资", "岗位工资"], ["一线", "2000", "3000"], ["管理", "2500", "3500"]]
    assert "error" in rules_of(scheme_text(), [table]).get("basic-wage-one-standard", set())
    same = [["岗位", "基础工资", "岗位工资"], ["一线", "1800", "3000"], ["管理", "1800", "3500"]]
    assert "basic-wage-one-standard" not in rules_of(scheme_text(), [same])


def test_basic_wage_raise_is_not_two_standards():
    text = scheme_text({"p5": "第五条 基础工资全体职工统一执行，由每月1800元调整为1900元，随当地物价水平调整。"})
    assert "basic-wage-one-standard" not in rules_of(text)


def test_falling_pay_step_is_an_error():
    table = scheme_text().split("\n\n")[9].replace("3800 | 3950", "3800 | 3700")
    assert "error" in rules_of(scheme_text({"table": table}))["pay-step-arithmetic"]


def test_broadband_geometric_is_allowed_and_irregular_warned():
    geometric = [["薪酬等级", "一档", "二档", "三档", "四档"], ["七级", "8000", "8800", "9680", "10648"]]
    text = scheme_text(extra=("第十八条 科技人才实行宽带薪酬，各档标准见下表。",))
    assert "pay-step-arithmetic" not in rules_of(text, [geometric])
    irregular = [["薪酬等级", "一档", "二档", "三档", "四档"], ["七级", "41600", "42600", "45600", "47600"]]
    found = [f for f in review_text(text, [irregular]).findings if f.rule == "pay-step-arithmetic"]
    assert [f.severity for f in found] == ["warning"] and found[0].citations[0] == "soe_tech/art-29"


def test_vertical_step_table_is_read():
    table = [["薪级", "技师", "高级工"], ["1", "3500", "3000"], ["2", "3650", "3100"], ["3", "3850", "3200"]]
    rows = facts_of("岗位工资表", [table])["pay_steps"]
    assert {r["grade"]: r["amounts"] for r in rows} == {"技师": [3500, 3650, 3850], "高级工": [3000, 3100, 3200]}


def test_seniority_table():
    table = [["工龄", "年功工资（元/月）"], ["1-5年", "100"], ["6-10年", "150"], ["11-15年", "220"]]
    facts = facts_of("年功工资标准如下", [table])
    assert facts["seniority"]["amounts"] == [100, 150, 220]


def test_kpi_table_in_percent_and_fraction():
    table = [["考核指标", "权重"], ["利润总额", "45%"], ["营业收入", "25%"], ["安全生产", "30%"]]
    assert facts_of("部门考核", [table])["kpi_sets"][0]["weights"] == {"利润总额": 0.45, "营业收入": 0.25, "安全生产": 0.3}
    fractions = [["指标", "权重"], ["利润", "0.4"], ["收入", "0.6"]]
    assert facts_of("部门考核", [fractions])["kpi_sets"][0]["weights"] == {"利润": 0.4, "收入": 0.6}
    found = rules_of(scheme_text(), [table])
    assert "error" in found["kpi-weight"] and "warning" in found["kpi-count"]


def test_forced_distribution_forms():
    assert facts_of("考核等级：优秀不超过15%，良好60%，合格20%，不合格5%。")["forced_distribution"][0]["quotas"] == {
        "优秀": 0.15, "良好": 0.6, "合格": 0.2, "不合格": 0.05}
    table = [["考核等级", "比例"], ["A", "25%"], ["B", "65%"], ["C", "10%"]]
    assert facts_of("强制分布", [table])["forced_distribution"][0]["quotas"] == {"A": 0.25, "B": 0.65, "C": 0.1}


def test_pay_mix_ratio_and_two_categories_in_one_sentence():
    mix = facts_of("基础研究人员固定薪酬与浮动薪酬比例为5:5；应用研究人员岗位基本薪酬占40%。")["pay_mix"]
    assert {(m["category"], m["base_share"]) for m in mix} == {("基础研究", 0.5), ("应用研究", 0.4)}


def test_dividend_counts():
    text = scheme_text(extra=("第十八条 本次岗位分红，在岗职工200人，分红激励对象70人，其中技术技能人才40人。",))
    found = rules_of(text)
    assert found["dividend-recipients"] == {"error"} and found["dividend-tech-share"] == {"error"}


def test_profit_falls_while_wages_rise():
    text = scheme_text({"p3": "第三条 2024年利润总额下降3%，工资总额增长2%。"})
    assert rules_of(text)["two-lower"] == {"error"}


def test_second_lower_alone():
    text = scheme_text({"p3": "第三条 工资总额与经济效益挂钩。劳动生产率增长5%，职工平均工资增长7%。"})
    assert rules_of(text)["two-lower"] == {"error"}


def test_chief_counts():
    text = scheme_text(extra=("第十八条 设首席工程师8人，全公司科技人才100人。",))
    assert rules_of(text)["chief-post-quota"] == {"error"}


def test_adjustment_cycle_too_long():
    from calculators.params import all_parameters

    if "cycles.adjustment_years_max" not in all_parameters():
        pytest.skip("calculators parameter cycles.adjustment_years_max not defined yet")
    text = scheme_text({"p16": "第十六条 薪酬标准每5年调整一次。"})
    assert rules_of(text)["adjustment-mechanism"] == {"warning"}


def test_guideline_titles_do_not_make_a_company_state_owned():
    text = "第一条 依据《国有企业内部薪酬分配指引》，结合本公司实际，制定本方案。"
    assert facts_of(text)["ownership"] is None
    assert facts_of("第一条 本公司是一家民营企业，国有企业津贴管理规定不适用。")["ownership"] == "非公"


def test_growth_figures_and_fall():
    g = facts_of("2024年工资总额增长6%，利润总额下降2%，劳动生产率提高9%，人均工资增长4.5%。")["growth"]
    assert (g["wage_total_growth"], g["profit_growth"], g["productivity_growth"], g["avg_wage_growth"]) == (0.06, -0.02, 0.09, 0.045)


def test_full_width_digits():
    assert facts_of("部门考核指标及权重：利润５０％、收入３０％、安全２０％。")["kpi_sets"][0]["weights"] == {"利润": 0.5, "收入": 0.3, "安全": 0.2}


def test_quoted_guideline_text_states_no_fact():
    # A drafted scheme's annex quotes whole articles; those figures are the guideline's, not the company's.
    import knowledge

    annex = [line for uid in ("qujing_skill/art-8", "soe_tech/art-34", "soe_tech/art-40", "soe_internal/art-28")
             for line in knowledge.get_unit(uid).text.splitlines() if line.strip()]
    report = review_text(scheme_text(extra=("附件2 依据的指引条款原文", *(f"> {line}" for line in annex))))
    assert report.findings == []
    assert report.facts["pay_mix"] == [] and report.facts["dividend"] is None
    # A figure changed inside an otherwise quoted sentence is the scheme's own, and is checked.
    changed = "从事基础研究类的科技人才岗位基本薪酬占总薪酬的比例原则上应达到 50%以上。"
    assert rules_of(scheme_text(extra=(changed,)))["pay-mix-basic-research"] == {"error"}


@pytest.mark.parametrize("extra", [
    "第十八条 基础工资每人每月1800元，全年合计21600元。",  # a total is not a second standard
    "第十八条 绩效工资不得平均分配，坚决破除按人头平均发放的做法。",  # a denial of even pay
    "第十八条 从事基础研究的科技人才，承担重大项目期间岗位工资上浮10%。",  # a raise is not a pay mix
    "第十八条 首席技师津贴为岗位工资的10%。",  # an allowance rate is not a post quota
    "第十八条 年终奖金根据年度考核结果发放，不搞平均分配。",
])
def test_near_misses_raise_nothing(extra):
    assert rules_of(scheme_text(extra=(extra,))) == {}
