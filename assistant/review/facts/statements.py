"""What the scheme says in words, with negation read first: who deliberates, how performance pay
follows assessment, what OKR results drive, what is left outside the wage total, and so on.

Each statement is found by its words (words.yaml) and its polarity is that of the reader's clause
(`Clause.negated`, "不经…", "无需…", "不与…挂钩") or a refusal word (破除, 防止 …), so "本方案不经职工
代表大会审议" is a refusal, never a mention of the congress."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from knowledge.reader import Kind

from ..models import Evidence
from ..scheme import Scheme, Sentence
from ..words import words
from .common import Facts, Mentioned, mentioned, negated_at, positions

S = words().statements

COMPONENTS: dict[str, tuple[str, ...]] = {
    "基础工资": ("基础工资", "基本生活保障工资"),
    "能力工资": ("能力工资", "技能工资", "技能等级工资", "技能津贴", "学历津贴", "职称津贴"),
    "年功工资": ("年功工资", "工龄工资", "厂龄工资", "司龄工资", "工龄津贴"),
    "岗位工资": ("岗位工资", "岗位基本薪酬", "岗位薪酬", "岗位基本工资", "岗位薪点", "岗位薪级工资"),
    "津贴补贴": ("津贴", "补贴"),
    "绩效工资": ("绩效工资", "绩效薪酬", "绩效奖", "绩效年薪", "计件工资"),
}


class Priority(StrEnum):
    MANAGEMENT = "管理人员"
    SKILL = "技术技能人才"
    TECH = "科技人才"


class Increment(Facts):
    first: Priority | None  # whom the wage-total increment goes to first, as written
    evidence: Evidence
    spread: bool = False  # shared out evenly, or its tilt refused ("按人数平均分配，不作倾斜"): nobody first


class Statements(Facts):
    components: dict[str, Evidence] = Field(default_factory=dict)
    congress: Mentioned | None = None
    party: Mentioned | None = None
    negotiation: Mentioned | None = None
    approval: Evidence | None = None  # an approval procedure is written
    even_pay: Evidence | None = None
    unassessed: Evidence | None = None  # performance pay refusing assessment ("不进行考核")
    first_assess: Evidence | None = None
    linked_pay: Evidence | None = None
    department_pool: Evidence | None = None
    formula: Evidence | None = None
    cycle: Evidence | None = None
    okr_linked: Evidence | None = None
    papers: Evidence | None = None
    uniform_assessment: Evidence | None = None
    no_tenure: Evidence | None = None
    auto_promotion: Evidence | None = None
    results_decoupled: Evidence | None = None
    results_used: Evidence | None = None
    outside_wage_total: Evidence | None = None
    agreement_pay: Mentioned | None = None  # denied: 协议薪酬 without 绩效目标 ("不设绩效考核要求")
    increment: Increment | None = None
    budget_scope_mismatch: Evidence | None = None
    single_performance: Evidence | None = None
    min_wage: Evidence | None = None
    min_wage_refused: Evidence | None = None  # "不保障最低工资"
    price_adjust: Evidence | None = None
    excess_profit: Evidence | None = None
    excess_rule: Evidence | None = None
    allowance_policy: Evidence | None = None
    pool_fixed: Evidence | None = None  # performance pay not moving with the company's results
    never_falls: Evidence | None = None  # the wage total never falls with results ("只增不减")
    high_wage_uncontrolled: Evidence | None = None  # a high-wage subsidiary left without control
    external_delinked: Evidence | None = None  # 外部效益型 wage totals not moving with results
    no_job_evaluation: Evidence | None = None  # 岗位工资 set without job evaluation
    base_paid_yearly: Evidence | None = None  # 基本年薪 paid at year end (or 绩效年薪 monthly)
    agreement_no_term: Evidence | None = None  # 协议薪酬 without a term
    dividend_unconditional: Evidence | None = None  # 分红 without results conditions, or evenly
    no_competency: Evidence | None = None  # grades without their least competency
    base_pay_late: Evidence | None = None  # 岗位基本薪酬 paid quarterly or yearly
    mature: Evidence | None = None  # the company describes itself as mature / profitable
    yearly_grade_promotion: Evidence | None = None  # 职级 promoted every year
    career_path: Evidence | None = None
    incentives: Evidence | None = None
    budget_refused: Evidence | None = None  # the wage total kept out of budget management ("不实行工资总额预算管理")
    tilted_away: Evidence | None = None  # pay tilted towards managers, or the tilt to skilled staff refused
    leading_not_raised: Evidence | None = None  # leading skilled talent's pay explicitly not raised


def statements(scheme: Scheme) -> Statements:
    # A question states nothing ("问：绩效工资平均发放吗？"); its answer does (see `_answered`).
    asked = scheme.prose()
    prose = [s for s in asked if not s.asks]
    # Lists of what the wage total covers name pay items without setting them up.
    structure = [s for s in scheme.sentences if not s.has("工资总额", "预算管理")]
    return Statements(
        components={name: s.evidence for name, cues in COMPONENTS.items() if (s := _first(structure, cues)) is not None},
        congress=_informed_only(_polar(asked, S.congress), asked),
        party=_polar([s for s in asked if s.has(*S.party_action)], S.party),
        negotiation=_polar(asked, S.negotiation) or _polar([s for s in asked if s.has(*_PARTIES) and s.has("工资", "薪酬")], _BARGAIN)
        or _pay_agreement(scheme),
        approval=_evidence(s for s in prose if s.has(*S.approval) and s.has(*S.approval_body) and s.has(*S.own_document)),
        even_pay=_evidence(s for s in prose if s.has(*S.pay_words) and (_even_pay(s) or _regardless(s))),
        unassessed=_evidence(s for s in prose if not s.has(*S.okr, *S.unassessed_except) and (_unassessed(s) or _paid_first(s)
                                                                                         or _link_denied(s))),
        first_assess=_evidence(s for s in prose if s.has(*S.first_assess)),
        linked_pay=_evidence(s for s in prose if s.has(*S.pay_words) and s.has(*S.assessment_link) and _affirmed(s, S.link)),
        department_pool=_evidence(s for s in scheme.sentences if s.has(*S.department_pool) and s.has(*S.pool_words) and s.has(*S.pay_words)),
        formula=_evidence(s for s in prose if s.has(*S.formula) and s.has(*S.formula_topic)),
        cycle=_evidence(s for s in scheme.sentences if s.has(*S.cycle_words) and s.has("考核", "考评", "评价")),
        okr_linked=_evidence(s for s in prose if s.has(*S.okr) and _okr_linked(s)),
        papers=_evidence(s for s in prose if _papers(s)),
        uniform_assessment=_evidence(s for s in prose if s.has(*S.tech_people) and (_affirmed(s, S.uniform_assessment, negation=False)
                                                                                     or _UNSORTED.search(s.plain) is not None)),
        no_tenure=_evidence(s for s in prose if s.has(*S.tenure_topic) and (_affirmed(s, S.no_tenure, negation=False) or _refused(s, _REAPPOINTED)
                                                                         or _held_for_good(s) or _kept_answered(s) or _term_refused(s))),
        auto_promotion=_evidence(s for s in prose if s.has(*S.promotion_topic) and (_affirmed(s, S.auto_promotion, negation=False)
                                                                                  or _automatic(s) or _promotion_unlinked(s))) or _by_time_alone(prose),
        pool_fixed=_evidence(s for s in prose if s.has(*S.pay_words) and _affirmed(s, S.pool_fixed, negation=False)),
        results_decoupled=_evidence(s for s in prose if s.has(*S.results) and not s.has(*S.okr) and _decoupled(s)),
        results_used=_evidence(s for s in scheme.sentences if s.has("考核", "考评", "绩效") and s.has(*S.results_use)),
        outside_wage_total=_evidence(s for s in prose if (s.has(*S.outside_wage_total) or _items_kept_out(s) or _charged_elsewhere(s))
                                     and _names_pay_item(s) and not s.has(*S.allowed_outside)),
        agreement_pay=_agreement(prose),
        increment=_increment(prose),
        budget_scope_mismatch=_evidence(s for s in prose if s.has(*S.budget_scope) and (s.has("不一致") or _refused(s, S.budget_scope) and not _outside_both(s))
                                        or _subsidiaries_left_out(s)),
        single_performance=_evidence(s for s in prose if _affirmed(s, S.single_performance) or _affirmed(s, S.no_base_pay, negation=False)),
        min_wage=_evidence(s for s in prose if s.has(*S.min_wage) and s.has("不低于", "支付", "保障", "不得低于", "补足")
                           and not _refused(s, ("保障", "支付", "补足", "限制", "约束"))),
        min_wage_refused=_evidence(s for s in prose if s.has(*S.min_wage) and _refused(s, ("保障", "支付", "补足", "执行", "适用", "限制", "约束"))),
        price_adjust=_evidence(s for s in prose if s.has(*S.price)),
        excess_profit=_evidence(s for s in prose if s.has(*S.excess_profit)),
        excess_rule=_evidence(s for s in prose if s.has("超额利润", "超目标") and s.has(*S.excess_rule)),
        allowance_policy=_evidence(s for s in prose if s.has(*S.allowance_policy)),
        never_falls=_evidence(s for s in prose if s.has("工资总额", "薪酬总额", "工资") and (
            s.has("工资总额", "薪酬总额") and (_affirmed(s, S.never_falls, negation=False) or _BENEFIT_REGARDLESS.search(s.plain) is not None
                                         or _UNTIED_FROM_RESULTS.search(s.plain) is not None or _even_if_falls(s))
            or _falls_answered_no(s))),
        high_wage_uncontrolled=_evidence(s for s in prose if (s.has(*S.high_wage) or _ABOVE_AVERAGE.search(s.plain))
                                         and (s.has(*S.not_controlled) or _refused(s, _CONTROLS) or _LIKE_THE_REST.search(s.plain))),
        external_delinked=_evidence(s for s in scheme.sentences if s.has(*S.external) and s.has("工资总额") and s.has(*S.delinked)),
        no_job_evaluation=_evidence(s for s in prose if s.has(*S.post_wage) and (s.has(*S.no_job_evaluation) or _affirmed(s, S.post_wage_by)
                                                                                 or _by_person(s) or _refused(s, _EVALUATION))),
        base_paid_yearly=_evidence(s for s in prose if _paid_wrongly(s)),
        agreement_no_term=_evidence(s for s in prose if s.has(*S.agreement_pay) and (_affirmed(s, S.no_term, negation=False)
                                                                                     or _refused(s, ("任期", "聘期", "期限", "合同期")))),
        dividend_unconditional=_evidence(s for s in prose if s.has(*S.dividend_words) and (_affirmed(s, S.no_conditions, negation=False)
                                                                                           or _BENEFIT_REGARDLESS.search(s.plain) is not None)),
        no_competency=_evidence(s for s in prose if s.has(*S.grade_words) and s.has(*S.competency) and _competency_refused(s)),
        base_pay_late=_evidence(s for s in prose if _base_pay_late(s)),
        mature=_evidence(s for s in prose if _affirmed(s, S.mature)),
        yearly_grade_promotion=_evidence(s for s in prose if s.has(*S.job_grade) and not s.has("薪级", "档") and _affirmed(s, S.yearly_promotion)),
        career_path=_evidence(s for s in prose if s.has(*S.career_path)),
        incentives=_evidence(s for s in scheme.sentences if s.has(*S.incentives)),
        budget_refused=_evidence(s for s in prose if _budget_refused(s)),
        tilted_away=_evidence(s for s in prose if _tilted_away(s)),
        leading_not_raised=_evidence(s for s in prose if _leading_not_raised(s)),
    )


# a subsidiary whose pay is above the average (the group's, the trade's): a high-wage one, however
# it is put; and what controlling it means, refused in a negated clause ("不另行核减额度")
_ABOVE_AVERAGE = re.compile(r"(?:工资|收入|薪酬)(?:水平)?[^，,；;。]{0,6}?(?:高于|超过|超出)[^，,；;。]{0,10}?(?:平均|均值|水平)[^，,；;。]{0,12}?(?:子企业|子公司|企业|单位)"
                            # "工资水平明显偏高的所属企业": an adverb between the level and 偏高
                            r"|(?:工资|收入|薪酬)(?:水平)?(?:明显|显著|相对|较为|较|过于|一直)偏高")
# treated as everyone else ("工资增幅与其他子企业保持一致"): no control of its own
_LIKE_THE_REST = re.compile(r"(?:与|和|同|跟)(?:其他|其余|一般|各|所有)[^，,；;。]{0,8}?(?:一致|相同|同等|同步|一样)|一视同仁|不作区别|不加区分|不区别对待")
_CONTROLS = ("调控", "控制", "核减", "压减", "调减", "下调", "限制", "压缩")


_EVALUATION = ("岗位评价", "岗位测评", "岗位评估", "岗位价值评估")
# what a person brings rather than what a post is worth: 岗位工资 set by these is not set by job evaluation
_PERSONAL = ("学历", "职称", "工龄", "资历", "年龄", "入职年限", "身份", "司龄")
_SET_BY = re.compile(r"(?:根据|按照|依据|按|以)([^，,；;。]{0,16}?)(?:确定|核定|定级|定档|确认|划分|为依据|为主)")


def _by_person(s: Sentence) -> bool:
    """"岗位工资根据员工学历和职称确定": the post wage set by personal attributes, in a clause naming it."""
    for clause in s.reading.clauses:
        if "岗位工资" not in s.scope(clause) or "岗位评价" in clause.text:
            continue
        found = _SET_BY.search(clause.text)
        if found and any(w in found.group(1) for w in _PERSONAL) and not negated_at(s, clause.start + found.start()):
            return True
    return False


_BUDGETED = ("预算管理", "编制预算", "预算编制", "实行预算", "预算控制")
_SCOPE_WORDS = ("纳入", "列入", "子企业", "子公司", "控股", "参股", "合并报表")


def _budget_refused(s: Sentence) -> bool:
    """"公司工资总额不实行预算管理，按实际发放": the wage total's budget refused — not a subsidiary left
    out of the group's budget (that is the budget's scope, another rule)."""
    return s.has("工资总额") and not s.has(*_SCOPE_WORDS) and (_refused(s, _BUDGETED) or _affirmed(s, ("实报实销",)))


_TILT_TO = re.compile(r"(?:向|对|给)([^，,；;。]{1,16}?)(?:倾斜|侧重|优先)")


def _tilted_away(s: Sentence) -> bool:
    """"薪酬分配向管理岗位倾斜", "对技能岗位不作倾斜": pay tilted to managers rather than skilled staff, or
    the tilt to skilled staff refused. The increment's use is another rule (增量优先用于…)."""
    if s.has(*S.increment, "增量") or not s.has("薪酬", "工资", "分配", "收入"):
        return False
    for m in _TILT_TO.finditer(s.plain):
        group = _group(m.group(1))
        negated = negated_at(s, m.end() - 1) or _deny_before(s, m.end() - 1)
        if group is Priority.MANAGEMENT and not negated and not any(w in m.group(1) for w in S.skill_first):
            return True
        if group in (Priority.SKILL,) and negated:
            return True
    return False


