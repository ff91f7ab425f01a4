"""Performance-pay allocation: points (积分制, one or two levels), piece rate (计件) and the
工分 point value from a price list (曲靖指引第八条（六）, 案例1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field

from knowledge.reader.fields import PER_HEAD_WORDS, Reads, Shape
from knowledge.reader.models import Kind

from . import people
from .applicability import clause
from .base import CalcInput, MoneyInput, Number, NumberMap, limited, plus, result, summarize
from .errors import CalculationError
from .numbers import (
    check_names,
    fmt,
    from_units,
    q,
    read_weight_map,
    scaled_total,
    split_units,
    to_decimal,
    to_units,
    units_to_decimals,
    weights_to_ints,
)
from .params import param, ref
from .registry import register

DEPT_FORMULA = "部门绩效工资总量 = 单位可供分配绩效工资总量 ÷ 单位积分累计总分 × 部门积分累计总分"
PERSON_FORMULA = "技能人才个人绩效工资分配 = 部门可供分配绩效工资总量 ÷ 部门积分累计总分 × 技能人才个人积分累计总分"
PIECE_FORMULA = "技能人才个人绩效工资分配 = 部门可供分配绩效工资总量 ÷ 部门计件总量数 × 技能人才个人计件数量"
DETAILED_DEPARTMENTS = 5
# What each calculation rests on: the allocation-formula rule's clause (曲靖指引第八条) and, for points,
# the 科技人才指引 article on allocating by contribution; the point value follows 曲靖案例1.
POINTS_CLAUSES = (clause("allocation-formula"), "soe_tech/art-33")
PIECE_CLAUSES = (clause("allocation-formula"),)
POINT_VALUE_CLAUSES = ("qujing_skill/case-1", clause("allocation-formula"))
ROUNDING = "按最大余数法处理尾差：先按公式取到{unit}，剩余的 {left} {unit_name}依次补给余数最大的项（余数相同按输入顺序），合计恰为 {total}"


def _rounding_step(left: int, precision: int, total: Decimal) -> str:
    unit, unit_name = ("分", "分钱") if precision == 2 else (f"{precision} 位小数", "个最小单位")
    shown = fmt(from_units(to_units(total, precision, "pool"), precision))
    if left == 0:
        return f"各项按公式取到{unit}后恰好没有尾差，合计 = {shown}"
    return ROUNDING.format(unit=unit, left=left, unit_name=unit_name, total=shown)


def _point_value(pool: Decimal, total: Decimal, precision: int) -> Decimal:
    return (pool / total).quantize(Decimal(1).scaleb(-(precision + 2)), rounding="ROUND_HALF_UP")


def _split_map(amount_units: int, names: list[str], weights: list[int], precision: int) -> tuple[dict[str, Decimal], int]:
    shares, left = split_units(amount_units, weights)
    return dict(zip(names, units_to_decimals(shares, precision))), left


# ---- 积分制 ------------------------------------------------------------------------------------


POOL_CUES = ("绩效工资", "绩效奖金", "奖金", "奖励", "奖", "总额", "可分配", "可供分配", "奖金池", "池", "盘子", "资金", "一共", "总共",
             "分配额", "绩效", "工资总量", "可分", "pool", "Pool", "bonus", "Bonus")  # English as HR staff write it
SCORE_CUES = ("积分", "分数", "得分", "考核分", "考核得分", "分")
# A pool written bare below this (这次奖金30) is 30万 or 3万 more likely than 30 元: the user is asked.
POOL_LEAST = 100
# 单价3块 is a rate per piece, never the pool; 经理系数1.5 weighs a head count, it is no score.
PRICE_WORDS = ("单价", "每件", "一件", "每个")
COEFFICIENT_WORDS = ("系数",)


class Department(CalcInput):
    score: Annotated[Number | None, Reads(Kind.SCORE, cues=("部门积分", "部门总分", "总分", "合计"), avoid=COEFFICIENT_WORDS)] = Field(
        None, title="部门积分累计总分", description="部门考核积分累计总分；不填则取成员积分之和")
    members: Annotated[NumberMap | None, Reads(Kind.SCORE, cues=SCORE_CUES, shape=Shape.MAP, avoid=COEFFICIENT_WORDS)] = Field(
        None, title="部门成员积分", description="部门内个人积分累计总分：姓名 → 积分")


class PointsInput(MoneyInput):
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("scores",), ("departments",), ("coefficients",))
    reading_topics: ClassVar[tuple[str, ...]] = ("积分", "按分", "按系数", "分数", "得分", "考核分", "积分制", "按积分", "分值", "绩效工资怎么分", "绩效怎么分",
                                                 "奖金怎么分", "按考核", "分一下", "分分", "怎么分", "帮我分")
    pool: Annotated[Number, Reads(Kind.MONEY, cues=POOL_CUES, least=POOL_LEAST, avoid=PRICE_WORDS + PER_HEAD_WORDS, ask="如“绩效工资总额50万元”")] = Field(
        ..., gt=0, title="绩效工资总量", description="单位可供分配绩效工资总量（元）")
    scores: Annotated[NumberMap | None, Reads(Kind.SCORE, cues=SCORE_CUES, shape=Shape.MAP, avoid=COEFFICIENT_WORDS,
                                              ask="如“生产部3000分、技术部2000分”")] = Field(
        None, title="积分", description="一级分配：各部门（或个人）积分累计总分，名称 → 积分")
    departments: Annotated[dict[str, Department] | None, Reads(Kind.SCORE, shape=Shape.GROUPS)] = Field(
        None, title="部门", description="两级分配：部门名称 → {score: 部门积分, members: {姓名: 个人积分}}"
    )
    # 系数法: 高级工3人系数1.2，中级工5人系数1.0 — each grade's points are its head count times its coefficient
    coefficients: Annotated[NumberMap | None, Reads((Kind.NUMBER, Kind.MULTIPLE), cues=COEFFICIENT_WORDS, shape=Shape.MAP, mention=COEFFICIENT_WORDS,
                                                                      cued=True)] = Field(
        None, title="分配系数", description="系数法：名称 → 分配系数（与 heads 配合，折算积分 = 人数 × 系数；不与积分同用）")
    heads: Annotated[NumberMap | None, Reads(Kind.PEOPLE, cues=("人", "人数", "名"), shape=Shape.MAP, bare=False,
                                                          keys_from="coefficients", only_with="coefficients")] = Field(
        None, title="各档人数", description="系数法：名称 → 人数；未列出的按 1 人")
    total_score: Annotated[Number | None, Reads(Kind.SCORE, cues=("总分", "合计", "累计总分", "一共", "总计", "共计", "全厂", "全部", "单位"),
                                                total=True, total_of="scores")] = Field(
        None, ge=0, title="单位积分累计总分",
        description="可选：全单位积分累计总分。只列出部分部门（或个人）时按公式单独计算：单位可供分配绩效工资总量 ÷ 单位积分累计总分 × 部门积分")


def _points_from_people(rows: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    people.refuse_both(data, "scores")
    who = people.names(rows)
    scores = people.number_column(rows, "score")
    depts = people.text_column(rows, "department")
    if depts is None or all(d is None for d in depts):
        return {**data, "scores": dict(zip(who, scores))}  # type: ignore[arg-type]
    given = dict(data.get("departments") or {})
    departments: dict[str, dict[str, Any]] = {}
    for i, (name, score, dept) in enumerate(zip(who, scores, depts)):  # type: ignore[arg-type]
        if dept is None:
            raise CalculationError(f"人员表第 {i + 2} 行“部门”列为空（其他行填了部门，按两级分配）", f"people[{i}].部门")
        entry = departments.setdefault(dept, {k: v for k, v in dict(given.get(dept) or {}).items() if k == "score"})
        entry.setdefault("members", {})[name] = score
    return {**data, "departments": departments}


@register(
    "points-allocation",
    "积分制绩效工资分配",
    "按积分累计制分配绩效工资（曲靖指引第八条（六））：部门绩效工资总量 = 单位可供分配绩效工资总量 ÷ 单位积分累计总分 × 部门积分累计总分；"
    "给出各部门成员积分时再按个人积分二次分配到人。结果按最大余数法精确到分，合计等于总量。"
    "输入 scores（一级）或 departments（两级），也可上传含 姓名/积分（及 部门）列的人员表。",
    PointsInput,
    {"pool": 1000000, "scores": {"生产部": 3000, "技术部": 2000}},
    POINTS_CLAUSES,
    people=_points_from_people,
)
def points_allocation(inp: PointsInput) -> dict[str, Any]:
    if inp.coefficients:
        return _by_coefficients(inp)
    if inp.departments:
        if inp.scores:
            raise CalculationError("各部门（或个人）积分与两级分配的部门只能填写一种（一级或两级分配）", "scores")
        return _two_level(inp)
    if not inp.scores:
        raise CalculationError("请提供各部门或个人的积分，或两级分配的部门及其成员积分", "scores")
    return _one_level(inp)


def _by_coefficients(inp: PointsInput) -> dict[str, Any]:
    """系数法: each one's points are its head count × its coefficient; the pool is split on them, and
    each group's share divided by its head count is what one person gets."""
    if inp.scores or inp.departments:
        raise CalculationError("同时给出了积分和分配系数：系数是否要乘到积分上？请只给一种，或写明“积分×系数”后的折算积分", "coefficients")
    coefficients = _number_map(inp.coefficients, "coefficients", "分配系数")
    heads = _number_map(inp.heads, "heads", "各档人数")
    for name, count in heads.items():
        if name not in coefficients:
            raise CalculationError(f"“{name}”给了人数，没有分配系数", f"heads.{name}")
        if count <= 0 or count != int(count):
            raise CalculationError(f"“{name}”的人数 {fmt(count)} 应为正整数", f"heads.{name}")
    points = {name: heads.get(name, Decimal(1)) * c for name, c in coefficients.items()}
    out = _one_level(inp.model_copy(update={"scores": points, "coefficients": None}))
    out["trace"]["steps"][:0] = [f"{n}折算积分 = {fmt(heads.get(n, Decimal(1)))} 人 × 系数 {fmt(c)} = {fmt(points[n])}" for n, c in coefficients.items()]
    out["trace"]["inputs"] = summarize(inp)
    if heads:
        out["per_person"] = {n: q(out["allocations"][n] / heads[n], inp.precision) for n in heads}
    return out


