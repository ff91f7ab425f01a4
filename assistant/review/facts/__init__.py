"""Facts a rule needs, read from the scheme by the shared reader (`knowledge.reader`) and joined
across articles and tables. Each fact is typed and carries the scheme's own sentence or table row
as evidence, so a finding can show the scheme's words.

    read_facts(scheme, check) → SchemeFacts
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import Field

from ..scheme import Scheme
from .assessment import (
    CategoryWeights,
    Cycle,
    Distribution,
    KpiSet,
    basic_research_cycles,
    category_weights,
    distributions,
    kpi_sets,
)
from .common import Facts, Figure, Mentioned
from .people import Chief, Dividend, chief, dividend
from .statements import COMPONENTS, Increment, Priority, Statements, statements
from .structure import (
    Adjustment,
    AnnualSalary,
    BasicWage,
    PayMix,
    PayPart,
    Research,
    SeriesKind,
    StepSeries,
    TechVsManagement,
    adjustments,
    annual_salary,
    basic_wage,
    grade_promotion,
    pay_mix,
    step_series,
    tech_vs_management,
)
from .totals import Growth, SubsidiaryGrowth, growth, subsidiaries

T = TypeVar("T")


class SchemeFacts(Facts):
    growth: Growth
    subsidiaries: list[SubsidiaryGrowth] = Field(default_factory=list)
    dividend: Dividend | None = None
    chief: Chief | None = None
    basic_wage: BasicWage | None = None
    steps: list[StepSeries] = Field(default_factory=list)
    pay_mix: list[PayMix] = Field(default_factory=list)
    annual_salary: AnnualSalary | None = None
    tech_vs_management: list[TechVsManagement] = Field(default_factory=list)
    adjustments: list[Adjustment] = Field(default_factory=list)
    kpi_sets: list[KpiSet] = Field(default_factory=list)
    categories: list[CategoryWeights] = Field(default_factory=list)
    distributions: list[Distribution] = Field(default_factory=list)
    basic_research_cycles: list[Cycle] = Field(default_factory=list)
    grade_promotion: Figure | None = None  # years to the next job grade for new staff
    said: Statements


def read_facts(scheme: Scheme, check: Callable[[], None] = lambda: None) -> SchemeFacts:
    """Every fact of the scheme; `check` runs between readers (the review's deadline)."""

    def timed(reader: Callable[[Scheme], T]) -> T:
        check()
        return reader(scheme)

    return SchemeFacts(
        growth=timed(growth), subsidiaries=timed(subsidiaries), dividend=timed(dividend), chief=timed(chief),
        basic_wage=timed(basic_wage), steps=timed(step_series), pay_mix=timed(pay_mix), annual_salary=timed(annual_salary),
        tech_vs_management=timed(tech_vs_management), adjustments=timed(adjustments), kpi_sets=timed(kpi_sets),
        categories=timed(category_weights), distributions=timed(distributions), basic_research_cycles=timed(basic_research_cycles), grade_promotion=timed(grade_promotion),
        said=timed(statements),
    )


__all__ = [
    "COMPONENTS", "Adjustment", "AnnualSalary", "BasicWage", "CategoryWeights", "Chief", "Cycle", "Distribution", "Dividend", "Figure",
    "Growth", "Increment", "KpiSet", "Mentioned", "PayMix", "PayPart", "Priority", "Research", "SchemeFacts", "SeriesKind", "Statements",
    "StepSeries", "SubsidiaryGrowth", "TechVsManagement", "read_facts",
]
