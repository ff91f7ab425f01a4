"""Market benchmarking: broadband ranges around market medians, market percentiles with the
lead/match/lag strategy positions, and pay-vs-grade regression (soe_tech 第二十八条、第四十七条、
第四十八条, 案例2表1、案例3)."""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator

from knowledge.numerals import int_to_cn
from knowledge.reader.fields import Reads, Shape
from knowledge.reader.models import Kind

from .base import CalcInput, Levels, MoneyInput, Number, check_cells, findings_out, limited, result
from .checks import Finding
from .errors import CalculationError
from .ladders import LADDER_CLAUSES
from .numbers import fmt, pct, q
from .params import param, param_text, parameter, ref
from .registry import register
from .severity import Severity

# ---- 宽带薪酬 -----------------------------------------------------------------------------------


def _grade_shorthand(value: Any) -> Any:
    """{"七级": 8000} means {"七级": {"median": 8000}}."""
    return value if isinstance(value, dict) else {"median": value}


BROADBAND_CLAUSE = "soe_tech/art-28"  # 科技人才指引第二十八条: the broadband pay form
SURVEY_CLAUSE = "soe_tech/art-48"  # 科技人才指引第四十八条: market pay surveys
PERCENTILE_CLAUSES = (ref("market.lead_percentile"), SURVEY_CLAUSE)  # strategy positions; the survey article
REGRESSION_CLAUSES = (SURVEY_CLAUSE, ref("broadband.spread"))  # the survey article; case 3's fitted curve


class BandGrade(CalcInput):
    median: Annotated[Number | None, Reads(Kind.MONEY, cues=("中位值", "中位数", "中位", "中点", "中值"))] = Field(
        None, gt=0, title="市场薪酬中位值", description="该薪酬等级对应的市场薪酬中位值")
    min: Annotated[Number | None, Reads(Kind.MONEY, cues=("最低", "最小", "下限", "低点"))] = Field(
        None, gt=0, title="区间下限", description="不用中位值时：按市场最小值确定的下限")
    max: Annotated[Number | None, Reads(Kind.MONEY, cues=("最高", "最大", "上限", "高点"))] = Field(
        None, gt=0, title="区间上限", description="不用中位值时：按市场最大值确定的上限")
    spread: Number | None = Field(None, ge=0, lt=1, title="浮动比例", description="只对本等级生效的上下浮动比例")


class BroadbandInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("宽带", "宽带薪酬", "带宽", "中位值", "中位数", "薪酬区间", "浮动", "上下浮动")
    grades: Annotated[dict[str, Annotated[BandGrade, BeforeValidator(_grade_shorthand)]],
                      Reads(Kind.MONEY, cues=("中位值", "中位数", "中位", "中点", "中值", "市场"), shape=Shape.RECORDS,
                            ask="如“七级中位值8000元、八级9500元”")] = Field(
        ..., min_length=1, title="薪酬等级", description="自低到高：等级名称 → {median: 市场中位值}（或 {min, max}）"
    )
    spread: Annotated[Number | None, Reads(Kind.PERCENT, cues=("浮动", "上下", "幅度", "带宽", "区间", "正负", "±", "加减"))] = Field(
        None, ge=0, lt=1, title="浮动比例", description=f"中位值上下浮动的比例，默认 {param('broadband.spread'):.2f}（科技人才指引案例3）")
    bands: Annotated[Levels | None, Reads(Kind.LEVELS, cues=("档", "分为", "分成", "划分", "档次", "每级", "每个等级"))] = Field(
        None, ge=1, title="档次数", description=f"每个等级横向划分的档次数，默认 {param_text('broadband.bands')}（案例2表1 一档至{int_to_cn(param('broadband.bands'))}档）")

    @model_validator(mode="before")
    @classmethod
    def _table_size_first(cls, data: Any) -> Any:
        if isinstance(data, dict):
            bands = data.get("bands")
            check_cells(data.get("grades"), param("broadband.bands") if bands is None else bands, "grades")
        return data


