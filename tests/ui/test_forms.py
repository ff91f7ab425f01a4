"""The forms behind 计算器 and 方案起草: built from the input models, read through the shared
reader, shown again as Chinese-keyed YAML; no browser needed."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calculators
from assistant.ui import forms
from assistant.ui import handlers as h


@pytest.mark.parametrize("name", [c.name for c in calculators.list_calculators()])
def test_every_calculator_example_round_trips_through_its_form(name):
    form = h.calculator_form(name)
    example = calculators.get_calculator(name).example
    from_form = calculators.run(name, form.read(form.values(example)))
    from_text = calculators.run(name, form.parse(form.text(example)))
    expected = calculators.run(name, example)
    for result in (from_form, from_text, expected):
        result.pop("trace")  # the trace echoes inputs as typed
    assert from_form == expected and from_text == expected


@pytest.mark.parametrize("name", [n for _, n in h.example_choices()])
def test_every_sample_profile_round_trips_through_the_drafting_form(name):
    from doc_templates import load_example

    values, tables = h.example_page(name)
    profile, staff = h._page_profile(h.draft_form(), values, tables)
    assert profile == load_example(name) and staff == []


def test_drafting_figures_are_read_as_the_chat_reads_them():
    form = h.draft_form()
    values, tables = h.example_page("private-manufacturer")
    labels = [f["label"] for f in form.fields]
    values[labels.index("年度绩效工资总量（元）")] = "90万"
    values[labels.index("工资总额计划增幅")] = "6%"
    profile, _ = h._page_profile(form, values, tables)
    assert profile.budget.performance_pool == Decimal(900000) and profile.budget.wage_total_growth == Decimal("0.06")


def test_figures_are_read_as_the_chat_reads_them():
    form = h.calculator_form("points-allocation")
    values = form.values({})
    fields = [f.key for f in form.fields]
    values[fields.index("pool")] = "30万"
    values[fields.index("scores")] = [["甲", "2万4"], ["乙", "1,200"], ["", ""]]
    data = form.read(values)
    assert data == {"pool": Decimal(300000), "scores": {"甲": Decimal(24000), "乙": Decimal(1200)}}
    result = calculators.run("points-allocation", data)
    assert sum(result["allocations"].values()) == Decimal("300000.00")


def test_percent_and_growth_ratio():
    ladder = h.calculator_form("ladder")
    fields = {f.key: f for f in ladder.fields}
    assert forms.read_figure("8%", "级比", one_plus=fields["ratio"].one_plus) == Decimal("1.08")
    assert forms.read_figure("15%", "比例") == Decimal("0.15")


def test_a_figure_that_cannot_be_read_names_its_field_in_chinese():
    form = h.calculator_form("points-allocation")
    values = form.values(calculators.get_calculator("points-allocation").example)
    values[[f.key for f in form.fields].index("pool")] = "很多"
    with pytest.raises(forms.FormError, match="绩效工资总量：看不懂“很多”"):
        form.read(values)


def test_the_text_view_is_keyed_in_chinese_and_reads_the_command_line_keys_too():
    form = h.calculator_form("excess-profit-sharing")
    text = form.text(calculators.get_calculator("excess-profit-sharing").example)
    assert "实际利润:" in text and "分段起点:" in text and "actual" not in text and "from" not in text
    typed = '{"actual": "1600万", "tiers": [{"from": 1000, "to": 1200, "rate": "10%"}]}'
    assert form.parse(typed) == {"actual": Decimal(16000000), "tiers": [{"from": Decimal(1000), "to": Decimal(1200), "rate": Decimal("0.1")}]}


def test_an_unknown_key_in_the_text_view_is_an_error():
    with pytest.raises(forms.FormError, match="表单中没有的项：利润率"):
        h.calculator_form("points-allocation").parse("绩效工资总量: 100\n利润率: 3")


def test_choices_are_offered_by_their_chinese_names():
    mode = next(f for f in h.calculator_form("ladder").fields if f.key == "mode")
    assert mode.widget is forms.Widget.CHOICE and dict(mode.choices) == {"等差": "arithmetic", "等比": "geometric"}


def test_messages_and_descriptions_say_fields_by_their_titles():
    from calculators.allocation import PointsInput

    assert forms.plain_words(PointsInput, "请提供积分 scores，或两级分配的 departments") == "请提供积分，或两级分配的“部门”"
    for info in calculators.list_calculators():
        intro = h.calculator_intro(info.name)
        assert not any(key in intro.split() for key in info.input_model.model_fields), intro
