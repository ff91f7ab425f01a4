"""General mechanisms behind the dev8 fixes, each proved on text written apart from
tests/review_data/dev8 (other companies, other words, other figures): a PDF-converted text's page
furniture and wrapped lines, wording a revision struck out, a collective enterprise, a budget's change
against last year, numbered provisions typed with a wide gap, an annual-salary table, a table's unit
line, counts listed 分别, a subsidiaries' table of two years' amounts, a money column beside head counts.
Each has a twin that must stay clean."""

from __future__ import annotations

from pathlib import Path

import docx
from review_samples import rules_found

from assistant.review import review_file, review_text
from assistant.review.layout import current_columns, current_wording, unpaged

SOE_QJ = "第一条 本公司为曲靖市属国有独资企业。\n"
SOE = "第一条 本公司为省属国有独资企业，注册地西安市。\n"


# ---- a text converted from a PDF ------------------------------------------------------------------

def _paged(wage: str) -> str:
    title = "宣威某建材有限公司绩效工资实施细则"
    return (f"{title}\n一、公司是曲靖市宣威市市属国有独资企业，现有职工96人，主要从事商品混凝土生产和\n"
            "销售。2025年利润总额预计比上年增长5%，工资总额比上年增长\n\n"
            f"{title}\n- 1 -\n\n"
            f"{wage}，平均工资增长2%，劳动生产率增长4%。\n"
            "二、绩效工资按月考核后发放，考核结果与薪级晋升挂钩，职工代表大会审议后执行。\n"
            f"{title}\n- 2 -\n")


def test_a_sentence_broken_across_a_page_is_read_whole():
    assert "two-lower" in rules_found(_paged("8%"))
    assert "two-lower" not in rules_found(_paged("3%"))


def test_page_markers_and_running_titles_go_and_the_top_title_stays():
    lines = unpaged(_paged("3%").split("\n"))
    assert not any(line.strip() in ("- 1 -", "- 2 -") for line in lines)
    assert sum("实施细则" in line for line in lines) == 1 and lines[0].endswith("实施细则")
    assert any("工资总额比上年增长3%，平均工资增长2%" in line for line in lines)


def test_a_text_typed_line_by_line_is_left_as_it_is():
    lines = ["三、工资结构", "岗位工资按岗位评价确定。", "四、绩效考核", "绩效工资按月考核发放。"]
    assert unpaged(lines) == lines
    # items typed one a line without punctuation, of lengths of their own: no line is wrapped
    items = ["各位同事：今年工资调整安排如下", "工资总额预算5,000万元，比去年多安排3%", "利润总额预计增长5%，人均产值增长6%",
             "一线岗位调资向技能人才倾斜，管理岗位不调", "有疑问请找人力资源部咨询"]
    assert unpaged(items) == items


def test_a_hard_wrapped_text_without_page_numbers_is_joined_where_lines_run_the_full_width():
    text = ("本公司为曲靖市属国有独资企业，主营城市燃气供应，现有职工二百人。二〇二五年利\n"
            "润总额计划比上年增长百分之四，工资总额计划比上年增长百分之七，平均工资增长低\n"
            "于劳动生产率增长。\n")
    lines = unpaged(text.split("\n"))
    assert lines[0].endswith("平均工资增长低于劳动生产率增长。")
    assert "two-lower" in rules_found(text)


# ---- wording a revision struck out ----------------------------------------------------------------

def test_struck_out_wording_is_no_part_of_the_scheme():
    assert current_wording("优秀比例（原：不设上限）调整为不超过15%") == "优秀比例调整为不超过15%"
    assert current_wording("考核指标~~14项~~9项") == "考核指标9项"
    assert current_wording("原煤产量权重由35%调整为30%") == "原煤产量权重由35%调整为30%"  # a change, not a strike-out


def test_a_breach_only_in_the_struck_out_wording_is_not_reported():
    text = SOE + "第五条 部门关键绩效指标【原：13项】修订为9项，单项权重不超过30%。\n"
    assert "kpi-count" not in rules_found(text)
    assert "kpi-count" in rules_found(SOE + "第五条 部门关键绩效指标【原：9项】修订为13项，单项权重不超过30%。\n")


