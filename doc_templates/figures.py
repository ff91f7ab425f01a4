"""Plan → the numbers of the scheme: every table and worked example comes from `calculators.run`.

This module only arranges calculator results into table rows and short sentences for the
templates; the arithmetic (and its rounding) is the calculators'. Citations each result carries
are kept per chapter group, so a chapter's basis line names them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .chart import ladder_png
from .errors import ProfileError
from .plan import Plan
from .render_docx import ChartData, TableData

CATEGORY_ORDER = ("技能", "专业技术", "管理")
GRADE_LABELS = {"A": "优秀", "B": "合格", "C": "待改进", "D": "不合格", "S": "卓越"}
MATRIX_GRADES_PER_TABLE = 7  # wider tables no longer fit the 156 mm text block
OTHERS = "本部门其他职工"
PERIOD_WORD = {"月度": "月", "季度": "季度", "半年度": "半年", "年度": "年度"}


def run(name: str, data: dict[str, Any]) -> dict[str, Any]:
    import calculators

    try:
        return calculators.run(name, data)
    except calculators.CalculationError as exc:
        # The profile passed our own checks, so the calculator found something we did not.
        raise ProfileError(f"企业概况中的数据无法计算：{exc}") from exc


def num(value: Any) -> str:
    """A figure as people write it: 1,800 or 1,800.5 (no trailing zeros)."""
    d = Decimal(value)
    return f"{d:,.0f}" if d == d.to_integral_value() else f"{d.normalize():,f}"


yuan = num  # a standard amount in yuan reads the same way


def money(value: Any) -> str:
    """A computed amount, always to the fen: 32,727.27."""
    return f"{Decimal(value):,.2f}"


def pct(value: Any) -> str:
    """0.1 → 10%, 0.065 → 6.5%, 3/11 → 27.27% (at most two decimals)."""
    d = (Decimal(value) * 100).quantize(Decimal("0.01"))
    return f"{d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()}%"


@dataclass
class Figures:
    ctx: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, TableData] = field(default_factory=dict)
    charts: dict[str, ChartData] = field(default_factory=dict)
    cites: dict[str, list[str]] = field(default_factory=dict)

    def cite(self, group: str, result: dict[str, Any]) -> dict[str, Any]:
        self.cites.setdefault(group, []).extend(result.get("citations") or [])
        return result


def compute(plan: Plan) -> Figures:
    fig = Figures()
    _headcount(plan, fig)
    steps = _post_wages(plan, fig)
    _budget(plan, fig, steps)
    _seniority(plan, fig)
    _allowances(plan, fig)
    _performance(plan, fig)
    _leading(plan, fig)
    _adjustment(plan, fig)
    return fig


# ---- people and budget ----------------------------------------------------------------------


def _grades_in_order(plan: Plan) -> list[Any]:
    return sorted(plan.profile.grades, key=lambda g: (CATEGORY_ORDER.index(g.category), g.post_wage))


def _headcount(plan: Plan, fig: Figures) -> None:
    # Counts carry their unit ("14 人") so a reader never takes a column of them for pay steps.
    rows = [[g.category, g.name, f"{g.headcount} 人", yuan(g.post_wage)] for g in _grades_in_order(plan)]
    rows.append(["合计", "", f"{plan.profile.headcount} 人", ""])
    fig.tables["headcount"] = TableData(["岗位类别", "岗位等级", "人数", "岗位工资（元/月）"], rows,
                                        title="岗位等级及人数")
    fig.ctx["cats"] = plan.by_category()


def _post_wages(plan: Plan, fig: Figures) -> list[Decimal]:
    grades = _grades_in_order(plan)
    result = fig.cite("post_wage", run("post-wage-table", {
        "grades": [{"name": g.name, "post_wage": g.post_wage, "start_step": plan.start_steps[g.name]} for g in grades],
        "steps": {"count": plan.steps.count, "first": plan.steps.first, "increment": plan.steps.increment},
    }))
    steps = [Decimal(s) for s in result["step_wages"]]
    fig.ctx["top_step"] = steps[-1]
    fig.tables["steps"] = _steps_table(steps)
    by_name = {row["grade"]: row for row in result["table"]}
    rows = []
    for g in grades:
        totals = [t for t in by_name[g.name]["totals"] if t is not None]
        rows.append([g.name, g.category, f"{g.headcount} 人", yuan(g.post_wage), f"第{plan.start_steps[g.name]}级",
                     yuan(totals[0]), yuan(totals[-1])])
    fig.tables["post_wage"] = TableData(
        ["岗位等级", "类别", "人数", "岗位工资", "起点薪级", "起点月标准", "最高月标准"], rows,
        title="岗位工资标准及起点薪级（元/月）",
        note="注：月标准 = 岗位工资 + 薪级工资；起点月标准按起点薪级计算，最高月标准按最高薪级计算。",
    )
    fig.tables.update(_matrix_tables(grades, by_name, len(steps)))
    ladder = sorted(grades, key=lambda g: g.post_wage)
    fig.charts["ladder"] = ChartData(
        ladder_png([g.name for g in ladder], [g.post_wage for g in ladder],
                   [steps[plan.start_steps[g.name] - 1] for g in ladder], [steps[-1] for _ in ladder]),
        caption="岗位工资与薪级工资阶梯（元/月）",
    )
    return steps


def _steps_table(steps: list[Decimal], per_row: int = 10) -> TableData:
    """Steps in rows of ten: a 薪级 row, then its 标准 row, so 30 steps take six rows."""
    rows: list[list[str]] = []
    for start in range(0, len(steps), per_row):
        chunk = steps[start:start + per_row]
        pad = [""] * (per_row - len(chunk))
        if start:  # the first step-number row is the table's header
            rows.append(["薪级"] + [str(start + i + 1) for i in range(len(chunk))] + pad)
        rows.append(["标准"] + [yuan(v) for v in chunk] + pad)
    header = ["薪级"] + [str(i + 1) for i in range(min(per_row, len(steps)))]
    header += [""] * (per_row + 1 - len(header))
    return TableData(header, rows, title="薪级工资标准（元/月）", font_pt=9)


def _matrix_tables(grades: list[Any], by_name: dict[str, Any], count: int) -> dict[str, TableData]:
    """附件1: every grade × step, split into tables of a few grades each."""
    tables: dict[str, TableData] = {}
    chunks = [grades[i:i + MATRIX_GRADES_PER_TABLE] for i in range(0, len(grades), MATRIX_GRADES_PER_TABLE)]
    for n, chunk in enumerate(chunks):
        rows = []
        for step in range(count):
            cells = [by_name[g.name]["totals"][step] for g in chunk]
            rows.append([str(step + 1)] + [yuan(c) if c is not None else "—" for c in cells])
        title = "各岗位等级岗位工资和薪级工资标准" + (f"（{n + 1}）" if len(chunks) > 1 else "")
        tables[f"matrix{n}"] = TableData(["薪级"] + [g.name for g in chunk], rows, title=title, font_pt=9)
    return tables


def _budget(plan: Plan, fig: Figures, steps: list[Decimal]) -> None:
    p = plan.profile
    n = p.headcount
    items: list[tuple[str, Decimal, str]] = []
    if plan.basic_wage:
        items.append(("基础工资", plan.basic_wage * n * 12, f"{yuan(plan.basic_wage)} 元 × {n} 人 × 12 个月"))
    items.append(("岗位工资", sum((g.post_wage * g.headcount for g in p.grades), Decimal(0)) * 12, "各岗位等级标准 × 人数 × 12 个月"))
    items.append(("薪级工资", sum((steps[plan.start_steps[g.name] - 1] * g.headcount for g in p.grades), Decimal(0)) * 12,
                  "按各岗位起点薪级测算"))
    if plan.seniority:
        items.append(("年功工资", plan.seniority.start * n * 12, "按第一工龄段标准测算"))
    fixed = sum((amount for _, amount, _ in items), Decimal(0))
    budget = p.budget
    reserve = budget.annual_wage_total - budget.performance_pool - fixed
    if reserve < 0:
        raise ProfileError(
            f"工资预算不足：按各岗位起点薪级测算，全年固定工资约 {yuan(fixed)} 元，加上绩效工资总量 "
            f"{yuan(budget.performance_pool)} 元，超过年度工资总额预算 {yuan(budget.annual_wage_total)} 元。"
            "请调高预算，或调低岗位工资、基础工资、绩效工资总量。"
        )
    rows = [[name, yuan(amount), note] for name, amount, note in items]
    rows += [
        ["固定工资小计", yuan(fixed), ""],
        ["绩效工资总量", yuan(budget.performance_pool), "根据考核结果浮动发放"],
        ["津贴补贴、专项奖励及薪级晋升等", yuan(reserve), "预算余额"],
        ["年度工资总额", yuan(budget.annual_wage_total), "预算合计"],
    ]
    fig.tables["budget"] = TableData(["项目", "金额（元/年）", "测算口径"], rows, title="年度工资总额测算")
    fig.ctx.update(fixed_total=fixed, reserve=reserve, pool_share=budget.performance_pool / budget.annual_wage_total)
    names = ["基础工资"] if plan.basic_wage else []
    names += ["能力工资"] if plan.ability_items else []
    names += ["年功工资"] if plan.seniority else []
    names += ["岗位工资（含薪级工资）"]
    fixed_names = list(names)
    names += ["津贴补贴"] if plan.allowances else []
    fig.ctx["component_names"] = names + ["绩效工资"]
    fig.ctx["fixed_names"] = fixed_names + (["津贴补贴"] if plan.allowances else [])
    _pay_mix(plan, fig)


def _pay_mix(plan: Plan, fig: Figures) -> None:
    notes = []
    for kind, share in plan.performance.research_base_share.items():
        result = fig.cite("structure", run("pay-mix-check", {"category": kind, "base": share * 10000, "total": 10000}))
        notes += [f["message"] for f in result["findings"] if f["severity"] != "info"]
    fig.ctx["pay_mix_note"] = ("经测算，" + "；".join(notes) + "。") if notes else ""


# ---- seniority and allowances ---------------------------------------------------------------


def _seniority(plan: Plan, fig: Figures) -> None:
    s = plan.seniority
    if s is None:
        return
    example_years = s.years_per_band * 2 + 2
    result = fig.cite("seniority", run("seniority-pay", {
        "start": s.start, "increment": s.increment, "bands": s.bands, "years_per_band": s.years_per_band,
        "years": example_years,
    }))
    rows, previous = [], None
    for band in result["bands"]:
        span = (f"满 {band['from_years']} 年不满 {band['to_years']} 年" if band["to_years"] is not None
                else f"{band['from_years']} 年及以上")
        diff = "—" if previous is None else yuan(Decimal(band["amount"]) - previous)
        rows.append([f"第{band['band']}段", span, yuan(band["amount"]), diff])
        previous = Decimal(band["amount"])
    fig.tables["seniority"] = TableData(["工龄段", "连续工龄", "年功工资（元/月）", "与上一段差额"], rows,
                                        title="年功工资标准")
    fig.ctx["seniority_example"] = (f"例如，连续工龄 {example_years} 年的职工处于第{result['band']}段，"
                                    f"年功工资为每月 {yuan(result['amount'])} 元。")


def _allowances(plan: Plan, fig: Figures) -> None:
    from calculators.params import param

    fig.ctx["apprentice_months"] = f"{param('allowances.apprentice_months_min')}至{param('allowances.apprentice_months_max')}个月"
    a = plan.allowances
    if a is None:
        return
    rows = []
    if a.night_shift:
        rows.append(["夜班补贴", "上夜班的基本生产技能类岗位人员", f"{yuan(a.night_shift)} 元/班", "按实际夜班次数按月发放"])
    for name, amount in a.environment.items():
        rows.append([f"作业环境补贴（{name}）", f"从事{name}的技能操作类岗位人员", f"{yuan(amount)} 元/月", "按实际作业月份发放"])
    for level, amount in a.skill.items():
        rows.append([f"技能津贴（{level}）", f"取得{level}证书并在相关技能岗位工作的人员", f"{yuan(amount)} 元/月", "按月发放"])
    low, high = a.team_leader
    rows.append(["班组长津贴", "班组长（按班组大小和承担责任确定）", f"{yuan(low)}—{yuan(high)} 元/月", "按月发放"])
    rows.append(["师带徒津贴", "签订师带徒协议的师傅", f"{yuan(a.apprentice)} 元/月·每名徒弟", "学习期内按月发放"])
    fig.tables["allowances"] = TableData(["项目", "适用范围", "标准", "发放方式"], rows, title="津贴补贴标准",
                                         widths_mm=[40, 56, 30, 30])
    _allowance_example(plan, fig)


def _allowance_example(plan: Plan, fig: Figures) -> None:
    """Monthly allowances of a few sample workers, one per skill level, the most senior a team leader."""
    a = plan.allowances
    levels = list(a.skill)[::-1][:3]  # highest level first, as the tables list them lowest first
    if not levels:
        return
    members = [{"name": f"{level}甲", "skill_level": level} for level in levels]
    members[0].update(apprentices=2, team_leader=a.team_leader[1])
    result = fig.cite("allowances", run("allowance-schedule", {
        "members": members, "skill_rates": a.skill, "apprentice_rate": a.apprentice}))
    rows = []
    for member in members:
        person = result["by_person"][member["name"]]
        rows.append([member["name"], member["skill_level"], yuan(person["技能津贴"]), yuan(person["师带徒津贴"]),
                     yuan(person["班组长津贴"]), yuan(person["合计"])])
    fig.tables["allowance_example"] = TableData(
        ["职工", "技能等级", "技能津贴", "师带徒津贴", "班组长津贴", "月合计"], rows, title="津贴测算示例（元/月）",
        note=f"注：{members[0]['name']}带徒 2 名并担任班组长；夜班补贴、作业环境补贴按实际发生另计。")


# ---- performance ----------------------------------------------------------------------------


def _performance(plan: Plan, fig: Figures) -> None:
    perf = plan.performance
    fig.ctx["period_word"] = PERIOD_WORD[perf.cycle]
    fig.ctx["score_unit"] = "件" if perf.method == "计件制" else "分"
    points = _work_points(plan, fig) if perf.point_prices else {}
    _kpis(plan, fig)
    _forced(plan, fig)
    if perf.method == "计件制":
        _piece_example(plan, fig)
    else:
        _points_example(plan, fig, points)


def _work_points(plan: Plan, fig: Figures) -> dict[str, Decimal]:
    perf = plan.performance
    fig.tables["prices"] = TableData(["工作项目", "分值（分/次）"],
                                     [[k, num(v)] for k, v in perf.point_prices.items()], title="工作分值价目表（节选）")
    if not perf.work_log:
        return {}
    unknown = {task for log in perf.work_log.values() for task in log} - set(perf.point_prices)
    if unknown:
        raise ProfileError(f"工作记录中的项目不在工分价目表中：{'、'.join(sorted(unknown))}")
    result = fig.cite("performance", run("point-value", {
        "pool": perf.example_pool, "price_list": perf.point_prices, "work": perf.work_log}))
    rows = []
    for person, log in perf.work_log.items():
        detail = "；".join(f"{task} {num(n)} 次 × {num(perf.point_prices[task])} 分" for task, n in log.items())
        rows.append([person, detail, num(result["points"][person])])
    fig.tables["points"] = TableData(["职工", "完成工作", "工分"], rows, title="个人工分计算示例",
                                     widths_mm=[25, 105, 26])
    return {k: Decimal(v) for k, v in result["points"].items()}


def _kpis(plan: Plan, fig: Figures) -> None:
    kpis = plan.performance.kpis
    if not kpis:
        return
    result = fig.cite("performance", run("kpi-check", {"weights": kpis}))
    rows = [[str(i), name, pct(w)] for i, (name, w) in enumerate(kpis.items(), 1)]
    total = sum(kpis.values(), Decimal(0))
    rows.append(["", "合计", pct(total)])
    fig.tables["kpi"] = TableData(["序号", "关键绩效指标", "权重"], rows, title="部门关键绩效指标及权重")
    problems = [f["message"] for f in result["findings"] if f["severity"] != "info"]
    fig.ctx["kpi_total"] = total
    fig.ctx["kpi_note"] = ("请注意：" + "；".join(problems) + "。") if problems else ""


def _forced(plan: Plan, fig: Figures) -> None:
    forced = plan.performance.forced
    result = fig.cite("performance", run("forced-distribution", {"n": plan.profile.headcount, "quotas": forced}))
    counts = result["counts"]
    rows = [[f"{k}（{GRADE_LABELS.get(k, k)}）" if k in GRADE_LABELS else k, pct(share), f"{counts[k]} 人"]
            for k, share in forced.items()]
    rows.append(["合计", pct(sum(forced.values(), Decimal(0))), f"{sum(int(c) for c in counts.values())} 人"])
    fig.tables["forced"] = TableData(["考核等次", "比例", "人数"], rows, title="年度考核等次分布")
    keys = list(forced)
    fig.ctx["grade_labels"] = {k: GRADE_LABELS.get(k, k) for k in keys}
    fig.ctx["forced_text"] = "、".join(
        (f"{k}（{GRADE_LABELS[k]}）" if k in GRADE_LABELS else k) + pct(v) for k, v in forced.items())
    fig.ctx["top_grade"], fig.ctx["bottom_grade"] = keys[0], keys[-1]


def _with_others(members: dict[str, Decimal], dept_score: Decimal) -> dict[str, Decimal]:
    """The listed members plus one line for everyone else, so the department's pool is fully shown."""
    rest = dept_score - sum(members.values(), Decimal(0))
    return {**members, OTHERS: rest} if rest > 0 else dict(members)


