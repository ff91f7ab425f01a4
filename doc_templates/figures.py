"""Plan → the numbers of the scheme: every table and worked example comes from `calculators.run`.

This module only arranges calculator results into table rows and short sentences for the
templates; the arithmetic (and its rounding) is the calculators'. Citations each result carries
are kept per chapter group, so a chapter's basis line names them too. A budget that does not cover
the fixed pay refuses the profile here (that a higher grade never pays less, and that steps and
bands increase, the profile itself guarantees).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculators.numbers import grouped as num
from calculators.numbers import pct
from calculators.severity import Severity

from .chart import ladder_png
from .errors import ProfileError
from .plan import MONTHS, Plan
from .render_docx import ChartData, TableData

CATEGORY_ORDER = ("技能", "专业技术", "管理")
GRADE_LABELS = {"S": "卓越", "A": "优秀", "B": "合格", "C": "待改进", "D": "不合格"}
MATRIX_GRADES_PER_TABLE = 10  # on a landscape page; more grades continue in a further table
OTHERS = "本部门其他职工"
PERIOD_WORD = {"月度": "月", "季度": "季度", "半年度": "半年", "年度": "年度"}


def run(name: str, data: dict[str, Any]) -> dict[str, Any]:
    import calculators

    try:
        return calculators.run(name, data)
    except calculators.CalculationError as exc:
        # The profile passed our own checks, so the calculator found something we did not.
        raise ProfileError(f"企业概况中的数据无法计算：{exc}") from exc


yuan = num  # a standard amount in yuan reads the same way


def money(value: Any) -> str:
    """A computed amount, always to the fen: 32,727.27."""
    return f"{Decimal(value):,.2f}"


def grade_label(grade: str) -> str:
    return f"{grade}（{GRADE_LABELS[grade]}）" if grade in GRADE_LABELS else grade


@dataclass
class Figures:
    ctx: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, TableData] = field(default_factory=dict)
    charts: dict[str, ChartData] = field(default_factory=dict)
    cites: dict[str, list[str]] = field(default_factory=dict)
    basis_notes: list[str] = field(default_factory=list)  # how the budget was costed, for the notes

    def cite(self, group: str, result: dict[str, Any]) -> dict[str, Any]:
        self.cites.setdefault(group, []).extend(result.get("citations") or [])
        return result


def compute(plan: Plan, conversion: dict[str, Any] | None = None) -> Figures:
    fig = Figures()
    _headcount(plan, fig)
    steps = _post_wages(plan, fig)
    bands = _seniority(plan, fig)
    _budget(plan, fig, steps, bands, conversion)
    _allowances(plan, fig)
    _performance(plan, fig)
    _leading(plan, fig)
    _adjustment(plan, fig)
    return fig


# ---- people and budget ----------------------------------------------------------------------


def grades_in_order(plan: Plan) -> list[Any]:
    """By category, then as listed (the profile lists each category from low to high)."""
    return sorted(plan.profile.grades, key=lambda g: CATEGORY_ORDER.index(g.category))


def _headcount(plan: Plan, fig: Figures) -> None:
    # Counts carry their unit ("14 人") so a reader never takes a column of them for pay steps.
    rows = [[g.category, g.name, f"{g.headcount} 人", yuan(g.wage)] for g in grades_in_order(plan)]
    rows.append(["合计", "", f"{plan.profile.headcount} 人", ""])
    fig.tables["headcount"] = TableData(["岗位类别", "岗位等级", "人数", "岗位工资（元/月）"], rows,
                                        title="岗位等级及人数", widths_mm=[30, 62, 26, 38])
    fig.ctx["cats"] = plan.by_category()


def _post_wages(plan: Plan, fig: Figures) -> list[Decimal]:
    grades = grades_in_order(plan)
    if plan.steps is None:
        fig.tables["post_wage"] = TableData(
            ["岗位等级", "类别", "人数", "岗位工资（元/月）"],
            [[g.name, g.category, f"{g.headcount} 人", yuan(g.wage)] for g in grades],
            title="岗位工资标准", widths_mm=[56, 30, 30, 40])
        ladder = sorted(grades, key=lambda g: g.wage)
        _ladder_chart(fig, ladder, [g.wage for g in ladder], None, None)
        return []
    result = fig.cite("post_wage", run("post-wage-table", {
        "grades": [{"name": g.name, "post_wage": g.wage, "start_step": plan.start_steps[g.name]} for g in grades],
        "steps": {"count": plan.steps.count, "first": plan.steps.first, "increment": plan.steps.increment},
    }))
    steps = [Decimal(s) for s in result["step_wages"]]
    fig.ctx["top_step"] = steps[-1]
    fig.tables["steps"] = _steps_table(steps)
    by_name = {row["grade"]: row for row in result["table"]}
    rows = []
    for g in grades:
        totals = [t for t in by_name[g.name]["totals"] if t is not None]
        rows.append([g.name, g.category, f"{g.headcount} 人", yuan(g.wage), f"第{plan.start_steps[g.name]}级",
                     yuan(totals[0]), yuan(totals[-1])])
    fig.tables["post_wage"] = TableData(
        ["岗位等级", "类别", "人数", "岗位工资", "起点薪级", "起点月标准", "最高月标准"], rows,
        title="岗位工资标准及起点薪级（元/月）", widths_mm=[34, 20, 18, 20, 20, 22, 22],
        note="注：月标准 = 岗位工资 + 薪级工资；起点月标准按起点薪级计算，最高月标准按最高薪级计算。",
    )
    fig.tables.update(_matrix_tables(grades, by_name, len(steps)))
    ladder = sorted(grades, key=lambda g: g.wage)
    _ladder_chart(fig, ladder, [g.wage for g in ladder],
                  [steps[plan.start_steps[g.name] - 1] for g in ladder], [steps[-1] for _ in ladder])
    return steps


def _ladder_chart(fig: Figures, ladder: list[Any], post: list[Decimal], low: list[Decimal] | None,
                  high: list[Decimal] | None) -> None:
    """The chart and, beside it, its data as a table (a reader can check and re-plot the bars)."""
    fig.charts["ladder"] = ChartData(ladder_png([g.name for g in ladder], post, low, high),
                                     caption="岗位工资与薪级工资阶梯（元/月）" if low else "岗位工资阶梯（元/月）")
    if low is None or high is None:
        rows = [[g.name, yuan(p)] for g, p in zip(ladder, post)]
        fig.tables["ladder_data"] = TableData(["岗位等级", "岗位工资"], rows, title="图中数据（元/月）",
                                              font_pt=9, widths_mm=[80, 60])
        return
    rows = [[g.name, yuan(p), yuan(lo), yuan(hi - lo)] for g, p, lo, hi in zip(ladder, post, low, high)]
    fig.tables["ladder_data"] = TableData(["岗位等级", "岗位工资", "起点薪级工资", "薪级晋升空间"], rows,
                                          title="图中数据（元/月）", font_pt=9, widths_mm=[50, 34, 36, 36])


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
    """附件1: every grade × step, on landscape pages, a few grades per table."""
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


def _step_costs(plan: Plan, steps: list[Decimal], conversion: dict[str, Any] | None) -> tuple[Decimal, str]:
    """Annual step wages: from the converted staff, else each grade's 各薪级现有人数, else the start step."""
    if not steps:
        return Decimal(0), ""
    if conversion is not None:
        amount = sum((steps[r["套入薪级"] - 1] for r in conversion["rows"] if r["套入薪级"]), Decimal(0))
        return amount * MONTHS, "按套改测算中每人套入的薪级测算"
    total, start_only = Decimal(0), []
    for g in plan.profile.grades:
        if g.steps:
            total += sum((steps[min(s, len(steps)) - 1] * n for s, n in g.steps.items()), Decimal(0))
        else:
            total += steps[plan.start_steps[g.name] - 1] * g.headcount
            start_only.append(g.name)
    listed = "、".join(start_only) if len(start_only) <= 3 else f"其余 {len(start_only)} 个岗位等级"
    basis = "按各岗位现有人员的薪级分布测算" if not start_only else (
        "按各岗位起点薪级测算（未给出现有人员薪级分布，为下限）" if len(start_only) == len(plan.profile.grades)
        else f"给出薪级分布的岗位按分布测算，{listed}按起点薪级测算（为下限）")
    return total * MONTHS, basis


