"""The chat reads calculator requests written in everyday Chinese: routing, what it understood,
questions instead of guesses, follow-ups, and a guard on the written dev set."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

import calculators
from assistant.agent import respond
from assistant.agent.evaluation import evaluate, load

DATA = Path(__file__).resolve().parents[1] / "data"


def _session() -> str:
    return f"t-{uuid.uuid4().hex[:10]}"


def _computed(reply):
    return [c for c in reply.tool_calls if c.name != "search" and "error" not in c.output]


def _asked(text: str, *shown: str) -> None:
    """One message that must be asked about, not computed: the answer names what is unclear."""
    reply = respond(text, session_id=_session())
    assert reply.needs and all(w in reply.answer for w in shown) and not _computed(reply), reply.answer


@pytest.mark.parametrize("name", [info.name for info in calculators.list_calculators()])
def test_every_calculator_is_reachable_from_chat(name):
    """Each registered calculator declares topics and how its fields are read, so chat reaches it."""
    info = calculators.get_calculator(name)
    assert getattr(info.input_model, "reading_topics", ()), name
    from knowledge.reader.fields import slots

    assert slots(info.input_model), name


@pytest.mark.parametrize(
    "text, pool",
    [("绩效工资总额3千万元，生产部3000分、技术部2000分", "30000000"), ("绩效工资五十万零五千元，生产部3000分、技术部2000分", "505000"),
     ("绩效工资一万零五百元，甲组3分、乙组2分", "10500"), ("绩效工资50万5千元，生产部3000分、技术部2000分", "505000"),
     ("奖金五万五，张三3分，李四2分", "55000"), ("奖金2万4，张三3分，李四1分", "24000")],
)
def test_no_amount_form_is_misread(text, pool):
    call = _computed(respond(text))[-1]
    assert Decimal(str(call.input["pool"])) == Decimal(pool)
    assert sum(Decimal(str(v)) for v in call.output["allocations"].values()) == Decimal(pool)


def test_understanding_is_shown_in_chinese_before_the_result():
    reply = respond("绩效工资总额50万元，生产部3000分、技术部2000分，怎么分？")
    assert reply.answer.startswith("我理解为：绩效工资总量 500,000 元；积分 生产部 3,000 分、技术部 2,000 分。")
    assert not re.search(r"\b(pool|scores|Decimal|None|True|False)\b", reply.answer)
    assert not re.search(r"[a-z_]+/art-\d+", reply.answer)


def test_a_question_about_the_rule_is_explained_not_calculated():
    reply = respond("什么是两个低于？")
    assert not _computed(reply) and not reply.needs
    assert any(c.id == "qujing_skill/art-5" for c in reply.citations)


def test_negative_and_repeated_members_are_never_dropped_or_overwritten():
    negative = respond("绩效10万，张三-100分、李四100分")
    assert not _computed(negative) and "负数" in negative.answer
    repeated = respond("绩效10万，张三100分、王五50分、张三200分")
    assert not _computed(repeated) and repeated.needs and "张三" in repeated.needs[0]


def test_a_total_that_contradicts_its_parts_is_asked_about():
    reply = respond("绩效30万，一车间1200分、二车间800分、三车间600分，合计2800分，怎么分？")
    assert not _computed(reply) and any("2600" in n for n in reply.needs)


def test_follow_ups_change_one_thing_and_recompute():
    session = _session()
    first = _computed(respond("绩效奖金30万，生产部3000分、技术部2000分", session_id=session))[-1]
    assert first.output["allocations"]["生产部"] == Decimal("180000.00")
    changed = _computed(respond("要是奖金池改成45万呢？", session_id=session))[-1]
    assert changed.output["allocations"] == {"生产部": Decimal("270000.00"), "技术部": Decimal("180000.00")}
    added = _computed(respond("再加上质检部1000分", session_id=session))[-1]
    assert added.output["allocations"]["质检部"] == Decimal("75000.00")


def test_a_request_started_without_figures_is_completed_over_turns():
    session = _session()
    first = respond("帮我算一下超额利润分享", session_id=session)
    assert len(first.needs) == 2 and not _computed(first)
    done = respond("实际利润1600万，1000万到1200万部分10%，1200万到1500万部分15%，1500万以上20%", session_id=session)
    assert _computed(done)[-1].output["total"] == Decimal("850000.00")  # 20万 + 45万 + 20万


def test_dev_set_guard():
    """The written dev set (tests/data/ask_dev.jsonl) keeps its measured level; held-out is only reported."""
    report = evaluate(load(DATA / "ask_dev.jsonl"), respond)
    assert report.rate("passed") >= 0.75
    assert sum(o.wrong for o in report.outcomes) <= 4


def _answer(*turns: str) -> str:
    session = _session()
    reply = None
    for turn in turns:
        reply = respond(turn, session_id=session)
    assert reply is not None
    return reply.answer


def test_parts_that_exceed_their_whole_are_asked_about_but_a_bracket_ends_the_parts():
    assert "请核对" in _answer("分红激励对象85人，其中技术人员50人、管理人员40人，符合要求吗")
    answer = _answer("绩效工资54万，研发部600分（其中刘工220分、陈工200分、孙工180分），市场部400分（其中周经理150分、吴专员130分、郑专员120分），"
                     "算两个部门及每人金额")
    assert "请核对" not in answer and "324,000.00" in answer and "118,800.00" in answer


def test_a_named_member_without_a_figure_is_asked_about_but_words_like_ge_bumen_are_not_members():
    assert "三车间" in _answer("绩效奖金10万，一车间1200分，二车间800分，三车间也参加分配，各分多少")
    answer = _answer("奖金池48万，按各部门积分分：生产部 3260，技术部 1875，质检部 940，后勤保障部 525（单位：分）")
    assert "237,090.91" in answer and "是多少" not in answer


def test_a_multiple_restating_the_guideline_is_not_the_pay_proposed():
    answer = _answer("平均工资11万/年，首席技师给30万/年，够不够2.8倍？")
    assert "308,000.00" in answer and "不确定" not in answer
    proposed = _answer("在岗职工平均工资11万，首席技师打算给平均工资的3倍，看看够不够")
    assert "拟定倍数 3 倍" in proposed and "330000.00" in proposed


def test_head_counts_need_their_unit_while_bare_figures_stay_allowance_rates():
    rates = _answer("我们自己定的技能津贴：高级工150，技师350，高级技师600。\n秦工 技师\n祝师傅 高级技师\n小伍 高级工")
    assert "1,100.00" in rates  # 350 + 600 + 150
    counts = _answer("技能津贴按案例2标准：高级工10人，技师5人，高级技师2人，每月一共多少")
    assert "3,300.00" in counts  # 100×10 + 300×5 + 400×2


def test_a_monthly_figure_in_a_yearly_field_is_counted_twelve_times_and_said_so():
    answer = _answer("年薪制：基本年薪每月1万，绩效年薪24万，年薪一共多少")
    assert "×12" in answer.replace(" ", "") or "× 12" in answer
    assert "360,000.00" in answer


def test_a_change_after_a_result_is_applied_to_the_figure_given_before():
    answer = _answer("绩效工资总量50万，生产部3000分，技术部2000分，各分多少", "那绩效工资再加10万呢")
    assert "500000 + 100000 = 600000" in answer and "360,000.00" in answer
    answer = _answer("绩效工资总量50万，生产部3000分，技术部2000分，各分多少", "技术部再加500分呢")
    assert "2000 + 500 = 2500" in answer and "272,727.27" in answer


def test_a_part_of_a_request_the_chat_does_not_read_is_said_and_nothing_is_computed_without_it():
    """年功工资 by 工龄 in a 套改 is entered on the calculator page; 就近就低 is not how the conversion works."""
    seniority = respond("工资套改：新岗位工资A岗2200、B岗2800，薪级8级，第一级80元，每级加40元，另有年功工资按工龄每3年加30元。"
                        "王一 A岗 现工资2400", session_id=_session())
    assert "计算器" in seniority.answer and "年功工资" in seniority.answer and not _computed(seniority)
    lower = respond("按就近就低套改：岗位工资A岗2200，薪级8级，第一级80元，每级加40元。王一 A岗 现工资2400", session_id=_session())
    assert "就近就高" in lower.answer and not _computed(lower)
    yearly = respond("套改：岗位工资A岗2200，薪级8级，第一级80元，每级加40元。王一 A岗 年收入4.2万", session_id=_session())
    assert "按月填写" in yearly.answer and not _computed(yearly)


def test_a_discount_named_without_its_figure_is_asked_for_and_a_described_name_is_the_listed_one():
    assert "个人系数" in _answer("计件奖4万，老周1,500件，小李1,000件（小李是辅助岗，要打个折）")
    answer = _answer("计件奖4万，老周1500件，小李1000件，小李是辅助岗按0.8折算")
    assert "26,086.96" in answer and "13,913.04" in answer  # 40000 × 1500 / (1500 + 800)
    answer = _answer("计件奖金4万，老周做了1500件，张工按70%折算做了500件")
    assert "32,432.43" in answer and "7,567.57" in answer  # 张工 500 × 0.7 = 350
    answer = _answer("计件奖金4万，三个人：老杨 900件、老许 750件、学徒小钟 350件，学徒按七折算")
    assert "18,997.36" in answer  # 小钟 350 × 0.7 = 245; 40000 × 900 / 1895


def test_excess_profit_over_a_target_at_one_rate_and_a_target_given_as_a_difference():
    assert "5,400,000.00" in _answer("目标利润2亿，实际2.36亿，超出部分按15%计提，能提多少？")
    answer = _answer("今年利润1300万，比目标多了300万，超额部分提取15%，能分享多少")
    assert "450,000.00" in answer and "推算" in answer
    # a single rate beside tiers is no silent change of one tier
    session = _session()
    respond("目标利润800万，超额部分200万以内提10%，200万以上提15%，实际1100万", session_id=session)
    changed = respond("第二档比例改成20%", session_id=session)
    assert not _computed(changed) and ("无法计算" in changed.answer or changed.needs)


def test_group_figures_read_flat_are_folded_into_their_groups():
    answer = _answer("单位绩效60万，部门考核积分：营销中心 5200，运营中心 4800。营销中心内部个人积分：甲 95、乙 88、丙 76；运营中心：丁 90、戊 85。"
                     "请先分部门再分个人。")
    assert "312,000.00" in answer and "288,000.00" in answer  # 600000 × 5200 / 10000
    answer = _answer("部门/姓名/积分\n采购部/许晴/88\n采购部/秦川/75\n物流部/卫东/92\n物流部/蒋南/81\n物流部/沈北/67\n可分配绩效 6万，两级分配")
    assert "采购部" in answer and "物流部" in answer and "无法计算" not in answer


def test_an_amount_is_never_a_coefficient_and_an_order_number_is_no_figure():
    answer = _answer("装配线这个月计件奖金总共3万2，班组总产量6400件，其中老郑干了1500件，按计件公式他该拿多少？")
    assert "7,500.00" in answer and "所列各项合计：7,500.00" in answer and "合计：32,000.00" not in answer
    answer = _answer("订单号20240518-07，6月份包装线计件奖金一共1.8万，员工编号和件数：A013 李平 2300件，A021 何欢 2050件，A034 邓超 1650件")
    assert "订单号" not in answer.split("**")[0] and "6,900.00" in answer  # 18000 × 2300 / 6000


def test_growth_worked_out_from_two_years_or_last_and_this_year_and_the_amounts_are_not_asked_about():
    answer = _answer("工资总额：2023年3200万，2024年3420万；利润：2023年5000万，2024年5600万。工资总额增长低于利润增长吗？")
    assert "6.88%" in answer and "12%" in answer and "不确定" not in answer
    answer = _answer("工资总额（万元）｜2023年 4500｜2024年 4860\n利润总额（万元）｜2023年 7200｜2024年 7560\n符合两个低于吗？")
    assert "8%" in answer and "5%" in answer and "不符合" in answer
    answer = _answer("工资总额去年4800万今年5100万，利润去年6000万今年6300万，检查一下两个低于")
    assert "6.25%" in answer and "不确定" not in answer


def test_a_freed_share_goes_to_the_member_named_and_a_surname_like_he_stays_in_the_name():
    answer = _answer("部门KPI：利润总额45%、营业收入20%、成本控制15%、安全生产10%、党建工作10%，这套权重行吗？",
                     "把利润总额降到35%，多出来的10%给营业收入呢？")
    assert "20% + 10% = 30%" in answer and "多出来" not in answer
    answer = _answer("本月计件：\n组员\t件数\n何一\t1,250\n何二\t1,080\n何三\t970\n组计件工资合计 2万8")
    assert "何一" in answer and "10,606.06" in answer


def test_dividend_shares_stand_for_head_counts_and_growth_from_one_amount_to_another():
    answer = _answer("公司在岗250人，激励对象占在岗职工的28%，其中六成是技术骨干，合规吗？")
    assert "70 人" in answer and "42 人" in answer and "符合指引要求" in answer
    answer = _answer("利润从去年的1.5亿增长到今年的1.65亿，工资总额基数2.4亿，联动系数0.8，今年工资总额能到多少")
    assert "259,200,000.00" in answer and "“利润” 10%" in answer


def test_a_count_of_levels_and_a_look_up_answered_first_then_moved_in_a_follow_up():
    assert "第10级 | 10,500.00" in _answer("技术序列设10个薪档，第一档6千，每往上一档多5百")
    assert "第6级 | 5,700.00" in _answer("薪档 6 个｜起点 4.2k｜每档 +300")
    session = _session()
    first = respond("岗位工资：普工1800，技工2300，技师3200；薪级30级，第一级60元，级差15元。技工第8级多少？", session_id=session).answer
    assert "技工 第8级：岗位工资 2,300.00 + 薪级工资 165.00 = 2,465.00 元" in first.split("|")[0]
    later = respond("那技师第20级呢？", session_id=session).answer
    assert "技师 第20级：岗位工资 3,200.00 + 薪级工资 345.00 = 3,545.00 元" in later


def test_a_list_with_each_item_labelled_and_percentiles_asked_for_in_two_places():
    answer = _answer("同行业技术员年薪：A公司9.6万、B公司10.8万、C公司11.5万、D公司12万、E公司13.2万、F公司15万，求P25/P50/P75/P90")
    assert "150,000 元" in answer and "不确定" not in answer
    answer = _answer("收集了同行10家的数据（单位：元）：\n6800、7200、7500、7900、8200、8800、9100、9600、10500、11800\n请算P50，另外给P25、P75")
    assert "50 分位、25 分位、75 分位" in answer and "不确定" not in answer


def test_people_described_in_words_are_a_calculation_and_an_unread_line_is_asked_about():
    answer = _answer("按案例4的标准算技能津贴：老何技师，老钱高级工，小孙中级工，小吴初级工")
    assert "老何 | 500.00" in answer and "老钱 | 300.00" in answer
    answer = _answer("技能津贴按D公司：\n甲师傅 高级技师\n乙师傅 技师，带徒壹人\n丙 高级工\n丁 中级工\n每月各多少、合计多少")
    assert "丙 | 300.00" in answer and "丁 | 100.00" in answer
    assert "没有读出是谁" in _answer("技能津贴按D公司：\n甲师傅 高级技师\n乙师傅 技师\n某某 高级工\n每月合计多少")
    # with no figure and no standard named, the standard is asked for, not assumed
    assert "按哪一种技能津贴标准计算" in _answer("算一下技能津贴：老何技师，老钱高级工")


def test_a_one_line_table_of_labelled_cells_and_a_unit_in_its_first_cell():
    answer = _answer("年功工资｜第一档 50元｜档差 30元｜每档 3年｜共 10档｜工龄 12年")
    assert "第一档标准 50 元；档差 30 元" in answer and "不确定" not in answer
    answer = _answer("超额利润分享（万元）｜目标 2000｜实际 2600｜分段：2000-2300 提10%，2300以上 提20%")
    assert "900,000.00" in answer  # 300万 × 10% + 300万 × 20%


def test_item_numbers_of_a_list_are_no_figures_and_names_before_a_semicolon_pair_with_yici():
    answer = _answer("考核指标及权重：\n1. 产量 45%\n2. 质量 20%\n3. 成本 15%\n4. 安全 10%\n5. 5S管理 10%")
    assert "指标个数 5" in answer.replace("考核指标", "") or "5 个" in answer
    assert "不确定" not in answer
    answer = _answer("指标：利润、营收、回款、安全、创新；权重依次为30%、30%、20%、10%、10%")
    assert "利润 30%、营收 30%、回款 20%、安全 10%、创新 10%" in answer


def test_a_member_added_without_a_figure_is_asked_for():
    answer = _answer("计件奖金3万，小A 600件，小B 400件，按件分", "再加上小C")
    assert "“小C”的计件数量是多少" in answer and "18,000.00" not in answer.split("还需要")[-1]


def test_a_correction_a_whole_unit_a_discount_with_nowhere_to_go_and_a_one_letter_department():
    answer = _answer("积分制分配，奖金总额50万，A组3000分、B组2000分，不对，B组是2500分")
    assert "272,727.27" in answer and "B组是" not in answer
    answer = _answer("计件工资总额5万，全车间共2500件，小韩和小郑各做了多少我还没统计，先帮我算两人各拿多少")
    assert "计件数量" in answer and "50,000.00 |" not in answer  # no member called 全 taking the whole pool
    assert "七折" in _answer("奖金池12万按积分分：甲班900分，乙班1100分，丙班原始积分1000分，但丙班出了安全事故，积分打七折。").split("还需要")[-1]
    assert "甲部门 | 90,000.00" in _answer("绩效奖金拾贰万元整，甲部门积分叁仟分，乙部门积分壹仟分，请分配。")


def test_a_head_count_in_brackets_is_no_part_of_a_name_and_an_unlisted_department_keeps_its_own_score():
    answer = _answer("单位绩效总量100万。部门积分：设备部（12人）6000分，运行部（30人）4000分。设备部内部个人积分：钱师傅1800、孙师傅1200、李师傅3000。")
    assert "设备部 | 600,000.00" in answer and "运行部 | 400,000.00" in answer and "钱师傅 | 180,000.00" in answer


def test_a_unit_after_what_the_figures_are_in_a_bracket_applies_to_the_list():
    answer = _answer("参照第四十九条，对顶尖领军人才拟对标市场90分位以上；现有市场样本（年薪，万元）分别为：62、70、75、81、88、96、105、120，"
                     "请测算该样本的90分位值及75分位值。")
    assert "1,095,000.00" in answer and "982,500.00" in answer


def test_a_figure_in_a_bracketed_note_does_not_cut_a_name_from_its_figure():
    answer = _answer("今年二季度绩效工资总额36万元，生产部（23人）积分4200分，技术部（9人）积分1800分，两个部门各分多少？")
    assert "生产部 | 252,000.00" in answer and "技术部 | 108,000.00" in answer


def test_a_grade_listed_in_the_reading_does_not_name_another_calculation():
    answer = _answer("技能工人350人，首席技师3人，高级技师7人，技师17人，高级工35人，中级工70人")
    assert "技能职数比例检查" in answer and "指引中没有找到" not in answer


def test_tiers_written_over_the_target_start_at_the_target():
    answer = _answer("超额利润分段提取：\n第一段（超目标0-100万）：10%\n第二段（超目标100-300万）：15%\n第三段（超目标300万以上）：25%\n"
                     "目标净利润：1000万\n实际净利润：1350万")
    assert "525,000.00" in answer  # 100万 × 10% + 200万 × 15% + 50万 × 25%


def test_a_team_size_beside_the_whole_teams_total_is_the_single_person_form():
    answer = _answer("我们班组8个人，这个月计件奖金总共5万6，全班组一共做了2800件，小孙做了400件，小孙能拿多少？")
    assert "8,000.00" in answer and "请补全" not in answer  # 56000 ÷ 2800 × 400
    assert "请补全" in _answer("计件奖金1万，班组4个人：小王300件，小李200件")


def test_one_range_gives_a_ladders_lowest_and_highest_amounts():
    answer = _answer("薪级从4500元到6300元，共7级，按等差排，每级差多少？各级多少？")
    assert "最低级金额 4,500 元；最高级金额 6,300 元" in answer and "第7级 | 6,300.00" in answer


def test_a_label_after_a_comma_heads_its_list_and_thousands_in_words_may_be_pieces():
    answer = _answer("本月装配线计件奖金两万四千元，件数：老魏三千二，小邹两千八，阿芳两千")
    assert "老魏 3,200 件" in answer and "9,600.00" in answer  # 24000 × 3200 ÷ 8000


def test_a_bracketed_unit_over_a_line_list_applies_to_every_line():
    answer = _answer("完成量（件）：\n罗师傅 600\n简师傅 400\n班组计件奖金：2万，按件数分")
    assert "罗师傅 600 件" in answer and "12,000.00" in answer and "8,000.00" in answer


def test_a_position_written_with_spaces_is_looked_up_not_read_as_a_grade():
    answer = _answer("岗位工资（单位：元）\n一岗 1800\n二岗 2300\n薪级 20级，第1级 80，级差 25\n二岗 第 十二 级")
    assert "2,655.00" in answer  # 2300 + 80 + 11 × 25


def test_a_list_under_one_department_goes_on_under_it_and_a_member_is_corrected_where_it_is():
    session = _session()
    first = respond("奖金总额20万，两级分配：东区 3000分，西区 1000分；东区里 阿强 10、阿伟 20、阿龙 30；西区里 阿珍 50、阿玲 50", session_id=session)
    assert "阿伟 20 分" in first.answer and "50,000.00" in first.answer  # 东区 150000 ÷ 60 × 20
    second = respond("东区的阿伟改成40分", session_id=session)
    assert "阿伟 40 分" in second.answer and "75,000.00" in second.answer  # 150000 ÷ 80 × 40
    assert "只能填写一种" not in second.answer


def test_a_coefficient_in_a_note_or_a_description_belongs_to_the_person_and_he_is_the_one_just_named():
    note = _answer("计件总奖金8万，件数（单位：件）：学徒小温 1000（学徒期，系数0.6），师傅老韦 1400")
    assert "个人系数 小温 60%" in note and "24,000.00" in note  # 80000 × 600 ÷ 2000
    session = _session()
    respond("计件奖金4万，小詹500件，小卢500件，按件分", session_id=session)
    described = respond("小卢是辅助岗，系数按0.6算", session_id=session).answer
    assert "个人系数 小卢 60%" in described and "25,000.00" in described  # 40000 × 500 ÷ 800
    pronoun = _answer("检修岗的钟主管按80%折算，他做了500件；操作工小万做了600件；本月计件工资总额10万元。")
    assert "钟主管 500 件" in pronoun and "40,000.00" in pronoun  # 100000 × 400 ÷ 1000


def test_a_whole_line_or_team_is_the_total_and_a_unit_written_as_dan_wei_wan_scales_the_list():
    whole = _answer("焊装线本月计件奖金一共4万8，整个工段做了6000件，其中宁师傅做了900件，他能拿多少")
    assert "7,200.00" in whole and "宁师傅 900 件" in whole  # 48000 ÷ 6000 × 900
    scaled = _answer("同行出纳年薪（单位万）：8.5、9、9.6、10.2、11，算一下P50")
    assert "96,000.00" in scaled


def test_a_correction_names_its_field_in_the_clause_before_the_figure():
    session = _session()
    respond("最低级3000最高级6000，共6级，按等差排", session_id=session)
    corrected = respond("最高级写错了，是6500，再排一次", session_id=session).answer
    assert "最高级金额 6,500 元" in corrected and "6,500.00" in corrected and "700.00" in corrected  # (6500 − 3000) ÷ 5


def test_a_follow_up_clause_that_changes_another_field_without_a_figure_is_asked_about():
    session = _session()
    respond("在岗职工300人，分红对象60人，其中技术技能人员40人", session_id=session)
    reply = respond("对象再加20个，新加的全是技术骨干", session_id=session)
    assert reply.needs and "技术技能人才人数（原为 40）" in reply.answer
    other = _session()
    respond("按积分分奖金：甲部 500，乙部 500，总额 3 万", session_id=other)
    kept = respond("再加上丙部 500 分，总额不变", session_id=other).answer
    assert "也要改吗" not in kept and "丙部 | 10,000.00" in kept


def test_a_message_about_people_already_listed_adds_to_them():
    session = _session()
    respond("按案例2的标准，钱姐高级技师，柳工技师带2个徒弟", session_id=session)
    reply = respond("钱姐兼任班组长，每月班组长津贴300", session_id=session).answer
    assert "柳工" in reply and "钱姐" in reply and "班组长津贴 300 元" in reply


def test_bullet_lines_under_a_department_line_are_its_members():
    answer = _answer("本季度绩效：20万元\n\n一车间（部门积分 3000）\n- 孔亮 60\n- 孔明 40\n\n二车间（部门积分 1000）\n- 燕青 50\n- 燕顺 50\n\n按两级分配")
    assert "一车间 | 150,000.00" in answer and "90,000.00" in answer  # 150000 × 60 ÷ 100


def test_a_count_of_a_grade_in_our_team_is_a_head_count_not_a_person():
    answer = _answer("按案例4的技能津贴标准，我们班组中级工5个、技师3个，每月一共要发多少")
    assert "中级工 5 人" in answer and "2,000.00" in answer  # 5 × 100 + 3 × 500


def test_a_request_for_work_named_by_its_topic_asks_for_the_data():
    _asked("麻烦把我们几个职级和工资拟合一个回归，看看每升一级涨多少", "薪酬回归分析")
    _asked("帮我做个套改，小汪现在工资4100，看看套完涨多少", "新岗位等级")


def test_a_follow_up_naming_a_new_person_or_an_unfilled_field_without_a_figure_asks_for_it():
    session = _session()
    respond("计件奖1万5，小蒲600件，小卓400件", session_id=session)
    added = respond("把刚来的阿坤也算上", session_id=session)
    assert added.needs and "阿坤" in added.answer and not _computed(added)
    market = _session()
    respond("同行月薪：5200、5600、6100、6600、7300，算中位数", session_id=market)
    own = respond("把本公司的放进去比一比", session_id=market)
    assert own.needs and "本企业薪酬水平" in own.answer


def _follow(first: str, then: str):
    session = _session()
    respond(first, session_id=session)
    return respond(then, session_id=session)


@pytest.mark.parametrize(("first", "then", "shown"), [
    ("考核奖8万，按积分分：仓储组700分，运输组500分", "运输组那个分数不对，得改", "运输组"),  # a listed member, no new figure
    ("工龄工资每3年一档，第一档80元，每档加30元，共8档，老骆工龄10年", "新来的小缪呢", "小缪"),  # a person not in the inputs
    ("计件单价不算，班组奖金3万，小邝800件、小卢700件", "小卢要是再多做几百件呢", "几百件"),  # a vague amount
    ("薪级共12级，起点3200元，级差180元", "级差想再提高一些", "一些"),
])
def test_a_follow_up_that_changes_something_without_a_figure_asks_for_it(first, then, shown):
    reply = _follow(first, then)
    assert reply.needs and shown in reply.answer and not _computed(reply), reply.answer


def test_a_follow_up_keeping_a_listed_member_unchanged_recomputes_and_a_why_is_not_a_change():
    kept = _follow("考核奖8万，按积分分：仓储组700分，运输组500分，质检组300分", "仓储组不变，运输组改成600分")
    assert _computed(kept) and "运输组 | 30,000.00" in kept.answer  # 80000 × 600 ÷ 1600
    why = _follow("考核奖8万，按积分分：仓储组700分，运输组500分", "什么叫积分制？")
    assert not why.needs


@pytest.mark.parametrize(("text", "who"), [
    ("装配奖1万2，阿良900件，阿强也做了挺多，按件数分", "阿强"),
    ("积分奖6万：小鲁85分，小谭的分比小鲁低一点，照分分", "小谭"),
    ("计件款8000，老戴300件、老霍200件，小尹也参与了", "小尹"),
])
def test_a_listed_kind_of_person_said_to_have_worked_with_no_figure_is_asked_about(text, who):
    _asked(text, who)


def test_a_team_before_a_person_names_the_person():
    answer = _answer("计件奖1万，车间老许600件，车间老顾400件，按件分")
    assert "老许 | 6,000.00" in answer and "老顾 | 4,000.00" in answer


def test_a_follow_up_saying_more_of_a_verb_adds_to_the_figure_given_before():
    apprentices = _follow("技能津贴按B公司标准：老焦高级技师带2个徒弟，小阮高级工", "老焦又多带了一个徒弟").answer
    assert "带徒人数 3 人" in apprentices and "2 + 1 = 3" in apprentices
    years = _follow("工龄工资首档80元，档差20元，每3年一档，共8档，小殷工龄5年", "再多干4年呢").answer
    assert "工龄（年） 9 年" in years and "140.00" in years  # 9 years: band 4 = 80 + 3 × 20


@pytest.mark.parametrize("text", ["毛利率上升了1.5个百分点，工资总额增长3%，两个低于符合吗",
                                  "今年净利润率较上年提高0.8个百分点，平均工资增长3%，工资总额增长4%，看下两个低于"])
def test_a_share_moving_by_percentage_points_is_no_growth_rate(text):
    _asked(text)


def test_grades_named_by_a_range_pair_with_the_figures_listed_respectively():
    answer = _answer("职级2到5的月薪分别是4200、4700、5300、6000，用线性回归预测第6级")
    assert "第2级 4,200 元" in answer and "6,550.00" in answer  # the calculator's fit of 2..5 → 6


def test_a_choice_only_one_calculator_needs_chooses_it_and_a_position_asked_about_is_looked_up():
    mix = respond("基础研究岗，年薪总额24万，其中基本薪酬15万", session_id=_session())
    assert [c.name for c in _computed(mix)] == ["pay-mix-check"]
    lookup = _answer("岗位工资 普工一千六 技工一千九 起点薪级都是第一级 薪级十级 第一级八十 级差四十 技工第六级拿多少")
    assert "查询（岗位等级 技工，薪级 6）" in lookup and "2,180.00" in lookup  # 1900 + 80 + 5 × 40


def test_a_chat_logs_times_of_day_are_no_figures_but_a_ratio_is():
    log = _answer("[14:05] 李会计：本月计件奖金贰万元整\n[14:06] 李会计：阿梁 300件 阿彭 200件\n[14:08] 李会计：麻烦算下")
    assert "阿梁 | 12,000.00" in log and "14" not in log.split("**")[0]


@pytest.mark.parametrize(("text", "shown"), [
    ("奖金15万，质检科和仓储科按2:1分", ("质检科 | 100,000.00", "仓储科 | 50,000.00")),
    ("年薪50万，基本年薪与绩效年薪之比为二比三，每月基本年薪多少", ("基本年薪占比 40%", "200,000.00")),
    ("考核等次按甲、乙、丙三等1:3:1的比例，共35人", ("甲 | 20% | 7", "乙 | 60% | 21")),
])
def test_a_ratio_shares_the_whole_among_the_names_beside_it(text, shown):
    answer = _answer(text)
    assert all(s in answer for s in shown), answer


@pytest.mark.parametrize(("text", "shown"), [
    ("年薪总额60万，绩效年薪比基本年薪多12万，每月基本年薪多少", "两者之差"),  # a gap, not the base
    ("上年工资总额8000万，效益增长6%，联动系数0.5，今年职工人数比上年增加了25人", "职工人数增长率"),  # a count for a rate
])
def test_a_gap_between_two_fields_or_a_count_for_a_rate_is_asked_about(text, shown):
    _asked(text, shown)


def test_a_growth_stated_as_its_gap_to_another_growth_is_worked_out():
    points = _answer("营收利润增长8%，工资总额增幅比利润增幅高2个百分点，两个低于怎么样")
    assert "工资总额增长率 10%" in points and "违反" in points
    spoken = _answer("利润涨了5%，工资总额增长比利润低1.5个点，人均工资涨2%，劳动生产率涨3%")
    assert "工资总额增长率 3.5%" in spoken


def test_a_heading_unit_leaves_figures_labelled_as_something_else():
    answer = _answer("（单位：万元）\n上年工资总额 1800\n效益增长 5%\n挂钩系数 0.8\n今年工资总额能到多少")
    assert "联动系数 0.8" in answer and "上年工资总额 18,000,000 元" in answer and "18,720,000.00" in answer


@pytest.mark.parametrize(("text", "years"), [
    ("年功工资：首档60元，每档加25元，共10档，每2年一档，小宁工龄7年零5个月", "7.4167"),
    ("年功工资：首档60元，每档加25元，共10档，每2年一档，小宁来了89个月", "7.4167"),
])
def test_years_and_months_of_service_are_one_length_in_years(text, years):
    answer = _answer(text)
    assert f"工龄（年） {years} 年" in answer and "135.00" in answer  # band 4: 60 + 3 × 25


def test_a_grade_named_again_before_its_step_is_no_figure():
    answer = _answer("岗位工资：初级1400、中级1700、高级2100，薪级共15级，第1级50元，每级加25元，中级第9级多少钱")
    assert "中级 第9级：岗位工资 1,700.00 + 薪级工资 250.00 = 1,950.00 元" in answer


@pytest.mark.parametrize("text", ["考核项目：营收、成本、安全、党建、创新，权重各20%", "营收、成本、安全、党建、创新五项指标各占20%"])
def test_one_weight_for_each_of_a_list_written_before_it(text):
    answer = _answer(text)
    assert "营收 20%" in answer and "创新 20%" in answer and "考核指标个数：5 个" in answer


@pytest.mark.parametrize("then", ["依据是哪条？", "为啥这么分", "按什么规定算的"])
def test_asking_why_after_a_calculation_shows_its_formula_and_quotes_its_clause(then):
    reply = _follow("计件奖2万，小官500件，小冉300件", then)
    assert "计算公式" in reply.answer and "20000 ÷ 800 × 500 = 12500.00" in reply.answer
    assert reply.citations and reply.citations[0].article == 8 and not reply.needs


@pytest.mark.parametrize(("text", "shown"), [
    ("计件奖3万，我们班小温600件，小邬500件，夜班那组的数量还没统计出来", "还没统计"),  # members still to come
    ("绩效8万，维修部2400分，仓储部1600分，销售部的分数过两天才有", "过两天"),
    ("考核权重：营收35%，利润25%，客户满意度，安全15%", "客户满意度"),  # a name between weighted items
])
def test_figures_still_to_come_or_missing_in_a_list_are_asked_about(text, shown):
    _asked(text, shown)


def test_a_go_ahead_after_a_pending_figure_computes_what_is_there():
    answer = _answer("绩效9万，装配车间3000分、机加车间1500分，喷涂车间的分还没报上来，先算这两个车间就行")
    assert "装配车间 | 60,000.00" in answer


@pytest.mark.parametrize(("text", "p50"), [
    ("同行数据5600、6100、6500、6900、9800，剔除最高的算中位数", "6,300.00"),  # 5600 6100 6500 6900
    ("样本7200、6400、5100、6800、8900，去掉一个最高一个最低，再算中位数", "6,800.00"),  # 6400 6800 7200
    ("样本7200、6400、5100、6800、8900，去掉最高和最低后算中位数", "6,800.00"),
])
def test_samples_said_to_be_left_out_are_left_out(text, p50):
    answer = _answer(text)
    assert f"| 50分位 | {p50} |" in answer and "去掉了" in answer, answer


def test_a_but_clause_with_a_figure_no_field_takes_is_asked_about():
    _asked("年薪42万，基本年薪占比30%，不过他今年只做了7个月", "7个月")


def test_a_subtotal_equal_to_its_list_restates_it_and_more_than_someone_is_worked_out():
    subtotal = _answer("季度绩效一共24万。各班积分如下\n甲班 500\n乙班 300\n丙班 400\n小计 1200\n请按积分算")
    assert "甲班 | 100,000.00" in subtotal
    relative = _answer("计件总额3万，小甘做了1000件，老米比小甘多做了200件，按件数分")
    assert "老米 1,200 件" in relative and "16,363.64" in relative  # 30000 × 1200 ÷ 2200


def test_a_figure_restated_for_a_member_already_listed_corrects_that_member():
    session = _session()
    respond("按积分分绩效6万：一班300、二班300、三班400", session_id=session)
    respond("二班报错了，应该是200分", session_id=session)
    third = respond("不好意思三班也填错了，是500", session_id=session).answer
    assert "三班 500 分" in third and "二班 200 分" in third and "三班 | 30,000.00" in third  # 60000 × 500 ÷ 1000


def test_an_employee_number_does_not_name_a_person_and_a_whole_team_this_month_is_the_total():
    numbered = _answer("工号1182的老钟积分120，工号1190的小贝积分80，本月绩效共2万，按积分分")
    assert "老钟 | 12,000.00" in numbered and "工号" not in numbered.split("**")[0]
    whole = _answer("班组计件奖金2万，整个班组这个月共做了5000件，老黄做了1000件，老黄能拿多少")
    assert "4,000.00" in whole and "整个" not in whole.split("**")[0]


def test_members_after_a_departments_figure_and_a_colon_are_its_own_and_mixed_levels_are_asked_about():
    two = _answer("绩效10万，两级分配。研发部总分700分：小龚300、小简400；行政部300分")
    assert "研发部 | 70,000.00" in two and "30,000.00" in two  # 小龚: 70000 × 300 ÷ 700
    _asked("绩效10万：研发部700分、小龚300分、小简400分", "同一层")


def test_two_digit_discounts_a_spoken_correction_a_restated_figure_and_someone_alike():
    discount = _answer("计件奖金3万 老严1000件 小季1000件 小季是学徒按八五折算")
    assert "个人系数 小季 85%" in discount and "13,783.78" in discount  # 30000 × 850 ÷ 1850
    corrected = _answer("等差薪级 起点4000 级差300 不对是250 共8级")
    assert "级差 250 元" in corrected and "5,750.00" in corrected  # 4000 + 7 × 250
    restated = _answer("KPI：利润总额35%，营业收入25%，成本控制20%，安全生产10%，团队建设10%。利润那个35%会不会超了")
    assert "考核指标个数：5 个" in restated
    alike = _answer("计件奖金1万，老樊做了300件，老祝跟老樊一样多，小童做了400件，按件数分")
    assert "老祝 300 件" in alike and "3,000.00" in alike  # 10000 × 300 ÷ 1000


def test_follow_ups_remove_it_halve_a_rate_and_ask_when_a_change_names_a_second_field():
    session = _session()
    respond("绩效20万：一部3000分，二部1000分，三部1000分", session_id=session)
    removed = respond("三部这次不参加了，去掉它，总额不变", session_id=session).answer
    assert "一部 | 150,000.00" in removed and "三部" not in removed.split("**")[0]
    rates = _session()
    respond("目标利润2亿，实际2.3亿，超额部分提10%", session_id=rates)
    halved = respond("提取比例减半呢", session_id=rates).answer
    assert "5%" in halved and "1,500,000.00" in halved  # 3000万 × 5%
    both = _session()
    respond("在岗职工400人，分红对象100人，技术技能人员70人", session_id=both)
    reply = respond("再加8个技术骨干进分红名单", session_id=both)
    assert reply.needs and "分红激励人数（原为 100）" in reply.answer


def test_a_name_listed_twice_and_parts_short_of_the_whole_are_asked_about_unless_only_they_are_asked_for():
    twice = respond("绩效6万按积分分给个人\n一部：老骆200、小阎100\n二部：小阎100、老黎200", session_id=_session())
    assert twice.needs and "“小阎”既列在“一部”又列在“二部”" in twice.answer
    short = respond("公司绩效40万，全公司积分累计5000分，其中甲部2000分、乙部1000分，按积分分一下", session_id=_session())
    assert short.needs and "其余 2000 是谁的" in short.answer
    listed = _answer("公司绩效40万，全公司积分累计5000分，其中甲部2000分、乙部1000分，这两个部门各能分多少？")
    assert "160,000.00" in listed  # 400000 ÷ 5000 × 2000


def test_a_bare_amount_far_below_the_others_and_a_bare_share_of_people_are_asked_about():
    _asked("李总年薪60万，基本年薪24，看下合不合规", "“24”是多少钱")
    _asked("在岗职工300人，分红的80人里技术的占了50，合规吗", "“占了50”是人数还是百分比")
    money = _answer("应用类研发人员，年总收入40万，基本薪酬占18万")
    assert "45%" in money and "人数还是百分比" not in money


def test_monthly_and_yearly_pay_in_one_list_are_asked_about_and_a_median_asked_for_is_a_percentile():
    _asked("几家同行：甲厂月薪5800，乙厂年薪8万，丙厂月薪6200，算中位数", "既有月薪又有年薪")
    median = _answer("同行月薪：5000、5400、6000、6600、7000，算中位数")
    assert "市场薪酬分位值" in median and "6,000.00" in median


def test_an_either_or_a_described_extra_count_and_an_impossible_ratio_are_asked_about():
    _asked("绩效10万，甲部600分，乙部400分，甲部其实是600分还是650分我也记不清")
    _asked("在岗职工500人，分红对象120人，技术技能人员80人，但其中15人是行政岗兼的", "15人")
    ratio = respond("薪级起点2800，级差150，共12级，另外第6级想单独调到3900", session_id=_session())
    assert ratio.needs and "3900" in ratio.answer and "级比" not in ratio.answer.split("还需要")[0]


def test_growths_written_present_first_or_from_one_amount_to_another_and_a_p_prefix_serves_one_figure():
    present_first = _answer("利润总额今年6300万去年6000万，工资总额今年2080万去年2000万，两个低于满足吗")
    assert "经济效益增长率 5%" in present_first and "工资总额增长率 4%" in present_first
    moved = _answer("工资总额去年1500万，今年想涨到1600万，利润从4000万涨到4200万")
    assert "“两个低于”检查" in moved and "6.67%" in moved and "违反" in moved  # 6.67% > 5%
    listed = _answer("同行年薪（万）：10、11、12.5、14、15，P25和P75各多少")
    assert "110,000.00" in listed and "140,000.00" in listed


def test_a_listed_name_said_again_with_a_second_figure_is_asked_about():
    _asked("积分制：总绩效9万，老韩积分200，老郝积分200，老韩是班长额外加40分", "“老韩”有两个数字")


def test_numerals_inside_names_a_share_for_a_listed_member_and_amounts_moved_by_you():
    named = respond("奖金池9万，张三李四王五三个人，李四和王五一样，李四100分，张三200分", session_id=_session())
    assert "51" not in named.answer and not any(c.input.get("scores", {}).get("李四和王") for c in named.tool_calls)
    _asked("绩效8万，一班300分，二班300分，三班200分，三班这次只拿一半", "一半")
    moved = _answer("两个低于：利润总额由6000万降到5700万，工资总额由1200万增加到1230万")
    assert "经济效益增长率 下降 5%" in moved and "工资总额增长率 2.5%" in moved
    apprentice = _answer("计件奖金3万，师傅老詹1500件，徒弟小闵1000件，徒弟按师傅的一半算")
    assert "个人系数 小闵 50%" in apprentice


def test_scientific_notation_is_never_read_as_its_exponent():
    reply = respond("绩效工资总额1e400元，甲部门3000分、乙部门2000分", session_id=_session())
    assert not _computed(reply) and "400 元" not in reply.answer


def test_a_joint_total_is_nobodys_and_a_department_compared_without_a_figure_is_asked_for():
    _asked("计件奖金2万，小符和小柯一共做了1600件，小符多一些")
    _asked("奖金池12万，销售部积分2400，服务部积分比销售部少一点", "服务部")


def _conversion(reply) -> dict:
    calls = [c for c in _computed(reply) if c.name == "pay-conversion"]
    assert calls, reply.answer
    return calls[-1].output["by_person"]


def test_a_pay_conversion_is_read_from_a_sentence_grades_steps_and_staff():
    """套改测算 from chat: the new grades (with their starting steps), the step scale, the basic wage and
    each person's current post and pay — the same reading as the calculator page's tables."""
    reply = respond("帮忙套改一下：岗位工资 辅助岗1300元（起点薪级1）、主岗1900元（起点薪级4）；薪级共9级，第1级120元，级差45元；"
                    "基础工资1600元。\n贺一 辅助岗 现工资3200\n贺二 主岗 现工资4100", session_id=_session())
    people = _conversion(reply)
    # 1600 + 1300 + 120 + 45×(k−1) ≥ 3200 → k = 5 (3200); 1600 + 1900 + 120 + 45×(k−1) ≥ 4100 → k = 11 > 9 → step 9, keeps 120
    assert people["贺一"]["套入薪级"] == 5 and people["贺一"]["套改后月工资"] == Decimal("3200.00")
    assert people["贺二"]["套入薪级"] == 9 and people["贺二"]["保留工资"] == Decimal("120.00")


def test_a_current_post_linked_to_a_new_grade_and_a_lone_starting_step():
    """钳工套中级工 names the grade of whoever is a 钳工 (a trade, not a person called 钳工); 起点薪级2
    written after the one grade's wage is that grade's; 不设薪级 leaves the step scale out."""
    linked = respond("套改：中级工岗位工资2100，起点薪级2；薪级10级，第1级90，级差35；基础工资1700。铣工套中级工。老全，铣工，现月工资3990",
                     session_id=_session())
    # start 2: 1700 + 2100 + 90 + 35 = 3925 < 3990 → step 4 (3995)
    assert _conversion(linked)["老全"]["套入薪级"] == 4
    flat = respond("一岗一薪套改，不设薪级：新岗位工资 值班长4800、巡检3900。小蔺 值班长 现工资5100；小骆 巡检 现工资3700",
                   session_id=_session())
    people = _conversion(flat)
    assert people["小蔺"]["保留工资"] == Decimal("300.00") and people["小骆"]["套改后月工资"] == Decimal("3900.00")


def test_rows_of_one_list_name_people_alike():
    """When one row of a list starts with a person's name, the other rows' first cells are people too
    (向北 and 向阳 are no names jieba knows)."""
    from knowledge.reader.fill import people_named

    text = "名单：\n小葛 技工 现工资3000\n向北 普工 现工资2800\n向阳 技工 现工资3300\n薪级：12级"
    assert [n for n, _ in people_named(text)] == ["小葛", "向北", "向阳"]
    assert [n for n, _ in people_named("钳工套中级工，邱工现岗位技工")] == ["邱工"]


def test_identifiers_small_bare_pools_and_set_asides_give_no_figure():
    batch = respond("批次No.3318的活，计件奖金2万，老甘600件，老滕400件", session_id=_session())
    assert _computed(batch)[-1].output["allocations"] == {"老甘": Decimal("12000.00"), "老滕": Decimal("8000.00")}
    _asked("这回奖金50，一组300分，二组200分，按分数分")
    left = _computed(respond("绩效总额30万，先提留5%做调节，剩下按积分：A车间600分，B车间400分", session_id=_session()))[-1]
    assert Decimal(str(left.input["pool"])) == Decimal("285000")  # what is left is shared (see the set-aside test below)


def test_the_word_right_after_a_person_is_theirs_and_a_figure_after_bu_shi_is_taken_back():
    levels = _computed(respond("按案例2 算一下 老包技师带1个徒弟 小滑高级工", session_id=_session()))[-1].input["members"]
    assert {m["name"]: m.get("skill_level") for m in levels} == {"老包": "技师", "小滑": "高级工"}
    session = _session()
    respond("等差薪级 起薪四千 共8级 每级加100", session_id=session)
    reply = respond("说错了 每级是加120不是100", session_id=session)
    assert _computed(reply)[-1].output["levels"][1] == Decimal("4120.00")


def test_a_figure_that_cannot_be_used_as_written_is_asked_about():
    _asked("去年工资总额600万，利润增长5%，联动系数0.6，今年职工人数增加8", "8")
    _asked("在岗300人，拟激励80人，技术技能人才占六成以上，合规吗", "范围")
    _asked("同行4家的月薪 5200 5600 6100 P50多少", "4家")
    _asked("甲组500分 乙组300分 奖金8万 小韦在甲组 小韦能分多少", "小韦")


def test_work_records_take_the_item_written_nearest_before_each_figure():
    reply = respond("工分：抢修每次30分，巡检每台3分，总额2万。老包抢修10次巡检100台，老焦抢修5次巡检200台", session_id=_session())
    assert _computed(reply)[-1].output["points"] == {"老包": Decimal("600"), "老焦": Decimal("750")}


def test_the_rest_of_a_share_restates_it_and_a_grade_written_before_its_figure_labels_it():
    halves = _computed(respond("副总年薪40万，基本年薪和绩效年薪各占一半", session_id=_session()))[-1]
    assert halves.output["allocations"]["基本年薪"] == Decimal("200000.00")
    _asked("年薪36万，基本年薪占35%，绩效年薪占60%", "100%")
    fit = _computed(respond("帮我线性回归：1级 3000，2级 3500，3级 4000", session_id=_session()))[-1]
    assert fit.output["coefficients"]["b"] == Decimal("500.000000")


def test_members_in_brackets_and_names_sharing_one_figure_are_each_read():
    reply = respond("绩效池8万，两级：甲部门500分（老简250、老任250），乙部门300分（小简、小任各150）", session_id=_session())
    departments = _computed(reply)[-1].input["departments"]
    assert {k: set(v["members"]) for k, v in departments.items()} == {"甲部门": {"老简", "老任"}, "乙部门": {"小简", "小任"}}


def test_a_period_after_a_count_is_no_rate_and_a_standards_name_is_nobodys():
    counts = _computed(respond("按案例4 我们车间高级工3个 技师2个 中级工4个 一个月技能津贴一共多少", session_id=_session()))[-1]
    assert {k: Decimal(str(v)) for k, v in counts.input["headcounts"].items()} == {"高级工": 3, "技师": 2, "中级工": 4}
    named = respond("按案例4 技师2个 高级工5个", session_id=_session())
    assert not any(m.get("name", "").startswith("案例") for c in named.tool_calls for m in c.input.get("members") or [])


def test_a_member_the_text_leaves_out_shares_nothing():
    office = _computed(respond("奖金9万 一车间500分 二车间400分 后勤300分 后勤不参加", session_id=_session()))[-1]
    assert set(office.output["allocations"]) == {"一车间", "二车间"} and office.output["allocations"]["一车间"] == Decimal("50000.00")
    rework = _computed(respond("计件奖金2万，老艾600件，老符400件，另外小晏200件是试制件不算", session_id=_session()))[-1]
    assert set(rework.output["allocations"]) == {"老艾", "老符"}


def test_a_rule_for_state_owned_firms_is_a_reference_for_a_private_one():
    private = _computed(respond("我们是私企，工资总额涨了12%，利润涨了5%，会不会有问题", session_id=_session()))[-1]
    assert private.output["compliant"] is True and "参考" in private.output["findings"][0]["message"]
    state = _computed(respond("我们是国企，工资总额涨了12%，利润涨了5%，会不会有问题", session_id=_session()))[-1]
    assert state.output["compliant"] is False


def test_a_unit_price_a_per_head_coefficient_and_a_name_listed_without_figure_are_asked():
    _asked("计件 单价2块5 阿珍干了900件 阿琼700件 各拿多少")
    _asked("奖金池30万，按岗位系数：主任1.4，科员1.0，主任3人科员12人", "每人")
    _asked("计件奖金3万，阿珍、阿琼、阿娇三个人，阿珍900件、阿琼700件", "阿娇")


def test_a_person_asked_about_by_pronoun_and_a_head_count_change_are_asked():
    _asked("质检部500分，仓储部300分，奖金8万，钱工在质检部，他能拿多少", "钱工")
    _asked("工资总额去年700万，利润增长9%，联动系数0.5，职工人数比去年多了15", "15")
    oldest = _computed(respond("司龄工资5档，每3年一档，起步100，档差20。厂里最老的师傅干了20年了，他拿多少？", session_id=_session()))
    assert oldest and oldest[-1].output["amount"] == Decimal("180.00")


def test_changes_to_a_listed_figure_and_a_group_named_inside_another_are_asked():
    _asked("绩效奖金12万，甲部门积分5000，乙部门积分3000，甲部门扣考勤分300")
    _asked("奖金池15万，工程部3000分，采购部2000分，工程部其中有800分是上月结转的")
    _asked("技师比例：全厂共120人，技师及以上20人，超没超", "技师及以上")
    half = respond("计件奖金2万，阿强干了1000件，阿明干的是阿强的一半", session_id=_session())
    assert not _computed(half)


def test_a_change_over_last_year_is_a_growth_and_a_cap_is_asked_about():
    more = _computed(respond("两个低于：今年工资总额比去年多发了90万，去年是1800万，利润增长8%", session_id=_session()))[-1]
    assert Decimal(str(more.input["wage_total_growth"])) == Decimal("0.05")
    less = _computed(respond("利润今年比去年少了300万，去年利润6000万，工资总额增长2%，两个低于", session_id=_session()))[-1]
    assert Decimal(str(less.input["profit_growth"])) == Decimal("-0.05")
    _asked("联动：基数600万，效益增长20%，挂钩系数0.7，但增幅最多不能超过12%", "12%")


def test_a_follow_up_amount_goes_to_the_one_money_field_and_replaces_its_alternative():
    session = _session()
    respond("计件奖金3万，阿梁1500件，阿潘1000件", session_id=session)
    more = _computed(respond("那要是4万呢", session_id=session))[-1]
    assert more.output["allocations"] == {"阿梁": Decimal("24000.00"), "阿潘": Decimal("16000.00")}
    session = _session()
    respond("年薪50万，基本年薪占30%", session_id=session)
    base = _computed(respond("基本年薪改成14万", session_id=session))[-1]
    assert base.output["allocations"]["基本年薪"] == Decimal("140000.00")


def test_a_figure_with_its_department_alone_the_rest_of_a_team_and_a_person_after_his_title():
    table = _computed(respond("积分\t部门\n1800\t维修部\n1200\t仓储部\n奖金15万", session_id=_session()))[-1]
    assert table.output["allocations"] == {"维修部": Decimal("90000.00"), "仓储部": Decimal("60000.00")}
    assert "None" not in respond("积分\t部门\n1800\t维修部\n1200\t仓储部\n奖金15万", session_id=_session()).answer
    rest = respond("班长老鲁讲这个月计件奖金3万，他自己做了600件，班里其他人一共做了1400件，老鲁拿多少", session_id=_session())
    assert rest.needs and "其余" in rest.answer and not _computed(rest) and "老鲁 600" in rest.answer


def test_a_pronoun_after_a_person_named_without_a_figure_is_that_person():
    session = _session()
    respond("计件奖金2万，阿坤800件，阿伦1200件", session_id=session)
    added = _computed(respond("小蒙也要算，他做了500件", session_id=session))[-1]
    assert added.input["pieces"]["小蒙"] in ("500", Decimal("500"), 500)


def test_a_heading_that_opens_with_a_listed_member_heads_its_members():
    reply = respond("奖金池30万 甲车间3000分 乙车间2000分 丙车间1000分 甲车间分到的再按班组分：一班1800 二班1200", session_id=_session())
    departments = _computed(reply)[-1].input["departments"]
    assert set(departments["甲车间"]["members"]) == {"一班", "二班"} and "一班" not in departments


def test_a_day_is_nobodys_name_and_a_role_in_a_persons_bracket_is_that_person():
    _asked("计件奖金6000元，阿光今天做了90件，昨天做了80件，阿耀两天一共做了150件", "阿光")
    _asked("奖金20万，按积分：刘一（班长）110分，刘二95分，刘三85分，班长另外加15分", "班长")


def test_a_relative_raise_and_a_contrasting_second_figure_are_asked():
    _asked("计件奖金3万，阿黎做了500件，阿廖做了700件，阿黎是带班的，多给她15%", "15%")
    _asked("两个低于：工资总额计划增长5%，但实际执行增长了8%，利润增长7%", "8%")


def test_neighbouring_digits_said_side_by_side_are_a_guess_not_one_number():
    """七八个点 is 7 or 8 (never 78%), 两三万 2 or 3 万, 十七八人 17 or 18: asked, never computed."""
    _asked("利润涨了4%，工资总额打算加个五六个点，两个低于过得去吗", "五六个点")
    _asked("计件奖金大概两三万，阿甘做了400件，阿董做了600件", "两三万")
    _asked("分红激励：在岗二百人，激励十七八个人，其中技术骨干12人", "十七八")


def test_an_approximate_figure_after_a_word_ending_in_cheng_is_still_approximate():
    _asked("超额利润：今年目标利润800万，实际完成950万上下，超额部分提30%", "950万")


def test_a_count_said_before_its_noun_counts_that_noun():
    reply = respond("技能津贴每人每月：中级工200元，高级工400元，技师600元。班里有4个中级工、1个技师，一个月津贴总共多少", session_id=_session())
    call = _computed(reply)[-1]
    counted = {str(k): int(v) for k, v in call.input["headcounts"].items()}
    assert counted == {"中级工": 4, "技师": 1}, reply.answer


def test_market_pay_by_the_month_and_our_pay_by_the_year_are_asked_to_be_put_on_one_footing():
    _asked("同岗位几家同行给的月薪：7000、8000、8800、9500，我们这岗位年薪是10万，在市场里算高还是低", "月薪", "年薪")
    month = _computed(respond("同岗位几家同行给的月薪：7000、8000、8800、9500，我们月薪8200，在市场里算高还是低", session_id=_session()))
    assert month and Decimal(str(month[-1].input["current"])) == Decimal("8200")


def test_a_member_named_later_without_figure_is_asked_even_after_other_words():
    _asked("奖金9万按积分分：机修部260分，电工部240分，另外仓管部的积分还要等主任核一下", "仓管部")
    called = _computed(respond("奖金9万按积分分到车间：机修车间260分，电工车间240分", session_id=_session()))
    assert called and set(called[-1].output["allocations"]) == {"机修车间", "电工车间"}


def test_spoken_amounts_without_their_leading_one_and_an_amount_per_year():
    wan = _computed(respond("万二的计件奖金，阿福800件，阿禄400件", session_id=_session()))[-1]
    assert wan.output["allocations"] == {"阿福": Decimal("8000.00"), "阿禄": Decimal("4000.00")}
    chief = _computed(respond("职工年均工资8万，首席技师打算给20万一年，达标吗", session_id=_session()))[-1]
    assert Decimal(str(chief.input["pay"])) == Decimal("200000") and chief.output["compliant"] is False


def test_working_more_years_in_a_follow_up_adds_to_the_length_of_service():
    session = _session()
    respond("年功工资起步80元，每档加25元，每3年一档，共8档，小吕工龄5年，多少", session_id=session)
    later = _computed(respond("那他再干7年呢", session_id=session))[-1]
    assert Decimal(str(later.input["years"])) == Decimal("12") and later.output["amount"] == Decimal("180.00")


def test_a_span_of_grades_names_the_list_after_it():
    fit = _computed(respond("岗级2到5的薪酬中位值：5000、5600、6300、7000，线性回归", session_id=_session()))[-1]
    assert [p[0] for p in fit.input["points"]] == [2, 3, 4, 5] or [Decimal(str(p[0])) for p in fit.input["points"]] == [2, 3, 4, 5]


def test_a_rate_stated_as_part_of_another_rate_is_worked_out_or_asked():
    worked = _computed(respond("营业利润增长20%，工资总额增长定为利润增长的四成，两个低于看看", session_id=_session()))[-1]
    assert Decimal(str(worked.input["wage_total_growth"])) == Decimal("0.08")
    _asked("工资总额增幅按利润增幅的六成定，两个低于行不行", "六成")


def test_points_that_make_up_the_full_marks_are_weights():
    reply = respond("年度考核满分100分，其中营收30分、利润30分、安全20分、党建20分，指标设置合规吗", session_id=_session())
    call = _computed(reply)[-1]
    assert call.name == "kpi-check" and call.output["count"] == 4
    assert {k: Decimal(str(v)) for k, v in call.input["weights"].items()} == {
        "营收": Decimal("0.3"), "利润": Decimal("0.3"), "安全": Decimal("0.2"), "党建": Decimal("0.2")}
    scores = _computed(respond("满分100分，小卢92分，小金85分，小汤78分，按10%、70%、20%分等次", session_id=_session()))
    assert not scores or scores[-1].name != "kpi-check"


def test_people_after_a_second_department_belong_to_it_once_members_are_listed_under_the_first():
    reply = respond("奖金20万。质检科800分，里面老尹300分、小包500分；仓储科1200分，老侯700分、小牛500分。两级都要", session_id=_session())
    members = _computed(reply)[-1].output["members"]
    assert set(members["仓储科"]) == {"老侯", "小牛"} and set(members["质检科"]) == {"老尹", "小包"}


def test_two_calculations_asked_in_one_message_are_both_run_with_citations_numbered_through():
    reply = respond("先帮我看下分红：在岗职工300人，激励80人，其中技术技能人才50人；另外再算个两个低于：工资总额增长4%，利润增长6%",
                    session_id=_session())
    assert [c.name for c in _computed(reply)] == ["dividend-check", "two-lower-check"]
    assert reply.tool_calls[1].output["compliant"] is True
    assert [c.n for c in reply.citations] == list(range(1, len(reply.citations) + 1))
    assert {int(n) for n in re.findall(r"\[(\d+)\]", reply.answer)} <= {c.n for c in reply.citations}
    one_table = _computed(respond("岗位工资：初级工2100，中级工2500；薪级20级，首级100，级差30。中级工第5级多少", session_id=_session()))
    assert [c.name for c in one_table] == ["post-wage-table"]


def test_a_persons_attribute_the_request_names_is_asked_for_and_taken_from_the_answer():
    session = _session()
    first = respond("按技能津贴加带徒津贴，给龙师傅算算每月多少，他带了3个徒弟", session_id=session)
    assert first.needs and "龙师傅的技能等级" in first.answer and not _computed(first)
    then = _computed(respond("他是高级技师", session_id=session))[-1]
    assert then.input["members"][0]["skill_level"] == "高级技师" and then.output["allocations"]["龙师傅"] == Decimal("1300.00")
    pure = _computed(respond("师带徒津贴按每徒每月300：老柏带1个，老蔡带2个，每人多少", session_id=_session()))
    assert pure and pure[-1].output["allocations"] == {"老柏": Decimal("300.00"), "老蔡": Decimal("600.00")}


def test_more_than_a_half_and_almost_so_many_years_are_guesses():
    _asked("分红激励：在岗职工300人，激励60人，技术技能人才占一半多，合规吗", "一半")
    _asked("工龄工资每档加30，起步100，每2年一档，共10档，老骆工龄快12年了，拿多少", "12年")


def test_points_written_as_dian_are_scores_and_a_clock_time_is_no_figure():
    call = _computed(respond("按点数分奖金：池子9万，甲岗300点，乙岗600点，下午3点前给我", session_id=_session()))[-1]
    assert call.output["allocations"] == {"甲岗": Decimal("30000.00"), "乙岗": Decimal("60000.00")}


def test_so_long_short_of_a_full_length_of_service_is_that_much_less():
    call = _computed(respond("年功工资：起步60元，每档加15元，每满4年一档，共8档，老谭还差三个月满16年", session_id=_session()))[-1]
    assert Decimal(str(call.input["years"])) == Decimal("15.75") and call.output["band"] == 4


def test_the_rest_s_share_is_turned_round_and_a_limit_on_it_is_asked():
    turned = _computed(respond("年薪总额30万，绩效年薪占七成，算下基本年薪", session_id=_session()))[-1]
    assert turned.output["allocations"]["基本年薪"] == Decimal("90000.00")
    _asked("年薪总额30万，绩效年薪不低于65%，基本年薪能给多少", "65%")


def test_the_other_items_weight_is_an_item_of_its_own():
    call = _computed(respond("考核指标权重：产值40%、成本20%、安全20%、创新10%、其他10%，行不行", session_id=_session()))[-1]
    assert call.output["count"] == 5 and Decimal(str(call.output["weight_total"])) == 1


def test_a_part_of_a_members_figure_and_a_listed_members_unread_amount_are_asked():
    _asked("奖金6万按积分，老邬420分，老殷380分，老邬的分里头有40分是借调期间的", "40分")
    _asked("奖金5万，小凤被罚了300元，按积分分：小凤260分，小燕240分", "300元")


def test_the_amount_left_after_a_sum_is_set_aside_is_shared():
    left = _computed(respond("季度奖金共12万，先拿出2万作部门经费，剩下的按积分分：东区600分，西区400分", session_id=_session()))[-1]
    assert left.output["allocations"] == {"东区": Decimal("60000.00"), "西区": Decimal("40000.00")}
    kept = _computed(respond("绩效池30万，预留两成做年底奖励，其余按计件分：一线A组2000件、一线B组1000件", session_id=_session()))[-1]
    assert kept.output["allocations"] == {"一线A组": Decimal("160000.00"), "一线B组": Decimal("80000.00")}


def test_a_deduction_for_a_listed_member_in_a_follow_up_changes_that_member():
    session = _session()
    respond("按积分分奖金9万：甲班500分，乙班400分，丙班300分", session_id=session)
    call = _computed(respond("乙班出了安全事故，得扣100分，重新算", session_id=session))[-1]
    assert call.input["scores"]["乙班"] in (Decimal("300"), 300, "300") and Decimal(str(call.input["scores"]["甲班"])) == 500


def test_a_spoken_correction_replaces_the_figure_just_said_and_fillers_are_no_names():
    call = _computed(respond("嗯奖金是三万，呃阿勇做了八百件，阿强做了七百，哦不是，六百件", session_id=_session()))[-1]
    assert {k: Decimal(str(v)) for k, v in call.input["pieces"].items()} == {"阿勇": Decimal("800"), "阿强": Decimal("600")}


def test_someone_elses_figure_for_the_same_thing_and_an_undecided_item_are_asked():
    _asked("奖金池2万，会计又说是2万2，甲班300分，乙班200分", "2万2")
    _asked("指标：营收35%、利润30%、安全20%，党建那项权重还没想好，合规吗", "党建")


def test_a_plan_beside_the_actual_output_is_left_aside():
    call = _computed(respond("三车间本月计划产量8000件，实际完成7500件，计件工资总额15万，老米做了900件，他拿多少", session_id=_session()))[-1]
    assert call.output["allocations"]["老米"] == Decimal("18000.00")


def test_our_own_allowance_standard_named_but_not_given_is_asked():
    _asked("按我们厂自己的标准算技能津贴：老邱技师，小潘高级工", "自定技能津贴")


def test_going_back_to_an_earlier_figure_and_a_split_asked_without_a_pool():
    session = _session()
    respond("奖金池8万，冲压班600分，焊装班400分", session_id=session)
    respond("池子改成9万", session_id=session)
    back = _computed(respond("算了，还是按8万算吧", session_id=session))[-1]
    assert back.output["allocations"] == {"冲压班": Decimal("48000.00"), "焊装班": Decimal("32000.00")}
    _asked("冲压班600分，焊装班400分，帮我分一下", "绩效工资总量")


def test_and_a_half_years_and_plus_or_minus_are_read():
    call = _computed(respond("年功工资：每满3年一档，第一档50元，每档加25元，共5档，小庞工龄8年半", session_id=_session()))[-1]
    assert Decimal(str(call.input["years"])) == Decimal("8.5") and call.output["band"] == 3
    band = _computed(respond("宽带薪酬：一级中位值4000，二级5000，浮动正负10%，分3档", session_id=_session()))[-1]
    assert band.output["grades"]["一级"]["min"] == Decimal("3600.00")


def test_growth_from_a_gap_over_last_year_and_from_this_years_plan():
    gap = _computed(respond("今年净利润比去年多挣了200万，去年净利润1000万，工资总额增长12%，两个低于", session_id=_session()))[-1]
    assert Decimal(str(gap.input["profit_growth"])) == Decimal("0.2")
    plan = _computed(respond("上年工资总额800万，今年准备发880万，利润增长15%，两个低于行吗", session_id=_session()))[-1]
    assert Decimal(str(plan.input["wage_total_growth"])) == Decimal("0.1")


def test_an_amount_times_a_count_is_their_product():
    call = _computed(respond("这季度奖金按每月2万×3个月算，按积分分：一组500分，二组700分", session_id=_session()))[-1]
    assert Decimal(str(call.input["pool"])) == Decimal("60000")


def test_a_lettered_member_named_without_a_figure_is_asked():
    _asked("奖金12万：A部1500分，B部900分，C部也参加分配", "C部")


def test_a_listed_members_second_figure_is_asked_unless_it_is_an_aside():
    """质检组40人 beside 质检组90分 is part of the method the text names; 质检组（40人） is a remark."""
    _asked("奖金20万，质检组90分，装配组80分，质检组6人，装配组14人，按人头乘分数来分", "6人")
    call = _computed(respond("奖金20万，质检组（6人）90分，装配组（14人）110分，按积分分", session_id=_session()))[-1]
    assert call.output["allocations"] == {"质检组": Decimal("90000.00"), "装配组": Decimal("110000.00")}


def test_an_amount_per_head_beside_the_head_count_is_the_total():
    call = _computed(respond("夜班组奖金平均每人1200元，一共5人，按积分分：老严300分，小祝200分", session_id=_session()))[-1]
    assert Decimal(str(call.input["pool"])) == Decimal("6000")
    _asked("奖金按人均1800元发，按件数分：老严300件，小祝200件", "总量")


def test_a_growth_over_another_base_than_last_year_is_asked():
    _asked("利润环比上涨4%，工资总额同比增长3%，两个低于有没有问题", "环比")
    _asked("工资总额比前年多了12%，利润今年增长10%，符合两个低于吗", "前年")


def test_half_a_comparison_asks_for_its_partner():
    _asked("工资总额增长6%，利润增长9%，职工平均工资增长7%，两个低于是否都满足", "劳动生产率")
    call = _computed(respond("工资总额增长6%，利润增长9%，全部职工平均工资增长5%，集团总部平均工资增长6%，看看合规吗",
                             session_id=_session()))[-1]
    assert call.name == "two-lower-check" and call.output["compliant"] is False


def test_counts_in_different_units_are_asked():
    _asked("计件奖金2万：老龚装了600台，老褚包了90箱", "单位不一致")


def test_a_unit_named_by_a_plan_word_keeps_its_name():
    call = _computed(respond("奖金6万按积分分：预算科300分，计划部200分，质检科100分", session_id=_session()))[-1]
    assert set(call.output["allocations"]) == {"预算科", "计划部", "质检科"}


def test_a_unit_line_under_a_pasted_table_applies_to_it_but_not_to_what_it_excepts():
    text = "指标\t数\n去年工资总额\t2,400\n利润增幅\t10%\n挂钩系数\t0.6\n单位：万元（增幅、系数除外）\n今年工资总额能到多少"
    call = _computed(respond(text, session_id=_session()))[-1]
    assert Decimal(str(call.input["base_total"])) == Decimal("24000000") and Decimal(str(call.input["ratio"])) == Decimal("0.6")


def test_a_pasted_table_with_an_index_column_and_a_person_column():
    text = "编号\t小组\t员工\t计件数\n01\t包装组\t胡敏\t900\n02\t包装组\t葛亮\t600\n计件奖金 1.5万，按件数分"
    call = _computed(respond(text, session_id=_session()))[-1]
    assert call.output["allocations"] == {"胡敏": Decimal("9000.00"), "葛亮": Decimal("6000.00")}
    _asked("姓名\t件数\t备注\n胡敏\t900\t病假3天\n葛亮\t600\t\n计件奖金 1.5万，按件数分", "3天")


def test_a_member_left_out_before_its_name_and_a_pool_said_again():
    call = _computed(respond("奖金池4万，按积分：老付300分、老郝200分、小邱100分。先不算小邱，奖金池还是4万", session_id=_session()))[-1]
    assert call.output["allocations"] == {"老付": Decimal("24000.00"), "老郝": Decimal("16000.00")}


def test_a_members_head_count_equal_to_the_list_size_is_still_asked():
    _asked("计件奖金3万：初级工1200件，中级工900件，初级工有两个人", "两个人")


def test_grade_words_name_no_band_count_and_written_service_is_not_doubled():
    call = _computed(respond("年功工资每3年一档，首档40元，每档加20元，封顶9档；四级工老沈干了20年", session_id=_session()))[-1]
    assert call.output["band"] == 7 and Decimal(str(call.input["bands"])) == 9
    call = _computed(respond("年功工资起点60元，每满4年加一档，每档加30元，共6档。老蔡2010年入职，到今年（2026年）工龄16年", session_id=_session()))[-1]
    assert Decimal(str(call.input["years"])) == 16 and call.output["band"] == 5


def test_a_rule_the_user_quotes_is_no_figure_of_theirs():
    call = _computed(respond("规定不是说首席技师年薪不低于平均工资3倍吗？我们平均工资9万，首席技师年薪26万", session_id=_session()))[-1]
    assert call.name == "chief-technician-pay" and Decimal(str(call.input["pay"])) == Decimal("260000")


def test_a_figure_asked_about_again_and_keycap_bullets():
    call = _computed(respond("考核指标：产量40%、质量30%、成本20%、安全10%，10%那个是不是太低？", session_id=_session()))[-1]
    assert call.output["count"] == 4
    kpi = _computed(respond("部门KPI\n1️⃣ 产量 50%\n2️⃣ 质量 30%\n3️⃣ 安全 20%", session_id=_session()))[-1]
    assert kpi.output["count"] == 3


def test_role_coefficients_are_neither_departments_nor_members():
    _asked("机修组绩效总额1.8万，班长系数1.2，组员系数1.0，班长1人组员4人，怎么分", "1.2")


def test_equal_growth_is_not_lower():
    call = _computed(respond("工资总额增长7%，利润也增长7%，两个低于过吗", session_id=_session()))[-1]
    assert call.output["compliant"] is False


def test_an_average_per_head_is_no_total_and_a_member_left_out_by_pronoun():
    _asked("上年职工人均工资8.8万，效益增长12%，挂钩系数0.6，今年工资总额多少", "人均")
    call = _computed(respond("计件池2万：老蒋500件，老聂300件，小甘200件。小甘是临时工，不算她，池子不变", session_id=_session()))[-1]
    assert call.output["allocations"] == {"老蒋": Decimal("12500.00"), "老聂": Decimal("7500.00")}


def test_the_number_of_grades_listed_is_no_band_count():
    call = _computed(respond("宽带薪酬两个等级：一级中位值4万，二级5万，区间正负20%", session_id=_session()))[-1]
    assert call.input.get("bands") != 2 and len(call.output["grades"]) == 2


def test_a_rate_worked_out_from_amounts_that_disagrees_with_the_written_one_is_asked():
    _asked("工资总额从5000万增加到5200万，增幅3%；利润增长8%，两个低于呢", "不一致")


def test_an_amount_far_below_a_yearly_one_it_is_compared_with_asks_its_period():
    _asked("在岗职工年平均工资8.5万，首席技师准备发1.9万，达不达标", "每月还是全年")


def test_fen_gei_after_an_amount_is_the_verb_not_a_score_unit():
    call = _computed(respond("奖金6万分给两个班，甲班400分，乙班比甲班少200分", session_id=_session()))[-1]
    assert call.output["allocations"] == {"甲班": Decimal("40000.00"), "乙班": Decimal("20000.00")}


def test_one_column_of_a_pasted_table_is_one_list_of_samples():
    text = "同行月薪\n序号\t公司\t月薪\n1\t华兴\t6200\n2\t远航\t6800\n3\t恒达\t7400\n算一下中位数"
    call = _computed(respond(text, session_id=_session()))[-1]
    assert call.name == "market-percentiles" and call.output["percentiles"]["50"] == Decimal("6800.00")


def test_items_given_a_share_only_in_words_are_asked():
    _asked("考核指标：产量35%、成本25%，质量和安全也占一定比例，看看权重行不行", "质量和安全")


def test_a_choice_the_user_leaves_open_is_asked_but_not_knowing_how_to_split_is_a_request():
    _asked("计件池4万：老焦900件，老黎700件，小丁400件。小丁下月离职，他的那份扣不扣我还拿不准", "还没确定")
    call = _computed(respond("计件池4万：老焦900件，老黎700件，小丁400件，我不知道怎么分，帮我算", session_id=_session()))[-1]
    assert call.output["allocations"]["老焦"] == Decimal("18000.00")


def test_the_answer_to_a_period_question_counts_a_month_twelve_times():
    session = _session()
    first = respond("在岗职工年平均工资8万，首席技师打算发1.9万，够2.8倍吗", session_id=session)
    assert first.needs and "每月还是全年" in first.answer and not _computed(first)
    call = _computed(respond("按月算", session_id=session))[-1]
    assert Decimal(str(call.input["pay"])) == Decimal("228000") and call.output["compliant"] is True


def test_an_amount_in_words_and_its_figures_agree_or_are_asked():
    call = _computed(respond("奖金总额人民币贰万元整（小写：¥20,000.00），按积分分：甲组300分，乙组200分", session_id=_session()))[-1]
    assert call.output["allocations"] == {"甲组": Decimal("12000.00"), "乙组": Decimal("8000.00")}
    _asked("奖金总额人民币贰万元整（小写：¥25,000.00），按积分分：甲组300分，乙组200分", "25,000")


def test_a_follow_up_adding_a_member_with_a_classifier_and_changing_a_median():
    session = _session()
    respond("奖金6万，甲车间300分，乙车间200分", session_id=session)
    call = _computed(respond("再加个丙车间100分", session_id=session))[-1]
    assert set(call.output["allocations"]) == {"甲车间", "乙车间", "丙车间"}
    session = _session()
    respond("宽带薪酬：一级中位值5000，二级6000，上下浮动10%，分3档", session_id=session)
    band = _computed(respond("二级中位值改成6500", session_id=session))[-1]
    assert band.output["grades"]["二级"]["min"] == Decimal("5850.00")


def test_full_marks_closing_the_list_make_the_points_weights():
    call = _computed(respond("考核表：利润 40分，回款 30分，安全 20分，培训 10分，满分100", session_id=_session()))[-1]
    assert call.name == "kpi-check" and call.output["count"] == 4


def test_a_grades_allowance_names_no_person():
    call = _computed(respond("高级工津贴每月200，技师300，我们有4个高级工，2个技师，一年技能津贴一共多少", session_id=_session()))[-1]
    assert call.name == "allowance-schedule" and "津贴" not in str(call.input.get("members"))


def test_people_inside_a_listed_group_are_not_paid_beside_it():
    _asked("计件奖金3万，小组甲完成1000件，小组乙完成500件，小组甲里老邢600件、老聂400件", "属于")


def test_a_share_of_a_figure_read_as_the_whole_is_asked():
    _asked("奖金按利润总额的6%提取，利润总额900万，按积分分：一部800分，二部1200分", "6%")


def test_a_numeral_after_a_units_word_names_the_unit():
    """车间3做了…, 小组2分…: the numeral ends the unit's name; 一车间100， after a name is still its figure."""
    call = _computed(respond("计件奖金3万，车间3完成900件，车间4完成600件", session_id=_session()))[-1]
    assert call.output["allocations"] == {"车间3": Decimal("18000.00"), "车间4": Decimal("12000.00")}
    call = _computed(respond("小组2和小组5的奖金1万2，小组2得分70，小组5得分50", session_id=_session()))[-1]
    assert Decimal(str(call.input["pool"])) == 12000 and set(call.output["allocations"]) == {"小组2", "小组5"}
    call = _computed(respond("奖金一万，一车间60，二车间40，按积分分", session_id=_session()))[-1]
    assert call.output["allocations"] == {"一车间": Decimal("6000.00"), "二车间": Decimal("4000.00")}


