"""Profile → Plan: every choice made, missing ones filled from the guidelines and recorded.

Guideline figures come from `calculators.params` (each with the clause it rests on); where the
guidelines give no figure (the amount of 基础工资, 年功工资, 薪级工资) the default is an
illustrative value and the defaulted list says so, so the HR user knows what to replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from .errors import ProfileError
from .profile import Category, Profile

PERIODS_PER_YEAR = {"月度": 12, "季度": 4, "半年度": 2, "年度": 1}
# Illustrative figures where the guidelines name the component but no amount (DESIGN's example).
SENIORITY_EXAMPLE = {"start": Decimal(100), "increment": Decimal(50), "bands": 5, "years_per_band": 5}
STEP_COUNT_EXAMPLE = 30  # 附件1 draws the pay steps as 1 … 30 …
BASIC_WAGE_SHARE = Decimal("0.3")  # of the average fixed monthly pay, when no amount is given


def _param(key: str) -> Any:
    from calculators.params import param

    return param(key)


def _param_ref(key: str) -> str:
    from calculators.params import ref

    return ref(key)


def _round_down(value: Decimal, unit: int) -> Decimal:
    return (value / unit).to_integral_value(ROUND_FLOOR) * unit


def _yuan(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


@dataclass
class Seniority:
    start: Decimal
    increment: Decimal
    bands: int
    years_per_band: int


@dataclass
class Steps:
    count: int
    first: Decimal
    increment: Decimal


@dataclass
class Allowances:
    night_shift: Decimal | None
    environment: dict[str, Decimal]
    skill: dict[str, Decimal]
    team_leader: tuple[Decimal, Decimal]
    apprentice: Decimal


@dataclass
class Dept:
    score: Decimal | None
    members: dict[str, Decimal | None]
    categories: dict[str, Category]


@dataclass
class Performance:
    method: str
    cycle: str
    example_pool: Decimal
    departments: dict[str, Dept]
    coefficients: dict[str, Decimal]
    point_prices: dict[str, Decimal]
    work_log: dict[str, dict[str, Decimal]]
    kpis: dict[str, Decimal]
    forced: dict[str, Decimal]
    research_base_share: dict[str, Decimal]


@dataclass
class Leading:
    annual_salary: Any
    agreement_pay: bool
    special_award: bool
    excess_profit: Any
    post_dividend: Any
    chief_multiple: Decimal


@dataclass
class Plan:
    profile: Profile
    basic_wage: Decimal | None
    ability_items: dict[str, Decimal]
    seniority: Seniority | None
    steps: Steps
    start_steps: dict[str, int]
    allowances: Allowances | None
    performance: Performance
    leading: Leading | None
    deliberation: str
    effective: str
    adjustment_cycle_years: int
    defaulted: list[str] = field(default_factory=list)
    # Unit ids behind defaulted guideline figures, cited in the chapter that uses them.
    default_refs: list[str] = field(default_factory=list)

    @property
    def state_owned(self) -> bool:
        return self.profile.state_owned

    def by_category(self) -> dict[str, int]:
        out: dict[str, int] = {"技能": 0, "专业技术": 0, "管理": 0}
        for grade in self.profile.grades:
            out[grade.category] += grade.headcount
        return out


class _Recorder:
    """Collects what was defaulted, in document order, with the clauses it rests on."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.refs: list[str] = []

    def note(self, text: str, *param_keys: str) -> None:
        self.notes.append(text)
        self.refs.extend(_param_ref(k) for k in param_keys)


def make_plan(profile: Profile) -> Plan:
    rec = _Recorder()
    comps = profile.components
    steps = _steps(profile, rec)
    plan = Plan(
        profile=profile,
        basic_wage=_basic_wage(profile, rec),
        ability_items=_ability(profile, rec),
        seniority=_seniority(profile, rec),
        steps=steps,
        start_steps=_start_steps(profile, steps, rec),
        allowances=_allowances(profile, rec),
        performance=_performance(profile, rec),
        leading=_leading(profile, rec),
        deliberation=_deliberation(profile, rec),
        effective=profile.governance.effective_date or "",
        adjustment_cycle_years=_cycle(profile, rec),
    )
    if comps.basic_wage is not None and not comps.basic_wage.enabled:
        plan.basic_wage = None
    plan.defaulted, plan.default_refs = rec.notes, list(dict.fromkeys(rec.refs))
    return plan


# ---- fixed pay ------------------------------------------------------------------------------


def _basic_wage(profile: Profile, rec: _Recorder) -> Decimal | None:
    chosen = profile.components.basic_wage
    if chosen is not None and not chosen.enabled:
        return None
    if chosen is not None and chosen.amount is not None:
        return chosen.amount
    budget = profile.budget
    monthly_fixed = (budget.annual_wage_total - budget.performance_pool) / profile.headcount / 12
    amount = max(_round_down(monthly_fixed * BASIC_WAGE_SHARE, 100), Decimal(100))
    rec.note(f"基础工资：未给出标准，按人均月固定工资预算的 30% 取整，暂定为 {_yuan(amount)} 元/月"
             "（全体职工同一标准；指引未规定具体金额，请按当地物价和最低工资标准核定）")
    return amount


def _ability(profile: Profile, rec: _Recorder) -> dict[str, Decimal]:
    chosen = profile.components.ability_wage
    allowances = profile.components.allowances
    if chosen is None and (allowances is None or allowances.enabled):
        rec.note("能力工资：未单独设置，以技能津贴体现技能人才的能力差别（指引第八条所举“技能岗位津贴”）")
        return {}
    if chosen is None:
        return {}
    return dict(chosen.items or {}) if chosen.enabled else {}


def _seniority(profile: Profile, rec: _Recorder) -> Seniority | None:
    chosen = profile.components.seniority
    if chosen is not None and not chosen.enabled:
        return None
    given = chosen.model_dump(exclude_none=True, exclude={"enabled"}) if chosen else {}
    values = {**SENIORITY_EXAMPLE, **given}
    missing = [k for k in SENIORITY_EXAMPLE if k not in given]
    if missing:
        rec.note(
            f"年功工资：未给出{'全部' if len(missing) == 4 else '部分'}参数，按示例取首段 {_yuan(values['start'])} 元/月、"
            f"每段递增 {_yuan(values['increment'])} 元、共 {values['bands']} 段、每段 {values['years_per_band']} 年"
            "（各段差额为等差数列；指引未规定具体金额）"
        )
    return Seniority(**values)


