"""Facts read in the voices of tests/review_data/dev2: notices, 员工手册 chapters, 集体合同 articles,
问答, 1.1-numbered 细则, plain-text tables typed with spaces — each mechanism with a sentence from
dev2 (or written like it) and, where a reading could overreach, the sentence it must leave alone."""

from __future__ import annotations

from decimal import Decimal

from assistant.review import review_text
from assistant.review.facts import read_facts
from assistant.review.facts.common import conjuncts
from assistant.review.reader import text_blocks
from assistant.review.scheme import Scheme

SOE = "本公司为曲靖市属国有独资企业，位于曲靖市麒麟区。\n"
GROUP = "集团为贵州省国资委履行出资人职责的国有独资企业。\n"
PRIVATE = "本公司为民营企业，位于成都市。\n"


def facts_of(text: str, markdown: bool = True):
    return read_facts(Scheme(text_blocks(text, markdown=markdown)))


def found(text: str) -> dict[str, list[str]]:
    """rule → severities (JSON values), in order."""
    out: dict[str, list[str]] = {}
    for f in review_text(text).findings:
        out.setdefault(f.rule, []).append(f.severity.value)
    return out


# ---- layout: tables typed with spaces -------------------------------------------------------------

SENIORITY_TWO_COLUMNS = """（三）年功工资。按连续工龄分段计发，标准如下：
工龄段          月标准
1—5年           60元
6—10年          100元
11—15年         160元
16年及以上      240元
"""


def test_two_column_table_typed_with_spaces_is_a_table():
    blocks = text_blocks(SOE + SENIORITY_TWO_COLUMNS)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].rows[1] == ["1—5年", "60元"]
    steps = facts_of(SOE + SENIORITY_TWO_COLUMNS, markdown=False).steps
    assert [s.amounts for s in steps] == [[Decimal(60), Decimal(100), Decimal(160), Decimal(240)]]
    assert found(SOE + SENIORITY_TWO_COLUMNS)["seniority-arithmetic"] == ["error"]


def test_two_gapped_lines_are_not_a_table():
    text = "甲方首席代表：（签字）            乙方首席代表：（签字）\n2025年2月20日            盖章\n本合同一式两份。"
    assert all(b.kind == "paragraph" for b in text_blocks(text))


def test_seniority_bands_running_across():
    text = SOE + "第六条 年功工资标准如下（元/月）：\n\n    工龄        1-3年   4-6年   7-9年   10-12年   13年以上\n    年功工资     50      80      130     200       300\n"
    steps = facts_of(text).steps
    assert [s.amounts for s in steps] == [[Decimal(50), Decimal(80), Decimal(130), Decimal(200), Decimal(300)]]
    assert steps[0].evidence.text.startswith("年功工资")


# ---- step lists, growth from amounts ----------------------------------------------------------------


def test_steps_listed_in_order():
    text = SOE + "第七条 生产岗位实行岗位工资制，一岗五级，各级标准依次为2600元、2750元、2950元、3200元、3500元。"
    assert found(text)["pay-step-arithmetic"] == ["error"]
    even = SOE + "第七条 生产岗位实行岗位工资制，一岗五级，各级标准依次为2600元、2750元、2900元、3050元、3200元。"
    assert "pay-step-arithmetic" not in found(even)


def test_growth_from_two_years_written_apart():
    text = SOE + "2024年公司实际发放工资总额10000万元，实现利润总额4000万元。2025年工资总额预算安排10800万元；经营计划预计利润总额4100万元。"
    growth = facts_of(text).growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.08")
    assert growth.profit is not None and growth.profit.value == Decimal("0.025")
    assert found(text)["two-lower"] == ["error"]


def test_growth_moved_from_one_amount_to_another():
    text = SOE + "2024年，公司实现利润总额3000万元。\n2025年预计利润总额3100万元，工资总额由2024年的5000万元增加到5500万元。"
    growth = facts_of(text).growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.1")
    assert found(text)["two-lower"] == ["error"]


def test_growth_labelled_as_a_rate():
    growth = facts_of(SOE + "工资总额增长率：8%；利润总额增长率：3%。").growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.08")
    assert growth.profit is not None and growth.profit.value == Decimal("0.03")
    # a share is not a growth
    assert facts_of(SOE + "技能人员工资占工资总额的比例：68%。").growth.wage_total is None