def test_a_pool_given_only_as_a_limit_or_denied_is_asked():
    """不到8万 / 没有8万那么多 bound the pool without giving it; 不是5万 takes a figure back (and with
    another said beside it, the two are asked about, never one guessed)."""
    _asked("奖金不到8万，甲组500分，乙组300分", "上限")
    _asked("奖金池没有8万那么多，甲组500分，乙组300分", "上限")
    _asked("计件工资不是5万，具体多少还没定，老苗900件，老柯600件", "部门可供分配绩效工资总量")
    _asked("计件工资不是5万而是5.4万，老苗900件，老柯600件", "5.4万")  # two figures for one pool: which one holds


def test_figures_said_aside_or_naming_a_place_are_no_inputs():
    """月薪…这个不用管 is said aside on purpose; 在5楼 is a floor; 700 pcs are pieces."""
    call = _computed(respond("计件工资3万，老苗900件，老柯600件，他们底薪4500，这个不用管", session_id=_session()))[-1]
    assert call.output["allocations"] == {"老苗": Decimal("18000.00"), "老柯": Decimal("12000.00")}
    call = _computed(respond("我们公司在5楼，奖金3万，甲组600分、乙组400分", session_id=_session()))[-1]
    assert call.output["allocations"] == {"甲组": Decimal("18000.00"), "乙组": Decimal("12000.00")}
    call = _computed(respond("计件奖金2万，老苗300 pcs，老柯100 pcs", session_id=_session()))[-1]
    assert call.output["allocations"] == {"老苗": Decimal("15000.00"), "老柯": Decimal("5000.00")}


