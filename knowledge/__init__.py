"""The knowledge base: the guidelines as citable units, searchable offline.

    load_units(doc_id=None) → [Unit]        get_unit(id) → Unit | None
    catalog() → [DocumentInfo]              search(query, k, doc_id, kind) → [Hit]
    search_result(…) → Results: the hits, a notice when the search was degraded, and what
    the query named by number (with why a named unit does not exist)

Never imports the assistant. Heavy modules (jieba, Chroma) load on first search only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .corpus import catalog, get_unit, load_units
from .errors import KnowledgeError
from .models import DocumentInfo, Hit, Unit

if TYPE_CHECKING:
    from .index import Results as Results


def search(query: str, k: int = 5, doc_id: str | None = None, kind: str | None = None) -> list[Hit]:
    from .index import search as _search

    return _search(query, k=k, doc_id=doc_id, kind=kind)


def search_result(query: str, k: int = 5, doc_id: str | None = None, kind: str | None = None):
    from .index import search_result as _search_result

    return _search_result(query, k=k, doc_id=doc_id, kind=kind)


__all__ = ["DocumentInfo", "Hit", "KnowledgeError", "Unit", "catalog", "get_unit", "load_units", "search", "search_result"]
