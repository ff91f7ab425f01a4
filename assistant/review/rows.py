"""The review as plain rows for a table on screen (the UI shows these as they are)."""

from __future__ import annotations

from pydantic import BaseModel

from .models import ReviewReport


class ReviewRow(BaseModel):
    """One finding as a reviewer reads it: every field Chinese, no ids."""

    严重程度: str  # 违反 / 提醒 / 提示
    规则: str
    方案原文: str
    条款: str  # 《指引》第N条
    条款原文: str
    问题: str
    修改建议: str
    章节: str


def report_rows(report: ReviewReport) -> list[ReviewRow]:
    return [
        ReviewRow(严重程度=f.severity.label, 规则=f.name, 方案原文=f.evidence or "（方案中未见相关内容）", 条款=f.clause_title,
                  条款原文=f.quote, 问题=f.message, 修改建议=f.suggestion, 章节=f.chapter)
        for f in report.findings
    ]