def _one_level(inp: PointsInput) -> dict[str, Any]:
    names, weights, places = read_weight_map(inp.scores, "scores", "积分")
    total = scaled_total(weights, places)
    if total == 0:
        raise CalculationError("积分合计为0，无法按积分分配", "scores")
    if inp.total_score is not None and inp.total_score != total:
        return _listed_only(inp, names, [Decimal(w).scaleb(-places) for w in weights], total, inp.total_score,
                            POINTS_CLAUSES, DEPT_FORMULA, "单位积分累计总分", "积分")
    pool_units = to_units(inp.pool, inp.precision, "pool", "绩效工资总量")
    allocations, left = _split_map(pool_units, names, weights, inp.precision)
    scores = (Decimal(w).scaleb(-places) for w in weights)
    steps = [
        f"单位积分累计总分 = {plus([Decimal(w).scaleb(-places) for w in weights[:8]], total, count=len(weights))}",
        f"每分值 = {fmt(inp.pool)} ÷ {fmt(total)} = {fmt(_point_value(inp.pool, total, inp.precision))}",
        *limited((f"{n}：{fmt(inp.pool)} ÷ {fmt(total)} × {fmt(s)} = {fmt(allocations[n])}" for n, s in zip(names, scores)), len(names)),
        _rounding_step(left, inp.precision, inp.pool),
    ]
    return result(
        POINTS_CLAUSES, DEPT_FORMULA, steps, inp,
        allocations=allocations, total=from_units(pool_units, inp.precision),
        point_value=_point_value(inp.pool, total, inp.precision), total_score=total,
    )


