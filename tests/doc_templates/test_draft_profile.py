"""The profile schema: samples load and round-trip; impossible values are refused in Chinese."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from draft_helpers import EXAMPLES, docx_files, minimal_profile

import doc_templates
from doc_templates import Profile, ProfileError


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_five_samples_ship():
    assert EXAMPLES == ["power-supply-station", "private-manufacturer", "private-restaurant", "soe-power", "soe-tech"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_sample_round_trips_through_a_dump(name):
    profile = doc_templates.load_example(name)
    dumped = profile.model_dump(mode="json", exclude_none=True)  # what the UI puts on the page
    again = Profile.model_validate(yaml.safe_load(yaml.safe_dump(dumped, allow_unicode=True)))
    assert again == profile


def test_sample_sizes_and_ownership():
    sizes = {n: doc_templates.load_example(n) for n in EXAMPLES}
    assert sizes["private-manufacturer"].headcount == 60
    assert sizes["private-manufacturer"].company.ownership == "非公有制"
    assert sizes["soe-tech"].headcount == 800 and sizes["soe-tech"].state_owned
    station = sizes["power-supply-station"]
    assert station.state_owned and station.components.performance.point_prices
    restaurant, power = sizes["private-restaurant"], sizes["soe-power"]
    assert restaurant.headcount == 35 and not restaurant.state_owned and "餐饮" in restaurant.company.industry
    assert power.headcount == 3000 and power.state_owned and "电力" in power.company.industry


def test_ownership_aliases_and_percent_strings():
    data = minimal_profile()
    data["company"]["ownership"] = "民营企业"
    data["budget"]["wage_total_growth"] = "5%"
    profile = Profile.model_validate(data)
    assert profile.company.ownership == "非公有制"
    assert str(profile.budget.wage_total_growth) == "0.05"


def _with(path: str, value) -> dict:
    """minimal_profile() with one nested value replaced, e.g. "budget.annual_wage_total"."""
    data = minimal_profile()
    target = data
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target.setdefault(key, {})
    if value is _DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return data


_DELETE = object()

BAD = [
    ("budget.annual_wage_total", -5, "年度工资总额预算应大于 0"),
    ("budget.performance_pool", 2_000_000, "不能超过年度工资总额预算"),
    ("budget.performance_pool", -1, "不能为负数"),
    ("grades.0.post_wage", _DELETE, "没有填写岗位工资"),
    ("grades.0.post_wage", 0, "岗位工资应大于 0"),
    ("grades.1.headcount", -3, "人数不能为负数"),
    ("grades.1.name", "普工", "重复出现"),
    ("grades", [], "至少要有一个岗位等级"),
    ("company.ownership", "外资", "所有制性质应为"),
    ("company.name", "", "不能为空"),
    ("budget.annual_wage_total", "很多", "应为数字"),
    ("budget.annual_wage_total", float("nan"), "有限的数字"),
    ("budget.unknown", 1, "不认识的字段"),
    ("components", {"performance": {"method": "平均分配"}}, "取值应为"),
    ("components", {"performance": {"kpis": {"利润": 1.4}}}, "0 到 1 之间"),
    ("components", {"seniority": {"bands": 0}}, "工龄段数应至少为 1"),
    ("components", {"allowances": {"team_leader": {"min": 500, "max": 100}}}, "不能低于下限"),
    ("components", {"pay_steps": {"count": 1}}, "薪级数应在 2 到 60 之间"),
    ("grades", [{"name": "技师", "category": "技能", "headcount": 2, "post_wage": 500},
                {"name": "服务员", "category": "技能", "headcount": 9, "post_wage": 2500}], "为技师及以上技能等级，岗位工资 500 元却低于一般技能岗位“服务员”"),
    ("grades", [{"name": "服务员", "category": "技能", "headcount": 9, "post_wage": 2500},
                {"name": "技师", "category": "技能", "headcount": 2, "post_wage": 500}], "岗位工资 500 元却低于 2500 元"),
    ("grades", [{"name": "高级工", "category": "技能", "headcount": 9, "post_wage": 2500},
                {"name": "清洁工", "category": "技能", "headcount": 2, "post_wage": 2600},
                {"name": "技师", "category": "技能", "headcount": 2, "post_wage": 2000}], "技能等级高于“高级工”"),
    ("grades.0.steps", {1: 4, 2: 4}, "与该岗位人数 10 人不一致"),
    ("grades", [{"name": "普工", "category": "技能", "headcount": 5, "post_wage": 1500, "start_step": 9},
                {"name": "技工", "category": "技能", "headcount": 5, "post_wage": 1520, "start_step": 1}], "起点薪级 1 低于"),
    ("payment", {"pay_day": 40}, "发薪日应在 1 到 31 之间"),
]


@pytest.mark.parametrize("path,value,expected", BAD, ids=[b[2] for b in BAD])
def test_impossible_values_are_refused_in_chinese(path, value, expected):
    with pytest.raises(ProfileError) as caught:
        Profile.model_validate(_with(path, value))
    message = str(caught.value)
    assert expected in message
    assert message.startswith("企业概况有误") and "\n" not in message
    assert "Input should" not in message and "Value error" not in message


def test_every_problem_is_listed_at_once_with_its_chinese_field():
    data = minimal_profile()
    data["company"]["ownership"] = "外资"
    data["budget"]["annual_wage_total"] = -1
    data["grades"][1]["headcount"] = "三"
    data["payment"] = {"pay_day": 0}
    with pytest.raises(ProfileError) as caught:
        Profile.model_validate(data)
    message = str(caught.value)
    assert message.startswith("企业概况有误（共 4 处）") and "\n" not in message
    for part in ("所有制性质", "年度工资总额预算", "岗位等级 › 第2项 › 人数", "发薪日"):
        assert part in message, part
    assert not any(word in message for word in ("ownership", "annual_wage_total", "headcount", "pay_day"))


def test_profile_error_is_a_value_error():
    """The UI catches ValueError around Profile.model_validate."""
    assert issubclass(ProfileError, ValueError)
    with pytest.raises(ValueError):
        Profile.model_validate(_with("budget.annual_wage_total", -1))


@pytest.mark.parametrize("content,expected", [
    ("company: [unclosed", "不是有效的 JSON/YAML"),
    ("", "键值对"),
    ("- a\n- b\n", "键值对"),
])
def test_unreadable_yaml_files(tmp_path, content, expected):
    path = tmp_path / "profile.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError, match=expected):
        Profile.from_file(path)


def test_json_profile_and_bad_json(tmp_path):
    good = tmp_path / "p.json"
    good.write_text(json.dumps(minimal_profile(), ensure_ascii=False), encoding="utf-8")
    assert Profile.from_file(good).headcount == 15
    bad = tmp_path / "bad.json"
    bad.write_text("{\"company\": ", encoding="utf-8")
    with pytest.raises(ProfileError, match="不是有效的 JSON"):
        Profile.from_file(bad)
    with pytest.raises(ProfileError, match="找不到企业概况文件"):
        Profile.from_file(tmp_path / "missing.yaml")


@pytest.mark.parametrize("change,expected", [
    ({"budget": {"annual_wage_total": 300_000, "performance_pool": 100_000}}, "工资预算不足"),
    ({"grades": [{"name": "普工", "category": "技能", "headcount": 5, "post_wage": 1500, "start_step": 40}],
      "components": {"pay_steps": {"count": 30, "first": 50, "increment": 10}}}, "超过了薪级总数"),
    ({"components": {"pay_steps": {"count": 30}}}, "缺少第1薪级工资（元/月）、薪级级差（元/月）"),
    ({"components": {"seniority": {"start": 100}}}, "缺少相邻工龄段差额"),
])
def test_drafting_refuses_inconsistent_figures_and_writes_nothing(tmp_path, change, expected):
    profile = Profile.model_validate(minimal_profile(**change))
    with pytest.raises(ProfileError) as caught:
        doc_templates.draft_document(profile, tmp_path / "out.docx")
    assert expected in str(caught.value) and _has_chinese(str(caught.value))
    assert docx_files(tmp_path) == []


def test_work_log_task_missing_from_price_list(tmp_path):
    data = copy.deepcopy(doc_templates.load_example("power-supply-station").model_dump(mode="json", exclude_none=True))
    data["components"]["performance"]["work_log"]["张师傅"]["不存在的工作"] = 1
    with pytest.raises(ProfileError, match="不在工分价目表中"):
        doc_templates.draft_document(Profile.model_validate(data), tmp_path / "out.docx")
    assert docx_files(tmp_path) == []


def test_a_yaml_alias_bomb_profile_is_refused_at_once(tmp_path):
    """A few hundred bytes that expand to billions of entries never get built (the safe loader)."""
    import time

    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ProfileError, match="超过上限"):
        Profile.from_file(path)
    assert time.monotonic() - started < 2
