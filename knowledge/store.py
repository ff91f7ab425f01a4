"""The index on disk: which one is current, building it, checking it, and cleaning up.

Layout under `<data home>/index/`:

    <key>/              a finished index: meta.json, bm25/, lsa.npz, vectors.npy, chroma/,
                        manifest.json (written last: every file's size — the integrity check)
    .building-<key>-<pid>-<thread>/   a build in progress (renamed to <key> when done)
    .lock-<key>         held exclusively by the one process building <key>
    .use-<key>          held shared by every process reading <key>: a folder still in use is
                        never deleted
    lsa-<base>.npz      the LSA model of the shipped guidelines, reused by every rebuild

The key hashes everything an index is built from, so a changed source, dictionary, synonym
or expansion file, user document or embedding choice means a new key and a new index.
Builds never block searches: while one runs, other searches use the previous index.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import numpy as np

from . import corpus, vectors
from .embedding import LsaEmbeddings, configured_embeddings
from .errors import KnowledgeError
from .expansions import expansion_passages
from .models import Unit
from .paths import PACKAGE_DIR, index_dir
from .text import tokens, vocabulary

log = logging.getLogger("payguide.knowledge")

INDEX_VERSION = "4"
PASSAGE_CHARS = 220  # passages are about a paragraph: long articles cover many topics
HASHED_FILES = ("domain_dict.txt", "synonyms.yaml", "expansions.yaml")
Progress = Callable[[str], None]


def passages_of(unit: Unit) -> list[str]:
    """The unit's paragraphs grouped to about PASSAGE_CHARS, each prefixed by its headings."""
    prefix = " ".join((*unit.breadcrumb, unit.heading))
    groups: list[str] = []
    for line in unit.text.splitlines():
        if groups and len(groups[-1]) + len(line) <= PASSAGE_CHARS:
            groups[-1] += "\n" + line
        else:
            groups.append(line)
    return [f"{prefix}\n{group}" for group in groups or [""]]


def embedding_name() -> str:
    choice = configured_embeddings(load=False)
    return choice[0] if choice else "lsa"


def index_key() -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(corpus.base_fingerprint().encode())
    digest.update(corpus.user_fingerprint().encode())
    for name in HASHED_FILES:
        digest.update((PACKAGE_DIR / name).read_bytes())
    digest.update(embedding_name().encode())
    return digest.hexdigest()[:20]


# ---- locks ------------------------------------------------------------------------------------


def _lock_file(name: str) -> IO[bytes]:
    return open(index_dir() / name, "a+b")


@contextmanager
def build_lock(key: str, wait: bool) -> Iterator[bool]:
    """Hold the build lock of `key`: yields False when `wait` is False and someone else has it."""
    handle = _lock_file(f".lock-{key}")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        handle.close()  # closing releases the lock


def use_lock(key: str) -> IO[bytes]:
    """A shared lock that keeps `key`'s folder from being cleaned up while it is read."""
    handle = _lock_file(f".use-{key}")
    fcntl.flock(handle, fcntl.LOCK_SH)
    return handle


# ---- integrity --------------------------------------------------------------------------------


def _files(directory: Path) -> dict[str, int]:
    return {str(p.relative_to(directory)): p.stat().st_size for p in sorted(directory.rglob("*"))
            if p.is_file() and "chroma" not in p.relative_to(directory).parts}


