"""One severity vocabulary for every finding of the project: checks, calculators, review, UI.

JSON keeps the English values (`error`, `warning`, `info`, as DESIGN.md fixes them); people
read the Chinese labels and their marks, which live here and nowhere else. The marks are plain
text symbols, not emoji: a page or terminal without an emoji font still shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # 违反: a binding clause of a guideline that binds the company is broken
    WARNING = "warning"  # 提醒: advice missed, or a binding clause of a guideline that is only a reference
    INFO = "info"  # 提示: good practice, or a figure that was checked and passed

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def icon(self) -> str:
        return ICONS[self]

    @property
    def mark(self) -> str:
        """"✗ 违反": the icon and the label, as every list of findings shows them."""
        return f"{ICONS[self]} {LABELS[self]}"

    @property
    def rank(self) -> int:
        """0 for the most serious, for sorting."""
        return list(Severity).index(self)

    @classmethod
    def from_label(cls, label: str) -> Severity:
        """违反 → ERROR; an unknown label is a programming error."""
        for severity, text in LABELS.items():
            if text == label:
                return severity
        raise ValueError(f"未知的严重程度：{label}")


LABELS: dict[Severity, str] = {Severity.ERROR: "违反", Severity.WARNING: "提醒", Severity.INFO: "提示"}
ICONS: dict[Severity, str] = {Severity.ERROR: "✗", Severity.WARNING: "△", Severity.INFO: "○"}


def tally(counts: Mapping[Severity, int], unit: str = "项", sep: str = "，") -> str:
    """“违反 1 项，提醒 2 项，提示 0 项”: how many findings of each severity, most serious first."""
    return sep.join(f"{s.label} {counts.get(s, 0)} {unit}" for s in Severity)
