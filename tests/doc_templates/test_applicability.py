"""The applicability table (calculators.applicability): whom each guideline, clause and rule binds,
decided for every sample and for the cases DESIGN.md names."""

from __future__ import annotations

import pytest
from draft_helpers import EXAMPLES

import doc_templates
import knowledge
from calculators.applicability import (
    CompanyContext,
    Modality,
    Ownership,
    StaffKind,
    Status,
    context_from,
    decide,
    decide_guideline,
    decisions,
    rule_for_finding,
    rule_ids,
    rule_spec,
    table,
)
from calculators.errors import CalculationError
from doc_templates.plan import company_context

STATE_QUJING = context_from("国有", "曲靖市", "电力供应", ["技能", "管理"])
PRIVATE_QUJING = context_from("非公有制", "曲靖市麒麟区", "餐饮", ["技能", "管理"])
STATE_ELSEWHERE = context_from("国有", "昆明市", "软件开发", ["专业技术", "应用研究"])


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_every_quote_is_in_its_clause():
    for spec in table().rules.values():
        for ownership in (None, *Ownership):
            clause, quote = spec.clause_for(ownership), spec.quote_for(ownership)
            unit = knowledge.get_unit(clause)
            assert unit is not None, clause
            assert _squeeze(quote) in _squeeze(unit.text), (spec.id, clause, quote)
    for scope in table().guidelines.values():
        assert _squeeze(scope.quote) in _squeeze(knowledge.get_unit(scope.reference).text)


def test_every_review_rule_has_a_decision():
    """The review's rule ids are the table's: one identifier per rule."""
    from assistant.review.rules import RULES

    assert set(RULES) <= set(rule_ids()), set(RULES) - set(rule_ids())


def test_modality_follows_the_wording():
    assert rule_spec("two-lower").modality is Modality.MUST
    assert rule_spec("kpi-weight").modality is Modality.LIMIT and Modality.LIMIT.binding
    assert rule_spec("okr-pay-link").modality is Modality.MUST_NOT
    assert rule_spec("forced-distribution-small-unit").modality is Modality.MAY and not Modality.MAY.binding
    assert rule_spec("leading-talent-executive-standard").modality is Modality.ENCOURAGE


@pytest.mark.parametrize("ctx, qujing, soe", [
    (STATE_QUJING, Status.BINDING, Status.BINDING),
    (PRIVATE_QUJING, Status.BINDING, Status.REFERENCE),
    (STATE_ELSEWHERE, Status.REFERENCE, Status.BINDING),
])
def test_guidelines_bind_by_ownership_and_region(ctx, qujing, soe):
    assert decide_guideline(ctx, "qujing_skill").status is qujing
    assert decide_guideline(ctx, "soe_tech").status is soe
    assert decide_guideline(ctx, "soe_internal").status is soe
    for doc_id in ("qujing_skill", "soe_tech", "soe_internal"):
        assert decide_guideline(ctx, doc_id).reason  # said in Chinese


def test_article_five_for_state_owned_six_for_private():
    assert decide(STATE_QUJING, "qujing_skill/art-5").status is Status.BINDING
    assert decide(STATE_QUJING, "qujing_skill/art-6").status is Status.NOT_APPLICABLE
    private_five = decide(PRIVATE_QUJING, "qujing_skill/art-5")
    assert private_five.status is Status.NOT_APPLICABLE and private_five.severity is None
    assert "第六条" in private_five.reason
    assert decide(PRIVATE_QUJING, "qujing_skill/art-6").status is Status.BINDING


def test_two_lower_binds_state_owned_firms_only():
    assert decide(STATE_QUJING, "two-lower").severity == "error"
    assert decide(PRIVATE_QUJING, "two-lower").status is Status.NOT_APPLICABLE
    assert decide(STATE_ELSEWHERE, "two-lower").severity == "warning"  # 曲靖指引 only refers outside 曲靖


def test_collective_negotiation_cites_the_right_clause_for_each():
    assert decide(STATE_QUJING, "collective-negotiation").clause == "soe_internal/art-11"
    assert decide(PRIVATE_QUJING, "collective-negotiation").clause == "qujing_skill/art-6"
    assert decide(STATE_QUJING, "collective-negotiation").binding and decide(PRIVATE_QUJING, "collective-negotiation").binding


