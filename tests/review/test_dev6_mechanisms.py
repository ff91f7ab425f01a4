"""General mechanisms behind the dev6 fixes, each proved on sentences written apart from
tests/review_data/dev6 (other companies, other words, other figures): an answer's later sentences
keep the question's topic, performance pay fixed per head or paid without scoring, 大写 numerals
in head counts, and new staff's wait to move up from a named 级. Each has a twin that must stay clean."""

from __future__ import annotations

from review_samples import rules_found

from assistant.review.reader import text_blocks
from assistant.review.scheme import Scheme

SOE = "第一条 本公司为国有独资企业，注册地兰州市。\n"
PRIVATE_QJ = "第一条 本公司是注册在曲靖市富源县的民营企业，已与工会开展工资集体协商。\n"



def test_an_answer_goes_on_past_its_first_sentence():
    flawed = PRIVATE_QJ + "问：底薪是不是一个数？\n答：不是。仓储岗每月2050元，驾驶岗每月2400元。\n"
    clean = PRIVATE_QJ + "问：底薪是不是一个数？\n答：是的。全员每月2100元，只在岗位工资上拉开差距。\n"
    assert "basic-wage-one-standard" in rules_found(flawed.replace("底薪", "基础工资"))
    assert "basic-wage-one-standard" not in rules_found(clean.replace("底薪", "基础工资"))


def test_the_next_question_starts_a_new_answer():
    text = "问：基础工资怎么定？\n答：全员一个标准。每月2100元。\n问：年功工资怎么定？\n答：每满一年加25元。\n"
    sentences = [s.plain for s in Scheme(text_blocks(text)).sentences]
    assert len(sentences) == 2 and "2100" in sentences[0] and "25" in sentences[1]


def test_performance_pay_fixed_per_head_is_not_assessed():
    flawed = PRIVATE_QJ + "第八条 季度绩效奖金人均固定800元，随当月工资一并发放。\n"
    clean = PRIVATE_QJ + "第八条 季度绩效奖金以人均800元为基数，按个人考核得分核定后发放。\n"
    found = set(rules_found(flawed))
    assert found & {"assess-before-allocate", "performance-egalitarian"}
    assert not set(rules_found(clean)) & {"assess-before-allocate", "performance-egalitarian"}


def test_pay_without_scoring_or_regardless_of_how_well_is_flagged():
    unscored = PRIVATE_QJ + "第九条 车间绩效奖金按月发放，班组不评分。\n"
    regardless = PRIVATE_QJ + "第九条 年终奖按岗位标准发放，不论工作好坏。\n"
    clean = PRIVATE_QJ + "第九条 车间绩效奖金按月考核，班组评分后按得分发放。\n"
    for text in (unscored, regardless):
        assert set(rules_found(text)) & {"assess-before-allocate", "performance-egalitarian"}, text
    assert not set(rules_found(clean)) & {"assess-before-allocate", "performance-egalitarian"}


def test_head_counts_in_banking_numerals_are_read():
    flawed = SOE + "第六条 设首席工程师柒名。\n第七条 公司科技人才共壹佰贰拾名。\n"
    clean = SOE + "第六条 设首席工程师陆名。\n第七条 公司科技人才共壹佰贰拾名。\n"
    assert "chief-post-quota" in rules_found(flawed)  # 7 / 120 = 5.8%
    assert "chief-post-quota" not in rules_found(clean)  # 6 / 120 = 5%


def test_new_staff_waiting_years_at_a_named_grade():
    flawed = SOE + "第十条 新入职员工应在初级岗位工作满四年，方可晋升至中级岗位。\n"
    clean = SOE + "第十条 新入职员工应在初级岗位工作满两年，方可晋升至中级岗位。\n"
    assert "grade-promotion-pace" in rules_found(flawed)
    assert "grade-promotion-pace" not in rules_found(clean)


def test_pay_that_does_not_move_with_the_results_is_decoupled():
    flawed = SOE + "第十一条 年度评价结果用于评选先进，月度奖金按出勤天数计发，不随考核等级浮动。\n"
    clean = SOE + "第十一条 年度评价结果用于评选先进，月度奖金以出勤天数为基础，随考核等级浮动。\n"
    assert "result-application" in rules_found(flawed)
    assert "result-application" not in rules_found(clean)


QJ = "第一条 本公司为曲靖市国资委出资的国有独资企业。\n"


def test_wage_total_as_a_percentage_of_last_year_in_words():
    flawed = QJ + "第三条 工资总额按上年实发额的百分之一百零七核定。\n第四条 利润总额按上年的百分之一百零二安排。\n"
    clean = QJ + "第三条 工资总额按上年实发额的百分之一百零二核定。\n第四条 利润总额按上年的百分之一百零七安排。\n"
    assert "two-lower" in rules_found(flawed)
    assert "two-lower" not in rules_found(clean)


def test_seniority_bands_paid_per_year_without_a_verb():
    flawed = QJ + "第九条 工龄工资：工龄1至8年的每年12元，工龄9至16年的每年20元。\n"
    clean = QJ + "第九条 工龄工资：工龄1至8年的每年12元，工龄9至16年的每年12元。\n"
    assert "seniority-arithmetic" in rules_found(flawed)
    assert "seniority-arithmetic" not in rules_found(clean)


