"""The typed shape of every calculator result: tables, figures, verdict, findings, trace, citations.

Calculators return the JSON fields DESIGN.md fixes (`allocations`, `levels`, `findings`, …), built
by `base.result`. `CalcResult.of` reads those fields once, here, into titled tables and labelled
figures, so that the CLI, chat, XLSX and chart (`present`) never guess a layout from a key. A new
output field needs one line below; a field nobody described is an error (`UnknownField`), caught by
the test that presents every calculator's example and golden cases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from .checks import Finding

Cell = str | int | Decimal | bool | None


class Column(BaseModel):
    title: str
    percent: bool = False  # a ratio (0.1) shown as 10%


class Table(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    title: str
    columns: list[Column]
    rows: Annotated[list[list[Cell]], SkipValidation]  # built here from validated results; 100,000 rows stay fast
    chart: str | None = None  # the axis title when this table makes the result's chart: first column → `chart_column`
    chart_column: int = -1
    wide: bool = False  # too wide to read on a screen: shown in full in the workbook only

    @property
    def headers(self) -> list[str]:
        return [c.title for c in self.columns]


class Figure(BaseModel):
    label: str
    value: Cell
    unit: str = ""  # "%": a ratio shown as a percentage


class Sum(BaseModel):
    """What was asked, answered first: “技工 第8级：岗位工资 2,300.00 + 薪级工资 165.00 = 2,465.00 元”."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    label: str
    terms: list[Figure]
    total: Cell
    unit: str = "元"


class Trace(BaseModel):
    formula: str = ""
    steps: list[str] = Field(default_factory=list)
    inputs: dict[str, Any] = Field(default_factory=dict)


class Series(BaseModel):
    """The bars of a result's chart."""

    title: str
    labels: list[str]
    values: list[float]


class CalcResult(BaseModel):
    """What a person is shown of a calculator result, whatever the surface."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    leads: list[Sum] = Field(default_factory=list)  # shown before the tables
    tables: list[Table] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    compliant: bool | None = None  # the verdict of a check; None for a plain calculation
    findings: list[Finding] = Field(default_factory=list)
    trace: Trace = Field(default_factory=Trace)
    citations: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, out: Mapping[str, Any]) -> CalcResult:
        """The typed view of a calculator's output fields (as `calculators.run` returns them)."""
        leads: list[Sum] = []
        tables: list[Table] = []
        figures: list[Figure] = []
        for key, value in out.items():
            if key in _FRAME or value is None:
                continue
            shown = _show(key, value, out)
            if shown is None:
                raise UnknownField(key, value)
            tables += [item for item in shown if isinstance(item, Table)]
            figures += [item for item in shown if isinstance(item, Figure)]
            leads += [item for item in shown if isinstance(item, Sum)]
        return cls(
            leads=leads,
            tables=tables,
            figures=figures,
            compliant=out.get("compliant"),
            findings=[f if isinstance(f, Finding) else Finding.model_validate(f) for f in out.get("findings") or []],
            trace=Trace.model_validate(out.get("trace") or {}),
            citations=list(out.get("citations") or []),
        )

    def chart(self) -> Series | None:
        """Bars of the first table that makes a chart (label column → its chart column)."""
        for table in self.tables:
            if table.chart and table.rows:
                values = [r[table.chart_column] for r in table.rows]
                if all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in values):
                    return Series(title=table.chart, labels=[str(r[0]) for r in table.rows], values=[float(v) for v in values])  # type: ignore[arg-type]
        return None


class UnknownField(RuntimeError):
    """A calculator returned a field that no presentation describes: a programming error."""

    def __init__(self, key: str, value: Any) -> None:
        super().__init__(f"结果字段 {key!r}（{type(value).__name__}）没有展示方式：请在 calculators/results.py 中说明")


# Fields every result has, shown by their own parts of a surface.
_FRAME = frozenset({"citations", "trace", "findings", "compliant"})

Shown = list[Table | Figure | Sum]
Handler = Callable[[Any, Mapping[str, Any]], Shown | None]


# ---- helpers that build tables ---------------------------------------------------------------