def _steps(profile: Profile, rec: _Recorder) -> Steps:
    chosen = profile.components.pay_steps
    given = chosen.model_dump(exclude_none=True) if chosen else {}
    wages = sorted(g.post_wage for g in profile.grades if g.post_wage is not None)
    median = wages[len(wages) // 2]
    increment = max(_round_down(median * Decimal("0.02"), 10), Decimal(10))
    values = {"count": STEP_COUNT_EXAMPLE, "first": increment * 2, "increment": increment, **given}
    if len(given) < 3:
        rec.note(
            f"薪级工资：未给出全部参数，取 {values['count']} 个薪级、第1薪级 {_yuan(values['first'])} 元/月、"
            f"级差 {_yuan(values['increment'])} 元（等差数列，级差约为岗位工资中位数的 2%；指引未规定具体金额）"
        )
    return Steps(count=values["count"], first=values["first"], increment=values["increment"])


def _start_steps(profile: Profile, steps: Steps, rec: _Recorder) -> dict[str, int]:
    """Higher post wage → higher starting step (附件1: 体现每个岗位起点薪级的差异)."""
    ranks = {w: i for i, w in enumerate(sorted({g.post_wage for g in profile.grades}))}
    out: dict[str, int] = {}
    guessed: list[str] = []
    for grade in profile.grades:
        if grade.start_step is not None:
            if grade.start_step > steps.count:
                raise ProfileError(f"岗位等级“{grade.name}”的起点薪级 {grade.start_step} 超过了薪级总数 {steps.count}")
            out[grade.name] = grade.start_step
        else:
            out[grade.name] = min(1 + 2 * ranks[grade.post_wage], max(steps.count - 1, 1))
            guessed.append(grade.name)
    if guessed:
        rec.note(f"起点薪级：{'、'.join(guessed)} 未给出起点薪级，按岗位工资由低到高每级相差 2 个薪级确定")
    return out


# ---- allowances -----------------------------------------------------------------------------


def _allowances(profile: Profile, rec: _Recorder) -> Allowances | None:
    chosen = profile.components.allowances
    if chosen is not None and not chosen.enabled:
        return None
    skill = chosen.skill if chosen and chosen.skill else None
    if skill is None:
        skill = {k: Decimal(v) for k, v in _param("allowances.skill_case2").items()}
        rec.note("技能津贴：未给出标准，参照典型案例取高级工 100 元/月、技师 300 元/月、高级技师 400 元/月",
                 "allowances.skill_case2")
    leader = chosen.team_leader if chosen else None
    if leader is None:
        low, high = Decimal(_param("allowances.team_leader_min")), Decimal(_param("allowances.team_leader_max"))
        rec.note(f"班组长津贴：未给出标准，参照典型案例按班组大小取 {low:.0f}—{high:.0f} 元/月",
                 "allowances.team_leader_min")
    else:
        low, high = leader.min, leader.max
    apprentice = chosen.apprentice if chosen else None
    if apprentice is None:
        apprentice = Decimal(_param("allowances.apprentice_monthly"))
        rec.note(f"师带徒津贴：未给出标准，参照典型案例取每带 1 名徒弟 {apprentice:.0f} 元/月",
                 "allowances.apprentice_monthly")
    night = chosen.night_shift if chosen else None
    environment = dict(chosen.environment or {}) if chosen else {}
    if night is None or not environment:
        missing = "、".join(x for x, v in (("夜班补贴", night), ("作业环境补贴", environment)) if not v)
        rec.note(f"{missing}：未给出标准，方案规定由企业按岗位实际另行核定，已在岗位工资中体现的不重复设置")
    return Allowances(night_shift=night, environment=environment, skill=dict(skill),
                      team_leader=(low, high), apprentice=apprentice)


# ---- performance ----------------------------------------------------------------------------


def _performance(profile: Profile, rec: _Recorder) -> Performance:
    from .profile import Performance as Given

    chosen = profile.components.performance or Given()
    method = chosen.method or "积分制"
    if chosen.method is None:
        rec.note("绩效工资分配方式：未选择，按指引“一般采用积分累计”取积分制")
    cycle = chosen.cycle or "月度"
    if chosen.cycle is None:
        rec.note("考核周期：未选择，取月度考核、年度综合考核")
    pool = chosen.example_pool
    if pool is None:
        periods = PERIODS_PER_YEAR[cycle]
        pool = (profile.budget.performance_pool / periods).quantize(Decimal("0.01"))
        rec.note(f"分配示例：未给出当期可供分配绩效工资总量，按年度绩效工资总量 ÷ {periods} 取 {_yuan(pool)} 元")
    departments = _departments(profile, chosen, rec)
    coefficients = dict(chosen.category_coefficients or {})
    needs_coefficients = {c for d in departments.values() for c in d.categories.values()} - set(coefficients)
    if needs_coefficients:
        # The guideline leaves a% and b% to the enterprise; 1 (the skill post's count) is the neutral choice.
        for category in sorted(needs_coefficients):
            coefficients[category] = Decimal(_param("piece_rate.skill_coefficient"))
        rec.note(f"{'、'.join(sorted(needs_coefficients))}岗位折算系数：未给出，暂按 1 计（与技能岗位相同），"
                 "请按岗位工作难易程度确定 a%、b%", "piece_rate.skill_coefficient")
    forced = chosen.forced_distribution
    if forced is None:
        forced = dict(_param("forced_distribution.quotas"))
        rec.note("考核等次比例：未给出，参照案例取 A（优秀）10%、B（合格）80%、C（待改进）10%",
                 "forced_distribution.quotas")
    research = dict(chosen.research_base_share or {})
    if not research and profile.state_owned and any(g.category == "专业技术" for g in profile.grades):
        research = {"基础研究": Decimal(_param("pay_mix.basic_research_base_min")),
                    "应用研究": 1 - Decimal(_param("pay_mix.applied_research_performance_min"))}
        rec.note("科技人才薪酬结构：未给出，取基础研究类岗位基本薪酬占 60%、应用研究类绩效薪酬占 50%",
                 "pay_mix.basic_research_base_min")
    return Performance(
        method=method, cycle=cycle, example_pool=pool, departments=departments, coefficients=coefficients,
        point_prices=dict(chosen.point_prices or {}), work_log={k: dict(v) for k, v in (chosen.work_log or {}).items()},
        kpis=dict(chosen.kpis or {}), forced=dict(forced), research_base_share=research,
    )


_EXAMPLE_DEPTS = {"技能": "生产部门", "专业技术": "技术部门", "管理": "管理部门"}


def _departments(profile: Profile, chosen: Any, rec: _Recorder) -> dict[str, Dept]:
    if chosen.departments:
        return {
            name: Dept(score=d.score, members=dict(d.members or {}), categories=dict(d.categories or {}))
            for name, d in chosen.departments.items()
        }
    counts: dict[str, int] = {}
    for grade in profile.grades:
        counts[grade.category] = counts.get(grade.category, 0) + grade.headcount
    out: dict[str, Dept] = {}
    for category, n in counts.items():
        if n == 0:
            continue
        # An average of 110 points a head: two sample members (120 + 100) always fit inside.
        members = {"职工甲": Decimal(120), "职工乙": Decimal(100)} if n > 1 else {"职工甲": Decimal(110)}
        cats = {} if category == "技能" else {m: category for m in members}
        out[_EXAMPLE_DEPTS[category]] = Dept(score=Decimal(110 * n), members=members, categories=cats)
    rec.note("分配示例：未给出部门积分，按各岗位类别人数 × 110 分示意部门积分，并列举示意职工")
    return out


# ---- incentives and procedure ---------------------------------------------------------------


def _leading(profile: Profile, rec: _Recorder) -> Leading | None:
    from .profile import LeadingTalent, Tier

    chosen = profile.components.leading_talent
    if chosen is not None and not chosen.enabled:
        return None
    if chosen is None:
        chosen = LeadingTalent(special_award=True)
        rec.note("高技能领军人才激励：未选择，默认设置专项特殊奖励")
    multiple = chosen.chief_multiple
    if multiple is None:
        multiple = Decimal(_param("chief_technician.pay_multiple"))
        rec.note(f"首席技师待遇：未给出，参照典型案例取不低于在岗职工平均工资的 {multiple} 倍",
                 "chief_technician.pay_multiple")
    annual = chosen.annual_salary
    if annual is not None and annual.base_share is None:
        share = Decimal(_param("pay_mix.skill_fixed_share_case"))
        annual = annual.model_copy(update={"base_share": share})
        rec.note(f"年薪制基本年薪占比：未给出，参照案例固定与浮动薪酬 4:6 的做法取 {share * 100:.0f}%",
                 "pay_mix.skill_fixed_share_case")
    excess = chosen.excess_profit
    if excess is not None and not excess.tiers:
        # The guideline asks for tiers (分段提取) but names no rates: DESIGN's example, scaled to the target.
        t = excess.target
        tiers = [Tier(**{"from": t, "to": t * Decimal("1.2"), "rate": Decimal("0.10")}),
                 Tier(**{"from": t * Decimal("1.2"), "to": t * Decimal("1.5"), "rate": Decimal("0.15")}),
                 Tier(**{"from": t * Decimal("1.5"), "rate": Decimal("0.20")})]
        excess = excess.model_copy(update={"tiers": tiers})
        rec.note("超额利润分享计提比例：未给出，按示例取超目标 0—20% 部分计提 10%、20%—50% 部分计提 15%、"
                 "50% 以上部分计提 20%（指引要求分段计提，未规定具体比例）")
    return Leading(
        annual_salary=annual, agreement_pay=bool(chosen.agreement_pay),
        special_award=chosen.special_award is not False, excess_profit=excess,
        post_dividend=chosen.post_dividend, chief_multiple=multiple,
    )


def _deliberation(profile: Profile, rec: _Recorder) -> str:
    chosen = profile.governance.deliberation
    if chosen:
        return chosen
    body = "职工代表大会" if profile.state_owned or profile.headcount >= 100 else "职工大会"
    rec.note(f"民主程序：未给出，方案规定提交{body}审议（讨论）通过后施行")
    return body


def _cycle(profile: Profile, rec: _Recorder) -> int:
    years = profile.governance.adjustment_cycle_years
    if years is None:
        rec.note("薪酬水平评估调整周期：未给出，取每年评估一次（指引：一般以 1 至 3 年为周期）")
        return 1
    return years
