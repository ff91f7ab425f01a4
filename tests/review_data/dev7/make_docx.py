"""Writes the dev7 .docx schemes (Word tables with merged cells).

Run from the repository root:  python tests/review_data/dev7/make_docx.py tests/review_data/dev7
"""
import sys
from pathlib import Path

import docx

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent


def table(doc, rows, merges=()):
    t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                t.cell(i, j).text = v
    for (a, b), (c, d) in merges:
        merged = t.cell(a, b).merge(t.cell(c, d))
        # merge concatenates texts; keep only the first
        text = t.cell(a, b).text.split("\n")[0]
        for p in merged.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        merged.paragraphs[0].text = text
    return t


def private_tables():
    doc = docx.Document()
    doc.add_heading("曲靖某包装材料有限公司薪酬标准一览", level=1)
    doc.add_paragraph("（本公司为民营企业，以下各表为公司现行薪酬标准，经总经理签发执行。）")
    doc.add_paragraph("表1 公司概况")
    table(doc, [
        ["项目", "内容"],
        ["企业性质", "自然人独资（民营）"],
        ["所在地", "曲靖市经济技术开发区"],
        ["在岗职工", "186人（一线技能岗位142人）"],
        ["工资总额确定方式", "由董事长根据经营情况决定，不进行工资集体协商"],
        ["2025年工资总额", "2,420万元（上年2,200万元）"],
        ["2025年利润总额", "618万元（上年600万元）"],
    ])
    doc.add_paragraph("表2 基础工资标准")
    table(doc, [
        ["学历", "基础工资（元/月）", None],
        [None, "试用期", "转正后"],
        ["本科及以上", "2,100", "2,300"],
        ["大专", "1,950", "2,100"],
        ["中专及以下", "1,800", "1,900"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (0, 2))])
    doc.add_paragraph("表3 年功工资标准")
    table(doc, [
        ["本企业工龄", "年功工资（元/月）"],
        ["1—3年", "30"],
        ["4—6年", "60"],
        ["7—10年", "100"],
        ["11年及以上", "150"],
    ])
    doc.add_paragraph("表4 生产主管年薪结构")
    table(doc, [
        ["构成", "占年薪比例", "发放方式"],
        ["基本年薪", "65%", "按月平均发放"],
        ["绩效年薪", "35%", "年度考核后一次发放"],
    ])
    doc.add_paragraph("表5 月度绩效考核指标")
    table(doc, [
        ["指标", "权重"],
        ["产量完成率", "35%"], ["产品合格率", "25%"], ["安全生产", "20%"], ["现场管理", "10%"], ["出勤", "10%"],
    ])
    doc.save(OUT / "qj_private_tables_only_packaging.docx")


