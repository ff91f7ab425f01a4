"""General mechanisms behind the dev7 fixes, each proved on sentences written apart from
tests/review_data/dev7 (other companies, other words, other figures): items under a lead line that
names their year, indicators listed group by group, 首席 posts listed one after another, a cycle in
months, two groups' raises side by side, a second dividend plan, a group's row above its
subsidiaries, a header over two rows, the company's seat against a place merely named, a monthly base
beside a yearly bonus. Each has a twin that must stay clean."""

from __future__ import annotations

from review_samples import rules_found

from assistant.review import review_text
from assistant.review.reader import text_blocks
from assistant.review.scheme import Scheme

SOE_QJ = "第一条 本公司为曲靖市属国有独资企业。\n"
SOE = "第一条 本公司为省属国有独资企业，注册地兰州市。\n"


def _two_years(wage_now: str) -> str:
    return SOE_QJ + ("第三条 2024年执行情况如下：\n1. 实发工资总额3,000万元；\n2. 实现利润总额1,500万元。\n"
                     f"第四条 2025年预算安排如下：\n1. 利润总额1,530万元；\n2. 工资总额{wage_now}万元。\n")


def test_items_under_a_lead_line_take_its_year():
    assert "two-lower" in rules_found(_two_years("3,150"))  # +5% against profit +2%
    assert "two-lower" not in rules_found(_two_years("3,030"))  # +1%


def test_items_under_last_year_and_this_year_leads():
    text = SOE_QJ + "（一）上年完成：\n1. 工资总额2,000万元；\n2. 利润总额900万元。\n（二）本年计划：\n1. 工资总额{w}万元；\n2. 利润总额918万元。\n"
    assert "two-lower" in rules_found(text.format(w="2,100"))  # +5% against +2%
    assert "two-lower" not in rules_found(text.format(w="2,020"))  # +1%


def test_a_numbered_item_ending_its_sentence_is_no_chapter():
    text = "第二章 工资总额\n第五条 安排如下：\n1. 利润总额目标800万元;\n2. 工资总额预算1,600万元;\n"
    chapters = {s.chapter for s in Scheme(text_blocks(text)).sentences}
    assert chapters == {"第二章 工资总额"}


def _groups(*sizes: int) -> str:
    names = iter(f"指标{i}" for i in range(1, 40))
    lines = [f"（{n}）{kind}类：" + "、".join(next(names) for _ in range(size)) + "；"
             for n, kind, size in zip("一二三四", ("经营", "安全", "服务", "管理"), sizes, strict=False)]
    return SOE + "第七条 班组考核指标分为以下几类：\n" + "\n".join(lines) + "\n"


def test_indicators_listed_group_by_group_add_up():
    assert "kpi-count" in rules_found(_groups(4, 4, 4))  # 12
    assert "kpi-count" not in rules_found(_groups(3, 3, 3))  # 9


def test_chief_posts_listed_one_after_another_add_up():
    text = SOE + "第五条 公司科技人才共120人。\n第六条 聘任首席研究员3名、首席技师{n}名。\n"
    assert "chief-post-quota" in rules_found(text.format(n=4))  # 7 / 120
    assert "chief-post-quota" not in rules_found(text.format(n=3))  # 6 / 120 = 5%


def test_an_adjustment_cycle_in_months():
    text = SOE + "第九条 科技人才薪酬标准每{n}个月评估调整一次。\n"
    assert "adjustment-mechanism" in rules_found(text.format(n=54))
    assert "adjustment-mechanism" not in rules_found(text.format(n=24))


def test_paid_monthly_is_no_monthly_assessment():
    paid = SOE + "第四条 基础研究人员岗位基本薪酬按月发放；绩效薪酬按年度考核后兑现。\n"
    assessed = SOE + "第四条 基础研究人员实行月度考核，按月兑现绩效薪酬。\n"
    assert "basic-research-cycle" not in rules_found(paid)
    assert "basic-research-cycle" in rules_found(assessed)


def test_a_wage_total_kept_at_last_years_level_with_the_level_written():
    text = SOE_QJ + "第三条 受检修影响，本年利润总额预计比上年下降15%。\n第四条 工资总额{kept}。\n"
    clauses = {c for f in review_text(text.format(kept="保持上年水平2,600万元")).findings if f.severity.value == "error" for c in f.citations}
    assert "qujing_skill/art-5" in clauses
    clauses = {c for f in review_text(text.format(kept="在上年2,600万元的基础上下调18%")).findings if f.severity.value == "error" for c in f.citations}
    assert "qujing_skill/art-5" not in clauses


