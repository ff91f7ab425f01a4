"""PAYGUIDE_CHROMA_URL: the same index in a real Chroma server started by the test; collections
namespaced per data folder; an outage (server down, or stopped mid-session) falls back to
keyword search with a notice."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

QUESTION = "KPI考核指标一般设几个，权重有什么限制"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db: Path, port: int) -> subprocess.Popen:
    exe = shutil.which("chroma")
    if exe is None:
        pytest.fail("the chroma CLI (from the chromadb package) is not installed")
    proc = subprocess.Popen([exe, "run", "--path", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail("chroma server did not start")


@pytest.fixture()
def chroma_server(tmp_path):
    port = _free_port()
    proc = _start(tmp_path / "db", port)
    yield f"http://127.0.0.1:{port}", proc
    proc.terminate()
    proc.wait(timeout=20)


def _search(url: str, home: Path, query: str = QUESTION) -> subprocess.CompletedProcess:
    env = {**os.environ, "PAYGUIDE_CHROMA_URL": url, "PAYGUIDE_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "assistant.cli", "search", query, "-k", "3", "--json"],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def _collections(url: str) -> list[str]:
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(url.rsplit(":", 1)[1]))
    return [str(getattr(c, "name", c)) for c in client.list_collections()]


def test_search_through_a_chroma_server(chroma_server, tmp_path):
    url, _ = chroma_server
    result = _search(url, tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "soe_internal/art-28"
    names = _collections(url)
    assert len(names) == 1 and names[0].startswith("payguide-")
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(url.rsplit(":", 1)[1]))
    assert client.get_collection(names[0]).count() > 140  # every passage of the three guidelines


def test_two_data_folders_share_a_server_without_touching_each_other(chroma_server, tmp_path):
    url, _ = chroma_server
    assert _search(url, tmp_path / "a").returncode == 0
    first = set(_collections(url))
    assert _search(url, tmp_path / "b").returncode == 0
    both = set(_collections(url))
    assert first < both and len(both) == 2
    again = _search(url, tmp_path / "a")  # folder a still finds its own collection
    assert json.loads(again.stdout)[0]["id"] == "soe_internal/art-28"


def test_an_unreachable_server_falls_back_to_keywords_with_a_notice(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    result = _search(url, tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "soe_internal/art-28"
    assert "向量库暂时不可用" in result.stderr and "Traceback" not in result.stderr


def test_a_server_stopped_mid_session_falls_back_to_keywords(chroma_server, tmp_path, monkeypatch):
    url, proc = chroma_server
    monkeypatch.setenv("PAYGUIDE_CHROMA_URL", url)
    monkeypatch.setenv("PAYGUIDE_HOME", str(tmp_path / "home"))
    from knowledge import index

    index.reset()
    try:
        first = index.search_result(QUESTION)
        assert first.notice is None and first.hits[0].unit.id == "soe_internal/art-28"
        proc.terminate()
        proc.wait(timeout=20)
        after = index.search_result(QUESTION)
        assert after.hits and after.hits[0].unit.id == "soe_internal/art-28"
        assert after.notice and "关键词" in after.notice
        from assistant.agent.offline import respond

        reply = respond(QUESTION)
        assert reply.citations and "向量库暂时不可用" in reply.answer
    finally:
        index.reset()