_LEADING = ("领军人才", "高技能领军", "技能大师", "首席技师")
_RAISED = ("提高", "提升", "增加", "上调", "倾斜", "单列", "高于")


def _leading_not_raised(s: Sentence) -> bool:
    """"高技能领军人才不另行提高薪酬待遇", "与其他职工执行同一薪酬标准": leading skilled talent's pay not
    raised, by a negated raise or by one standard with everyone."""
    if not s.has(*_LEADING) or not s.has("薪酬", "工资", "待遇", "收入"):
        return False
    return _refused(s, _RAISED) or _SAME_AS_OTHERS.search(s.plain) is not None


_SAME_AS_OTHERS = re.compile(r"与[^，,；;。]{0,10}?(?:其他|普通|一般)[^，,；;。]{0,8}?(?:同一|相同|一样|统一)")


def _unassessed(s: Sentence) -> bool:
    """Performance pay refusing assessment, or paid as a fixed sum: the clause (with the one before
    it) names the pay and says so."""
    if (not s.has(*S.unassessed, *S.fixed_payment) and _NO_ASSESSMENT.search(s.plain) is None and _UNRELATED.search(s.plain) is None
            and _PER_HEAD_FIXED.search(s.plain) is None):
        return False
    clauses = s.reading.clauses
    for clause in clauses:
        # the pay the clause speaks of: named in it or anywhere before it in its sentence, a colon's topic
        # among them ("绩效奖金：每人每月固定500元，与考核无关")
        part = s.plain[max(s.plain.rfind(ch, 0, clause.start) for ch in "；;。") + 1:clause.start]
        here = part + clause.text  # the pay named anywhere before it in its sentence ("绩效工资月度预发，年终清算，清算时不再考核")
        if not any(w in here for w in S.pay_words[:5]) and _BONUS.search(here) is None:
            continue
        refused = any(w in clause.text for w in S.unassessed + S.fixed_payment) or _NO_ASSESSMENT.search(clause.text) is not None \
            or _UNRELATED.search(clause.text) is not None or _PER_HEAD_FIXED.search(clause.text) is not None
        if refused and not _deny_before(s, clause.start + 1):
            return True
    return False


