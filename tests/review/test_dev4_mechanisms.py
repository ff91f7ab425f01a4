"""General mechanisms behind the dev4 fixes, each proved on sentences and tables written apart from
tests/review_data/dev4 (other companies, other words, other figures): a coverage aside between words
and their figure (含…/不含…), a dash after a unit joining a range, a share of last year's amount as a
growth, growth from 上年/本年 amounts and from an increment over a base written in another article,
首席 posts added up from a table, a ratio weighing the categories listed before it, a refusal padded
with fillers (不再设…, 不另行…), a deferral (待…后再…), and a wait for promotion stated as a condition."""

from __future__ import annotations

from decimal import Decimal

import pytest
from review_samples import rules_found

from assistant.review import review_text
from assistant.review.facts.common import listed_before
from assistant.review.scheme import squeeze_negations
from knowledge.reader import Kind, read
from knowledge.reader.ratios import ratios

SOE = "第一条 本公司为国有独资企业，注册地西宁市。\n"
QJ = "第一条 本公司为曲靖市国资委出资的国有独资企业。\n"
PRIVATE_QJ = "第一条 本公司是注册在曲靖市富源县的民营企业。\n"



# ---- the shared reader ----------------------------------------------------------------------------


def test_coverage_aside_keeps_the_words_before_it():
    q = next(q for q in read("其中一线操作人员（不含班组长）140人").quantities if q.kind is Kind.PEOPLE)
    assert q.name == "一线操作人员" and "其中" in q.subject
    r = read("参评员工260人，其中专业技术人才（包括工程、财务序列）95人")
    assert [(q.name, q.parent) for q in r.quantities if q.kind is Kind.PEOPLE][1] == ("专业技术人才", "参评员工")


def test_a_bracket_that_is_no_coverage_note_still_names_as_before():
    q = read("保洁（包月）80分").quantities[0]
    assert q.name == "保洁（包月）"


def test_remainder_after_a_head_count_is_not_a_share():
    r = read("获奖人员40人（占职工总数的20%），其中一线工人25人，其余为机关人员。")
    assert not [q for q in r.quantities if q.derived and q.kind is Kind.PERCENT]
    r = read("产量占40%、质量占30%，剩下的平均分给安全和成本")
    assert [q.value for q in r.quantities if q.derived] == [Decimal("0.15"), Decimal("0.15")]


@pytest.mark.parametrize("text, low, high", [("权重区间为10%-35%", "0.10", "0.35"), ("每班2人-4人", "2", "4"),
                                              ("涨幅在3%-6%", "0.03", "0.06")])
def test_a_dash_after_a_unit_joins_a_range(text, low, high):
    qs = read(text).quantities
    assert [q.value for q in qs] == [Decimal(low), Decimal(high)] and qs[0].range_end == 1


def test_a_minus_sign_is_still_a_minus_sign():
    assert read("净利润增速为-4%").quantities[0].value == Decimal("-0.04")


def test_a_deferral_negates_its_clause():
    r = read("岗位评价待集团统一部署后再行开展，目前按原标准执行。")
    assert [c.negated for c in r.clauses][:2] == [True, False]


# ---- review helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, shares", [("按2:3:5分配", ["0.2", "0.3", "0.5"]), ("七比三", ["0.7", "0.3"]),
                                           ("实行三七开", ["0.3", "0.7"]), ("四六比例", ["0.4", "0.6"]), ("上午8点开会", [])])
def test_ratios_are_shares_of_the_whole(text, shares):
    found = ratios(text)
    if not shares:
        assert found == []
    else:
        assert [str(s.quantize(Decimal("0.01"))) for s in found[0].shares] == [str(Decimal(x).quantize(Decimal("0.01"))) for x in shares]


def test_listed_before_keeps_the_written_order():
    text = "年度评价看态度、业绩、能力，比重为2:5:3"
    assert listed_before(text, text.index("2"), ["业绩", "能力", "态度"]) == ["态度", "业绩", "能力"]


def test_squeezed_negation_maps_back():
    text, origin = squeeze_negations("奖金不另行考核，津贴不再予以发放")
    assert "不考核" in text and "不发放" in text and len(origin) == len(text)


# ---- the review, end to end -------------------------------------------------------------------------

