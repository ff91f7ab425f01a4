"""Facts read the way schemes really write them: figures in words, facts split across articles,
several conditions in one sentence, budget phrasing, whole tables, negation — and the applicability
that turns a breach into 违反 or 提醒."""

from __future__ import annotations

from decimal import Decimal

import pytest
from review_samples import scheme_text

from assistant.review import Ownership, review_text
from assistant.review.facts import read_facts
from assistant.review.reader import text_blocks
from assistant.review.scheme import Scheme

SOE = "第一条 本公司为曲靖市属国有独资企业。\n"
PRIVATE = "第一条 本公司为曲靖市的民营企业，本方案经工资集体协商确定。\n"


def facts_of(text: str, tables=None):
    return read_facts(Scheme(text_blocks(text, markdown=True, tables=tables)))


def found(text: str, tables=None, **kw) -> dict[str, list[str]]:
    """rule → severities found (JSON values), in order."""
    out: dict[str, list[str]] = {}
    for f in review_text(text, tables, **kw).findings:
        out.setdefault(f.rule, []).append(f.severity.value)
    return out


# ---- counts and weights in words or derived ---------------------------------------------------


def test_twelve_indicators_in_words_with_equal_weights():
    text = SOE + "第十二条 车间考核指标包括产量、质量、能耗、物耗、设备、停车、安全、环保、6S、成本、班组、培训，部门KPI共12项指标，各项权重均等。"
    assert found(text)["kpi-count"] == ["error"]
    assert "kpi-weight" not in found(text)  # 1/12 each is between 5% and 40%


def test_indicator_count_as_a_floor():
    assert found(SOE + "第十条 各岗位考核指标原则上不少于12项。")["kpi-count"] == ["error"]


def test_whole_indicator_table_is_counted():
    rows = [["序号", "考核指标", "权重"]] + [[str(i), f"指标{i}", "8%" if i <= 5 else "6%"] for i in range(1, 14)]
    rows[-1][2] = "18%"
    kpi = facts_of(SOE, [rows]).kpi_sets[0]
    assert kpi.size == 13 and sum(kpi.weights.values()) == 1
    assert found(SOE, [rows])["kpi-count"] == ["error"]


def test_each_weight_breach_is_reported_with_its_own_row():
    rows = [["序号", "指标名称", "权重"], ["1", "科研合同额", "50%"], ["2", "立项数", "15%"], ["3", "专利", "12%"],
            ["4", "成果转化", "10%"], ["5", "人才", "10%"], ["6", "安全保密", "3%"]]
    report = review_text(SOE, [rows])
    weights = [f for f in report.findings if f.rule == "kpi-weight"]
    assert sorted(f.evidence for f in weights) == ["1 | 科研合同额 | 50%", "6 | 安全保密 | 3%"]
    assert all(f.severity.value == "error" for f in weights)


# ---- every condition of a sentence; facts joined across articles -------------------------------


def test_both_dividend_limits_in_one_sentence():
    text = SOE + "第二条 公司在岗职工250人。\n第十五条 激励对象90人，占在岗职工的36%，其中技术技能人才40人。"
    got = found(text)
    assert got["dividend-recipients"] == ["error"] and got["dividend-tech-share"] == ["error"]


def test_dividend_counts_in_two_articles():
    text = SOE + "第二条 2023年末公司在岗职工200人，其中研发人员52人。\n第十五条 2024年度岗位分红激励对象70人，其中技术技能人才30人。"
    d = facts_of(text).dividend
    assert (d.employees.value, d.recipients.value, d.tech.value) == (200, 70, 30)
    got = found(text)
    assert got["dividend-recipients"] == ["error"] and got["dividend-tech-share"] == ["error"]


def test_dividend_at_the_limits_is_compliant():
    text = SOE + "第二条 本院在岗职工200人。\n第十五条 2024年度分红激励对象60人，其中技术技能人才36人。"
    assert "dividend-recipients" not in found(text) and "dividend-tech-share" not in found(text)