# a bonus named by what it is for or when it is paid (季度奖, 效益奖, 安全奖): pay, not a prize (获奖, 奖项, 奖惩)
_BONUS = re.compile(r"(?<![获得])[\u4e00-\u9fa5]奖(?:金|励)?(?![惩项状章])")
# the assessment itself refused, however the verb is put ("年终不再考核", "无需组织考评"); not a result
# of it ("考核不合格", "不考核结果") — a negation right before the verb, nothing after it naming a result
_NO_ASSESSMENT = re.compile(r"(?:不再|不|无需|无须|免于|免予|不用|不必|未)(?:进行|开展|组织|实行|参加|参与|作|搞|设|另行)?(?:考核|考评|打分|评分)"
                            r"(?!合格|结果|等级|得分|分数|成绩|指标)")
# a sum fixed per head ("每人每月固定300元", "人均固定发放"): the same to everyone, whatever the assessment
_PER_HEAD_FIXED = re.compile(r"(?:每人|人人|人均|每名职工|每位职工)[^，,；;。]{0,6}?固定")
# pay said to have nothing to do with the assessment ("与考核无关", "和考核结果没有关系")
_UNRELATED = re.compile(r"(?:与|和|同|跟)[^，,；;。]{0,6}?(?:考核|考评)[^，,；;。]{0,4}?(?:无关|没有关系|没关系|无关联|不相关)")
# 协议薪酬 "不与业绩目标挂钩", "不约定考核目标": the targets the guideline asks for, refused
_UNTIED = re.compile(r"不(?:与|设|约定|进行|作|设置)[^，,；;。]{0,6}?(?:业绩|绩效|目标|考核)")
# "无论效益如何，工资总额每年增长…": the wage total moving whatever the results
_BENEFIT_REGARDLESS = re.compile(r"(?:无论|不论|不管)[^，,；;。]{0,4}?(?:效益|利润|业绩|盈亏)")
_REGARDLESS = re.compile(r"(?:不论|无论|不管|不看|不考虑|不区分)[^，,；;。、]{0,4}?(?:绩效|考核|业绩|贡献|表现|好坏|优劣)")
_PAID = ("预发", "发放", "发", "兑现", "支付")
# paid in full ahead of the assessment, and the assessment then refused any effect on it
_IN_FULL = re.compile(r"(?:全额|足额|全部)[^，,；;。]{0,10}?(?:发放|预发|兑现|支付)")
_NOT_SETTLED = re.compile(r"(?:考核|考评)[^；;。]{0,10}?(?:不再|不予|不作|不|无需|无须)(?:进行)?(?:清算|调整|扣减|扣回|追回|多退少补|核减)")
_ASSESSED_AFTER = re.compile(r"(?:再|后|然后|年底|年终|年末|期末|季末|事后)[^。；;]{0,12}?(?:考核|考评|评定|评价)")