def _pairs(
    title: str, left: str, right: str, *, percent: bool = False, chart: str | None = None, label: Callable[[Any], str] = str
) -> Handler:
    """{name: value} → a two-column table."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, Mapping) or any(isinstance(v, (Mapping, list)) for v in value.values()):
            return None
        if not value:
            return []
        return [
            Table(
                title=title,
                columns=[Column(title=left), Column(title=right, percent=percent)],
                rows=[[label(k), v] for k, v in value.items()],
                chart=chart,
            )
        ]

    return show


def _records(title: str, columns: Sequence[tuple[str, str] | tuple[str, str, bool]], *, chart: str | None = None) -> Handler:
    """[{field: value}] → a table, one column per (field, title[, percent])."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
            return None
        if not value:
            return []
        cols = [Column(title=c[1], percent=len(c) > 2 and bool(c[-1])) for c in columns]
        return [Table(title=title, columns=cols, rows=[[r.get(c[0]) for c in columns] for r in value], chart=chart)]

    return show


def _named_records(title: str, columns: Sequence[tuple[str, str] | tuple[str, str, bool]]) -> Handler:
    """{name: {field: value}} → a table whose first column (field "name") is the name."""
    inner = _records(title, columns)

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
            return None
        return inner([{"name": k, **v} for k, v in value.items()], out)

    return show


def _series(
    title: str,
    head: str,
    label: Callable[[int], str],
    value_title: str = "金额（元）",
    *,
    chart: str | None = None,
    unless: Iterable[str] = (),
) -> Handler:
    """[amount, …] → (label(i), amount) rows; nothing when a field in `unless` shows the same numbers."""
    covered = tuple(unless)

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, list) or any(isinstance(v, (Mapping, list)) for v in value):
            return None
        if not value or any(k in out for k in covered):
            return []
        return [
            Table(
                title=title,
                columns=[Column(title=head), Column(title=value_title)],
                rows=[[label(i), v] for i, v in enumerate(value, 1)],
                chart=chart,
            )
        ]

    return show


def _chinese_records(title: str, head: str | None = None, *, chart: tuple[str, str] | None = None) -> Handler:
    """{name: {列名: value}} or [{列名: value}] whose column names are already Chinese; `chart`:
    (axis title, column) when the named rows make the result's chart."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if isinstance(value, Mapping) and all(isinstance(v, Mapping) for v in value.values()) and head:
            if not value:
                return []
            columns = list(dict.fromkeys(k for row in value.values() for k in row))
            rows = [[name, *(row.get(c) for c in columns)] for name, row in value.items()]
            bars = {"chart": chart[0], "chart_column": 1 + columns.index(chart[1])} if chart and chart[1] in columns else {}
            return [Table(title=title, columns=[Column(title=head), *(Column(title=c) for c in columns)], rows=rows, **bars)]
        if isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
            if not value:
                return []
            columns = list(dict.fromkeys(k for row in value for k in row))
            return [Table(title=title, columns=[Column(title=c) for c in columns], rows=[[row.get(c) for c in columns] for row in value])]
        return None

    return show


def _figure(label: str, unit: str = "", *, labels: Mapping[str, str] | None = None) -> Handler:
    """A scalar → one figure; `labels` names it by a field beside it ({"band": "…"}: first match wins)."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if isinstance(value, (Mapping, list)):
            return None
        for sibling, text in (labels or {}).items():
            if sibling in out:
                name, _, own_unit = text.partition("|")
                return [Figure(label=name, value=value, unit=own_unit)]
        return [Figure(label=label, value=value, unit=unit)]

    return show


