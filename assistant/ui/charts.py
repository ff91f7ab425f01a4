"""Charts people would rather look at than read: the bars `calculators.present.chart` picks (allocations, pay ladders, counts)."""

from __future__ import annotations

from typing import Any

_CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = _CJK_FONTS
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def result_chart(title: str, result: dict[str, Any]) -> Any | None:
    """A bar chart of the result's main series (matplotlib Figure), or None."""
    from calculators import present

    series = present.chart(result)
    if series is None:
        return None
    ylabel, labels, values = series.title, series.labels, series.values
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100)
    ax.bar(labels, values, color="#3b6ea5")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=45 if len(labels) > 8 else 0)
    fig.tight_layout()
    return fig
