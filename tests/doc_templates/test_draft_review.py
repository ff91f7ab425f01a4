"""Every drafted sample and every profile these tests draft reviews with 0 违反 under `payguide review`."""

from __future__ import annotations

import pytest
from draft_helpers import EXAMPLES, minimal_profile

import doc_templates
from assistant.review import review_file
from doc_templates import Profile

SOE = {"name": "测试供电有限公司", "ownership": "国有", "industry": "电力供应", "region": "曲靖市"}
PROFILES = {
    "bare private": minimal_profile(),
    "bare state-owned": minimal_profile(company=SOE),
    "accepted suggestions": minimal_profile(accept=["基础工资", "年功工资", "薪级工资", "起点薪级"]),
    "outside 曲靖, no region": minimal_profile(company={"name": "某某有限公司", "ownership": "国有", "industry": "软件"}),
    "private, growth above profit": minimal_profile(budget={"annual_wage_total": 1_000_000, "performance_pool": 200_000,
                                                           "wage_total_growth": 0.09, "profit_growth": 0.02}),
}


def _errors(path) -> list[str]:
    report = review_file(path)
    assert not report.facts.get("skipped_rules"), report.facts.get("skipped_rules")
    return [f"{f.rule}: {f.message} ← {f.evidence}" for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_samples_review_clean(drafted, name):
    assert _errors(drafted[name].path) == []


@pytest.mark.parametrize("label", list(PROFILES))
def test_test_profiles_review_clean(tmp_path, label):
    report = doc_templates.draft_document(Profile.model_validate(PROFILES[label]), tmp_path / "x.docx")
    assert _errors(report.path) == []
