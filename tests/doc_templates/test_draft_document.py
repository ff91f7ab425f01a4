"""The drafted .docx: 公文 layout, real tables, the chart, chapters with their basis, verbatim quotes."""

from __future__ import annotations

from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn

import doc_templates
import knowledge
from doc_templates import Profile, ProfileError
from doc_templates.draft import safe_filename

from draft_helpers import EXAMPLES, docx_files, minimal_profile

CHAPTERS = ["总则", "适用范围", "薪酬结构", "岗位工资与薪级工资", "年功工资", "津贴补贴", "绩效工资考核与分配",
            "高技能领军人才激励", "薪酬调整", "附则", "附件"]


def _open(report) -> docx.document.Document:
    return docx.Document(str(report.path))


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _table_text(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_fields(drafted, name):
    report = drafted[name]
    assert report.path.is_file() and report.path.suffix == ".docx"
    assert report.chapters == CHAPTERS
    assert report.citations and all(knowledge.get_unit(u) is not None for u in report.citations)
    assert set(report.to_dict()) == {"path", "chapters", "defaulted", "citations"}


@pytest.mark.parametrize("name", EXAMPLES)
def test_title_and_page_setup(drafted, name):
    document = _open(drafted[name])
    company = doc_templates.load_example(name).company.name
    title = document.paragraphs[0]
    assert title.text == f"{company}薪酬分配方案"
    assert title.style.name == "Title"
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def _east_asia(element) -> str | None:
    fonts = element.find(qn("w:rPr") + "/" + qn("w:rFonts")) if element.tag != qn("w:rPr") else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


@pytest.mark.parametrize("name", EXAMPLES)
def test_fonts_and_sizes(drafted, name):
    document = _open(drafted[name])
    styles = document.styles
    expected = {"Normal": ("仿宋", 16), "Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体", 16)}
    for style_name, (font, size) in expected.items():
        style = styles[style_name]
        assert _east_asia(style.element) == font, style_name
        assert style.font.size.pt == size, style_name
    # every run of the body carries its East Asian font itself
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(_east_asia(r._r) for r in runs)
    assert _east_asia(document.paragraphs[0].runs[0]._r) == "方正小标宋简体"
    for table in document.tables:
        for cell in table.rows[1].cells:
            for run in cell.paragraphs[0].runs:
                assert _east_asia(run._r)
    # the title font falls back to 宋体 where 方正小标宋 is not installed
    blob = [p for p in document.part.package.iter_parts() if p.partname.endswith("fontTable.xml")][0].blob.decode()
    assert 'w:name="方正小标宋简体"' in blob and 'w:altName w:val="宋体"' in blob


@pytest.mark.parametrize("name", EXAMPLES)
def test_headings_and_page_numbers(drafted, name):
    document = _open(drafted[name])
    h1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert h1 == [f"第{n}章　{t}" for n, t in zip("一二三四五六七八九十", CHAPTERS[:10])] + ["附件"]
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "fldChar" in footer


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_chapter_states_its_basis(drafted, name):
    document = _open(drafted[name])
    paragraphs = document.paragraphs
    starts = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"][:10]
    for i in starts:
        basis = paragraphs[i + 1].text
        assert basis.startswith("本章依据：《") and ("第" in basis), paragraphs[i].text


@pytest.mark.parametrize("name", EXAMPLES)
def test_real_tables_and_chart(drafted, name):
    document = _open(drafted[name])
    titles = [p.text for p in document.paragraphs if p.text.startswith("表")]
    for wanted in ("岗位等级及人数", "薪级工资标准", "岗位工资标准及起点薪级", "年功工资标准", "津贴补贴标准",
                   "部门绩效工资总量分配示例", "个人绩效工资分配示例", "年度考核等次分布", "各岗位等级岗位工资和薪级工资标准"):
        assert any(wanted in t for t in titles), wanted
    assert len(document.tables) >= 10
    assert len(document.inline_shapes) == 1  # the pay-ladder chart
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blob].content_type == "image/png"


def _money(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "").split()[0])


def _table_after(document, title_part: str):
    """The table whose caption paragraph (just before it) contains `title_part`."""
    body = document.element.body
    previous = ""
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            previous = "".join(t.text or "" for t in element.iter(qn("w:t")))
        elif element.tag == qn("w:tbl") and title_part in previous:
            return docx.table.Table(element, document)
    raise AssertionError(f"no table titled {title_part}")