def _resolve_members(plan: Plan, points: dict[str, Decimal]) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {}
    for name, dept in plan.performance.departments.items():
        members: dict[str, Decimal] = {}
        for person, value in dept.members.items():
            if value is None:
                if person not in points:
                    raise ProfileError(f"“{person}”的积分未填写，工作记录（work_log）中也没有此人，无法计算工分")
                value = points[person]
            members[person] = value
        out[name] = members
    return out


def _dept_scores(plan: Plan, members: dict[str, dict[str, Decimal]]) -> dict[str, Decimal]:
    scores = {}
    for name, dept in plan.performance.departments.items():
        listed = sum(members[name].values(), Decimal(0))
        score = dept.score if dept.score is not None else listed
        if score < listed:
            raise ProfileError(f"部门“{name}”的积分累计总分（{num(score)}）小于所列职工积分之和（{num(listed)}）")
        scores[name] = score
    if not any(scores.values()):
        raise ProfileError("分配示例中各部门积分均为 0，无法分配绩效工资")
    return scores


def _first_level(plan: Plan, fig: Figures, scores: dict[str, Decimal], departments: dict[str, Any]) -> dict[str, Any]:
    perf = plan.performance
    result = fig.cite("performance", run("points-allocation", {"pool": perf.example_pool, "departments": departments}))
    unit = fig.ctx["score_unit"]
    rows = [[d, num(scores[d]), money(result["allocations"][d])] for d in scores]
    rows.append(["合计", num(sum(scores.values(), Decimal(0))), money(result["total"])])
    head = "部门计件总量（件）" if perf.method == "计件制" else "部门积分累计总分（分）"
    fig.tables["alloc_dept"] = TableData(["部门", head, "部门绩效工资总量（元）"], rows, title="部门绩效工资总量分配示例")
    total = sum(scores.values(), Decimal(0))
    first = next(d for d in scores if scores[d] > 0)
    fig.ctx["alloc"] = {
        "total_score": total, "rate": f"{Decimal(result['point_value']).normalize():f}", "dept": first,
        "dept_pool": Decimal(result["allocations"][first]), "dept_score": scores[first], "unit": unit,
    }
    return result


