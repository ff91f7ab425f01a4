"""The drafted scheme: chapters fitted to the company, nothing invented, real tables, verbatim quotes."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import docx
import pytest
from docx.oxml.ns import qn
from draft_helpers import (
    EXAMPLES,
    PRIVATE,
    STATE_OWNED,
    body_text,
    docx_files,
    minimal_profile,
    table_after,
)

import doc_templates
import knowledge
from calculators.params import param, parameter
from doc_templates import Profile, ProfileError
from doc_templates.draft import safe_filename

ALWAYS = ["总则", "适用范围", "岗位评价", "薪酬结构", "绩效工资考核与分配", "套改与过渡", "工资支付", "特殊情况下的工资",
          "薪酬调整", "附则", "附件"]


def _open(report) -> docx.document.Document:
    return docx.Document(str(report.path))


def _money(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "").split()[0])


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_fields(drafted, name):
    report = drafted[name]
    assert report.path.is_file() and report.path.suffix == ".docx"
    assert report.notes_path == report.path.with_name(report.path.stem + ".编制说明.docx") and report.notes_path.is_file()
    assert report.conversion_path is None
    assert all(c in report.chapters for c in ALWAYS) and report.chapters[-1] == "附件"
    assert report.citations and all(knowledge.get_unit(u) is not None for u in report.citations)
    assert {"path", "notes", "conversion", "chapters", "defaulted", "citations", "findings"} == set(report.to_dict())


def test_chapters_follow_what_the_profile_sets(drafted):
    restaurant, power = drafted["private-restaurant"].chapters, drafted["soe-power"].chapters
    assert "高技能领军人才激励" not in restaurant and "年功工资" not in restaurant
    assert "高技能领军人才激励" in power and "年功工资" in power and "津贴补贴" in power
    bare = Profile.model_validate(minimal_profile())
    assert bare.components.pay_steps is None


def test_a_bare_profile_states_nothing_it_was_not_given(tmp_path):
    report = doc_templates.draft_document(Profile.model_validate(minimal_profile()), tmp_path / "bare.docx")
    assert "岗位工资" in report.chapters and "岗位工资与薪级工资" not in report.chapters  # 一岗一薪
    assert not {"年功工资", "津贴补贴", "高技能领军人才激励"} & set(report.chapters)
    text = body_text(report.path)
    for invented in ("基础工资实行", "薪级工资第 1 薪级", "技能津贴", "班组长津贴", "师带徒", "职工甲", "考核等次比例为",
                     "2.8 倍", "高级管理人员标准", "5 个工作日", "分配示例"):
        assert invented not in text, invented
    assert "职工代表大会或职工大会" in text  # the guideline's own words where the profile names no body
    notes = body_text(report.notes_path, annex=True)
    for topic in ("基础工资", "年功工资", "薪级工资", "津贴补贴", "考核等次比例", "分配示例", "发薪日"):
        assert topic in notes, topic
    joined = "\n".join(report.defaulted)
    assert "薪级工资" in joined and "津贴补贴" in joined


def _parameter_figures(key: str) -> list[str]:
    """How a parameter's figures read in a document: 2.8, 300 元/月, 10%."""
    value = param(key)
    values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    out = []
    for v in values:
        d = Decimal(v)
        out.append(f"{(d * 100).normalize():f}%" if d < 1 else f"{d.normalize():f}")
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_case_figures_only_in_the_notes(drafted, name):
    """Figures of the guidelines' typical cases are 参考做法: never in the scheme's body."""
    report = drafted[name]
    profile = doc_templates.load_example(name)
    given = profile.model_dump_json()
    text = body_text(report.path)
    for key in ("chief_technician.pay_multiple", "allowances.skill_case2", "allowances.apprentice_monthly",
                "allowances.apprentice_months_max"):
        quote = parameter(key).quote
        assert quote not in text, key
    for key in ("chief_technician.pay_multiple",):
        for figure in _parameter_figures(key):
            assert f"{figure} 倍" not in text or figure in given, (key, figure)
    assert "参照高级管理人员标准" not in text


def test_private_firm_gets_negotiation_not_two_lower(drafted):
    for name in PRIVATE:
        text = body_text(drafted[name].path)
        assert "两个低于" not in text and "调减工资总额增幅" not in text, name
        assert "工资集体协商" in text and "本公司为非公有制企业" in text, name
        assert "qujing_skill/art-5" not in drafted[name].citations and "qujing_skill/art-6" in drafted[name].citations
    restaurant = body_text(drafted["private-restaurant"].path)
    assert "6%" not in restaurant  # its wage growth (above profit growth) is not a two-lower breach for it


def test_state_owned_firm_gets_two_lower_and_negotiation_by_its_congress(drafted):
    for name in STATE_OWNED:
        text = body_text(drafted[name].path)
        assert "两个低于" in text and "为国有企业" in text, name
        assert "工资集体协商" in text and "soe_internal/art-11" in drafted[name].citations, name
        assert "党组织前置研究" in text, name


