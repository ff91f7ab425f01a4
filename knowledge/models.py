"""What the knowledge base hands out: citable units, documents, search hits."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

UnitKind = Literal["article", "case", "appendix", "section"]


class Unit(BaseModel):
    """One citable unit: an article (条), a case (案例) or case section, an appendix table, or
    a section of a user's own document. `text` is the clean text quotes are checked against."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    doc_title: str
    kind: UnitKind
    article: int | None = None
    case: int | None = None
    section: int | None = None  # a case's section number (一、二、…), when the case is split
    breadcrumb: tuple[str, ...] = ()
    heading: str
    text: str

    def search_text(self) -> str:
        """Headings count as content for retrieval ('师带徒' in a case title matters)."""
        return " ".join((*self.breadcrumb, self.heading, self.text))


class DocumentInfo(BaseModel):
    doc_id: str
    title: str
    short_name: str
    applies_to: str = ""
    complete: bool = True
    completeness_note: str = ""
    unit_count: int = 0
    user: bool = False


class Hit(BaseModel):
    unit: Unit
    score: float
    why: str  # matched terms and the ranks each retriever gave, for people to inspect
