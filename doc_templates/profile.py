"""The company profile: what the HR user tells us; everything left out is defaulted later.

Fields left as None mean "not chosen" (the drafter fills them from the guidelines and says
so in the document), so a profile dumped with `exclude_none=True` round-trips unchanged.
Validators raise ValueError with Chinese messages; `Profile.model_validate` turns pydantic's
errors into one Chinese `ProfileError` line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    field_validator,
    model_serializer,
    model_validator,
)

from .errors import ProfileError

MAX_PROFILE_BYTES = 1_000_000
MAX_NAME_LENGTH = 100
STEP_COUNT_RANGE = (2, 60)  # sanity bounds of the number of pay steps, not a guideline figure
CYCLE_YEARS_RANGE = (1, 5)  # sanity bounds of the adjustment cycle (the guideline's own span is a parameter)
MIN_SMALL_UNIT = 2


def to_number(value: Any) -> Decimal:
    """A figure of a profile or its workbook ("1,200", "8,500元", "15%", 0.1), read as the calculators
    read numbers (`calculators.numbers`: exact, or refused); a problem is a ValueError, which pydantic
    and the workbook collect with the field it belongs to."""
    from calculators.errors import CalculationError
    from calculators.numbers import read_number, to_decimal

    if isinstance(value, bool):
        raise ValueError("应为数字")  # not TypeError: pydantic turns only ValueError into a validation error
    if isinstance(value, (float, Decimal)) and not Decimal(str(value)).is_finite():
        raise ValueError("应为有限的数字")
    if isinstance(value, str):
        number = read_number(value)
        if number is None:
            raise ValueError(f"应为数字，而不是“{value}”")
        value = number
    try:
        return to_decimal(value, label="数值")
    except CalculationError as exc:
        raise ValueError(str(exc)) from None


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# A decimal amount read from YAML/JSON numbers or strings ("1,200", "15%"), written back as a number.
Num = Annotated[Decimal, BeforeValidator(to_number), PlainSerializer(_json_number, when_used="json")]


def _positive(value: Decimal | None, what: str) -> Decimal | None:
    if value is not None and value <= 0:
        raise ValueError(f"{what}应大于 0（当前为 {value}）")
    return value


def _not_negative(value: Decimal | None, what: str) -> Decimal | None:
    if value is not None and value < 0:
        raise ValueError(f"{what}不能为负数（当前为 {value}）")
    return value


def _share(value: Decimal | None, what: str) -> Decimal | None:
    """A ratio written as 0.35 or "35%"; anything outside 0–1 is a typo."""
    if value is not None and not (0 <= value <= 1):
        raise ValueError(f"{what}应为 0 到 1 之间的比例（如 0.06 或 6%），当前为 {value}")
    return value


def _each(items: dict[str, Decimal] | None, check: Callable[[Decimal | None, str], Decimal | None], what: str) -> dict[str, Decimal] | None:
    """`check` on every value of a named list; `what` names one of them ("能力工资“{name}”")."""
    for name, value in (items or {}).items():
        check(value, what.format(name=name))
    return items


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---- the company -------------------------------------------------------------------------


# The values of calculators.applicability's Ownership and Research, repeated as types only because
# importing the calculators here would slow every start; a test keeps them equal.
OwnershipKind = Literal["国有", "非公有制"]
ResearchKind = Literal["基础研究", "应用研究"]


class Company(_Model):
    name: str = Field(title="企业名称")
    ownership: OwnershipKind = Field(title="所有制性质")
    industry: str = Field(title="所属行业")
    region: str | None = Field(None, title="所在地区")
    research_staff: dict[ResearchKind, int] | None = Field(None, title="科研人员人数（按研究类型）")

    @field_validator("research_staff")
    @classmethod
    def _research(cls, value: dict[str, int] | None) -> dict[str, int] | None:
        for kind, n in (value or {}).items():
            if n < 0:
                raise ValueError(f"{kind}人员人数不能为负数（当前为 {n}）")
        return value

    @field_validator("ownership", mode="before")
    @classmethod
    def _ownership(cls, value: Any) -> Any:
        from calculators.applicability import OWNERSHIP_WORDS

        if isinstance(value, str) and value.strip() in OWNERSHIP_WORDS:
            return OWNERSHIP_WORDS[value.strip()].value
        raise ValueError(f"所有制性质应为“国有”或“非公有制”，当前为“{value}”")

    @field_validator("name", "industry")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("不能为空")
        if len(value) > MAX_NAME_LENGTH:
            raise ValueError(f"过长（不超过 {MAX_NAME_LENGTH} 个字）")
        return value


# ---- people and budget -------------------------------------------------------------------

Category = Literal["技能", "专业技术", "管理"]


class PostGrade(_Model):
    """One post grade (岗位等级): its people and its monthly post wage."""

    name: str = Field(title="岗位等级名称")
    category: Category = Field(title="岗位类别")
    headcount: int = Field(title="人数")
    post_wage: Num | None = Field(None, title="岗位工资（元/月）")
    start_step: int | None = Field(None, title="起点薪级")
    steps: dict[int, int] | None = Field(None, title="各薪级现有人数")

    @field_validator("post_wage")
    @classmethod
    def _wage(cls, value: Decimal | None) -> Decimal | None:
        return _positive(value, "岗位工资")

    @field_validator("headcount")
    @classmethod
    def _headcount(cls, value: int) -> int:
        if value < 0:
            raise ValueError(f"人数不能为负数（当前为 {value}）")
        return value

    @field_validator("start_step")
    @classmethod
    def _start(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise ValueError(f"起点薪级应从 1 开始（当前为 {value}）")
        return value

    @property
    def wage(self) -> Decimal:
        """The post wage (every grade has one: `_has_wage` refuses a grade without)."""
        assert self.post_wage is not None
        return self.post_wage

    @model_validator(mode="after")
    def _has_wage(self) -> PostGrade:
        if self.post_wage is None:
            raise ValueError(f"岗位等级“{self.name}”没有填写岗位工资，每个岗位等级都应有岗位工资标准")
        if self.steps is not None:
            if any(step < 1 or n < 0 for step, n in self.steps.items()):
                raise ValueError(f"岗位等级“{self.name}”的各薪级现有人数应为“薪级（从 1 起）: 人数（不为负）”")
            if sum(self.steps.values()) != self.headcount:
                raise ValueError(f"岗位等级“{self.name}”各薪级现有人数合计 {sum(self.steps.values())} 人，"
                                 f"与该岗位人数 {self.headcount} 人不一致")
        return self


class Budget(_Model):
    annual_wage_total: Num = Field(title="年度工资总额预算（元）")
    performance_pool: Num = Field(title="年度绩效工资总量（元）")
    wage_total_growth: Num | None = Field(None, title="工资总额计划增幅")
    profit_growth: Num | None = Field(None, title="经济效益（利润）增幅")
    avg_wage_growth: Num | None = Field(None, title="职工平均工资计划增幅")
    productivity_growth: Num | None = Field(None, title="劳动生产率增幅")

    @field_validator("annual_wage_total")
    @classmethod
    def _total(cls, value: Decimal) -> Decimal:
        return _positive(value, "年度工资总额预算")  # type: ignore[return-value]

    @field_validator("performance_pool")
    @classmethod
    def _pool(cls, value: Decimal) -> Decimal:
        return _not_negative(value, "年度绩效工资总量")  # type: ignore[return-value]

    @field_validator("wage_total_growth", "profit_growth", "avg_wage_growth", "productivity_growth")
    @classmethod
    def _growth(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not (-1 < value < 10):
            raise ValueError(f"增幅应写成比例（如 0.06 或 6%），当前为 {value}")
        return value

    @model_validator(mode="after")
    def _pool_within_total(self) -> Budget:
        if self.performance_pool > self.annual_wage_total:
            raise ValueError(
                f"年度绩效工资总量（{self.performance_pool} 元）不能超过年度工资总额预算（{self.annual_wage_total} 元）"
            )
        return self


# ---- the pay components ------------------------------------------------------------------


class _Component(_Model):
    enabled: bool = Field(True, title="是否设置")


class BasicWage(_Component):
    amount: Num | None = Field(None, title="基础工资（元/月，全体职工同一标准）")

    @field_validator("amount")
    @classmethod
    def _amount(cls, value: Decimal | None) -> Decimal | None:
        return _positive(value, "基础工资")


class AbilityWage(_Component):
    items: dict[str, Num] | None = Field(None, title="能力工资项目（元/月）")

    @field_validator("items")
    @classmethod
    def _items(cls, value: dict[str, Decimal] | None) -> dict[str, Decimal] | None:
        return _each(value, _positive, "能力工资“{name}”")


class Seniority(_Component):
    start: Num | None = Field(None, title="第一工龄段年功工资（元/月）")
    increment: Num | None = Field(None, title="相邻工龄段差额（元/月）")
    bands: int | None = Field(None, title="工龄段数")
    years_per_band: int | None = Field(None, title="每段年数")
    distribution: dict[int, int] | None = Field(None, title="各工龄段现有人数")

    @model_validator(mode="after")
    def _values(self) -> Seniority:
        problems = []
        for value, what in ((self.start, "年功工资起点"), (self.increment, "年功工资级差")):
            if value is not None and value <= 0:
                problems.append(f"{what}应大于 0（当前为 {value}）")
        for count, what in ((self.bands, "工龄段数"), (self.years_per_band, "每段年数")):
            if count is not None and count < 1:
                problems.append(f"{what}应至少为 1（当前为 {count}）")
        if self.distribution and any(band < 1 or n < 0 for band, n in self.distribution.items()):
            problems.append("各工龄段现有人数应为“工龄段（从 1 起）: 人数（不为负）”")
        if problems:
            raise ValueError("；".join(problems))
        return self

    def missing(self) -> list[str]:
        """The standards left out of a seniority pay that is set (all four are needed)."""
        return [Seniority.model_fields[k].title or k for k in ("start", "increment", "bands", "years_per_band")
                if getattr(self, k) is None]


class PaySteps(_Model):
    """薪级工资: an arithmetic progression of steps shared by all grades (附件1)."""

    count: int | None = Field(None, title="薪级数")
    first: Num | None = Field(None, title="第1薪级工资（元/月）")
    increment: Num | None = Field(None, title="薪级级差（元/月）")
    promotion: dict[str, int] | None = Field(None, title="年度考核等次对应晋升薪级数")

    @model_validator(mode="after")
    def _values(self) -> PaySteps:
        low, high = STEP_COUNT_RANGE
        if self.count is not None and not (low <= self.count <= high):
            raise ValueError(f"薪级数应在 {low} 到 {high} 之间（当前为 {self.count}）")
        _positive(self.first, "第1薪级工资")
        _positive(self.increment, "薪级级差")
        for grade, n in (self.promotion or {}).items():
            if n < 0:
                raise ValueError(f"考核等次“{grade}”对应的晋升薪级数不能为负数（当前为 {n}）")
        return self

    def missing(self) -> list[str]:
        return [PaySteps.model_fields[k].title or k for k in ("count", "first", "increment") if getattr(self, k) is None]


class TeamLeader(_Model):
    min: Num = Field(title="班组长津贴下限（元/月）")
    max: Num = Field(title="班组长津贴上限（元/月）")

    @model_validator(mode="after")
    def _range(self) -> TeamLeader:
        _positive(self.min, "班组长津贴下限")
        if self.max < self.min:
            raise ValueError(f"班组长津贴上限（{self.max}）不能低于下限（{self.min}）")
        return self


AllowanceUnit = Literal["元/月", "元/班", "元/天", "元/次"]


class OtherAllowance(_Model):
    """An allowance the five kinds of 第八条 do not name (e.g. 带电作业津贴), with whom it is for."""

    amount: Num = Field(title="标准")
    unit: AllowanceUnit = Field("元/月", title="计发单位")
    scope: str = Field(title="适用范围")

    @field_validator("amount")
    @classmethod
    def _amount(cls, value: Decimal) -> Decimal:
        return _positive(value, "津贴标准")  # type: ignore[return-value]


class Allowances(_Component):
    night_shift: Num | None = Field(None, title="夜班补贴（元/班）")
    environment: dict[str, Num] | None = Field(None, title="作业环境补贴（元/月）")
    skill: dict[str, Num] | None = Field(None, title="技能津贴（元/月）")
    team_leader: TeamLeader | None = Field(None, title="班组长津贴")
    apprentice: Num | None = Field(None, title="师带徒津贴（元/月·每名徒弟）")
    other: dict[str, OtherAllowance] | None = Field(None, title="其他津贴补贴")

    @model_validator(mode="after")
    def _values(self) -> Allowances:
        _positive(self.night_shift, "夜班补贴")
        _positive(self.apprentice, "师带徒津贴")
        for table, label in ((self.environment, "作业环境补贴"), (self.skill, "技能津贴")):
            _each(table, _positive, label + "“{name}”")
        return self

    def given(self) -> bool:
        """Whether any allowance standard is set at all."""
        return any(v for v in (self.night_shift, self.environment, self.skill, self.team_leader, self.apprentice,
                               self.other))


class Department(_Model):
    """A department in the worked example: its score (or pieces) and a few members."""

    score: Num | None = Field(None, title="部门积分累计总分（或计件总量）")
    # A member's value left empty is taken from the 工分 work log (point_prices × work_log).
    members: dict[str, Num | None] | None = Field(None, title="个人积分（或计件数）")
    categories: dict[str, Category] | None = Field(None, title="非技能岗位人员的岗位类别")

    @model_validator(mode="after")
    def _values(self) -> Department:
        _not_negative(self.score, "部门积分")
        for name, value in (self.members or {}).items():
            _not_negative(value, f"“{name}”的积分")
        return self


class Performance(_Component):
    method: Literal["积分制", "计件制"] | None = Field(None, title="分配方式")
    cycle: Literal["月度", "季度", "半年度", "年度"] | None = Field(None, title="考核周期")
    example_pool: Num | None = Field(None, title="示例：当期可供分配绩效工资总量（元）")
    departments: dict[str, Department] | None = Field(None, title="示例：部门与个人积分")
    category_coefficients: dict[Category, Num] | None = Field(None, title="计件（积分）折算系数")
    point_prices: dict[str, Num] | None = Field(None, title="工分价目表（分/次）")
    work_log: dict[str, dict[str, Num]] | None = Field(None, title="示例：个人完成工作次数")
    kpis: dict[str, Num] | None = Field(None, title="关键绩效指标及权重")
    forced_distribution: dict[str, Num] | None = Field(None, title="考核等次比例")
    small_unit_headcount: int | None = Field(None, title="实行全员强制分布的最少人数")
    research_base_share: dict[ResearchKind, Num] | None = Field(
        None, title="科技人才岗位基本薪酬占总薪酬比例")

    @field_validator("example_pool")
    @classmethod
    def _pool(cls, value: Decimal | None) -> Decimal | None:
        return _positive(value, "示例绩效工资总量")

    @field_validator("category_coefficients")
    @classmethod
    def _coefficients(cls, value: dict[str, Decimal] | None) -> dict[str, Decimal] | None:
        for name, c in (value or {}).items():
            if not (0 < c <= 1):
                raise ValueError(f"{name}岗位折算系数应在 0 到 1 之间（技能岗位计为 1），当前为 {c}")
        return value

    @field_validator("point_prices")
    @classmethod
    def _prices(cls, value: dict[str, Decimal] | None) -> dict[str, Decimal] | None:
        return _each(value, _positive, "工分价目“{name}”")

    @field_validator("small_unit_headcount")
    @classmethod
    def _small_unit(cls, value: int | None) -> int | None:
        if value is not None and value < MIN_SMALL_UNIT:
            raise ValueError(f"实行全员强制分布的最少人数应至少为 {MIN_SMALL_UNIT}（当前为 {value}）")
        return value

    @field_validator("kpis", "forced_distribution", "research_base_share")
    @classmethod
    def _shares(cls, value: dict[str, Decimal] | None) -> dict[str, Decimal] | None:
        return _each(value, _share, "“{name}”的比例")


class AnnualSalary(_Model):
    total: Num = Field(title="目标年薪（元）")
    base_share: Num | None = Field(None, title="基本年薪占比")

    @model_validator(mode="after")
    def _values(self) -> AnnualSalary:
        _positive(self.total, "目标年薪")
        _share(self.base_share, "基本年薪占比")
        return self


class Tier(_Model):
    from_: Num = Field(alias="from", title="区间下限")
    to: Num | None = Field(None, title="区间上限")
    rate: Num = Field(title="计提比例")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_serializer(mode="wrap")
    def _dump(self, handler: Any) -> Any:
        """Always write the user's key "from", so a dumped profile reads like the one typed."""
        data = handler(self)
        if isinstance(data, dict) and "from_" in data:
            data = {"from": data.pop("from_"), **data}
        return data

    @model_validator(mode="after")
    def _values(self) -> Tier:
        _share(self.rate, "计提比例")
        if self.to is not None and self.to <= self.from_:
            raise ValueError(f"超额利润分段上限（{self.to}）应高于下限（{self.from_}）")
        return self