def _seniority_costs(plan: Plan, bands: list[Decimal], conversion: dict[str, Any] | None) -> tuple[Decimal, str]:
    s = plan.seniority
    if s is None:
        return Decimal(0), ""
    if conversion is not None:
        amount = sum((Decimal(r["年功工资"]) for r in conversion["rows"]), Decimal(0))
        return amount * MONTHS, "按套改测算中每人的工龄测算"
    if s.distribution:
        counted = sum(s.distribution.values())
        if counted != plan.profile.headcount:
            raise ProfileError(f"企业概况有误：各工龄段现有人数合计 {counted} 人，与岗位等级人数合计 {plan.profile.headcount} 人不一致")
        amount = sum((bands[min(b, len(bands)) - 1] * n for b, n in s.distribution.items()), Decimal(0))
        return amount * MONTHS, "按各工龄段现有人数测算"
    return bands[0] * plan.profile.headcount * MONTHS, "按第一工龄段标准测算（未给出工龄分布，为下限）"


def _budget(plan: Plan, fig: Figures, steps: list[Decimal], bands: list[Decimal],
            conversion: dict[str, Any] | None) -> None:
    p = plan.profile
    n = p.headcount
    items: list[tuple[str, Decimal, str]] = []
    if plan.basic_wage:
        items.append(("基础工资", plan.basic_wage * n * MONTHS, f"{yuan(plan.basic_wage)} 元 × {n} 人 × {MONTHS} 个月"))
    if plan.ability_items:
        items.append(("能力工资", Decimal(0), "按取得相应资格的实际人数另计"))
    post = sum((g.wage * g.headcount for g in p.grades), Decimal(0)) * MONTHS
    items.append(("岗位工资", post, f"各岗位等级标准 × 人数 × {MONTHS} 个月"))
    step_cost, step_basis = _step_costs(plan, steps, conversion)
    if steps:
        items.append(("薪级工资", step_cost, step_basis))
    seniority_cost, seniority_basis = _seniority_costs(plan, bands, conversion)
    if plan.seniority:
        items.append(("年功工资", seniority_cost, seniority_basis))
    if conversion is not None and conversion["totals"]["保留工资月合计"]:
        kept = Decimal(conversion["totals"]["保留工资月合计"]) * MONTHS
        items.append(("套改保留工资", kept, "按套改测算"))
    fixed = sum((amount for _, amount, _ in items), Decimal(0))
    budget = p.budget
    reserve = budget.annual_wage_total - budget.performance_pool - fixed
    if reserve < 0:
        raise ProfileError(
            f"工资预算不足：全年固定工资约 {yuan(fixed)} 元（{'；'.join(b for _, _, b in items if b)}），加上绩效工资总量 "
            f"{yuan(budget.performance_pool)} 元，超过年度工资总额预算 {yuan(budget.annual_wage_total)} 元。"
            "请调高预算，或调低岗位工资、基础工资、绩效工资总量。"
        )
    rows = [[name, yuan(amount), note] for name, amount, note in items if amount or name == "能力工资"]
    rows += [
        ["固定工资小计", yuan(fixed), ""],
        ["绩效工资总量", yuan(budget.performance_pool), "根据考核结果浮动发放"],
        [_reserve_label(plan), yuan(reserve), "预算余额"],
        ["年度工资总额", yuan(budget.annual_wage_total), "预算合计"],
    ]
    fig.tables["budget"] = TableData(["项目", "金额（元/年）", "测算口径"], rows, title="年度工资总额测算",
                                     widths_mm=[46, 36, 74])
    fig.ctx.update(fixed_total=fixed, reserve=reserve, pool_share=budget.performance_pool / budget.annual_wage_total,
                   reserve_label=_reserve_label(plan))
    fig.basis_notes += [f"{name}：{note}" for name, _, note in items if "下限" in note or "套改" in note]
    fixed_names = ["基础工资"] if plan.basic_wage else []
    fixed_names += ["能力工资"] if plan.ability_items else []
    fixed_names += ["年功工资"] if plan.seniority else []
    fixed_names += ["岗位工资（含薪级工资）" if steps else "岗位工资"]
    fixed_names += ["津贴补贴"] if plan.allowances else []
    fig.ctx["component_names"] = fixed_names + ["绩效工资"]
    fig.ctx["fixed_names"] = fixed_names