def test_research_pay_mix_only_where_there_are_researchers(drafted):
    assert "基础研究" in body_text(drafted["soe-tech"].path)
    for name in ("soe-power", "power-supply-station"):
        assert "基础研究" not in body_text(drafted[name].path), name
        assert "soe_tech/art-34" not in drafted[name].citations


def test_industry_fitting_allowances(drafted):
    restaurant_notes = body_text(drafted["private-restaurant"].notes_path, annex=True)
    power_text = body_text(drafted["soe-power"].path)
    assert "野外巡线补贴" in power_text and "带电作业" in power_text
    assert "高温厨房" in body_text(drafted["private-restaurant"].path)
    assert "劳动模范" not in body_text(drafted["private-restaurant"].path)
    assert "劳动模范" in power_text
    notes = body_text(drafted["private-manufacturer"].notes_path, annex=True)
    assert "可提高技能人才占职工方协商代表的比例" in notes  # a manufacturer's 可-clause, offered in the notes
    assert "可提高技能人才占职工方协商代表的比例" not in restaurant_notes


@pytest.mark.parametrize("name", EXAMPLES)
def test_new_chapters_refer_to_law_without_figures(drafted, name):
    text = body_text(drafted[name].path)
    for phrase in ("就近就高", "套改保留工资", "职工工资不因套改而降低", "以货币形式按月支付", "个人所得税",
                   "《中华人民共和国劳动法》第四十四条", "《中华人民共和国劳动合同法》第二十条", "岗位评价"):
        assert phrase in text, phrase
    special = text[text.index("特殊情况下的工资"):text.index("薪酬调整机制")]
    assert "%" not in special and "百分之" not in special and "150" not in special


def test_pay_day_and_job_evaluation_from_the_profile(drafted):
    text = body_text(drafted["soe-power"].path)
    assert "每月 15 日足额支付" in text and "采用要素计分法进行岗位评价" in text and "安全风险" in text
    assert "与职工约定的日期" in body_text(drafted["private-manufacturer"].path)


@pytest.mark.parametrize("name", EXAMPLES)
def test_title_and_page_setup(drafted, name):
    document = _open(drafted[name])
    company = doc_templates.load_example(name).company.name
    title = document.paragraphs[0]
    assert title.text == f"{company}薪酬分配方案" and title.style.name == "Title"
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def _east_asia(element) -> str | None:
    fonts = element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


@pytest.mark.parametrize("name", EXAMPLES)
def test_fonts_and_sizes(drafted, name):
    document = _open(drafted[name])
    expected = {"Normal": ("仿宋", 16), "Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体", 16)}
    for style_name, (font, size) in expected.items():
        style = document.styles[style_name]
        assert _east_asia(style.element) == font, style_name
        assert style.font.size.pt == size, style_name
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(_east_asia(r._r) for r in runs)


