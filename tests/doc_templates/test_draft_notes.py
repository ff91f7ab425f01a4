"""The 编制说明 and the checks of the profile's own figures: a binding breach is refused (or, when
allowed, listed as 违反 in the notes); advice and case figures are 提醒 in the notes only."""

from __future__ import annotations

import pytest
from draft_helpers import EXAMPLES, body_text, docx_files, minimal_profile, table_after

import doc_templates
from doc_templates import ComplianceError, Profile

SOE = {"name": "测试供电有限公司", "ownership": "国有", "industry": "电力供应", "region": "曲靖市"}
BREACH = {"annual_wage_total": 1_000_000, "performance_pool": 200_000, "wage_total_growth": 0.09, "profit_growth": 0.02}


def test_state_owned_breach_of_two_lower_is_refused_with_the_clause(tmp_path):
    profile = Profile.model_validate(minimal_profile(company=SOE, budget=BREACH))
    with pytest.raises(ComplianceError) as caught:
        doc_templates.draft_document(profile, tmp_path / "x.docx")
    message = str(caught.value)
    assert "未生成方案" in message and "9%" in message and "2%" in message
    assert "薪酬总额的增长低于企业经济效益的增长" in message  # the clause, quoted
    assert "《曲靖市企业技能人才薪酬分配指引（试行）》第五条" in message and "--allow-findings" in message
    assert "\n" not in message and docx_files(tmp_path) == []
    assert [f.rule for f in caught.value.findings] == ["two-lower"]


def test_allowed_breach_is_drafted_and_listed_as_violation_in_the_notes(tmp_path):
    profile = Profile.model_validate(minimal_profile(company=SOE, budget=BREACH))
    report = doc_templates.draft_document(profile, tmp_path / "x.docx", allow_findings=True)
    assert [f.severity for f in report.findings] == ["error"]
    rows = table_after(report.notes_path, "企业概况数据对照检查")
    assert rows[1][0] == "违反" and "第五条" in rows[1][2]
    assert "--allow-findings" in body_text(report.notes_path, annex=True)


def test_the_same_figures_are_no_breach_for_a_private_firm(tmp_path):
    report = doc_templates.draft_document(Profile.model_validate(minimal_profile(budget=BREACH)), tmp_path / "x.docx")
    assert report.findings == []
    text = body_text(report.path)
    assert "两个低于" not in text and "调减" not in text and "9%" not in text


def test_kpi_over_the_limit_binds_state_owned_only(tmp_path):
    kpis = {"components": {"performance": {"kpis": {"利润": 0.6, "收入": 0.4}}}}
    with pytest.raises(ComplianceError, match="超过单一指标上限 40%"):
        doc_templates.draft_document(Profile.model_validate(minimal_profile(company=SOE, **kpis)), tmp_path / "a.docx")
    report = doc_templates.draft_document(Profile.model_validate(minimal_profile(**kpis)), tmp_path / "b.docx")
    assert {f.severity for f in report.findings} == {"warning"}
    assert all(f.rule.startswith("kpi") for f in report.findings)
    text = body_text(report.path)
    assert "指标个数原则上为" not in text  # never claims compliance it does not have
    assert "提醒" in body_text(report.notes_path, annex=True)


def test_case_figures_are_only_reminders(tmp_path):
    data = minimal_profile(components={"allowances": {"team_leader": {"min": 300, "max": 900}}})
    report = doc_templates.draft_document(Profile.model_validate(data), tmp_path / "x.docx")
    assert [f.severity for f in report.findings] == ["warning"] and report.findings[0].rule == ""
    rows = table_after(report.notes_path, "企业概况数据对照检查")
    assert rows[1][0] == "提醒" and "典型案例2" in rows[1][2]


def test_dividend_and_pay_mix_bind_state_owned_firms(tmp_path):
    leading = {"leading_talent": {"post_dividend": {"recipients": 10, "tech_skill_recipients": 2}}}
    with pytest.raises(ComplianceError) as caught:
        doc_templates.draft_document(Profile.model_validate(minimal_profile(company=SOE, components=leading)),
                                     tmp_path / "a.docx")
    assert {f.rule for f in caught.value.findings} == {"dividend-recipients", "dividend-tech-share"}
    research = {**SOE, "research_staff": {"基础研究": 3}}
    mix = {"performance": {"research_base_share": {"基础研究": 0.5}}}
    with pytest.raises(ComplianceError, match="60%"):
        doc_templates.draft_document(Profile.model_validate(minimal_profile(company=research, components=mix)),
                                     tmp_path / "b.docx")


@pytest.mark.parametrize("name", EXAMPLES)
def test_notes_say_what_applies_and_what_was_left_out(drafted, name):
    report = drafted[name]
    profile = doc_templates.load_example(name)
    notes = body_text(report.notes_path, annex=True)
    assert notes.startswith(f"{profile.company.name}薪酬分配方案编制说明")
    rows = table_after(report.notes_path, "各指引对本企业的适用")
    status = {r[0]: r[1] for r in rows[1:]}
    assert status["《国有企业内部薪酬分配指引》"] == ("约束" if profile.state_owned else "参考")
    for item in report.defaulted:
        assert item.split("：", 1)[0] in notes
    assert "（依据：《" in notes or not report.defaulted


def test_case_references_are_quoted_from_the_parameters(drafted):
    notes = body_text(drafted["private-manufacturer"].notes_path, annex=True)
    from calculators.params import parameter

    for key in ("allowances.skill_case2", "allowances.apprentice_monthly", "forced_distribution.quotas"):
        assert parameter(key).quote in notes, key
    assert parameter("allowances.skill_case2").quote not in body_text(drafted["private-manufacturer"].path)


def test_accepted_suggestions_enter_the_scheme_and_are_recorded(tmp_path):
    data = minimal_profile(accept=["薪级工资", "起点薪级", "基础工资"])
    report = doc_templates.draft_document(Profile.model_validate(data), tmp_path / "x.docx")
    assert "岗位工资与薪级工资" in report.chapters
    text = body_text(report.path)
    assert "基础工资实行全体职工一个标准" in text
    notes = body_text(report.notes_path, annex=True)
    assert "采纳的编制建议值" in notes and "企业采纳编制建议" in notes
    starts = {r[0]: r[4] for r in table_after(report.path, "岗位工资标准及起点薪级")[1:]}
    assert starts["普工"] == "第1级" and starts["技师"] != "第1级"