def _reserve_label(plan: Plan) -> str:
    parts = (["津贴补贴"] if plan.allowances else []) + (["专项奖励"] if plan.leading else []) + (
        ["薪级晋升"] if plan.steps else []) + ["其他"]
    return "、".join(parts) + "预留"


# ---- seniority and allowances ---------------------------------------------------------------


def _seniority(plan: Plan, fig: Figures) -> list[Decimal]:
    s = plan.seniority
    if s is None:
        return []
    result = fig.cite("seniority", run("seniority-pay", {
        "start": s.start, "increment": s.increment, "bands": s.bands, "years_per_band": s.years_per_band}))
    rows, previous = [], None
    for band in result["bands"]:
        span = (f"满 {band['from_years']} 年不满 {band['to_years']} 年" if band["to_years"] is not None
                else f"{band['from_years']} 年及以上")
        diff = "—" if previous is None else yuan(Decimal(band["amount"]) - previous)
        rows.append([f"第{band['band']}段", span, yuan(band["amount"]), diff])
        previous = Decimal(band["amount"])
    fig.tables["seniority"] = TableData(["工龄段", "连续工龄", "年功工资（元/月）", "与上一段差额"], rows,
                                        title="年功工资标准", widths_mm=[30, 56, 36, 34])
    return [Decimal(b["amount"]) for b in result["bands"]]