def _either(*handlers: Handler) -> Handler:
    """The first handler that knows the value's shape (a field name two calculators use differently)."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        for handler in handlers:
            shown = handler(value, out)
            if shown is not None:
                return shown
        return None

    return show


def _unless(handler: Handler, *keys: str) -> Handler:
    """Nothing when a field in `keys` already shows the same numbers."""

    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        shown = handler(value, out)
        return [] if shown is not None and any(k in out for k in keys) else shown

    return show


def _hidden(value: Any, out: Mapping[str, Any]) -> Shown:
    return []


# ---- tables and figures that need more than one field -----------------------------------------


def _members(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        return None
    rows = [[dept, name, amount] for dept, people in value.items() for name, amount in people.items()]
    return (
        [Table(title="部门成员分配", columns=[Column(title="部门"), Column(title="姓名"), Column(title="金额（元）")], rows=rows)]
        if rows
        else []
    )


def _counts(value: Any, out: Mapping[str, Any]) -> Shown | None:
    """Head counts by grade, with the quota (forced distribution) or the cap (job-grade quota) beside them."""
    if not isinstance(value, Mapping) or not value:
        return None if not isinstance(value, Mapping) else []
    quotas, caps = out.get("quotas"), out.get("max_counts")
    if isinstance(caps, Mapping):
        cols = [Column(title="等级"), Column(title="现有人数"), Column(title="最多人数")]
        rows = [[k, v, caps.get(k)] for k, v in value.items()]
        return [Table(title="各等级人数", columns=cols, rows=rows, chart="各等级人数")]
    if isinstance(quotas, Mapping):
        cols = [Column(title="等次"), Column(title="比例", percent=True), Column(title="人数")]
        return [Table(title="各等次人数", columns=cols, rows=[[k, quotas.get(k), v] for k, v in value.items()], chart="各等次人数")]
    return _pairs("各等次人数", "等次", "人数", chart="各等次人数")(value, out)


def _ladder(value: Any, out: Mapping[str, Any]) -> Shown | None:
    """The levels of a pay ladder, with the difference from the level below when the result gives it."""
    if not isinstance(value, list) or any(isinstance(v, (Mapping, list)) for v in value):
        return None
    if any(k in out for k in ("bands", "step_wages", "monthly")):  # the same numbers, shown under their own title
        return []
    diffs = out.get("differences")
    if isinstance(diffs, list) and len(diffs) == len(value) - 1:
        cols = [Column(title="级别"), Column(title="金额（元）"), Column(title="与上一级差额（元）")]
        rows = [[f"第{i}级", v, diffs[i - 2] if i > 1 else None] for i, v in enumerate(value, 1)]
        return [Table(title="各级标准", columns=cols, rows=rows, chart="各级金额（元）", chart_column=1)]
    return _series("各级标准", "级别", lambda i: f"第{i}级", chart="各级金额（元）")(value, out)


def _lookup(value: Any, out: Mapping[str, Any]) -> Shown | None:
    """The pay of a grade and step asked about (技工第8级多少): answered before the whole table."""
    if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
        return None
    return [
        Sum(
            label=f"{r['grade']} 第{r['step']}级",
            terms=[Figure(label="岗位工资", value=r["post_wage"]), Figure(label="薪级工资", value=r["step_wage"])],
            total=r["total"],
        )
        for r in value
    ]


def _differences(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, list):
        return None
    return [] if isinstance(out.get("levels"), list) else _series("级差", "级别", lambda i: f"第{i + 1}级与第{i}级")(value, out)


def _post_wages(value: Any, out: Mapping[str, Any]) -> Shown | None:
    """附件1: each grade's post wage and its range, then the full grade × step table (workbook only)."""
    if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
        return None
    if not value:
        return []
    summary = Table(
        title="岗位工资标准",
        columns=[Column(title=t) for t in ("岗位等级", "岗位工资（元）", "起点薪级", "起点月工资（元）", "最高月工资（元）")],
        rows=[[r["grade"], r["post_wage"], r["start_step"], r["totals"][r["start_step"] - 1], r["totals"][-1]] for r in value],
    )
    width = max(len(r.get("totals", [])) for r in value)
    full = Table(
        title="岗位工资和薪级工资标准（月工资）",
        columns=[Column(title=t) for t in ("岗位等级", "岗位工资", "起点薪级", *(f"薪级{i}" for i in range(1, width + 1)))],
        rows=[[r["grade"], r["post_wage"], r["start_step"], *r.get("totals", [])] for r in value],
        wide=True,
    )
    return [summary, full]