def test_research_pay_mix_only_with_research_staff():
    assert decide(STATE_QUJING, "pay-mix-basic-research").status is Status.NOT_APPLICABLE
    assert decide(STATE_ELSEWHERE, "pay-mix-applied-research").binding
    assert decide(STATE_ELSEWHERE, "pay-mix-basic-research").status is Status.NOT_APPLICABLE


def test_manufacturing_clause_only_for_manufacturers():
    maker = context_from("非公有制", "曲靖市", "装备制造（机械加工）", ["技能"])
    assert decide(maker, "skill-representatives").status is Status.ADVISORY
    assert decide(maker, "skill-representatives").severity == "warning"
    assert decide(PRIVATE_QUJING, "skill-representatives").status is Status.NOT_APPLICABLE


def test_advice_of_a_mere_reference_is_only_a_hint():
    assert decide(PRIVATE_QUJING, "kpi-count").severity == "warning"  # a limit, but soe_internal only refers
    assert decide(PRIVATE_QUJING, "forced-distribution-small-unit").severity == "info"
    assert decide(STATE_QUJING, "forced-distribution-small-unit").severity == "warning"


def test_cases_are_references_never_binding():
    decision = decide(STATE_QUJING, "qujing_skill/case-2")
    assert decision.status is Status.REFERENCE and decision.severity == "info" and "参考" in decision.reason


def test_measures_scope_rules_to_what_a_scheme_sets():
    ctx = STATE_QUJING.model_copy(update={"measures": frozenset({"kpi"})})
    assert decide(ctx, "kpi-weight").binding
    assert decide(ctx, "dividend-recipients").status is Status.NOT_APPLICABLE
    assert decide(STATE_QUJING, "dividend-recipients").binding  # unknown measures: kept


def test_unknown_facts_are_assumed_and_said():
    decision = decide(CompanyContext(), "two-lower")
    assert decision.status is Status.NOT_APPLICABLE
    assert any("所有制" in a for a in decision.assumptions)
    assert any("曲靖市" in a for a in decide_guideline(CompanyContext(), "qujing_skill").assumptions)


def test_loose_values_and_errors_in_chinese():
    assert context_from("国企").ownership is Ownership.STATE
    assert context_from("民营", staff=["技能"]).staff == frozenset({StaffKind.SKILL})
    with pytest.raises(CalculationError, match="所有制"):
        context_from("外资")
    with pytest.raises(CalculationError, match="没有规则"):
        decide(STATE_QUJING, "no-such-rule")


def test_finding_names_map_to_rules():
    assert rule_for_finding("kpi.weight_max") == "kpi-weight"
    assert rule_for_finding("two_lower.wage_total") == "two-lower"
    assert rule_for_finding("chief_technician.pay") is None  # a case figure: no binding rule


def test_decisions_cover_every_rule():
    found = decisions(STATE_QUJING)
    assert [d.target for d in found] == rule_ids()
    assert all(d.reason for d in found)


# ---- the samples ----------------------------------------------------------------------------

EXPECTED = {
    # name: (qujing binds, soe guidelines bind, research pay-mix applies, manufacturing clause applies)
    "power-supply-station": (Status.BINDING, Status.BINDING, False, False),
    "private-manufacturer": (Status.BINDING, Status.REFERENCE, False, True),
    "private-restaurant": (Status.BINDING, Status.REFERENCE, False, False),
    "soe-power": (Status.BINDING, Status.BINDING, False, False),
    "soe-tech": (Status.REFERENCE, Status.BINDING, True, False),
}


def test_expectations_cover_all_samples():
    assert sorted(EXPECTED) == EXAMPLES


@pytest.mark.parametrize("name", EXAMPLES)
def test_sample_decisions(name):
    qujing, soe, research, manufacturing = EXPECTED[name]
    profile = doc_templates.load_example(name)
    ctx = company_context(profile)
    assert decide_guideline(ctx, "qujing_skill").status is qujing
    assert decide_guideline(ctx, "soe_internal").status is soe
    assert decide(ctx, "pay-mix-applied-research").applies is research
    assert decide(ctx, "skill-representatives").applies is manufacturing
    assert decide(ctx, "two-lower").applies is profile.state_owned
    assert decide(ctx, "collective-negotiation").clause == ("soe_internal/art-11" if profile.state_owned
                                                            else "qujing_skill/art-6")
