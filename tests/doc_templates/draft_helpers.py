"""Helpers shared by the drafting tests (a module name of its own: conftest names collide)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

import doc_templates

EXAMPLES = doc_templates.list_examples()
STATE_OWNED = [n for n in EXAMPLES if doc_templates.load_example(n).state_owned]
PRIVATE = [n for n in EXAMPLES if not doc_templates.load_example(n).state_owned]


def minimal_profile(**changes) -> dict:
    """A small valid profile as a plain dict; keyword arguments replace top-level sections."""
    data = {
        "company": {"name": "测试机械有限公司", "ownership": "非公有制", "industry": "机械制造", "region": "曲靖市"},
        "budget": {"annual_wage_total": 1_000_000, "performance_pool": 200_000},
        "grades": [
            {"name": "普工", "category": "技能", "headcount": 10, "post_wage": 1500},
            {"name": "技师", "category": "技能", "headcount": 3, "post_wage": 2500},
            {"name": "管理员", "category": "管理", "headcount": 2, "post_wage": 2000},
        ],
    }
    data.update(changes)
    return data


def docx_files(directory: Path) -> list[Path]:
    """Every file under a directory (drafting must leave exactly what it reports, nothing else)."""
    return sorted(p for p in directory.rglob("*") if p.is_file())


def body_blocks(path: Path) -> list[tuple[str, Any]]:
    """The body in order: ("p", text) for paragraphs, ("t", rows of cell texts) for tables."""
    document = docx.Document(str(path))
    out: list[tuple[str, Any]] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            out.append(("p", "".join(t.text or "" for t in element.iter(qn("w:t")))))
        elif element.tag == qn("w:tbl"):
            rows = [["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))]
                    for row in element.iter(qn("w:tr"))]
            out.append(("t", rows))
    return out


def body_text(path: Path, *, annex: bool = False) -> str:
    """Paragraphs and table cells as text; without the annex (quoted guideline text) unless asked."""
    lines: list[str] = []
    for kind, value in body_blocks(path):
        if kind == "p":
            if not annex and value.startswith("附件1") and lines and any(line.startswith("附件：") for line in lines):
                break
            lines.append(value)
        else:
            lines.extend(" | ".join(row) for row in value)
    return "\n".join(lines)


def table_after(path: Path, title_part: str) -> list[list[str]]:
    """The rows of the first table whose caption contains `title_part`."""
    previous = ""
    for kind, value in body_blocks(path):
        if kind == "p":
            previous = value
        elif title_part in previous:
            return value
    raise AssertionError(f"no table titled {title_part}")


def staff_rows(profile: doc_templates.Profile, per_grade: int = 3, seed: int = 7) -> list[dict]:
    """A made-up current staff list: a few people per grade, paid around the grade's new standard."""
    rng = random.Random(seed)
    rows = []
    for grade in profile.grades:
        for k in range(per_grade):
            pay = int(grade.post_wage) + (int(profile.components.basic_wage.amount) if profile.components.basic_wage
                                          and profile.components.basic_wage.amount else 0) + rng.randint(-300, 900)
            rows.append({"姓名": f"{grade.name}{k + 1}号", "部门": rng.choice(["一部", "二部"]), "现岗位": grade.name,
                         "现工资": pay, "工龄": rng.randint(0, 30)})
    return rows