def test_the_old_column_of_a_revision_table_is_dropped():
    rows = [["条目", "修改前", "修改后"], ["首席工程师", "15名", "6名"]]
    assert current_columns(rows) == [["条目", "修改后"], ["首席工程师", "6名"]]
    assert current_columns([["条目", "人数"], ["首席工程师", "6名"]]) == [["条目", "人数"], ["首席工程师", "6名"]]


def test_struck_through_word_runs_are_not_read(tmp_path: Path):
    doc = docx.Document()
    doc.add_paragraph("第一条 本院为省属国有独资科研院所，注册地太原市，现有科技人才160人。")
    p = doc.add_paragraph("第二条 首席研究员")
    p.add_run("12").font.strike = True
    p.add_run("8名。")
    path = tmp_path / "struck.docx"
    doc.save(str(path))
    found = [f.rule for f in review_file(path).findings if f.severity.value == "error"]
    assert "chief-post-quota" not in found  # 8 / 160 = 5%; the struck 12 would be 7.5%


# ---- ownership ------------------------------------------------------------------------------------

def test_a_collective_enterprise_is_read_as_not_state_owned():
    text = "第一条 本厂为城镇集体企业，位于曲靖市陆良县，本厂不是国有企业。\n第二条 工资标准由厂务会确定，不开展工资集体协商。\n"
    report = review_text(text)
    assert report.assumptions[0].value == "非公有制" and "集体" in report.assumptions[0].reason
    assert "collective-negotiation" in [f.rule for f in report.findings if f.severity.value == "error"]


def test_an_ownership_word_after_a_denial_claims_nothing():
    report = review_text("第一条 公司并非国有企业，由三位自然人共同出资设立。\n")
    assert report.assumptions[0].value == "非公有制"


# ---- figures --------------------------------------------------------------------------------------

def _budget(added: str) -> str:
    return ("2025年度工资总额预算方案\n" + SOE_QJ + "第二条 2024年利润总额4,000万元，工资总额实发8,000万元。\n"
            f"第三条 2025年利润总额目标4,120万元，较上年增长3%。工资总额预算另行编制，较上年实发增加{added}万元。\n")


def test_a_change_against_last_year_is_read_over_last_year_dated_by_the_title():
    assert "two-lower" in rules_found(_budget("400"))  # +5% against +3%
    assert "two-lower" not in rules_found(_budget("160"))  # +2%


def test_numbered_provisions_typed_with_a_wide_gap_are_no_table():
    text = (SOE_QJ + "5  关于年薪\n5.1  经理人员实行年薪制，年薪由两部分组成（单位：万元）：\n"
            "层级     固定年薪     浮动年薪\n部门经理     {a}     {b}\n副经理     14     21\n"
            "5.2  固定年薪按月发放，浮动年薪按年度考核结果发放。\n")
    assert "annual-salary-split" in rules_found(text.format(a=21, b=14))  # 60% fixed
    assert "annual-salary-split" not in rules_found(text.format(a=14, b=21))  # 40%


def _steps(top: str) -> str:
    return (SOE_QJ + "第四条 薪级工资标准如下。\n单位：千元/月\n"
            f"| 薪级 | 一级 | 二级 | 三级 | 四级 | 五级 |\n|---|---|---|---|---|---|\n| 标准 | 2.6 | 2.75 | 2.9 | 3.05 | {top} |\n")


def test_a_table_in_thousands_is_read_in_yuan():
    report = review_text(_steps("3.3"))
    hit = next(f for f in report.findings if f.rule == "pay-step-arithmetic" and f.severity.value == "error")
    assert "150" in hit.message and "250" in hit.message  # 千元 scaled to 元: the steps 150 and 250
    assert "pay-step-arithmetic" not in rules_found(_steps("3.2"))


def test_counts_listed_respectively_add_up():
    text = SOE + "第六条 公司科技人才共140人，在研发、工艺、检测三个中心设首席工程师，名额分别为3名、2名、{n}名。\n"
    assert "chief-post-quota" in rules_found(text.format(n=3))  # 8 / 140
    assert "chief-post-quota" not in rules_found(text.format(n=2))  # 7 / 140 = 5%