@pytest.mark.parametrize("name", EXAMPLES)
def test_headings_and_basis(drafted, name):
    document = _open(drafted[name])
    report = drafted[name]
    h1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    numerals = "一二三四五六七八九十"
    chapters = report.chapters[:-1]
    expected = [f"第{numerals[n] if n < 10 else '十' + numerals[n - 10]}章　{t}" for n, t in enumerate(chapters)]
    assert h1[:len(chapters)] == expected
    assert all(h.startswith("附件") for h in h1[len(chapters):])
    paragraphs = document.paragraphs
    for i in [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"][:len(chapters)]:
        basis = paragraphs[i + 1].text
        assert basis.startswith("本章依据：《") and "第" in basis, paragraphs[i].text


@pytest.mark.parametrize("name", EXAMPLES)
def test_worked_example_sums_to_its_pool(drafted, name):
    profile = doc_templates.load_example(name)
    depts = table_after(drafted[name].path, "部门绩效工资总量分配示例")
    amounts = [_money(row[-1]) for row in depts[1:-1]]
    assert sum(amounts) == _money(depts[-1][-1]) == profile.components.performance.example_pool
    members = table_after(drafted[name].path, "个人绩效工资分配示例")
    assert sum(_money(r[-1]) for r in members[1:-1]) == _money(members[-1][-1]) == amounts[0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_pay_steps_form_an_arithmetic_progression(drafted, name):
    rows = table_after(drafted[name].path, "薪级工资标准")
    amounts = [_money(c) for r in rows if r[0] == "标准" for c in r[1:] if c]
    differences = {b - a for a, b in pairwise(amounts)}
    assert len(amounts) == doc_templates.load_example(name).components.pay_steps.count
    assert len(differences) == 1 and differences.pop() > 0


def test_a_higher_grade_never_pays_less_in_the_matrix(drafted):
    rows = table_after(drafted["soe-power"].path, "各岗位等级岗位工资和薪级工资标准")
    for row in rows[1:]:
        skill = [_money(c) for c in row[1:7] if c != "—"]  # the skill grades, low to high
        assert skill == sorted(skill)


def test_forced_distribution_small_units_and_no_rounding_up(drafted):
    text = body_text(drafted["private-restaurant"].path)
    assert "部分强制分布" in text and "不因取整多评最低等次" in text
    rows = table_after(drafted["private-restaurant"].path, "年度考核等次分布")
    counts = {r[0]: r[2] for r in rows[1:-1]}
    assert counts == {"A（优秀）": "3 人", "B（合格）": "29 人", "C（待改进）": "3 人"}  # 35 × 10% = 3.5 → 3, not 4
    small = table_after(drafted["power-supply-station"].path, "年度考核等次分布")
    assert [r[2] for r in small[1:-1]] == ["3 人", "30 人", "3 人"]


def test_fixed_pay_cost_uses_the_real_distribution(drafted):
    rows = {r[0]: r for r in table_after(drafted["soe-power"].path, "年度工资总额测算")}
    assert "各工龄段现有人数" in rows["年功工资"][2]
    profile = doc_templates.load_example("soe-power")
    s = profile.components.seniority
    expected = sum((s.start + s.increment * (band - 1)) * n for band, n in s.distribution.items()) * 12
    assert _money(rows["年功工资"][1]) == expected
    assert "给出薪级分布的岗位按分布测算" in rows["薪级工资"][2]


def test_appendix_quotes_each_cited_article_verbatim(drafted):
    for name, report in drafted.items():
        text = body_text(report.path, annex=True)
        annex = text[text.index("依据的指引条款原文"):]
        for unit_id in report.citations:
            unit = knowledge.get_unit(unit_id)
            if unit.kind == "article":
                for line in (ln.strip() for ln in unit.text.splitlines()):
                    assert not line or line in annex, (name, unit_id, line)
            assert unit.doc_title in annex


def test_quoted_appendix_table_is_a_real_table(drafted):
    report = drafted["private-manufacturer"]
    assert "qujing_skill/appendix-1" in report.citations
    text = body_text(report.path, annex=True)
    assert "| 岗位等级 |" not in text.replace(" | ", "|")  # no raw markdown pipes
    rows = table_after(report.path, "某企业技能人才岗位工资和薪级工资标准指引")
    assert rows[0][0] == "岗位等级" and any(r[0] == "首席技能专家" for r in rows)


def test_progress_is_reported_per_chapter(tmp_path):
    seen: list[tuple[float, str]] = []
    report = doc_templates.draft_document(doc_templates.load_example("private-manufacturer"), tmp_path / "p.docx",
                                          progress=lambda share, message: seen.append((share, message)))
    fractions = [s for s, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and fractions[0] >= 0
    for chapter in report.chapters:
        assert any(chapter in message for _, message in seen), chapter


@pytest.mark.parametrize("name", ["../../逃逸公司", "..\\..\\evil", "/etc/passwd", "a/b/c:d*?<>|", "...."])
def test_company_names_cannot_escape_the_output_directory(tmp_path, name):
    data = minimal_profile()
    data["company"]["name"] = name
    out = tmp_path / "out"
    out.mkdir()
    report = doc_templates.draft_document(Profile.model_validate(data), out)
    assert report.path.parent == out.resolve() and report.notes_path.parent == out.resolve()
    assert docx_files(tmp_path) == sorted([report.path, report.notes_path])


@pytest.mark.parametrize("name", ["\x00坏", "换\n# 行", "tab\t名"])
def test_control_characters_in_names_are_refused(name):
    for path in ("company", "grades"):
        data = minimal_profile()
        (data["company"] if path == "company" else data["grades"][0])["name"] = name
        with pytest.raises(ProfileError, match="控制字符"):
            Profile.model_validate(data)


def test_safe_filename():
    assert safe_filename("../../x") == "x"
    assert safe_filename("..") == "企业"
    assert safe_filename("曲靖宏远机械制造有限公司") == "曲靖宏远机械制造有限公司"


def test_output_must_be_docx_and_nothing_is_left_behind(tmp_path):
    profile = Profile.model_validate(minimal_profile())
    with pytest.raises(ProfileError, match=r"\.docx"):
        doc_templates.draft_document(profile, tmp_path / "scheme.pdf")
    report = doc_templates.draft_document(profile, tmp_path / "sub" / "scheme.docx")
    assert report.path == (tmp_path / "sub" / "scheme.docx").resolve()
    assert docx_files(tmp_path) == sorted([report.path, report.notes_path])  # no temporary file left


def test_small_unit_threshold_is_stated_only_when_the_company_sets_it(drafted, tmp_path):
    default = param("forced_distribution.small_unit_headcount")
    text = body_text(drafted["private-restaurant"].path)
    assert f"不少于 {default} 人" not in text and "职工数量较少" in text
    assert f"不足 {default} 人" in body_text(drafted["private-restaurant"].notes_path, annex=True)
    data = doc_templates.load_example("private-restaurant").model_dump(mode="json", exclude_none=True, by_alias=True)
    data["components"]["performance"]["small_unit_headcount"] = 12
    report = doc_templates.draft_document(Profile.model_validate(data), tmp_path / "r.docx")
    assert "考核单元人数不少于 12 人的，实行全员强制分布" in body_text(report.path)