def test_growth_from_each_year_under_a_heading():
    growth = facts_of(SOE + "工资总额：2024年8000万元，2025年8800万元。利润总额：2024年5000万元，2025年5200万元。").growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.1")


def test_wage_total_kept_at_last_years_level_while_profit_falls():
    text = SOE + "今年公司利润总额同比减少两成，但工资总额保持上年水平不减。"
    assert "error" in found(text)["wage-follows-benefit"]


# ---- indicators, categories, grades -----------------------------------------------------------------


def test_indicators_listed_one_by_one_are_counted():
    text = SOE + "3.2.1 班组考核指标包括：产量、质量、安全、成本、设备完好率、出勤、5S现场、节能、环保、培训、合理化建议、团队协作、劳动纪律。"
    assert facts_of(text).kpi_sets[0].size == 13
    assert found(text)["kpi-count"] == ["error"]
    short = SOE + "3.2.1 班组考核指标包括：产量、质量、安全、成本、设备完好率和出勤。"
    assert facts_of(short).kpi_sets[0].size == 6 and "kpi-count" not in found(short)
    pool = SOE + "考核指标库包括：产量、质量、安全、成本、设备、出勤、现场、节能、环保、培训、建议、协作，各部门从中选取。"
    assert "kpi-count" not in found(pool)


def test_listed_count_closing_the_list_wins():
    text = PRIVATE + "车间考核指标包括产量、质量、断头率、回花率、用电、用棉、安全、卫生、设备保养、劳动纪律、出勤、团队协作、培训、合理化建议，共十四项，每项权重相同。"
    kpi = facts_of(text).kpi_sets[0]
    assert kpi.size == 14 and kpi.equal
    assert found(text)["kpi-count"] == ["warning"]  # a private firm: the state-owned guideline is a reference


def test_indicators_one_to_a_line():
    text = SOE + "5.1 公司级KPI\n5.1.1 利润总额 权重45%\n5.1.2 营业收入 权重25%\n5.1.3 安全生产 权重15%\n5.1.4 成本控制 权重15%"
    kpi = facts_of(text).kpi_sets[0]
    assert kpi.weights["利润总额"] == Decimal("0.45") and len(kpi.weights) == 4
    assert found(text)["kpi-weight"] == ["error"]


def test_category_weights_in_brackets_and_tenths():
    text = SOE + "3.3.1 个人绩效由工作态度（占四成）、工作能力（占三成）和工作业绩（占三成）组成。"
    weights = facts_of(text).categories[0].weights
    assert weights == {"态度": Decimal("0.4"), "能力": Decimal("0.3"), "业绩": Decimal("0.3")}
    assert found(text)["performance-weight-main"] == ["error"]


def test_best_grade_without_a_limit():
    heating = SOE + "（二）考核等级分为A、B、C、D四档。评为A档的人数由各供热站自行掌握，公司不作统一控制；D档原则上不少于3%。"
    assert found(heating)["forced-distribution-top"] == ["error"]
    named = SOE + "年度绩效分S、A、B、C四级，S级（卓越）不设名额上限，凡达到卓越标准的均可评定。"
    assert found(named)["forced-distribution-top"] == ["error"]
    # a limit on the lowest grade, or the other grades left free, is not the best grade unlimited
    lowest = SOE + "考核等级分为A、B、C、D四档，A档不超过15%，D档不设比例限制。"
    assert "error" not in found(lowest).get("forced-distribution-top", [])
    others = SOE + "考核等级分为优秀、良好、合格、不合格，优秀不超过15%，其余等级不作比例规定。"
    assert "error" not in found(others).get("forced-distribution-top", [])


# ---- head counts ------------------------------------------------------------------------------------


def test_chief_posts_counted_by_the_noun_after_the_measure_word():
    text = ("院是云南省国资委监管企业的全资子公司（国有独资），注册地昆明。\n"
            "问：全院科技人才有多少？\n答：共二百一十人。全院科技人才共二百一十人。\n"
            "问：技术序列怎么设置？\n答：技术序列设首席设计师、资深设计师、主任设计师、高级设计师、设计师、助理设计师六个层级。\n"
            "问：首席设计师设多少个？\n答：按专业设十四个首席岗位，每个专业一至两个。")
    chief = facts_of(text).chief
    assert chief is not None and chief.chiefs is not None and chief.chiefs.value == 14
    assert found(text)["chief-post-quota"] == ["error"]