def _subsidiaries(internal: str) -> str:
    return (SOE + "第二条 各子公司工资总额预算见下表。\n金额单位：万元\n"
            "| 单位 | 类型 | 2024年清算数 | 2025年预算数 |\n|---|---|---|---|\n"
            "| 集团合计 | — | 40,000 | 42,000 |\n| 甲物流公司 | 外部效益型 | 12,000 | 12,600 |\n"
            f"| 乙服务公司 | 内部效益型 | 5,000 | {internal} |\n")


def test_a_subsidiary_growth_from_its_two_years_amounts():
    assert "internal-benefit-growth" in rules_found(_subsidiaries("5,400"))  # +8% against the group's +5%
    assert "internal-benefit-growth" not in rules_found(_subsidiaries("5,200"))  # +4%


def test_a_unit_line_keeps_the_heading_as_the_tables_subject():
    text = (SOE + "附表 职工平均工资\n单位：万元/人\n| 口径 | 2024年 | 2025年 |\n|---|---|---|\n"
            "| 集团总部 | 20 | {hq} |\n| 全部职工 | 10 | 10.4 |\n")
    assert "hq-wage-growth" in rules_found(text.format(hq="21.2"))  # +6% against +4%
    assert "hq-wage-growth" not in rules_found(text.format(hq="20.6"))  # +3%


def test_a_money_column_of_a_dividend_table_is_no_head_count():
    text = (SOE + "第三条 公司在岗职工300人。\n第四条 岗位分红激励对象如下：\n"
            "| 人员类别 | 人数 | 分红额（万元） |\n|---|---|---|\n| 管理人员 | {m} | 120 |\n| 技术人员 | 40 | 160 |\n"
            "| 技能人员 | 20 | 60 |\n| 合计 | {t} | 340 |\n")
    assert "dividend-tech-share" in rules_found(text.format(m=45, t=105))  # 60 / 105 = 57%
    found = rules_found(text.format(m=30, t=90))  # 60 / 90 = 67%, 90 / 300 = 30%
    assert "dividend-tech-share" not in found and "dividend-recipients" not in found


# ---- second batch ---------------------------------------------------------------------------------

def _mixed(state_stake: int, private_stake: int, control: str = "") -> str:
    return (f"第一条 公司为混合所有制企业，县属国有企业陆良县城投公司持股{state_stake}%；民营企业某某实业有限公司持股{private_stake}%{control}。"
            "公司位于曲靖市陆良县。\n第二条 2025年工资总额增长9%，利润总额增长4%；工资总额经与工会集体协商确定。\n")


def test_the_controlling_shareholder_decides_a_mixed_companys_ownership():
    assert review_text(_mixed(40, 60)).assumptions[0].value == "非公有制"
    assert review_text(_mixed(60, 40)).assumptions[0].value == "国有"
    assert review_text(_mixed(45, 45, "，为公司控股股东")).assumptions[0].value == "非公有制"
    assert "two-lower" in rules_found(_mixed(60, 40)) and "two-lower" not in rules_found(_mixed(40, 60))


def test_a_seniority_rule_with_a_monthly_amount_that_changes_at_a_boundary():
    text = "第一条 本厂为民营企业，位于曲靖市富源县。\n第二条 工龄工资：工龄每满一年每月15元，满十五年后每满一年每月{s}元。\n"
    assert "seniority-arithmetic" in rules_found(text.format(s=30))
    assert "seniority-arithmetic" not in rules_found(text.format(s=15))


def test_gaps_listed_in_order_are_gaps_not_steps():
    text = SOE_QJ + "第三条 岗位工资一岗五档，档差依次为{a}元、{b}元、150元、150元。\n"
    report = review_text(text.format(a=100, b=120))
    hit = next(f for f in report.findings if f.rule == "pay-step-arithmetic" and f.severity.value == "error")
    assert "100、120、150、150" in hit.message
    assert "pay-step-arithmetic" not in rules_found(text.format(a=150, b=150))


def test_a_table_in_ten_thousands_shows_its_steps_in_whole_yuan():
    text = SOE_QJ + "附件 年薪标准\n单位：万元/年\n| 岗位等级 | 一档 | 二档 | 三档 | 四档 |\n|---|---|---|---|---|\n| 主管 | 7.2 | 7.8 | 8.4 | 9.4 |\n"
    hit = next(f for f in review_text(text).findings if f.rule == "pay-step-arithmetic")
    assert "6000、6000、10000" in hit.message and ".0" not in hit.message