def test_a_category_share_named_before_it_or_by_the_reader():
    flawed = SOE + "第八条 员工考核中能力类比重最高，为45%；业绩类、态度类分别占35%、20%。\n"
    clean = SOE + "第八条 员工考核中业绩类比重最高，为50%；能力类、态度类各占25%。\n"
    assert "performance-weight-main" in rules_found(flawed)
    assert "performance-weight-main" not in rules_found(clean)


def test_two_groups_raises_written_side_by_side():
    assert "tech-pay-vs-management" in rules_found(SOE + "第十条 本年度管理岗位人均调资5%，科研人员人均调资4%。\n")
    assert "tech-pay-vs-management" not in rules_found(SOE + "第十条 本年度管理岗位人均调资5%，科研人员人均调资6%。\n")
    assert "tech-pay-vs-management" in rules_found(SOE + "第十条 管理序列人均年薪30万元，研发序列人均年薪27万元。\n")


def test_a_second_dividend_plan_is_checked_on_its_own():
    text = SOE + ("第二条 公司在岗职工200人。\n第十一条 岗位分红激励对象40人，其中技术人员28人。\n"
                  "第十二条 项目分红对象15人，其中技术人员{a}人、技能人员{b}人、管理人员{c}人。\n")
    assert "dividend-tech-share" in rules_found(text.format(a=5, b=3, c=7))  # 8 / 15 = 53%
    assert "dividend-tech-share" not in rules_found(text.format(a=6, b=4, c=5))  # 10 / 15 = 67%


def test_a_groups_row_above_its_subsidiaries():
    def table(rate: str) -> list[list[list[str]]]:
        return [[["企业", "功能类型", "工资总额增幅"], ["集团合计", "—", "5%"], ["物业公司", "内部效益型", rate]]]

    assert "internal-benefit-growth" in rules_found(SOE + "第三条 各子企业工资总额增幅见下表。\n", table("6.5%"))
    assert "internal-benefit-growth" not in rules_found(SOE + "第三条 各子企业工资总额增幅见下表。\n", table("4.5%"))


def test_a_header_over_two_rows_names_each_column_by_both():
    def table(hq_now: str) -> list[list[list[str]]]:
        return [[["项目", "人均工资（万元）", "人均工资（万元）"], ["项目", "2024年", "2025年"],
                 ["集团全部职工", "10.0", "10.4"], ["集团总部职工", "15.0", hq_now]]]

    text = SOE + "第三条 总部与全部职工人均工资安排见下表。\n"
    assert "hq-wage-growth" in rules_found(text, table("15.9"))  # +6% against +4%
    assert "hq-wage-growth" not in rules_found(text, table("15.3"))  # +2%


def test_a_subsidiarys_plan_column_is_read_not_last_years():
    def table(last: str, plan: str) -> list[list[list[str]]]:
        return [[["单位", "类型", "工资总额增幅", "工资总额增幅"], ["单位", "类型", "2024年", "2025年预算"],
                 ["集团合计", "—", "6.0%", "5.0%"], ["丙公司", "内部效益型", last, plan]]]

    text = SOE + "第三条 各子企业工资总额增幅见下表。\n"
    assert "internal-benefit-growth" in rules_found(text, table("4.0%", "5.5%"))
    assert "internal-benefit-growth" not in rules_found(text, table("7.0%", "4.5%"))


def test_most_of_the_increment_to_managers_though_the_rest_is_even():
    to_managers = SOE + "第六条 工资总额增量的八成用于提高中层以上管理人员薪酬，其余按人数平均分配。\n"
    to_skill = SOE + "第六条 工资总额增量的八成用于一线技能人员，其余按人数平均分配。\n"
    assert "increment-to-skill" in rules_found(to_managers)
    assert "increment-to-skill" not in rules_found(to_skill)


def test_a_company_outside_the_consolidated_accounts_left_out_of_the_budget():
    outside = SOE + "第四条 集团参股的贸易公司不纳入合并报表范围，亦不纳入集团工资总额预算。\n"
    held = SOE + "第四条 新设立的控股子公司工资总额暂不纳入集团工资总额预算。\n"
    assert "budget-scope" not in rules_found(outside)
    assert "budget-scope" in rules_found(held)


def _region(text: str) -> str:
    return next(a.value for a in review_text(text).assumptions if a.topic == "所在地区")