class ExcessProfit(_Model):
    target: Num = Field(title="净利润基本目标（万元）")
    actual: Num = Field(title="示例：实际净利润（万元）")
    tiers: list[Tier] | None = Field(None, title="分段计提比例")


class PostDividend(_Model):
    recipients: int = Field(title="激励人数")
    tech_skill_recipients: int = Field(title="其中技术技能人才人数")

    @model_validator(mode="after")
    def _values(self) -> PostDividend:
        if self.recipients < 0 or self.tech_skill_recipients < 0:
            raise ValueError("分红激励人数不能为负数")
        if self.tech_skill_recipients > self.recipients:
            raise ValueError("技术技能人才分红人数不能多于分红总人数")
        return self


class LeadingTalent(_Component):
    annual_salary: AnnualSalary | None = Field(None, title="年薪制")
    agreement_pay: bool | None = Field(None, title="协议薪酬制")
    special_award: bool | None = Field(None, title="专项特殊奖励")
    excess_profit: ExcessProfit | None = Field(None, title="超额利润分享")
    post_dividend: PostDividend | None = Field(None, title="岗位（项目）分红")
    chief_multiple: Num | None = Field(None, title="首席技师薪酬不低于平均工资的倍数")


class Components(_Model):
    basic_wage: BasicWage | None = Field(None, title="基础工资")
    ability_wage: AbilityWage | None = Field(None, title="能力工资")
    seniority: Seniority | None = Field(None, title="年功工资")
    pay_steps: PaySteps | None = Field(None, title="薪级工资")
    allowances: Allowances | None = Field(None, title="津贴补贴")
    performance: Performance | None = Field(None, title="绩效工资")
    leading_talent: LeadingTalent | None = Field(None, title="高技能领军人才激励")