def _allowances(plan: Plan, fig: Figures) -> None:
    a = plan.allowances
    if a is None:
        return
    rows = []
    if a.night_shift:
        rows.append(["夜班补贴", "上夜班的人员", f"{yuan(a.night_shift)} 元/班", "按实际夜班次数按月发放"])
    for name, amount in a.environment.items():
        rows.append([f"作业环境补贴（{name}）", f"从事{name}的人员", f"{yuan(amount)} 元/月", "按实际作业月份发放"])
    for level, amount in a.skill.items():
        rows.append([f"技能津贴（{level}）", f"取得{level}证书并在相关技能岗位工作的人员", f"{yuan(amount)} 元/月", "按月发放"])
    if a.team_leader:
        low, high = a.team_leader
        span = f"{yuan(low)} 元/月" if low == high else f"{yuan(low)}—{yuan(high)} 元/月"
        rows.append(["班组长津贴", "班组长（按班组大小和承担责任确定）", span, "按月发放"])
    if a.apprentice:
        rows.append(["师带徒津贴", "签订师带徒协议的师傅", f"{yuan(a.apprentice)} 元/月·每名徒弟", "学习期内按月发放"])
    for name, other in a.other.items():
        rows.append([name, other.scope, f"{yuan(other.amount)} {other.unit}", "按实际发生发放"])
    fig.tables["allowances"] = TableData(["项目", "适用范围", "标准", "发放方式"], rows, title="津贴补贴标准",
                                         widths_mm=[40, 56, 32, 28])


# ---- performance ----------------------------------------------------------------------------


def _performance(plan: Plan, fig: Figures) -> None:
    perf = plan.performance
    fig.ctx["period_word"] = PERIOD_WORD.get(perf.cycle or "", "期")
    fig.ctx["score_unit"] = "件" if perf.method == "计件制" else "分"
    points = _work_points(plan, fig) if perf.point_prices else {}
    _kpis(plan, fig)
    _forced(plan, fig)
    if not perf.has_example:
        return
    if perf.method == "计件制":
        _piece_example(plan, fig)
    else:
        _points_example(plan, fig, points)


