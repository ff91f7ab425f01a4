"""The vector half of the index: a Chroma collection (on disk, or on a `PAYGUIDE_CHROMA_URL`
server) searched with LangChain `Embeddings` (LSA, a local sentence-transformers model or an
OpenAI-compatible endpoint), filled from the vectors saved beside the index.

The collection can always be refilled from `vectors.npy`, so an emptied, damaged or missing
collection heals itself; when the store cannot be reached at all the search goes on with
keywords only and says so (`VectorStore.notice`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from .errors import KnowledgeError
from .paths import data_home

log = logging.getLogger("payguide.knowledge")

RETRY_SECONDS = 15.0  # after an outage, how long before the store is tried again
ADD_BATCH = 4000
OUTAGE_NOTICE = "向量库暂时不可用，本次仅按关键词检索，结果可能不如平时完整。"


def server_url() -> str | None:
    return os.environ.get("PAYGUIDE_CHROMA_URL") or None


def namespace() -> str:
    """Collections of one data folder: two folders sharing a server never touch each other's."""
    return "payguide-" + hashlib.sha256(str(data_home().resolve()).encode()).hexdigest()[:10]


def collection_name(key: str) -> str:
    return f"{namespace()}-{key}"


def _import_chromadb() -> Any:
    """chromadb, imported without the `overrides` package's signature checks: they verify
    chromadb's own classes against their bases (by reading their bytecode) on every import,
    a tenth of a cold `payguide search`, and find nothing a released chromadb could fix."""
    import sys

    if "chromadb" in sys.modules:
        return sys.modules["chromadb"]
    import overrides

    def mark(method: Any = None, **_: Any) -> Any:
        def marked(function: Any) -> Any:
            function.__override__ = True  # what EnforceOverrides looks for
            return function
        return marked(method) if method is not None else marked

    saved = overrides.override, overrides.overrides
    overrides.override = overrides.overrides = mark
    try:
        import chromadb
    finally:
        overrides.override, overrides.overrides = saved
    return chromadb


def client(local_path: Path) -> Any:
    chromadb = _import_chromadb()
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    url = server_url()
    if url:
        match = re.match(r"^(https?)://([^:/]+)(?::(\d+))?/?$", url)
        if not match:
            raise KnowledgeError(f"PAYGUIDE_CHROMA_URL 格式不对：{url}（应为 http://主机:端口）")
        return chromadb.HttpClient(host=match.group(2), port=int(match.group(3) or 8000),
                                   ssl=match.group(1) == "https", settings=settings)
    return chromadb.PersistentClient(path=str(local_path), settings=settings)


def close(chroma_client: Any) -> None:
    """Release a client (local stores keep the sqlite file open until then)."""
    closer = getattr(chroma_client, "close", None)
    if closer is not None:
        closer()


def fill(chroma_client: Any, name: str, vectors: np.ndarray, texts: list[str], metadatas: list[dict[str, Any]]) -> None:
    """(Re)create the collection `name` holding exactly these vectors."""
    existing = {str(getattr(c, "name", c)) for c in chroma_client.list_collections()}
    if name in existing:
        chroma_client.delete_collection(name)
    collection = chroma_client.create_collection(name, metadata={"hnsw:space": "cosine"})
    for start in range(0, len(texts), ADD_BATCH):
        stop = start + ADD_BATCH
        collection.add(ids=[f"p{i}" for i in range(start, min(stop, len(texts)))], embeddings=vectors[start:stop].tolist(),
                       documents=texts[start:stop], metadatas=metadatas[start:stop])


def drop(key: str) -> None:
    """Forget a stale index's collection on the server (local stores go with their folder)."""
    if not server_url():
        return
    try:
        chroma_client = client(Path("."))
        chroma_client.delete_collection(collection_name(key))
    except Exception:  # noqa: BLE001 - absent already, or the server is down: nothing to free
        log.info("could not drop collection of %s", key)


class VectorStore:
    """Similarity search over one index's passages; falls back to nothing, never raises."""

    def __init__(self, key: str, directory: Path, embeddings: Any, texts: list[str], metadatas: list[dict[str, Any]]):
        self.key = key
        self.directory = directory
        self.embeddings = embeddings
        self.texts = texts
        self.metadatas = metadatas
        self.store: Any = None
        self.client: Any = None
        self.notice: str | None = None
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def open(self, strict: bool) -> None:
        """Connect and check the collection holds every passage, refilling it when not.

        `strict` (a local store): a failure means the index folder is damaged → raise, so the
        caller rebuilds it. A server that cannot be reached is an outage, not damage."""
        try:
            chroma_client = client(self.directory / "chroma")
            name = collection_name(self.key)
            try:
                collection = chroma_client.get_collection(name)
                count = collection.count()
            except Exception:  # noqa: BLE001 - a missing collection is refilled below
                count = -1
            if count != len(self.texts):
                fill(chroma_client, name, np.load(self.directory / "vectors.npy"), self.texts, self.metadatas)
                collection = chroma_client.get_collection(name)
        except KnowledgeError:
            raise
        except Exception as exc:
            if strict:
                raise
            self._outage(exc)
            return
        self.client, self.store, self.notice = chroma_client, collection, None

    def _outage(self, exc: BaseException) -> None:
        log.info("vector store unavailable: %s", exc)
        self.store, self.notice = None, OUTAGE_NOTICE
        self._retry_at = time.monotonic() + RETRY_SECONDS

    def search(self, query: str, k: int, where: dict[str, Any] | None) -> tuple[list[str] | None, str | None]:
        """(unit ids best first, None) — or (None, a Chinese notice) when the store is out."""
        if self.store is None and time.monotonic() >= self._retry_at:
            with self._lock:
                if self.store is None and time.monotonic() >= self._retry_at:
                    self.open(strict=False)
        store = self.store
        if store is None:
            return None, self.notice
        try:
            # The collection is queried directly with the LangChain embeddings' query vector:
            # LangChain's Chroma wrapper adds nothing here but a second of imports per process.
            found = store.query(query_embeddings=[self.embeddings.embed_query(query)], n_results=k, where=where,
                                include=["metadatas"])
        except Exception as exc:  # noqa: BLE001 - a server stopped mid-session: keywords still answer
            self._outage(exc)
            return None, self.notice
        return [m["unit_id"] for m in (found["metadatas"] or [[]])[0]], None

    def release(self) -> None:
        if self.client is not None and not server_url():
            close(self.client)
        self.client = self.store = None