EvaluationMethod = Literal["要素计分法", "因素比较法", "排序法", "配对对比法"]


class JobEvaluation(_Model):
    """岗位评价: how the post grades were arrived at (soe_internal 第十六、十七条; soe_tech 第十五、十六条)."""

    method: EvaluationMethod | None = Field(None, title="岗位评价方法")
    factors: list[str] | None = Field(None, title="评价要素")
    organizer: str | None = Field(None, title="岗位评价组织")


class Payment(_Model):
    pay_day: int | None = Field(None, title="每月发薪日")

    @field_validator("pay_day")
    @classmethod
    def _day(cls, value: int | None) -> int | None:
        if value is not None and not (1 <= value <= 31):
            raise ValueError(f"每月发薪日应在 1 到 31 之间（当前为 {value}）")
        return value


class Transition(_Model):
    """套改: current posts onto the new grades; who would earn less keeps the difference."""

    mapping: dict[str, str] | None = Field(None, title="现岗位对应的新岗位等级")
    absorb: bool = Field(False, title="保留工资随今后增资冲减")


class Governance(_Model):
    deliberation: Literal["职工代表大会", "职工大会"] | None = Field(None, title="审议机构")
    effective_date: str | None = Field(None, title="施行日期")
    adjustment_cycle_years: int | None = Field(None, title="薪酬水平评估调整周期（年）")
    issued_on: str | None = Field(None, title="成文日期")

    @field_validator("adjustment_cycle_years")
    @classmethod
    def _cycle(cls, value: int | None) -> int | None:
        low, high = CYCLE_YEARS_RANGE
        if value is not None and not (low <= value <= high):
            raise ValueError(f"调整周期应在 {low} 到 {high} 年之间（当前为 {value}）")
        return value


