"""Facts on the pay structure: components, 基础工资, step series, 年功 bands, pay mix, 年薪, 津贴."""

from __future__ import annotations

import re
from typing import Any

from ..scheme import NUM, PCT, YUAN, Scheme, cells_norm, num, pct, yuan
from .common import BASIC, COMPONENTS, NEG, SENIORITY, amount, flt, row_text, step_no, transpose


def components(s: Scheme) -> dict[str, str]:
    """Pay components the scheme sets up, each with the first sentence naming it."""
    out = {}
    for name, pattern in COMPONENTS.items():
        sentence = s.find(pattern)
        if sentence:
            out[name] = sentence
    return out


def basic_wage(s: Scheme) -> dict[str, Any] | None:
    """Amounts of 基础工资 and whether the scheme sets more than one standard."""
    found = s.matches(BASIC)
    if not found:
        return None
    amounts: set[float] = set()
    varies_at: str | None = None
    for original, plain in found:
        here = {flt(yuan(n, w)) for n, w in re.findall(YUAN, plain)}
        per_group = _per_group_amounts(plain)
        split = re.search(rf"({BASIC})[^。]{{0,20}}((按|根据|依据)[^。]{{0,10}}(岗位|职级|等级|学历|工龄|职称|类别)[^。]{{0,8}}(不同|确定|划分|分档|分为|区分)|分为[^。]{{0,6}}(档|级|个标准|类)|分档|不同标准)", plain)
        unified = re.search(NEG, plain)
        if (split or len(per_group) > 1) and not unified:
            varies_at = varies_at or original
        amounts |= here
    table = _basic_wage_table(s)
    if table:
        amounts |= set(table["amounts"])
        varies_at = varies_at or (table["evidence"] if len(set(table["amounts"])) > 1 else None)
    stated = next((o for o, p in found if re.search(YUAN, p)), found[0][0])
    return {"amounts": sorted(amounts), "varies": varies_at is not None, "evidence": varies_at or stated}


_GROUP = re.compile(r"岗位|人员|职工|员工|一线|管理|技术|技能|辅助|后勤|生产|[级类档]$")


def _per_group_amounts(plain: str) -> set[float]:
    """Amounts set for groups of staff ("一线岗位2000元，管理岗位3000元"), not totals or raises."""
    out = set()
    for label, value, wan in re.findall(rf"([\u4e00-\u9fa5]{{1,8}})\s*[:：为]?\s*{YUAN}", plain):
        if _GROUP.search(label) and not re.search(r"合计|全年|年度|总额|调整|提高|增加", label):
            out.add(flt(yuan(value, wan)))
    return out


def _basic_wage_table(s: Scheme) -> dict[str, Any] | None:
    for table in s.tables():
        rows = [cells_norm(r) for r in table.rows]
        if not rows:
            continue
        cols = [i for i, c in enumerate(rows[0]) if re.search(BASIC, c)]
        if not cols:
            continue
        values = [flt(amount(r[cols[0]])) for r in rows[1:] if cols[0] < len(r) and amount(r[cols[0]]) is not None]
        if values:
            return {"amounts": values, "evidence": row_text(table.rows[0]) + "\n" + "\n".join(row_text(r) for r in table.rows[1:4])}
    return None


def pay_steps(s: Scheme) -> list[dict[str, Any]]:
    """Rows of post-grade × pay-step tables (either orientation), "薪级 | 标准" pair tables and
    "1级2000元、2级2150元…" sentences: each a series of amounts in step order."""
    out: list[dict[str, Any]] = []
    for table in s.tables():
        broadband = bool(re.search(r"宽带", table.context + table.text))
        series = _pair_series(table) or _step_rows(table.rows) or _step_rows(transpose(table.rows))
        for grade, amounts, evidence in series:
            out.append({"grade": grade, "amounts": amounts, "broadband": broadband, "evidence": evidence})
    for original, plain in s.matches(r"薪级|档次|薪档", rf"\d\s*[级档]\s*[:：为]?\s*{NUM}\s*元"):
        pairs = re.findall(rf"(\d+)\s*[级档]\s*[:：为]?\s*({NUM})\s*(万)?元", plain)
        if len(pairs) >= 3:
            out.append({"grade": "", "amounts": [flt(yuan(a, w)) for _, a, w in pairs], "broadband": "宽带" in plain, "evidence": original})
    return out