def test_coordinated_staff_names():
    assert conjuncts("研发及技术人员") == ["研发及技术人员", "研发人员", "技术人员"]
    assert conjuncts("技术研发") == ["技术研发"]
    text = PRIVATE + "公司现有在岗员工三百人，其中研发及技术人员一百五十人。\n首席架构师及首席科学家合计九人。"
    chief = facts_of(text).chief
    assert chief is not None and chief.tech_staff is not None and chief.tech_staff.value == 150
    assert found(text)["chief-post-quota"] == ["warning"]  # 6% for a private firm: a reference


# ---- statements: negation, order, subject carried ---------------------------------------------------


def test_results_apart_from_pay_in_the_clause_after_it():
    text = SOE + "二、绩效薪酬按岗位标准足额发放，与考核等级无关；考核结果主要用于培训需求分析和评先评优。"
    assert facts_of(text).said.results_decoupled is not None
    linked = SOE + "二、绩效薪酬按考核等级发放，与考核结果挂钩。"
    assert facts_of(linked).said.results_decoupled is None


def test_paid_first_and_assessed_after():
    text = SOE + "月度绩效工资先按岗位标准全额预发，年底再视公司效益情况进行考核，多退少补。"
    assert found(text)["assess-before-allocate"] == ["error"]
    assert facts_of(SOE + "绩效工资实行先考核后分配，按月考核、按月兑现。").said.unassessed is None


def test_pay_regardless_of_performance_is_even_pay():
    text = SOE + "第七条 年终奖不分岗位、不论绩效，一律按人均发放，每人一个月基本工资。"
    assert found(text)["performance-egalitarian"] == ["error"]
    refused = SOE + "第七条 年终奖坚决杜绝不论绩效、平均发放的做法，按考核结果分配。"
    assert "performance-egalitarian" not in found(refused)


def test_steps_by_time_alone():
    text = SOE + "4.2.1 岗位薪级晋升以连续工龄为唯一依据，每满两年晋升一级。"
    assert found(text)["promotion-assessment-link"] == ["error"]
    linked = text + "\n4.2.2 年度考核不合格的，当年不晋升薪级。"
    assert "promotion-assessment-link" not in found(linked)


def test_years_to_the_next_grade():
    slow = facts_of(SOE + "4.1.2 新入职员工须满五年方可申请晋升一个职位等级。").grade_promotion
    assert slow is not None and slow.value == 5
    assert found(SOE + "4.1.2 新入职员工须满五年方可申请晋升一个职位等级。")["grade-promotion-pace"] == ["error"]
    paced = facts_of(SOE + "2.3 新入职人员一般每2至3年晋升一个职级；职级聘任实行三年任期制，期满重新评聘。")
    assert paced.grade_promotion is not None and paced.grade_promotion.value == 2
    assert facts_of(SOE + "高级职级每五年晋升一次。").grade_promotion is None  # senior grades: pace left open


def test_grade_never_reappointed():
    assert found(SOE + "第十二条 职级一经评定，不再重新评聘。")["tenure"] == ["error"]
    assert "tenure" not in found(SOE + "第十二条 职级聘任三年一期，考评不合格的，不再聘任原职级。")


def test_consolidated_subsidiaries_left_out_of_the_budget():
    text = GROUP + "工资总额预算编制范围包括集团本部及全资子企业；控股子企业自行编制，不纳入集团工资总额预算。"
    assert found(text)["budget-scope"] == ["error"]
    minority = GROUP + "参股企业不纳入集团工资总额预算。"
    assert "budget-scope" not in found(minority)


def test_base_pay_paid_each_half_year():
    assert facts_of(SOE + "岗位基本薪酬每半年发放一次。").said.base_pay_late is not None
    assert facts_of(SOE + "岗位基本薪酬按月发放，绩效薪酬每季度发放一次。").said.base_pay_late is None


# ---- wage totals of the group ---------------------------------------------------------------------------