def _points_example(plan: Plan, fig: Figures, points: dict[str, Decimal]) -> None:
    perf = plan.performance
    members = _resolve_members(plan, points)
    scores = _dept_scores(plan, members)
    coefficients = perf.coefficients
    weighted = {}
    for name, dept in perf.departments.items():
        own = {m: v * coefficients.get(dept.categories.get(m, "技能"), Decimal(1)) for m, v in members[name].items()}
        weighted[name] = _with_others(own, scores[name])
    departments = {d: {"score": scores[d], "members": weighted[d]} for d in scores if scores[d] > 0}
    result = _first_level(plan, fig, scores, departments)
    first = fig.ctx["alloc"]["dept"]
    dept = perf.departments[first]
    # The category column only matters when categories weigh the scores differently.
    show_category = bool(dept.categories)
    fig.ctx["alloc"]["others"] = OTHERS in weighted[first]
    rows = []
    for m, score in weighted[first].items():
        category = dept.categories.get(m, "技能") if m != OTHERS else "—"
        raw = members[first].get(m, score)
        coef = coefficients.get(category, Decimal(1)) if m != OTHERS else Decimal(1)
        shown = num(raw) if coef == 1 else f"{num(raw)} × {pct(coef)} = {num(score)}"
        rows.append([m] + ([category] if show_category else []) + [shown, money(result["members"][first][m])])
    rows.append(["合计"] + ([""] if show_category else []) + [num(scores[first]), money(result["allocations"][first])])
    columns = ["职工"] + (["岗位类别"] if show_category else []) + ["个人积分累计（分）", "个人绩效工资（元）"]
    fig.tables["alloc_member"] = TableData(columns, rows, title=f"{first}个人绩效工资分配示例")