def _department_weights(inp: PointsInput) -> tuple[list[str], list[Decimal], dict[str, tuple[list[str], list[int], int]]]:
    names, scores, members = [], [], {}
    check_names(list(inp.departments), "departments", "部门")  # type: ignore[arg-type]
    for dept, info in inp.departments.items():  # type: ignore[union-attr]
        if info.members is not None:
            members[dept] = read_weight_map(info.members, f"departments.{dept}.members", f"{dept}成员积分")
        if info.score is not None:
            score = info.score
        elif dept in members:
            score = scaled_total(members[dept][1], members[dept][2])
        else:
            raise CalculationError(f"部门“{dept}”既没有部门积分，也没有成员积分", f"departments.{dept}.score")
        if score < 0:
            raise CalculationError(f"部门“{dept}”的积分为负数", f"departments.{dept}.score")
        names.append(dept)
        scores.append(score)
    return names, scores, members


def _two_level(inp: PointsInput) -> dict[str, Any]:
    names, scores, members = _department_weights(inp)
    total = sum(scores, Decimal(0))
    if total == 0:
        raise CalculationError("各部门积分合计为0，无法按积分分配", "departments")
    pool_units = to_units(inp.pool, inp.precision, "pool", "绩效工资总量")
    allocations, left = _split_map(pool_units, names, weights_to_ints(scores), inp.precision)
    steps = [
        f"单位积分累计总分 = {plus(scores, total)}",
        *limited((f"{d}：{fmt(inp.pool)} ÷ {fmt(total)} × {fmt(s)} = {fmt(allocations[d])}" for d, s in zip(names, scores)), len(names)),
        _rounding_step(left, inp.precision, inp.pool),
    ]
    member_out: dict[str, dict[str, Decimal]] = {}
    for i, (dept, (who, weights, places)) in enumerate(members.items()):
        # the working of the first few departments shows the method; the rest would only repeat it
        shown = steps if i < DETAILED_DEPARTMENTS else None
        member_out[dept] = _second_level(dept, allocations[dept], who, weights, places, inp.precision, shown)
    if len(members) > DETAILED_DEPARTMENTS:
        steps.append(f"其余 {len(members) - DETAILED_DEPARTMENTS} 个部门按同一公式二次分配，过程从略（结果见 members）")
    return result(
        POINTS_CLAUSES, f"{DEPT_FORMULA}；{PERSON_FORMULA}", steps, inp,
        allocations=allocations, members=member_out, total=from_units(pool_units, inp.precision),
        point_value=_point_value(inp.pool, total, inp.precision), total_score=total,
    )