def test_increment_shares():
    text = GROUP + "工资总额增量的六成用于集团中层以上管理人员调薪，其余用于一线生产岗位。"
    assert found(text)["increment-to-skill"] == ["error"]
    fair = GROUP + "工资总额增量的六成用于一线技能岗位，其余用于管理人员。"
    assert "increment-to-skill" not in found(fair)


def test_subsidiary_kind_in_its_own_column():
    text = GROUP + ("根据省国资委核定的集团2025年度工资总额预算（增幅6.5%），现将所属企业工资总额预算下达如下。\n\n"
                    "    企业名称              功能类型        工资总额增幅\n"
                    "    高速公路运营公司      内部效益型      5.8%\n"
                    "    交通物流公司          内部效益型      9%\n")
    subs = facts_of(text).subsidiaries
    assert [s.growth.value for s in subs] == [Decimal("0.058"), Decimal("0.09")]
    assert found(text)["internal-benefit-growth"] == ["error"]


def test_group_growth_beside_a_subsidiary_kind():
    text = GROUP + "内部效益型子企业工资总额增幅10%，集团工资总额增幅6%。"
    assert found(text)["internal-benefit-growth"] == ["error"]


def test_headquarters_against_any_average_wage():
    text = GROUP + "总部职工人均工资涨幅为9%，高于集团职工人均工资涨幅6%。"
    assert found(text)["hq-wage-growth"] == ["error"]


# ---- what the new readings must leave alone -----------------------------------------------------------


def test_a_question_refuses_nothing():
    text = SOE + "问：优秀名额有没有限制？\n答：有，优秀比例不超过15%。"
    assert "error" not in found(text).get("forced-distribution-top", [])
    refused = SOE + "问：优秀名额有没有限制？\n答：没有限制，由各部门自定。"
    assert found(refused)["forced-distribution-top"] == ["error"]


def test_no_limit_on_the_lowest_grade_only():
    text = SOE + "五、考核等级分为A、B、C、D，A不超过20%，D不设比例限制。"
    dist = facts_of(text).distributions[0]
    assert dist.quotas == {"A": Decimal("0.2")} and not dist.unlimited


def test_a_refused_short_cycle_is_not_the_cycle():
    text = "研究院为中央企业所属二级全资子企业（国有独资）。\n2.3 基础研究人员考核周期为一年，不实行月度考核。"
    assert facts_of(text).basic_research_cycles == []


def test_staff_counted_after_a_chief_clause_are_not_chiefs():
    text = GROUP + "四、首席工程师职数不超过科技人才总数的5%，目前科技人才400人，首席工程师18名。"
    chief = facts_of(text).chief
    assert chief is not None and chief.chiefs is not None and chief.chiefs.value == 18


# ---- tables read as what they hold --------------------------------------------------------------------


def test_a_table_of_questions_and_answers_is_prose():
    rows = [["问题", "解答"], ["本办法要经过职代会吗？", "不需要，总经理办公会审定即可。"], ["绩效奖金怎么发？", "按部门人数平均发放。"]]
    blocks = text_blocks(SOE, markdown=True, tables=[rows])
    scheme = Scheme(blocks)
    assert not scheme.tables and all(s.row is None and s.answer_at for s in scheme.sentences[1:])
    result = {f.rule: f.severity.value for f in review_text(SOE, [rows]).findings}
    assert result["soe-congress"] == "error" and result["performance-egalitarian"] == "error"
    agreed = [["问题", "解答"], ["本办法要经过职代会吗？", "需要，已经职代会审议通过。"]]
    assert {f.rule: f.severity.value for f in review_text(SOE, [agreed]).findings}.get("soe-congress") != "error"


def test_dividend_recipients_in_a_table_by_kind():
    text = "本公司为省属国有控股企业，位于昆明。\n公司在岗职工300人。\n分红激励对象名单汇总"
    rows = [["类别", "人数"], ["经营管理人员", "50"], ["技术技能人才", "60"], ["合计", "110"]]
    dividend = read_facts(Scheme(text_blocks(text, markdown=True, tables=[rows]))).dividend
    assert dividend is not None and dividend.recipients is not None and dividend.tech is not None
    assert (dividend.recipients.value, dividend.tech.value) == (110, 60)


def test_best_grade_unlimited_in_a_table_cell():
    text = "本公司为省属国有控股企业，位于昆明。\n考核等级比例"
    rows = [["等级", "比例"], ["优秀", "不设上限"], ["良好", "50%"], ["合格", "30%"]]
    assert {f.rule: f.severity.value for f in review_text(text, [rows]).findings}["forced-distribution-top"] == "error"
    lowest = [["等级", "比例"], ["优秀", "10%"], ["良好", "60%"], ["基本合格", "不设上限"]]
    assert "forced-distribution-top" not in {f.rule for f in review_text(text, [lowest]).findings if f.severity.value == "error"}


def test_competency_refused_in_other_words():
    state = "研究院为省属国有独资企业，位于昆明。\n"
    assert found(state + "各职级不设最低能力素质要求，由部门灵活掌握。")["competency-requirements"] == ["error"]
    assert found(state + "问：各职级有没有任职资格要求？\n答：没有，职级评定主要看工作年限。")["competency-requirements"] == ["error"]
    assert "competency-requirements" not in found(state + "问：各职级有没有任职资格要求？\n答：有，每个职级均明确最低能力素质要求。")


def test_minimum_wage_refused_under_single_performance_pay():
    state = "研究院为省属国有独资企业，位于昆明。\n"
    text = state + "从事直接面向市场的应用研究人员实行单一绩效薪酬，不设岗位基本薪酬，也不保障最低工资。"
    assert found(text)["single-performance-min-wage"] == ["error"]
    kept = state + "从事直接面向市场的应用研究人员实行单一绩效薪酬，不设岗位基本薪酬，薪酬支付不低于当地最低工资标准。"
    assert "single-performance-min-wage" not in found(kept)


# ---- items under headings, labels, answers --------------------------------------------------------------


def test_an_item_without_a_subject_reads_its_heading():
    text = SOE + "3.2 工资总额\n3.2.1 2025年比上年增长9%。\n3.3 利润总额\n3.3.1 预计比上年增长5%。"
    growth = facts_of(text).growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.09")
    assert growth.profit is not None and growth.profit.value == Decimal("0.05")
    # an article names its own subject: the chapter heading does not override it
    contract = SOE + "二、工资总额\n第三条 企业方通报，2025年预计利润总额增长百分之三。"
    assert facts_of(contract).growth.profit is not None and facts_of(contract).growth.wage_total is None


def test_a_label_names_its_figure():
    text = "本公司为省属国有独资企业。\n一、基本情况\n科技人才：250人\n二、职级设置\n首席工程师：20人"
    chief = facts_of(text).chief
    assert chief is not None and chief.tech_staff is not None and chief.tech_staff.value == 250
    assert found(text)["chief-post-quota"] == ["error"]


def test_the_heading_gives_the_research_category():
    text = "本公司为省属国有独资企业。\n3.1 基础研究岗位\n3.1.1 岗位基本薪酬占比：50%\n3.2 应用研究岗位\n3.2.1 绩效薪酬占比：30%"
    assert found(text)["pay-mix-basic-research"] == ["error"] and found(text)["pay-mix-applied-research"] == ["error"]


def test_an_answer_takes_the_questions_topic():
    text = SOE + "问：今年工资总额增长多少？\n答：增长9%。\n问：利润呢？\n答：预计增长5%。"
    growth = facts_of(text).growth
    assert growth.profit is not None and growth.profit.value == Decimal("0.05")


def test_growth_written_as_a_rate_to_grow_by():
    growth = facts_of(SOE + "二、工资总额\n（一）2025年工资总额按9%增长安排。").growth
    assert growth.wage_total is not None and growth.wage_total.value == Decimal("0.09")


def test_categories_one_to_a_line():
    text = SOE + "3.3 个人绩效指标构成\n3.3.1 业绩指标：30%\n3.3.2 能力指标：30%\n3.3.3 态度指标：40%"
    assert facts_of(text).categories[0].weights == {"业绩": Decimal("0.3"), "能力": Decimal("0.3"), "态度": Decimal("0.4")}


def test_bands_under_a_seniority_heading():
    text = SOE + "三、年功工资\n按工龄段计发：1-5年40元/月；6-10年90元/月；11-20年160元/月；21年以上250元/月。"
    assert found(text)["seniority-arithmetic"] == ["error"]


def test_head_counts_from_tables_of_staff_and_posts():
    text = "本公司为省属国有控股企业，位于昆明。\n公司人员结构"
    staff = [["人员类别", "人数"], ["管理人员", "60"], ["技术人员", "90"], ["技能人员", "150"], ["在岗职工合计", "300"]]
    scheme = Scheme(text_blocks(text + "\n\n本期岗位分红激励对象共100人，其中技术技能人才70人。", markdown=True, tables=[staff]))
    dividend = read_facts(scheme).dividend
    assert dividend is not None and dividend.employees is not None and dividend.employees.value == 300
    posts = [["职级", "职数"], ["首席工程师", "15"], ["资深工程师", "30"]]
    chief = read_facts(Scheme(text_blocks(text + "\n公司科技人才共200人。", markdown=True, tables=[posts]))).chief
    assert chief is not None and chief.chiefs is not None and chief.chiefs.value == 15


# ---- a guideline's limit restated beside the scheme's own figure ------------------------------------------


def test_restated_guideline_limit_is_not_the_companys_figure():
    state = "本公司为省属国有控股企业，位于昆明。\n"
    chief = state + "根据《国有企业科技人才薪酬分配指引》关于首席类职位一般不得超过科技人才总数5%的要求，结合公司实际，公司科技人才200人，设首席工程师15名。"
    assert found(chief)["chief-post-quota"] == ["error"]
    mix = state + "基础研究类科技人才岗位基本薪酬占总薪酬的比例原则上应达到60%以上，本院确定为50%。"
    assert found(mix)["pay-mix-basic-research"] == ["error"]
    kpi = SOE + "指引要求关键绩效指标原则上为5-9个，一般不超过11个；本公司各部门考核指标为14个。"
    assert found(kpi)["kpi-count"] == ["error"]


def test_the_schemes_own_figure_in_the_guidelines_words_stays():
    # the guideline's words with the company's own figure (50%, not the guideline's 60%) are the company's
    changed = "研究院为省属国有独资企业。\n从事基础研究类的科技人才岗位基本薪酬占总薪酬的比例原则上应达到50%以上。"
    assert found(changed)["pay-mix-basic-research"] == ["error"]
    # nor is an average wage written in the guideline's words
    hq = "集团为省属国有独资企业。\n集团本级（总部）工资总额预算单列，总部职工平均工资增长8%；集团全部职工平均工资增长6%。"
    assert found(hq)["hq-wage-growth"] == ["error"]
    # and a document number is not a figure to blank
    assert facts_of(SOE + "津贴补贴按人社部发〔2023〕13号文件规定执行。").said.allowance_policy is not None


def test_dividend_staff_in_the_dividend_sentence():
    text = "本公司为省属国有控股企业。\n分红激励每次激励人数一般不超过本企业在岗职工总数的30%。本次分红激励人数为120人，公司在岗职工300人，其中技术技能人才80人。"
    dividend = facts_of(text).dividend
    assert dividend is not None and dividend.employees is not None and dividend.employees.value == 300
    assert found(text)["dividend-recipients"] == ["error"]


def test_technology_pay_against_managers_in_other_words():
    state = "研究院为省属国有独资企业，位于昆明。\n"
    assert found(state + "研发人员调薪幅度为管理人员的70%。")["tech-pay-vs-management"] == ["error"]
    assert found(state + "科技人员年度增资幅度不超过管理人员增资幅度。")["tech-pay-vs-management"] == ["error"]
    assert "tech-pay-vs-management" not in found(state + "科技人员年度增资幅度不低于管理人员增资幅度。")
    assert found(state + "OKR评分结果直接作为年终奖发放依据。")["okr-pay-link"] == ["error"]


def test_questions_and_answers_marked_otherwise():
    for q, a in (("【问】", "【答】"), ("Q：", "A："), ("问1：", "答1：")):
        text = SOE + f"{q}本办法需要提交职代会审议吗？\n{a}不需要，经总经理办公会审定即可。"
        assert found(text)["soe-congress"] == ["error"], (q, a)
    agreed = SOE + "Q：本办法需要提交职代会审议吗？\nA：需要，已经职代会审议通过。"
    assert "error" not in found(agreed).get("soe-congress", [])


