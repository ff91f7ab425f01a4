"""The pay-ladder chart (matplotlib, Agg backend) as PNG bytes for the document."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

GRID_ALPHA = 0.35
_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Micro Hei",
              "SimHei", "Microsoft YaHei", "PingFang SC")


@lru_cache(maxsize=1)
def _pyplot():
    """Import pyplot once on the headless backend, with a CJK font when one is installed."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # missing-glyph chatter
    from matplotlib import font_manager, pyplot

    installed = {f.name for f in font_manager.fontManager.ttflist}
    chosen = [name for name in _CJK_FONTS if name in installed]
    # Without a CJK font the labels show as boxes, but drafting must not fail over a chart.
    matplotlib.rcParams["font.sans-serif"] = chosen + list(matplotlib.rcParams["font.sans-serif"])
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    return pyplot


def ladder_png(grades: Sequence[str], post_wages: Sequence[Decimal], lowest: Sequence[Decimal] | None,
               highest: Sequence[Decimal] | None, title: str = "") -> bytes:
    """Bars of each grade's post wage with its pay-step range stacked on top (元/月); without pay
    steps (一岗一薪) the post wages alone."""
    plt = _pyplot()
    post = [float(v) for v in post_wages]
    fig, ax = plt.subplots(figsize=(7.2, 4.0), dpi=150)
    try:
        x = range(len(grades))
        ax.bar(x, post, color="#4472c4", label="岗位工资")
        if lowest is not None and highest is not None:
            low = [float(v) for v in lowest]
            span = [float(h) - float(lo) for h, lo in zip(highest, lowest)]
            ax.bar(x, low, bottom=post, color="#a5a5a5", label="起点薪级工资")
            ax.bar(x, span, bottom=[p + lo for p, lo in zip(post, low)], color="#ed7d31", alpha=0.55,
                   label="薪级晋升空间")
        ax.set_xticks(list(x))
        ax.set_xticklabels(list(grades), rotation=35, ha="right", fontsize=8)
        ax.set_ylabel("元/月")
        ax.set_title(title or ("岗位工资与薪级工资阶梯" if lowest is not None else "岗位工资阶梯"), fontsize=11)
        ax.legend(fontsize=8, frameon=False)
        return _finish(fig, ax)
    finally:
        plt.close(fig)


def bars_png(labels: Sequence[str], values: Sequence[int | Decimal], title: str) -> bytes:
    """A plain bar chart with each bar's value written on it."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.2, 3.6), dpi=150)
    try:
        x = range(len(labels))
        bars = ax.bar(x, [float(v) for v in values], color="#4472c4")
        ax.bar_label(bars, labels=[str(v) for v in values], fontsize=8)
        ax.set_xticks(list(x))
        ax.set_xticklabels(list(labels), rotation=20, ha="right", fontsize=8)
        ax.set_title(title, fontsize=11)
        return _finish(fig, ax)
    finally:
        plt.close(fig)


def _finish(fig, ax) -> bytes:
    """The house style of every chart (light grid, no top and right frame), as PNG bytes."""
    ax.grid(axis="y", alpha=GRID_ALPHA)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