BREACHES = [
    # tech share of dividend recipients behind a coverage aside
    (SOE + "第三条 在岗职工600人。\n第十八条 参与本轮项目分红的人员150人，其中技术骨干和技能骨干（不含项目经理）70人。", None,
     "dividend-tech-share"),
    # wage total as a share of last year's
    (QJ + "第五条 今年利润总额比上年增长2%。\n第六条 今年工资总额按去年清算数的105%核定。", None, "two-lower"),
    # amounts for 上年 / 本年, the wage total as an increment over a base in another article
    (QJ + "第二条 上年利润总额3,000万元，本年计划利润总额3,030万元。\n第三条 上年工资总额2,000万元。\n"
          "第九条 本年度工资总额比上年增加80万元。", None, "two-lower"),
    # profit falls (from amounts) while the wage total is kept up
    (QJ + "第二条 上年利润总额4,000万元，本年预计3,600万元。\n第三条 上年实发工资总额2,500万元。\n第七条 本年度工资总额较上年增加50万元。",
     None, "wage-follows-benefit"),
    # one indicator's weight as a range
    (SOE + "第十一条 考核指标5至8个，单个指标权重设定为3%-30%。", None, "kpi-weight"),
    # 首席 posts in a table added up, against technology staff defined in prose
    (SOE + "第二条 员工总数400人，其中纳入科技人才序列的工程技术人员共计120人。\n第九条 首席岗位如下表。",
     [[["岗位", "人数"], ["首席工程师", "3人"], ["首席设计师", "2人"], ["首席研究员", "2人"]]], "chief-post-quota"),
    # categories weighed by a ratio
    (SOE + "第十四条 员工年度评价从能力、态度、业绩三方面进行，比重为5:2:3。", None, "performance-weight-main"),
    # refusals padded with fillers
    (SOE + "第十五条 专业技术职级评聘后不再实行任期管理。", None, "tenure"),
    (QJ + "第十二条 年终奖按出勤天数核发，不再进行考核。", None, "assess-before-allocate"),
    # a deferral of collective bargaining in a private firm
    (PRIVATE_QJ + "第四条 工资集体协商待工会组建完成后再开展，目前工资由公司确定。", None, "collective-negotiation"),
    # bargaining refused with the staff's side named
    (PRIVATE_QJ + "第四条 工资标准由公司制定，不同员工代表协商。", None, "collective-negotiation"),
    # a wait for promotion stated as a condition
    (SOE + "第二十一条 新录用人员在同一职级任职须满五年，才能参加职级晋升。", None, "grade-promotion-pace"),
    # a fall named by a rate noun, a wage total said flat and then given a rate
    (QJ + "一、上年营业利润跌幅接近一成半。\n二、本年度工资总额与上年基本持平，增幅按1.5%掌握。", None, "wage-follows-benefit"),
    # refusing assessment two clauses after the pay is named
    (QJ + "第八条 季度奖先按基数预支，年底统一结算，结算时不另行考核。", None, "assess-before-allocate"),
    # 首席技师 against the skilled staff
    (QJ + "第二条 全厂职工900人，其中技能人员500人。\n第六条 首席技师名额控制在30人以内。", None, "chief-post-quota"),
    # one indicator's weight above the ceiling, the others not given
    (SOE + "第十条 中心考核指标共七个，其中安全指标权重达到55%。", None, "kpi-weight"),
    # points up from the group's growth, worded as a move
    (SOE + "第六条 服务保障类（内部效益型）子公司工资总额增幅在集团增幅基础上上调一个百分点。", None, "internal-benefit-growth"),
    # an increment favouring a group named in words of its own
    (SOE + "第八条 新增工资总额重点向机关职能部门骨干倾斜。", None, "increment-to-skill"),
    # a cycle in a column headed 考核周期
    (SOE + "第四条 各类人员考核安排见下表。", [[["人员类别", "考核方式", "考核周期"], ["基础研究人员", "同行评议", "半年"],
                                          ["工程技术人员", "项目考核", "年度"]]], "basic-research-cycle"),
    # steps listed under one unit
    (QJ + "第七条 技能岗位工资设六档，每档标准为2800、2950、3150、3300、3500、3650元。", None, "pay-step-arithmetic"),
    # technology staff's raise as a discount, or lower by a share
    (SOE + "第十六条 工程技术人员调资比例按同职级管理人员标准打九折。", None, "tech-pay-vs-management"),
    (SOE + "第十六条 设计人员岗位工资较同等级管理人员低15%。", None, "tech-pay-vs-management"),
    # a split written as two amounts
    (QJ + "第十条 首席技师实行年薪制，其中基本年薪20万元、绩效年薪10万元。", None, "annual-salary-split"),
    # growth above in words, beside the gap
    (QJ + "第四条 职工平均工资增速比劳动生产率增速快1个百分点。", None, "two-lower"),
    # one figure for two measures named in the clause before
    (QJ + "第四条 工资总额增幅和利润总额增幅一致，同为4%。", None, "two-lower"),
    # one named indicator's floor above the ceiling
    (SOE + "第十条 营业收入权重不低于45%，其余指标由部门自定。", None, "kpi-weight"),
    # growth named by 上调; a fall said without a figure
    (QJ + "第三条 去年利润总额比前年有所减少。\n第四条 今年工资总额上调3%。", None, "wage-follows-benefit"),
    # indicators weighed in points of 100
    (SOE + "第九条 机关部门考核：重点任务50分、日常管理20分、服务评价20分、廉洁10分。", None, "kpi-weight"),
    # a split adding up to the whole, with no 占
    (SOE + "第十二条 基础研究岗位薪酬构成：基本薪酬50%，绩效薪酬50%。", None, "pay-mix-basic-research"),
    # 年薪 parts named as any pay's parts
    (QJ + "第十条 高技能人才年薪中固定部分占55%，浮动部分占45%。", None, "annual-salary-split"),
    # technology staff's pay as a multiple of managers'
    (SOE + "第十六条 研发人员薪酬标准按同级管理人员的0.9倍确定。", None, "tech-pay-vs-management"),
    # paid first, assessed after, in one list
    (QJ + "第十一条 季度绩效奖金实行先预发、后考核的办法。", None, "assess-before-allocate"),
    # an increment over a base in one sentence
    (QJ + "第三条 今年利润总额预计增长2%。\n第四条 今年工资总额在去年清算数8,000万元的基础上增加400万元。", None, "two-lower"),
    # one figure for both measures after 同步
    (QJ + "第四条 平均工资增长与劳动生产率增长同步，都按3%安排。", None, "two-lower"),
    # the gaps between steps written out
    (QJ + "第五条 各薪档间差额：1至2档80元，2至3档100元，3至4档120元。", None, "pay-step-arithmetic"),
    # a high-wage subsidiary treated like the rest
    (SOE + "第七条 人均工资高于集团平均水平的子公司，其工资总额增幅和其他子公司同等对待。", None, "high-wage-subsidiary"),
    # technology staff's pay capped below managers'
    (SOE + "第十六条 研发人员年度调薪原则上控制在同职级管理人员调幅的七成五以内。", None, "tech-pay-vs-management"),
    # points in a 分值 column with its 合计 row
    (SOE + "第九条 考核内容及分值见下表。", [[["项目", "分值"], ["营收", "42"], ["利润", "30"], ["安全", "18"], ["党建", "10"], ["合计", "100"]]],
     "kpi-weight"),
    # steps close to a geometric series by amount, but not by step
    (QJ + "第五条 岗位工资标准见下表。", [[["岗位", "一档", "二档", "三档", "四档"], ["操作工", "3100", "3200", "3350", "3500"]]],
     "pay-step-arithmetic"),
    # a 首席 share after a clause about their allowance
    (SOE + "第八条 首席专家每月另发津贴2000元，首席专家人数不超过科技人才总数的7%。", None, "chief-post-quota"),
    # a count in the clause after the one naming the indicators
    (SOE + "第九条 部门考核指标由各部门提出，一般为十二至十五项。", None, "kpi-count"),
    # the main basis however the verb is put; one assessment for every kind
    (SOE + "第十三条 研发人员年度绩效等级主要取决于论文和专利数量。", None, "merit-not-papers"),
    (SOE + "第十三条 工程技术人员考核不区分研究类型，执行公司统一考核表。", None, "classified-assessment"),
    # grades named by a bare letter after a colon or comma
    (SOE + "第十条 年度等次比例：S 15%，A 35%，B 45%，C 10%。", None, "forced-distribution-sum"),
    # rates in brackets after their labels
    (QJ + "三、会议认为，职工平均工资增幅（4.8%）与劳动生产率增幅（4.8%）基本相当。", None, "two-lower"),
    # 首席 posts in a column of a staffing table
    (SOE + "第二条 本公司科技人才共计150人。\n第七条 各序列岗位职数设置如下。",
     [[["序列", "首席", "高级", "中级"], ["设计序列", "5", "18", "40"], ["试验序列", "3", "12", "30"]]], "chief-post-quota"),
]


