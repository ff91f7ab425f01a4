"""The index heals: damaged files are rebuilt, dead builds cleaned, builds never fail searches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import knowledge
from knowledge import index, store
from knowledge.paths import index_dir

QUESTION = "师带徒津贴是补偿什么的"


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PAYGUIDE_HOME", str(tmp_path / "home"))
    index.reset()
    yield tmp_path / "home"
    index.reset()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damage(directory: Path, target: str) -> None:
    if target == "bm25":
        path = next(p for p in sorted((directory / "bm25").iterdir()) if p.suffix in (".npy", ".json"))
    elif target == "chroma":
        path = directory / "chroma" / "chroma.sqlite3"
    else:
        path = directory / target
    _truncate(path)


@pytest.mark.parametrize("target", ["meta.json", "bm25", "lsa.npz", "vectors.npy", "chroma"])
def test_a_damaged_index_is_rebuilt_on_load(home, target):
    assert knowledge.search(QUESTION, k=1)[0].unit.id == "qujing_skill/art-8"
    key = store.index_key()
    index.reset()
    _damage(index_dir() / key, target)
    hits = knowledge.search(QUESTION, k=1)
    assert hits and hits[0].unit.id == "qujing_skill/art-8"
    assert store.is_complete(index_dir() / key)


def test_an_emptied_vector_store_is_refilled(home):
    knowledge.search(QUESTION)
    loaded = index.get_index()
    client = loaded.vectors.client
    from knowledge.vectors import collection_name

    client.delete_collection(collection_name(loaded.key))
    index.reset()
    result = knowledge.search_result(QUESTION)
    assert result.notice is None and "向量" in result.hits[0].why


def test_dead_builds_are_cleaned(home):
    knowledge.search(QUESTION)
    dead = index_dir() / ".building-abc-999999-1"
    dead.mkdir()
    (dead / "junk").write_bytes(b"0" * 1000)
    store.cleanup(keep=store.index_key())
    assert not dead.exists()


def test_cli_errors_from_a_damaged_index_never_reach_users(home):
    knowledge.search(QUESTION)
    index.reset()
    (index_dir() / store.index_key() / "meta.json").write_text("{", encoding="utf-8")
    env = {**os.environ, "PAYGUIDE_HOME": str(home)}
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "search", QUESTION, "--json"], capture_output=True,
                         text=True, env=env, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["id"] == "qujing_skill/art-8"


@pytest.mark.slow
def test_48_parallel_searches_during_a_build_all_succeed(home, tmp_path):
    env = {**os.environ, "PAYGUIDE_HOME": str(home)}
    knowledge.search(QUESTION)  # a previous index exists; now change the sources
    doc = tmp_path / "制度.txt"
    doc.write_text("第一条 本公司设立蓝莓创新奖。\n第二条 奖励每季度评选一次。\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "assistant.cli"]
    builder = subprocess.Popen([*cmd, "ingest", str(doc)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    searches = [subprocess.Popen([*cmd, "search", QUESTION, "-k", "1", "--json"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE) for _ in range(48)]
    outcomes = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in searches]
    assert builder.wait(timeout=600) == 0
    failed = [err.decode() for code, out, err in outcomes if code != 0 or not json.loads(out)]
    assert not failed, failed[:3]