_SCORES = ("分值", "权重", "分数", "得分", "总分", "满分")


def _even_pay(s: Sentence) -> bool:
    """Pay shared out evenly: an even-sharing word (平均分配, 平分) not refused, in a clause that does
    not share out scores or weights ("其余六项平分剩余分值" weighs indicators, pays nobody)."""
    for name in S.even_pay:
        for at in positions(s.plain, name):
            clause = s.clause_at(at)
            if clause is not None and any(w in clause.text for w in _SCORES):
                continue
            if s.answer_at is not None and at < s.answer_at and _answer_says(s) is not True:
                continue
            if not negated_at(s, at):
                return True
    return False


_LINKED = ("挂钩", "关系", "联系", "有关", "关联", "挂勾", "相关")


def _link_denied(s: Sentence) -> bool:
    """"问：绩效工资和考核有关系吗？答：没有关系，…": a question whether performance pay follows the
    assessment, answered no."""
    if s.answer_at is None:
        return False
    question = s.plain[:s.answer_at]
    asked = any(w in question for w in S.pay_words[:5]) and any(w in question for w in ("考核", "考评")) and any(w in question for w in _LINKED)
    return asked and _answer_says(s) is False


# the wage total said to have nothing to do with results ("与效益无关", "不与经济效益挂钩")
_UNTIED_FROM_RESULTS = re.compile(r"(?:与|和|同|跟)[^，,；;。]{0,4}?(?:效益|利润|业绩|盈亏)[^，,；;。]{0,4}?(?:无关|没有关系|脱钩|不挂钩)|不与[^，,；;。]{0,4}?(?:效益|利润|业绩)[^，,；;。]{0,2}?挂钩")
_EVEN_IF = re.compile(r"(?:即使|即便|哪怕|就算)[^，,；;。]{0,8}?(?:亏损|效益|利润|业绩|下降|下滑|减少)")
_CUT = ("下调", "下降", "降低", "减少", "压减", "调减", "降")


def _even_if_falls(s: Sentence) -> bool:
    """"即使出现亏损，职工工资总额也不下调": the wage total kept up whatever the results — a cut refused
    after 即使/即便 … 亏损."""
    found = _EVEN_IF.search(s.plain)
    return found is not None and any(negated_at(s, at) for w in _CUT for at in positions(s.plain, w) if at > found.end())


def _falls_answered_no(s: Sentence) -> bool:
    """"问：效益下滑了工资会降吗？答：不会，…": whether pay falls with results, answered no."""
    if s.answer_at is None:
        return False
    question = s.plain[:s.answer_at]
    asked = any(w in question for w in ("效益", "利润", "亏损", "业绩", "盈利")) and any(w in question for w in _CUT)
    return asked and _answer_says(s) is False


def _regardless(s: Sentence) -> bool:
    """Pay "不论绩效" / "不分岗位、不论绩效，一律…发放": paid whatever the assessment says, not refused."""
    text = s.plain[s.answer_at or 0:]
    found = _REGARDLESS.search(text)
    return found is not None and not _deny_before(s, (s.answer_at or 0) + found.start())