def _piece_example(plan: Plan, fig: Figures) -> None:
    perf = plan.performance
    members = _resolve_members(plan, {})
    scores = _dept_scores(plan, members)
    departments = {d: {"score": scores[d]} for d in scores if scores[d] > 0}
    _first_level(plan, fig, scores, departments)
    first = fig.ctx["alloc"]["dept"]
    dept = perf.departments[first]
    coefficients = {m: perf.coefficients.get(c, Decimal(1)) for m, c in dept.categories.items()}
    weighted_listed = sum((v * coefficients.get(m, Decimal(1)) for m, v in members[first].items()), Decimal(0))
    pieces = dict(members[first])
    rest = scores[first] - weighted_listed
    if rest > 0:
        pieces[OTHERS] = rest
    elif rest < 0:
        raise ProfileError(f"部门“{first}”的计件总量（{num(scores[first])}）小于所列职工折算计件数之和（{num(weighted_listed)}）")
    fig.ctx["alloc"]["others"] = OTHERS in pieces
    result = fig.cite("performance", run("piece-rate-allocation", {
        "pool": fig.ctx["alloc"]["dept_pool"], "pieces": pieces,
        "coefficients": {m: c for m, c in coefficients.items() if m in pieces}}))
    rows = []
    for m, n in pieces.items():
        category = dept.categories.get(m, "技能") if m != OTHERS else "—"
        coef = coefficients.get(m, Decimal(1))
        rows.append([m, category, num(n), num(coef), num(result["weighted_pieces"][m]), money(result["allocations"][m])])
    total_weighted = sum((Decimal(v) for v in result["weighted_pieces"].values()), Decimal(0))
    rows.append(["合计", "", "", "", num(total_weighted), money(result["total"])])
    fig.tables["alloc_member"] = TableData(
        ["职工", "岗位类别", "计件数量", "折算系数", "折算计件数", "个人绩效工资（元）"], rows,
        title=f"{first}个人绩效工资分配示例")


