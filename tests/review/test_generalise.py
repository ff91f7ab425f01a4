"""General mechanisms behind the dev3 fixes, each proved on sentences and tables written apart from
the review sets: provisions written in a 项目 | 规定 table, staff counted in a table headed 在岗人数,
grades across the top of a table, 业绩/能力/态度 weighed in a table, a grade held for good (一经…不再),
a company average stated only as a ceiling, a subsidiary's growth set as points above the group's,
a high-wage subsidiary named by comparison, an increment spread evenly, a weight given as a share of
the total score with the rest shared evenly, indicators listed as 考核项目; growth written as more than
last year, as two years' amounts in words (上年/今年) or against an earlier year's base, one figure for
two measures; assessment refused however put; steps gained automatically; a limit before the whole."""

from __future__ import annotations

import pytest
from review_samples import rules_found, scheme_text

from assistant.review import review_text

SOE = "第一条 本公司为国有独资企业，注册地成都市。\n"
QJ = "第一条 本公司为曲靖市国资委出资的国有独资企业。\n"



# ---- breaches ------------------------------------------------------------------------------------

BREACHES = [
    (SOE + "第二十条 各职级任职条件另行规定。", [[["事项", "做法"], ["基本薪酬支付方式", "每半年随考核结果一次性支付"],
                                           ["考核周期", "年度"], ["备注", "由人力资源部负责解释"]]], "base-pay-monthly"),
    (SOE + "第二十条 各职级任职条件另行规定。", [[["事项", "做法"], ["新员工职级晋升", "入职后须满四年方可申请晋升"],
                                           ["考核周期", "年度"], ["备注", "由人力资源部负责解释"]]], "grade-promotion-pace"),
    (SOE + "第九条 本年度岗位分红激励对象共110人，其中技术和技能骨干80人。",
     [[["类别", "在岗人数"], ["研发", "120"], ["生产", "200"], ["合计", "320"]]], "dividend-recipients"),
    (SOE + "第十条 个人考核等次比例见下表。", [[["考核等次", "A", "B", "C", "D"], ["占比", "20%", "45%", "35%", "5%"]]],
     "forced-distribution-sum"),
    (SOE + "第十条 个人考核维度及权重见下表。", [[["评价维度", "权重"], ["工作业绩", "25%"], ["专业能力", "45%"], ["职业态度", "30%"]]],
     "performance-weight-main"),
    (SOE + "第十三条 技术职级一经评定，除本人申请外不再变动。", None, "tenure"),
    (SOE + "第五条 总部员工人均工资由15万元提高到16.2万元。\n第六条 全公司职工平均工资增长控制在6%以内。", None, "hq-wage-growth"),
    (SOE + "第六条 内部效益型子企业工资总额增长可较集团增幅多一个百分点。", None, "internal-benefit-growth"),
    (SOE + "第七条 人均工资超过同行业平均水平的子公司，不再压减其工资总额。", None, "high-wage-subsidiary"),
    (SOE + "第八条 工资总额增量部分由各单位按人头平均分配。", None, "increment-to-skill"),
    (SOE + "第八条 工资总额增量部分由各单位按人头平均分配。", None, "increment-to-tech"),
    (SOE + "第九条 部门考核指标共六项，其中利润指标一项占考核总分的五成，其余五项平分剩余分值。", None, "kpi-weight"),
    (SOE + "第九条 班组考核项目有：产量、质量、安全、成本、设备、现场、出勤、培训、创新、协作、节能和环保。", None, "kpi-count"),
    (QJ + "问：今年工资总额怎么安排？\n答：比去年多安排百分之七。\n问：公司效益呢？\n答：利润比去年增长百分之四左右。", None, "two-lower"),
    (QJ + "上年利润总额5000万元，今年预计5150万元；上年工资总额3000万元，今年安排3150万元。", None, "two-lower"),
    (QJ + "第三条 2024年度全员劳动生产率为每人32万元，2025年预计为每人33.6万元。\n第四条 2025年职工平均工资增长6%。", None, "two-lower"),
    (QJ + "第三条 2025年工资总额预算为九千八百万元，较2024年实际发放的九千万元有所增加；同期利润总额预计增长百分之五。", None, "two-lower"),
    (QJ + "第三条 2025年工资总额增幅与利润总额增幅同为6%。", None, "two-lower"),
    (QJ + "第十条 绩效工资按岗位标准每月足额发放，年终不再考核。", None, "assess-before-allocate"),
    (QJ + "第十四条 薪级每满三年自动上调一级。", None, "promotion-assessment-link"),
    (QJ + "第十四条 员工薪级原则上每两年调升一级，考核结果不作为调级依据。", None, "promotion-assessment-link"),
    (SOE + "第九条 考核指标为：利润总额权重45%、营业收入20%、成本费用20%、安全生产15%。", None, "kpi-weight"),
    (SOE + "第二十条 应用研究人员的绩效薪酬一般不超过薪酬总额的百分之四十。", None, "pay-mix-applied-research"),
    (QJ + "4 岗位工资\n4.2 薪级标准\n4.2.1 一级：3100元\n4.2.2 二级：3250元\n4.2.3 三级：3450元\n4.2.4 四级：3700元", None, "pay-step-arithmetic"),
    (QJ + "2 工资总额\n2.1 2025年工资总额安排8.4亿元，2024年为8亿元。\n2.2 2025年利润总额预计增长3%。", None, "two-lower"),
    (QJ + "第十二条 车间考核指标主要包括：产量、质量、安全、成本、出勤、设备、现场、培训、创新、协作、节能、环保。", None, "kpi-count"),
    (QJ + "第三十条 本办法经总经理办公会研究同意后施行。", None, "soe-congress"),
    (QJ + "问：绩效工资跟考核挂钩吗？\n答：不挂钩，按岗位标准每月发放。", None, "assess-before-allocate"),
    (QJ + "第十条 班组绩效奖金：每人每月800元，与考核结果没有关系。", None, "assess-before-allocate"),
    (SOE + "第十三条 专业技术职级聘任实行终身制。", None, "tenure"),
    (SOE + "第十三条 管理人员职级评定后不再变动。", None, "tenure"),
    (QJ + "第七条 岗位工资按员工的学历和工龄核定。", None, "job-evaluation"),
    (QJ + "第七条 岗位工资暂不开展岗位评价，沿用原标准。", None, "job-evaluation"),
    (QJ + "第十一条 领军人才年薪中，基本年薪于年度终了一次性兑现。", None, "annual-salary-payment"),
    (QJ + "第十一条 对引进技能大师实行协议薪酬，不约定聘期。", None, "agreement-pay-term"),
    (QJ + "第十一条 岗位分红不论企业盈亏，每人每年发放一万元。", None, "dividend-conditions"),
    (SOE + "第二十条 实行单一绩效薪酬的技术开发人员，工资支付不受最低工资标准约束。", None, "single-performance-min-wage"),
    (SOE + "第二十条 岗位基本薪酬与年度奖金同时发放。", None, "base-pay-monthly"),
    (QJ + "第十四条 薪级随工龄逐年增加。", None, "promotion-assessment-link"),
    (QJ + "第十条 班组绩效奖金由组员轮流获得。", None, "performance-egalitarian"),
    (SOE + "第十五条 年度考核结果不影响员工薪酬分配。", None, "result-application"),
    (SOE + "第二十六条 集团总部员工人均工资上涨9%，快于全系统的5%。", None, "hq-wage-growth"),
    (SOE + "第二十七条 今年工资增量重点用于中层以上管理人员。", None, "increment-to-skill"),
    (SOE + "第十六条 薪酬标准原则上每四至五年评估调整一次。", None, "adjustment-mechanism"),
    (SOE + "第十二条 各部门考核指标一般为12到16个。", None, "kpi-count"),
    (SOE + "第十二条 每项考核指标的权重一般不超过百分之六十。", None, "kpi-weight"),
    (SOE + "第十二条 单一指标权重最低可设为百分之二。", None, "kpi-weight"),
    (QJ + "第三条 公司工资总额增长幅度原则上不低于利润总额增长幅度。", None, "two-lower"),
    (QJ + "第三条 职工人均工资增速可以快于全员劳动生产率增速。", None, "two-lower"),
    (SOE + "第二十六条 集团总部职工平均工资增幅可以高于全部职工平均工资增幅。", None, "hq-wage-growth"),
    (SOE + "第二十八条 内部效益型子企业工资总额增幅可以超过集团工资总额增幅。", None, "internal-benefit-growth"),
    (QJ + "第三条 工资总额增长幅度按利润总额增长幅度的1.5倍掌握。", None, "two-lower"),
    (QJ + "第三条 近年公司利润持续下滑，2025年工资总额仍增长4%。", None, "wage-follows-benefit"),
    (QJ + "问：企业效益不好时工资总额会减少吗？\n答：不会，保持上年水平。", None, "wage-follows-benefit"),
    (QJ + "第三条 就算企业出现亏损，工资总额也不压减。", None, "wage-follows-benefit"),
    (QJ + "第三条 工资总额每年递增5%，和企业效益没有关系。", None, "wage-follows-benefit"),
    (SOE + "问：每个部门考核多少项指标？\n答：总共十四项。", None, "kpi-count"),
    (QJ + "问：薪级怎么涨？\n答：满三年自动涨一档。", None, "promotion-assessment-link"),
    (SOE + "问：聘上的职级以后会调整吗？\n答：不会，一直有效。", None, "tenure"),
]