def _paid_first(s: Sentence) -> bool:
    """"绩效工资先按标准全额预发，年底再进行考核": paid first (先 … 发), assessed after (再 … 考核) —
    the order of 先考核后分配 turned round; or paid in full with the assessment changing nothing after
    ("按月全额发放，年度考核结束后不再清算调整")."""
    if not s.has(*S.pay_words[:5]):
        return False
    text = s.plain
    full = _IN_FULL.search(text)
    unsettled = _NOT_SETTLED.search(text, full.end()) if full is not None else None
    if full is not None and unsettled is not None and not _deny_before(s, full.start()):
        return True
    for m in re.finditer("先", text):
        end = min((text.find(ch, m.end()) for ch in "，,；;。、" if text.find(ch, m.end()) >= 0), default=len(text))  # 先发放、后考核
        first = text[m.end():end]
        if any(w in first for w in _PAID) and not any(w in first for w in ("考核", "考评")) and _ASSESSED_AFTER.search(text, end):
            return not negated_at(s, m.start())
    return False


# a grade held for good: the re-appointment at the end of a term refused ("不再重新评聘")
_REAPPOINTED = ("重新评聘", "重新聘任", "重新评定", "重新评审", "定期评聘")
_ONCE = re.compile(r"一经(?:聘任|聘用|确定|评定|评聘|任命|聘)|(?:聘任|聘用|确定|评定|评聘|任命)(?:后|以后|之后)|终身")
_CHANGED = ("调整", "变动", "变更", "升降", "降级", "降低", "调降", "解聘")
_PAY = ("工资", "薪酬", "标准", "薪级", "档")


# a term refused however the verb is put ("不再设定聘期", "不规定任期", "取消聘期")
_NO_TERM = re.compile(r"(?:不再|不|无需|无须|取消)(?:另行)?(?:设定|设置|设|规定|约定|实行|明确)?(?:任期|聘期)")


def _term_refused(s: Sentence) -> bool:
    """A post's term refused; an agreement's term is read by its own rule (协议薪酬实行任期聘任制)."""
    found = _NO_TERM.search(s.plain)
    return found is not None and not s.has("协议") and not _deny_before(s, found.start())


def _kept_answered(s: Sentence) -> bool:
    """"问：职级会降吗？答：不会，…": whether a grade can change, answered no."""
    if s.answer_at is None:
        return False
    question = s.plain[:s.answer_at]
    asked = any(w in question for w in ("职级", "职位等级", "职务等级", "聘任")) and any(w in question for w in (*_CHANGED, "降", "调", "变"))
    return asked and _answer_says(s) is False


def _held_for_good(s: Sentence) -> bool:
    """"职级一经聘任，除因违纪受处分外，不再调整": once appointed (一经…), the grade is never changed —
    a negated change, in a clause after the appointment (or in its own clause: "确定后原则上不再变动"), not
    about a pay standard; or a grade for life (终身)."""
    once = _ONCE.search(s.plain)
    if once is None or s.has("期满", "任期", "聘期", "届满", "年内", "重新评定", "重新评聘", "重新聘任"):
        return False  # "确定后三年内不作调整，期满重新评定": held for a term, not for good
    if once.group(0) == "终身":
        return not negated_at(s, once.start()) and not _deny_before(s, once.start())  # "职级聘任实行终身制"
    for clause in s.reading.clauses:
        if clause.end <= once.start() or any(w in clause.text for w in _PAY):
            continue
        at = next((clause.start + clause.text.find(w) for w in _CHANGED if w in clause.text), None)
        if at is not None and negated_at(s, at):
            return True
    return False
_EVERY_YEARS = re.compile(r"每满[0-9一二两三四五六七八九十]+年")
_ASSESSMENT = ("考核", "考评", "绩效", "合格", "评价", "评定", "等次")
_PROMOTED = ("晋升", "晋级", "升档", "调档", "上调", "升级", "降级", "下调", "降档", "调升", "调级", "晋档")


_AUTOMATIC = re.compile("(?:自动|自然|逐年)(?:" + "|".join(_PROMOTED + ("增长", "提高", "提升", "增加", "涨")) + ")")


def _automatic(s: Sentence) -> bool:
    """"薪级每满三年自动上调一级": a pay step gained automatically, whatever the verb, not refused, and
    not as the result of an assessment ("考核不合格的自动降一级" follows the assessment)."""
    found = _AUTOMATIC.search(s.plain)
    if found is None or not s.has("薪级", "薪档", "档次", "级"):
        return False
    clause = s.clause_at(found.start())
    if clause is None or any(w in clause.text for w in _ASSESSMENT):
        return False
    return not negated_at(s, found.start()) and not _deny_before(s, found.start())


def _by_time_alone(prose: list[Sentence]) -> Evidence | None:
    """"薪级晋升以连续工龄为唯一依据，每满两年晋升一级": steps gained by time alone — the sentence names
    no assessment, and no other sentence ties step promotion to assessment."""
    linked = any(s.has(*_PROMOTED) and s.has(*_ASSESSMENT) and not _promotion_unlinked(s) for s in prose)
    if linked:
        return None
    for s in prose:
        if not s.has("薪级", "薪档", "档次") or not s.has(*_PROMOTED) or s.has(*_ASSESSMENT):
            continue
        by_time = s.has("工龄", "年限", "司龄", "厂龄") and s.has("唯一依据", "只看", "仅按", "仅以", "仅凭", "只按") \
            or _EVERY_YEARS.search(s.plain) is not None
        if by_time:
            return s.evidence
    return None


def _outside_both(s: Sentence) -> bool:
    """"丁公司为参股企业，不纳入集团合并报表范围，…不纳入集团工资总额预算": a company outside the consolidated
    accounts left out of the budget too — the two scopes agree."""
    return s.has("参股") or _refused(s, ("工资总额预算", "预算范围", "预算管理")) and not s.has("不一致")


