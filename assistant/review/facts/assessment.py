"""Facts on assessment: KPI weights, forced-distribution quotas, cycles, how pay follows results."""

from __future__ import annotations

import re
from typing import Any

from ..scheme import NUM, PCT, Scheme, cells_norm, num, pct
from .common import flt, row_text, transpose


# Words that mark a limit or a total, not an indicator's name ("不高于 40%", "权重合计 100%").
_NOT_KPI = re.compile(r"权重|合计|总计|^(不|最|原则|一般|均|各|约)|高于|低于|超过|不少于|之间")
_KPI_PAIR = re.compile(rf"([\u4e00-\u9fa5A-Za-z]{{2,15}}?)\s*[（(:：]?\s*(?:权重|占比|占)?\s*(?:为)?\s*{PCT}")


def kpi_sets(s: Scheme) -> list[dict[str, Any]]:
    """Each KPI list with its weights as fractions (a sentence or a table with a 权重 column)."""
    out = []
    for original, plain in s.matches(r"指标|KPI", r"权重"):
        weights = {name: flt(pct(value)) for name, value in _KPI_PAIR.findall(plain) if not _NOT_KPI.search(name)}
        if len(weights) >= 2:
            out.append({"weights": weights, "evidence": original})
    for table in s.tables():
        rows = [cells_norm(r) for r in table.rows]
        if not rows:
            continue
        w = next((i for i, c in enumerate(rows[0]) if "权重" in c), None)
        n = next((i for i, c in enumerate(rows[0]) if re.search(r"指标", c)), 0)
        if w is None:
            continue
        weights = {}
        for r in rows[1:]:
            if w < len(r) and n < len(r) and r[n] and not re.search(r"合计|总计", r[n]):
                m = re.match(rf"^({NUM})(%)?$", r[w])
                if m:
                    value = num(m.group(1))
                    weights[r[n]] = flt(value / 100 if m.group(2) or value > 1 else value)
        if len(weights) >= 2:
            out.append({"weights": weights, "evidence": "\n".join(row_text(r) for r in table.rows[:6])})
    return out


_GRADES = r"S|A|B|C|D|E|优秀|良好|称职|合格|基本称职|基本合格|不称职|不合格|待改进|较差|一般"
_QUOTA_PAIR = re.compile(rf"(?<![A-Za-z])({_GRADES})\s*(?:级|等|档|类)?\s*(?:[（(][^）)]{{0,6}}[）)])?\s*(?:[:：（(]|为|占|比例为?)?\s*(?:不超过|不高于|不低于|控制在|约)?\s*{PCT}")


def forced_distribution(s: Scheme) -> list[dict[str, Any]]:
    """Quotas of assessment grades (fractions), in the order the scheme lists them (best first)."""
    out = []
    for original, plain in s.matches(r"强制分布|等级|等次|档次|比例", rf"({_GRADES})[^。]{{0,40}}{PCT}"):
        quotas = _listed_quotas(plain) or {g: flt(pct(v)) for g, v in _QUOTA_PAIR.findall(plain)}
        if len(quotas) >= 2:
            out.append({"quotas": quotas, "evidence": original})
    for table in s.tables():
        rows = [cells_norm(r) for r in table.rows]
        quotas = _table_quotas(rows) or _table_quotas(transpose(rows))
        if quotas:
            out.append({"quotas": quotas, "evidence": "\n".join(row_text(r) for r in table.rows[:6])})
    return out


def _listed_quotas(plain: str) -> dict[str, float]:
    """"A、B、C三个等级的比例分别为10%、80%、10%"."""
    m = re.search(rf"((?:(?:{_GRADES})[、，,和及/]\s*)+(?:{_GRADES}))[^。%]{{0,20}}分别(?:为|占|是)?\s*((?:{NUM}\s*%[、，,和及]?\s*)+)", plain)
    if not m:
        return {}
    grades = re.findall(_GRADES, m.group(1))
    values = re.findall(PCT, m.group(2))
    return {g: flt(pct(v)) for g, v in zip(grades, values)} if len(grades) == len(values) else {}