@pytest.mark.parametrize("text, tables, rule", BREACHES, ids=[b[2] + str(i) for i, b in enumerate(BREACHES)])
def test_breach_found(text, tables, rule):
    assert rule in rules_found(text, tables)


COMPLIANT = [
    (SOE + "第三条 在岗职工600人。\n第十八条 参与本轮项目分红的人员150人（占25%），其中技术骨干和技能骨干（不含项目经理）100人。",
     None, ("dividend-tech-share", "dividend-recipients")),
    (QJ + "第五条 今年利润总额比上年增长6%。\n第六条 今年工资总额按去年清算数的104%核定。", None, ("two-lower",)),
    (SOE + "第十一条 考核指标5至8个，单个指标权重设定为5%-40%。", None, ("kpi-weight",)),
    (SOE + "第二条 员工总数400人，其中纳入科技人才序列的工程技术人员共计140人。\n第九条 首席岗位如下表。",
     [[["岗位", "人数"], ["首席工程师", "3人"], ["首席设计师", "2人"], ["首席研究员", "2人"]]], ("chief-post-quota",)),
    (SOE + "第十四条 员工年度评价从业绩、能力、态度三方面进行，比重为6:2:2。", None, ("performance-weight-main",)),
    (SOE + "第二十一条 新录用人员在同一职级任职满两年，方可参加职级晋升。", None, ("grade-promotion-pace",)),
    (PRIVATE_QJ + "第四条 工资调整经与工会开展工资集体协商确定。", None, ("collective-negotiation",)),
    (QJ + "一、上年营业利润增幅接近一成半。\n二、本年度工资总额与上年基本持平，增幅按1.5%掌握。", None, ("wage-follows-benefit", "two-lower")),
    (QJ + "第二条 全厂职工900人，其中技能人员500人。\n第六条 首席技师名额控制在25人以内。", None, ("chief-post-quota",)),
    (SOE + "第十条 中心考核指标共七个，其中安全指标权重为35%。", None, ("kpi-weight",)),
    (SOE + "第十条 业绩类指标权重不低于70%，能力类、态度类合计30%。", None, ("kpi-weight",)),
    (QJ + "第四条 职工平均工资增速比劳动生产率增速慢1个百分点。", None, ("two-lower",)),
    (QJ + "第四条 工资总额增幅控制在利润增幅以内，最高不超过4%；利润预计增长6%。", None, ("two-lower",)),
    (QJ + "第六条 基础工资全体职工同一标准1850元；职称差别在能力工资中体现：中级150元，高级300元。", None, ("basic-wage-one-standard",)),
    (SOE + "第六条 内部效益型子企业工资总额增幅原则上不超过集团整体增幅。", None, ("internal-benefit-growth",)),
    (SOE + "第九条 机关部门考核：重点任务40分、日常管理25分、服务评价25分、廉洁10分。", None, ("kpi-weight",)),
    (SOE + "第九条 个人季度考核得分：王某92分、刘某85分。", None, ("kpi-weight", "kpi-count")),
    (SOE + "第九条 考核满分100分，优秀90分，良好80分，合格60分。", None, ("kpi-weight", "kpi-count")),
    (SOE + "第十二条 基础研究岗位薪酬构成：基本薪酬65%，绩效薪酬35%。", None, ("pay-mix-basic-research",)),
    (SOE + "第九条 员工工资调整到3000元后不再下调。", None, ("two-lower",)),
    (QJ + "第五条 各薪档间差额：1至2档100元，2至3档100元，3至4档100元。", None, ("pay-step-arithmetic",)),
    (SOE + "第九条 部门考核指标由各部门提出，一般为六至八项。", None, ("kpi-count",)),
    (SOE + "第十三条 科技人才考核不以论文为主要依据，主要看成果转化。", None, ("merit-not-papers",)),
    (SOE + "第二条 科技人才200人，首席专家10人。\n第三条 津贴标准见下表。",
     [[["序列", "首席津贴（元/月）", "资深津贴（元/月）"], ["研发", "3000", "1500"], ["工程", "2500", "1200"]]], ("chief-post-quota",)),
    (SOE + "第十六条 研发人员薪酬不低于同职级管理人员的100%。", None, ("tech-pay-vs-management",)),
    (QJ + "第三条 今年利润总额预计增长8%。\n第四条 今年工资总额在去年清算数8,000万元的基础上增加400万元。", None, ("two-lower",)),
    (PRIVATE_QJ + "第四条 每年一季度，公司与职工代表就当年工资增幅进行协商。", None, ("collective-negotiation",)),
    (PRIVATE_QJ + "第四条 公司每年与工会签订工资专项协议，确定当年调资幅度。", None, ("collective-negotiation",)),
    (QJ + "第七条 技能岗位工资设六档，每档标准为2800、2950、3100、3250、3400、3550元。", None, ("pay-step-arithmetic",)),
    (SOE + "第十六条 设计人员岗位工资较同等级管理人员高5%。", None, ("tech-pay-vs-management",)),
    (QJ + "第十条 首席技师实行年薪制，其中基本年薪10万元、绩效年薪20万元。", None, ("annual-salary-split",)),
]