Suggestion = Literal["基础工资", "年功工资", "薪级工资", "起点薪级"]


class Profile(_Model):
    """A company profile: the input of `draft_document`."""

    company: Company = Field(title="企业")
    budget: Budget = Field(title="工资预算")
    grades: list[PostGrade] = Field(title="岗位等级")
    components: Components = Field(default_factory=lambda: Components.model_validate({}), title="薪酬单元")
    job_evaluation: JobEvaluation = Field(default_factory=lambda: JobEvaluation.model_validate({}), title="岗位评价")
    payment: Payment = Field(default_factory=lambda: Payment.model_validate({}), title="工资支付")
    transition: Transition = Field(default_factory=lambda: Transition.model_validate({}), title="套改与过渡")
    governance: Governance = Field(default_factory=lambda: Governance.model_validate({}), title="民主程序与施行")
    accept: list[Suggestion] = Field(default_factory=list, title="采纳的编制建议值")

    @model_validator(mode="before")
    @classmethod
    def _printable(cls, data: Any) -> Any:
        """No control characters (line breaks included) anywhere: names go into XML and into
        the templates' one-line clauses."""
        bad = _control_text(data)
        if bad is not None:
            raise ValueError(f"“{bad.encode('unicode_escape').decode()}”含有换行或不可见的控制字符，请删除")
        return data

    @field_validator("grades")
    @classmethod
    def _grades(cls, value: list[PostGrade]) -> list[PostGrade]:
        if not value:
            raise ValueError("至少要有一个岗位等级")
        seen: set[str] = set()
        for grade in value:
            if grade.name in seen:
                raise ValueError(f"岗位等级“{grade.name}”重复出现")
            seen.add(grade.name)
        if sum(g.headcount for g in value) == 0:
            raise ValueError("各岗位等级人数合计为 0，方案没有适用对象")
        problems = grade_order_problems(value)
        if problems:
            raise ValueError("岗位等级应按由低到高的顺序填写，高等级的工资不应低于低等级：" + "；".join(problems))
        return value

    @property
    def headcount(self) -> int:
        return sum(g.headcount for g in self.grades)

    @property
    def state_owned(self) -> bool:
        from calculators.applicability import Ownership

        return self.company.ownership == Ownership.STATE

    @property
    def research_kinds(self) -> set[str]:
        """Kinds of research staff the company has: stated, or implied by a pay mix set for them."""
        kinds = {k for k, n in (self.company.research_staff or {}).items() if n > 0}
        performance = self.components.performance
        return kinds | set((performance.research_base_share or {}) if performance else {})

    # -- construction with Chinese errors --------------------------------------------------

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Profile:
        if not isinstance(obj, dict):
            raise ProfileError("企业概况应为键值对格式（YAML 映射或 JSON 对象）。")
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            raise ProfileError(describe_errors(exc)) from None

    @classmethod
    def from_file(cls, path: str | Path) -> Profile:
        """Read a YAML, JSON or Excel (企业概况 workbook) profile; any problem is a ProfileError in Chinese."""
        path = Path(path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from .workbook import read_workbook

            return read_workbook(path)
        if path.suffix.lower() == ".xls":
            raise ProfileError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx")
        return cls.model_validate(_read_mapping(path))


def skill_rank(name: str) -> int | None:
    """The rank of a grade name on the skill ladder (学徒工 0 … 首席技师 7), or None if it names none.
    Higher ranks are tried first, so “高级技师” is not read as “技师”."""
    from calculators.params import param

    ladder = list(param("grades.skill_ladder"))
    for rank in range(len(ladder) - 1, -1, -1):
        if ladder[rank] in name:
            return rank
    return None


def grade_order_problems(grades: list[PostGrade]) -> list[str]:
    """Grades of one category are listed from low to high: a later grade must not have a lower post
    wage or starting step; named skill levels (技师 above 高级工 …) must not pay less than lower ones."""
    problems: list[str] = []
    by_category: dict[str, list[PostGrade]] = {}
    for grade in grades:
        by_category.setdefault(grade.category, []).append(grade)
    for category, listed in by_category.items():
        for lower, higher in pairwise(listed):
            if higher.post_wage is not None and lower.post_wage is not None and higher.post_wage < lower.post_wage:
                problems.append(f"{category}岗位中“{higher.name}”排在“{lower.name}”之后，岗位工资 {higher.post_wage} 元"
                                f"却低于 {lower.post_wage} 元")
            if higher.start_step is not None and lower.start_step is not None and higher.start_step < lower.start_step:
                problems.append(f"{category}岗位中“{higher.name}”的起点薪级 {higher.start_step} 低于排在其前的"
                                f"“{lower.name}”（{lower.start_step}）")
    problems += _rank_problems([g for g in grades if g.category == "技能" and g.post_wage is not None])
    return list(dict.fromkeys(problems))


def _rank_problems(skilled: list[PostGrade]) -> list[str]:
    """Named skill levels in their order; 技师 and above never below a grade that names no level."""
    from calculators.params import param

    senior = list(param("grades.skill_ladder")).index("技师")
    ranked = [(skill_rank(g.name), g) for g in skilled]
    problems = []
    for r1, g1 in ranked:
        for r2, g2 in ranked:
            if g2.post_wage >= g1.post_wage:  # type: ignore[operator]
                continue
            if r1 is not None and r2 is not None and r1 < r2:
                problems.append(f"“{g2.name}”的技能等级高于“{g1.name}”，岗位工资 {g2.post_wage} 元却低于 {g1.post_wage} 元")
            elif r1 is None and r2 is not None and r2 >= senior:
                problems.append(f"“{g2.name}”为技师及以上技能等级，岗位工资 {g2.post_wage} 元却低于一般技能岗位"
                                f"“{g1.name}”的 {g1.post_wage} 元")
    return problems


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _control_text(value: Any) -> str | None:
    """The first string (key or value) holding a control character, searching nested data."""
    if isinstance(value, str):
        return value if _CONTROL.search(value) else None
    if isinstance(value, dict):
        items: list[Any] = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        return None
    for item in items:
        found = _control_text(item)
        if found is not None:
            return found
    return None


_MAX_PROFILE_ITEMS = 100_000  # a profile lists grades, staff and parameters: far fewer entries than this


def _read_mapping(path: Path) -> Any:
    from calculators.tables import decode_text

    if path.is_dir():
        raise ProfileError(f"企业概况应为文件，“{path}”是一个文件夹")
    if not path.is_file():
        raise ProfileError(f"找不到企业概况文件：{path}")
    if path.stat().st_size > MAX_PROFILE_BYTES:
        raise ProfileError(f"企业概况文件过大（超过 1 MB）：{path.name}")
    text = decode_text(path.read_bytes())  # UTF-8, or the GBK/UTF-16 that Notepad saves
    if text is None:
        raise ProfileError(f"无法识别企业概况文件的文字编码，请另存为 UTF-8：{path.name}")
    from calculators.errors import CalculationError
    from calculators.loaders import load_json, load_yaml

    try:  # the one safe loader: no alias bombs, duplicate keys refused, names kept as written
        if path.suffix.lower() == ".json":
            return load_json(text, where=path.name)
        return load_yaml(text, where=path.name, scalars="exact", max_items=_MAX_PROFILE_ITEMS)
    except CalculationError as exc:  # unreadable text or a limit passed
        raise ProfileError(f"企业概况文件有误：{exc}") from None


# ---- pydantic errors → one Chinese line ----------------------------------------------------

_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写）",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "dict_type": "应为键值对（映射）",
    "model_type": "应为键值对（映射）",
    "model_attributes_type": "应为键值对（映射）",
    "list_type": "应为列表",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "float_parsing": "应为数字",
}