def _work_points(plan: Plan, fig: Figures) -> dict[str, Decimal]:
    perf = plan.performance
    fig.tables["prices"] = TableData(["工作项目", "分值（分/次）"], [[k, num(v)] for k, v in perf.point_prices.items()],
                                     title="工作分值价目表（节选）", widths_mm=[96, 60])
    if not perf.work_log:
        return {}
    unknown = {task for log in perf.work_log.values() for task in log} - set(perf.point_prices)
    if unknown:
        raise ProfileError(f"工作记录中的项目不在工分价目表中：{'、'.join(sorted(unknown))}")
    pool = perf.example_pool or Decimal(1)
    result = fig.cite("performance", run("point-value", {"pool": pool, "price_list": perf.point_prices,
                                                        "work": perf.work_log}))
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
    rows = [[str(i), name, pct(w)] for i, (name, w) in enumerate(kpis.items(), 1)]
    total = sum(kpis.values(), Decimal(0))
    rows.append(["", "合计", pct(total)])
    fig.tables["kpi"] = TableData(["序号", "关键绩效指标", "权重"], rows, title="部门关键绩效指标及权重",
                                  widths_mm=[20, 96, 40])
    fig.ctx["kpi_total"] = total
    result = fig.cite("performance", run("kpi-check", {"weights": kpis}))
    fig.ctx["kpi_within"] = result["compliant"] and all(f["severity"] == Severity.INFO for f in result["findings"])


def _forced(plan: Plan, fig: Figures) -> None:
    perf = plan.performance
    if not perf.forced:
        return
    result = fig.cite("performance", run("forced-distribution", {
        "n": plan.profile.headcount, "quotas": perf.forced, "small_unit": perf.small_unit, "mode": "自动"}))
    counts, limits = result["counts"], result["limits"]
    whole = result["mode"] == "全员强制分布"
    rows = [[grade_label(k), pct(share), f"{counts[k]} 人" if whole else (f"不超过 {limits[k]} 人" if k in limits else "不强制")]
            for k, share in perf.forced.items()]
    rows.append(["合计", pct(sum(perf.forced.values(), Decimal(0))), f"{result['n']} 人"])
    fig.tables["forced"] = TableData(["考核等次", "比例", "人数"], rows, title=f"年度考核等次分布（全{_unit_word(plan)}）",
                                     widths_mm=[50, 50, 56])
    keys = list(perf.forced)
    fig.ctx.update(forced_mode=result["mode"], top_grade=keys[0], bottom_grade=keys[-1],
                   top_label=grade_label(keys[0]), bottom_label=grade_label(keys[-1]),
                   forced_text="、".join(grade_label(k) + pct(v) for k, v in perf.forced.items()))


def _unit_word(plan: Plan) -> str:
    from .draft import unit_word

    return unit_word(plan.profile.company.name)


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
                    raise ProfileError(f"“{person}”的积分未填写，工作记录中也没有此人，无法计算工分")
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
    fig.tables["alloc_dept"] = TableData(["部门", head, "部门绩效工资总量（元）"], rows, title="部门绩效工资总量分配示例",
                                         widths_mm=[52, 52, 52])
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
    widths = [44, 28, 42, 42] if show_category else [56, 50, 50]
    fig.tables["alloc_member"] = TableData(columns, rows, title=f"{first}个人绩效工资分配示例", widths_mm=widths)


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
        title=f"{first}个人绩效工资分配示例", widths_mm=[34, 22, 22, 22, 24, 32])


# ---- incentives and adjustment --------------------------------------------------------------