def _step_columns(header: list[str]) -> list[int]:
    """Columns of a header that number consecutive pay steps (1, 2, 3 …); [] when there are none.
    Consecutive numbering tells a step header from a row of small figures (head counts)."""
    cols = [(i, n) for i, c in enumerate(header) if (n := step_no(c)) is not None]
    numbers = [n for _, n in cols]
    if len(cols) < 3 or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return []
    return [i for i, _ in cols]


def _step_rows(rows: list[list[str]]) -> list[tuple[str, list[float], str]]:
    normed = [cells_norm(r) for r in rows]
    for h, header in enumerate(normed[:3]):
        cols = _step_columns(header)
        if cols:
            break
    else:
        return []
    found = []
    for raw, row in zip(rows[h + 1 :], normed[h + 1 :]):
        amounts = [a for i in cols if i < len(row) and (a := amount(row[i])) is not None]
        if len(amounts) >= 3:
            found.append((row[0], [flt(a) for a in amounts], row_text(raw)))
    return found


def _pair_series(table) -> list[tuple[str, list[float], str]]:
    """A long series wrapped into "薪级 | 标准 | 薪级 | 标准" column pairs."""
    rows = [cells_norm(r) for r in table.rows]
    if not rows:
        return []
    pairs = [i for i, c in enumerate(rows[0][:-1]) if re.match(r"^(薪级|档次|级别)$", c) and re.search(r"标准|金额|工资", rows[0][i + 1])]
    if len(pairs) < 1:
        return []
    steps = sorted((n, a) for r in rows[1:] for i in pairs if i + 1 < len(r)
                   and (n := step_no(r[i])) is not None and (a := amount(r[i + 1])) is not None)
    if len(steps) < 3:
        return []
    return [(table.context or "薪级工资", [flt(a) for _, a in steps], "\n".join(row_text(r) for r in table.rows[:4]))]


_BAND = re.compile(rf"(\d+)\s*年?\s*[-~至到]\s*(\d+)\s*年[^\d，,；;。]{{0,10}}?({NUM})\s*元|(\d+)\s*年(?:及|以)(?:以)?上[^\d，,；;。]{{0,10}}?({NUM})\s*元")


def seniority(s: Scheme) -> dict[str, Any] | None:
    """年功（工龄）工资 bands: amounts in band order, from a sentence or a table."""
    for original, plain in s.matches(SENIORITY):
        amounts = [flt(num(m.group(3) or m.group(5))) for m in _BAND.finditer(plain)]
        if len(amounts) >= 3:
            return {"amounts": amounts, "evidence": original}
    for table in s.tables():
        rows = [cells_norm(r) for r in table.rows]
        if not rows or not re.search(SENIORITY + r"|工龄|司龄", table.context + "".join(rows[0])):
            continue
        col = next((i for i, c in enumerate(rows[0]) if re.search(r"年功|工龄工资|司龄工资|标准|金额|元", c)), None)
        if col is None:
            continue
        amounts = [flt(a) for r in rows[1:] if col < len(r) and (a := amount(r[col])) is not None]
        if len(amounts) >= 3:
            return {"amounts": amounts, "evidence": "\n".join(row_text(r) for r in table.rows[:4])}
    return None


_CATEGORY = r"基础研究|应用研究|技术开发"


def pay_mix(s: Scheme) -> list[dict[str, Any]]:
    """Base-pay share of total pay for 基础研究 / 应用研究 staff, as the scheme fixes it."""
    out = []
    for original, plain in s.matches(_CATEGORY, r"%|\d\s*[:：]\s*\d"):
        for category, segment in _segments(plain):
            share = _base_share(segment)
            if share is not None:
                out.append({"category": category, "base_share": share, "evidence": original})
    for table in s.tables():
        out += _pay_mix_table(table)
    return out


