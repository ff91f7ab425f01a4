"""Guideline figures live only in calculators/parameters/*.yaml. A figure retyped in a formula, a
description, a review message, a rule name, a template or a comment goes stale the day its
parameter changes, and the draft, the review and the calculator then contradict each other.

The scan looks for each parameter's value written the way that kind of figure is written (a 比例
as 30%, 30％ or 百分之三十; a multiple as 2.8倍 or × 2.8; a count with its unit, 5个, 3-5级, 1至3年;
an amount as 300元) and counts it only in a guideline context: a word near it that states a limit
or cites a guideline (不超过, 原则上, ≥, 案例, 第四十条 …). Examples of what users type (如“利润40%”)
carry no such word and pass. The few true coincidences are listed in ALLOWED, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.params import all_parameters, figures_of
from knowledge.numerals import int_to_cn

ROOT = Path(__file__).resolve().parents[2]
SCANNED = (("calculators", ("py",)), ("doc_templates", ("py", "j2")), ("assistant", ("py",)), ("assistant/review", ("yaml",)),
           ("knowledge", ("py",)))
# Words that make a nearby figure a guideline's: a limit stated, or a guideline, case or clause cited.
CONTEXT = re.compile(r"指引|案例|第[一二三四五六七八九十百]+条|原则上|一般|不超过|不高于|不低于|不少于|不多于|不短于|"
                     r"不长于|不得|≤|≥|上限|下限|至少|最多|默认|达到|以上|之间|区间内|"
                     r"principally|as a rule|never more|at most|at least|\bcap\b|\bfloor\b|\blimit")
NEAR = 30  # characters either side of a figure that count as its context

# (file, literal as written, why it is not a guideline figure). Each entry must still match: a stale
# entry fails too, so the list stays as short as the code allows.
ALLOWED: tuple[tuple[str, str, str], ...] = (
    ("calculators/performance.py", "10%", "how a share is typed (“10% 写作 0.1”) in an input error, not the case's quota"),
    ("calculators/performance.py", "40%", "how a weight is typed (“40% 写作 0.4”) in an input error, not the KPI cap"),
)
# What a user might type, given as an example (ask="如“…”"), is no guideline's figure.
EXAMPLE = re.compile(r"如“[^”\n]*”")



def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _written(value: Decimal, unit: str | None) -> list[str]:
    """Regexes for the ways a figure of this unit is written in Chinese text and code."""
    n = re.escape(_plain(value))
    alone = rf"(?<![\d.]){n}(?![\d.])"
    if unit == "比例":
        percent = value * 100
        forms = [rf"(?<![\d.]){re.escape(_plain(percent))}\s*[%％]"]
        if percent == percent.to_integral_value():
            forms.append(rf"百分之{int_to_cn(int(percent))}(?![一二三四五六七八九十])")
        return forms
    if unit == "倍":
        return [rf"{alone}\s*倍", rf"×\s*{alone}"]
    if unit and unit.startswith("元"):
        return [rf"(?<![\d.,]){n}\s*元"]
    if unit in ("个", "级", "年", "月", "人", "档", "分位", "次"):
        word = "个?月" if unit == "月" else re.escape(unit)
        span = r"\s*[-–~～至到]\s*\d+"
        return [rf"{alone}(?:{span})?\s*{word}", rf"\d+\s*[-–~～至到]\s*{n}\s*{word}"]
    return []


def _ranges() -> Iterator[tuple[str, list[str]]]:
    """A span of two parameters (`x_min`, `x_max`) written bare, as in "5–9" or "1至3"."""
    found = all_parameters()
    for key, low in found.items():
        if key.endswith("_min") and key[:-4] + "_max" in found:
            high = found[key[:-4] + "_max"]
            if isinstance(low.value, (int, Decimal)) and isinstance(high.value, (int, Decimal)):
                ends = [_plain(Decimal(v)) for v in (low.value, high.value)]
                yield rf"(?<![\d.]){ends[0]}\s*[-–~～至到]\s*{ends[1]}(?![\d.])", [key, high.key]


def _patterns() -> list[tuple[re.Pattern[str], list[str]]]:
    by_form: dict[str, list[str]] = {}
    for key, p in all_parameters().items():
        for value in figures_of(p.value):
            for form in _written(value, p.unit):
                by_form.setdefault(form, []).append(key)
    for form, keys in _ranges():
        by_form.setdefault(form, []).extend(keys)
    return [(re.compile(form), keys) for form, keys in by_form.items()]


PATTERNS = _patterns()


def _files() -> Iterator[Path]:
    for folder, endings in SCANNED:
        for ending in endings:
            for path in sorted((ROOT / folder).rglob(f"*.{ending}")):
                if "parameters" not in path.relative_to(ROOT).parts:  # the figures' own home
                    yield path


def retyped(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line, literal, parameter keys) for each parameter value written in a guideline context."""
    text = EXAMPLE.sub(lambda m: " " * len(m.group(0)), text)  # blanked, so line numbers and offsets stay
    for pattern, keys in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            # Context stays within the figure's own line: the next line is another statement.
            around = text[max(line_start, start - NEAR):start] + text[end:min(line_end, end + NEAR)]
            if CONTEXT.search(around):
                yield text.count("\n", 0, start) + 1, match.group(0), keys


