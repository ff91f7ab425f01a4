"""Doc-side expansion: the questions and everyday words each unit answers (expansions.yaml).

Each unit gets one extra passage in the index made of them, so "老师傅带徒弟补多少钱" finds
the clause that says 师带徒津贴. The file is reviewed by hand and hashed into the index key.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from .models import Unit
from .paths import PACKAGE_DIR
from .yamlfile import read_yaml

EXPANSIONS_FILE = PACKAGE_DIR / "expansions.yaml"


class Expansion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: tuple[str, ...] = ()  # everyday words for what the unit is about
    questions: tuple[str, ...] = ()  # questions people ask that the unit answers


@lru_cache(maxsize=1)
def expansions() -> dict[str, Expansion]:
    data = read_yaml(EXPANSIONS_FILE) or {}
    return {str(unit_id): Expansion.model_validate(entry or {}) for unit_id, entry in data.items()}


def expansion_text(unit_id: str) -> str:
    entry = expansions().get(unit_id)
    if entry is None:
        return ""
    return "\n".join((" ".join(entry.terms), *entry.questions)).strip()


def expansion_passages(units: list[Unit]) -> list[tuple[Unit, str]]:
    """(unit, passage) for each unit that has an expansion, headed like its other passages."""
    out = []
    for unit in units:
        text = expansion_text(unit.id)
        if text:
            out.append((unit, f"{unit.heading}\n{text}"))
    return out
