"""Golden cases: YAML files of input → expected output, each tied to the clause it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from calc_helpers import assert_subset, unit_id_problem

import calculators

GOLDEN = Path(__file__).with_name("golden")


def _cases() -> list:
    cases = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return cases


CASES = _cases()


def test_every_calculator_has_a_golden_case():
    covered = {c.values[0]["calculator"] for c in CASES}
    assert covered == {info.name for info in calculators.list_calculators()}


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    assert unit_id_problem(case["source"]) is None, unit_id_problem(case["source"])
    result = calculators.run(case["calculator"], case["input"])
    assert_subset(case["expected"], result)
    assert case["source"] in result["citations"] + [c for f in result.get("findings", []) for c in f["citations"]], (
        "the result cites the clause the golden case rests on"
    )
