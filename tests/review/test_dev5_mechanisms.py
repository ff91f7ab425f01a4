"""General mechanisms behind the dev5 fixes, each proved on sentences and tables written apart from
tests/review_data/dev5 (other companies, other words, other figures): points of a stated whole as
weights (of 业绩/能力/态度 and of one indicator), indicators counted group by group, steps stated as
rules whose step changes, a 首席 quota set per so many staff, a year's loss as profit below zero, a
per-unit amount moving to another, suspension as refusal, the congress only told, an agreement
refusing targets in the sentence after it, pay in full never settled, a cell's points above the
group, a ratio in a cell and a budget given by its parts. Each has a twin that must stay clean."""

from __future__ import annotations

from decimal import Decimal

from review_samples import rules_found

from knowledge.reader import Kind, read
from knowledge.reader.ratios import per_every

SOE = "第一条 本公司为国有独资企业，注册地兰州市。\n"
QJ = "第一条 本公司为曲靖市国资委出资的国有独资企业。\n"
PRIVATE_QJ = "第一条 本公司是注册在曲靖市陆良县的民营企业。\n"



# ---- points, counts and weights ----------------------------------------------------------------


def test_category_points_out_of_a_hundred_are_weights():
    flawed = SOE + "第五条 员工考评实行百分制：工作业绩25分，工作能力40分，工作态度35分。\n"
    clean = SOE + "第五条 员工考评实行百分制：工作业绩60分，工作能力25分，工作态度15分。\n"
    assert "performance-weight-main" in rules_found(flawed)
    assert "performance-weight-main" not in rules_found(clean)


def test_one_indicator_of_a_stated_total_is_a_weight():
    flawed = SOE + "第六条 班组考核满分150分，其中产品合格率一项占75分，其余指标由车间商定。\n"
    clean = SOE + "第六条 班组考核满分150分，其中产品合格率一项占45分，其余指标由车间商定。\n"
    assert "kpi-weight" in rules_found(flawed)  # 75/150 = 50%
    assert "kpi-weight" not in rules_found(clean)  # 45/150 = 30%


def test_indicators_counted_group_by_group_are_added_up():
    flawed = SOE + "第七条 经营层考核设三个方面：效益指标6项、管控指标4项、党建指标3项。\n"
    clean = SOE + "第七条 经营层考核设三个方面：效益指标3项、管控指标3项、党建指标2项。\n"
    assert "kpi-count" in rules_found(flawed)  # 13
    assert "kpi-count" not in rules_found(clean) and "kpi-count" not in rules_found(clean, severity="warning")  # 8, not "三个"


# ---- steps stated as rules -------------------------------------------------------------------------


def test_a_step_rule_that_changes_at_a_boundary_is_unequal():
    pay = QJ + "第九条 岗位薪级起点为3,100元，每升一档增加90元，第六档起每升一档增加130元。\n"
    years = QJ + "第十条 年功工资按连续工龄计算，每满一年增发12元；工龄15年以上的，每满一年增发20元。\n"
    assert "pay-step-arithmetic" in rules_found(pay)
    assert "seniority-arithmetic" in rules_found(years)


def test_different_steps_for_different_posts_are_not_a_change():
    text = QJ + "第九条 管理序列每升一档增加90元，操作序列每升一档增加70元。\n"
    assert "pay-step-arithmetic" not in rules_found(text)


# ---- a quota per so many staff -----------------------------------------------------------------------


def test_a_head_count_per_so_many_staff_is_a_rate():
    r = read("按每12名研发人员配备首席工程师1名的标准设置")
    rates = per_every(r.quantities)
    assert list(rates.values()) == [Decimal(1) / Decimal(12)]
    flawed = SOE + "第四条 科技人才总数300人，按每12名科技人才设首席工程师1名的标准设置首席岗位。\n"
    clean = SOE + "第四条 科技人才总数300人，按每25名科技人才设首席工程师1名的标准设置首席岗位。\n"
    assert "chief-post-quota" in rules_found(flawed)
    assert "chief-post-quota" not in rules_found(clean)


