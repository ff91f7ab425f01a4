"""The review's word lists (words.yaml), loaded once; a missing list is a programming error."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("words.yaml")


class Group:
    """Named word lists of one topic, read as attributes (`words().facts.wage_total`)."""

    def __init__(self, name: str, lists: dict[str, list[str]]) -> None:
        self._name = name
        self._lists = {key: tuple(str(w) for w in value) for key, value in lists.items()}

    def __getattr__(self, key: str) -> tuple[str, ...]:
        try:
            return self._lists[key]
        except KeyError:
            raise AttributeError(f"words.yaml has no list {self._name}.{key}") from None


class Words:
    def __init__(self, raw: dict) -> None:
        self.ownership = Group("ownership", raw["ownership"])
        self.staff = Group("staff", raw["staff"])
        self.statements = Group("statements", raw["statements"])
        self.facts = Group("facts", raw["facts"])
        self.deny: tuple[str, ...] = tuple(raw["deny"])


@cache
def words() -> Words:
    return Words(yaml.safe_load(_FILE.read_text(encoding="utf-8")))