def _leading(plan: Plan, fig: Figures) -> None:
    lt = plan.leading
    if lt is None:
        return
    p = plan.profile
    if lt.chief_multiple is not None:
        average = (p.budget.annual_wage_total / p.headcount).quantize(Decimal("0.01"))
        fig.ctx["chief_floor"] = (average * lt.chief_multiple).quantize(Decimal(1))
    if lt.annual_salary:
        _annual_salary(plan, fig)
    if lt.excess_profit:
        _excess_profit(plan, fig)
    if lt.post_dividend:
        d = lt.post_dividend
        checked = fig.cite("leading", run("dividend-check", {
            "employees": p.headcount, "recipients": d.recipients, "tech_skill_recipients": d.tech_skill_recipients}))
        fig.ctx["dividend"] = {
            "ok": all(f["severity"] == Severity.INFO for f in checked["findings"]),
            "share": Decimal(d.recipients) / p.headcount,
            "tech_share": Decimal(d.tech_skill_recipients) / d.recipients if d.recipients else Decimal(0),
        }


def _annual_salary(plan: Plan, fig: Figures) -> None:
    assert plan.leading is not None
    a = plan.leading.annual_salary
    result = fig.cite("leading", run("annual-salary-split", {"annual": a.total, "base_share": a.base_share}))
    base, performance = result["allocations"]["基本年薪"], result["allocations"]["绩效年薪"]
    share = Decimal(result["base_share"])
    fig.tables["annual"] = TableData(
        ["项目", "占比", "年度金额（元）", "发放方式"],
        [["基本年薪", pct(share.normalize()), money(base), f"按月发放，每月 {money(result['monthly'][0])} 元"],
         ["绩效年薪", pct((1 - share).normalize()), money(performance), "年度考核后按考核结果发放"],
         ["合计", "100%", money(result["total"]), ""]],
        title="年薪结构测算示例", widths_mm=[30, 24, 40, 62],
    )


def _excess_profit(plan: Plan, fig: Figures) -> None:
    assert plan.leading is not None
    e = plan.leading.excess_profit
    tiers = [{"from": t.from_, "to": t.to, "rate": t.rate} if t.to is not None else {"from": t.from_, "rate": t.rate}
             for t in e.tiers]
    result = fig.cite("leading", run("excess-profit-sharing", {"actual": e.actual, "tiers": tiers}))
    rows = []
    for tier, part in zip(tiers, result["by_tier"]):
        span = f"{num(tier['from'])}—{num(tier['to'])}" if "to" in tier else f"{num(tier['from'])} 以上"
        rows.append([span, pct(tier["rate"]), num(part["base"]), num(part["amount"])])
    rows.append(["合计", "", "", num(result["total"])])
    fig.tables["excess"] = TableData(["净利润区间（万元）", "计提比例", "本段超额利润（万元）", "计提激励额（万元）"], rows,
                                     title="超额利润分享分段计提示例", widths_mm=[44, 28, 42, 42])


def _adjustment(plan: Plan, fig: Figures) -> None:
    """The year's growth figures, shown where “两个低于” binds the company (国有企业)."""
    b = plan.profile.budget
    labels = {"wage_total_growth": "工资总额增幅", "profit_growth": "经济效益（利润）增幅",
              "avg_wage_growth": "职工平均工资增幅", "productivity_growth": "劳动生产率增幅"}
    given = {k: getattr(b, k) for k in labels if getattr(b, k) is not None}
    fig.ctx["two_lower_rows"] = []
    if not plan.binds("two-lower").applies or not given:
        return
    pairs = ("wage_total_growth" in given and "profit_growth" in given) or (
        "avg_wage_growth" in given and "productivity_growth" in given)
    if not pairs:
        return
    fig.cite("adjustment", run("two-lower-check", given) if "wage_total_growth" in given and "profit_growth" in given
             else {"citations": [plan.binds("two-lower").clause]})
    fig.ctx["two_lower_rows"] = [[labels[k], pct(v)] for k, v in given.items()]
    fig.tables["two_lower"] = TableData(["指标", "本年度计划（预计）增幅"], fig.ctx["two_lower_rows"],
                                        title="工资总额与效益增幅对照", widths_mm=[80, 76])
