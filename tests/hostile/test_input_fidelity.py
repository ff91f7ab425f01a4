"""Calculator inputs that cannot lose or invent data (issue 15, "Wrong money, exit 0").

Each case is a reproduction from the issue: it printed a wrong allocation with exit 0 before.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal, localcontext

import pytest
from hostile_helpers import chinese_error, payguide

import calculators
from calculators import CalculationError
from calculators.loaders import load_json_or_yaml, load_yaml


def _json(done) -> dict:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout, parse_float=Decimal)


# ---- YAML keys are the text written ---------------------------------------------------------------


def test_yaml_keys_1_and_quoted_1_are_refused_as_the_same_name_with_the_line():
    # Before: {"1": 500, "B": 250} with "total": 1000 — one member silently gone.
    done = payguide("calc", "points-allocation", "--input", "-", "--json",
                    stdin='pool: 1000\nscores:\n  1: 100\n  "1": 100\n  B: 100\n')
    chinese_error(done, "“1”", "第 4 行", "第 3 行")


@pytest.mark.parametrize("keys", [
    ["true", '"True"'], ["null", '"~"'], ["1.0", "1"], ["0x10", "16"], ["yes", "true"], ["0012", "12"], ["007", "7"],
])
def test_yaml_scalar_keys_that_yaml_1_1_would_merge_stay_apart(keys):
    text = "pool: 1000\nscores:\n" + "".join(f"  {k}: 100\n" for k in keys)
    out = calculators.run("points-allocation", load_json_or_yaml(text))
    assert list(out["allocations"]) == [k.strip('"') for k in keys]
    assert sum(out["allocations"].values()) == Decimal("1000.00")
    assert set(out["allocations"].values()) == {Decimal("500.00")}


def test_employee_numbers_keep_their_leading_zeros():
    # Before: 工号 0012 became 10 (octal) and 007 became 7.
    done = payguide("calc", "piece-rate-allocation", "--input", "-", "--json",
                    stdin="pool: 300\npieces:\n  0012: 1\n  007: 1\n  '0012A': 1\n")
    out = _json(done)
    assert list(out["allocations"]) == ["0012", "007", "0012A"]
    assert sum(out["allocations"].values()) == Decimal("300.00")


def test_yaml_numbers_are_read_from_their_text_never_as_octal_or_hex():
    assert calculators.run("points-allocation", load_json_or_yaml("pool: 0012\nscores: {a: 1}"))["total"] == Decimal("12.00")
    with pytest.raises(CalculationError, match="0x10"):  # not 16
        calculators.run("points-allocation", load_json_or_yaml("pool: 0x10\nscores: {a: 1}"))
    with pytest.raises(CalculationError, match="1:20"):  # YAML 1.1 sexagesimal would be 80
        calculators.run("points-allocation", load_json_or_yaml("pool: 1:20\nscores: {a: 1}"))


def test_typed_mode_for_profiles_keeps_name_like_numbers_as_text():
    data = load_yaml("headcount: 50\nbudget: 1.10\nid: 0012\nflag: true\nname: 007\nnothing: ~\n", scalars="exact")
    assert data == {"headcount": 50, "budget": Decimal("1.10"), "id": "0012", "flag": True, "name": "007", "nothing": None}


# ---- duplicate keys refused, with the line ---------------------------------------------------------


def test_duplicate_json_key_is_refused_with_its_line():
    text = '{"pool": 1000,\n "departments": {"生产部": {"members": {"张三": 100,\n   "张三": 200}}}}'
    done = payguide("calc", "points-allocation", "--input", "-", stdin=text)
    chinese_error(done, "张三", "第 3 行", "重复")


def test_duplicate_yaml_key_is_refused_with_both_lines():
    done = payguide("calc", "points-allocation", "--input", "-",
                    stdin="pool: 1000\nscores:\n  张三: 100\n  王五: 50\n  张三: 200\n")
    chinese_error(done, "张三", "第 5 行", "第 3 行")


def test_the_same_name_in_two_departments_is_not_a_duplicate():
    text = '{"pool": 1000, "departments": {"甲": {"members": {"张三": 1}}, "乙": {"members": {"张三": 1}}}}'
    out = calculators.run("points-allocation", load_json_or_yaml(text))
    assert out["members"] == {"甲": {"张三": Decimal("500.00")}, "乙": {"张三": Decimal("500.00")}}


def test_names_that_collide_only_after_conversion_are_refused():
    # A Python caller's {1: …, "1": …} used to become one "1".
    with pytest.raises(CalculationError, match="“1”重复"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {1: 100, "1": 100, "B": 100}})


# ---- items refused, never dropped ------------------------------------------------------------------


@pytest.mark.parametrize("bad, word", [(-100, "负数"), ("abc", "不是有效数字"), (None, "数字"), (True, "数字"), ("NaN", "不是有效数字")])
def test_a_bad_member_value_is_refused_naming_the_member(bad, word):
    with pytest.raises(CalculationError) as caught:
        calculators.run("points-allocation", {"pool": 1000, "scores": {"张三": bad, "李四": 100}})
    assert "张三" in str(caught.value) and word in str(caught.value)


def test_a_bad_member_in_a_department_is_refused_too():
    with pytest.raises(CalculationError, match="张三"):
        calculators.run("points-allocation", {"pool": 1000, "departments": {"甲": {"members": {"张三": -1, "李四": 5}}}})


# ---- two levels: members sum exactly to their department's share ------------------------------------


def test_two_level_members_sum_exactly_to_their_departments_share():
    rng = random.Random(15)
    for _ in range(40):
        departments = {}
        for d in range(rng.randint(1, 6)):
            members = {f"员工{d}-{m}": rng.choice([rng.randint(0, 500), str(rng.randint(1, 99999) / 100)]) for m in range(rng.randint(1, 30))}
            entry: dict = {"members": members}
            if rng.random() < 0.5:
                entry["score"] = rng.randint(1, 9000)
            departments[f"部门{d}"] = entry
        if all(sum(Decimal(str(v)) for v in e["members"].values()) == 0 and "score" not in e for e in departments.values()):
            continue
        pool = Decimal(rng.randint(1, 10**9)) / 100
        out = calculators.run("points-allocation", {"pool": str(pool), "departments": departments})
        assert sum(out["allocations"].values()) == pool
        for dept, share in out["allocations"].items():
            assert sum(out["members"][dept].values()) == share, dept
            assert set(out["members"][dept]) == set(departments[dept]["members"])


# ---- Decimal end to end, and a stated precision limit ------------------------------------------------


def test_json_output_keeps_every_digit():
    # Before: 1234567890123456.78 printed as 1234567890123456.8.
    done = payguide("calc", "points-allocation", "--input", "-", "--json",
                    stdin='{"pool": 1234567890123456.78, "scores": {"甲": 1, "乙": 2}}')
    assert '"total": 1234567890123456.78' in done.stdout
    out = _json(done)
    assert out["allocations"] == {"甲": Decimal("411522630041152.26"), "乙": Decimal("823045260082304.52")}
    assert sum(out["allocations"].values()) == Decimal("1234567890123456.78")


def test_pools_beyond_the_precision_limit_are_refused_not_rounded():
    # Before: pools past 28 digits were rounded silently.
    for pool in ("1" * 30, "1000000000000000000", "1.0000000000000000000000001"):
        done = payguide("calc", "points-allocation", "--input", "-", stdin=json.dumps({"pool": pool, "scores": {"甲": 1}}))
        chinese_error(done, "超出可精确计算的范围", "绩效工资总量")
    with pytest.raises(CalculationError, match="超出可精确计算的范围"):
        calculators.run("points-allocation", {"pool": 1000, "scores": {"甲": 10**19, "乙": 1}})
    with pytest.raises(CalculationError, match="超出可精确计算的范围"):
        calculators.run("points-allocation", {"pool": "1" * 300, "scores": {"甲": 1}})
    chinese_error(payguide("calc", "points-allocation", "--input", "-", stdin='{"pool": 1' + "0" * 5000 + ', "scores": {"甲": 1}}'),
                  "位数过多")


def test_numbers_at_the_limit_stay_exact_through_products():
    # 24 and 18 significant digits: the weighted pieces (a product) must not be rounded to 28 digits.
    count, factor = Decimal("123456789012.345678901234"), Decimal("0.123456789012345678")
    out = calculators.run("piece-rate-allocation", {"pool": 100, "pieces": {"甲": str(count), "乙": "1"}, "coefficients": {"甲": str(factor)}})
    with localcontext() as ctx:
        ctx.prec = 200
        assert out["weighted_pieces"]["甲"] == count * factor
    assert len(out["weighted_pieces"]["甲"].as_tuple().digits) > 28  # more than the default context keeps
