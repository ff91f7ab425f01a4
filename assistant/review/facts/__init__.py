"""Facts a rule needs, read from the scheme's sentences and tables.

Each extractor is small and returns plain JSON-able values with the sentence it rests on
(`evidence`), so a finding can show the scheme's own words. Money and ratios are floats here;
rules turn them into Decimal before calling the calculators' checks.
"""

from __future__ import annotations

from typing import Any, Callable

from ..scheme import Scheme
from .assessment import assessment_cycles, forced_distribution, formulas, kpi_sets, methods, okr_linked, performance_link
from .common import COMPONENTS
from .governance import adjustment, approval, chief_posts, dividend, excess_profit, growth, hq_growth, ownership
from .pay import allowances, annual_salary, basic_wage, components, pay_mix, pay_steps, seniority, single_performance

EXTRACTORS: dict[str, Callable[[Scheme], Any]] = {
    "ownership": ownership,
    "components": components,
    "basic_wage": basic_wage,
    "pay_steps": pay_steps,
    "seniority": seniority,
    "allowances": allowances,
    "pay_mix": pay_mix,
    "annual_salary": annual_salary,
    "single_performance": single_performance,
    "kpi_sets": kpi_sets,
    "forced_distribution": forced_distribution,
    "assessment_cycles": assessment_cycles,
    "performance_link": performance_link,
    "formulas": formulas,
    "methods": methods,
    "okr_linked": okr_linked,
    "growth": growth,
    "hq_growth": hq_growth,
    "dividend": dividend,
    "approval": approval,
    "adjustment": adjustment,
    "chief_posts": chief_posts,
    "excess_profit": excess_profit,
}


def extract_facts(s: Scheme, check: Callable[[], None] = lambda: None) -> dict[str, Any]:
    """All facts; `check` runs between extractors (the review's deadline)."""
    facts: dict[str, Any] = {}
    for name, extractor in EXTRACTORS.items():
        check()
        facts[name] = extractor(s)
    return facts


__all__ = ["COMPONENTS", "EXTRACTORS", "extract_facts"]