# ---- loss years and amounts per head ------------------------------------------------------------------


def test_a_deepening_loss_is_a_fall_in_profit():
    flawed = QJ + "第三条 2023年公司亏损900万元，2024年亏损扩大到1,400万元。\n第四条 2025年工资总额按上年实发数增长2%安排。\n"
    clean = QJ + "第三条 2023年公司亏损900万元，2024年亏损扩大到1,400万元。\n第四条 2025年工资总额按上年实发数下降5%安排。\n"
    assert "wage-follows-benefit" in rules_found(flawed)
    assert "wage-follows-benefit" not in rules_found(clean)


def test_a_turn_from_profit_to_loss_is_a_fall():
    text = QJ + "第二条 公司2024年利润总额1,200万元，2025年预计亏损200万元。\n第五条 2025年工资总额增长3%。\n"
    assert "wage-follows-benefit" in rules_found(text)


def test_amounts_per_head_moving_give_a_growth():
    growth = next(q for q in read("全员劳动生产率由41.2万元/人提高到43.5万元/人").quantities if q.kind is Kind.PERCENT)
    assert abs(growth.value - Decimal("0.0558")) < Decimal("0.001")
    text = QJ + "第三条 职工平均工资增长8%，全员劳动生产率由41.2万元/人提高到43.5万元/人。\n"
    assert "two-lower" in rules_found(text)


# ---- refusals in other words ---------------------------------------------------------------------------


def test_suspended_bargaining_is_refused():
    flawed = PRIVATE_QJ + "第三条 因订单下滑，今年中止工资集体协商，薪酬调整由总经理决定。\n"
    clean = PRIVATE_QJ + "第三条 公司每年与工会开展工资集体协商，确定工资增长幅度。\n"
    assert "collective-negotiation" in rules_found(flawed)
    assert "collective-negotiation" not in rules_found(clean)


def test_a_congress_only_told_has_not_reviewed():
    flawed = SOE + "第二十条 本办法经总经理办公会研究后印发，并向职工代表大会通报。\n"
    clean = SOE + "第二十条 本办法经职工代表大会审议通过后印发。\n"
    assert "soe-congress" in rules_found(flawed)
    assert "soe-congress" not in rules_found(clean)


def test_the_agreement_sentence_after_agreement_pay_goes_on_with_it():
    flawed = PRIVATE_QJ + "第八条 对特聘的高级技师实行协议薪酬。\n第九条 协议仅写明月薪标准，不设置考核目标。\n"
    clean = PRIVATE_QJ + "第八条 对特聘的高级技师实行协议薪酬。\n第九条 协议写明月薪标准和年度绩效目标。\n"
    assert "agreement-pay-targets" in rules_found(flawed)
    assert "agreement-pay-targets" not in rules_found(clean)


def test_pay_in_full_never_settled_is_not_assessed_first():
    flawed = QJ + "第十二条 绩效奖金每月足额兑现，季度考核后不予扣减。\n"
    clean = QJ + "第十二条 绩效奖金每月按70%预发，季度考核后多退少补。\n"
    assert "assess-before-allocate" in rules_found(flawed)
    assert "assess-before-allocate" not in rules_found(clean)


def test_an_increment_under_its_own_heading_spread_evenly():
    text = SOE + "## 四、增量分配\n\n本年度新增额度全部按人头平均分配，不作倾斜。其中效益增量同样平均分配。\n"
    assert "increment-to-skill" in rules_found(text)


# ---- tables ------------------------------------------------------------------------------------------------


def test_points_above_the_group_in_a_table_cell():
    text = SOE + "第九条 各子企业工资总额增幅见下表。\n"
    table = [["子企业", "类型", "工资总额增幅"], ["检测公司", "内部效益型", "在集团增幅基础上上浮2个百分点"],
             ["贸易公司", "外部效益型", "5%"]]
    assert "internal-benefit-growth" in rules_found(text, tables=[table])
    below = [["子企业", "类型", "工资总额增幅"], ["检测公司", "内部效益型", "3%"], ["集团合计", "", "5%"]]
    assert "internal-benefit-growth" not in rules_found(text, tables=[below])