def test_a_coefficient_written_after_a_members_figure_is_that_members():
    """老苗900件系数0.9 / 技师2人系数1.5: the coefficient belongs to the one just named; head counts
    with coefficients split the pool by 人数 × 系数 (系数法)."""
    call = _computed(respond("计件工资3万，老苗900件系数0.5，老柯600件", session_id=_session()))[-1]
    assert call.output["allocations"] == {"老苗": Decimal("12857.14"), "老柯": Decimal("17142.86")}
    call = _computed(respond("奖金4万按系数分，技师2人系数1.5，普工7人系数1.0", session_id=_session()))[-1]
    assert call.name == "points-allocation"
    assert call.output["allocations"] == {"技师": Decimal("12000.00"), "普工": Decimal("28000.00")}
    assert call.output["per_person"] == {"技师": Decimal("6000.00"), "普工": Decimal("4000.00")}


def test_an_amount_no_calculator_takes_is_said_and_asked_about():
    """个税 / 年假工资 with figures: no calculator and no clause — said plainly, no figure, a question back."""
    for text in ("年终奖3万，个税要交多少", "小敖请了5天年假，日工资320元，年假工资咋算"):
        reply = respond(text, session_id=_session())
        assert reply.needs and not _computed(reply) and "不在 PayGuide 的范围内" in reply.answer, reply.answer
        assert not re.search(r"\d", reply.answer.split("\n")[0].replace("PayGuide", "")), reply.answer