# ---- incentives and adjustment --------------------------------------------------------------


def _leading(plan: Plan, fig: Figures) -> None:
    lt = plan.leading
    if lt is None:
        return
    p = plan.profile
    average = (p.budget.annual_wage_total / p.headcount).quantize(Decimal("0.01"))
    floor = (average * lt.chief_multiple).quantize(Decimal(1))
    chief = fig.cite("leading", run("chief-technician-pay", {"average_wage": average, "pay": floor}))
    problems = [f["message"] for f in chief["findings"] if f["severity"] != "info"]
    fig.ctx["chief_floor"] = floor
    fig.ctx["chief_note"] = ("请注意：" + "；".join(problems) + "。") if problems else ""
    if lt.annual_salary:
        _annual_salary(plan, fig)
    if lt.excess_profit:
        _excess_profit(plan, fig)
    if lt.post_dividend:
        d = lt.post_dividend
        result = fig.cite("leading", run("dividend-check", {
            "employees": p.headcount, "recipients": d.recipients, "tech_skill_recipients": d.tech_skill_recipients}))
        problems = [f["message"] for f in result["findings"] if f["severity"] != "info"]
        fig.ctx["dividend"] = {
            "share": Decimal(d.recipients) / p.headcount,
            "tech_share": Decimal(d.tech_skill_recipients) / d.recipients if d.recipients else Decimal(0),
            "note": ("请注意：" + "；".join(problems) + "。") if problems else "符合上述比例要求。",
        }


