"""Helpers shared by the drafting tests (a module name of its own: conftest names collide)."""

from __future__ import annotations

from pathlib import Path

import doc_templates

EXAMPLES = doc_templates.list_examples()


def minimal_profile(**changes) -> dict:
    """A small valid profile as a plain dict; keyword arguments replace top-level sections."""
    data = {
        "company": {"name": "测试机械有限公司", "ownership": "非公有制", "industry": "机械制造"},
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