def test_lists_read_across_spaces_and_remainders_named_first():
    """算10 90分位 names two percentiles; 甲 其余 is the rest's share; 起3500开始 ends the start figure."""
    call = _computed(respond("同行年薪 9万 10万 11万 13万 16万，算一下10 90分位", session_id=_session()))[-1]
    assert set(call.output["percentiles"]) == {"10", "90"}
    call = _computed(respond("考核等次 40人 优秀10% 良好60% 一般 其余", session_id=_session()))[-1]
    assert call.output["counts"] == {"优秀": 4, "良好": 24, "一般": 12}
    call = _computed(respond("等差薪级 从3500开始 级差250 8级", session_id=_session()))[-1]
    assert call.output["levels"][0] == Decimal("3500.00") and call.output["levels"][1] == Decimal("3750.00")


def test_someone_with_an_uncounted_share_or_a_limit_instead_of_a_figure_is_asked_about():
    _asked("计件工资4万，老苗900件，老柯600件，另外老宫也做了一点", "老宫")
    _asked("上年工资总额2000万，利润增长8%，联动系数没有0.7那么高", "上限")


def test_a_name_with_a_mended_typo_loses_the_mended_word():
    """甲组绩分500 (绩分 for 积分): the group is 甲组, not 甲组绩."""
    call = _computed(respond("奖金3万，甲组绩分500，乙组绩分250", session_id=_session()))[-1]
    assert call.output["allocations"] == {"甲组": Decimal("20000.00"), "乙组": Decimal("10000.00")}


