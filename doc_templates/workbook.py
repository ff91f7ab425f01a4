"""The 企业概况 as people fill it in: an Excel workbook with Chinese headers, instructions and data
validation, read back into a `Profile`; the same field list serves the UI's Chinese form.

    write_template(path, profile=None)      → the workbook (blank, or filled from a profile)
    read_workbook(path) → Profile           every problem, by sheet, row and Chinese field, at once
    form_spec()                             → the fields and tables as plain dicts, for a form
    profile_from_form(values, tables)       → Profile, from a form keyed by the Chinese labels
    sheet_rows(path, sheet)                 → the rows of one table sheet (e.g. 现有职工), or None
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import ProfileError
from .profile import MAX_PROFILE_BYTES, OwnershipKind, Profile, problem_line, to_number

Kind = Literal["文字", "选项", "整数", "金额", "比例", "是否", "列表"]
MAIN_SHEET = "企业概况"
GUIDE_SHEET = "填写说明"
STAFF_SHEET = "现有职工"
YES, NO = "是", "否"
TABLE_ROWS = 500  # rows of a table sheet that carry data validation
PERCENT_FORMAT = "0.##%"
SEPARATORS = ("、", "，", ",", "；", ";")


@dataclass(frozen=True)
class Field:
    """One value of the 企业概况 sheet (or one control of the form)."""

    label: str
    path: str  # dotted path in the profile: "budget.annual_wage_total"
    kind: Kind
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


Row = dict[str, Any]


@dataclass(frozen=True)
class Sheet:
    """A table sheet: its columns, how its rows enter the profile, and how a profile fills it."""

    name: str
    help: str
    columns: tuple[Column, ...]
    read: Callable[[list[Row], dict[str, Any], list[str]], None] = field(repr=False)
    write: Callable[[Profile], list[list[Any]]] = field(repr=False)


OWNERSHIP = get_args(OwnershipKind)
CATEGORY = ("技能", "专业技术", "管理")
SECTIONS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    ("企业", (
        Field("企业名称", "company.name", "文字", "用于方案标题和落款", required=True),
        Field("所有制性质", "company.ownership", "选项", "决定适用哪些指引条款", OWNERSHIP, required=True),
        Field("所属行业", "company.industry", "文字", "如 餐饮、电力供应、机械制造", required=True),
        Field("所在地区", "company.region", "文字", "如 曲靖市麒麟区；曲靖市的企业适用曲靖指引"),
        Field("基础研究人员人数", "company.research_staff.基础研究", "整数", "从事基础研究的科技人才；没有不填"),
        Field("应用研究人员人数", "company.research_staff.应用研究", "整数", "从事应用研究的科技人才；没有不填"),
    )),
    ("工资预算", (
        Field("年度工资总额预算（元）", "budget.annual_wage_total", "金额", required=True),
        Field("年度绩效工资总量（元）", "budget.performance_pool", "金额", "含在工资总额预算之内", required=True),
        Field("工资总额计划增幅", "budget.wage_total_growth", "比例", "如 6%"),
        Field("经济效益（利润）增幅", "budget.profit_growth", "比例"),
        Field("职工平均工资计划增幅", "budget.avg_wage_growth", "比例"),
        Field("劳动生产率增幅", "budget.productivity_growth", "比例"),
    )),
    ("薪酬单元", (
        Field("基础工资（元/月）", "components.basic_wage.amount", "金额", "全体职工同一标准；不设置不填"),
        Field("薪级数", "components.pay_steps.count", "整数", "一岗多薪的薪级个数；不设薪级工资（一岗一薪）不填"),
        Field("第1薪级工资（元/月）", "components.pay_steps.first", "金额"),
        Field("薪级级差（元/月）", "components.pay_steps.increment", "金额", "相邻薪级之差，形成等差数列"),
        Field("年功工资第一工龄段（元/月）", "components.seniority.start", "金额", "不设年功工资不填"),
        Field("年功工资相邻工龄段差额（元/月）", "components.seniority.increment", "金额"),
        Field("年功工资工龄段数", "components.seniority.bands", "整数"),
        Field("年功工资每段年数", "components.seniority.years_per_band", "整数"),
    )),
    ("绩效工资", (
        Field("绩效工资分配方式", "components.performance.method", "选项", "", ("积分制", "计件制")),
        Field("考核周期", "components.performance.cycle", "选项", "", ("月度", "季度", "半年度", "年度")),
        Field("分配示例：当期可供分配绩效工资总量（元）", "components.performance.example_pool", "金额",
              "与“分配示例”表一起填写"),
        Field("实行全员强制分布的最少人数", "components.performance.small_unit_headcount", "整数",
              "考核单元少于此人数实行部分强制分布；不填按系统默认"),
        Field("基础研究类科技人才岗位基本薪酬占比", "components.performance.research_base_share.基础研究", "比例",
              "有基础研究人员时填写"),
        Field("应用研究类科技人才岗位基本薪酬占比", "components.performance.research_base_share.应用研究", "比例",
              "有应用研究人员时填写"),
    )),
    ("高技能领军人才激励", (
        Field("专项特殊奖励", "components.leading_talent.special_award", "是否"),
        Field("协议薪酬制", "components.leading_talent.agreement_pay", "是否"),
        Field("年薪制目标年薪（元）", "components.leading_talent.annual_salary.total", "金额"),
        Field("基本年薪占比", "components.leading_talent.annual_salary.base_share", "比例"),
        Field("首席技师薪酬不低于平均工资的倍数", "components.leading_talent.chief_multiple", "金额"),
        Field("超额利润分享：净利润基本目标（万元）", "components.leading_talent.excess_profit.target", "金额",
              "与“超额利润分段”表一起填写"),
        Field("超额利润分享：示例实际净利润（万元）", "components.leading_talent.excess_profit.actual", "金额"),
        Field("岗位分红激励人数", "components.leading_talent.post_dividend.recipients", "整数"),
        Field("其中技术技能人才人数", "components.leading_talent.post_dividend.tech_skill_recipients", "整数"),
    )),
    ("岗位评价、工资支付与套改", (
        Field("岗位评价方法", "job_evaluation.method", "选项", "", ("要素计分法", "因素比较法", "排序法", "配对对比法")),
        Field("岗位评价要素", "job_evaluation.factors", "列表", "用顿号分隔，如 岗位责任、技能要求、劳动强度"),
        Field("岗位评价组织", "job_evaluation.organizer", "文字", "如 岗位评价委员会"),
        Field("每月发薪日", "payment.pay_day", "整数", "1 到 31"),
        Field("保留工资随今后增资冲减", "transition.absorb", "是否", "不填为“否”：套改保留工资计入本人固定工资"),
    )),
    ("民主程序与施行", (
        Field("审议机构", "governance.deliberation", "选项", "", ("职工代表大会", "职工大会")),
        Field("施行日期", "governance.effective_date", "文字", "如 2025年1月1日；不填为通过之日起施行"),
        Field("薪酬水平评估调整周期（年）", "governance.adjustment_cycle_years", "整数", "按年填写"),
        Field("成文日期", "governance.issued_on", "文字", "落款日期；不填留空待填"),
    )),
    ("采纳的编制建议值", (
        Field("采纳建议：基础工资", "accept.基础工资", "是否", "未填基础工资金额时，按人均月固定工资预算推算"),
        Field("采纳建议：年功工资", "accept.年功工资", "是否", "未填年功工资标准时，采用编制建议的标准"),
        Field("采纳建议：薪级工资", "accept.薪级工资", "是否", "未填薪级工资时，按岗位工资中位数推算"),
        Field("采纳建议：起点薪级", "accept.起点薪级", "是否", "未填起点薪级的岗位，按岗位工资高低推算"),
    )),
)
FIELDS = tuple(f for _, fields in SECTIONS for f in fields)


# ---- cell values ------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _convert(value: Any, kind: Kind, choices: tuple[str, ...] = ()) -> Any:
    """A cell as the profile wants it; ValueError with a Chinese reason when it cannot be."""
    if isinstance(value, str):
        value = value.strip()
    if kind == "文字":
        return str(value)
    if kind == "选项":
        if str(value) not in choices:
            raise ValueError(f"应为{'、'.join(f'“{c}”' for c in choices)}之一")
        return str(value)
    if kind == "是否":
        if value in (True, YES, "1", 1):
            return True
        if value in (False, NO, "0", 0):
            return False
        raise ValueError("应为“是”或“否”")
    if kind == "列表":
        text = str(value)
        for sep in SEPARATORS[1:]:
            text = text.replace(sep, SEPARATORS[0])
        return [part.strip() for part in text.split(SEPARATORS[0]) if part.strip()]
    number = to_number(value)
    if kind == "整数":
        if number != number.to_integral_value():
            raise ValueError("应为整数")
        return int(number)
    return number


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    target = data
    for key in keys[:-1]:
        target = target.setdefault(key, {})
    target[keys[-1]] = value


def _get(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _cell(row: Row, column: Column, where: str, problems: list[str]) -> Any:
    value = row.get(column.label)
    if _blank(value):
        if column.required:
            problems.append(f"{where}“{column.label}”：不能为空")
        return None
    try:
        return _convert(value, column.kind, column.choices)
    except ValueError as exc:
        problems.append(f"{where}“{column.label}”：{exc}")
        return None


def _rows(sheet: Sheet, rows: list[Row], problems: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(where, converted values) for each non-empty row; bad cells are added to `problems`."""
    out = []
    for i, row in enumerate(rows, start=2):  # row 1 is the header
        if all(_blank(v) for v in row.values()):
            continue
        where = f"{sheet.name} 第{i}行"
        out.append((where, {c.label: _cell(row, c, where, problems) for c in sheet.columns}))
    return out


