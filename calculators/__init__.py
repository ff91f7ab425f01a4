"""PayGuide calculators: pure, deterministic, exact (Decimal money) and cited.

    >>> import calculators
    >>> calculators.run("points-allocation", {"pool": 500000, "scores": {"生产部": 3000, "技术部": 2000}})["allocations"]
    {'生产部': Decimal('300000.00'), '技术部': Decimal('200000.00')}

Every result holds `citations` (unit ids such as ``qujing_skill/art-8``) and a `trace` with the
formula in Chinese and the numbers put into it. Guideline figures live in `parameters/*.yaml`.
"""

from __future__ import annotations

# Importing a family module registers its calculators (`calc list` puts DESIGN.md's table first).
from . import (  # noqa: F401
    allocation,  # points-allocation, piece-rate-allocation, point-value
    allowances,  # allowance-schedule, chief-technician-pay
    compliance,  # two-lower-check, wage-total-linkage, dividend-check, pay-mix-check, job-grade-quota
    conversion,  # pay-conversion (套改测算)
    incentives,  # excess-profit-sharing, annual-salary-split
    ladders,  # ladder, post-wage-table, seniority-pay
    market,  # broadband, market-percentiles, pay-regression
    performance,  # forced-distribution, kpi-check, grade-count-check
)
from .errors import CalculationError
from .registry import CalculatorInfo, field_label, get_calculator, list_calculators, run

__all__ = ["CalculationError", "CalculatorInfo", "field_label", "get_calculator", "list_calculators", "run"]