def test_a_follow_up_changing_a_per_member_field_without_the_member_is_asked():
    session = _session()
    respond("计件工资2万，老苗900件系数1.1，老柯600件系数0.9", session_id=session)
    reply = respond("系数改成1.0", session_id=session)
    assert reply.needs and not _computed(reply) and "是改谁的" in reply.answer and "老苗" in reply.answer, reply.answer


def test_contradicting_or_pending_inputs_are_asked_and_unchanged_members_kept():
    """级差 that disagrees with the lowest and highest grade; 其他几项看着办 still to come; a 合计 of a bare
    车间 is the whole, not a department; 老苗没变 restates that member's figure."""
    reply = respond("等差薪级，共6级，级差300，最低4000，最高5600", session_id=_session())
    assert not _computed(reply) and "对不上" in reply.answer and "5500" in reply.answer, reply.answer
    _asked("考核权重：利润35%、成本25%、其余几项看着办", "看着办")
    _asked("奖金10万，车间合计积分5000分，其中一车间2000分，二车间1500分", "其余")
    session = _session()
    respond("计件工资2万，老苗900件，老柯600件，老宫500件", session_id=session)
    call = _computed(respond("我再说一遍，老柯是700件，老苗没变，老宫也对，总额还是两万", session_id=session))[-1]
    assert call.output["allocations"] == {"老苗": Decimal("8571.43"), "老柯": Decimal("6666.67"), "老宫": Decimal("4761.90")}