def _annual_salary(plan: Plan, fig: Figures) -> None:
    a = plan.leading.annual_salary
    data: dict[str, Any] = {"annual": a.total}
    if a.base_share is not None:
        data["base_share"] = a.base_share
    result = fig.cite("leading", run("annual-salary-split", data))
    base, performance = result["allocations"]["基本年薪"], result["allocations"]["绩效年薪"]
    share = Decimal(result["base_share"])
    fig.tables["annual"] = TableData(
        ["项目", "占比", "年度金额（元）", "发放方式"],
        [["基本年薪", pct(share.normalize()), money(base), f"按月发放，每月 {money(result['monthly'][0])} 元"],
         ["绩效年薪", pct((1 - share).normalize()), money(performance), "年度考核后按考核结果发放"],
         ["合计", "100%", money(result["total"]), ""]],
        title="年薪结构测算示例",
    )


def _excess_profit(plan: Plan, fig: Figures) -> None:
    e = plan.leading.excess_profit
    tiers = [{"from": t.from_, "to": t.to, "rate": t.rate} if t.to is not None else {"from": t.from_, "rate": t.rate}
             for t in (e.tiers or [])]
    if not tiers:
        raise ProfileError("超额利润分享未给出分段计提比例（tiers）")
    result = fig.cite("leading", run("excess-profit-sharing", {"actual": e.actual, "tiers": tiers}))
    rows = []
    for tier, part in zip(tiers, result["by_tier"]):
        span = f"{num(tier['from'])}—{num(tier['to'])}" if "to" in tier else f"{num(tier['from'])} 以上"
        rows.append([span, pct(tier["rate"]), num(part["base"]), num(part["amount"])])
    rows.append(["合计", "", "", num(result["total"])])
    fig.tables["excess"] = TableData(["净利润区间（万元）", "计提比例", "本段超额利润（万元）", "计提激励额（万元）"], rows,
                                     title="超额利润分享分段计提示例")


