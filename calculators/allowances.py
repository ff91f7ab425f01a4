"""Allowances of skilled workers (曲靖指引第八条（五）与案例2、案例4): skill allowance by grade,
master–apprentice (师带徒) and team-leader (班组长) allowances, and the chief-technician pay floor."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from . import people
from .applicability import clause
from .base import (
    CalcInput,
    Count,
    MoneyInput,
    Number,
    cited,
    findings_out,
    limited,
    result,
)
from .checks import (
    Finding,
    check_chief_technician_pay,
    check_team_leader_allowance,
    is_compliant,
)
from .errors import CalculationError
from .numbers import fmt, q
from .params import param, param_text, ref
from .registry import register

# Grade names as written in the guideline's cases → the names used in the allowance tables.
_GRADE_ALIASES = {
    "一级": "高级技师", "一级/高级技师": "高级技师", "高级技师（一级）": "高级技师",
    "二级": "技师", "二级/技师": "技师", "技师（二级）": "技师",
    "三级": "高级工", "三级/高级工": "高级工", "高级工（三级）": "高级工",
    "四级": "中级工", "四级/中级工": "中级工", "中级工（四级）": "中级工",
    "五级": "初级工", "五级/初级工": "初级工", "初级工（五级）": "初级工",
}
# Grades that exist but earn no skill allowance in the case tables unless the firm sets one.
_NO_ALLOWANCE = {"初级工", "学徒工", "普工", "见习期", "无"}
_ABOVE_TABLE = {"首席技师", "特级技师"}


def normalise_grade(text: str) -> str:
    cleaned = text.strip().replace("(", "（").replace(")", "）")
    return _GRADE_ALIASES.get(cleaned, cleaned)



def _case_rates(key: str) -> str:
    """A case's skill-allowance table from the lowest grade up: “高级工100、技师300、高级技师400”."""
    rates = param(key)
    return "、".join(f"{grade}{param_text(key, grade)}" for grade in sorted(rates, key=rates.__getitem__))


# The allowance clause (曲靖指引第八条) with case 2's table; the chief technician's case-2 multiple
# with the leading-talent clause (第十条).
ALLOWANCE_CLAUSES = (clause("allowance-soe-policy"), ref("allowances.skill_case2"))
CHIEF_CLAUSES = (ref("chief_technician.pay_multiple"), clause("leading-talent-raise"))
_CASE2, _CASE4 = _case_rates("allowances.skill_case2"), _case_rates("allowances.skill_case4")
SKILL_LEVELS = ("首席技师", "特级技师", "高级技师", "技师", "高级工", "中级工", "初级工", "学徒工", "普工")


class Member(CalcInput):
    name: str = Field(..., min_length=1, title="姓名")
    skill_level: Annotated[str | None, Reads(Kind.NUMBER, shape=Shape.CHOICE, choices={w: (w,) for w in SKILL_LEVELS},
                                             mention=("技能津贴", "技能工资", "技能等级"))] = Field(
        None, title="技能等级", description="如 高级工、技师、高级技师（一级）")
    apprentices: Annotated[Count, Reads((Kind.PEOPLE, Kind.COUNT), cues=("徒弟", "带徒", "带了", "带", "徒"), per=("徒", "人", "个"))] = Field(
        0, ge=0, title="带徒人数", description="本月所带徒弟人数")
    team_leader: Annotated[Number | None, Reads(Kind.MONEY, cues=("班组长", "组长", "班长", "班组长津贴"))] = Field(
        None, ge=0, title="班组长津贴", description="担任班组长的月津贴（元/月）")


class AllowanceInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("技能津贴", "师带徒", "带徒", "班组长津贴", "津贴", "徒弟", "技师津贴", "津贴表", "技能工资",
                                                 "津贴标准")
    members: Annotated[list[Member] | None, Reads((Kind.PEOPLE, Kind.MONEY), shape=Shape.RECORDS, people=True, ask="如“张三技师，带2个徒弟；李四高级工”")] = Field(
        None, min_length=1, title="人员", description="[{name, skill_level, apprentices, team_leader}, …]，也可上传人员表")
    headcounts: Annotated[dict[str, Count] | None, Reads((Kind.PEOPLE, Kind.COUNT), shape=Shape.MAP, keys=SKILL_LEVELS, bare=False)] = Field(
        None, title="各等级人数", description="不列人员时：技能等级 → 人数，测算各等级技能津贴合计")
    scheme: Annotated[Literal["case-2", "case-4"], Reads(Kind.NUMBER, shape=Shape.CHOICE, choices={
        "case-2": ("案例2", "案例二", "B公司"), "case-4": ("案例4", "案例四", "D公司")})] = Field(
        "case-2", title="技能津贴标准", description=f"case-2：{_CASE2} 元/月（案例2）；case-4：{_CASE4} 元/月（案例4）"
    )
    skill_rates: Annotated[dict[str, Number] | None, Reads(Kind.MONEY, cues=("技能津贴", "技能工资", "津贴", "标准", "每月"), shape=Shape.MAP,
                                                           keys=SKILL_LEVELS, ask="如“高级工每月200元、技师400元”",
                                                           mention=("自己的标准", "自己定的", "自定", "本厂标准", "厂里的标准",
                                                                    "我们的标准", "内部标准"))] = Field(
        None, title="自定技能津贴", description="可选：技能等级 → 元/月，替代 scheme")
    apprentice_rate: Annotated[Number | None, Reads(Kind.MONEY, cues=("每带", "每个徒弟", "每名徒弟", "带徒津贴", "师带徒津贴", "每人每月", "每徒"),
                                                    per=("人", "徒弟", "徒"))] = Field(
        None, ge=0, title="师带徒津贴标准", description=f"每带1个徒弟每月的津贴，默认 {param_text('allowances.apprentice_monthly')} 元（案例2）")
    months: Annotated[Count, Reads(Kind.MONTHS, cues=("个月", "月数", "发放", "发"))] = Field(
        12, ge=1, le=12, title="发放月数", description="计算年度合计时的月数")