def test_where_the_company_sits_outranks_a_place_merely_named():
    assert "曲靖" not in _region("第一条 本公司为国有独资企业，总部设在成都市。\n第二条 公司承担曲靖至宣威段铁路运营。\n")
    assert "曲靖" in _region("第一条 本公司为国有独资企业，位于云南省曲靖市麒麟区。\n")
    # a seat that names no city leaves the title's 曲靖 standing
    assert "曲靖" in _region("曲靖某化工有限公司薪酬办法\n第一条 本公司为国有独资企业，位于经济技术开发区。\n")


def test_a_monthly_base_beside_a_yearly_bonus_counts_twelve_months():
    text = SOE + "第四条 基础研究岗位基本薪酬每月{m}元；绩效薪酬每年人均5万元。\n"
    assert "pay-mix-basic-research" in rules_found(text.format(m="5,000"))  # 6万 / 11万 = 54.5%
    assert "pay-mix-basic-research" not in rules_found(text.format(m="8,000"))  # 9.6万 / 14.6万 = 65.8%


def test_one_indicator_a_line_with_its_rule_is_no_group_list():
    lines = "\n".join(f"（{n}）{name}：权重{w}%，按完成率计分；" for n, name, w in zip(
        "一二三四五六", ("利润总额", "营业收入", "安全生产", "成本控制", "客户满意", "党建工作"), (30, 20, 15, 15, 10, 10), strict=True))
    text = SOE + "第七条 考核指标及权重如下：\n" + lines + "\n"
    assert "kpi-count" not in rules_found(text)  # six indicators, not two items a line


def test_a_lead_naming_both_years_gives_its_items_none():
    text = SOE_QJ + "第三条 上年执行情况和本年安排如下：\n1. 工资总额3,000万元；\n2. 工资总额3,300万元；\n3. 利润总额1,500万元。\n"
    assert "two-lower" not in rules_found(text)  # which amount is which year is not said


def test_side_by_side_figures_of_different_measures_are_not_compared():
    text = SOE + "第十条 管理人员人均年薪30万元，研发人员人均项目奖金5万元。\n"
    assert "tech-pay-vs-management" not in rules_found(text)


def test_a_lead_holds_over_its_bracketed_items():
    text = SOE_QJ + ("第三条 2024年具体如下：\n（一）工资总额5,000万元；\n（二）利润总额2,000万元。\n"
                     "第四条 2025年具体如下：\n（一）工资总额{w}万元；\n（二）利润总额2,060万元。\n")
    assert "two-lower" in rules_found(text.format(w="5,400"))  # +8% against +3%
    assert "two-lower" not in rules_found(text.format(w="5,050"))  # +1%


def test_the_rest_of_the_recipients_is_no_technical_kind():
    text = SOE + ("第二条 公司在岗职工300人。\n第十一条 岗位分红激励对象60人，其中技术技能人员45人。\n"
                  "第十二条 项目收益分红激励对象20人，其中技术人员6人、技能人员4人、其他人员10人。\n")
    assert "dividend-tech-share" in rules_found(text)  # 10 / 20 = 50%


def test_a_ceiling_on_all_chief_posts_is_no_further_post():
    text = SOE + "第五条 公司科技人才200人。\n第六条 设首席专家3名、首席技师5名，首席类职位合计不超过10名。\n"
    assert "chief-post-quota" not in rules_found(text)  # 8 / 200, within a ceiling of 10 / 200


def test_half_the_increment_to_skilled_staff_puts_them_first():
    text = SOE + "第六条 工资总额增量一半用于一线技能人员，其余平均分配。\n"
    assert "increment-to-skill" not in rules_found(text)


def test_a_total_kept_unchanged_in_the_next_clause():
    text = SOE_QJ + "第三条 本年利润总额预计比上年减少10%。\n第四条 工资总额仍按3,000万元安排，{then}。\n"
    assert "wage-follows-benefit" in rules_found(text.format(then="保持不变"))
    assert "wage-follows-benefit" not in rules_found(text.format(then="另按效益下降幅度核减12%"))


def test_a_monthly_average_beside_a_yearly_bonus():
    text = SOE + "第四条 基础研究人员基本工资月均{m}元，绩效奖金全年人均5万元。\n"
    assert "pay-mix-basic-research" in rules_found(text.format(m="5,000"))
    assert "pay-mix-basic-research" not in rules_found(text.format(m="9,000"))


def test_budget_columns_named_by_a_year_in_words():
    def table(wage_now: str) -> list[list[list[str]]]:
        return [[["指标", "上年实际", "本年预算"], ["利润总额（万元）", "2,000", "2,040"], ["工资总额（万元）", "4,000", wage_now]]]

    text = SOE_QJ + "第三条 工资总额与利润安排见下表。\n"
    assert "two-lower" in rules_found(text, table("4,240"))  # +6% against +2%
    assert "two-lower" not in rules_found(text, table("4,040"))  # +1%