def _adjustment(plan: Plan, fig: Figures) -> None:
    b = plan.profile.budget
    given = {k: getattr(b, k) for k in ("wage_total_growth", "profit_growth", "avg_wage_growth", "productivity_growth")
             if getattr(b, k) is not None}
    labels = {"wage_total_growth": "工资总额增幅", "profit_growth": "经济效益（利润）增幅",
              "avg_wage_growth": "职工平均工资增幅", "productivity_growth": "劳动生产率增幅"}
    fig.ctx["two_lower_rows"] = []
    pairs = ("wage_total_growth" in given and "profit_growth" in given) or (
        "avg_wage_growth" in given and "productivity_growth" in given)
    if not pairs:
        fig.ctx["two_lower_note"] = "年度工资总额增幅在每年编制工资总额预算时按上述原则确定。"
        return
    result = fig.cite("adjustment", run("two-lower-check", given))
    problems = [f["message"] for f in result["findings"] if f["severity"] == "error"]
    fig.ctx["two_lower_rows"] = [[labels[k], pct(v)] for k, v in given.items()]
    fig.tables["two_lower"] = TableData(["指标", "本年度计划（预计）增幅"], fig.ctx["two_lower_rows"],
                                        title="工资总额与效益增幅对照")
    fig.ctx["two_lower_note"] = ("本年度计划增幅见下表，" + ("符合“两个低于”原则。" if result["compliant"] else
                                 "但" + "；".join(problems) + "，应在预算执行中调减工资总额增幅。"))