def _second_level(dept: str, amount: Decimal, who: list[str], weights: list[int], places: int, precision: int, steps: list[str] | None) -> dict[str, Decimal]:
    dept_total = scaled_total(weights, places)
    if dept_total == 0:
        if amount == 0:
            return {n: from_units(0, precision) for n in who}
        raise CalculationError(f"部门“{dept}”成员积分合计为0，无法二次分配", f"departments.{dept}.members")
    shares, left = _split_map(to_units(amount, precision, f"departments.{dept}"), who, weights, precision)
    if steps is None:
        return shares
    steps.append(f"{dept}部门积分累计总分 = {fmt(dept_total)}（{len(who)} 人）")
    steps.extend(limited((f"{dept}·{n}：{fmt(amount)} ÷ {fmt(dept_total)} × {fmt(Decimal(w).scaleb(-places))} = {fmt(shares[n])}" for n, w in zip(who, weights)), len(who), limit=10))
    if left:
        steps.append(f"{dept}尾差 {left} 个最小单位按最大余数法补足，部门合计 = {fmt(amount)}")
    return shares


def _listed_only(inp: Any, names: list[str], weights: list[Decimal], listed: Decimal, whole: Decimal,
                 cites: tuple[str, ...], formula: str, whole_label: str, unit: str) -> dict[str, Any]:
    """The guideline's formula for the members listed when the unit's total covers more people:
    each share = pool ÷ the unit's total × the member's own figure, rounded to the cent."""
    if whole < listed:
        raise CalculationError(f"{whole_label} {fmt(whole)} 小于所列各项之和 {fmt(listed)}，请核对", "total")
    allocations = {n: q(inp.pool / whole * w, inp.precision) for n, w in zip(names, weights)}
    shown = sum(allocations.values(), Decimal(0))
    others = q(inp.pool - shown, inp.precision)
    steps = [
        *limited((f"{n}：{fmt(inp.pool)} ÷ {fmt(whole)} × {fmt(w)} = {fmt(allocations[n])}" for n, w in zip(names, weights)), len(names)),
        f"所列 {len(names)} 项合计 {fmt(listed)}{unit}、{fmt(shown)} 元；其余 {fmt(whole - listed)}{unit}对应 {fmt(others)} 元，由未列出的人员（部门）按同一公式分配",
    ]
    return result(cites, formula, steps, inp, allocations=allocations, total=q(inp.pool, inp.precision),
                  allocated=shown, others=others, whole=whole)