def _found() -> list[tuple[str, int, str, list[str]]]:
    return [(str(path.relative_to(ROOT)), line, literal, keys)
            for path in _files() for line, literal, keys in retyped(path.read_text(encoding="utf-8"))]


FOUND = _found()


def test_the_scan_knows_the_ways_figures_are_written():
    def keys(text: str) -> set[str]:
        return {k for _, _, ks in retyped(text) for k in ks}

    assert "dividend.recipients_max_share" in keys("激励人数一般不超过在岗职工总数的 30%")
    assert "dividend.recipients_max_share" in keys("人数 ≤ 百分之三十")
    assert "chief_technician.pay_multiple" in keys("不低于平均工资 2.8 倍")
    assert {"kpi.count_min", "kpi.count_max"} <= keys("指标原则上 5-9 个")
    assert "cycles.adjustment_years_max" in keys("一般以1至3年为周期")
    assert "allowances.apprentice_monthly" in keys("默认 300 元")
    assert "kpi.count_min" in keys("principally 5–9 indicators")
    # what users type, or a figure with no guideline word near it, is not a retyped figure
    assert not keys("如“利润40%、营业收入30%”") and not keys("40% 写作 0.4") and not keys("第 3 薪级")
    assert not keys("如“1500万以上20%”") and not keys("共 5 个岗位") and not keys("指引第三条\n\n利润增长30%")


def test_no_guideline_figure_is_retyped_outside_the_parameters():
    allowed = {(path, literal) for path, literal, _ in ALLOWED}
    retyped_here = [f"{path}:{line}: {literal} ({'、'.join(keys[:3])})"
                    for path, line, literal, keys in FOUND if (path, literal) not in allowed]
    assert retyped_here == [], "read these from the parameter (param / param_text / {key} in data):\n" + "\n".join(retyped_here)


def test_every_allowed_coincidence_is_still_there():
    stale = [(path, literal) for path, literal, reason in ALLOWED
             if not reason or not any(p == path and lit == literal for p, _, lit, _ in FOUND)]
    assert stale == []


def test_names_kept_as_data_show_the_parameters_figures():
    from assistant.review.applicability import table as review_table
    from calculators.applicability import rule_spec
    from calculators.errors import CalculationError
    from calculators.params import fill, param, param_text

    assert fill("一般不超过{kpi.count_limit}个，权重不超过{kpi.weight_max}") == \
        f"一般不超过{param('kpi.count_limit')}个，权重不超过{param_text('kpi.weight_max')}"
    with pytest.raises(CalculationError, match=r"kpi\.no_such"):
        fill("{kpi.no_such}")
    years = (param("cycles.adjustment_years_min"), param("cycles.adjustment_years_max"))
    assert f"{years[0]}至{years[1]}年" in review_table().rules["adjustment-mechanism"].name
    assert f"{years[0]}至{years[1]}年" in rule_spec("adjustment-mechanism").title
    assert not any("{" in spec.name for spec in review_table().rules.values())


# Templates, drafting and review rules write a scheme's words and the review's: there a parameter's
# figure is never right as a literal, whatever words stand near it (docstrings and comments aside).
STRICT = (("doc_templates", ("py", "j2", "yaml")), ("assistant/review", ("py", "yaml")))
SAMPLE_COMPANIES = "doc_templates/examples"  # example profiles: a company's own figures, not the drafter's


def _code_only(path: Path) -> str:
    """The file's text with docstrings and comments blanked (same length, so lines stay)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    import ast
    import io
    import tokenize

    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                spans.append((offsets[first.lineno - 1] + first.col_offset, offsets[first.end_lineno - 1] + first.end_col_offset))  # type: ignore[operator]
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            start = offsets[token.start[0] - 1] + token.start[1]
            spans.append((start, start + len(token.string)))
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in chars[start:end]]
    return "".join(chars)


def _strict_found() -> list[str]:
    found = []
    for folder, endings in STRICT:
        for ending in endings:
            for path in sorted((ROOT / folder).rglob(f"*.{ending}")):
                if path.is_relative_to(ROOT / SAMPLE_COMPANIES):
                    continue
                text = EXAMPLE.sub(lambda m: " " * len(m.group(0)), _code_only(path))
                for pattern, keys in PATTERNS:
                    for match in pattern.finditer(text):
                        line = text.count("\n", 0, match.start()) + 1
                        found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)} ({'、'.join(keys[:3])})")
    return found


def test_templates_drafting_and_review_write_no_parameter_figure_at_all():
    assert _strict_found() == [], "read these from the parameter (param / param_text / {key} in data)"


def test_the_strict_scan_sees_code_but_not_prose(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""激励人数不超过 30%."""\n# 2.8 倍\nLIMIT = "不超过 30%"\n', encoding="utf-8")
    blanked = _code_only(sample)
    assert blanked.count("30%") == 1 and "2.8 倍" not in blanked and blanked.count("\n") == 3
