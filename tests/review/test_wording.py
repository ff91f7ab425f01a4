"""The same breach written in other words, other layouts (问答, 手册, 1.1 numbering) — and compliant
sentences that look like breaches. Each is a sentence a scheme might really contain."""

from __future__ import annotations

import pytest
from review_samples import scheme_text

from assistant.review import review_text

SOE = "第一条 本公司为曲靖市属国有独资企业。\n"
PRI = "第一条 本公司为曲靖市的民营企业。\n"

BREACHES = [
 (SOE+"第十四条 年度考核结果不与薪级晋升挂钩，薪级按工龄每两年晋升一级。", "promotion-assessment-link", "error"),
 (SOE+"第十条 车间绩效工资总额固定，不随企业效益变化。", "performance-three-level-link", "error"),
 (SOE+"第十五条 员工年度考核结果仅作为评先评优依据，不与薪酬分配挂钩。", "assess-before-allocate", "error"),
 (SOE+"问：基础工资怎么定？答：按学历分三档：本科2000元，大专1800元，高中1600元。", "basic-wage-one-standard", "error"),
 (SOE+"问：本办法需要经过职工代表大会讨论吗？答：本办法由总经理办公会审定后施行。", "soe-congress", "error"),
 (SOE+"第九条 本手册经总经理批准后发布执行。", "soe-congress", "error"),
 (SOE+"问：本办法需要提交职代会审议吗？答：不需要，由总经理办公会审定即可。", "soe-congress", "error"),
 (PRI+"第三条 公司不与工会就工资总额进行协商，由董事会决定。", "collective-negotiation", "error"),
 (SOE+"第三条 工资总额较上年增加600万元（增长8%），利润总额增长5%。", "two-lower", "error"),
 (SOE+"第三条 人均工资提高9%，全员劳动生产率提高7%。", "two-lower", "error"),
 (SOE+"第八条 每个岗位设13项考核指标。", "kpi-count", "error"),
 (SOE+"第八条 部门考核指标数量为12个。", "kpi-count", "error"),
 (SOE+"第二条 公司在岗职工300人。\n第九条 本次分红激励范围覆盖在岗职工的40%，参与分红人员中技术骨干占一半。", "dividend-recipients", "error"),
 (SOE+"第二条 公司在岗职工300人。\n第九条 本次分红激励范围覆盖在岗职工的20%，参与分红人员中技术骨干占一半。", "dividend-tech-share", "error"),
 (SOE+"第七条 工龄工资：1-3年50元/月；4-6年80元/月；7-10年120元/月；10年以上180元/月。", "seniority-arithmetic", "error"),
 (SOE+"第七条 薪级工资：一级2000元、二级2200元、三级2450元、四级2750元。", "pay-step-arithmetic", "error"),
 (SOE+"第十条 绩效奖金按人头平分。", "performance-egalitarian", "error"),
 (SOE+"第十条 绩效工资按出勤天数计发，不进行考核。", "assess-before-allocate", "error"),
 (SOE+"第十一条 研发团队依据OKR完成度发放项目奖金。", "okr-pay-link", "error"),
 (SOE+"第十一条 OKR评分结果与季度奖金挂钩。", "okr-pay-link", "error"),
 (SOE+"第十二条 对技能大师实行协议工资，协议工资不与绩效挂钩，固定发放。", "agreement-pay-targets", "error"),
 (SOE+"第十三条 职级聘任后终身有效。", "tenure", "error"),
 (SOE+"第十三条 专业技术职务聘任不实行任期管理。", "tenure", "error"),
 (SOE+"第十四条 薪级工资每满一年即晋升一档，与考核结果无关。", "promotion-assessment-link", "error"),
 (SOE+"第十五条 年度考核结果不作为薪酬发放依据。", "result-application", "error"),
 (SOE+"第十五条 考核结果与奖金分配无关。", "result-application", "error"),
 (SOE+"第十六条 夜班费在成本中列支，不占用工资总额。", "wage-total-items", "error"),
 (SOE+"第十六条 新增工资总额主要向管理岗位倾斜。", "increment-to-skill", "error"),
 (SOE+"第十七条 优秀名额不限。", "forced-distribution-top", "error"),
 (SOE+"第十七条 考核等次中优秀比例不作硬性规定。", "forced-distribution-top", "error"),
 (SOE+"第十八条 科研人员绩效等级主要以发表论文篇数评定。", "merit-not-papers", "error"),
 (SOE+"第十八条 所有研发人员采用统一的考核指标体系。", "classified-assessment", "error"),
 (SOE+"第十九条 基础研究人员按季度进行考核。", "basic-research-cycle", "error"),
 (SOE+"第二十条 研发人员薪酬水平按同级管理人员的85%确定。", "tech-pay-vs-management", "error"),
 (SOE+"第二十条 研发人员年度调薪幅度低于同职级管理人员。", "tech-pay-vs-management", "error"),
 (SOE+"第二十一条 基础研究人员固定收入占比约五成。", "pay-mix-basic-research", "error"),
 (SOE+"第二十二条 基本年薪与绩效年薪之比为6:4。", "annual-salary-split", "error"),
 (SOE+"第二十三条 薪酬标准原则上五年一调。", "adjustment-mechanism", "error"),
 (SOE+"第二十四条 首席工程师3名，科技人才共40人。", "chief-post-quota", "error"),
 (SOE+"第二十五条 基础工资按学历分三档：研究生2400元，本科2100元，大专及以下1800元。", "basic-wage-one-standard", "error"),
 (SOE+"第二十六条 集团总部员工人均工资增长9%，集团全体职工人均工资增长6%。", "hq-wage-growth", "error"),
]

COMPLIANT = [
    "问：绩效工资是平均发放吗？答：不是，按考核结果浮动发放。",
    "问：本方案需要职代会审议吗？答：需要，经职工代表大会审议通过后施行。",
    "第十八条 试用期员工不参加考核，绩效工资按80%发放。",
    "第十八条 各单位优秀等次比例不超过10%，由各单位在比例内自行确定人选。",
 "第十八条 本制度经公司职工代表大会审议通过后施行。",
 "问：绩效工资怎么发？答：根据考核结果发放，多劳多得。",
 "第十八条 考核结果作为薪酬调整、岗位晋升的重要依据。",
 "第十八条 OKR主要用于目标管理，不直接与奖金挂钩。",
 "第十八条 科技人员调薪幅度不低于管理人员。",
 "第十八条 薪级晋升与年度考核结果挂钩，考核不合格的不予晋级。",
 "第十八条 不得将论文数量作为绩效评价的唯一依据。",
 "第十八条 加班工资纳入工资总额管理，不得在成本中列支。",
 "第十八条 工资总额增量优先用于一线员工，不向管理人员倾斜。",
 "第十八条 绩效工资不与出勤挂钩，而与考核结果挂钩。",
 "第十八条 年度考核结果为不合格的，扣减当年绩效工资的50%。",
 "3.2 绩效工资按月考核发放，考核得分低于60分的不发绩效工资。",
 "第十八条 首席技师津贴每月800元，首席技师不超过技能人员总数的2%。",
 "第十八条 各部门优秀等次比例不超过10%，不合格比例不低于2%。",
 "第十八条 研发人员实行宽带薪酬，每个职级设五档，档差为中位值的5%。",
 "第十八条 技能津贴标准：初级工50元、中级工100元、高级工200元、技师400元。",
 "第十八条 2023年职工平均工资为8.2万元，较2022年增长4%。",
 "第十八条 对考核结果有异议的，可向工会申请复核，复核期间不影响绩效工资发放。",
 "第十八条 公司不设单一绩效薪酬岗位。",
 "第十八条 协议薪酬人员按协议约定的绩效目标考核，考核结果不合格的扣减绩效部分。",
]


@pytest.mark.parametrize("text, rule, severity", BREACHES, ids=lambda x: x if isinstance(x, str) and "-" in x else None)
def test_breach_in_other_words(text, rule, severity):
    found = [f.severity.value for f in review_text(text).findings if f.rule == rule]
    assert severity in found, (rule, found)


@pytest.mark.parametrize("sentence", COMPLIANT)
def test_compliant_sentence_raises_nothing(sentence):
    assert [(f.rule, f.message) for f in review_text(scheme_text(extra=(sentence,))).findings] == []