def group_merged():
    doc = docx.Document()
    doc.add_heading("云南某交通建设投资集团有限公司2025年度工资总额分配方案", level=1)
    doc.add_paragraph("一、基本情况。集团为省属国有独资企业，总部设在昆明市，下设全资、控股子公司三户，参股公司一户。"
                      "2025年集团合并利润总额预算比上年增长8%。")
    doc.add_paragraph("二、各子企业工资总额预算。各子企业按功能类型分类核定工资总额，见表1。")
    table(doc, [
        ["单位", "功能类型", "2025年工资总额预算", None],
        [None, None, "金额（万元）", "比上年增长"],
        ["集团合计", "—", "98,400", "5.5%"],
        ["甲公司（高速公路运营，曲靖至昆明段）", "外部效益型", "38,000", "6.0%"],
        ["乙公司（工程建设）", None, "30,500", "4.8%"],
        ["丙公司（物业与后勤服务）", "内部效益型", "8,600", "7.2%"],
        ["丁公司（现代物流）", "参股企业", "不纳入", "—"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((3, 1), (4, 1))])
    doc.add_paragraph("丁公司为集团参股企业（集团持股35%，民营资本控股），不纳入集团合并报表范围，其工资总额由该公司"
                      "依法通过工资集体协商确定，不纳入集团工资总额预算。")
    doc.add_paragraph("三、职工平均工资。集团总部与全部职工平均工资安排见表2。")
    table(doc, [
        ["项目", "职工平均工资（万元）", None],
        [None, "2024年实际", "2025年预算"],
        ["集团全部职工", "12.00", "12.54"],
        ["集团总部职工", "18.00", "19.08"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (0, 2))])
    doc.add_paragraph("四、增量分配。集团工资总额增量的七成用于提高各子企业经营班子成员和中层管理人员薪酬，其余按职工人数平均分配。")
    doc.add_paragraph("五、程序。本方案经集团党委会前置研究，提交集团职工代表大会审议通过后执行。")
    doc.save(OUT / "soe_group_merged_subsidiaries.docx")


def clean_loss():
    doc = docx.Document()
    doc.add_heading("曲靖某煤焦化有限公司2025年度薪酬分配方案", level=1)
    doc.add_paragraph("第一条 公司为曲靖市属国有控股企业。受焦炭价格下行影响，2025年经营效益预计下降，工资总额相应下调。")
    doc.add_paragraph("第二条 工资总额与效益指标安排如下表。")
    table(doc, [
        ["指标", "2024年实际", "2025年预算"],
        ["利润总额（万元）", "2,000", "1,800"],
        ["工资总额（万元）", "5,000", "4,450"],
        ["职工平均工资（万元/人）", "9.00", "8.82"],
        ["全员劳动生产率（万元/人）", "60.0", "60.6"],
    ])
    doc.add_paragraph("第三条 年功工资按工龄段确定，见下表。")
    table(doc, [
        ["工龄段", "年功工资", None],
        [None, "元/月", "较上一档增加"],
        ["1—5年", "40", "—"],
        ["6—10年", "80", "40"],
        ["11—15年", "120", "40"],
        ["16—20年", "160", "40"],
        ["21年及以上", "200", "40"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (0, 2))])
    doc.add_paragraph("第四条 公司技能人才100人，设首席技师5名。")
    doc.add_paragraph("第五条 车间主任考核指标及权重：焦炭产量40%、安全生产20%、成本控制15%、产品质量10%、环保达标5%、"
                      "设备管理5%、党建工作5%。")
    doc.add_paragraph("第六条 考核等级优秀比例不超过10%，考核结果与绩效工资发放和薪级晋升挂钩。")
    doc.add_paragraph("第七条 高技能领军人才实行年薪制，基本年薪占40%、按月发放，绩效年薪占60%、按年考核发放。")
    doc.add_paragraph("第八条 本方案经公司党委会前置研究，提交职工代表大会审议通过后执行。")
    doc.save(OUT / "clean_qj_soe_loss_year_tables.docx")




def clean_group_two_years():
    doc = docx.Document()
    doc.add_heading("贵州某能源投资集团有限公司2025年工资总额分配方案", level=1)
    doc.add_paragraph("一、集团为省属国有独资企业，注册地贵阳市，产品销往曲靖、昭通等地。2025年集团利润总额预算增长7%。")
    doc.add_paragraph("二、各子企业工资总额增幅见表1。")
    table(doc, [
        ["单位", "类型", "工资总额增幅", None],
        [None, None, "2024年", "2025年预算"],
        ["集团合计", "—", "5.0%", "6.0%"],
        ["A煤业公司", "外部效益型", "5.5%", "8.0%"],
        ["B电力公司", None, "4.0%", "6.5%"],
        ["C后勤服务公司", "内部效益型", "6.0%", "5.5%"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((3, 1), (4, 1))])
    doc.add_paragraph("三、职工平均工资见表2。")
    table(doc, [
        ["项目", "人均工资（万元）", None],
        [None, "2024年", "2025年"],
        ["集团全部职工", "12.00", "12.48"],
        ["集团总部职工", "20.00", "20.60"],
    ], merges=[((0, 0), (1, 0)), ((0, 1), (0, 2))])
    doc.add_paragraph("四、集团持股30%的联营企业不在合并报表范围内，不纳入集团工资总额预算编制范围。")
    doc.add_paragraph("五、工资总额增量的六成用于一线技术技能人才，其余按在岗人数平均分配。")
    doc.add_paragraph("六、本方案经集团党委会前置研究，并提交集团职工代表大会审议。")
    doc.save(OUT / "clean_soe_group_two_years.docx")



if __name__ == "__main__":
    for build in (private_tables, group_merged, clean_loss, clean_group_two_years):
        build()