def test_chief_posts_against_technology_staff_in_another_article():
    text = SOE + "第二条 现有在岗职工238人，其中科技人才160人。\n第十一条 首席研究员、首席工程师岗位共设12个，聘期三年。"
    assert found(text)["chief-post-quota"] == ["error"]
    assert "chief-post-quota" not in found(text.replace("共设12个", "共设8个"))


# ---- budget phrasing -------------------------------------------------------------------------


def test_budget_phrasing_is_wage_total_growth():
    text = SOE + ("第五条 2024年度主要经营指标为：利润总额预计增长3%；全员劳动生产率预计提高6%。\n"
                  "第六条 2024年度公司工资总额预算8,400万元，比上年增加9%。\n"
                  "第七条 2024年在岗职工平均工资预计增长8.5%，其中技能岗位人员平均工资增幅高于公司平均水平1个百分点。")
    g = facts_of(text).growth
    assert (g.wage_total.value, g.profit.value, g.avg_wage.value, g.productivity.value) == (
        Decimal("0.09"), Decimal("0.03"), Decimal("0.085"), Decimal("0.06"))
    assert found(text)["two-lower"] == ["error", "error"]


def test_change_against_last_year_belongs_to_the_amount_before_it():
    text = SOE + "（一）集团2024年工资总额预算为33.81亿元，较上年清算数增长7%；集团利润总额预算增长8.5%。"
    assert facts_of(text).growth.wage_total.value == Decimal("0.07")


def test_growth_derived_from_two_years_of_a_budget_table():
    rows = [["指标", "2023年实际", "2024年预算"], ["利润总额（万元）", "3,000", "3,150"], ["工资总额（万元）", "4,000", "4,400"]]
    g = facts_of(SOE, [rows]).growth
    assert (g.profit.value, g.wage_total.value) == (Decimal("0.05"), Decimal("0.1"))
    assert found(SOE, [rows])["two-lower"] == ["error"]


def test_profit_falls_and_wage_total_stays():
    text = SOE + "第四条 2024年集团预计利润总额较上年下降6%。\n第五条 2024年集团工资总额按上年实际发放水平保持不变。"
    assert found(text)["wage-follows-benefit"] == ["error"]


def test_subsidiary_figures_are_not_the_company_figures():
    text = SOE + "第四条 集团工资总额增长6%，利润总额增长9%。\n第五条 内部效益型子企业工资总额增幅5%，支持保障型子企业工资总额增长4%。"
    assert facts_of(text).growth.wage_total.value == Decimal("0.06")
    assert "internal-benefit-growth" not in found(text)
    assert found(text.replace("增幅5%", "增幅8%"))["internal-benefit-growth"] == ["error"]


# ---- names paired with their own figures --------------------------------------------------------


@pytest.mark.parametrize("sentence, top", [
    ("个人考核等级分为A、B、C三级，比例分别为20%、70%、10%。", ("A", Decimal("0.2"))),
    ("个人绩效等级S/A/B/C/D，比例为5%/20%/60%/10%/5%。", ("S", Decimal("0.05"))),
    ("考核等级比例：优秀不超过15%，良好60%，合格20%，不合格5%。", ("优秀", Decimal("0.15"))),
    ("年度评级分布比例为杰出及优秀合计35%、合格55%、待改进10%。", ("杰出及优秀", Decimal("0.35"))),
])
def test_grade_names_keep_their_own_shares(sentence, top):
    assert facts_of(SOE + sentence).distributions[0].top == top


def test_grade_rate_words_are_indicators_not_grades():
    text = SOE + "第十三条 检修车间考核指标及权重为：安全生产45%，检修计划完成率20%，检修质量一次合格率15%，备件费用10%，消缺及时率10%。"
    assert facts_of(text).distributions == []