@pytest.mark.parametrize("name", EXAMPLES)
def test_worked_example_sums_to_its_pool(drafted, name):
    document = _open(drafted[name])
    profile = doc_templates.load_example(name)
    depts = _table_text(_table_after(document, "部门绩效工资总量分配示例"))
    amounts = [_money(row[-1]) for row in depts[1:-1]]
    assert sum(amounts) == _money(depts[-1][-1]) == profile.components.performance.example_pool
    members = _table_text(_table_after(document, "个人绩效工资分配示例"))
    assert sum(_money(r[-1]) for r in members[1:-1]) == _money(members[-1][-1]) == amounts[0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_pay_steps_form_an_arithmetic_progression(drafted, name):
    document = _open(drafted[name])
    rows = _table_text(_table_after(document, "薪级工资标准"))
    amounts = [_money(c) for r in rows if r[0] == "标准" for c in r[1:] if c]
    differences = {b - a for a, b in zip(amounts, amounts[1:])}
    assert len(amounts) == (doc_templates.load_example(name).components.pay_steps.count or 30)
    assert len(differences) == 1 and differences.pop() > 0


def test_formula_and_review_keywords_are_in_the_text(drafted):
    for name, report in drafted.items():
        text = _text(_open(report))
        for phrase in ("基础工资实行全体职工一个标准", "先考核后分配", "两个低于", "考核周期", "薪酬调整机制",
                       "最高等次", "从严控制", "等差数列", "部门绩效工资总量 = 单位可供分配绩效工资总量 ÷"):
            assert phrase in text, (name, phrase)
        body = "职工代表大会审议" if doc_templates.load_example(name).state_owned else "讨论"
        assert body in text, name


def test_soe_scheme_lists_kpis_within_the_ranges(drafted):
    document = _open(drafted["soe-tech"])
    rows = _table_text(_table_after(document, "部门关键绩效指标及权重"))[1:-1]
    weights = [Decimal(r[2].rstrip("%")) for r in rows]
    assert 5 <= len(weights) <= 9 and all(5 <= w <= 40 for w in weights) and sum(weights) == 100


@pytest.mark.parametrize("name", EXAMPLES)
def test_appendix_quotes_each_cited_article_verbatim(drafted, name):
    report = drafted[name]
    text = _text(_open(report))
    annex = text[text.index("附件2　依据的指引条款原文"):]
    for unit_id in report.citations:
        unit = knowledge.get_unit(unit_id)
        if unit.kind == "article":
            for line in (ln.strip() for ln in unit.text.splitlines()):
                assert not line or line in annex, (unit_id, line)
        assert unit.doc_title in annex


@pytest.mark.parametrize("name", EXAMPLES)
def test_defaulted_items_are_listed_in_the_document(drafted, name):
    report = drafted[name]
    text = _text(_open(report))
    assert report.defaulted, "every sample leaves something to the defaults"
    for item in report.defaulted:
        assert item in text


def test_a_bare_profile_gets_guideline_defaults(tmp_path):
    report = doc_templates.draft_document(Profile.model_validate(minimal_profile()), tmp_path / "bare.docx")
    joined = "\n".join(report.defaulted)
    for expected in ("基础工资", "年功工资", "薪级工资", "技能津贴", "高级工 100 元/月", "师带徒津贴", "300 元/月",
                     "班组长津贴", "100—500", "考核等次比例", "10%", "积分制", "职工大会"):
        assert expected in joined, expected
    assert "qujing_skill/case-2" in report.citations


def test_progress_is_reported_per_chapter(tmp_path):
    seen: list[tuple[float, str]] = []
    doc_templates.draft_document(doc_templates.load_example("private-manufacturer"), tmp_path / "p.docx",
                                 progress=lambda share, message: seen.append((share, message)))
    fractions = [s for s, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    for chapter in CHAPTERS:
        assert any(chapter in message for _, message in seen), chapter


@pytest.mark.parametrize("name", ["../../逃逸公司", "..\\..\\evil", "/etc/passwd", "a/b/c:d*?<>|", "...."])
def test_company_names_cannot_escape_the_output_directory(tmp_path, name):
    data = minimal_profile()
    data["company"]["name"] = name
    out = tmp_path / "out"
    out.mkdir()
    report = doc_templates.draft_document(Profile.model_validate(data), out)
    assert report.path.parent == out.resolve()
    assert docx_files(tmp_path) == [report.path]
    assert "/" not in report.path.name and "\\" not in report.path.name


@pytest.mark.parametrize("name", ["\x00坏", "换\n# 行", "tab\t名"])
def test_control_characters_in_names_are_refused(name):
    data = minimal_profile()
    data["company"]["name"] = name
    with pytest.raises(ProfileError, match="控制字符"):
        Profile.model_validate(data)
    data = minimal_profile()
    data["grades"][0]["name"] = name
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
    assert docx_files(tmp_path) == [report.path]  # no temporary file left


def test_choices_against_the_guidelines_are_flagged_in_the_scheme(tmp_path):
    data = minimal_profile(
        budget={"annual_wage_total": 1_000_000, "performance_pool": 200_000,
                "wage_total_growth": 0.10, "profit_growth": 0.05},
        components={"performance": {"kpis": {"利润": 0.6, "收入": 0.4}},
                    "leading_talent": {"excess_profit": {"target": 100, "actual": 160}}},
    )
    report = doc_templates.draft_document(Profile.model_validate(data), tmp_path / "flagged.docx")
    text = _text(_open(report))
    assert "指标个数在 5 至 9 个之间" not in text  # never claims compliance it does not have
    assert "请注意：考核指标 2 个" in text and "超过单一指标上限 40%" in text
    assert "应在预算执行中调减工资总额增幅" in text
    assert any("超额利润分享计提比例" in d for d in report.defaulted)