def test_a_ratio_in_a_cell_ordered_by_the_heading_or_the_cell():
    text = SOE + "第十条 科技人才薪酬结构见下表。\n"
    by_heading = [["研究类型", "固定部分∶浮动部分"], ["基础研究", "1:1"], ["应用研究", "3:7"]]
    by_cell = [["研究类型", "薪酬结构"], ["基础研究", "浮动部分与固定部分之比为3:7"], ["应用研究", "浮动部分与固定部分之比为1:1"]]
    assert rules_found(text, tables=[by_heading]).count("pay-mix-basic-research") == 1  # 50% < 60%
    assert "pay-mix-basic-research" not in rules_found(text, tables=[by_cell])  # 70% fixed


def test_a_budget_given_by_its_parts_over_last_years_base():
    text = QJ + ("第二条 公司利润总额比上年增长3%。\n第三条 2025年工资总额预算由以下部分组成：上年清算工资总额4,000万元；"
                 "效益增量200万元；专项奖励40万元。\n")
    assert "two-lower" in rules_found(text)  # 6% ≥ 3%
    modest = text.replace("效益增量200万元；专项奖励40万元", "效益增量60万元；专项奖励20万元")
    assert "two-lower" not in rules_found(modest)  # 2% < 3%


# ---- a second round, on wordings written after the first fixes -------------------------------------------


def test_a_fraction_written_with_a_slash():
    shares = [q for q in read("首席专家按研发人员的1/15配置").quantities if q.kind is Kind.PERCENT]
    assert [q.value for q in shares] == [Decimal(1) / Decimal(15)]
    assert not [q for q in read("2024/1/15起执行，人均产值12万元/人").quantities if q.kind is Kind.PERCENT]
    assert "chief-post-quota" in rules_found(QJ + "第六条 技能人才200人，首席技师按技能人才的1/15配置。\n")
    assert "chief-post-quota" not in rules_found(QJ + "第六条 技能人才200人，首席技师按技能人才的1/25配置。\n")


def test_a_year_of_profit_written_as_gain_then_loss():
    flawed = QJ + "第二条 公司2023年盈利450万元，2024年预计亏损80万元。\n第三条 2024年工资总额与上年持平。\n"
    improving = QJ + "第二条 公司2023年亏损450万元，2024年计划减亏至200万元。\n第三条 2024年工资总额增长2%。\n"
    assert "wage-follows-benefit" in rules_found(flawed)
    assert "two-lower" not in rules_found(improving) and "wage-follows-benefit" not in rules_found(improving)


def test_seniority_bands_each_with_its_own_yearly_step():
    flawed = QJ + "第八条 年功工资：工龄1-8年的每满一年计12元，9-16年的每满一年计18元。\n"
    clean = QJ + "第八条 年功工资：工龄每满一年计12元，最高计至30年。\n"
    assert "seniority-arithmetic" in rules_found(flawed)
    assert "seniority-arithmetic" not in rules_found(clean)


def test_weights_written_as_decimals_of_one():
    flawed = SOE + "第五条 部门考核指标权重：净利润0.42，回款率0.28，客户满意度0.2，安全0.1。\n"
    clean = SOE + "第五条 部门考核指标权重：净利润0.35，回款率0.3，客户满意度0.2，安全0.15。\n"
    coefficients = SOE + "第五条 绩效系数：优秀1.2，良好1.0，合格0.8，基本合格0.6。\n"
    assert "kpi-weight" in rules_found(flawed)
    assert "kpi-weight" not in rules_found(clean) and "kpi-weight" not in rules_found(coefficients)


