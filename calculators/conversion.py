"""套改测算: current staff moved onto the new post grades and pay steps of a scheme.

Each person goes to the new grade their current post maps to, and to the lowest pay step, not
below the grade's starting step, whose monthly standard is not lower than their current pay
(就近就高). Whoever would still earn less on the top step keeps the difference as 保留工资 (pay
protection), so no one loses pay by the conversion. Linear in the number of staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field, SkipValidation

from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from .applicability import clause
from .base import CalcInput, Count, MoneyInput, Number, result
from .errors import CalculationError
from .ladders import PostGrade, StepScale
from .numbers import MONTHS_PER_YEAR, fmt, q, to_decimal
from .params import ref
from .registry import register

MAX_LISTED_PROBLEMS = 20
# Column names accepted in an uploaded staff table (the first of each is the template's).
STAFF_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "员工姓名", "职工姓名", "名称", "name"),
    "department": ("部门", "所在部门", "班组", "门店", "车间", "department"),
    "post": ("现岗位", "原岗位", "现岗位名称", "岗位", "post"),
    "pay": ("现工资", "现月工资", "原工资", "月固定工资", "现固定工资", "pay"),
    "years": ("工龄", "连续工龄", "本单位工龄", "工作年限", "years"),
    "target": ("套入岗位", "新岗位", "新岗位等级", "target"),
}
REQUIRED = ("name", "post", "pay")


class StaffMember(CalcInput):
    """One person of the staff list as a sentence gives it (秦一 操作岗 现月工资3800); uploaded
    tables keep their own column names (STAFF_COLUMNS), which `read_staff` reads alike."""

    name: str = Field(..., min_length=1, title="姓名")
    post: Annotated[str, Reads(Kind.NUMBER, shape=Shape.CHOICE, items_from="grades", cues=("套", "套入", "套进", "对应", "对应到"))] = Field(
        ..., title="现岗位", description="新岗位等级的名称，或句中写明“X套Y/X对应Y”的现岗位")
    pay: Annotated[Number, Reads(Kind.MONEY, cues=("现工资", "现月工资", "月固定工资", "现固定工资", "原工资", "原月工资", "月薪", "月工资", "现拿", "现在每月"), period="month")] = Field(
        ..., ge=0, title="现工资", description="元/月")


class ConversionSeniority(CalcInput):
    start: Number = Field(..., title="第一工龄段年功工资")
    increment: Number = Field(..., title="相邻工龄段差额")
    bands: Count = Field(..., ge=1, title="工龄段数")
    years_per_band: Count = Field(..., ge=1, title="每段年数")


class ConversionInput(MoneyInput):
    # Chat reads the grades, the step scale, the basic wage and a short staff list from a message;
    # 年功工资 and long lists come from the calculator page or an uploaded table (`payguide draft --staff`).
    reading_topics: ClassVar[tuple[str, ...]] = ("套改", "套改测算", "工资套改", "就近就高", "保留工资", "新旧工资对比")
    reading_named_only: ClassVar[bool] = True  # grades and people's pay also make a grade table: only 套改 asks for this
    reading_beyond: ClassVar[dict[str, str]] = {
        word: "按工龄计的年功工资在对话里读不准，请到“计算器”页选“套改测算”填写年功工资，或上传 Excel 人员表（含工龄列）"
        for word in ("年功", "工龄")} | {
        word: "本测算按就近就高套改（新标准不低于现工资），不做就近就低；如需就低，请说明办法" for word in ("就低", "就近就低")}
    grades: Annotated[list[PostGrade], Reads(Kind.MONEY, cues=("岗位工资", "岗位"), shape=Shape.RECORDS,
                                             ask="如“初级工岗位工资1500元（起点薪级1）、高级工2000元（起点薪级3）”")] = Field(
        ..., min_length=1, title="新岗位等级")
    steps: StepScale | None = Field(None, title="薪级工资", description="不设薪级工资（一岗一薪）时省略")
    basic_wage: Annotated[Number | None, Reads(Kind.MONEY, cues=("基础工资",), ask="如“基础工资1800元”")] = Field(
        None, title="基础工资", description="元/月，全体职工同一标准")
    seniority: ConversionSeniority | None = Field(None, title="年功工资")
    mapping: dict[str, str] | None = Field(None, title="现岗位对应的新岗位等级", description="现岗位 → 新岗位等级；现岗位与新岗位等级同名的可省略")
    staff: Annotated[list[dict[str, Any]], SkipValidation,
                     Reads(Kind.MONEY, shape=Shape.RECORDS, people=True, record=StaffMember,
                           ask="如“张三 初级工 现工资3500；李四 高级工 现工资4600”")] = Field(..., title="现有职工", description="每人：姓名、部门、现岗位、现工资（月固定工资）、工龄；可上传人员表")
    annual_fixed_budget: Annotated[Number | None, Reads(Kind.MONEY, cues=("固定工资预算", "固定工资总额", "预算"))] = Field(
        None, title="年度固定工资预算", description="元/年：工资总额预算减去绩效工资总量")
    absorb: bool = Field(False, title="保留工资随今后增资冲减")


def _staff_from_people(rows: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    if data.get("staff"):
        raise CalculationError("已上传人员表，又填写了现有职工名单；请二选一", "staff")
    return {**data, "staff": rows}


@dataclass(frozen=True)
class Person:
    row: int  # as in the spreadsheet: the header is row 1
    name: str
    department: str
    post: str
    pay: Decimal
    years: int
    target: str | None


def _column(headers: list[str], key: str) -> str | None:
    lowered = {h.strip().lower(): h for h in headers}
    return next((lowered[a.lower()] for a in STAFF_COLUMNS[key] if a.lower() in lowered), None)


def read_staff(rows: list[dict[str, Any]]) -> list[Person]:
    """Rows of the staff table as people; every bad cell is reported at once, by row and column."""
    if not rows:
        raise CalculationError("现有职工名单没有数据行", "staff")
    headers = [str(h) for h in rows[0]]
    columns = {key: _column(headers, key) for key in STAFF_COLUMNS}
    missing = [STAFF_COLUMNS[k][0] for k in REQUIRED if columns[k] is None]
    if missing:
        shown = [next((STAFF_COLUMNS[k][0] for k, c in columns.items() if c == h), h) for h in headers]  # name → 姓名
        raise CalculationError(f"现有职工名单缺少“{'”“'.join(missing)}”列，现有列：{'、'.join(shown)}", "staff")
    people, problems = [], []
    for i, row in enumerate(rows):
        person, problem = _person(row, i + 2, columns)
        if problem:
            problems.append(problem)
        elif person is not None:
            people.append(person)
    if problems:
        raise CalculationError(_listed("现有职工名单有误", problems), "staff")
    return people


def _person(row: dict[str, Any], number: int, columns: dict[str, str | None]) -> tuple[Person | None, str | None]:
    def text(key: str) -> str:
        column = columns[key]
        value = row.get(column) if column else None
        return "" if value is None else str(value).strip()

    name, post, raw_pay = text("name"), text("post"), row.get(columns["pay"] or "")
    if raw_pay is None or str(raw_pay).strip() == "":
        return None, f"第 {number} 行（{name or '未写姓名'}）“现工资”为空"
    if not name:
        return None, f"第 {number} 行“姓名”为空"
    if not post:
        return None, f"第 {number} 行（{name}）“现岗位”为空"
    where = f"第 {number} 行（{name}）"
    pay, problem = _amount(raw_pay, "现工资", where)
    if problem:
        return None, problem
    years, problem = _amount(text("years") or "0", "工龄", where)
    if problem:
        return None, problem
    return Person(number, name, text("department"), post, pay, int(years), text("target") or None), None


def _amount(raw: Any, column: str, where: str) -> tuple[Decimal, str | None]:
    """A non-negative number from a cell, or the problem with it in Chinese."""
    try:
        value = to_decimal(raw, label=column)
    except CalculationError:
        return Decimal(0), f"{where}“{column}”“{raw}”不是数字"
    return value, (f"{where}“{column}”不能为负数" if value < 0 else None)


def _listed(head: str, problems: list[str]) -> str:
    shown = "；".join(problems[:MAX_LISTED_PROBLEMS])
    more = f"；另有 {len(problems) - MAX_LISTED_PROBLEMS} 处" if len(problems) > MAX_LISTED_PROBLEMS else ""
    return f"{head}（共 {len(problems)} 处）：{shown}{more}"


def _targets(inp: ConversionInput, people: list[Person]) -> dict[str, PostGrade]:
    """Each current post's new grade; every unmapped post is listed at once."""
    grades = {g.name: g for g in inp.grades}
    mapping = inp.mapping or {}
    unknown_targets = sorted({t for t in mapping.values() if t not in grades})
    if unknown_targets:
        raise CalculationError(f"现岗位对应的新岗位等级不在方案的岗位等级中：{'、'.join(unknown_targets)}", "mapping")
    out: dict[str, PostGrade] = {}
    missing: dict[str, list[int]] = {}
    for p in people:
        key = p.target or p.post
        name = p.target or mapping.get(p.post) or (p.post if p.post in grades else None)
        if name is None or name not in grades:
            missing.setdefault(key, []).append(p.row)
            continue
        out[key] = grades[name]
    if missing:
        listed = [f"“{post}”（第 {'、'.join(map(str, rows[:5]))}{' 等' if len(rows) > 5 else ''} 行）"
                  for post, rows in missing.items()]
        raise CalculationError(_listed("下列现岗位未对应到新岗位等级，请在“现岗位对应的新岗位等级”中补充", listed), "mapping")
    return out