@pytest.mark.parametrize("text, tables, rule", BREACHES, ids=[b[2] + str(i) for i, b in enumerate(BREACHES)])
def test_breach_found(text, tables, rule):
    assert rule in rules_found(text, tables), rules_found(text, tables)


# ---- compliant: nothing at all is reported beside the compliant sample ----------------------------------

COMPLIANT = [
    "第十八条 管理职级一经聘任，任期三年，期满重新评聘。",
    "第十八条 对工资水平高于集团平均水平的子企业，严格控制其工资总额增幅。",
    "第十八条 工资总额增量重点向一线技能岗位倾斜，不得平均分配。",
    "第十八条 班组考核指标五项，安全占考核总分的三成，其余四项平分剩余分值，绩效工资按考核得分分配。",
    "第十八条 考核优秀的直接晋升一个薪级，考核不合格的降一个薪级。",
    "第十八条 考核不合格的，不发放当月绩效工资。",
    "第十八条 岗位工资以岗位评价结果为基础确定，学历和工龄差别通过能力工资、年功工资体现。",
    "第十八条 实行单一绩效薪酬的人员，每月工资不低于当地最低工资标准，不受业绩波动影响。",
    "第十八条 工资总额增长幅度不得高于利润总额增长幅度，职工平均工资增幅不超过劳动生产率增幅。",
    "第十八条 单项考核指标权重一般不超过百分之四十，不低于百分之五。",
    "第十八条 职级确定后三年内原则上不作调整，期满重新评定。",
    "第十八条 岗位工资根据岗位评价结果确定，与学历、职称脱钩。",
    "第十八条 问：效益下降时工资总额会减少吗？答：会，相应减少。",
    "第十八条 即使利润增长较快，工资总额增幅也不超过利润增幅。",
]