def test_shares_named_by_grade_make_a_distribution():
    report = review_text(SOE + "第十二条 年度考核设甲、乙、丙、丁四等，其中A档不超过四分之一。\n第十三条 员工考核分A、B、C三档，A档不超过四分之一。")
    assert any(f.rule == "forced-distribution-top" for f in report.findings)


@pytest.mark.parametrize("text, tables, rules", COMPLIANT, ids=[c[2][0] + str(i) for i, c in enumerate(COMPLIANT)])
def test_compliant_raises_no_breach(text, tables, rules):
    found = rules_found(text, tables)
    assert not set(rules) & set(found)


def test_the_best_grade_is_checked_however_the_shares_are_ordered():
    report = review_text(SOE + "第十二条 年度考核分卓越、良好、一般、较差四档。\n第十三条 较差档不少于2%，一般档约60%，良好档约23%，卓越档为15%。")
    top = [f for f in report.findings if f.rule == "forced-distribution-top"]
    assert top and "卓越" in top[0].message and "15%" in top[0].message


def test_an_answer_takes_its_topic_from_the_question():
    text = (SOE + "问：在岗员工一共多少人？\n答：四百人。\n问：本轮项目分红覆盖多少人？\n答：一百三十人。\n"
            "问：其中技术和技能骨干有多少？\n答：七十人。")
    rules = rules_found(text)
    assert "dividend-recipients" in rules and "dividend-tech-share" in rules