def test_a_year_in_words_goes_on_over_its_sentences_list():
    text = SOE_QJ + "第三条 去年工资总额5,000万元，利润总额2,000万元。\n第四条 今年工资总额{w}万元，利润总额2,060万元。\n"
    assert "two-lower" in rules_found(text.format(w="5,400"))  # +8% against +3%
    assert "two-lower" not in rules_found(text.format(w="5,050"))  # +1%


def test_an_amount_adjusted_to_another():
    text = SOE_QJ + "第三条 工资总额由上年的5,000万元调整为{w}万元；利润总额由2,000万元增至2,060万元。\n"
    assert "two-lower" in rules_found(text.format(w="5,400"))
    assert "two-lower" not in rules_found(text.format(w="5,050"))


def test_an_annual_salary_split_named_fixed_and_floating():
    text = "第一条 本公司为曲靖市民营企业，已与工会开展工资集体协商。\n第六条 技术带头人实行年薪制：固定年薪{a}万元，浮动年薪{b}万元。\n"
    assert "annual-salary-split" in rules_found(text.format(a=15, b=10))  # 60% fixed
    assert "annual-salary-split" not in rules_found(text.format(a=10, b=15))  # 40%


def test_headquarters_average_wage_from_two_years_amounts():
    text = SOE + "第六条 总部职工平均工资2024年为20万元，2025年预算为{hq}万元。\n第七条 全部职工平均工资由2024年的10万元增至2025年的10.4万元。\n"
    assert "hq-wage-growth" in rules_found(text.format(hq="21.2"))  # +6% against +4%
    assert "hq-wage-growth" not in rules_found(text.format(hq="20.4"))  # +2%


def test_the_rest_of_the_recipients_named_as_technical_staff():
    text = SOE + "第二条 在岗职工150人。\n第九条 分红激励对象40人，其中管理和营销人员{n}人，其余为技术技能人员。\n"
    assert "dividend-tech-share" in rules_found(text.format(n=18))  # 22 / 40 = 55%
    assert "dividend-tech-share" not in rules_found(text.format(n=12))  # 28 / 40 = 70%


def test_a_share_of_the_proceeds_is_no_share_of_the_recipients():
    text = SOE + "第二条 在岗职工180人。\n第九条 岗位分红激励人员50名（其中技术骨干22名、技能骨干10名），分红总额按技术转让净收益的12%提取。\n"
    assert "dividend-tech-share" not in rules_found(text)  # 32 / 50 = 64%; the 12% is of the proceeds


def test_a_column_of_the_groups_totals_is_no_indicators_weight():
    names = ["利润", "收入", "成本", "回款", "产量", "质量", "安全", "环保", "设备"]
    rows = [["类别", "指标", "权重", "权重"], ["类别", "指标", "分项", "类别合计"]]
    rows += [["经营类" if i < 4 else "生产类", n, "12%" if i < 4 else "10.4%", "48%" if i < 4 else "52%"] for i, n in enumerate(names)]
    assert "kpi-weight" not in rules_found(SOE + "第七条 考核指标见下表。\n", [rows])
    rows[2][2] = "45%"  # one indicator's own weight above the ceiling
    rows[3][2] = "3%"
    assert "kpi-weight" in rules_found(SOE + "第七条 考核指标见下表。\n", [rows])


def test_pay_steps_under_a_header_over_two_rows():
    qj_private = "第一条 本公司为曲靖市民营企业，已与工会开展工资集体协商。\n第五条 岗位薪档表见下。\n"

    def table(row: list[str]) -> list[list[list[str]]]:
        return [[["岗级", "薪档（元/月）", "薪档（元/月）", "薪档（元/月）", "薪档（元/月）"], ["岗级", "1档", "2档", "3档", "4档"],
                 ["一岗", "3000", "3150", "3300", "3450"], ["二岗", *row]]]

    assert "pay-step-arithmetic" in rules_found(qj_private, table(["3500", "3700", "3950", "4100"]))
    assert "pay-step-arithmetic" not in rules_found(qj_private, table(["3500", "3700", "3900", "4100"]))
    named = [[["岗级", "薪档1", "薪档2", "薪档3", "薪档4"], ["一岗", "3000", "3150", "3300", "3450"], ["二岗", "3500", "3700", "3950", "4100"]]]
    assert "pay-step-arithmetic" in rules_found(qj_private, named)