def _band_range(name: str, grade: BandGrade, spread: Decimal, precision: int) -> dict[str, Any]:
    if grade.min is not None and grade.max is not None:
        if grade.max < grade.min:
            raise CalculationError(f"“{name}”的区间上限低于下限", f"grades.{name}.max")
        low, high = grade.min, grade.max
        median = grade.median if grade.median is not None else (low + high) / 2
        how = f"{name}：区间 {fmt(low)} – {fmt(high)}（按市场最小、最大值）"
    elif grade.median is not None:
        s = grade.spread if grade.spread is not None else spread
        median, low, high = grade.median, grade.median * (1 - s), grade.median * (1 + s)
        how = f"{name}：{fmt(median)} × (1 − {fmt(s)}) = {fmt(q(low, precision))}，{fmt(median)} × (1 + {fmt(s)}) = {fmt(q(high, precision))}"
    else:
        raise CalculationError(f"“{name}”需要市场中位值（或最低值与最高值）", f"grades.{name}.median")
    return {"median": q(median, precision), "min": q(low, precision), "max": q(high, precision), "how": how}


def _bands(low: Decimal, high: Decimal, count: int, precision: int) -> list[Decimal]:
    if count == 1:
        return [q((low + high) / 2, precision)]
    return [q(low + (high - low) * k / (count - 1), precision) for k in range(count)]


def _overlaps(table: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Finding]]:
    names = list(table)
    out, findings = [], []
    for lower, upper in itertools.pairwise(names):
        lo, up = table[lower], table[upper]
        amount = max(lo["max"] - up["min"], Decimal(0)).quantize(lo["max"])
        span = lo["max"] - lo["min"]
        ratio = (amount / span).quantize(Decimal("0.0001")) if span else Decimal(0)
        out.append({"lower": lower, "upper": upper, "overlap": amount, "overlap_ratio": ratio})
        if up["median"] <= lo["median"]:
            findings.append(Finding(rule="broadband.order", severity=Severity.WARNING, message=f"“{upper}”的中位值 {fmt(up['median'])} 不高于“{lower}”的 {fmt(lo['median'])}；等级应自低到高排列，高等级不应少于低等级", citations=[LADDER_CLAUSES[0]]))
        if up["max"] <= lo["max"] and up["min"] <= lo["min"]:
            findings.append(Finding(rule="broadband.overlap", severity=Severity.WARNING, message=f"“{upper}”的区间整体不高于“{lower}”", citations=[BROADBAND_CLAUSE]))
    return out, findings


def _width_note(table: dict[str, dict[str, Any]]) -> list[Finding]:
    low, high = param("broadband.same_grade_gap_min"), param("broadband.same_grade_gap_max")
    widths = {n: (g["max"] / g["min"] - 1) for n, g in table.items() if g["min"] > 0}
    outside = [n for n, w in widths.items() if not low <= w <= high]
    if not outside:
        return [Finding(rule="broadband.width", severity=Severity.INFO, message=f"各等级最高与最低相差在 {pct(low)}–{pct(high)} 之间，与案例做法一致", citations=[ref("broadband.same_grade_gap_min")])]
    shown = "、".join(f"{n} {pct(widths[n])}" for n in outside[:5])
    return [Finding(rule="broadband.width", severity=Severity.INFO, message=f"同等级最高与最低相差：{shown}；曲靖案例4为同职级相差 {pct(low)}–{pct(high)}，科技人才案例3为中位值上下浮动 {pct(param('broadband.spread'))}，可结合实际确定", citations=[ref("broadband.same_grade_gap_min"), ref("broadband.spread")])]


@register(
    "broadband",
    "宽带薪酬区间",
    f"以市场薪酬中位值为中心确定每个薪酬等级的区间（科技人才指引案例3：中位值上下浮动{param_text('broadband.spread')}；也可用市场最小、最大值），"
    f"区间内等分为若干档（案例2表1为{int_to_cn(param('broadband.bands'))}档），并给出相邻等级的重叠。依据第二十八条（宽带薪酬形式）。",
    BroadbandInput,
    {"grades": {"七级": {"median": 47600}, "八级": {"median": 75000}}, "spread": float(param("broadband.spread")), "bands": param("broadband.bands")},
    (BROADBAND_CLAUSE, ref("broadband.spread"), ref("broadband.bands")),
)
def broadband(inp: BroadbandInput) -> dict[str, Any]:
    spread = inp.spread if inp.spread is not None else param("broadband.spread")
    count = inp.bands if inp.bands is not None else param("broadband.bands")
    table, steps = {}, []
    for name, grade in inp.grades.items():
        info = _band_range(name, grade, spread, inp.precision)
        steps.append(info.pop("how"))
        info["bands"] = _bands(info["min"], info["max"], count, inp.precision)
        info["width"] = (info["max"] / info["min"] - 1).quantize(Decimal("0.0001")) if info["min"] else None
        table[name] = info
        steps.append(f"{name} {count} 档：{'、'.join(fmt(b) for b in info['bands'])}")
    overlaps, findings = _overlaps(table)
    steps.extend(f"{o['lower']}与{o['upper']}重叠 {fmt(o['overlap'])}（占{o['lower']}区间的 {pct(o['overlap_ratio'])}）" for o in overlaps)
    findings += _width_note(table)
    return result(
        (BROADBAND_CLAUSE, ref("broadband.spread"), ref("broadband.bands")),
        "区间下限 = 中位值 × (1 − 浮动比例)，上限 = 中位值 × (1 + 浮动比例)；第 k 档 = 下限 + (上限 − 下限) × (k − 1) ÷ (档数 − 1)",
        limited(steps, len(steps), limit=3 * 20), inp, grades=table, overlaps=overlaps, spread=spread, bands=count, findings=findings_out(findings),
    )


