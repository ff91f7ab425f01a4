"""PAYGUIDE_CHROMA_URL: the same index in a real Chroma server started by the test."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path):
    exe = shutil.which("chroma")
    if exe is None:
        pytest.fail("the chroma CLI (from the chromadb package) is not installed")
    port = _free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "db"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_search_through_a_chroma_server(chroma_server, tmp_path):
    env = {**os.environ, "PAYGUIDE_CHROMA_URL": chroma_server, "PAYGUIDE_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "KPI考核指标一般设几个，权重有什么限制", "-k", "3", "--json"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "soe_internal/art-28"
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]))
    names = [getattr(c, "name", c) for c in client.list_collections()]
    assert any(str(n).startswith("payguide-") for n in names)
    collection = client.get_collection(next(str(n) for n in names if str(n).startswith("payguide-")))
    assert collection.count() > 140  # every passage of the three guidelines is in the server
