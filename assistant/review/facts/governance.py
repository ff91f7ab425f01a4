"""Facts on governance and totals: ownership, who deliberates, growth figures, dividends, adjustment."""

from __future__ import annotations

import re
from typing import Any

from ..scheme import PCT, Scheme, pct
from .common import flt


def ownership(s: Scheme) -> str | None:
    """"国有" or "非公" as the scheme describes the company (document titles in 《》 do not count)."""
    text = s.text
    stated = re.search(r"(企业性质|所有制(形式|性质)?|企业类型)\s*[:：为是]\s*(国有|非公|民营|私营)", text)
    self_told = re.search(r"(本公司|本企业|我公司|我单位|本单位|公司)(是|为|系|属于)[^。，]{0,12}?(国有|国企|央企|民营|非公|私营|外资|合资)", text)
    found = (stated and stated.group(3)) or (self_told and self_told.group(3))
    if found:
        return "国有" if found in ("国有", "国企", "央企") else "非公"
    if re.search(r"国有(独资|控股|全资|参股)|国资委|履行出资人职责|市属企业|省属企业|央企", text):
        return "国有"
    if re.search(r"民营|非公有制|私营|个体|外资|中外合资", text):
        return "非公"
    return "国有" if re.search(r"国有(企业|公司|资本)|国企", text) else None


def approval(s: Scheme) -> dict[str, str]:
    out = {}
    congress = s.find(r"职工代表大会|职代会|职工大会", r"审议|讨论|通过|审查|表决")
    if congress:
        out["congress"] = congress
    party = s.find(r"党委|党组|党支部|党总支", r"前置|研究|审议|讨论")
    if party:
        out["party"] = party
    negotiation = s.find(r"集体协商|工资协商|工资专项集体合同")
    if negotiation:
        out["negotiation"] = negotiation
    return out


_UP = r"增长|增幅|提高|上涨|上升|增加"
_DOWN = r"下降|减少|降低|下滑"
GROWTH_KEYS = {
    "wage_total_growth": r"工资总额|薪酬总额",
    "profit_growth": r"(?<!超额)(?:利润总额|净利润|利润|经济效益|效益)",  # not 超额利润分享
    "avg_wage_growth": r"平均工资|人均工资|平均薪酬|人均薪酬|人均收入",
    "productivity_growth": r"劳动生产率",
}


def _growth_after(subject: str, plain: str) -> tuple[float, str] | None:
    """The growth rate stated right after `subject` ("利润总额预计增长12%"), a fall negative."""
    m = re.search(rf"(?:{subject})[^。，,；;\d%]{{0,12}}?({_UP}|{_DOWN})[^。，,；;\d%]{{0,6}}?{PCT}", plain)
    if not m:
        return None
    value = pct(m.group(2))
    return flt(-value if re.match(_DOWN, m.group(1)) else value), m.group(0)


def growth(s: Scheme) -> dict[str, Any]:
    """Growth figures the scheme states (fractions), each with its sentence; 总部 figures excluded."""
    out: dict[str, Any] = {}
    for original, plain in s.matches(rf"{_UP}|{_DOWN}", PCT, exclude=r"总部"):
        for key, pattern in GROWTH_KEYS.items():
            found = None if key in out else _growth_after(pattern, plain)
            if found:
                out[key], out[key + "_evidence"] = found[0], original
    return out


def hq_growth(s: Scheme) -> dict[str, Any] | None:
    """集团总部 average-wage growth beside that of all employees (soe_internal 第四十一条)."""
    everyone = r"(?:全部|全体|本企业|企业)职工(?:平均|人均)工资"
    found = s.matches(r"总部", r"平均工资|人均工资", PCT)
    if not found:
        return None
    original, plain = found[0]
    hq = _growth_after(r"总部[^。，,]{0,6}(?:平均|人均)工资", plain)
    rest = _growth_after(everyone, plain) or _growth_after(everyone, s.text)
    if not hq or not rest:
        return None
    return {"hq": hq[0], "all": rest[0], "evidence": original}