# ---- 市场分位值 ---------------------------------------------------------------------------------


class PercentileInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("分位", "百分位", "中位数", "市场", "调研", "薪酬调查", "对标", "行情", "同行", "P25", "P50", "P75", "P90")
    reading_same_period: ClassVar[tuple[str, ...]] = ("data", "current")
    data: Annotated[list[Number], Reads(Kind.MONEY, cues=("月薪", "工资", "薪酬", "数据", "样本", "调研", "年薪", "收入", "分别是", "分别为"),
                                        shape=Shape.LIST, avoid=("我们", "本企业", "我司", "本公司", "我厂", "目前", "现在", "现行", "自己"),
                                        ask="如“市场数据：5000、6000、7000、8000元”")] = Field(
        ..., min_length=1, title="市场薪酬数据", description="同类岗位的市场薪酬样本")
    percentiles: Annotated[list[Number] | None, Reads(Kind.PERCENTILE, shape=Shape.LIST)] = Field(
        None, title="分位", description="要计算的分位（0–100），默认 25、50、75、90")
    current: Annotated[Number | None, Reads(Kind.MONEY, cues=("我们", "本企业", "我司", "本公司", "我厂", "我们厂", "目前", "现在", "现行", "自己", "我们的"))] = Field(
        None, title="本企业薪酬水平", description="可选：本企业该岗位的薪酬，判断其市场位置和所属策略")


def percentile_inc(sorted_values: list[Decimal], p: Decimal) -> Decimal:
    """Excel PERCENTILE.INC: rank h = (n − 1) × p ÷ 100, linear between neighbouring values."""
    h = (len(sorted_values) - 1) * p / 100
    lo = int(h)
    if lo >= len(sorted_values) - 1:
        return sorted_values[-1]
    return sorted_values[lo] + (h - lo) * (sorted_values[lo + 1] - sorted_values[lo])


def percent_rank(sorted_values: list[Decimal], value: Decimal) -> Decimal:
    """The inverse of PERCENTILE.INC (Excel PERCENTRANK.INC without truncation), 0–100."""
    n = len(sorted_values)
    if n == 1 or value <= sorted_values[0]:
        return Decimal(0) if value <= sorted_values[0] else Decimal(100)
    if value >= sorted_values[-1]:
        return Decimal(100)
    i = max(k for k in range(n) if sorted_values[k] <= value)
    upper = sorted_values[i + 1]
    frac = (value - sorted_values[i]) / (upper - sorted_values[i]) if upper != sorted_values[i] else Decimal(0)
    return (Decimal(i) + frac) / (n - 1) * 100


def _key(p: Decimal) -> str:
    return str(int(p)) if p == p.to_integral_value() else format(p.normalize(), "f")


def _strategies(values: list[Decimal], precision: int) -> dict[str, dict[str, Any]]:
    out = {}
    for label, key in (("领先型", "market.lead_percentile"), ("匹配型", "market.match_percentile"), ("滞后型", "market.lag_percentile")):
        p = Decimal(param(key))
        out[label] = {"percentile": int(p), "value": q(percentile_inc(values, p), precision), "rule": parameter(key).quote}
    return out


def _position(values: list[Decimal], current: Decimal, precision: int) -> tuple[dict[str, Any], str]:
    rank = percent_rank(values, current)
    lead, match, lag = (Decimal(param(k)) for k in ("market.lead_percentile", "market.match_percentile", "market.lag_percentile"))
    if rank >= lead:
        strategy = "领先型"
    elif rank >= (match + lag) / 2:
        strategy = "匹配型"
    else:
        strategy = "滞后型"
    top = Decimal(param("market.top_talent_percentile"))
    note = f"；达到 {int(top)} 分位，相当于战略科学家、顶尖领军人才的对标水平" if rank >= top else ""
    text = f"本企业 {fmt(current)} 位于市场约 {fmt(rank.quantize(Decimal('0.1')))} 分位 → {strategy}{note}"
    return {"value": q(current, precision), "percentile": rank.quantize(Decimal("0.1")), "strategy": strategy}, text