def _allowance_from_people(rows: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    people.refuse_both(data, "members")
    who = people.names(rows)
    levels = people.text_column(rows, "skill_level") or [None] * len(rows)
    apprentice_col = people.find_column(rows, "apprentices", required=False)
    leader = people.number_column(rows, "team_leader", required=False) or [None] * len(rows)
    members = []
    for i, (name, level, amount) in enumerate(zip(who, levels, leader)):
        apprentices = people.cell_int(rows[i], apprentice_col, i) if apprentice_col else 0
        members.append({"name": name, "skill_level": level, "apprentices": apprentices, "team_leader": amount})
    return {**data, "members": members}


def _rates(inp: AllowanceInput) -> tuple[dict[str, Decimal], str]:
    if inp.skill_rates:
        return {normalise_grade(k): v for k, v in inp.skill_rates.items()}, "本企业自定标准"
    key = "allowances.skill_case2" if inp.scheme == "case-2" else "allowances.skill_case4"
    return {k: Decimal(v) for k, v in param(key).items()}, f"曲靖指引{'案例2' if inp.scheme == 'case-2' else '案例4'}标准"


def _skill(member: Member, field: str, rates: dict[str, Decimal]) -> Decimal:
    if not member.skill_level:
        return Decimal(0)
    grade = normalise_grade(member.skill_level)
    if grade in rates:
        return rates[grade]
    if grade in _ABOVE_TABLE:  # the cases set no figure for it: a 0 would be stated as its standard
        raise CalculationError(f"所用的津贴标准没有{grade}这一等级，无法测算“{member.name}”的技能津贴；请给出{grade}每月的技能津贴标准"
                               f"（如“{grade}每月800元”）", field)
    if grade in _NO_ALLOWANCE or grade in param("allowances.skill_case4") or grade in param("allowances.skill_case2"):
        return Decimal(0)
    raise CalculationError(f"“{member.name}”的技能等级“{member.skill_level}”不在津贴标准中（可用：{'、'.join(rates)}）", field)


@register(
    "allowance-schedule",
    "技能人才津贴测算",
    f"按人测算每月技能津贴、师带徒津贴和班组长津贴（曲靖指引第八条（五））。默认标准取自典型案例：技能津贴{_CASE2} 元/月（案例2），"
    f"或{_CASE4} 元/月（案例4）；师带徒每带1个徒弟{param_text('allowances.apprentice_monthly')} 元/月；"
    f"班组长津贴{param_text('allowances.team_leader_min')}–{param_text('allowances.team_leader_max')} 元/月。",
    AllowanceInput,
    {"members": [{"name": "张师傅", "skill_level": "高级技师", "apprentices": 2, "team_leader": 300}, {"name": "李工", "skill_level": "技师", "apprentices": 1}, {"name": "小周", "skill_level": "高级工"}]},
    ALLOWANCE_CLAUSES,
    people=_allowance_from_people,
)
def allowance_schedule(inp: AllowanceInput) -> dict[str, Any]:
    if not inp.members and not inp.headcounts:
        raise CalculationError("请列出人员（姓名、技能等级、带徒人数、班组长津贴），或各技能等级的人数", "members")
    if inp.members and inp.headcounts:  # the same people would be paid twice
        raise CalculationError("人员名单和各等级人数只能填写一种：列出了人员，就不必再填各等级人数", "headcounts")
    rates, source = _rates(inp)
    per_apprentice = inp.apprentice_rate if inp.apprentice_rate is not None else Decimal(param("allowances.apprentice_monthly"))
    findings: list[Finding] = []
    by_person, allocations, lines, seen = {}, {}, [], set()
    for level, count in (inp.headcounts or {}).items():  # a grade's people all earn its skill allowance
        rate = q(_skill(Member(name=level, skill_level=level), "skill_rates", rates), inp.precision)
        allocations[level] = rate * count
        by_person[level] = {"人数": count, "技能津贴标准": rate, "合计": rate * count}
        lines.append(f"{level}：{fmt(rate)} × {count} 人 = {fmt(rate * count)} 元/月")
    for i, m in enumerate(inp.members or []):
        if m.name in seen:
            raise CalculationError(f"人员“{m.name}”重复", f"members.{i}.name")
        seen.add(m.name)
        skill = q(_skill(m, f"members.{i}.skill_level", rates), inp.precision)
        mentor = q(per_apprentice * m.apprentices, inp.precision)
        leader = q(m.team_leader or Decimal(0), inp.precision)
        if m.team_leader is not None:
            findings += check_team_leader_allowance(m.team_leader, m.name)
        total = skill + mentor + leader
        by_person[m.name] = {"技能津贴": skill, "师带徒津贴": mentor, "班组长津贴": leader, "合计": total}
        allocations[m.name] = total
        lines.append(f"{m.name}：技能津贴 {fmt(skill)} + 师带徒 {fmt(per_apprentice)} × {m.apprentices} + 班组长 {fmt(leader)} = {fmt(total)} 元/月")
    monthly = sum(allocations.values(), q(Decimal(0), inp.precision))
    steps = [f"技能津贴采用{source}：{'、'.join(f'{k} {fmt(v)}' for k, v in rates.items())} 元/月；师带徒 {fmt(per_apprentice)} 元/月/徒弟",
             *limited(lines, len(lines)), f"每月合计 {fmt(monthly)} 元，{inp.months} 个月合计 {fmt(monthly * inp.months)} 元"]
    base = [ALLOWANCE_CLAUSES[0], ref("allowances.apprentice_monthly")] + ([] if inp.skill_rates else [ref("allowances.skill_case2" if inp.scheme == "case-2" else "allowances.skill_case4")])
    return result(
        cited(findings, *base), "个人月津贴 = 技能津贴（按技能等级）+ 师带徒津贴标准 × 带徒人数 + 班组长津贴", steps, inp,
        allocations=allocations, by_person=by_person, total=monthly, amount=monthly * inp.months,
        compliant=is_compliant(findings), findings=findings_out(findings),
    )


class ChiefInput(MoneyInput):
    reading_same_period: ClassVar[tuple[str, ...]] = ("average_wage", "pay")
    reading_topics: ClassVar[tuple[str, ...]] = ("首席技师", "首席", "首席技能", "技能大师")
    average_wage: Annotated[Number, Reads(Kind.MONEY, cues=("平均工资", "在岗职工平均工资", "人均工资", "平均", "人均", "职工平均", "年均", "月均"),
                                          ask="如“在岗职工平均工资8万元”")] = Field(
        ..., gt=0, title="在岗职工平均工资", description="本企业在岗职工平均工资（与 pay 同一期间，通常为年）")
    pay: Annotated[Number | None, Reads(Kind.MONEY, cues=("首席技师", "首席", "薪酬", "年薪", "拟定", "给他", "定", "待遇", "拿", "打算给", "准备给", "给"),
                                        avoid=("平均",))] = Field(
        None, ge=0, title="首席技师薪酬", description="可选：拟定的首席技师薪酬，检查是否达到标准")
    # a multiple beside 不低于/够不够 restates the guideline's floor; it is not the pay proposed
    pay_multiple: Annotated[Number | None, Reads(Kind.MULTIPLE, cues=("平均工资的", "平均的", "倍", "给到", "打算", "拟"),
                                                 avoid=("不低于", "不少于", "要求", "够", "符合", "达到", "规定", "标准"))] = Field(
        None, gt=0, title="拟定倍数", description="可选：拟定薪酬为平均工资的几倍（与拟定薪酬二选一）")


@register(
    "chief-technician-pay",
    "首席技师薪酬标准",
    f"按曲靖指引案例2（B公司《首席技师及技术明星管理办法》）：首席技师薪酬按照不低于在岗职工平均工资 {param_text('chief_technician.pay_multiple')} 倍确定，可享受与中层副职管理人员相当的待遇；"
    "也可参照第十条对高技能领军人才提高薪酬待遇。给出平均工资得到最低标准，给出拟定薪酬时检查是否达到。",
    ChiefInput,
    {"average_wage": 90000, "pay": 250000},
    CHIEF_CLAUSES,
)
def chief_technician_pay(inp: ChiefInput) -> dict[str, Any]:
    multiple = param("chief_technician.pay_multiple")
    floor = q(inp.average_wage * multiple, inp.precision)
    steps = [f"最低标准 = {fmt(inp.average_wage)} × {fmt(multiple)} = {fmt(floor)}"]
    extra: dict[str, Any] = {}
    if inp.pay is not None and inp.pay_multiple is not None:
        raise CalculationError("拟定薪酬与拟定倍数请只给一项", "pay_multiple")
    if inp.pay_multiple is not None:
        inp = inp.model_copy(update={"pay": q(inp.average_wage * inp.pay_multiple, inp.precision)})
        steps.append(f"拟定薪酬 = {fmt(inp.average_wage)} × {fmt(inp.pay_multiple)} = {fmt(inp.pay)}")
    if inp.pay is not None:
        findings = check_chief_technician_pay(inp.pay, inp.average_wage)
        # compliant answers “够不够”: the floor is a case's (a 提醒), so the verdict says it is no breach
        extra = {"compliant": inp.pay >= floor, "findings": findings_out(findings), "multiple_actual": (inp.pay / inp.average_wage).quantize(Decimal("0.01"))}
        steps.append(f"拟定薪酬 {fmt(inp.pay)} {'≥' if inp.pay >= floor else '<'} {fmt(floor)}")
    return result(
        CHIEF_CLAUSES, f"首席技师薪酬 ≥ 在岗职工平均工资 × {fmt(multiple)}", steps, inp,
        amount=floor, multiple=multiple, **extra,
    )
