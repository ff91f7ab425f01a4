"""Write the dev8 .docx schemes (real Word tables). Run from the repository root:
python tests/review_data/dev8/make_docx.py"""
from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent


def table(doc, rows: list[list[str]]) -> None:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text


def institute_one_row() -> None:
    doc = docx.Document()
    doc.add_heading("甘肃某工程研究院有限公司科技人才薪酬分配办法", level=1)
    for p in (
        "第一条 本院为甘肃省省属国有独资企业，注册地兰州市。本办法适用于本院科技人才，现有科技人才200名。",
        "第二条 首席专家、首席工程师名额合计不超过科技人才总数的5%，2025年聘任首席专家4名、首席工程师6名。",
        "第三条 各类岗位的薪酬结构按表1执行，岗位基本薪酬按月发放。",
    ):
        doc.add_paragraph(p)
    doc.add_paragraph("表1 各类岗位薪酬结构")
    table(doc, [["岗位类别", "岗位基本薪酬占比", "绩效薪酬占比"],
                ["基础研究类", "65%", "35%"],
                ["应用研究类（材料方向）", "45%", "55%"],
                ["应用研究类（工艺试验方向）", "60%", "40%"],
                ["技术开发类", "40%", "60%"],
                ["技术支撑类", "50%", "50%"]])
    doc.add_paragraph("第四条 应用研究类岗位绩效考核指标及权重按表2执行。")
    doc.add_paragraph("表2 应用研究类岗位绩效考核指标")
    table(doc, [["指标", "权重"],
                ["项目节点完成率", "25%"], ["技术指标先进性", "15%"], ["成果转化收益", "15%"],
                ["专利及标准", "10%"], ["客户满意度", "10%"], ["团队协作", "10%"],
                ["安全质量", "6%"], ["知识分享", "5%"], ["档案归集及时率", "4%"]])
    doc.add_paragraph("第五条 各类岗位的考核周期按表3执行。")
    doc.add_paragraph("表3 考核周期")
    table(doc, [["岗位类别", "考核周期"],
                ["基础研究类", "每季度"],
                ["应用研究类", "年度"],
                ["技术开发类", "年度"],
                ["技术支撑类", "年度"]])
    for p in (
        "第六条 科技人才薪酬水平和调薪幅度不低于同职级管理人员。本院每三年开展一次薪酬水平评估，不相匹配的予以调整。",
        "第七条 本办法经院党委前置研究讨论、职工代表大会审议通过后施行。",
    ):
        doc.add_paragraph(p)
    doc.save(str(HERE / "soe_institute_one_row.docx"))


def clean_revisions() -> None:
    doc = docx.Document()
    doc.add_heading("四川某检测技术有限公司科技人才薪酬分配办法（第二次修订稿）", level=1)
    doc.add_paragraph("修订说明：本稿以【原：……】标出删去的文字，以“修订为”引出修改后的文字；修订对照见文末附表。")
    for p in (
        "第一条 公司为四川省省属国有控股企业，注册地成都市，在岗职工320人，其中科技人才160人。",
        "第二条 首席工程师名额【原：12名】修订为8名。",
        "第三条 基础研究类岗位基本薪酬占比【原：50%】修订为60%；应用研究类岗位绩效薪酬占比【原：40%】修订为50%。",
        "第四条 岗位分红激励对象【原：110人】修订为96人，其中技术技能人员【原：50人】修订为60人。",
        "第五条 薪酬水平调整周期【原：每五年】修订为每三年。",
        "第六条 科技人才调薪幅度【原：为同职级管理人员的80%】修订为：不低于同职级管理人员。",
        "第七条 本办法经公司党委会前置研究讨论、职工代表大会审议通过后执行。",
    ):
        doc.add_paragraph(p)
    doc.add_paragraph("附表 修订对照")
    table(doc, [["条款", "原稿", "修订稿"],
                ["第二条", "首席工程师12名", "首席工程师8名"],
                ["第三条", "基础研究类基本薪酬50%；应用研究类绩效薪酬40%", "基础研究类基本薪酬60%；应用研究类绩效薪酬50%"],
                ["第四条", "激励对象110人，技术技能人员50人", "激励对象96人，技术技能人员60人"],
                ["第五条", "每五年调整", "每三年调整"],
                ["第六条", "调薪为管理人员的80%", "调薪不低于管理人员"]])
    doc.save(str(HERE / "clean_soe_revisions_tech.docx"))




def board_annex_steps() -> None:
    doc = docx.Document()
    doc.add_heading("曲靖某交通建设投资有限公司董事会决议", level=1)
    for p in (
        "曲靖某交通建设投资有限公司是曲靖市人民政府出资、市国资委履行出资人职责的国有独资公司。2025年3月20日，公司召开第三届董事会第五次会议，应到董事7人，实到7人。会议审议通过以下事项：",
        "一、同意《2025年度工资总额预算》，利润总额计划增长4%，工资总额预算增长3%。",
        "二、同意管理和专业技术岗位实行年薪制，岗位年薪标准见附件。",
        "三、同意本决议事项提交职工代表大会审议，并经公司党委前置研究。",
        "附件 管理和专业技术岗位年薪标准",
        "单位：万元/年",
    ):
        doc.add_paragraph(p)
    table(doc, [["岗位等级", "一档", "二档", "三档", "四档", "五档"],
                ["主管级", "8.4", "9.0", "9.6", "10.4", "11.4"],
                ["专员级", "6.0", "6.5", "7.0", "7.5", "8.0"]])
    doc.save(str(HERE / "qj_soe_board_annex_steps.docx"))


if __name__ == "__main__":
    institute_one_row()
    clean_revisions()
    board_annex_steps()