@register(
    "market-percentiles",
    "市场薪酬分位值",
    "计算市场薪酬数据的分位值（线性插值，同 Excel PERCENTILE.INC），并给出薪酬策略对应的位置（科技人才指引第四十七条："
    f"领先型处于{param_text('market.lead_percentile')}分位以上、匹配型围绕{param_text('market.match_percentile')}分位、"
    f"滞后型围绕{param_text('market.lag_percentile')}分位；第四十九条：顶尖领军人才对标{param_text('market.top_talent_percentile')}分位以上）。可给出本企业薪酬 current 判断所处位置。",
    PercentileInput,
    {"data": [5000, 6000, 6500, 7000, 8000, 9000, 12000], "percentiles": [25, 50, 75, 90], "current": 7500},
    PERCENTILE_CLAUSES,
)
def market_percentiles(inp: PercentileInput) -> dict[str, Any]:
    values = sorted(inp.data)
    wanted = inp.percentiles or [Decimal(p) for p in (25, 50, 75, 90)]
    for i, p in enumerate(wanted):
        if not 0 <= p <= 100:
            raise CalculationError(f"分位 {fmt(p)} 应在 0–100 之间", f"percentiles.{i}")
    n = len(values)
    out, steps = {}, [f"样本 {n} 个，排序后：{'、'.join(fmt(v) for v in values[:12])}{' …' if n > 12 else ''}"]
    for p in wanted:
        out[_key(p)] = q(percentile_inc(values, p), inp.precision)
        h = (n - 1) * p / 100
        steps.append(f"P{_key(p)}：位置 h = ({n} − 1) × {fmt(p)}% = {fmt(h.normalize())}，插值得 {fmt(out[_key(p)])}")
    extra: dict[str, Any] = {}
    if inp.current is not None:
        extra["position"], text = _position(values, inp.current, inp.precision)
        steps.append(text)
    cites = [*PERCENTILE_CLAUSES] + ([ref("market.top_talent_percentile")] if any(p >= param("market.top_talent_percentile") for p in wanted) else [])
    return result(
        cites, "第 p 分位值 = x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋+1] − x[⌊h⌋])，h = (样本数 − 1) × p ÷ 100（x 为升序样本，序号从 0 起）",
        steps, inp, percentiles=out, strategies=_strategies(values, inp.precision), **extra,
    )


# ---- 回归分析 -----------------------------------------------------------------------------------

Point = tuple[Number, Number]


class RegressionInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("回归", "拟合", "趋势线", "对数", "线性", "回归分析", "薪酬曲线")
    points: Annotated[list[Point], Reads(Kind.MONEY, cues=("中位值", "薪酬", "工资", "中位数"), shape=Shape.NUMBERED,
                                         ask="如“1级4000元、2级4800元、3级5900元”")] = Field(
        ..., min_length=2, title="样本点", description="[[职位等级, 薪酬中位值], …]，职位等级为数字")
    model: Annotated[Literal["log-linear", "linear"], Reads(Kind.NUMBER, shape=Shape.CHOICE, choices={
        "log-linear": ("对数", "指数", "比例递增", "等比", "log"), "linear": ("线性回归", "直线", "线性", "等差", "linear")})] = Field(
        "log-linear", title="回归模型", description="对数线性：薪酬 = e^(a + b × 等级)，各等级按同一比例递增；线性：薪酬 = a + b × 等级，各等级按同一金额递增")
    market_points: list[Point] | None = Field(None, title="市场样本点", description="可选：市场调查数据 [[等级, 中位值], …]，与本企业回归线对比")
    predict: Annotated[list[Number] | None, Reads((Kind.LEVELS, Kind.ORDINAL), cues=("预测", "估算", "推算", "算一下", "拟合"), shape=Shape.LIST)] = Field(
        None, title="预测等级", description="可选：需要给出拟合薪酬的等级")


