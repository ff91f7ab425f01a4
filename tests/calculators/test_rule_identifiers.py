"""One identifier per rule: the shared table (calculators/parameters/applicability.yaml) names each
rule once and lists the calculators' finding names it covers (`findings`). Drafting weighs a finding
by the rule it maps to, and a finding that maps to none is taken for a typical case's reference
figure, never binding: a clause's finding left out of the table would be silently softened."""

from __future__ import annotations

import re
from pathlib import Path

from calculators.applicability import rule_for_finding, table
from calculators.params import all_parameters

ROOT = Path(__file__).resolve().parents[2]
NAME = r"""f?["']([a-z_]+\.[a-z_{}]+)["']"""
# A finding's name is the first argument of `_finding`/`_lower`, a `rule=` keyword, or a `rule = …` choice.
EMITTED_AT = re.compile(rf"(?:_finding\(|_lower\(|rule=){NAME}")
CHOSEN = re.compile(r"^\s*rule = .*$", re.MULTILINE)

# Findings about a typical case's figures (案例): reference practice, deliberately in no rule.
CASE_FINDINGS = {
    "allowance.team_leader": "班组长津贴 range of 曲靖案例2",
    "chief_technician.pay": "首席技师 2.8-times pay of 曲靖案例2",
    "job_quota.{grade}": "skill-grade quotas of 曲靖案例4",
    "broadband.width": "band width against 曲靖案例4 and 科技人才案例3",
    "broadband.order": "band medians in order: a note on the input",
    "broadband.overlap": "overlap of adjacent bands: a note on the input",
    "post_wage.order": "post grades in order: a note on the input",
    "forced_distribution.tie": "how a tie in rounding was broken: a note on the result",
    "excess_profit.scope": "which profit the tiers apply to: a note on the input",
}
# One check serving two rules: the caller knows which series it checked.
SHARED = {"steps.arithmetic", "steps.monotonic"}


def _emitted() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "calculators").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        names.update(EMITTED_AT.findall(text))
        names.update(n for line in CHOSEN.findall(text) for n in re.findall(NAME, line))
    return names


def test_every_finding_of_a_clause_maps_to_a_rule():
    emitted = _emitted()
    assert "kpi.count" in emitted and "job_quota.{grade}" in emitted  # the scan sees both spellings
    unmapped = sorted(name for name in emitted - set(CASE_FINDINGS) if rule_for_finding(name) is None)
    assert unmapped == []


def test_the_table_lists_only_findings_the_calculators_emit():
    listed = {name for spec in table().rules.values() for name in spec.findings}
    assert sorted(listed - _emitted()) == []
    assert sorted(set(CASE_FINDINGS) - _emitted()) == []


def test_a_finding_belongs_to_one_rule():
    owners: dict[str, list[str]] = {}
    for spec in table().rules.values():
        for name in spec.findings:
            owners.setdefault(name, []).append(spec.id)
    assert {name: ids for name, ids in owners.items() if len(ids) > 1 and name not in SHARED} == {}


# Article figures that describe rather than limit: the pay strategies' market positions (第四十七条).
DESCRIPTIVE_PARAMS = {"market.lead_percentile", "market.match_percentile", "market.lag_percentile"}
# Rules whose check has no figure of its own: equal differences between pay steps.
FIGURELESS_CHECKS = {"seniority-arithmetic", "pay-step-arithmetic"}


def test_a_rules_figures_are_named_in_the_table_once():
    parameters = all_parameters()
    owners: dict[str, list[str]] = {}
    for spec in table().rules.values():
        for key in spec.params:
            owners.setdefault(key, []).append(spec.id)
    assert sorted(set(owners) - set(parameters)) == []
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}
    # a figure a clause sets (not a case's) belongs to a rule, so the rule, its finding and its figure line up
    from_articles = {key for key, p in parameters.items() if "/art-" in p.reference and not key.startswith("applicability.")}
    assert sorted(from_articles - set(owners) - DESCRIPTIVE_PARAMS) == []


def test_a_rule_that_checks_figures_names_them():
    unnamed = [spec.id for spec in table().rules.values()
               if spec.findings and not spec.params and spec.id not in FIGURELESS_CHECKS]
    assert unnamed == []
