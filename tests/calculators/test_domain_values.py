"""Domain values have one home, calculators.applicability's enums; where a type must list them
(an input model's choices, a profile field kept free of the calculators' import cost) it is
checked against the enum here."""

from __future__ import annotations

from typing import get_args

from calculators.applicability import OWNERSHIP_WORDS, Ownership, Research, ResearchName, StaffKind, context_from
from doc_templates.profile import OwnershipKind, ResearchKind


def test_types_that_list_the_values_list_the_enums():
    assert get_args(ResearchName) == get_args(ResearchKind) == tuple(r.value for r in Research)
    assert get_args(OwnershipKind) == tuple(o.value for o in Ownership)


def test_research_staff_are_the_research_kinds():
    assert {StaffKind.BASIC_RESEARCH.value, StaffKind.APPLIED_RESEARCH.value} == {r.value for r in Research}


def test_every_ownership_word_means_one_ownership_and_each_value_names_itself():
    assert all(OWNERSHIP_WORDS[o.value] is o for o in Ownership)
    assert OWNERSHIP_WORDS["民营"] is Ownership.NON_PUBLIC and OWNERSHIP_WORDS["国企"] is Ownership.STATE
    assert context_from(ownership="国有控股").ownership is Ownership.STATE