# ---- 科技人才指引第四十九条 ------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "科技序列岗位年度调薪幅度按管理序列同职级调薪幅度的80%执行。",
    "研发序列年度调薪预算为管理序列调薪预算的八成。",
    "研发序列各职级岗位基本薪酬标准按同职级管理序列的90%确定。",
])
def test_technology_staff_below_managers(sentence):
    assert found(SOE + sentence)["tech-pay-vs-management"] == ["error"]


def test_managers_scored_against_skilled_staff_is_not_technology_pay():
    text = SOE + "第十七条 管理、专业技术人员计分系数按技能人员的90%至110%确定。"
    assert "tech-pay-vs-management" not in found(text)


# ---- negation read before rules and coverage --------------------------------------------------------


def test_refusing_the_congress_and_bargaining():
    text = scheme_text({"p2": "第二条 本方案不经职工代表大会审议，也不进行工资集体协商。"})
    report = review_text(text)
    assert [f.severity.value for f in report.findings if f.rule == "soe-congress"] == ["error"]
    item = next(c for c in report.coverage if c.topic == "职代会审议或工资集体协商")
    assert not item.present and item.denied
    private = review_text(text, ownership=Ownership.NON_PUBLIC)
    assert [f.severity.value for f in private.findings if f.rule == "collective-negotiation"] == ["error"]


@pytest.mark.parametrize("sentence", [
    "第十八条 绩效工资不得平均分配，坚决破除按人头平均发放的做法。",
    "第十八条 年终奖金根据年度考核结果发放，不搞平均分配。",
    "第十八条 基础工资每人每月1800元，全年合计21600元。",
    "第十八条 从事基础研究的科技人才，承担重大项目期间岗位工资上浮10%。",
    "第十八条 首席技师津贴为岗位工资的10%。",
    "第十八条 研发人员实行OKR管理，OKR用于目标对齐与过程复盘，不直接与奖金挂钩；KPI用于年终奖核算。",
    "第十八条 科技人才绩效考核依据能力、实绩、贡献，不以论文数量、职称、学历和奖项作为绩效等级的主要依据。",
])
def test_near_misses_raise_nothing(sentence):
    assert found(scheme_text(extra=(sentence,))) == {}


# ---- applicability: whose guideline, which clause ----------------------------------------------------


def test_private_firm_reads_wage_growth_against_article_six():
    text = PRIVATE + "第三条 2024年工资总额比上年增长12%，员工人均工资增长10%；预计利润总额增长4%，人均产值增长5%。"
    got = found(text)
    assert "two-lower" not in got and got["wage-fit-productivity"] == ["warning"]
    report = review_text(text)
    assert next(r for r in report.rules if r.rule == "two-lower").status == "不适用"


def test_state_guidelines_only_guide_a_private_firm():
    text = PRIVATE + "第九条 研发序列年度调薪预算为管理序列调薪预算的八成。\n第十条 部门KPI共13项。"
    got = found(text)
    assert got["tech-pay-vs-management"] == ["warning"] and got["kpi-count"] == ["warning"]
    assert "参考" in review_text(text).findings[0].message


def test_outside_qujing_the_qujing_guideline_is_a_reference():
    text = "第一条 本公司为大理州国资委出资的国有独资企业，位于大理市。\n第七条 2024年工资总额同比增长12%；同期营业利润增长5%。"
    assert found(text)["two-lower"] == ["warning"]
    assert found(text, region="曲靖市")["two-lower"] == ["error"]


def test_ownership_and_region_are_read_and_can_be_set():
    report = review_text("第二条 公司为中国某某装备集团有限公司控股的三级子公司。\n第二十条 本办法经公司党委会前置研究后实施。")
    assumed = {a.topic: a for a in report.assumptions}
    assert assumed["所有制"].value == "国有" and not assumed["所有制"].given
    assert assumed["所在地区"].value == "未写明"
    given = {a.topic: a for a in review_text("第一条 本公司为民营企业。", ownership=Ownership.STATE, region="曲靖").assumptions}
    assert given["所有制"].value == "国有" and given["所有制"].given and given["所在地区"].value == "曲靖"