# ---- table sheets -----------------------------------------------------------------------------


def _pairs(text: Any) -> dict[int, int]:
    """“11:30；13:30” → {11: 30, 13: 30}."""
    out: dict[int, int] = {}
    cleaned = str(text).replace("：", ":")
    for sep in SEPARATORS:
        cleaned = cleaned.replace(sep, ";")
    for part in filter(None, (p.strip() for p in cleaned.split(";"))):
        key, _, value = part.partition(":")
        try:
            out[int(key)] = int(value)
        except ValueError:
            raise ValueError(f"应写成“薪级:人数”并用分号分隔，如 8:20；10:15（“{part}”无法识别）") from None
    return out


def _read_grades(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    grades = []
    for where, v in _rows(GRADES, rows, problems):
        grade = {"name": v["岗位等级名称"], "category": v["岗位类别"], "headcount": v["人数"],
                 "post_wage": v["岗位工资（元/月）"], "start_step": v["起点薪级"]}
        if v["各薪级现有人数"] is not None:
            try:
                grade["steps"] = _pairs(v["各薪级现有人数"])
            except ValueError as exc:
                problems.append(f"{where}“各薪级现有人数”：{exc}")
        grades.append({k: x for k, x in grade.items() if x is not None})
    if grades:
        data["grades"] = grades


def _write_grades(p: Profile) -> list[list[Any]]:
    return [[g.name, g.category, g.headcount, g.post_wage, g.start_step,
             "；".join(f"{s}:{n}" for s, n in g.steps.items()) if g.steps else None] for g in p.grades]


ALLOWANCE_KINDS = ("夜班补贴", "作业环境补贴", "技能津贴", "班组长津贴下限", "班组长津贴上限", "师带徒津贴", "其他")


def _read_allowances(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    out: dict[str, Any] = {}
    for where, v in _rows(ALLOWANCES, rows, problems):
        kind, name, amount = v["项目"], v["名称"], v["标准"]
        if kind in ("作业环境补贴", "技能津贴", "其他") and not name:
            problems.append(f"{where}“名称”：{kind}须写明名称（作业环境、技能等级或项目名称）")
            continue
        if kind == "夜班补贴":
            out["night_shift"] = amount
        elif kind == "作业环境补贴":
            out.setdefault("environment", {})[name] = amount
        elif kind == "技能津贴":
            out.setdefault("skill", {})[name] = amount
        elif kind in ("班组长津贴下限", "班组长津贴上限"):
            out.setdefault("team_leader", {})["min" if kind.endswith("下限") else "max"] = amount
        elif kind == "师带徒津贴":
            out["apprentice"] = amount
        elif kind == "其他":
            other = {"amount": amount, "scope": v["适用范围"] or name}
            if v["计发单位"]:
                other["unit"] = v["计发单位"]
            out.setdefault("other", {})[name] = other
    if out:
        _put(data, "components.allowances", out)


def _write_allowances(p: Profile) -> list[list[Any]]:
    a = p.components.allowances
    if a is None:
        return []
    rows: list[list[Any]] = []
    if a.night_shift:
        rows.append(["夜班补贴", None, a.night_shift, "元/班", None])
    rows += [["作业环境补贴", k, v, "元/月", None] for k, v in (a.environment or {}).items()]
    rows += [["技能津贴", k, v, "元/月", None] for k, v in (a.skill or {}).items()]
    if a.team_leader:
        rows += [["班组长津贴下限", None, a.team_leader.min, "元/月", None],
                 ["班组长津贴上限", None, a.team_leader.max, "元/月", None]]
    if a.apprentice:
        rows.append(["师带徒津贴", None, a.apprentice, "元/月", None])
    rows += [["其他", k, o.amount, o.unit, o.scope] for k, o in (a.other or {}).items()]
    return rows


def _mapping_reader(sheet_name: str, key: str, value: str, path: str) -> Callable[[list[Row], dict[str, Any], list[str]], None]:
    def read(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
        out = {}
        for where, v in _rows(SHEETS_BY_NAME[sheet_name], rows, problems):
            if v[key] is not None and v[value] is not None:
                if v[key] in out:
                    problems.append(f"{where}“{key}”：“{v[key]}”重复出现")
                out[v[key]] = v[value]
        if out:
            _put(data, path, out)
    return read


def _read_grades_table(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    forced, promotion = {}, {}
    for _, v in _rows(ASSESSMENT, rows, problems):
        if v["比例"] is not None:
            forced[v["考核等次"]] = v["比例"]
        if v["年度晋升薪级数"] is not None:
            promotion[v["考核等次"]] = v["年度晋升薪级数"]
    if forced:
        _put(data, "components.performance.forced_distribution", forced)
    if promotion:
        _put(data, "components.pay_steps.promotion", promotion)


def _write_assessment(p: Profile) -> list[list[Any]]:
    perf, steps = p.components.performance, p.components.pay_steps
    forced = dict(perf.forced_distribution or {}) if perf else {}
    promotion = dict(steps.promotion or {}) if steps else {}
    return [[g, forced.get(g), promotion.get(g)] for g in dict.fromkeys([*forced, *promotion])]


def _read_example(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    departments: dict[str, dict[str, Any]] = {}
    for where, v in _rows(EXAMPLE, rows, problems):
        dept = departments.setdefault(v["部门"], {})
        if v["部门积分（计件）总量"] is not None:
            if "score" in dept and dept["score"] != v["部门积分（计件）总量"]:
                problems.append(f"{where}“部门积分（计件）总量”：与同一部门前面的行不一致")
            dept["score"] = v["部门积分（计件）总量"]
        if v["职工"]:
            dept.setdefault("members", {})[v["职工"]] = v["个人积分（计件数）"]
            if v["岗位类别"] and v["岗位类别"] != "技能":
                dept.setdefault("categories", {})[v["职工"]] = v["岗位类别"]
    if departments:
        _put(data, "components.performance.departments", departments)


def _write_example(p: Profile) -> list[list[Any]]:
    perf = p.components.performance
    rows: list[list[Any]] = []
    for name, d in ((perf.departments or {}) if perf else {}).items():
        members: list[tuple[str | None, Decimal | None]] = [*(d.members or {}).items()] or [(None, None)]
        for i, (person, score) in enumerate(members):
            category = (d.categories or {}).get(person) if person else None
            rows.append([name, d.score if i == 0 else None, person, score, category])
    return rows


def _read_work_log(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    log: dict[str, dict[str, Any]] = {}
    for _, v in _rows(WORK_LOG, rows, problems):
        log.setdefault(v["职工"], {})[v["工作项目"]] = v["完成次数"]
    if log:
        _put(data, "components.performance.work_log", log)


def _read_tiers(rows: list[Row], data: dict[str, Any], problems: list[str]) -> None:
    tiers = []
    for _, v in _rows(TIERS, rows, problems):
        tier = {"from": v["区间下限（万元）"], "rate": v["计提比例"]}
        if v["区间上限（万元）"] is not None:
            tier["to"] = v["区间上限（万元）"]
        tiers.append(tier)
    if tiers:
        _put(data, "components.leading_talent.excess_profit.tiers", tiers)


def _write_tiers(p: Profile) -> list[list[Any]]:
    lt = p.components.leading_talent
    tiers = lt.excess_profit.tiers if lt and lt.excess_profit and lt.excess_profit.tiers else []
    return [[t.from_, t.to, t.rate] for t in tiers]


def _dict_rows(getter: Callable[[Profile], dict[Any, Any] | None]) -> Callable[[Profile], list[list[Any]]]:
    return lambda p: [[k, v] for k, v in (getter(p) or {}).items()]


def _perf(p: Profile) -> Any:
    return p.components.performance


def _no_rows(_profile: Profile) -> list[list[Any]]:
    return []


def _read_nothing(_rows: list[Row], _data: dict[str, Any], _problems: list[str]) -> None:
    return None


GRADES = Sheet("岗位等级", "每个岗位等级一行；同一类别内由低到高填写（高等级的岗位工资不低于低等级）", (
    Column("岗位等级名称", "文字", required=True), Column("岗位类别", "选项", choices=CATEGORY, required=True),
    Column("人数", "整数", required=True), Column("岗位工资（元/月）", "金额", required=True),
    Column("起点薪级", "整数", "设薪级工资时填写"), Column("各薪级现有人数", "文字", "可选，如 8:20；10:15，用于测算工资总额"),
), _read_grades, _write_grades)
ALLOWANCES = Sheet("津贴补贴", "每个津贴项目一行；不设置的不填", (
    Column("项目", "选项", choices=ALLOWANCE_KINDS, required=True),
    Column("名称", "文字", "作业环境（如 高温作业）、技能等级（如 技师）或其他项目的名称"),
    Column("标准", "金额", required=True), Column("计发单位", "选项", "其他项目填写", ("元/月", "元/班", "元/天", "元/次")),
    Column("适用范围", "文字", "其他项目填写"),
), _read_allowances, _write_allowances)
ABILITY = Sheet("能力工资", "如 学历津贴；不设置的不填", (
    Column("项目", "文字", required=True), Column("标准（元/月）", "金额", required=True),
), _mapping_reader("能力工资", "项目", "标准（元/月）", "components.ability_wage.items"),
    _dict_rows(lambda p: p.components.ability_wage.items if p.components.ability_wage else None))
SENIORITY_BANDS = Sheet("工龄分布", "可选：各工龄段现有人数，用于测算年功工资总额", (
    Column("工龄段", "整数", required=True), Column("现有人数", "整数", required=True),
), _mapping_reader("工龄分布", "工龄段", "现有人数", "components.seniority.distribution"),
    _dict_rows(lambda p: p.components.seniority.distribution if p.components.seniority else None))
ASSESSMENT = Sheet("考核等次", "自高到低填写等次；比例合计 100%；可填各等次年度晋升的薪级数", (
    Column("考核等次", "文字", required=True), Column("比例", "比例"), Column("年度晋升薪级数", "整数"),
), _read_grades_table, _write_assessment)
COEFFICIENTS = Sheet("折算系数", "管理、专业技术岗位的计件（积分）折算系数，技能岗位为 1", (
    Column("岗位类别", "选项", choices=CATEGORY[1:], required=True), Column("系数", "比例", required=True),
), _mapping_reader("折算系数", "岗位类别", "系数", "components.performance.category_coefficients"),
    _dict_rows(lambda p: _perf(p).category_coefficients if _perf(p) else None))
KPIS = Sheet("关键绩效指标", "部门关键绩效指标及权重，权重合计 100%", (
    Column("指标", "文字", required=True), Column("权重", "比例", required=True),
), _mapping_reader("关键绩效指标", "指标", "权重", "components.performance.kpis"),
    _dict_rows(lambda p: _perf(p).kpis if _perf(p) else None))
EXAMPLE = Sheet("分配示例", "可选：部门积分（计件）总量及部分职工的积分（计件数），用于方案中的分配示例", (
    Column("部门", "文字", required=True), Column("部门积分（计件）总量", "金额"), Column("职工", "文字"),
    Column("个人积分（计件数）", "金额", "由工作记录折算的可不填"),
    Column("岗位类别", "选项", choices=CATEGORY),
), _read_example, _write_example)
PRICES = Sheet("工分价目", "可选：工分制的工作分值价目表", (
    Column("工作项目", "文字", required=True), Column("分值（分/次）", "金额", required=True),
), _mapping_reader("工分价目", "工作项目", "分值（分/次）", "components.performance.point_prices"),
    _dict_rows(lambda p: _perf(p).point_prices if _perf(p) else None))
WORK_LOG = Sheet("工作记录", "可选：示例职工完成各工作项目的次数", (
    Column("职工", "文字", required=True), Column("工作项目", "文字", required=True),
    Column("完成次数", "金额", required=True),
), _read_work_log, lambda p: [[m, t, n] for m, log in ((_perf(p).work_log or {}) if _perf(p) else {}).items()
                               for t, n in log.items()])
TIERS = Sheet("超额利润分段", "实行超额利润分享时填写分段计提比例（万元）", (
    Column("区间下限（万元）", "金额", required=True), Column("区间上限（万元）", "金额", "最高一段不填"),
    Column("计提比例", "比例", required=True),
), _read_tiers, _write_tiers)
MAPPING = Sheet("岗位对应", "套改：现岗位对应的新岗位等级", (
    Column("现岗位", "文字", required=True), Column("新岗位等级", "文字", required=True),
), _mapping_reader("岗位对应", "现岗位", "新岗位等级", "transition.mapping"),
    _dict_rows(lambda p: p.transition.mapping))
STAFF = Sheet(STAFF_SHEET, "可选：现有职工名单，填写后起草时一并进行套改测算（现工资为月固定工资，不含绩效工资）", (
    Column("姓名", "文字", required=True), Column("部门", "文字"), Column("现岗位", "文字", required=True),
    Column("现工资", "金额", required=True), Column("工龄", "整数"), Column("套入岗位", "文字", "可选：直接指定新岗位等级"),
), _read_nothing, _no_rows)
SHEETS: tuple[Sheet, ...] = (GRADES, ALLOWANCES, ABILITY, SENIORITY_BANDS, ASSESSMENT, COEFFICIENTS, KPIS, EXAMPLE,
                             PRICES, WORK_LOG, TIERS, MAPPING, STAFF)
SHEETS_BY_NAME = {s.name: s for s in SHEETS}

GUIDE = (
    ("本工作簿用于填写企业概况，填好后用 `payguide draft 企业概况.xlsx -o 方案.docx` 起草薪酬分配方案，"
     "或在“方案起草”页上传。"),
    "“企业概况”表逐项填写；带 * 的为必填。金额单位为元（超额利润为万元），比例可填 6% 或 0.06。",
    "其余各表每行一项，第一行为列名，不要改动列名；不设置的项目留空即可，方案不会替您设置。",
    "未填写的事项不写入方案正文，而在随方案生成的《编制说明》中列出，并附指引典型案例中的参考做法。",
    "“现有职工”表填写后，起草时一并进行套改测算，结果另存为“套改测算”Excel 文件。",
)


# ---- writing ------------------------------------------------------------------------------


def _profile_values(profile: Profile | None) -> dict[str, Any]:
    if profile is None:
        return {}
    data = profile.model_dump(mode="python", exclude_none=True, by_alias=True)
    data["accept"] = {name: True for name in profile.accept}
    return data


def write_template(path: Path | str | None = None, profile: Profile | None = None) -> bytes:
    """The workbook (blank, or filled from `profile`); written to `path` when one is given."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    guide = book.active
    guide.title = GUIDE_SHEET
    guide.append(["填写说明"])
    guide["A1"].font = Font(bold=True, size=14)
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    for row in guide.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True)

    values = _profile_values(profile)
    main = book.create_sheet(MAIN_SHEET)
    main.append(["项目", "填写值", "说明"])
    for cell in main[1]:
        cell.font, cell.fill = bold, head_fill
    for section, fields in SECTIONS:
        main.append([f"【{section}】"])
        main.cell(main.max_row, 1).font = bold
        for f in fields:
            value = _get(values, f.path)
            main.append([f.label + (" *" if f.required else ""), _display(value, f.kind), _help(f.help, f.kind, f.choices)])
            _validate(main, f"B{main.max_row}", f.kind, f.choices, DataValidation)
            if f.kind == "比例":
                main.cell(main.max_row, 2).number_format = PERCENT_FORMAT
    main.column_dimensions["A"].width = 40
    main.column_dimensions["B"].width = 24
    main.column_dimensions["C"].width = 60
    main.freeze_panes = "B2"

    for spec in SHEETS:
        sheet = book.create_sheet(spec.name)
        sheet.append([c.label + (" *" if c.required else "") for c in spec.columns])
        for cell in sheet[1]:
            cell.font, cell.fill = bold, head_fill
        for i, column in enumerate(spec.columns):
            letter = openpyxl.utils.get_column_letter(i + 1)
            sheet.column_dimensions[letter].width = max(14, 2 * len(column.label) + 4)
            _validate(sheet, f"{letter}2:{letter}{TABLE_ROWS}", column.kind, column.choices, DataValidation)
        for row in spec.write(profile) if profile is not None else []:
            sheet.append([_display(v, c.kind) for v, c in zip(row, spec.columns)])
            for cell, column in zip(sheet[sheet.max_row], spec.columns):
                if column.kind == "比例":
                    cell.number_format = PERCENT_FORMAT
        sheet.freeze_panes = "A2"
        note = sheet.cell(1, len(spec.columns) + 2, spec.help)
        note.font = Font(italic=True, color="666666")
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    return data


def _display(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if kind == "是否":
        return YES if value else NO
    if kind == "列表":
        return "、".join(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _help(text: str, kind: Kind, choices: tuple[str, ...]) -> str:
    extra = {"选项": f"从下拉列表选择：{'、'.join(choices)}", "是否": "填“是”或“否”", "比例": "如 6% 或 0.06",
             "整数": "整数", "金额": "数字"}.get(kind, "")
    return "；".join(t for t in (text, extra) if t)


def _validate(sheet: Any, cells: str, kind: Kind, choices: tuple[str, ...], factory: Any) -> None:
    if kind in ("选项", "是否"):
        options = choices if kind == "选项" else (YES, NO)
        rule = factory(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    elif kind == "整数":
        rule = factory(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    elif kind in ("金额", "比例"):
        rule = factory(type="decimal", operator="greaterThanOrEqual", formula1="-1", allow_blank=True)
    else:
        return
    rule.error = "输入不符合要求：" + _help("", kind, choices)
    rule.errorTitle = "企业概况"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(cells)


# ---- reading --------------------------------------------------------------------------------


def _load(path: Path) -> Any:
    import zipfile

    import openpyxl

    if path.is_dir():
        raise ProfileError(f"企业概况应为文件，“{path}”是一个文件夹")
    if not path.is_file():
        raise ProfileError(f"找不到企业概况文件：{path}")
    if path.stat().st_size > MAX_PROFILE_BYTES * 10:
        raise ProfileError(f"企业概况工作簿过大（超过 10 MB）：{path.name}")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise ProfileError(f"无法读取 Excel 文件“{path.name}”（文件损坏或不是 .xlsx）") from None


def _table(sheet: Any) -> list[Row]:
    lines = [list(r) for r in sheet.iter_rows(values_only=True)]
    if not lines:
        return []
    header = [str(h).removesuffix(" *").strip() if h is not None else "" for h in lines[0]]
    return [{h: (line[i] if i < len(line) else None) for i, h in enumerate(header) if h} for line in lines[1:]]


def sheet_rows(path: Path, sheet: str) -> list[Row] | None:
    """The filled rows of one table sheet of a 企业概况 workbook; None when it has no such sheet or rows."""
    book = _load(Path(path))
    try:
        if sheet not in book.sheetnames:
            return None
        rows = [r for r in _table(book[sheet]) if not all(_blank(v) for v in r.values())]
        return rows or None
    finally:
        book.close()


def read_workbook(path: Path | str) -> Profile:
    """A Profile from the workbook; every problem, named by sheet, row and Chinese field, at once."""
    book = _load(Path(path))
    try:
        if MAIN_SHEET not in book.sheetnames:
            raise ProfileError(f"工作簿中没有“{MAIN_SHEET}”表，请用 payguide draft --template 生成的模板填写")
        values = {str(r[0]).removesuffix(" *").strip(): (r[1] if len(r) > 1 else None)
                  for r in book[MAIN_SHEET].iter_rows(min_row=2, values_only=True) if r and r[0]}
        tables = {s.name: _table(book[s.name]) for s in SHEETS if s.name in book.sheetnames}
    finally:
        book.close()
    return profile_from_form(values, tables, where=f"{MAIN_SHEET}表")


def profile_from_form(values: dict[str, Any], tables: dict[str, list[Row]] | None = None,
                      where: str = "") -> Profile:
    """A Profile from Chinese-labelled values (the 企业概况 fields) and table rows (by sheet name)."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    accept: list[str] = []
    for f in FIELDS:
        raw = values.get(f.label)
        if _blank(raw):
            if f.required:
                problems.append(f"{where}“{f.label}”：不能为空")
            continue
        try:
            value = _convert(raw, f.kind, f.choices)
        except ValueError as exc:
            problems.append(f"{where}“{f.label}”：{exc}")
            continue
        if f.path.startswith("accept."):
            if value:
                accept.append(f.path.split(".", 1)[1])
        else:
            _put(data, f.path, value)
    for spec in SHEETS:
        spec.read((tables or {}).get(spec.name) or [], data, problems)
    if "grades" not in data:
        problems.append("“岗位等级”表：至少填写一个岗位等级")
    if problems:
        raise ProfileError(problem_line(problems))
    if accept:
        data["accept"] = accept
    return Profile.model_validate(data)


def form_spec() -> dict[str, Any]:
    """The form as plain data: sections of fields and the table sheets, all in Chinese."""
    return {
        "sections": [{"title": title, "fields": [{"label": f.label, "kind": f.kind, "help": f.help,
                                                   "choices": list(f.choices), "required": f.required}
                                                  for f in fields]} for title, fields in SECTIONS],
        "tables": [{"name": s.name, "help": s.help, "columns": [
            {"label": c.label, "kind": c.kind, "help": c.help, "choices": list(c.choices), "required": c.required}
            for c in s.columns]} for s in SHEETS],
    }


def form_values(profile: Profile) -> tuple[dict[str, Any], dict[str, list[Row]]]:
    """A profile as the form's values and table rows (the inverse of `profile_from_form`)."""
    data = _profile_values(profile)
    values = {f.label: _display(_get(data, f.path), f.kind) for f in FIELDS if _get(data, f.path) is not None}
    tables = {s.name: [{c.label: _display(v, c.kind) for v, c in zip(row, s.columns)} for row in s.write(profile)]
              for s in SHEETS}
    return values, {k: v for k, v in tables.items() if v}