def _broadband(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        return None
    if not value:
        return []
    width = max(len(v.get("bands", [])) for v in value.values())
    cols = [
        Column(title="等级"),
        Column(title="下限"),
        Column(title="中位值"),
        Column(title="上限"),
        Column(title="带宽", percent=True),
        *(Column(title=f"第{i}档") for i in range(1, width + 1)),
    ]
    rows = [[k, v.get("min"), v.get("median"), v.get("max"), v.get("width"), *v.get("bands", [])] for k, v in value.items()]
    return [Table(title="宽带薪酬区间（元）", columns=cols, rows=rows)]


def _graded_names(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, Mapping) or not all(isinstance(v, list) for v in value.values()):
        return None
    # The same people as 等次归属 (`assignments`), grouped; one of the two is enough.
    return [] if "assignments" in out else _pairs("各等次人员", "等次", "人员")({k: "、".join(v) for k, v in value.items()}, out)


def _names(title: str, head: str) -> Handler:
    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return [Table(title=title, columns=[Column(title=head)], rows=[[v] for v in value])] if value else []

    return show


def _position(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, Mapping):
        return None
    return [
        Figure(label="本企业薪酬水平", value=value.get("value"), unit="元"),
        Figure(label="所处市场分位", value=value.get("percentile"), unit="分位"),
        Figure(label="对应薪酬策略", value=value.get("strategy")),
    ]


def _coefficients(prefix: str) -> Handler:
    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        if not isinstance(value, Mapping):
            return None
        names = {"a": "回归系数 a", "b": "回归系数 b", "r2": "拟合优度 R²"}
        return [Figure(label=prefix + names.get(str(k), str(k)), value=v) for k, v in value.items()]

    return show


def _totals(value: Any, out: Mapping[str, Any]) -> Shown | None:
    """{合计项: value} with Chinese names: one figure each (money unless it counts people)."""
    if not isinstance(value, Mapping):
        return None
    return [Figure(label=k, value=v, unit="人" if "人数" in k else "元") for k, v in value.items()]


def _tiers(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, list) or not all(isinstance(t, Mapping) for t in value):
        return None
    cols = [
        Column(title="分段起点"),
        Column(title="分段终点"),
        Column(title="计提比例", percent=True),
        Column(title="计提基数"),
        Column(title="提取额"),
    ]
    rows = [
        [t.get("from"), t.get("to") if t.get("to") is not None else "以上", t.get("rate"), t.get("base"), t.get("amount")] for t in value
    ]
    return [Table(title="分段计提", columns=cols, rows=rows)] if rows else []


def _seniority_bands(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, list) or not all(isinstance(b, Mapping) for b in value):
        return None
    cols = [Column(title="档次"), Column(title="工龄（年）"), Column(title="金额（元）")]
    rows = [
        [
            f"第{b['band']}档",
            f"{b['from_years']}–{b['to_years']}" if b.get("to_years") is not None else f"{b['from_years']} 年以上",
            b["amount"],
        ]
        for b in value
    ]
    return [Table(title="年功工资档次", columns=cols, rows=rows, chart="各档年功工资（元）")] if rows else []


# The calculators' choices that are written in English in inputs and JSON, as people name them.
CHOICE_LABELS: dict[str, str] = {
    "arithmetic": "等差",
    "geometric": "等比",
    "log-linear": "对数线性",
    "linear": "线性",
    "case-2": "案例2标准",
    "case-4": "案例4标准",
}


def _mode(value: Any, out: Mapping[str, Any]) -> Shown | None:
    if not isinstance(value, str):
        return None
    return [Figure(label="序列方式" if value in ("arithmetic", "geometric") else "分布方式", value=CHOICE_LABELS.get(value, value))]


def _band(value: Any, out: Mapping[str, Any]) -> Shown | None:
    return None if isinstance(value, (Mapping, list)) else [Figure(label="工龄所在档次", value=f"第{value}档")]


def _flag(label: str) -> Handler:
    def show(value: Any, out: Mapping[str, Any]) -> Shown | None:
        return [Figure(label=label, value=value)] if isinstance(value, bool) else None

    return show


# Field → how it is shown. Surfaces show tables and figures in the order of the result's own fields.
_SHOWN: dict[str, Handler] = {
    # 津贴: each person's 合计 in 个人明细 is the amount allocated, so one table says both.
    "allocations": _unless(_pairs("分配结果", "名称", "金额（元）", chart="分配金额（元）"), "by_person"),
    "members": _members,
    # 套改: the same people as `rows`, keyed by name
    "by_person": _unless(_chinese_records("个人明细", "姓名", chart=("每月津贴（元）", "合计")), "rows"),
    "rows": _chinese_records("套改明细"),
    "by_grade": _chinese_records("按岗位等级汇总", "岗位等级"),
    "distribution": _chinese_records("增资分布"),
    "points": _pairs("个人工分", "姓名", "工分"),
    "weighted_pieces": _pairs("折算计件数", "姓名", "折算计件数"),
    "per_person": _pairs("每人金额（系数法）", "名称", "每人金额（元）"),
    "monthly": _series("按月发放的基本年薪", "月份", lambda i: f"{i}月", chart="每月发放金额（元）"),
    "levels": _ladder,
    "differences": _differences,
    "table": _post_wages,
    "step_wages": _series("薪级工资标准", "薪级", lambda i: f"薪级{i}", "薪级工资（元）", chart="薪级工资（元）"),
    "lookup": _lookup,
    "bands": _either(_seniority_bands, _figure("每个等级的档数", "档")),
    "grades": _either(_broadband, _graded_names),
    "overlaps": _records(
        "相邻等级区间重叠",
        [("lower", "较低等级"), ("upper", "较高等级"), ("overlap", "重叠金额（元）"), ("overlap_ratio", "重叠比例", True)],
    ),
    "percentiles": _pairs("市场分位值", "分位", "金额（元）", chart="市场分位值（元）", label=lambda k: f"{k}分位"),
    "strategies": _named_records(
        "薪酬水平定位策略", [("name", "策略"), ("percentile", "对标分位"), ("value", "金额（元）"), ("rule", "说明")]
    ),
    "position": _position,
    "fitted": _records("回归拟合", [("grade", "等级"), ("actual", "实际（元）"), ("fitted", "拟合（元）"), ("deviation", "偏离", True)]),
    "predictions": _pairs("预测值", "等级", "预测薪酬（元）"),
    "comparison": _records(
        "与市场回归线对比", [("grade", "等级"), ("company", "本企业（元）"), ("market", "市场（元）"), ("gap", "差距", True)]
    ),
    "coefficients": _coefficients(""),
    "market": _coefficients("市场"),
    "counts": _counts,
    "quotas": _hidden,  # shown beside the counts
    "max_counts": _hidden,  # shown beside the counts
    "limits": _pairs("部分强制分布的人数上限", "等次", "最多人数"),
    "assignments": _pairs("等次归属", "姓名", "等次"),
    "unforced": _names("按考核标准评定等次的人员", "姓名"),
    "ties": _hidden,  # each tie is a finding that names the people and the boundary
    "by_tier": _tiers,
    "totals": _totals,
    "total": _figure(
        "合计",
        "元",
        labels={
            "allocated": "总量|元",
            "by_tier": "超额利润分享额",
            "monthly": "年薪总额|元",
            "by_person": "月津贴合计|元",
            "wage_total_growth": "本年工资总额|元",
        },
    ),
    "amount": _figure(
        "金额",
        "元",
        labels={
            "band": "工龄对应的年功工资|元",
            "multiple": "首席技师薪酬下限|元",
            "by_person": "期间津贴合计|元",
            "wage_total_growth": "工资总额增加额|元",
        },
    ),
    # Only some members listed: their sum is not the pool (总量), the rest goes to those not listed.
    "allocated": _figure("所列各项合计", "元"),
    "others": _figure("其余（未列出的人员或部门）", "元"),
    "whole": _figure("全体积分（计件数）合计"),
    "excess": _figure("超额利润"),
    "point_value": _figure("每分值", "元"),
    "unit_price": _figure("每件工资", "元"),
    "total_score": _figure("积分合计", "分"),
    "n": _figure("参加考核人数", "人"),
    "mode": _mode,
    "small_unit": _figure("实行部分强制分布的人数界限（少于）", "人"),
    "step": _figure("级差", "元"),
    "ratio": _figure("级比"),
    "band": _band,
    "spread": _figure("中位值上下浮动比例", "%"),
    "r2": _figure("拟合优度 R²"),
    "growth_per_grade": _figure("每级增长率", "%"),
    "base_share": _figure("基本薪酬占比", "%", labels={"monthly": "基本年薪占比|%"}),
    "performance_share": _figure("绩效薪酬占比", "%"),
    "wage_total_growth": _figure("工资总额增长率", "%"),
    "avg_wage_growth": _figure("平均工资增长率", "%"),
    "count": _figure("考核指标个数", "个"),
    "weight_total": _figure("权重合计", "%"),
    "max_recipients": _figure("激励对象人数上限", "人"),
    "min_tech_skill_recipients": _figure("技术技能人才最少人数", "人"),
    "multiple": _figure("要求的倍数", "倍"),
    "multiple_actual": _figure("实际倍数", "倍"),
    "absorb": _flag("保留工资随今后增资冲减"),
}


def _show(key: str, value: Any, out: Mapping[str, Any]) -> Shown | None:
    handler = _SHOWN.get(key)
    return None if handler is None else handler(value, out)