def test_a_tracked_deletion_is_not_read_and_a_tracked_insertion_is(tmp_path: Path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    doc.add_paragraph("第一条 本院为省属国有独资科研院所，注册地太原市，现有科技人才160人。")
    p = doc.add_paragraph("第二条 首席研究员")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="审稿人"><w:r><w:delText>8</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="审稿人"><w:r><w:t>12</w:t></w:r></w:ins>'))
    p.add_run("名。")
    path = tmp_path / "tracked.docx"
    doc.save(str(path))
    found = [f.rule for f in review_file(path).findings if f.severity.value == "error"]
    assert "chief-post-quota" in found  # 12 / 160 = 7.5%; the deleted 8 would be 5%


def _word_from_pdf(tmp_path: Path, wage: str) -> Path:
    """A Word file converted from a PDF: each printed line a paragraph, the page number and the running title too."""
    title = "罗平某水务有限公司薪酬分配方案"
    lines = [title, "一、本公司为曲靖市罗平县县属国有独资企业，现有职工150人，其中技能人才100人。20",
             "24年利润总额900万元。2025年利润总额计划增长4%，工资总额计划增长百分之",
             title, "第 1 页 共 2 页", f"{wage}，平均工资增长2%，劳动生产率增长5%。", title, "第 2 页 共 2 页"]
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / f"pdf_{wage}.docx"
    doc.save(str(path))
    return path


def test_a_word_file_converted_from_a_pdf_is_read_as_whole_sentences(tmp_path: Path):
    def found(wage: str) -> list[str]:
        return [f.rule for f in review_file(_word_from_pdf(tmp_path, wage)).findings if f.severity.value == "error"]

    assert "two-lower" in found("七")
    assert "two-lower" not in found("三")


def test_gaps_listed_respectively_under_a_grade_count():
    text = "第一条 本厂为民营企业，位于曲靖市马龙区。\n第二条 岗位工资分五级，级差分别为120元、120元、{a}元、{b}元。\n"
    assert "pay-step-arithmetic" in rules_found(text.format(a=160, b=160))
    assert "pay-step-arithmetic" not in rules_found(text.format(a=120, b=120))


def test_the_extremes_of_the_weights_are_limits_not_two_indicators():
    text = SOE + "第二条 每个部门考核指标8个，单项权重最高{top}%，最低{low}%。\n"
    assert rules_found(text.format(top=35, low=5)) == []
    assert "kpi-weight" not in rules_found(text.format(top=35, low=5), severity="warning")  # no "合计40%" either
    assert "kpi-weight" in rules_found(text.format(top=45, low=5))
    assert "kpi-weight" in rules_found(text.format(top=35, low=3))


def test_a_question_about_ownership_claims_nothing_its_answer_does():
    text = "问：咱们厂算国有企业吗？\n答：不算。本厂是合伙企业，位于曲靖市师宗县。\n问：工资总额怎么定？\n答：和工会协商，今年增长6%，利润增长3%。\n"
    report = review_text(text)
    assert report.assumptions[0].value == "非公有制"
    assert "two-lower" not in rules_found(text)


def test_how_things_were_before_how_they_now_are_is_no_part_of_the_scheme():
    assert current_wording("优秀比例原来没有限制，现在规定不超过15%。") == "优秀比例现在规定不超过15%。"
    assert current_wording("原来的岗位工资标准保持不变。") == "原来的岗位工资标准保持不变。"
    text = SOE + "第三条 考核优秀等次比例{was}，现在规定不超过10%。\n"
    assert "forced-distribution-top" not in rules_found(text.format(was="以前不设上限"))
    assert "forced-distribution-top" in rules_found(SOE + "第三条 考核优秀等次比例不设上限。\n")


def test_a_high_wage_subsidiary_written_with_an_adverb():
    text = "第一条 集团为省属国有独资企业，注册地南宁市。\n第二条 对收入水平较为偏高的子公司，{rule}。\n"
    assert "high-wage-subsidiary" in rules_found(text.format(rule="不再调减其工资总额"))
    assert "high-wage-subsidiary" not in rules_found(text.format(rule="适当核减其工资总额额度，增幅低于集团平均增幅"))