@pytest.mark.parametrize("sentence", COMPLIANT)
def test_compliant_sentence_raises_nothing(sentence):
    assert [(f.rule, f.message) for f in review_text(scheme_text(extra=(sentence,))).findings] == []


def test_two_heading_rows_name_the_columns(tmp_path):
    import docx

    from assistant.review import review_file

    document = docx.Document()
    document.add_paragraph("第一条 本院为省属国有独资科研企业，位于昆明市。")
    rows = [["岗位类别", "薪酬构成", ""], ["岗位类别", "岗位基本薪酬", "绩效薪酬"], ["基础研究类", "55%", "45%"], ["应用研究类", "45%", "55%"]]
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value and (r, c) != (1, 0):
                table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    path = tmp_path / "两行表头.docx"
    document.save(str(path))
    found = {(f.rule, f.severity.value) for f in review_file(path).findings}
    assert ("pay-mix-basic-research", "error") in found and ("pay-mix-applied-research", "error") not in found


SENIORITY = "年功工资：1-5年40元/月，6-10年80元/月，11-15年130元/月，16年以上190元/月。"


@pytest.mark.parametrize("covered", ["管理人员、专业技术人员和生产工人", "专业技术人员和作业人员", "本部全体员工"])
def test_a_scheme_naming_technical_staff_among_others_is_bound_by_the_skill_guideline(covered):
    text = QJ + f"第二条 本办法适用于公司{covered}。\n第八条 {SENIORITY}"
    assert "seniority-arithmetic" in rules_found(text)