def test_guideline_titles_do_not_make_a_company_state_owned_or_local():
    text = "第一条 依据《国有企业内部薪酬分配指引》《曲靖市企业技能人才薪酬分配指引（试行）》，结合本公司实际，制定本方案。"
    assumed = {a.topic: a.value for a in review_text(text).assumptions}
    assert assumed == {"所有制": "非公有制", "所在地区": "未写明", "适用人员": "未写明"}


# ---- tables typed in text, words for figures ------------------------------------------------------


def test_space_aligned_table_in_a_text_file():
    text = SOE + (
        "岗位工资标准表（单位：元/月）\n"
        "岗位等级    对应岗位            一级    二级    三级    四级    五级\n"
        "A级         设备维修技师        2600    2750    2950    3200    3500\n"
        "B级         关键工序操作工      2200    2300    2400    2500    2600")
    steps = facts_of(text).steps
    assert [(s.name, s.amounts[-1]) for s in steps] == [("A级", 3500), ("B级", 2600)]
    report = review_text(text)
    assert [f.evidence for f in report.findings if f.rule == "pay-step-arithmetic"] == [
        "A级         设备维修技师        2600    2750    2950    3200    3500"]


@pytest.mark.parametrize("sentence, share", [
    ("基本年薪占年薪总额的六成，按月发放；绩效年薪占四成。", Decimal("0.6")),
    ("年薪由基本年薪和绩效年薪构成，基本年薪与绩效年薪按4:6确定。", Decimal("0.4")),
    ("绩效年薪占年薪总额的70%。", Decimal("0.3")),
])
def test_annual_salary_split_in_words_and_ratios(sentence, share):
    assert facts_of(SOE + sentence).annual_salary.base_share.value == share


def test_basic_research_share_as_a_ratio_in_words():
    text = SOE + "第九条 基础研究类人员当期薪酬中，岗位基本薪酬与绩效薪酬按五五比例确定。"
    assert found(text)["pay-mix-basic-research"] == ["error"]


def test_applied_research_performance_capped_below_the_floor():
    text = SOE + "第九条 从事新药应用研究和工艺开发的人员，绩效薪酬占当期薪酬的比例不超过30%。"
    assert found(text)["pay-mix-applied-research"] == ["error"]
    assert "pay-mix-applied-research" not in found(text.replace("不超过30%", "不低于50%"))


def test_quoted_guideline_text_states_no_fact():
    # A drafted scheme's annex quotes whole articles; those figures are the guideline's, not the company's.
    import knowledge

    annex = [line for uid in ("qujing_skill/art-8", "soe_tech/art-34", "soe_tech/art-40", "soe_internal/art-28")
             for line in knowledge.get_unit(uid).text.splitlines() if line.strip()]
    text = scheme_text(extra=("附件2 依据的指引条款原文", *(f"> {line}" for line in annex)))
    assert review_text(text).findings == []
    assert facts_of(text).pay_mix == [] and facts_of(text).dividend is None
    changed = "从事基础研究类的科技人才岗位基本薪酬占总薪酬的比例原则上应达到 50%以上。"
    assert found(scheme_text(extra=(changed,)))["pay-mix-basic-research"] == ["error"]


def test_word_table_with_a_row_name_merged_down(tmp_path):
    import docx

    from assistant.review import review_file

    document = docx.Document()
    document.add_paragraph("第一条 本院为省属国有独资科研企业。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["人员类别", "岗位基本薪酬占比", "绩效薪酬占比"], ["基础研究类", "65%", "35%"], ["", "45%", "55%"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    path = tmp_path / "合并.docx"
    document.save(str(path))
    found = [f.evidence for f in review_file(path).findings if f.rule == "pay-mix-basic-research"]
    assert found == ["基础研究类 | 45% | 55%"]