def _segments(plain: str) -> list[tuple[str, str]]:
    """Split a sentence at each category mention: the numbers after it belong to it."""
    marks = list(re.finditer(_CATEGORY, plain))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(plain)
        if i + 1 < len(marks) and end - m.end() < 2:  # "基础研究和应用研究": one shared segment
            continue
        out.append(("基础研究" if m.group(0) == "基础研究" else "应用研究", plain[m.start() : end]))
    return out


def _base_share(segment: str) -> float | None:
    ratio = re.search(rf"(固定|基本)[^。%]{{0,12}}(浮动|绩效)[^。%\d]{{0,10}}({NUM})\s*[:：]\s*({NUM})", segment)
    if ratio:
        a, b = num(ratio.group(3)), num(ratio.group(4))
        return flt(a / (a + b)) if a + b else None
    # A share, not a raise: "岗位基本薪酬占总薪酬的65%", never "岗位工资上浮10%".
    base = re.search(rf"(岗位基本薪酬|基本薪酬|固定薪酬|基本工资|岗位工资|固定部分)[^。%\d]{{0,10}}?(?:占|比例|比重)[^。%\d]{{0,10}}{PCT}", segment)
    if base:
        return flt(pct(base.group(2)))
    perf = re.search(rf"(绩效薪酬|绩效工资|浮动薪酬|浮动部分)[^。%\d]{{0,10}}?(?:占|比例|比重)[^。%\d]{{0,10}}{PCT}", segment)
    return flt(1 - pct(perf.group(2))) if perf else None


def _pay_mix_table(table) -> list[dict[str, Any]]:
    rows = [cells_norm(r) for r in table.rows]
    if not rows:
        return []
    base = next((i for i, c in enumerate(rows[0]) if re.search(r"(基本|固定).*(占比|比例)", c)), None)
    perf = next((i for i, c in enumerate(rows[0]) if re.search(r"(绩效|浮动).*(占比|比例)", c)), None)
    out = []
    for raw, r in zip(table.rows[1:], rows[1:]):
        cat = re.search(_CATEGORY, "".join(r))
        for col, flip in ((base, False), (perf, True)):
            m = re.search(PCT, r[col]) if cat and col is not None and col < len(r) else None
            if m:
                share = pct(m.group(1))
                out.append({"category": "基础研究" if cat.group(0) == "基础研究" else "应用研究",
                            "base_share": flt(1 - share if flip else share), "evidence": row_text(raw)})
                break
    return out


def annual_salary(s: Scheme) -> dict[str, Any] | None:
    """年薪制: the base part's share, from a ratio, a share of either part, or a split table row."""
    found = s.matches(r"基本年薪|绩效年薪")
    if not found:
        return None
    for original, plain in found:
        ratio = re.search(rf"基本年薪[^。]{{0,6}}(与|和|:|：)?\s*绩效年薪[^。\d]{{0,10}}({NUM})\s*[:：]\s*({NUM})", plain)
        if ratio:
            a, b = num(ratio.group(2)), num(ratio.group(3))
            return {"base_share": flt(a / (a + b)), "evidence": original}
        base = re.search(rf"基本年薪[^。%\d]{{0,12}}{PCT}", plain)
        perf = re.search(rf"绩效年薪[^。%\d]{{0,12}}{PCT}", plain)
        if base or perf:
            share = pct(base.group(1)) if base else 1 - pct(perf.group(1))
            return {"base_share": flt(share), "evidence": original}
    return {"base_share": None, "evidence": found[0][0]}


def allowances(s: Scheme) -> dict[str, float]:
    out = {}
    for original, plain in s.matches(r"津贴|补贴", YUAN):
        for segment in re.split(r"包括|[、，,；;：:]", plain):
            m = re.search(rf"([\u4e00-\u9fa5]{{1,6}}(?:津贴|补贴)).{{0,14}}?{YUAN}", segment)
            if m:
                out.setdefault(m.group(1), flt(yuan(m.group(2), m.group(3))))
    return out


def single_performance(s: Scheme) -> str | None:
    return s.find(r"不设(置)?岗位基本薪酬|单一(的)?绩效薪酬|全部为绩效|纯绩效")