def test_a_refusing_verb_reaches_into_quote_marks():
    refused = QJ + "第十二条 绩效工资拉开差距，杜绝“大锅饭”。\n"
    kept = QJ + "第十二条 绩效工资继续实行“大锅饭”。\n"
    assert "performance-egalitarian" not in rules_found(refused)
    assert "performance-egalitarian" in rules_found(kept)


def test_the_rest_of_the_recipients_is_not_the_technical_share():
    rest = SOE + "第十三条 岗位分红激励对象中，非技术技能人员不超过分红总人数的35%。\n"
    tech = SOE + "第十三条 岗位分红激励对象中，技术技能人员占分红总人数的35%。\n"
    assert "dividend-tech-share" not in rules_found(rest)
    assert "dividend-tech-share" in rules_found(tech)


def test_an_indicator_pool_is_not_the_count_assessed():
    pool = SOE + "第十四条 公司建立指标库，共有二十六项指标，各车间从中选取六至九项。\n"
    assessed = SOE + "第十四条 各车间考核指标共有二十六项。\n"
    assert "kpi-count" not in rules_found(pool)
    assert "kpi-count" in rules_found(assessed)


def test_pay_charged_to_a_fund_outside_wages_is_outside_the_total():
    flawed = SOE + "第十五条 班组长岗位补贴从职工福利费中列支。\n"
    booked = SOE + "第十五条 班组长岗位补贴在制造费用中核算。\n"
    refused = SOE + "第十五条 班组长岗位补贴不得从职工福利费中列支。\n"
    assert "wage-total-items" in rules_found(flawed)
    assert "wage-total-items" not in rules_found(booked)  # a cost account says where wages are booked, not that they leave the total
    assert "wage-total-items" not in rules_found(refused)


def test_two_years_of_a_measure_under_its_numbered_heading():
    flawed = QJ + "3.1 利润总额\n3.1.1 上年实际完成2,500万元。\n3.1.2 本年计划2,550万元。\n3.2 工资总额\n3.2.1 本年预算较上年增长5%。\n"
    clean = QJ + "3.1 利润总额\n3.1.1 上年实际完成2,500万元。\n3.1.2 本年计划2,750万元。\n3.2 工资总额\n3.2.1 本年预算较上年增长5%。\n"
    assert "two-lower" in rules_found(flawed)  # +5% vs +2%
    assert "two-lower" not in rules_found(clean)  # +5% vs +10%


def test_weights_one_to_a_line_under_a_weighing_heading():
    flawed = SOE + "5.3 权重\n5.3.1 营业收入：48%\n5.3.2 成本控制：22%\n5.3.3 安全环保：20%\n5.3.4 团队建设：10%\n"
    clean = SOE + "5.3 权重\n5.3.1 营业收入：38%\n5.3.2 成本控制：32%\n5.3.3 安全环保：20%\n5.3.4 团队建设：10%\n"
    assert "kpi-weight" in rules_found(flawed)
    assert "kpi-weight" not in rules_found(clean)


def test_a_post_term_refused_however_the_verb_is_put():
    flawed = SOE + "第十六条 主任工程师聘任后不再规定任期。\n"
    clean = SOE + "第十六条 主任工程师聘任后任期三年，期满重新聘任。\n"
    assert "tenure" in rules_found(flawed)
    assert "tenure" not in rules_found(clean)


def test_paid_first_and_assessed_at_the_year_end():
    flawed = QJ + "第十七条 季度绩效奖金先按标准足额发放，年终再统一考评。\n".replace("再", "")
    clean = QJ + "第十七条 季度绩效奖金先按季度考核，年终统一兑现。\n"
    assert "assess-before-allocate" in rules_found(flawed)
    assert "assess-before-allocate" not in rules_found(clean)


def test_indicator_groups_named_by_their_kind_are_added_up():
    flawed = SOE + "第十八条 车间考核指标由生产类6项、安全类4项、管理类3项组成。\n"
    clean = SOE + "第十八条 车间考核指标由生产类4项、安全类3项、管理类2项组成。\n"
    assert "kpi-count" in rules_found(flawed)  # 13
    assert "kpi-count" not in rules_found(clean)  # 9


def test_subsidiaries_named_after_the_refused_verb_are_left_out():
    flawed = SOE + "第十九条 本年度工资总额预算编制范围不包括年中收购的两家控股子企业。\n"
    clean = SOE + "第十九条 本年度工资总额预算编制范围包括年中收购的两家控股子企业。\n"
    assert "budget-scope" in rules_found(flawed)
    assert "budget-scope" not in rules_found(clean)


def test_a_ratio_colon_ends_no_clause():
    flawed = SOE + "第二十条 研发人员OKR得分按2:1折算为年度奖金系数。\n"
    clean = SOE + "第二十条 研发人员OKR得分按2:1汇总，仅用于复盘改进，不与奖金挂钩。\n"
    assert "okr-pay-link" in rules_found(flawed)
    assert "okr-pay-link" not in rules_found(clean)


def test_the_groups_growth_written_beside_a_subsidiarys():
    flawed = SOE + "第二十一条 内部效益型子企业工资总额增幅按7.5%安排，集团整体增幅为5.5%。\n"
    clean = SOE + "第二十一条 内部效益型子企业工资总额增幅按4.5%安排，集团整体增幅为5.5%。\n"
    assert "internal-benefit-growth" in rules_found(flawed)
    assert "internal-benefit-growth" not in rules_found(clean)
