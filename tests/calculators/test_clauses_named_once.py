"""Each clause is named once: a rule's clause in the shared table (calculators/parameters/
applicability.yaml), a figure's clause in its parameter file. Code and templates cite them from
there (`clause(rule)`, `ref(key)`; `rule_clause` / `ref` in templates), so moving a rule to another
article is one edit. Clauses no rule or parameter rests on are named once per package (or template),
as a constant beside the code that cites them."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from calculators.applicability import table
from calculators.params import all_parameters

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("calculators", "doc_templates", "assistant", "knowledge", "benchmarks")
UNIT = re.compile(r"^(?:qujing_skill|soe_tech|soe_internal)/(?:art|case|appendix)-\d+(?:-\d+)?$")
QUOTED_UNIT = re.compile(r"""["']((?:qujing_skill|soe_tech|soe_internal)/(?:art|case|appendix)-\d+(?:-\d+)?)["']""")

# (file, unit id, why it is written there although a rule or parameter declares it)
ALLOWED = (
    ("assistant/review/coverage.py", "qujing_skill/art-8", "第八条 as a whole (the pay items it lists), not one rule of it"),
)


def _declared() -> set[str]:
    found = {p.reference for p in all_parameters().values()}
    for spec in table().rules.values():
        found |= {spec.clause, *spec.clauses.values()}
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


def _python_units() -> Iterator[tuple[str, str, str]]:
    """(package, file, unit id) for each unit id written as a string in code (docstrings are prose)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = _docstrings(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                        and UNIT.match(node.value):
                    yield package, str(path.relative_to(ROOT)), node.value


def _template_units() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "doc_templates" / "templates").glob("*.j2")):
        for unit in QUOTED_UNIT.findall(path.read_text(encoding="utf-8")):
            yield str(path.relative_to(ROOT)), unit


PYTHON = list(_python_units())
TEMPLATES = list(_template_units())


def test_the_scan_sees_unit_ids_in_code_and_templates():
    assert PYTHON and TEMPLATES  # the coverage constants and the chapters' own clauses
    assert all(UNIT.match(u) for _, _, u in PYTHON)


def test_a_declared_clause_is_read_from_its_rule_or_parameter():
    declared = _declared()
    allowed = {(path, unit) for path, unit, _ in ALLOWED}
    written = [f"{path}: {unit}" for _, path, unit in PYTHON if unit in declared and (path, unit) not in allowed]
    written += [f"{path}: {unit}" for path, unit in TEMPLATES if unit in declared]
    assert written == [], "cite these through clause(rule) / ref(key) (rule_clause / ref in templates)"


def test_any_other_clause_is_named_once_per_package_and_template():
    per_package = Counter((package, unit) for package, _, unit in PYTHON)
    per_template = Counter(TEMPLATES)
    assert [key for key, n in per_package.items() if n > 1] == []
    assert [key for key, n in per_template.items() if n > 1] == []


def test_every_allowed_literal_is_still_written():
    stale = [(path, unit) for path, unit, reason in ALLOWED
             if not reason or not any(p == path and u == unit for _, p, u in PYTHON)]
    assert stale == []
