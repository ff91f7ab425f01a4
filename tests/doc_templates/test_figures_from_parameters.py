"""Guideline figures live only in calculators/parameters: a parameter's value written as a literal in
the templates or in the drafting code's user-facing text (or as a fractional constant) fails here."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.params import all_parameters, figures_of

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "doc_templates" / "templates").glob("*.j2"))
CODE = sorted((ROOT / "doc_templates").glob("*.py")) + [ROOT / "assistant" / "cli" / "draft.py"]
# 0 and 1 are structure (第 1 薪级, 0 人), not figures a guideline sets.
TRIVIAL = {Decimal(0), Decimal(1)}
NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(\s*[%％])?")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
CJK = re.compile(r"[\u4e00-\u9fff]")



def _figures() -> dict[Decimal, list[str]]:
    found: dict[Decimal, list[str]] = {}
    for key, p in all_parameters().items():
        for value in figures_of(p.value):
            if value not in TRIVIAL:
                found.setdefault(value, []).append(key)
    return found


FIGURES = _figures()


def _numbers(text: str) -> Iterator[tuple[Decimal, str]]:
    """Every number in a text, a percentage as its fraction too (40% → 0.4)."""
    for match in NUMBER.finditer(text):
        value = Decimal(match.group(1))
        yield (value / 100 if match.group(2) else value), match.group(0)


def _hits(text: str) -> list[str]:
    return [f"{raw.strip()} (= {', '.join(FIGURES[value][:2])})" for value, raw in _numbers(text) if value in FIGURES]


def test_the_check_knows_the_figures():
    assert Decimal("2.8") in FIGURES and Decimal("0.4") in FIGURES and Decimal(300) in FIGURES
    assert _hits("不低于平均工资2.8倍，权重不超过 40%") and not _hits("第 1 薪级")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_write_no_figure(path):
    literal_text = JINJA.sub(" ", path.read_text(encoding="utf-8"))
    assert _hits(literal_text) == []


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.name)
def test_drafting_code_writes_no_figure(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docs:
            continue
        if isinstance(node.value, float):
            value = Decimal(repr(node.value))
            if value in FIGURES and value != value.to_integral_value():
                problems.append(f"{node.lineno}: {node.value}")
        elif isinstance(node.value, str) and CJK.search(node.value):
            problems += [f"{node.lineno}: {hit}" for hit in _hits(node.value)]
    assert problems == []