# ---- 计件 ---------------------------------------------------------------------------------------


class PieceRateInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("计件", "件数", "产量", "件", "做了", "计件工资", "计件奖金")
    pool: Annotated[Number, Reads(Kind.MONEY, cues=POOL_CUES + ("计件奖金", "计件工资", "计件绩效"), least=POOL_LEAST, avoid=PRICE_WORDS + PER_HEAD_WORDS, ask="如“部门计件奖金6万元”")] = Field(
        ..., gt=0, title="部门可供分配绩效工资总量", description="部门可供分配的计件绩效工资总量（元）")
    pieces: Annotated[NumberMap, Reads((Kind.PIECES, Kind.COUNT), cues=("计件数量", "计件", "件数", "产量", "做了", "件", "数量"), shape=Shape.MAP,
                                       ask="如“小王1200件、小李800件”")] = Field(..., title="计件数量", description="姓名 → 个人计件数量")
    coefficients: Annotated[NumberMap | None, Reads((Kind.PERCENT, Kind.NUMBER, Kind.MULTIPLE), cues=("系数", "折算", "折", "打", "按", "计", "成"),
                                                    shape=Shape.MAP, keys_from="pieces", mention=("系数", "折算", "打折", "打个折", "折扣"),
                                                    ask="如“小李按0.8折算”")] = Field(
        None, title="个人系数", description="姓名 → 折算系数（岗位层级、辅助岗位等），未列出的按 1")
    categories: dict[str, str] | None = Field(None, title="岗位类别", description="姓名 → 岗位类别（技能、管理、专技等），与 category_coefficients 配合")
    category_coefficients: NumberMap | None = Field(
        None, title="类别折算系数", description="岗位类别 → 计件折算系数，如 {\"管理\": 0.8, \"专技\": 0.9}（技能岗位为 1，即 1×a%、1×b%）"
    )
    total_pieces: Annotated[Number | None, Reads((Kind.PIECES, Kind.COUNT), cues=("总量", "总数", "合计", "一共", "共", "总共", "计件总量", "部门", "班组",
                                                                          "车间", "全组", "全班", "总件数", "总产量"),
                                                 total=True, total_of="pieces")] = Field(
        None, gt=0, title="部门计件总量数",
        description="可选：部门计件总量数。只列出部分人员时按公式单独计算：个人 = 部门可供分配绩效工资总量 ÷ 部门计件总量数 × 个人计件数量")