def test_undo_goes_back_to_the_inputs_before_the_last_change():
    """改成… then 还是按原来的: the figures computed before the change, computed again (and said so)."""
    session = _session()
    respond("奖金6万，甲组300分，乙组300分", session_id=session)
    changed = _computed(respond("甲组改成600分", session_id=session))[-1]
    assert changed.output["allocations"]["甲组"] == Decimal("40000.00")
    reply = respond("算了，还是按原来的吧", session_id=session)
    assert _computed(reply)[-1].output["allocations"] == {"甲组": Decimal("30000.00"), "乙组": Decimal("30000.00")}
    assert "改回" in reply.answer
    session = _session()
    respond("利润增长6%，工资总额增长5%，两个低于行不行", session_id=session)
    assert _computed(respond("工资总额改成7%呢", session_id=session))[-1].output["compliant"] is False


def test_a_growth_written_as_a_fraction_is_read_only_when_unmistakable():
    """涨0.04 is 4%; 涨了0.5 may be half a percent or half: asked, never guessed."""
    call = _computed(respond("工资总额涨0.04，利润涨0.06，两个低于符合吗", session_id=_session()))[-1]
    assert Decimal(str(call.input["wage_total_growth"])) == Decimal("0.04") and call.output["compliant"] is True
    reply = respond("利润涨了0.5，工资总额涨了0.4，两个低于符合吗", session_id=_session())
    assert not _computed(reply), reply.answer