def _labels() -> dict[str, str]:
    """Field name → Chinese title, gathered from every model of the schema."""
    labels: dict[str, str] = {}
    models: list[type[BaseModel]] = [Profile, Company, PostGrade, Budget, Components, BasicWage, AbilityWage, Seniority, PaySteps,
              Allowances, OtherAllowance, TeamLeader, Performance, Department, LeadingTalent, AnnualSalary,
              ExcessProfit, Tier, PostDividend, JobEvaluation, Payment, Transition, Governance]
    for model in models:
        for name, field in model.model_fields.items():
            if field.title:
                labels.setdefault(field.alias or name, field.title)
                labels.setdefault(name, field.title)
    return labels


def _where(loc: tuple[Any, ...]) -> str:
    labels = _labels()
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int):
            parts.append(f"第{part + 1}项")
        elif _is_dict_key(loc, i):
            parts.append(f"“{part}”")
        else:
            parts.append(labels.get(part, str(part)))
    return " › ".join(parts)


_DICT_FIELDS = {"items", "environment", "skill", "departments", "members", "categories",
                "category_coefficients", "point_prices", "work_log", "kpis", "forced_distribution",
                "research_base_share", "research_staff", "steps", "distribution", "other", "mapping", "promotion"}


def _is_dict_key(loc: tuple[Any, ...], i: int) -> bool:
    """True when loc[i] is a user's own key (a department, a KPI), not a field of ours."""
    return (i > 0 and loc[i - 1] in _DICT_FIELDS) or (i > 1 and loc[i - 2] == "work_log")


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "“", 1)
        options = [o.strip(" '\"") for o in expected.replace(" or ", ",").split(",") if o.strip(" '\"“")]
        return "取值应为：" + "、".join(f"“{o.strip('“”')}”" for o in options)
    return _MESSAGES.get(kind, "取值无效")


def describe_error(error: Any) -> str:
    """One pydantic error as “字段 › 字段：问题” in Chinese."""
    loc = tuple(error.get("loc", ()))
    message = _message(error)
    if loc and isinstance(loc[-1], str):
        # "年度工资总额预算应大于 0" already names its field: show the path only up to the parent.
        bare = _labels().get(loc[-1], "").split("（")[0]
        if bare and message.startswith(bare):
            loc = loc[:-1]
    where = _where(loc)
    return f"{where}：{message}" if where else message


def describe_errors(exc: ValidationError) -> str:
    """Every problem, numbered, as one Chinese line (the CLI prints one line; the UI shows it whole)."""
    problems = list(dict.fromkeys(describe_error(e) for e in exc.errors()))
    return problem_line(problems)


def problem_line(problems: list[str], head: str = "企业概况有误") -> str:
    if len(problems) == 1:
        return f"{head}：{problems[0]}"
    numbered = "；".join(f"（{i}）{p}" for i, p in enumerate(problems, 1))
    return f"{head}（共 {len(problems)} 处）：{numbered}"