def test_a_scheme_for_technical_staff_alone_reads_the_skill_guideline_as_a_reference():
    text = QJ + f"第二条 本办法适用于公司专业技术人员。\n第八条 {SENIORITY}"
    assert "seniority-arithmetic" in rules_found(text, severity="warning") and "seniority-arithmetic" not in rules_found(text)


def test_of_which_line_counts_part_of_the_line_before():
    text = SOE + "第二条 公司在岗职工300人。\n第九条 岗位分红激励对象共90人。其中技术技能骨干45人。"
    assert "dividend-tech-share" in rules_found(text)


def test_bands_one_to_a_line_under_an_article_heading():
    lines = "\n\n".join(["工龄满1年不满5年：40元/月", "工龄满5年不满10年：80元/月", "工龄满10年不满15年：130元/月", "工龄满15年以上：190元/月"])
    assert "seniority-arithmetic" in rules_found(QJ + "第八条 年功工资\n\n" + lines)


def test_shares_written_in_words_in_a_table():
    text = SOE + "第九条 科技人才薪酬结构如下。\n\n| 人员类别 | 基本薪酬 | 绩效薪酬 |\n|---|---|---|\n| 基础研究人员 | 五成 | 五成 |\n"
    assert "pay-mix-basic-research" in rules_found(text)


def test_the_plan_year_is_read_over_last_years_actual():
    history_then_plan = QJ + "第三条 2024年工资总额实际增长3%，利润总额增长8%。\n第四条 2025年工资总额计划增长9%，利润总额预计增长5%。"
    assert "two-lower" in rules_found(history_then_plan)
    bad_history_good_plan = QJ + "第三条 2024年工资总额增长9%，利润总额增长5%。\n第四条 2025年工资总额计划增长4%，利润总额预计增长6%。"
    assert "two-lower" not in rules_found(bad_history_good_plan)


@pytest.mark.parametrize("sentence, rule, breach", [
    ("第九条 分红激励人数为在岗职工总数的20%～32%。", "dividend-recipients", True),
    ("第九条 分红激励人数为在岗职工总数的15%～25%。", "dividend-recipients", False),
    ("第九条 技术技能人才占分红激励人数的55%～75%。", "dividend-tech-share", True),
    ("第九条 技术技能人才占分红激励人数的65%～80%。", "dividend-tech-share", False),
])
def test_a_range_is_read_by_its_far_end(sentence, rule, breach):
    assert (rule in rules_found(SOE + sentence)) is breach


def test_a_multiple_below_one_keeps_the_wage_total_below():
    assert "two-lower" not in rules_found(QJ + "第三条 工资总额增幅控制在利润总额增幅的0.8倍以内。")