def _seniority_amount(s: ConversionSeniority | None, years: int) -> Decimal:
    if s is None:
        return Decimal(0)
    band = min(years // s.years_per_band + 1, s.bands)
    return s.start + s.increment * (band - 1)


def convert_person(p: Person, grade: PostGrade, steps: StepScale | None, other: Decimal) -> dict[str, Any]:
    """One person's new step and pay: the lowest step ≥ the grade's start whose standard covers the
    current pay (就近就高); beyond the top step the shortfall is kept as 保留工资."""
    base = grade.post_wage + other
    step: int | None = None
    if steps is not None:
        need = p.pay - base - steps.first  # what the step wage above step 1 must cover
        lowest = min(grade.start_step, steps.count)
        wanted = lowest if need <= 0 or steps.increment == 0 else int((need / steps.increment).to_integral_value(ROUND_CEILING)) + 1
        step = min(max(wanted, lowest), steps.count)
        base += steps.first + steps.increment * (step - 1)
    protected = max(p.pay - base, Decimal(0))
    return {"step": step, "standard": base, "protected": protected, "after": base + protected}


@register(
    "pay-conversion",
    "套改测算",
    "把现有职工按方案的岗位等级和薪级套入新标准：现岗位对应新岗位等级，薪级取不低于起点薪级、月标准不低于现工资的最低一级"
    "（就近就高）；最高薪级仍低于现工资的，差额作为保留工资，任何人不因套改减少工资。输出每人的现工资、新标准、增减额、保留工资，"
    "合计及与固定工资预算的对比（曲靖指引第八条、附件1）。",
    ConversionInput,
    {"grades": [{"name": "初级工", "post_wage": 1500, "start_step": 1}, {"name": "高级工", "post_wage": 2000, "start_step": 3}],
     "steps": {"count": 10, "first": 100, "increment": 50}, "basic_wage": 1800,
     "mapping": {"操作工": "初级工", "班长": "高级工"},
     "staff": [{"姓名": "张三", "部门": "生产部", "现岗位": "操作工", "现工资": 3500, "工龄": 6},
               {"姓名": "李四", "部门": "生产部", "现岗位": "班长", "现工资": 4600, "工龄": 12}],
     "annual_fixed_budget": 120000},
    (clause("pay-step-arithmetic"), ref("post_grades.steps_shown")),
    people=_staff_from_people,
)
def pay_conversion(inp: ConversionInput) -> dict[str, Any]:
    if not isinstance(inp.staff, list) or not all(isinstance(r, dict) for r in inp.staff):
        raise CalculationError("现有职工应为若干行，每行是“列名: 值”", "staff")
    people = read_staff(inp.staff)
    targets = _targets(inp, people)
    rows, labels = [], _labels(people)
    by_grade: dict[str, dict[str, Any]] = {g.name: {"人数": 0, "现工资合计": Decimal(0), "套改后合计": Decimal(0),
                                                     "保留工资人数": 0} for g in inp.grades}
    basic = inp.basic_wage or Decimal(0)
    for p, label in zip(people, labels):
        grade = targets[p.target or p.post]
        seniority = _seniority_amount(inp.seniority, p.years)
        done = convert_person(p, grade, inp.steps, basic + seniority)
        rows.append({"序号": p.row - 1, "姓名": p.name, "部门": p.department, "现岗位": p.post, "现工资": q(p.pay),
                     "新岗位等级": grade.name, "套入薪级": done["step"], "工龄": p.years, "年功工资": q(seniority),
                     "新标准工资": q(done["standard"]), "增减额": q(done["standard"] - p.pay),
                     "保留工资": q(done["protected"]), "套改后月工资": q(done["after"]),
                     "月增资额": q(done["after"] - p.pay), "_label": label})
        summary = by_grade[grade.name]
        summary["人数"] += 1
        summary["现工资合计"] += p.pay
        summary["套改后合计"] += done["after"]
        summary["保留工资人数"] += 1 if done["protected"] > 0 else 0
    totals = _totals(rows, inp.annual_fixed_budget)
    steps = [f"共 {len(rows)} 人套入 {len(targets)} 个现岗位对应的新岗位等级",
             (f"现工资月合计 {fmt(totals['现工资月合计'])} 元，套改后月合计 {fmt(totals['套改后月合计'])} 元，"
              f"月增资 {fmt(totals['月增资合计'])} 元"),
             f"{totals['保留工资人数']} 人最高薪级仍低于现工资，保留差额 {fmt(totals['保留工资月合计'])} 元/月"]
    if inp.annual_fixed_budget is not None:
        steps.append(f"套改后全年固定工资 {fmt(totals['套改后全年合计'])} 元，固定工资预算 {fmt(inp.annual_fixed_budget)} 元，"
                     f"{'结余' if totals['预算结余'] >= 0 else '缺口'} {fmt(abs(totals['预算结余']))} 元")
    return result(
        [clause("pay-step-arithmetic"), ref("post_grades.steps_shown")],
        "新标准工资 = 基础工资 + 岗位工资 + 薪级工资 + 年功工资；薪级 = 不低于起点薪级且新标准工资 ≥ 现工资的最低薪级（就近就高）；"
        "保留工资 = 现工资 − 最高薪级的新标准工资（现工资不高于新标准时为 0）",
        steps, {"grades": inp.grades, "steps": inp.steps, "mapping": inp.mapping, "人数": len(rows)},
        rows=[{k: v for k, v in r.items() if k != "_label"} for r in rows],
        by_person={r["_label"]: {k: v for k, v in r.items() if k not in ("_label", "序号", "姓名")} for r in rows},
        by_grade={k: {**v, "现工资合计": q(v["现工资合计"]), "套改后合计": q(v["套改后合计"])}
                  for k, v in by_grade.items() if v["人数"]},
        totals=totals, distribution=_distribution([r["月增资额"] for r in rows]), absorb=inp.absorb,
    )


def _labels(people: list[Person]) -> list[str]:
    """Names, made unique where two people share one (张伟（生产部）, or 张伟（第 12 行）)."""
    counts: dict[str, int] = {}
    for p in people:
        counts[p.name] = counts.get(p.name, 0) + 1
    labels, seen = [], set()
    for p in people:
        label = p.name if counts[p.name] == 1 else f"{p.name}（{p.department}）" if p.department else p.name
        if label in seen or (counts[p.name] > 1 and not p.department):
            label = f"{p.name}（第 {p.row} 行）"
        seen.add(label)
        labels.append(label)
    return labels


def _totals(rows: list[dict[str, Any]], budget: Decimal | None) -> dict[str, Any]:
    months = MONTHS_PER_YEAR
    old = sum((r["现工资"] for r in rows), Decimal(0))
    after = sum((r["套改后月工资"] for r in rows), Decimal(0))
    protected = sum((r["保留工资"] for r in rows), Decimal(0))
    out: dict[str, Any] = {
        "人数": len(rows), "现工资月合计": q(old), "套改后月合计": q(after), "月增资合计": q(after - old),
        "保留工资人数": sum(1 for r in rows if r["保留工资"] > 0), "保留工资月合计": q(protected),
        "增资人数": sum(1 for r in rows if r["月增资额"] > 0), "套改后全年合计": q(after * months),
        "全年增资": q((after - old) * months),
    }
    if budget is not None:
        out["年度固定工资预算"] = q(budget)
        out["预算结余"] = q(budget - after * months)
    return out


def _distribution(increases: list[Decimal], bins: int = 5) -> list[dict[str, Any]]:
    """People by monthly increase: no increase, then equal-width ranges up to the largest."""
    zero = sum(1 for v in increases if v <= 0)
    positive = sorted(v for v in increases if v > 0)
    out = [{"区间": "不增资（含保留工资）", "人数": zero}]
    if not positive:
        return out
    top = positive[-1]
    width = max((top / bins).to_integral_value(rounding="ROUND_CEILING"), Decimal(1))
    edges = [width * k for k in range(bins + 1)]
    counts = [0] * bins
    for v in positive:
        counts[min(int((v - Decimal("0.01")) // width), bins - 1)] += 1
    for k in range(bins):
        if counts[k] or k == 0:
            out.append({"区间": f"{fmt(edges[k] + Decimal('0.01') if k else Decimal('0.01'))}–{fmt(edges[k + 1])} 元",
                        "人数": counts[k]})
    return out
