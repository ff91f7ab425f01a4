"""Parameters: every guideline figure has a real reference and a quote found in that clause."""

from __future__ import annotations

from decimal import Decimal

import pytest
from calc_helpers import squeeze, unit_id_problem

import calculators
import knowledge
from calculators.params import Parameter, all_parameters, param, parameter

PARAMS = list(all_parameters().values())


def test_parameters_are_loaded_with_exact_values():
    assert len(PARAMS) >= 40
    assert param("kpi.weight_max") == Decimal("0.40") and isinstance(param("kpi.weight_max"), Decimal)
    assert param("kpi.count_min") == 5 and param("kpi.count_limit") == 11
    assert parameter("kpi.weight_min").reference == "soe_internal/art-28"
    assert param("allowances.skill_case4") == {"高级技师": 800, "技师": 500, "高级工": 300, "中级工": 100}
    assert param("forced_distribution.quotas") == {"A": Decimal("0.1"), "B": Decimal("0.8"), "C": Decimal("0.1")}


@pytest.mark.parametrize(
    "key, value, reference",
    [
        ("kpi.count_max", 9, "soe_internal/art-28"),
        ("pay_mix.basic_research_base_min", Decimal("0.6"), "soe_tech/art-34"),
        ("pay_mix.applied_research_performance_min", Decimal("0.5"), "soe_tech/art-34"),
        ("dividend.recipients_max_share", Decimal("0.3"), "soe_tech/art-40"),
        ("dividend.tech_skill_min_share", Decimal("0.6"), "soe_tech/art-40"),
        ("market.lead_percentile", 75, "soe_tech/art-47"),
        ("market.match_percentile", 50, "soe_tech/art-47"),
        ("market.lag_percentile", 25, "soe_tech/art-47"),
        ("grades.small_min", 3, "soe_tech/art-18"),
        ("grades.large_max", 7, "soe_tech/art-18"),
        ("allowances.apprentice_monthly", 300, "qujing_skill/case-2"),
        ("allowances.team_leader_min", 100, "qujing_skill/case-2"),
        ("allowances.team_leader_max", 500, "qujing_skill/case-2"),
        ("chief_technician.pay_multiple", Decimal("2.8"), "qujing_skill/case-2"),
        ("job_quota.limits", {"高级技师": Decimal("0.02"), "技师": Decimal("0.05"), "高级工": Decimal("0.1"), "中级工": Decimal("0.2")}, "qujing_skill/case-4"),
        ("broadband.spread", Decimal("0.2"), "soe_tech/case-3"),
        ("wage_total.wage_total_below_benefit", "lt", "qujing_skill/art-5"),
    ],
)
def test_issue_figures(key, value, reference):
    assert param(key) == value
    assert parameter(key).reference == reference


@pytest.mark.parametrize("p", PARAMS, ids=[p.key for p in PARAMS])
def test_reference_is_a_real_unit(p: Parameter):
    for unit in (p.reference, *p.see_also):
        assert unit_id_problem(unit) is None, unit_id_problem(unit)
    assert p.description and p.quote, "each parameter says what it is and quotes its clause"


@pytest.mark.parametrize("p", PARAMS, ids=[p.key for p in PARAMS])
def test_quote_is_in_the_referenced_clause(p: Parameter):
    """Each parameter's quote is in the citable unit it names (the repository's cleaned copy)."""
    unit = knowledge.get_unit(p.reference)
    assert unit is not None, f"{p.reference} is not a unit"
    assert squeeze(p.quote) in squeeze(unit.text), f"{p.key}: quote not in {p.reference}"


@pytest.mark.parametrize("info", calculators.list_calculators(), ids=lambda i: i.name)
def test_calculator_citations_are_real_units(info):
    assert info.citations
    for unit in info.citations:
        assert unit_id_problem(unit) is None, unit_id_problem(unit)
    result = calculators.run(info.name, info.example)
    cited = result["citations"] + [c for f in result.get("findings", []) for c in f["citations"]]
    for unit in cited:
        assert unit_id_problem(unit) is None, unit_id_problem(unit)


def test_bad_unit_ids_are_rejected():
    assert unit_id_problem("soe_tech/art-56")
    assert unit_id_problem("soe_internal/art-43")
    assert unit_id_problem("qujing_skill/case-6")
    assert unit_id_problem("soe_tech/appendix-1")
    assert unit_id_problem("qujing_skill/art8")
    assert unit_id_problem("qujing_skill/appendix-1") is None