def dividend(s: Scheme) -> dict[str, Any] | None:
    """Who receives 分红: share of employees and the technical/skilled share of recipients."""
    found = s.matches(r"分红")
    if not found:
        return None
    out: dict[str, Any] = {"evidence": found[0][0]}
    for original, plain in found:
        for clause in re.split(r"[，,；;]", plain):
            m = re.search(PCT, clause)
            if not m:
                continue
            if re.search(r"职工总数|在岗职工|员工总数|全体职工|职工人数", clause):
                out.setdefault("recipient_share", flt(pct(m.group(1))))
                out.setdefault("recipient_evidence", original)
            elif re.search(r"技术技能|技术人才|技能人才|科技人才|技术人员|研发人员|技术骨干", clause):
                out.setdefault("tech_share", flt(pct(m.group(1))))
                out.setdefault("tech_evidence", original)
        counts = _dividend_counts(plain)
        for key, value in counts.items():
            out.setdefault(key, value)
            out.setdefault("count_evidence", original)
    return out


def _dividend_counts(plain: str) -> dict[str, int]:
    out = {}
    patterns = {
        "employees": r"(在岗职工|职工总数|全体职工|员工总数)[^。，\d]{0,6}(\d+)\s*人",
        "recipients": r"(分红|激励)(对象|人数|人员)[^。，\d]{0,6}(\d+)\s*人",
        "tech_recipients": r"(技术技能|技术|技能|科技)(人才|人员|骨干)[^。，\d]{0,6}(\d+)\s*人",
    }
    for key, pattern in patterns.items():
        m = re.search(pattern, plain)
        if m:
            out[key] = int(m.group(m.lastindex))
    return out


_CN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def adjustment(s: Scheme) -> dict[str, Any] | None:
    """Whether and how often pay levels are reviewed and adjusted (years)."""
    found = s.matches(r"(薪酬|工资|薪级|标准|水平)[^。]{0,16}(调整|调资|评估)|(调整|调资)[^。]{0,10}(薪酬|工资|标准)")
    if not found:
        return None
    for original, plain in found:
        m = re.search(r"每\s*(\d+|[一两二三四五六])\s*年|(\d+)\s*[-至到~]\s*(\d+)\s*年为?(一个)?周期|周期为\s*(\d+|[一两二三四五六])\s*年", plain)
        if m:
            raw = m.group(1) or m.group(3) or m.group(5)
            return {"years": _CN.get(raw) or int(raw), "evidence": original}
        if re.search(r"每年|年度调整|逐年", plain):
            return {"years": 1, "evidence": original}
    return {"years": None, "evidence": found[0][0]}


def chief_posts(s: Scheme) -> dict[str, Any] | None:
    """Quota of 首席 posts among technical staff (share or counts)."""
    for original, plain in s.matches(r"首席", r"科技人才|技术人员|科技人员|技术技能人才"):
        share = re.search(rf"首席[^。]{{0,30}}?(不超过|不高于|控制在|占)[^。\d]{{0,16}}?{PCT}", plain)
        if share:
            return {"share": flt(pct(share.group(2))), "evidence": original}
        counts = re.search(r"首席[^。\d]{0,12}(\d+)\s*(人|名|个)[^。]{0,30}?(科技人才|技术人员|科技人员)[^。\d]{0,8}(\d+)\s*人", plain)
        if counts:
            return {"chief": int(counts.group(1)), "total": int(counts.group(4)), "evidence": original}
    return None


def excess_profit(s: Scheme) -> dict[str, Any] | None:
    found = s.find(r"超额利润分享")
    if not found:
        return None
    rule = s.find(r"超额利润|超目标", r"计提|提取|比例|%")
    return {"evidence": found, "has_rule": rule is not None}