def _fit(points: list[Point], model: str, field: str) -> tuple[Decimal, Decimal, Decimal]:
    """Least squares (a, b, r²) in Decimal; log-linear fits ln(y)."""
    xs = [x for x, _ in points]
    if model == "log-linear":
        for i, (_, y) in enumerate(points):
            if y <= 0:
                raise CalculationError("对数线性回归要求薪酬为正数", f"{field}.{i}")
        ys = [y.ln() for _, y in points]
    else:
        ys = [y for _, y in points]
    n = Decimal(len(xs))
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        raise CalculationError("各样本点的等级相同，无法回归", field)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    a = my - b * mx
    sst = sum((y - my) ** 2 for y in ys)
    sse = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys))
    r2 = Decimal(1) - sse / sst if sst else Decimal(1)
    return a, b, r2


def _predict(a: Decimal, b: Decimal, x: Decimal, model: str) -> Decimal:
    return (a + b * x).exp() if model == "log-linear" else a + b * x


@register(
    "pay-regression",
    "薪酬回归分析",
    "以职位等级为自变量、薪酬中位值为因变量做回归（科技人才指引第四十八条回归分析法、案例3）：默认对数线性 薪酬 = e^(a + b × 等级)（每级按同一比例递增），"
    "给出系数、R²、每级增长率和拟合值；提供市场样本时对比本企业与市场回归线的差距。",
    RegressionInput,
    {"points": [[1, 5000], [2, 5600], [3, 6400], [4, 7100], [5, 8200]], "model": "log-linear", "market_points": [[1, 5200], [3, 6800], [5, 8600]]},
    REGRESSION_CLAUSES,
)
def pay_regression(inp: RegressionInput) -> dict[str, Any]:
    with localcontext() as ctx:
        ctx.prec = 34
        a, b, r2 = _fit(inp.points, inp.model, "points")
        fitted: list[dict[str, Any]] = [{"grade": x, "actual": q(y, inp.precision), "fitted": q(_predict(a, b, x, inp.model), inp.precision)} for x, y in inp.points]
        for row in fitted:
            row["deviation"] = (row["actual"] / row["fitted"] - 1).quantize(Decimal("0.0001")) if row["fitted"] else None
        growth = (b.exp() - 1) if inp.model == "log-linear" else None
        predictions = {_key(x): q(_predict(a, b, x, inp.model), inp.precision) for x in inp.predict or []}
        comparison, market = _compare(inp, a, b)
    formula = "薪酬中位值 = e^(a + b × 职位等级)（每升一级增长 e^b − 1）" if inp.model == "log-linear" else "薪酬中位值 = a + b × 职位等级"
    steps = [
        f"最小二乘：a = {fmt(a.quantize(Decimal('0.000001')))}，b = {fmt(b.quantize(Decimal('0.000001')))}，R² = {fmt(r2.quantize(Decimal('0.0001')))}",
        *([f"每提高一级薪酬约增长 e^b − 1 = {pct(growth)}"] if growth is not None else []),
        *limited((f"等级 {fmt(r['grade'])}：实际 {fmt(r['actual'])}，拟合 {fmt(r['fitted'])}，偏离 {pct(r['deviation'])}" for r in fitted), len(fitted)),
        *(f"等级 {c['grade']}：本企业拟合 {fmt(c['company'])}，市场拟合 {fmt(c['market'])}，差距 {pct(c['gap'])}" for c in comparison),
    ]
    return result(
        REGRESSION_CLAUSES, formula, steps, inp,
        coefficients={"a": a.quantize(Decimal("0.000001")), "b": b.quantize(Decimal("0.000001"))}, r2=r2.quantize(Decimal("0.0001")),
        growth_per_grade=growth.quantize(Decimal("0.0001")) if growth is not None else None,
        fitted=fitted, predictions=predictions, comparison=comparison, market=market,
    )


def _compare(inp: RegressionInput, a: Decimal, b: Decimal) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    if not inp.market_points:
        return [], None
    if len(inp.market_points) < 2:
        raise CalculationError("市场样本点至少需要 2 个", "market_points")
    ma, mb, mr2 = _fit(inp.market_points, inp.model, "market_points")
    rows = []
    for x in sorted({x for x, _ in inp.points}):
        company, market = _predict(a, b, x, inp.model), _predict(ma, mb, x, inp.model)
        rows.append({"grade": _key(x), "company": q(company, inp.precision), "market": q(market, inp.precision), "gap": (company / market - 1).quantize(Decimal("0.0001"))})
    return rows, {"a": ma.quantize(Decimal("0.000001")), "b": mb.quantize(Decimal("0.000001")), "r2": mr2.quantize(Decimal("0.0001"))}