def _subsidiaries_left_out(s: Sentence) -> bool:
    """"控股子企业自行编制，不纳入集团工资总额预算": subsidiaries the accounts consolidate (控股, 全资,
    子企业) kept out of the budget by a negated clause (参股 companies are outside the accounts anyway)."""
    if not s.has("工资总额预算", "预算编制", "编制范围") or s.has("参股", *S.allowed_outside):
        return False
    for clause in s.reading.clauses:
        at = next((clause.start + clause.text.find(w) for w in ("纳入", "列入", "包括", "编入", "并入") if w in clause.text), None)
        if at is None or not negated_at(s, at):
            continue
        before = s.plain[max(0, clause.start - 20):at]
        after = s.plain[at:clause.end]  # "预算范围暂不包括新设立的控股子公司": the companies named after the verb
        if any(w in before or w in after for w in ("控股", "子企业", "子公司", "所属企业")):
            return True
    return False


def _competency_refused(s: Sentence) -> bool:
    """"各职级不设最低能力素质要求", "有没有任职资格要求？答：没有": the requirement refused, in the
    words of the list, by a negated clause, or by the answer to a question about it."""
    if s.has(*S.refused_competency):
        return True
    if s.answer_at is not None:
        said = _answered(s, S.competency)
        return said is not None and said.denied
    return _refused(s, S.competency)


def _names_pay_item(s: Sentence) -> bool:
    """A pay item named for itself (津贴, 加班工资), not the 工资 of 工资总额, and no subsidiary kept out
    (a company left out of the budget is the budget's scope, not a pay item)."""
    rest = s.plain.replace("工资总额", "····")
    named = any(w in rest for w in S.wage_items + _MORE_ITEMS)
    return named and not any(w in rest for w in ("子企业", "子公司", "控股企业", "参股"))


_MORE_ITEMS = ("夜班", "值班", "高温", "补助", "加班费", "夜班费")  # pay items named by what they pay for


def _items_kept_out(s: Sentence) -> bool:
    """"夜班补贴不再纳入工资总额核算": a negated 纳入/计入 of the wage total whose clause (or the one
    before it) names a pay item — not a budget base (不计入预算基数) nor a subsidiary."""
    clauses = s.reading.clauses
    for i, clause in enumerate(clauses):
        text = clause.text
        at = next((clause.start + text.find(w) for w in ("纳入", "计入", "列入") if w in text), None)
        if at is None or "工资总额" not in text or any(w in text for w in ("基数", "子企业", "子公司", "企业")) or not negated_at(s, at):
            continue
        if any(w in text or i and w in clauses[i - 1].text for w in S.wage_items[:4]):
            return True
    return False


# funds outside wage accounting that pay may be charged to, keeping it out of the total (cost accounts such as
# 制造费用 or 管理费用 say where wages are booked, not whether they count in the total)
_OTHER_ACCOUNTS = ("福利费", "营业外支出", "其他费用", "工会经费")
_CHARGED = ("列支", "列账", "开支", "核算", "支出", "列销", "报销")


def _charged_elsewhere(s: Sentence) -> bool:
    """"各类奖励性补贴通过福利费渠道列支": a pay item charged to another account, not refused ("不在成本费用中
    列支") and not said to stay in the wage total."""
    if s.has("工资总额") or not s.has(*S.wage_items[:4]):
        return False
    for clause in s.reading.clauses:
        account = next((w for w in _OTHER_ACCOUNTS if w in clause.text), None)
        if account is not None and any(w in clause.text for w in _CHARGED) and not negated_at(s, clause.start + clause.text.find(account)):
            return True
    return False


def _first(sentences: list[Sentence], cues: tuple[str, ...]) -> Sentence | None:
    return next((s for s in sentences if s.has(*cues)), None)


def _evidence(found) -> Evidence | None:
    s = next(iter(found), None)
    return s.evidence if s is not None else None


# the staff's side of a bargain: "公司与职工代表就工资分配进行协商" is collective bargaining however named
def _pay_agreement(scheme: Scheme) -> Mentioned | None:
    """The scheme is itself a pay agreement with the staff's side: a 工资协议/合同 whose parties (甲方/乙方)
    include the union or the staff's delegates ("工资协议书 … 乙方：公司工会")."""
    titled = next((s for s in scheme.sentences if s.has("工资", "薪酬") and s.has("协议", "合同")), None)
    party = any(s.has("甲方", "乙方") and s.has(*_PARTIES) for s in scheme.sentences)
    return Mentioned(evidence=titled.evidence, denied=False) if titled is not None and party else None


_BARGAIN = ("协商", "协议", "谈判")
_PARTIES = ("工会", "职工代表", "员工代表", "职工方", "劳资", "劳动关系双方", "双方")


def _polar(sentences: list[Sentence], names: tuple[str, ...]) -> Mentioned | None:
    """What the scheme says of its own adoption (本方案经…) first; else the first affirming
    mention, else the first refusal, else None."""
    own = [s for s in sentences if s.has(*S.own_document)]
    if own and any(s.has(*names) for s in own):
        return _polar_in(own, names)
    return _polar_in(sentences, names)


def _polar_in(sentences: list[Sentence], names: tuple[str, ...]) -> Mentioned | None:
    refusal = None
    for s in sentences:
        if s.asks:
            continue
        said = _answered(s, names) if s.answer_at is not None else mentioned(s, names)
        if said is None:
            continue
        if not said.denied:
            return said
        refusal = refusal or said
    return refusal


def _informed_only(said: Mentioned | None, sentences: list[Sentence]) -> Mentioned | None:
    """"职工代表大会仅作通报", "报职代会备案": the congress is told, not asked to review — a refusal of its
    review when no clause naming it reviews, discusses or votes."""
    if said is None or said.denied:
        return said
    s = next((x for x in sentences if x.evidence == said.evidence), None)
    if s is None:
        return said
    clauses = [c for c in s.reading.clauses if any(w in c.text for w in S.congress)]
    told = clauses and all(any(w in c.text for w in S.informed) and not any(w in c.text for w in S.reviewed) for c in clauses)
    return Mentioned(evidence=said.evidence, denied=True) if told else said