def test_across_a_loss_year_only_the_direction_counts():
    turned = QJ + "第二条 利润总额由上年亏损300万元转为本年盈利120万元。\n第三条 本年工资总额增长4%。\n"
    cut = QJ + "第二条 公司2023年亏损400万元，2024年预计亏损700万元。\n第三条 2024年工资总额比上年下降6%。\n"
    assert "two-lower" not in rules_found(turned) and "wage-follows-benefit" not in rules_found(turned)  # a rise from a loss
    assert "two-lower" not in rules_found(cut) and "wage-follows-benefit" not in rules_found(cut)  # pay cut as the loss deepens


def test_a_loss_moving_by_a_rate():
    worse = QJ + "第二条 2024年公司亏损额较上年扩大15%。\n第三条 2024年工资总额增长2%。\n"
    better = QJ + "第二条 2024年公司计划减亏40%。\n第三条 2024年工资总额增长2%。\n"
    assert "wage-follows-benefit" in rules_found(worse)
    assert "wage-follows-benefit" not in rules_found(better) and "two-lower" not in rules_found(better)


def test_steps_written_as_so_much_above_the_one_before():
    r = read("薪级标准：一级3,000元，二级比一级高120元，三级比二级高160元。")
    assert [q.value for q in r.quantities if q.kind is Kind.MONEY] == [3000, 3120, 3280]
    flawed = QJ + "第七条 薪级标准：一级3,000元，二级比一级高120元，三级比二级高160元，四级比三级高160元。\n"
    clean = QJ + "第七条 薪级标准：一级3,000元，二级比一级高140元，三级比二级高140元，四级比三级高140元。\n"
    assert "pay-step-arithmetic" in rules_found(flawed)
    assert "pay-step-arithmetic" not in rules_found(clean)


def test_seniority_bands_doubling_are_not_arithmetic():
    doubling = QJ + "第八条 司龄工资：司龄3年以下每月40元，3-6年每月80元，6年以上每月160元。\n"
    even = QJ + "第八条 司龄工资：司龄3年以下每月40元，3-6年每月80元，6年以上每月120元。\n"
    geometric_grades = QJ + "第七条 薪级标准：一级2,000元，二级2,200元，三级2,420元，四级2,662元。\n"
    assert "seniority-arithmetic" in rules_found(doubling)  # 年功 differences must be equal (曲靖指引第八条)
    assert "seniority-arithmetic" not in rules_found(even)
    assert "pay-step-arithmetic" not in rules_found(geometric_grades)  # 等比 grades stay allowed


def test_a_points_table_out_of_the_whole_its_lead_in_states():
    lead = SOE + "第五条 车间考核项目及分值见下表（总分为150分）。\n\n| 考核项目 | 分值 |\n|---|---|\n"
    flawed = lead + "| 产量 | 66 |\n| 质量 | 36 |\n| 安全 | 30 |\n| 现场 | 18 |\n"  # 66/150 = 44%
    clean = lead + "| 产量 | 54 |\n| 质量 | 42 |\n| 安全 | 36 |\n| 现场 | 18 |\n"  # 54/150 = 36%
    assert "kpi-weight" in rules_found(flawed)
    assert "kpi-weight" not in rules_found(clean)


def test_slash_fractions_in_other_rules():
    grades = SOE + "第十一条 考核等次分为优秀、良好、合格、不合格，比例分别为1/5、1/2、1/4、1/10。\n"  # 105%
    within = SOE + "第十一条 考核等次分为优秀、良好、合格、不合格，比例分别为1/10、1/2、1/4、1/20。\n"  # 90%
    assert "forced-distribution-sum" in rules_found(grades)
    assert "forced-distribution-sum" not in rules_found(within)
    assert "dividend-recipients" in rules_found(SOE + "第三条 在岗职工360人。\n第九条 激励对象人数按在岗职工的1/3确定。\n")
    assert "dividend-recipients" not in rules_found(SOE + "第三条 在岗职工360人。\n第九条 激励对象人数按在岗职工的1/4确定。\n")
