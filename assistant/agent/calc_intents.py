"""Understanding calculator requests written in Chinese.

Each recogniser reads a sentence and returns the calculator input it could fill in; the
`Intent` table says which fields are required and how to ask for the missing ones. The
calculators themselves (and all their rules) live in `calculators`; this module only reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from .numbers import find_named_values, find_percents, normalise_numbers

Fields = dict[str, Any]

_MONEY = r"(-?\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|千元|千|元)?"
_SCALE = {"亿元": 10**8, "亿": 10**8, "万元": 10**4, "万": 10**4, "千元": 1000, "千": 1000}


def _money(match: re.Match[str], num_group: int = 1) -> Decimal:
    return Decimal(match.group(num_group)) * _SCALE.get(match.group(num_group + 1) or "", 1)


def _money_after(text: str, *labels: str) -> Decimal | None:
    """The amount written right after one of the labels: '总额50万' → 500000."""
    for label in labels:
        match = re.search(f"(?:{label})[^\\d，。；,;]{{0,8}}?{_MONEY}", text)
        if match:
            return _money(match)
    return None


def _int_before(text: str, *suffixes: str) -> int | None:
    for suffix in suffixes:
        match = re.search(f"(\\d+)\\s*(?:{suffix})", text)
        if match:
            return int(match.group(1))
    return None


def _int_after(text: str, *labels: str) -> int | None:
    for label in labels:
        match = re.search(f"(?:{label})[^\\d，。；,;]{{0,6}}?(\\d+)", text)
        if match:
            return int(match.group(1))
    return None


def _percent_after(text: str, *labels: str) -> Decimal | None:
    for label in labels:
        match = re.search(f"(?:{label})[^\\d，。；,;%]{{0,10}}?(-?\\d+(?:\\.\\d+)?)\\s*%", text)
        if match:
            return Decimal(match.group(1)) / 100
    return None


# ---- recognisers: text (numbers already normalised) → fields found -------------------------

_POOL_LABELS = ("总额", "总量", "奖金池", "奖金", "绩效工资", "可分配", "资金", "池", "一共", "共有", "总共", "合计")


def read_points(text: str) -> Fields:
    fields: Fields = {}
    pool = _money_after(text, *_POOL_LABELS)
    if pool is not None:
        fields["pool"] = pool
    scores = find_named_values(text, "分")
    if scores:
        fields["scores"] = scores
    return fields


def read_piece_rate(text: str) -> Fields:
    fields: Fields = {}
    pool = _money_after(text, *_POOL_LABELS)
    if pool is not None:
        fields["pool"] = pool
    pieces = find_named_values(text, "件")
    if pieces:
        fields["pieces"] = pieces
    coefficients = {
        m.group(1): Decimal(m.group(2))
        for m in re.finditer(r"([\u4e00-\u9fa5A-Za-z]{1,8}?)(?:的)?系数[为是:：]?\s*(\d+(?:\.\d+)?)", text)
    }
    if coefficients:
        fields["coefficients"] = coefficients
    return fields


def read_ladder(text: str) -> Fields:
    fields: Fields = {}
    levels = _int_before(text, "级", "档", "个等级", "个档次") or _int_after(text, "分为", "共", "设")
    if levels:
        fields["levels"] = levels
    if "等比" in text or ("最高" in text and "最低" in text and "级差" not in text):
        fields["mode"] = "geometric"
        low = _money_after(text, "最低", "最小", "下限")
        high = _money_after(text, "最高", "最大", "上限")
        if low is not None:
            fields["min"] = low
        if high is not None:
            fields["max"] = high
    else:
        fields["mode"] = "arithmetic"
        start = _money_after(text, "起点", "起始", "起薪", "最低", "第一档", "1档", "第1级", "从")
        step = _money_after(text, "级差", "差额", "每档", "每级", "递增", "增加", "步长")
        if start is not None:
            fields["start"] = start
        if step is not None:
            fields["step"] = step
    return fields


def read_excess_profit(text: str) -> Fields:
    fields: Fields = {}
    actual = _money_after(text, "实际利润", "实际完成", "实际实现", "实际", "完成利润", "利润")
    if actual is not None:
        fields["actual"] = actual
    tiers = []
    for m in re.finditer(rf"{_MONEY}\s*(?:到|至|-|~|—)\s*{_MONEY}[^%]{{0,12}}?(\d+(?:\.\d+)?)\s*%", text):
        unit = m.group(4) or m.group(2)
        low = Decimal(m.group(1)) * _SCALE.get(m.group(2) or unit or "", 1)
        high = Decimal(m.group(3)) * _SCALE.get(unit or "", 1)
        tiers.append({"from": low, "to": high, "rate": Decimal(m.group(5)) / 100})
    for m in re.finditer(rf"{_MONEY}\s*以上[^%]{{0,12}}?(\d+(?:\.\d+)?)\s*%", text):
        tiers.append({"from": _money(m), "rate": Decimal(m.group(3)) / 100})
    if tiers:
        fields["tiers"] = tiers
    return fields


def read_two_lower(text: str) -> Fields:
    pairs = {
        "wage_total_growth": ("工资总额增长", "薪酬总额增长", "工资总额增幅", "工资总额"),
        "profit_growth": ("利润增长", "效益增长", "利润增幅", "利润总额增长", "利润"),
        "avg_wage_growth": ("平均工资增长", "人均工资增长", "平均薪酬增长", "平均工资"),
        "productivity_growth": ("劳动生产率增长", "劳动生产率"),
    }
    fields: Fields = {}
    for name, labels in pairs.items():
        value = _percent_after(text, *labels)
        if value is not None:
            fields[name] = value
    return fields


def read_dividend(text: str) -> Fields:
    fields: Fields = {}
    employees = _int_after(text, "职工", "员工", "全体", "共有", "总人数", "在岗") or _int_before(text, "名职工", "名员工", "人的")
    recipients = _int_after(text, "激励对象", "分红人数", "参与分红", "享受分红", "分红对象", "获得分红")
    tech = _int_after(text, "科技人员", "科技人才", "技术人员", "技术和技能", "技术技能", "其中")
    if employees:
        fields["employees"] = employees
    if recipients:
        fields["recipients"] = recipients
    if tech:
        fields["tech_skill_recipients"] = tech
    return fields


def read_pay_mix(text: str) -> Fields:
    fields: Fields = {}
    if "基础研究" in text:
        fields["category"] = "基础研究"
    elif "应用研究" in text:
        fields["category"] = "应用研究"
    base = _money_after(text, "岗位基本薪酬", "基本薪酬", "基本工资", "固定")
    total = _money_after(text, "总薪酬", "薪酬总额", "总收入", "年收入", "合计", "总共")
    if base is not None:
        fields["base"] = base
    if total is not None:
        fields["total"] = total
    return fields


def read_kpi(text: str) -> Fields:
    weights = {name: value / 100 for name, value in find_named_values(text, "%").items()}
    return {"weights": weights} if weights else {}


def read_percentiles(text: str) -> Fields:
    fields: Fields = {}
    data_part = re.split(r"(?:数据|样本|薪酬|工资)[为是:：有]?", text, maxsplit=1)
    numbers = re.findall(r"\d+(?:\.\d+)?", data_part[-1])
    wanted = [int(p) for p in re.findall(r"[Pp](\d{2})|(?<!\d)(\d{2})\s*分位", text) for p in p if p]
    values = [Decimal(n) for n in numbers if str(int(Decimal(n))) not in {str(w) for w in wanted} or Decimal(n) > 100]
    if len(values) >= 2:
        fields["data"] = values
    if wanted:
        fields["percentiles"] = sorted(set(wanted))
    return fields


def read_forced(text: str) -> Fields:
    fields: Fields = {}
    n = _int_before(text, "人", "名") or _int_after(text, "共", "总数")
    if n:
        fields["n"] = n
    quotas = {}
    for m in re.finditer(r"([A-E]|优秀|良好|合格|称职|基本称职|不称职|不合格|一般|较差)[类级档等]?[:：为占]?\s*(\d+(?:\.\d+)?)\s*%", text):
        quotas[m.group(1)] = Decimal(m.group(2)) / 100
    if quotas:
        fields["quotas"] = quotas
    return fields


def read_seniority(text: str) -> Fields:
    fields: Fields = {}
    start = _money_after(text, "起点", "起始", "第一档", "1档", "最低")
    increment = _money_after(text, "级差", "差额", "每档增加", "每档", "递增", "增加")
    bands = _int_before(text, "档", "个档", "段", "个工龄段")
    per_band = _int_after(text, "每") if re.search(r"每\s*\d+\s*年", text) else None
    years = _int_after(text, "工龄", "工作了", "已工作") if re.search(r"(工龄|工作了|已工作)\s*\d+\s*年", text) else None
    for name, value in (("start", start), ("increment", increment), ("bands", bands), ("years_per_band", per_band), ("years", years)):
        if value is not None:
            fields[name] = value
    return fields


@dataclass(frozen=True)
class Intent:
    calculator: str
    title: str
    triggers: re.Pattern[str]
    read: Callable[[str], Fields]
    # field → how to ask for it, in Chinese (with an example of an answer)
    required: dict[str, str] = field(default_factory=dict)

    def missing(self, fields: Fields) -> list[str]:
        needs = [question for name, question in self.required.items() if name not in fields]
        if self.calculator == "ladder":
            mode_fields = {"arithmetic": ("start", "step"), "geometric": ("min", "max")}[fields.get("mode", "arithmetic")]
            needs = [q for n, q in self.required.items() if n not in fields and (n == "levels" or n in mode_fields)]
        return needs


INTENTS: tuple[Intent, ...] = (
    Intent("excess-profit-sharing", "超额利润分享", re.compile(r"超额利润"), read_excess_profit,
           {"actual": "实际利润（如“实际利润1600万”）", "tiers": "分档及提取比例（如“1000万到1200万部分10%，1200万到1500万部分15%，1500万以上20%”）"}),
    Intent("two-lower-check", "“两个低于”检查", re.compile(r"两个低于|2个低于|工资总额增长|薪酬总额增长|工资总额增幅"), read_two_lower,
           {"wage_total_growth": "工资总额增长率（如“工资总额增长10%”）", "profit_growth": "利润（经济效益）增长率（如“利润增长8%”）"}),
    Intent("dividend-check", "岗位分红激励对象检查", re.compile(r"分红.*(人|对象)|(人|对象).*分红"), read_dividend,
           {"employees": "企业职工总人数（如“职工200人”）", "recipients": "分红激励对象人数（如“激励对象70人”）", "tech_skill_recipients": "激励对象中科技（技术、技能）人员人数（如“其中科技人员40人”）"}),
    Intent("pay-mix-check", "薪酬结构比例检查", re.compile(r"(基础研究|应用研究).*(薪酬|工资)|(薪酬|工资).*(基础研究|应用研究)"), read_pay_mix,
           {"category": "科技人才类别（基础研究 或 应用研究）", "base": "岗位基本薪酬金额（如“基本薪酬5000元”）", "total": "总薪酬金额（如“总薪酬10000元”）"}),
    Intent("kpi-check", "考核指标与权重检查", re.compile(r"(指标|KPI).*权重|权重.*(指标|KPI)"), read_kpi,
           {"weights": "各考核指标及权重（如“利润40%、营业收入30%、安全生产30%”）"}),
    Intent("forced-distribution", "强制分布名额", re.compile(r"强制分布|比例分布|考核等次.*名额|名额.*(A|优秀)"), read_forced,
           {"n": "参加考核的人数（如“100人”）", "quotas": "各等次比例（如“A 10%、B 80%、C 10%”）"}),
    Intent("market-percentiles", "市场薪酬分位值", re.compile(r"分位"), read_percentiles,
           {"data": "市场薪酬数据（至少两个数，如“数据：5000、6000、7000、8000”）"}),
    Intent("seniority-pay", "年功（工龄）工资", re.compile(r"(年功|工龄)工资.*(档|算|多少|表)|工龄.*(\d+)年.*(多少|年功)"), read_seniority,
           {"start": "第一档金额（如“起点100元”）", "increment": "各档差额（如“级差50元”）", "bands": "档数（如“5档”）", "years_per_band": "每档年限（如“每5年一档”）"}),
    Intent("piece-rate-allocation", "计件绩效工资分配", re.compile(r"计件|\d+\s*件"), read_piece_rate,
           {"pool": "部门可供分配的绩效工资总量（如“总额6万元”）", "pieces": "每人计件数量（如“小王1200件、小李800件”）"}),
    Intent("points-allocation", "积分制绩效工资分配", re.compile(r"积分|\d+\s*分[，,、。；和与及]|\d+\s*分$|按.*分.*分配"), read_points,
           {"pool": "可供分配的绩效工资总量（如“绩效工资总额50万元”）", "scores": "各部门或个人的积分（如“生产部3000分、技术部2000分”）"}),
    Intent("ladder", "薪级（等差/等比）序列", re.compile(r"等差|等比|级差|薪级表|薪档|工资档次|档差"), read_ladder,
           {"levels": "级数（如“10级”）", "start": "起点金额（如“起点2000元”）", "step": "级差（如“级差150元”）", "min": "最低一级金额（如“最低3000元”）", "max": "最高一级金额（如“最高12000元”）"}),
)

_BY_NAME = {intent.calculator: intent for intent in INTENTS}


def intent_named(name: str) -> Intent:
    return _BY_NAME[name]


# With no figures given, only an explicit request to compute starts a calculator; "怎么算？"
# alone is a question about the guideline's method and is answered from the clauses.
_EXPLICIT_REQUEST = re.compile(r"帮我|帮忙|请你|给我|替我|算一下|算算|测算一下|计算一下")
_TOPICS: tuple[tuple[str, str], ...] = (
    ("超额利润", "excess-profit-sharing"), ("两个低于", "two-lower-check"), ("分红", "dividend-check"),
    ("权重", "kpi-check"), ("强制分布", "forced-distribution"), ("分位", "market-percentiles"),
    ("年功", "seniority-pay"), ("工龄工资", "seniority-pay"), ("计件", "piece-rate-allocation"),
    ("薪级", "ladder"), ("级差", "ladder"), ("积分", "points-allocation"), ("绩效工资", "points-allocation"),
    ("奖金", "points-allocation"),
)


def detect(text: str) -> Intent | None:
    """The calculator a sentence asks for, or None when it is not a calculation request."""
    normalised = normalise_numbers(text)
    if re.search(r"\d", normalised):
        for intent in INTENTS:
            if intent.triggers.search(normalised):
                return intent
    if _EXPLICIT_REQUEST.search(text):
        for keyword, name in _TOPICS:
            if keyword in text:
                return _BY_NAME[name]
    return None


def read(intent: Intent, text: str) -> Fields:
    return intent.read(normalise_numbers(text))


def merge(old: Fields, new: Fields) -> Fields:
    """Fields from a follow-up turn complete (and may correct) those already given."""
    merged = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged
