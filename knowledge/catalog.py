"""The catalog of guideline documents (catalog.yaml) plus the user's own ingested documents."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from .paths import PACKAGE_DIR
from .yamlfile import read_yaml


class DocumentEntry(BaseModel):
    doc_id: str
    title: str
    short_name: str
    aliases: list[str] = []
    # everyday words for the people the document is about (研发, 技术工人): a question naming
    # them is about this document, as one naming its title is
    people: list[str] = []
    applies_to: str = ""
    source_file: str = ""
    complete: bool = True
    completeness_note: str = ""
    user: bool = False  # ingested by the user rather than shipped

    @property
    def cleaned_path(self) -> Path:
        return PACKAGE_DIR / "sources" / f"{self.doc_id}.md"


@lru_cache(maxsize=1)
def load_catalog() -> tuple[DocumentEntry, ...]:
    entries = read_yaml(PACKAGE_DIR / "catalog.yaml")
    return tuple(DocumentEntry.model_validate(entry) for entry in entries)
