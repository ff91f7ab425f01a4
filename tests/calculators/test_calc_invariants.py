"""Hypothesis invariants tied to the clauses: an allocation sums to its pool (曲靖指引第八条),
scaling all scores changes nothing, a higher step never pays less (第八条（三）（四）), forced
distribution counts sum to n (soe_internal 第三十二条), tiered sharing is continuous and
non-decreasing in profit (第十条（五））."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import calculators
from calculators.numbers import largest_remainder

cents = st.integers(min_value=1, max_value=10**12).map(lambda c: Decimal(c).scaleb(-2))
score = st.one_of(st.integers(0, 10**6), st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False))
score_maps = st.dictionaries(st.text("甲乙丙丁戊己庚辛壬癸ABCDE", min_size=1, max_size=4), score, min_size=1, max_size=40)


@given(total=st.integers(0, 10**9), weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=50))
def test_largest_remainder_is_exact_and_fair(total, weights):
    assume(sum(weights) > 0)
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    for share, w in zip(shares, weights):
        exact = Decimal(total * w) / Decimal(sum(weights))
        assert math.floor(exact) <= share <= math.floor(exact) + 1


@given(n=st.integers(1, 5000))
def test_largest_remainder_ties_go_in_input_order(n):
    shares = largest_remainder(n * 3 + 2, [1, 1, 1])
    assert shares == [n + 1, n + 1, n]


@given(total=st.integers(0, 10**6), weights=st.lists(st.integers(0, 1000), min_size=64, max_size=300))
def test_numpy_and_python_paths_agree(total, weights):
    assume(sum(weights) > 0)
    from calculators import numbers

    fast = largest_remainder(total, weights)
    saved = numbers._NUMPY_THRESHOLD
    numbers._NUMPY_THRESHOLD = 10**9
    try:
        slow = largest_remainder(total, weights)
    finally:
        numbers._NUMPY_THRESHOLD = saved
    assert fast == slow


@settings(max_examples=150)
@given(pool=cents, scores=score_maps)
def test_points_allocation_sums_to_the_pool(pool, scores):
    assume(sum(Decimal(str(v)) for v in scores.values()) > 0)
    result = calculators.run("points-allocation", {"pool": pool, "scores": scores})
    amounts = result["allocations"]
    assert sum(amounts.values()) == pool
    assert all(a >= 0 and a.as_tuple().exponent == -2 for a in amounts.values())


@settings(max_examples=100)
@given(pool=cents, scores=score_maps, factor=st.sampled_from(["2", "10", "0.5", "3", "0.01", "7.25"]))
def test_scaling_all_scores_leaves_shares_unchanged(pool, scores, factor):
    assume(sum(Decimal(str(v)) for v in scores.values()) > 0)
    scaled = {k: Decimal(str(v)) * Decimal(factor) for k, v in scores.items()}
    before = calculators.run("points-allocation", {"pool": pool, "scores": scores})["allocations"]
    after = calculators.run("points-allocation", {"pool": pool, "scores": scaled})["allocations"]
    assert before == after  # exact ratios, so even the rounding is the same


@settings(max_examples=80)
@given(pool=cents, depts=st.dictionaries(st.sampled_from(["一车间", "二车间", "三车间", "机修班"]), score_maps, min_size=1, max_size=4))
def test_two_level_allocation_sums_at_both_levels(pool, depts):
    departments = {d: {"members": m} for d, m in depts.items()}
    assume(all(sum(Decimal(str(v)) for v in m.values()) > 0 for m in depts.values()))
    result = calculators.run("points-allocation", {"pool": pool, "departments": departments})
    assert sum(result["allocations"].values()) == pool
    for dept, members in result["members"].items():
        assert sum(members.values()) == result["allocations"][dept]


@settings(max_examples=100)
@given(pool=cents, pieces=score_maps, coefficient=st.decimals(min_value="0.1", max_value="2", places=2))
def test_piece_rate_sums_to_the_pool(pool, pieces, coefficient):
    assume(sum(Decimal(str(v)) for v in pieces.values()) > 0)
    first = next(iter(pieces))
    result = calculators.run("piece-rate-allocation", {"pool": pool, "pieces": pieces, "coefficients": {first: coefficient}})
    assert sum(result["allocations"].values()) == pool


@given(start=st.integers(0, 20000), step=st.integers(0, 2000), levels=st.integers(2, 60))
def test_arithmetic_ladder_never_pays_a_higher_level_less(start, step, levels):
    out = calculators.run("ladder", {"mode": "arithmetic", "start": start, "step": step, "levels": levels})["levels"]
    assert len(out) == levels and all(b - a == step for a, b in itertools.pairwise(out))


@given(low=st.integers(1000, 20000), spread=st.integers(0, 50000), levels=st.integers(2, 40))
def test_geometric_ladder_never_pays_a_higher_level_less(low, spread, levels):
    out = calculators.run("ladder", {"mode": "geometric", "min": low, "max": low + spread, "levels": levels})["levels"]
    assert out[0] == low and out[-1] == low + spread
    assert all(b >= a for a, b in itertools.pairwise(out))


@given(first=st.integers(0, 1000), increment=st.integers(0, 200), count=st.integers(1, 40),
       grades=st.lists(st.tuples(st.integers(1000, 9000), st.integers(1, 40)), min_size=1, max_size=11))
def test_post_wage_table_higher_step_never_pays_less(first, increment, count, grades):
    rows = [{"name": f"岗位{i}", "post_wage": w, "start_step": min(s, count)} for i, (w, s) in enumerate(grades)]
    result = calculators.run("post-wage-table", {"grades": rows, "steps": {"count": count, "first": first, "increment": increment}})
    for row in result["table"]:
        paid = [t for t in row["totals"] if t is not None]
        assert len(paid) == count - row["start_step"] + 1
        assert all(b >= a for a, b in itertools.pairwise(paid))


@given(start=st.integers(0, 500), increment=st.integers(0, 200), bands=st.integers(1, 10), span=st.integers(1, 10),
       years=st.lists(st.integers(0, 60), min_size=2, max_size=2))
def test_more_years_never_pay_less_seniority(start, increment, bands, span, years):
    low, high = sorted(years)
    base = {"start": start, "increment": increment, "bands": bands, "years_per_band": span}
    assert calculators.run("seniority-pay", {**base, "years": low})["amount"] <= calculators.run("seniority-pay", {**base, "years": high})["amount"]


quota_lists = st.lists(st.integers(0, 100), min_size=1, max_size=6).filter(lambda xs: sum(xs) > 0)


@settings(max_examples=150)
@given(n=st.integers(1, 5000), parts=quota_lists)
def test_forced_distribution_counts_sum_to_n_and_neither_end_is_rounded_up(n, parts):
    total = sum(parts)
    # shares summing to exactly 1 in Decimal: the last grade takes the rest
    shares = [(Decimal(p) / total).quantize(Decimal("0.0001")) for p in parts[:-1]]
    shares.append(Decimal(1) - sum(shares, Decimal(0)))
    assume(all(s >= 0 for s in shares))
    quotas = {f"等次{i}": s for i, s in enumerate(shares)}
    counts = calculators.run("forced-distribution", {"n": n, "quotas": quotas})["counts"]
    assert sum(counts.values()) == n
    top, bottom = "等次0", f"等次{len(shares) - 1}"
    if len(shares) > 2:  # 从严控制 at the top, and no one put into the lowest grade by rounding
        assert counts[top] == math.floor(n * shares[0]) and counts[bottom] == math.floor(n * shares[-1])
        for grade, share in list(quotas.items())[1:-1]:
            assert math.floor(n * share) <= counts[grade] <= math.floor(n * share) + len(shares) - 1
    elif len(shares) == 2:  # the rationed (smaller) grade is rounded down, the other takes the rest
        rationed = top if shares[0] < shares[1] else bottom
        assert counts[rationed] == math.floor(n * quotas[rationed])


TIERS = [{"from": 1000, "to": 1200, "rate": "0.10"}, {"from": 1200, "to": 1500, "rate": "0.15"}, {"from": 1500, "rate": "0.20"}]


def _sharing(actual: Decimal) -> Decimal:
    return calculators.run("excess-profit-sharing", {"actual": actual, "tiers": TIERS})["total"]


@given(a=st.decimals(min_value=0, max_value=5000, places=2), b=st.decimals(min_value=0, max_value=5000, places=2))
def test_tiered_sharing_is_non_decreasing(a, b):
    low, high = sorted([a, b])
    assert _sharing(low) <= _sharing(high)


@given(x=st.decimals(min_value=0, max_value=5000, places=2))
def test_tiered_sharing_is_continuous(x):
    step = Decimal("0.01")
    # one cent more profit never adds more than the top rate × 1 cent, plus one cent of rounding
    assert _sharing(x + step) - _sharing(x) <= Decimal("0.20") * step + Decimal("0.01")


def test_tiered_sharing_joins_at_the_boundaries():
    for boundary in (Decimal(1200), Decimal(1500)):
        below, at, above = _sharing(boundary - Decimal("0.01")), _sharing(boundary), _sharing(boundary + Decimal("0.01"))
        assert below <= at <= above and above - below <= Decimal("0.01")


@given(data=st.lists(st.integers(1000, 50000), min_size=1, max_size=50))
def test_percentiles_are_ordered_and_within_the_data(data):
    out = calculators.run("market-percentiles", {"data": data, "percentiles": [0, 10, 25, 50, 75, 90, 100]})["percentiles"]
    values = list(out.values())
    assert values == sorted(values)
    assert out["0"] == min(data) and out["100"] == max(data)