def test_a_label_and_a_total_after_it():
    assert found(SOE + "* 考核指标：共13项。")["kpi-count"] == ["error"]


def test_more_ways_of_refusing():
    assert found(SOE + "本办法毋须提交职工代表大会审议。")["soe-congress"] == ["error"]
    assert found(SOE + "职级取消任期制。")["tenure"] == ["error"]
    assert found(SOE + "夜班补贴不再纳入工资总额核算。")["wage-total-items"] == ["error"]
    # a budget base or a subsidiary kept out is not a pay item kept out of the wage total
    base = SOE + "新投产项目增加用工的，经集团审核可单列工资总额，不计入下年度预算基数。"
    assert "wage-total-items" not in found(base)


def test_seniority_amounts_are_those_of_its_own_part():
    text = SOE + "基础工资按学历分两档（本科1800元、专科1600元），年功工资按工龄每年30元、50元、80元、120元递增，绩效工资按人头平均发放。"
    steps = facts_of(text).steps
    assert [s.amounts for s in steps] == [[Decimal(30), Decimal(50), Decimal(80), Decimal(120)]]


def test_staff_on_post_named_otherwise():
    state = "本公司为省属国有控股企业，位于昆明。\n"
    text = state + "第二条 公司从业人员共计500名。\n第十条 岗位分红对象共计180名，其中核心技术骨干120名。"
    dividend = facts_of(text).dividend
    assert dividend is not None and dividend.employees is not None and dividend.employees.value == 500
    assert found(state + "1.1 截至2024年末，全口径在岗人数320人。\n4.1 首期激励对象110人。")["dividend-recipients"] == ["error"]


def test_weights_under_an_indicator_heading():
    text = SOE + "### 4.1 考核指标\n\n4.1.2 各项权重：原煤产量35%，掘进进尺20%，安全20%，质量标准化10%，成本8%，机电事故4%，出勤3%。"
    assert found(text)["kpi-weight"] == ["error", "error"]
    elsewhere = SOE + "### 4.1 分配比例\n\n4.1.2 各项权重：甲30%，乙30%，丙37%，丁3%。"
    assert "kpi-weight" not in found(elsewhere)


def test_ratio_written_as_numerals_joined_by_bi():
    state = "研究院为省属国有独资企业，位于成都。\n"
    assert found(state + "（一）基础研究人员：岗位基本薪酬与绩效薪酬之比为五比五。")["pay-mix-basic-research"] == ["error"]
    assert "pay-mix-basic-research" not in found(state + "（一）基础研究人员：岗位基本薪酬与绩效薪酬之比为七比三。")
    assert found(SOE + "高技能人才实行年薪制，基本年薪与绩效年薪按七比三确定。")["annual-salary-split"] == ["error"]


def test_agreement_pay_untied_from_targets():
    text = SOE + "对引进的技能大师实行协议工资，一人一议，合同期内薪酬固定，不与业绩目标挂钩。"
    assert found(text)["agreement-pay-targets"] == ["error"]
    tied = SOE + "对引进的技能大师实行协议工资，一人一议，约定年度绩效目标，未完成目标的不予兑现绩效部分。"
    assert "agreement-pay-targets" not in found(tied)


def test_wage_total_whatever_the_results():
    assert "error" in found(SOE + "无论效益如何，工资总额每年增长不低于5%。")["wage-follows-benefit"]


def test_best_grade_written_without_limit_in_two_characters():
    assert found(SOE + "评优比例：优秀不限，良好60%，合格及以下不限。")["forced-distribution-top"] == ["error"]
    lowest = SOE + "考核等级分为优秀、良好、合格、不合格，优秀不超过10%，不合格不限。"
    assert "error" not in found(lowest).get("forced-distribution-top", [])


def test_headquarters_in_a_table_of_average_wages():
    text = "集团为省属国有独资企业，位于昆明。\n\n| 单位 | 平均工资增幅 |\n|---|---|\n| 集团总部 | 9% |\n| 全集团 | 6% |"
    assert found(text)["hq-wage-growth"] == ["error"]
    fair = "集团为省属国有独资企业，位于昆明。\n\n| 单位 | 平均工资增幅 |\n|---|---|\n| 集团总部 | 4% |\n| 全集团 | 6% |"
    assert "hq-wage-growth" not in found(fair)