def _pieces_from_people(rows: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
    people.refuse_both(data, "pieces", "coefficients", "categories")
    who = people.names(rows)
    out = {**data, "pieces": dict(zip(who, people.number_column(rows, "pieces")))}  # type: ignore[arg-type]
    coefficients = people.number_column(rows, "coefficient", required=False)
    if coefficients is not None:
        out["coefficients"] = {n: c for n, c in zip(who, coefficients) if c is not None}
    categories = people.text_column(rows, "category")
    if categories is not None:
        out["categories"] = {n: c for n, c in zip(who, categories) if c is not None}
    return out


def _number_map(mapping: dict[str, Any] | None, field: str, label: str) -> dict[str, Decimal]:
    out = {}
    for key, value in (mapping or {}).items():
        number = to_decimal(value, f"{field}.{key}", label=f"{label}中“{key}”的值")
        if number < 0:
            raise CalculationError(f"{label}中“{key}”为负数", f"{field}.{key}")
        out[str(key)] = number
    return out


def _piece_weights(inp: PieceRateInput) -> tuple[dict[str, Decimal], dict[str, Decimal], list[str]]:
    pieces = _number_map(inp.pieces, "pieces", "计件数量")
    if not pieces:
        raise CalculationError("计件数量为空，至少需要一人", "pieces")
    coefficients = _number_map(inp.coefficients, "coefficients", "个人系数")
    cat_coef = _number_map(inp.category_coefficients, "category_coefficients", "类别折算系数")
    categories = dict(inp.categories or {})
    for name in [*coefficients, *categories]:
        if name not in pieces:
            field = "coefficients" if name in coefficients else "categories"
            raise CalculationError(f"“{name}”不在计件名单中（计件数量里没有这个人）", f"{field}.{name}")
    skill = Decimal(param("piece_rate.skill_coefficient"))
    weighted, notes = {}, []
    for name, count in pieces.items():
        factor = coefficients.get(name, Decimal(1))
        category = categories.get(name)
        if category is not None:
            if category not in cat_coef and category not in ("技能", "技能岗位"):
                raise CalculationError(f"“{name}”的岗位类别“{category}”没有折算系数，请在“类别折算系数”中给出", f"categories.{name}")
            factor *= cat_coef.get(category, skill)
        weighted[name] = count * factor
        if factor != 1:
            notes.append(f"{name}折算计件数 = {fmt(count)} × {fmt(factor)} = {fmt(weighted[name])}")
    return pieces, weighted, notes


@register(
    "piece-rate-allocation",
    "计件绩效工资分配",
    "按个人计件数量分配部门绩效工资（曲靖指引第八条（六））：个人绩效工资 = 部门可供分配绩效工资总量 ÷ 部门计件总量数 × 个人计件数量。"
    "可按个人系数（未给出的按 1）和岗位类别系数（技能岗位为 1，管理、专业技术岗位为 1×a%、1×b%）折算计件数。结果精确到分，合计等于总量。",
    PieceRateInput,
    {"pool": 60000, "pieces": {"小王": 1200, "小李": 800}, "coefficients": {"小李": 0.8}},
    PIECE_CLAUSES,
    people=_pieces_from_people,
)
def piece_rate_allocation(inp: PieceRateInput) -> dict[str, Any]:
    _, weighted, notes = _piece_weights(inp)
    total = sum(weighted.values(), Decimal(0))
    if total == 0:
        raise CalculationError("折算后的计件总量为0，无法分配", "pieces")
    if inp.total_pieces is not None and inp.total_pieces != total:
        return _listed_only(inp, list(weighted), list(weighted.values()), total, inp.total_pieces,
                            PIECE_CLAUSES, PIECE_FORMULA, "部门计件总量数", "件")
    names = list(weighted)
    pool_units = to_units(inp.pool, inp.precision, "pool", "部门可供分配绩效工资总量")
    allocations, left = _split_map(pool_units, names, weights_to_ints(list(weighted.values())), inp.precision)
    steps = [
        *limited(notes, len(notes)),
        f"部门计件总量数 = {plus(list(weighted.values()), total)}",
        *limited((f"{n}：{fmt(inp.pool)} ÷ {fmt(total)} × {fmt(weighted[n])} = {fmt(allocations[n])}" for n in names), len(names)),
        _rounding_step(left, inp.precision, inp.pool),
    ]
    formula = PIECE_FORMULA + ("（个人计件数量按系数折算：折算计件数 = 计件数量 × 系数）" if notes else "")
    return result(
        (*PIECE_CLAUSES, ref("piece_rate.skill_coefficient")), formula, steps, inp,
        allocations=allocations, total=from_units(pool_units, inp.precision),
        unit_price=_point_value(inp.pool, total, inp.precision), weighted_pieces=weighted,
    )


# ---- 工分价目表 ------------------------------------------------------------------------------------


class PointValueInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("工分", "价目表", "分值", "每次", "工分值", "谁执行谁定价")
    pool: Annotated[Number, Reads(Kind.MONEY, cues=POOL_CUES, least=POOL_LEAST, avoid=PRICE_WORDS + PER_HEAD_WORDS, ask="如“绩效工资总额5万元”")] = Field(
        ..., gt=0, title="可分配绩效工资总额", description="本期用于工分计酬的绩效工资总额（元）")
    price_list: Annotated[NumberMap, Reads(Kind.SCORE, cues=("每次", "每项", "分值", "价目"), per=("次", "项", "个", "件", "只", "台", "套", "份", "单", "趟", "户", "处", "条", "张", "批", "箱", "吨", "米", "公里"),
                                           shape=Shape.MAP,
                                           ask="如“登杆作业每次300分、抄表每次20分”")] = Field(
        ..., title="工作分值价目表", description="工作项目 → 每次（每单位）分值，如 {\"登杆作业\": 300}")
    work: Annotated[dict[str, NumberMap], Reads((Kind.TIMES, Kind.PIECES, Kind.COUNT, Kind.MONTHS), shape=Shape.GRID, items_from="price_list",
                                                ask="如“张三登杆作业10次、抄表30次”")] = Field(
        ..., title="工作记录", description="姓名 → {工作项目: 次数}")
    extra_points: Annotated[NumberMap | None, Reads(Kind.SCORE, cues=("其他积分", "积分", "加分", "培训", "额外", "另加", "师带徒", "验收"),
                                                    shape=Shape.MAP, people=True)] = Field(
        None, title="其他积分", description="姓名 → 直接计入的积分（培训、师带徒、验收券合计等）")


def _person_points(inp: PointValueInput, prices: dict[str, Decimal]) -> tuple[dict[str, Decimal], list[str]]:
    extra = _number_map(inp.extra_points, "extra_points", "其他积分")
    points, lines = {}, []
    for name, record in inp.work.items():
        if not isinstance(record, dict):
            raise CalculationError(f"“{name}”的工作记录应为“工作项目: 次数”的对象", f"work.{name}")
        total, parts = Decimal(0), []
        for task, times in _number_map(record, f"work.{name}", f"{name}的工作记录").items():
            if task not in prices:
                raise CalculationError(f"“{name}”的工作项目“{task}”不在价目表中", f"work.{name}.{task}")
            total += times * prices[task]
            parts.append(f"{task} {fmt(times)} × {fmt(prices[task])}")
        total += extra.get(name, Decimal(0))
        if name in extra:
            parts.append(f"其他积分 {fmt(extra[name])}")
        points[name] = total
        lines.append(f"{name}工分 = {' + '.join(parts) or '0'} = {fmt(total)}")
    for name in extra:
        if name not in points:
            points[name] = extra[name]
            lines.append(f"{name}工分 = 其他积分 {fmt(extra[name])}")
    return points, lines


@register(
    "point-value",
    "工分分值计酬",
    "按《工作分值价目表》计算每人工分，再按工分值分配绩效工资（曲靖指引案例1“谁执行谁定价”的市场化积分、第八条（六）积分累计制）："
    "个人工分 = Σ 工作次数 × 单项分值；工分值 = 绩效工资总额 ÷ 全体工分合计；个人绩效工资 = 工分值 × 个人工分（精确到分，合计等于总额）。",
    PointValueInput,
    {
        "pool": 50000,
        "price_list": {"登杆作业": 300, "抄表": 20, "浇花（包月）": 100},
        "work": {"张三": {"登杆作业": 10, "抄表": 30}, "李四": {"登杆作业": 6, "浇花（包月）": 1}, "王五": {"抄表": 80}},
    },
    POINT_VALUE_CLAUSES,
)
def point_value(inp: PointValueInput) -> dict[str, Any]:
    prices = _number_map(inp.price_list, "price_list", "价目表分值")
    if not prices:
        raise CalculationError("价目表为空", "price_list")
    points, lines = _person_points(inp, prices)
    total = sum(points.values(), Decimal(0))
    if total == 0:
        raise CalculationError("全体工分合计为0，无法计算工分值", "work")
    names = list(points)
    pool_units = to_units(inp.pool, inp.precision, "pool", "可分配绩效工资总额")
    allocations, left = _split_map(pool_units, names, weights_to_ints(list(points.values())), inp.precision)
    value = _point_value(inp.pool, total, inp.precision)
    steps = [
        *limited(lines, len(lines)),
        f"全体工分合计 = {plus(list(points.values()), total)}",
        f"工分值 = {fmt(inp.pool)} ÷ {fmt(total)} = {fmt(value)} 元/分",
        *limited((f"{n}：{fmt(inp.pool)} ÷ {fmt(total)} × {fmt(points[n])} = {fmt(allocations[n])}" for n in names), len(names)),
        _rounding_step(left, inp.precision, inp.pool),
    ]
    return result(
        POINT_VALUE_CLAUSES,
        "个人工分 = Σ（工作次数 × 价目表分值）；工分值 = 绩效工资总额 ÷ 全体工分合计；个人绩效工资 = 工分值 × 个人工分",
        steps, inp, allocations=allocations, points=points, point_value=value, total=from_units(pool_units, inp.precision),
    )
