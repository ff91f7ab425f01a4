"""All citable units: the shipped guidelines (parsed from the cleaned copies) and the user's
own ingested documents (stored as JSON under the data directory)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from functools import lru_cache
from pathlib import Path

from .catalog import DocumentEntry, load_catalog
from .errors import KnowledgeError
from .models import DocumentInfo, Unit
from .parser import parse_document, whole_case
from .paths import user_docs_dir

_lock = threading.Lock()


@lru_cache(maxsize=1)
def base_units() -> tuple[Unit, ...]:
    """The shipped guidelines' units, parsed once per version of them and cached in the data
    folder (parsing needs the numeral reader; a cold search should not)."""
    from .paths import data_home

    cache = data_home() / f"units-{base_fingerprint()[:16]}.json"
    try:
        return tuple(Unit.model_validate(u) for u in json.loads(cache.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    units: list[Unit] = []
    for doc in load_catalog():
        units += parse_document(doc.doc_id, doc.title, doc.cleaned_path.read_text(encoding="utf-8"))
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps([u.model_dump(mode="json") for u in units], ensure_ascii=False), encoding="utf-8")
    tmp.replace(cache)
    return tuple(units)


@lru_cache(maxsize=1)
def base_fingerprint() -> str:
    digest = hashlib.sha256()
    for doc in load_catalog():
        digest.update(doc.model_dump_json().encode())
        digest.update(doc.cleaned_path.read_bytes())
    return digest.hexdigest()


def _user_docs_signature() -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and times of the stored documents: cheap to read on every search."""
    stats = []
    for path in user_docs_dir().glob("*.json"):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        stats.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(sorted(stats, key=lambda s: (s[2], s[0])))


def user_documents() -> list[tuple[DocumentEntry, list[Unit], str]]:
    """(entry, units, content sha256) of each ingested document, in ingestion order."""
    return list(_load_user_documents(_user_docs_signature()))


@lru_cache(maxsize=4)
def _load_user_documents(signature: tuple[tuple[str, int, int], ...]) -> tuple[tuple[DocumentEntry, list[Unit], str], ...]:
    out = []
    for name, _, _ in signature:
        path = Path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            out.append((DocumentEntry.model_validate(data["entry"]), [Unit.model_validate(u) for u in data["units"]], data["sha256"]))
        except (ValueError, KeyError):
            continue  # a half-written or foreign file is not a document
    return tuple(out)


def damaged_user_documents() -> list[str]:
    """Ids of stored documents whose file cannot be read (truncated, overwritten): they are left
    out of every search, so the user must be told which ones to import again."""
    readable = {str(user_docs_dir() / f"{entry.doc_id}.json") for entry, _, _ in user_documents()}
    return [Path(name).stem for name, _, _ in _user_docs_signature() if name not in readable]


def user_fingerprint() -> str:
    return hashlib.sha256("|".join(sha for _, _, sha in user_documents()).encode()).hexdigest()


def load_units(doc_id: str | None = None) -> list[Unit]:
    units = list(base_units()) + [u for _, us, _ in user_documents() for u in us]
    return [u for u in units if doc_id is None or u.doc_id == doc_id]


@lru_cache(maxsize=1)
def _base_by_id() -> dict[str, Unit]:
    return {u.id: u for u in base_units()}


def get_unit(unit_id: str) -> Unit | None:
    """A unit by id; 'doc/case-N' also resolves a case that is split into sections."""
    unit = _base_by_id().get(unit_id)
    if unit is not None:
        return unit
    units = load_units() if unit_id.split("/")[0] not in {d.doc_id for d in load_catalog()} else list(base_units())
    for candidate in units:
        if candidate.id == unit_id:
            return candidate
    if "/case-" in unit_id:
        sections = [u for u in units if u.id.startswith(unit_id + "-") and u.section is not None]
        if sections:
            return whole_case(sections)
    return None


def catalog() -> list[DocumentInfo]:
    counts: dict[str, int] = {}
    for unit in load_units():
        counts[unit.doc_id] = counts.get(unit.doc_id, 0) + 1
    entries = list(load_catalog()) + [entry for entry, _, _ in user_documents()]
    return [
        DocumentInfo(doc_id=e.doc_id, title=e.title, short_name=e.short_name, applies_to=e.applies_to,
                     complete=e.complete, completeness_note=e.completeness_note, unit_count=counts.get(e.doc_id, 0), user=e.user)
        for e in entries
    ]


def document_entries() -> list[DocumentEntry]:
    return list(load_catalog()) + [entry for entry, _, _ in user_documents()]


def save_user_document(entry: DocumentEntry, units: list[Unit], sha256: str) -> None:
    path = user_docs_dir() / f"{entry.doc_id}.json"
    payload = {"entry": entry.model_dump(), "units": [u.model_dump() for u in units], "sha256": sha256}
    tmp = path.with_suffix(".tmp")
    with _lock:
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a document


def remove_user_document(doc_id: str) -> None:
    if doc_id in {d.doc_id for d in load_catalog()}:
        raise KnowledgeError(f"“{doc_id}”是内置指引，不能删除。")
    folder = user_docs_dir().resolve()
    path = (folder / f"{doc_id}.json").resolve()
    if path.parent != folder:  # never outside the data folder, whatever the id says
        raise KnowledgeError(f"没有编号为“{doc_id}”的文档。可用 payguide sources 查看已有文档。")
    if not path.exists():
        raise KnowledgeError(f"没有编号为“{doc_id}”的文档。可用 payguide sources 查看已有文档。")
    path.unlink()
