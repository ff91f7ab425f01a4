"""The chat evaluation sets (tests/data/ask_*.jsonl) are well formed: the format of ASK_DATA.md,
registered calculators, gold units that exist. Only the structure is checked, never the figures a
reply gives, so reading a held-out file here tunes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import calculators
from knowledge import get_unit

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = sorted(p.name for p in DATA.glob("ask_*.jsonl"))
NAMES = {info.name for info in calculators.list_calculators()}


def _items(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_expect(expect: dict) -> None:
    kind = expect["type"]
    assert kind in {"calc", "explain", "ask"}
    if kind == "calc":
        assert expect["calculator"] in NAMES and isinstance(expect["output"], dict) and expect["output"]
    elif kind == "explain":
        assert expect["gold"] and all(get_unit(g) is not None for g in expect["gold"])
    else:
        assert expect["why"].strip()


@pytest.mark.parametrize("name", SETS)
def test_ask_set_is_well_formed(name: str) -> None:
    items = _items(name)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "ids repeat"
    assert all(isinstance(i, str) and i.strip() for i in ids)
    for item in items:
        assert item["turns"] and all(isinstance(t, str) and t.strip() for t in item["turns"]), item["id"]
        _check_expect(item["expect"])
        turns = item.get("expect_turns")
        if turns is not None:
            assert len(turns) == len(item["turns"]) and turns[-1] == item["expect"], item["id"]
            for expect in turns:
                if expect is not None:
                    _check_expect(expect)


def test_new_sets_are_listed() -> None:
    assert {"ask_dev8.jsonl", "ask_heldout4.jsonl", "ask_dev9.jsonl", "ask_heldout5.jsonl", "ask_dev10.jsonl", "ask_heldout6.jsonl",
            "ask_dev11.jsonl", "ask_heldout7.jsonl", "ask_dev12.jsonl", "ask_heldout8.jsonl",
            "ask_dev13.jsonl", "ask_heldout9.jsonl", "ask_dev14.jsonl", "ask_heldout10.jsonl",
            "ask_dev15.jsonl", "ask_heldout11.jsonl"} <= set(SETS)