def _table_quotas(rows: list[list[str]]) -> dict[str, float]:
    if len(rows) < 2:
        return {}
    head = rows[0]
    col = next((i for i, c in enumerate(head) if re.search(r"比例|占比|分布", c)), None)
    if col is None:
        return {}
    quotas = {}
    for r in rows[1:]:
        grade = re.match(rf"^({_GRADES})", r[0]) if r else None
        m = re.match(rf"^(?:不超过|不高于|不低于|约)?({NUM})%$", r[col]) if col < len(r) else None
        if grade and m:
            quotas[grade.group(1)] = flt(pct(m.group(1)))
    return quotas if len(quotas) >= 2 else {}


_CYCLE = {"月": 1, "月度": 1, "季": 3, "季度": 3, "半年": 6, "半年度": 6, "年": 12, "年度": 12, "一年": 12, "1年": 12}


def assessment_cycles(s: Scheme) -> list[dict[str, Any]]:
    """Assessment cycles in months, with the sentence and the staff category it concerns."""
    out = []
    for original, plain in s.matches(r"考核|考评|评价"):
        for m in re.finditer(r"(按月|每月|月度|按季度?|每季度?|季度|半年度?|每半年|年度|每年|按年)(?:进行|开展|组织)?(?:一次)?(?:绩效)?(考核|考评|评价)|(考核|考评)周期(?:一般)?(?:为|是|:|：)?(月度?|季度?|半年度?|年度|一年|1年)", plain):
            word = re.sub(r"^(按|每)", "", m.group(1) or m.group(4))
            months = _CYCLE.get(word, _CYCLE.get(word.rstrip("度"), 12))
            category = "基础研究" if "基础研究" in plain else None
            if not any(c["months"] == months and c["evidence"] == original for c in out):
                out.append({"months": months, "category": category, "evidence": original})
    return out


_EVEN = r"平均发放|平均分配|按人头平均|人人均等|人均分配|固定发放|不与[^。]{0,6}考核[^。]{0,4}挂钩|不(进行|作)?考核"
# "不得平均分配", "破除平均分配" say the opposite: a denial just before the phrase.
_DENIED = re.compile(r"(不得|不能|不应|不宜|禁止|严禁|避免|防止|杜绝|破除|反对|不搞|不再|而非|并非|改变|打破)[^。，,；;]{0,6}$")


def _even_pay(plain: str) -> bool:
    return any(not _DENIED.search(plain[: m.start()]) for m in re.finditer(_EVEN, plain))


def performance_link(s: Scheme) -> dict[str, Any]:
    """How 绩效工资 is tied to assessment: "先考核后分配", linked, or paid evenly."""
    out: dict[str, Any] = {}
    even = next((o for o, p in s.matches(r"绩效|奖金", _EVEN) if _even_pay(p)), None)
    if even:
        out["even"] = even
    first = s.find(r"先考核[，,、]?后分配|先考核再分配")
    if first:
        out["first_assess"] = first
    linked = s.find(r"绩效|奖金", r"(根据|依据|按照?|结合|与)[^。]{0,16}(考核|考评|评价)[^。]{0,10}(结果|得分|等级|等次|系数|挂钩)|(考核|考评)(结果|得分|系数)[^。]{0,12}(发放|分配|确定|兑现|浮动)", exclude=r"不与")
    if linked:
        out["linked"] = linked
    department = s.find(r"部门|单位|班组|项目组", r"(考核|绩效)[^。]{0,12}(总量|总额|额度|工资包)")
    if department:
        out["department"] = department
    return out


def formulas(s: Scheme) -> list[str]:
    return [o for o, p in s.matches(r"[=＝÷]|×", r"工资|薪酬|奖金|分配|积分|点值")]


def methods(s: Scheme) -> list[str]:
    found = [name for name, pattern in {"积分": r"积分|工分", "计件": r"计件", "点值": r"点值|薪点", "系数": r"系数"}.items() if s.has(pattern)]
    return found


def okr_linked(s: Scheme) -> str | None:
    """A sentence tying OKR results directly to pay (soe_tech says it should not be)."""
    return s.find(r"OKR|目标与关键成果", r"(薪酬|工资|奖金|晋升|奖惩)", r"挂钩|决定|计算|依据|直接", exclude=r"不与|不直接|不挂钩|不作为|重反馈")