def _promotion_unlinked(s: Sentence) -> bool:
    """"考核结果不与薪级晋升挂钩": a negated clause tying promotion to assessment."""
    for clause in s.reading.clauses:
        text = clause.text
        link = next((w for w in S.decoupled_link if w in text), None)
        if link and any(w in text for w in S.promotion_topic) and negated_at(s, clause.start + text.find(link)) \
                and ("考核" in text or "考核" in s.plain[:clause.start]):
            return True
    return False


def _answer_says(s: Sentence) -> bool | None:
    """Yes (True), no (False) or neither (None): the first clause of the answer."""
    assert s.answer_at is not None
    first = next((c for c in s.reading.clauses if c.start >= s.answer_at and c.text.strip() not in ("", "答")), None)
    if first is None:
        return None
    if negated_at(s, first.start):
        return False
    return True if first.text.strip().startswith(("需要", "是", "要", "应", "必须", "会", "对")) else None


def _answered(s: Sentence, names: tuple[str, ...]) -> Mentioned | None:
    """A question naming the topic ("本办法需要提交职代会审议吗？") takes the polarity of its answer
    ("答：不需要，…"); a question about something else is read as a plain sentence."""
    assert s.answer_at is not None
    question, answer = s.plain[:s.answer_at], s.plain[s.answer_at:]
    if not any(w in question for w in names):
        return mentioned(s, names)
    clauses = [c for c in s.reading.clauses if c.start >= s.answer_at and c.text.strip() not in ("", "答")]
    first = clauses[0] if clauses else None
    if first is not None and negated_at(s, first.start):
        return Mentioned(evidence=s.evidence, denied=True)
    if first is not None and first.text.strip().startswith(("需要", "是", "要", "应", "必须", "会", "对", "经")):
        return Mentioned(evidence=s.evidence)
    hits = [at for w in names for at in positions(answer, w)]
    if hits:
        return Mentioned(evidence=s.evidence, denied=all(negated_at(s, s.answer_at + at) for at in hits))
    if any(w in answer for w in S.approval_body):  # answered with another procedure
        return Mentioned(evidence=s.evidence, denied=True)
    return None


def _affirmed(s: Sentence, names: tuple[str, ...], negation: bool = True) -> bool:
    """One of `names` is written and not refused. With `negation=False` only refusal words count
    (for phrases that carry a 不 of their own: "不设任期", "不区分研究类型")."""
    for name in names:
        for at in s.where(name):
            if s.answer_at is not None and at < s.answer_at and _answer_says(s) is not True:
                continue  # asked, and not answered yes
            if negation and negated_at(s, at):
                continue
            if not negation and _deny_before(s, at):
                continue
            return True
    return False


def _deny_before(s: Sentence, at: int) -> bool:
    clause = s.clause_at(at)
    start = clause.start if clause else 0
    return any(w in s.plain[start:at] for w in words().deny)


def _refused(s: Sentence, names: tuple[str, ...]) -> bool:
    return any(negated_at(s, at) for name in names for at in s.where(name))


def _okr_linked(s: Sentence) -> bool:
    """A clause of an OKR sentence ties its results to pay, and is not negated."""
    for clause in s.reading.clauses:
        text = clause.text
        if any(w in text for w in S.okr_other) or not any(w in text for w in S.okr_link):
            continue
        if not any(w in text for w in S.okr + S.okr_result) or "绩效考核" in text or "考核结果" in text:
            continue  # this clause speaks of another assessment
        if not any(w in text for w in S.okr_pay):
            continue
        if negated_at(s, clause.start):
            continue
        return True
    return False


# "主要看论文篇数", "主要以职称定级": the main basis, however the verb is put
_MAINLY = re.compile(r"主要(?:看|以|依据|根据|取决于|凭|按|参考)")
# "不分研究类别", "不区分岗位类型": one assessment for every kind of technology staff
_UNSORTED = re.compile(r"不(?:分|区分|区别)[^，,；;。]{0,4}?(?:类别|类型|研究类|岗位类|序列)")


def _papers(s: Sentence) -> bool:
    """Papers, titles, degrees or awards as the main basis of assessment (two of them named, or one
    named as the main basis), not refused."""
    named = [w for w in S.papers if s.has(w)]
    if not named or not (len({w[:2] for w in named}) >= 2 and s.has(*S.papers_use) or s.has(*S.papers_main) or _MAINLY.search(s.plain)):
        return False
    if any(w in s.scope(c) for c in s.reading.clauses if any(n in c.text for n in named) for w in ("脱钩", "无关", "不挂钩")):
        return False  # "与学历、职称脱钩": the basis refused
    return not any(negated_at(s, s.plain.find(w)) for w in named)


# pay that does not move with the results ("不因考核结果增减", "不随考核等级浮动", "不受考核结果影响")
_UNMOVED = re.compile(r"不(?:因|随|受)[^，,；;。]{0,4}?(?:考核|考评|评价)(?:结果|等级|等次|得分)?[^，,；;。]{0,4}?(?:增减|增加或减少|变化|变动|调整|浮动|影响)")


def _decoupled(s: Sentence) -> bool:
    """Assessment results kept apart from pay: "不与薪酬分配挂钩", "不作为薪酬发放依据", "与奖金分配无关",
    "仅作为评先评优依据"."""
    clauses = s.reading.clauses
    for i, clause in enumerate(clauses):
        text = clause.text.strip()
        # "绩效薪酬按岗位标准足额发放，与考核等级无关": a clause opening with 与 speaks of the pay before it
        carried = i and text.startswith(("与", "同", "跟", "不因", "不随", "不受")) and any(w in clauses[i - 1].text for w in S.pay_target)
        if not any(w in text for w in S.pay_target) and not carried:
            continue
        if _UNMOVED.search(text) is not None:
            return True  # "绩效工资按岗位系数计发，不因考核结果增减": the pay stays whatever the results
        # the clause speaks of the results: it names them, or continues a clause that does
        about = any(w in text for w in S.results) or text.startswith(S.continuing) and any(
            any(w in c.text for w in S.results) for c in clauses[:i])
        if not about:
            continue
        if any(w in text for w in S.unrelated):
            return True
        link = next((w for w in S.decoupled_link if w in text), None)
        if link and negated_at(s, clause.start + clause.text.find(link)):
            return True
    return s.has(*S.decoupled_use) and not s.has(*S.pay_target[:2])


