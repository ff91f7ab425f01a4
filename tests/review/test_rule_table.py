"""The one rule table: whom each guideline binds, how a clause's words set the severity, and every
rule accounted for in every review (checked, or not applicable with the reason)."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_samples import scheme_text

from assistant.review import review_file, review_text
from assistant.review.applicability import (
    Context,
    Level,
    Modality,
    Ownership,
    StaffKind,
    Status,
    decide,
    severity,
    table,
)
from calculators.severity import LABELS, Severity

DEV = Path(__file__).resolve().parents[1] / "review_data" / "dev"
QUJING_SOE = Context(ownership=Ownership.STATE, region="曲靖市", staff=frozenset({StaffKind.SKILL}))
QUJING_PRIVATE = Context(ownership=Ownership.NON_PUBLIC, region="曲靖市麒麟区")
ELSEWHERE_SOE = Context(ownership=Ownership.STATE, region="大理")
ELSEWHERE_PRIVATE = Context(ownership=Ownership.NON_PUBLIC, region="深圳")


def test_every_rule_cites_a_guideline_of_the_shared_table_and_a_modality():
    from calculators.applicability import table as shared

    for spec in table().rules.values():
        for ownership in Ownership:
            assert spec.clause_for(ownership).split("/")[0] in shared().guidelines and spec.name and spec.quote_for(ownership)
        assert isinstance(spec.modality, Modality)


def test_whom_a_guideline_binds_comes_from_the_shared_table():
    # no second copy of the guideline → binds table, clauses or modalities in the review
    text = (Path(__file__).resolve().parents[2] / "assistant" / "review" / "rules.yaml").read_text(encoding="utf-8")
    assert "guidelines:" not in text and "clause:" not in text and "modality:" not in text


@pytest.mark.parametrize("ctx, rule, status", [
    (QUJING_SOE, "two-lower", Status.BINDING),
    (QUJING_PRIVATE, "two-lower", Status.NOT_APPLICABLE),  # 第五条 is for state-owned firms
    (QUJING_PRIVATE, "wage-fit-productivity", Status.BINDING),  # 第六条 instead
    (QUJING_SOE, "collective-negotiation", Status.NOT_APPLICABLE),
    (ELSEWHERE_SOE, "two-lower", Status.REFERENCE),  # the 曲靖 guideline outside 曲靖
    (ELSEWHERE_SOE, "kpi-count", Status.BINDING),
    (ELSEWHERE_PRIVATE, "kpi-count", Status.REFERENCE),  # state-owned guidelines guide a private firm
    (QUJING_PRIVATE, "tech-pay-vs-management", Status.REFERENCE),
    (QUJING_SOE, "basic-wage-price-adjust", Status.ADVISORY),  # 可
    (Context(), "two-lower", Status.NOT_APPLICABLE),  # ownership unknown: taken as 非公有制, and said so
])
def test_decisions(ctx, rule, status):
    decision = decide(ctx, rule)
    assert decision.status is status and decision.reason


@pytest.mark.parametrize("status, modality, level, expected", [
    (Status.BINDING, Modality.MUST, Level.BREACH, Severity.ERROR),
    (Status.BINDING, Modality.LIMIT, Level.ADVICE, Severity.WARNING),
    (Status.ADVISORY, Modality.MAY, Level.BREACH, Severity.WARNING),
    (Status.REFERENCE, Modality.MUST, Level.BREACH, Severity.WARNING),
    (Status.REFERENCE, Modality.MAY, Level.BREACH, Severity.INFO),
    (Status.BINDING, Modality.MUST, Level.PRACTICE, Severity.INFO),
])
def test_severity_follows_the_clause_and_whom_it_binds(status, modality, level, expected):
    from assistant.review.applicability import Decision

    decision = Decision(rule="x", clause="soe_internal/art-28", status=status, modality=modality, reason="…")
    assert severity(decision, level) is expected


def test_one_severity_vocabulary():
    assert [LABELS[s] for s in Severity] == ["违反", "提醒", "提示"]
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert Severity.from_label("提醒") is Severity.WARNING


SCHEMES = sorted(p for p in DEV.iterdir() if p.suffix in (".md", ".txt", ".docx"))


@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.name)
def test_no_rule_is_skipped_silently(path):
    report = review_file(path)
    assert [r.rule for r in report.rules] == list(table().rules)
    for r in report.rules:
        assert r.status in {s.value for s in Status} and r.reason
        if r.status == Status.NOT_APPLICABLE.value:
            assert r.findings == 0 and "企业" in r.reason


def test_the_report_says_what_was_assumed():
    report = review_text(scheme_text())
    assumed = {a.topic: a for a in report.assumptions}
    assert assumed["所有制"].value == "国有" and "国有控股" in assumed["所有制"].reason
    assert assumed["所在地区"].value.startswith("曲靖") and "曲靖" in assumed["所在地区"].reason
    assert assumed["适用人员"].value == "技能"
