"""Charts people would rather look at than read: allocations, pay ladders, bands."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

_CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = _CJK_FONTS
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def _series(result: dict[str, Any]) -> tuple[str, list[str], list[float]] | None:
    if isinstance(result.get("allocations"), dict) and result["allocations"]:
        items = result["allocations"]
        return "分配金额（元）", list(items), [float(Decimal(str(v))) for v in items.values()]
    if isinstance(result.get("levels"), list) and result["levels"]:
        values = result["levels"]
        return "各级金额（元）", [f"{i}级" for i in range(1, len(values) + 1)], [float(Decimal(str(v))) for v in values]
    if isinstance(result.get("percentiles"), dict) and result["percentiles"]:
        items = result["percentiles"]
        return "市场分位值（元）", [f"P{k}" for k in items], [float(Decimal(str(v))) for v in items.values()]
    if isinstance(result.get("counts"), dict) and result["counts"]:
        items = result["counts"]
        return "各等次人数", list(items), [float(v) for v in items.values()]
    return None


def result_chart(title: str, result: dict[str, Any]) -> Any | None:
    """A bar chart of the result's main series (matplotlib Figure), or None."""
    series = _series(result)
    if series is None or len(series[1]) > 60:
        return None
    ylabel, labels, values = series
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100)
    ax.bar(labels, values, color="#3b6ea5")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=45 if len(labels) > 8 else 0)
    fig.tight_layout()
    return fig
