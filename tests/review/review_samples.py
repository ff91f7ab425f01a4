"""A compliant sample scheme, built from named paragraphs so each test can break or keep one rule."""

from __future__ import annotations

# A state-owned manufacturer's skilled-worker scheme that every rule accepts.
GOOD: dict[str, str] = {
    "title": "# 某某机械制造有限公司技能人才薪酬分配方案",
    "p1": "第一条 本公司为曲靖市属国有控股企业。为建立技能导向的薪酬分配制度，依据《曲靖市企业技能人才薪酬分配指引（试行）》，结合本公司实际，制定本方案。",
    "p2": "第二条 本方案经公司党委前置研究讨论，提交职工代表大会审议通过后实施。",
    "p3": "第三条 公司工资总额与经济效益挂钩，坚持“两个低于”原则。2024年利润总额预计增长12%，工资总额增长8%；劳动生产率增长10%，职工平均工资增长6%。",
    "p4": "第四条 职工薪酬由基础工资、能力工资、年功工资、岗位工资、津贴补贴和绩效工资构成。",
    "p5": "第五条 基础工资全体职工统一为每月1800元，随当地物价水平和最低工资标准调整。",
    "p6": "第六条 能力工资按技能等级发放：高级技师400元/月、技师300元/月、高级工100元/月。",
    "p7": "第七条 年功工资按工龄段确定：工龄1-5年每月100元，6-10年每月150元，11-15年每月200元，16年及以上每月250元。",
    "p8": "第八条 岗位工资实行一岗多薪，各岗位薪级标准见下表，相邻薪级差额相等。",
    "table": (
        "| 岗位等级 | 1 | 2 | 3 | 4 | 5 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 高级技师 | 4000 | 4200 | 4400 | 4600 | 4800 |\n"
        "| 技师 | 3500 | 3650 | 3800 | 3950 | 4100 |\n"
        "| 高级工 | 3000 | 3100 | 3200 | 3300 | 3400 |"
    ),
    "p9": "第九条 津贴补贴包括夜班补贴每班30元、师带徒津贴每带1名徒弟每月300元、班组长津贴每月200元。国有企业津贴补贴按人社部发〔2023〕13号文件规定执行。",
    "p10": "第十条 绩效工资坚持先考核后分配，根据部门和个人考核结果浮动发放。",
    "p11": "第十一条 绩效考核实行月度考核、年度考核相结合，考核周期为月度。",
    "p12": "第十二条 部门绩效考核指标及权重：产量完成率30%、产品质量20%、安全生产15%、成本控制15%、设备完好率10%、重点工作10%。",
    "p13": "第十三条 个人考核等级分为A、B、C三级，比例分别为10%、80%、10%。",
    "p14": "第十四条 部门绩效工资总量=公司可供分配绩效工资总量÷公司积分累计总分×部门积分累计总分；个人绩效工资=部门可供分配绩效工资总量÷部门积分累计总分×个人积分累计总分。",
    "p15": "第十五条 年度考核结果与岗位调整、薪级晋升挂钩，连续两年考核为C的降一级薪级。",
    "p16": "第十六条 薪酬标准每2年评估调整一次，结合物价水平、企业效益和市场薪酬水平确定调整幅度。",
    "p17": "第十七条 畅通技能人才职业发展通道，对高技能领军人才可实行年薪制，基本年薪占40%，绩效年薪占60%。",
}


def scheme_text(changes: dict[str, str | None] | None = None, extra: tuple[str, ...] = ()) -> str:
    """GOOD with some paragraphs replaced (None drops one) and `extra` paragraphs appended."""
    changes = changes or {}
    parts = [changes.get(k, v) for k, v in GOOD.items()]
    return "\n\n".join([p for p in parts if p] + list(extra)) + "\n"


def rules_found(text: str, tables: list[list[list[str]]] | None = None, severity: str = "error") -> list[str]:
    """The rules the review reports for a scheme text (and its tables) at one severity."""
    from assistant.review import review_text

    return [f.rule for f in review_text(text, tables=tables).findings if f.severity.value == severity]