def _paid_wrongly(s: Sentence) -> bool:
    """基本年薪 paid yearly, or 绩效年薪 paid monthly: what follows each part, up to the other part
    or a full stop or semicolon, says how it is paid."""
    F = words().facts
    text = s.plain
    marks = sorted((at, w) for w in F.annual_base + F.annual_performance for at in positions(text, w))
    for i, (at, word) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        part = text[at:end]
        for stop in "。；;":
            part = part.split(stop)[0]
        if word in F.annual_base and (any(w in part for w in S.yearly_payment) or _ONCE_A_YEAR.search(part)):
            return True
        if word in F.annual_performance and any(w in part for w in S.monthly_payment) and "预发" not in part:
            return True
    return False


# paid once a year, however put: "于次年一次性兑现", "年终一并发放"
_ONCE_A_YEAR = re.compile(r"(?:次年|年终|年底|年末|年度终了|一次性)[^，,；;。]{0,6}?(?:发放|兑现|支付|发)")
# a period longer than a month between payments: 按季度发放, 每半年发放一次, 每季度首月…发放
_LATE = re.compile(r"(?:按|每)(?:季度?|半年|年度?)[^，,；;。]{0,8}?(?:发放|支付|发)")


# paid together with a yearly or quarterly payment: "随年终奖一并发放"
_WITH_YEARLY = re.compile(r"(?:随|与|同)[^，,；;。]{0,4}?(?:年终|年度|季度|半年)[^，,；;。]{0,6}?(?:发放|兑现|支付)")


def _base_pay_late(s: Sentence) -> bool:
    for clause in s.reading.clauses:
        text = s.scope(clause)
        late = any(w in text for w in S.late_payment) or _LATE.search(text) is not None or _WITH_YEARLY.search(text) is not None
        if any(w in text for w in S.base_pay) and late and "年薪" not in text:
            return not negated_at(s, clause.start)
    return False


def _agreement(prose: list[Sentence]) -> Mentioned | None:
    """协议薪酬 with (or refusing) performance targets: denied when its targets are refused. A sentence
    speaking of "the agreement" (协议中…) right after one on 协议薪酬 goes on with it."""
    first = None
    before = False
    for s in prose:
        about = s.has(*S.agreement_pay) or before and s.has("协议")
        before = about
        if not about:
            continue
        refused = s.has(*S.refused_targets) or _UNTIED.search(s.plain) is not None
        said = Mentioned(evidence=s.evidence, denied=refused)
        if refused:
            return said
        first = first or said
    return first


def _group(target: str) -> Priority | None:
    """The group of staff a use of money names first."""
    order = [(target.find(w), group) for group, cues in ((Priority.MANAGEMENT, S.management_first), (Priority.SKILL, S.skill_first),
                                                          (Priority.TECH, S.tech_first)) for w in cues if w in target]
    if not order:
        # named in words of its own ("经营管理骨干", "一线技术工人"): the stem says which group
        order = [(m.start(), group) for group, stem in _GROUP_STEMS for m in stem.finditer(target)]
    return min(order)[1] if order else None


_GROUP_STEMS = ((Priority.MANAGEMENT, re.compile(r"(?<![技质安设])管理|机关|中层|高管|领导")),
                (Priority.SKILL, re.compile(r"技能|技师|技工|工人|一线")),
                (Priority.TECH, re.compile(r"科技|科研|研发")))


_TILT = ("倾斜", "优先", "侧重", "重点")


def _spread(s: Sentence) -> bool:
    """An increment shared out evenly ("按在岗人数平均分配") or with any tilt refused ("不作倾斜",
    "不向任何人员倾斜"): no group comes first."""
    return _affirmed(s, S.even_pay) or _refused(s, _TILT)


def _increment(prose: list[Sentence]) -> Increment | None:
    for s in prose:
        # 增量 alone is the wage total's increment in a sentence about pay ("…；增量主要用于总部管理人员")
        # or under a heading on the increment or the wage total ("三、增量的使用" / "效益联动增量全部…")
        if not s.has(*S.increment) and not (s.has("增量") and (s.has("工资", "薪酬") or any(w in s.heading + s.chapter for w in ("增量", "工资", "薪酬")))):
            continue
        text = s.plain
        if s.has(*S.priority):
            at = min(text.find(w) + len(w) for w in S.priority if w in text)
            end = min((text.find(ch, at) for ch in "，,；;。" if text.find(ch, at) >= 0), default=len(text))
            return Increment(first=_group(text[at:end]), evidence=s.evidence)
        # "增量的六成用于中层以上管理人员调薪，其余用于一线生产岗位": the group given the largest share
        # comes first (the reader gives 其余 its remainder); a group given half or more comes first even
        # when the rest is shared out evenly ("七成用于…中层管理人员薪酬，其余按职工人数平均分配")
        uses = [(q.value, _group(q.subject + q.tail)) for q in s.figures(Kind.PERCENT) if "用于" in q.subject + q.tail]
        uses = [(v, g) for v, g in uses if g is not None]
        ranked = sorted(uses, key=lambda u: u[0], reverse=True)
        if len(ranked) >= 2 and ranked[0][0] > ranked[1][0] or len(ranked) == 1 and ranked[0][0] >= Decimal("0.5"):
            return Increment(first=ranked[0][1], evidence=s.evidence)
        if _spread(s):
            return Increment(first=None, evidence=s.evidence, spread=True)
    return None