def test_an_answer_naming_its_own_figure_keeps_it():
    from assistant.review.reader import text_blocks
    from assistant.review.scheme import Scheme

    s = next(x for x in Scheme(text_blocks("问：科技人才有多少？答：研发人员二百人。", markdown=True)).sentences if x.answer_at)
    assert [q.name for q in s.figures(Kind.PEOPLE)] == ["研发人员"]


def test_a_geometric_series_within_rounding_is_still_allowed():
    from assistant.review.rules.structure import _geometric

    assert _geometric([Decimal(x) for x in (6000, 6600, 7260, 7990)])  # ×1.1, rounded to 10
    assert not _geometric([Decimal(x) for x in (3100, 3200, 3350, 3500)])
    assert not _geometric([Decimal(x) for x in (40, 70, 120, 200)])


def test_an_item_named_only_by_planning_words_reads_under_its_heading():
    text = QJ + "3 工资总额\n3.1 利润总额\n3.1.1 计划较上年增长3%。\n3.2 工资总额\n3.2.1 预算较上年增长5.5%。"
    assert "two-lower" in rules_found(text)


def test_shares_one_grade_to_a_line_are_one_distribution():
    text = SOE + "6 考核等次\n6.1 卓越：15%；\n6.2 良好：35%；\n6.3 称职：45%；\n6.4 不称职：5%。"
    tops = [f for f in review_text(text).findings if f.rule == "forced-distribution-top"]
    assert len(tops) == 1 and "卓越" in tops[0].message
    over = SOE + "6 考核等次\n6.1 卓越：15%；\n6.2 良好：40%；\n6.3 称职：45%；\n6.4 不称职：5%。"
    assert "forced-distribution-sum" in rules_found(over)