def is_complete(directory: Path) -> bool:
    """Every file the manifest lists is there with its size (a truncated file fails)."""
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        return all((directory / name).stat().st_size == size for name, size in manifest["files"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def discard(directory: Path) -> None:
    """Move a damaged index out of the way first (readers then never see half of it)."""
    if not directory.exists():
        return
    trash = directory.parent / f".broken-{directory.name}-{os.getpid()}-{threading.get_ident()}"
    try:
        directory.rename(trash)
    except OSError:
        return
    shutil.rmtree(trash, ignore_errors=True)


# ---- building ---------------------------------------------------------------------------------


def _lsa_model(base_texts: list[str], progress: Progress) -> LsaEmbeddings:
    """The LSA model of the shipped guidelines: fitted once per version of them, then reused."""
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(corpus.base_fingerprint().encode())
    digest.update((PACKAGE_DIR / "expansions.yaml").read_bytes())
    cached = index_dir() / f"lsa-{digest.hexdigest()[:16]}.npz"
    if cached.exists():
        try:
            return LsaEmbeddings.load(cached)
        except (OSError, ValueError, KeyError):
            cached.unlink(missing_ok=True)
    progress("拟合语义向量模型（仅首次）…")
    model = LsaEmbeddings.fit(base_texts)
    tmp = cached.with_name(f".{cached.stem}-{os.getpid()}-{threading.get_ident()}.npz")
    model.save(tmp)
    tmp.replace(cached)
    return model


def build(key: str, progress: Progress) -> Path:
    """Build the index `key` in a private folder, then move it into place in one rename."""
    import bm25s

    root = index_dir()
    final = root / key
    tmp = root / f".building-{key}-{os.getpid()}-{threading.get_ident()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        progress("读取条款…")
        units = corpus.load_units()
        base_ids = {u.id for u in corpus.base_units()}
        rows = [(u, text) for u in units for text in passages_of(u)] + expansion_passages(units)
        texts = [text for _, text in rows]
        progress(f"建立关键词索引（{len(texts)} 段）…")
        tokenized = [tokens(t) for t in texts]
        retriever = bm25s.BM25()
        retriever.index(tokenized, show_progress=False)
        retriever.save(str(tmp / "bm25"))
        df: dict[str, int] = {}
        for toks in tokenized:
            for term in set(toks):
                if not term.startswith("#"):
                    df[term] = df.get(term, 0) + 1
        choice = configured_embeddings()
        if choice:
            embeddings = choice[1]
        else:
            embeddings = _lsa_model([t for u, t in rows if u.id in base_ids], progress)
            embeddings.save(tmp / "lsa.npz")
        progress("计算语义向量…")
        matrix = np.asarray(embeddings.embed_documents(texts), dtype=np.float32)
        np.save(tmp / "vectors.npy", matrix)
        meta = {"passages": [[u.id, t] for u, t in rows], "df": df, "vocabulary": vocabulary(texts)}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        progress("写入向量库…")
        metadatas = [{"unit_id": u.id, "doc_id": u.doc_id, "kind": u.kind} for u, _ in rows]
        try:
            chroma_client = vectors.client(tmp / "chroma")
            vectors.fill(chroma_client, vectors.collection_name(key), matrix, texts, metadatas)
            vectors.close(chroma_client)
        except KnowledgeError:
            raise
        except Exception as exc:
            if not vectors.server_url():
                raise
            log.info("chroma server unavailable during build: %s", exc)
        manifest = {"files": _files(tmp), "passages": len(rows), "built_at": time.time()}
        (tmp / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        discard(final)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    progress("索引已就绪。")
    return final


def ensure_built(key: str, progress: Progress, wait: bool = True) -> bool:
    """Make sure the complete index `key` exists; False when another builder has it and
    `wait` is False (the caller then serves the previous index meanwhile)."""
    directory = index_dir() / key
    if is_complete(directory):
        return True
    with build_lock(key, wait) as held:
        if not held:
            return False
        if not is_complete(directory):
            discard(directory)
            build(key, progress)
    cleanup(keep=key)
    return True


def newest_complete(exclude: str) -> str | None:
    """The most recently built complete index other than `exclude` (served during a build)."""
    candidates = []
    for directory in index_dir().iterdir():
        if directory.is_dir() and not directory.name.startswith(".") and directory.name != exclude and is_complete(directory):
            candidates.append((directory.joinpath("manifest.json").stat().st_mtime, directory.name))
    return max(candidates)[1] if candidates else None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup(keep: str | None = None) -> None:
    """Remove indexes no process reads any more, and builds whose process has died."""
    root = index_dir()
    for path in root.iterdir():
        name = path.name
        if name.startswith((".building-", ".broken-")):
            parts = name.split("-")
            pid = int(parts[2]) if len(parts) > 3 and parts[2].isdigit() else 0
            if pid != os.getpid() and not _pid_alive(pid):
                shutil.rmtree(path, ignore_errors=True)
        elif path.is_dir() and not name.startswith(".") and name != keep:
            _remove_if_unused(name)


def _remove_if_unused(key: str) -> None:
    handle = _lock_file(f".use-{key}")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return  # still read by some process: next time
    try:
        with build_lock(key, wait=False) as idle:
            if idle:  # nobody is building it either
                discard(index_dir() / key)
                vectors.drop(key)
                (index_dir() / f".lock-{key}").unlink(missing_ok=True)
        (index_dir() / f".use-{key}").unlink(missing_ok=True)
    finally:
        handle.close()