def test_a_category_merged_down_beside_the_row_names(tmp_path):
    import docx

    from assistant.review import review_file

    document = docx.Document()
    document.add_paragraph("第一条 本公司为省属国有独资企业，位于贵阳市。")
    document.add_paragraph("第十二条 部门考核指标及权重如下表。")
    rows = [["类别", "指标", "权重"], ["经营类", "净利润", "42%"], ["", "营业收入", "18%"], ["", "应收账款", "10%"],
            ["管理类", "安全环保", "20%"], ["", "党风廉政", "10%"]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(4, 0).merge(table.cell(5, 0))
    path = tmp_path / "合并类别.docx"
    document.save(str(path))
    found = [f for f in review_file(path).findings if f.rule == "kpi-weight"]
    assert [f.severity.value for f in found] == ["error"] and "净利润" in found[0].message


@pytest.mark.parametrize("rows", [
    [["单位", "在岗人数", "分红激励人数", "其中技术技能人才"], ["甲车间", "150", "45", "25"], ["乙车间", "110", "40", "22"], ["合计", "260", "85", "47"]],
    [["项目", "人数"], ["在岗职工", "260"], ["分红激励对象", "85"], ["其中：技术技能人才", "47"]],
])
def test_counts_a_dividend_table_names_for_themselves(rows):
    # 85 / 260 = 32.7% of staff; 47 / 85 = 55.3% technical: both shares broken
    text = SOE + "第九条 岗位分红激励人员情况见下表。"
    found = rules_found(text, [rows])
    assert "dividend-recipients" in found and "dividend-tech-share" in found


@pytest.mark.parametrize("text, rows, rule", [
    (QJ + "第三条 近两年主要指标见下表。", [["年度", "利润总额（万元）", "工资总额（万元）"], ["2024年", "8000", "5000"], ["2025年预算", "8200", "5300"]],
     "two-lower"),
    (SOE + "第十条 考核等次比例如下表。", [["等次", "比例"], ["A", "由部门自定"], ["B", "60%"], ["C", "其余"]], "forced-distribution-top"),
    (SOE + "第六条 所属企业工资总额增幅见下表。", [["企业", "类型", "工资总额增幅"], ["物资公司", "内部效益型", "9%"], ["集团合计", "", "6%"]],
     "internal-benefit-growth"),
])
def test_tables_laid_out_otherwise(text, rows, rule):
    assert rule in rules_found(text, [rows])


def test_a_fall_written_as_a_condition_is_no_fact():
    text = QJ + "第三条 若利润总额下降，工资总额相应下降。\n第四条 今年工资总额增长5%。"
    assert "wage-follows-benefit" not in rules_found(text)


def test_internal_growth_refused_above_group_is_no_breach():
    text = SOE + "第六条 内部效益型子企业工资总额增幅不得比集团增幅高出一个百分点。"
    assert "internal-benefit-growth" not in rules_found(text)


def test_headquarters_below_the_company_ceiling_is_no_breach():
    text = SOE + "第五条 总部员工人均工资由15万元提高到15.6万元。\n第六条 全公司职工平均工资增长控制在6%以内。"
    assert "hq-wage-growth" not in rules_found(text) + rules_found(text, severity="warning")


def test_provision_table_keeps_monthly_base_pay():
    tables = [[["事项", "做法"], ["基本薪酬支付方式", "每月十日前足额支付"], ["考核周期", "年度"], ["备注", "由人力资源部负责解释"]]]
    assert "base-pay-monthly" not in rules_found(SOE + "第二十条 各职级任职条件另行规定。", tables)


def test_dividend_table_total_is_not_the_staff_on_post():
    # a table of recipients headed 员工人数 counts recipients, not the staff on post
    tables = [[["分红激励对象类别", "员工人数"], ["技术骨干", "40"], ["技能骨干", "30"], ["合计", "70"]]]
    text = SOE + "第二条 公司在岗职工300人。\n第九条 分红激励对象名单见下表。"
    assert "dividend-recipients" not in rules_found(text, tables)