def test_a_figure_sharing_only_its_limit_with_a_guideline_is_the_schemes_own():
    from assistant.review.scheme import plain

    assert "40%" in plain("第八条 考核优秀名额不超过40%。")  # shares only "不超过40%" with the KPI weight limit
    assert "30%" not in plain("第八条 分红激励每次激励人数一般不超过本企业在岗职工总数的30%。")  # the guideline restated


_LISTED = [["序号", "指标名称", "考核标准"]] + [[str(i + 1), n, "按月统计"] for i, n in enumerate(
    ["产量", "质量", "安全", "成本", "设备", "现场", "培训", "节能", "环保", "创新", "协作", "纪律", "出勤"])]


def test_a_table_listing_indicators_is_counted():
    assert "kpi-count" in rules_found(SOE + "第九条 班组考核指标见下表。", [_LISTED])
    assert "kpi-count" not in rules_found(SOE + "第九条 班组考核指标见下表。", [_LISTED[:8]])
    assert "kpi-count" not in rules_found(SOE + "第九条 公司考核指标库如下，各部门从中选取。", [_LISTED])


def test_a_pay_agreement_with_the_union_is_bargaining():
    text = ("某陶瓷有限公司2025年度工资协议书\n甲方：某陶瓷有限公司（民营企业，位于曲靖市）\n乙方：公司工会委员会\n"
            "一、职工平均工资增长5%。\n二、绩效工资按月考核后分配。")
    assert "collective-negotiation" not in rules_found(text)
    alone = "某陶瓷有限公司2025年度工资分配办法\n本公司为曲靖市的民营企业。\n一、职工平均工资增长5%。"
    assert "collective-negotiation" in rules_found(alone)


def test_a_heading_merged_across_columns_heads_each_and_the_plan_year_is_read(tmp_path):
    import docx

    from assistant.review import review_file

    doc = docx.Document()
    doc.add_paragraph("第一条 本公司为曲靖市国资委出资的国有独资企业。")
    rows = [["项目", "上年实际", "", "本年计划", ""], ["", "金额", "增幅", "金额", "增幅"],
            ["利润总额（万元）", "3,000", "2.0%", "3,120", "4.0%"], ["工资总额（万元）", "4,000", "1.0%", "4,240", "6.0%"]]
    table = doc.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(0, 4))
    path = tmp_path / "budget.docx"
    doc.save(str(path))
    found = [f for f in review_file(path).findings if f.rule == "two-lower"]
    assert found and "6%" in found[0].message and "4%" in found[0].message


def _dividend_table(skill: str) -> list[list[str]]:
    return [["单位", "在岗人数", "激励对象人数", "其中：技术人才", "其中：技能人才"], ["研发中心", "150", "50", "30", "5"],
            ["制造部", "250", "60", "10", skill], ["合计", "400", "110", "40", skill]]


def test_one_kind_of_recipient_in_several_columns_is_added_up():
    text = SOE + "第六条 本期岗位分红激励对象见下表。"
    assert "dividend-tech-share" in rules_found(text, [_dividend_table("20")])  # 60 / 110
    assert "dividend-tech-share" not in rules_found(text, [_dividend_table("26")])  # 66 / 110 = 60%


def test_a_year_on_year_fall_is_a_growth_not_a_gap_between_two_things():
    from knowledge.reader.fill import _DIFFERENCE

    assert _DIFFERENCE.search("今年利润总额同比减少") is None and _DIFFERENCE.search("营业利润环比下降") is None
    assert _DIFFERENCE.search("基本年薪比绩效年薪少") is not None

