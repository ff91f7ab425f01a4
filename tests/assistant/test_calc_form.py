"""The calculator tab's form: built from each calculator's input model, read back exactly."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import calculators
from assistant.ui import handlers as h


@pytest.mark.parametrize("name", [c.name for c in calculators.list_calculators()])
def test_every_calculator_form_round_trips_its_example(name):
    specs = h.calculator_form(name)
    values = [spec["value"] for spec in specs]
    data = json.loads(h.form_to_input(name, values))
    # the example, read back from the form, computes the same result as the example itself
    example = calculators.get_calculator(name).example
    from_form, from_example = calculators.run(name, data), calculators.run(name, example)
    from_form.pop("trace"), from_example.pop("trace")  # the trace echoes inputs as typed
    assert from_form == from_example


def test_form_tables_and_text_become_exact_input():
    specs = h.calculator_form("points-allocation")
    kinds = {s["field"]: s["kind"] for s in specs}
    assert kinds["pool"] == "text" and kinds["scores"] == "table"
    values = []
    for spec in specs:
        if spec["field"] == "pool":
            values.append("100000.10")
        elif spec["field"] == "scores":
            values.append(pd.DataFrame([["甲", "1"], ["乙", "2"], ["", ""]], columns=["名称", "数值"]))
        else:
            values.append(spec["value"] if spec["kind"] != "table" else [])
    data = json.loads(h.form_to_input("points-allocation", values))
    assert data["pool"] == "100000.10" and data["scores"] == {"甲": "1", "乙": "2"}
    result = calculators.run("points-allocation", data)
    assert str(result["allocations"]["甲"]) == "33333.37" and str(result["allocations"]["乙"]) == "66666.73"
    assert str(sum(result["allocations"].values())) == "100000.10"


def test_bad_json_in_the_form_is_a_chinese_message():
    specs = h.calculator_form("excess-profit-sharing")
    values = ["{oops" if s["kind"] == "json" else s["value"] for s in specs]
    if any(s["kind"] == "json" for s in specs):
        with pytest.raises(h.UserInputError, match="不是有效的 JSON"):
            h.form_to_input("excess-profit-sharing", values)
