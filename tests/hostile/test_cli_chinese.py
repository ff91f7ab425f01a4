"""No English and no traceback reach a user of the command line (issue 15, "English leaks")."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from hostile_helpers import ROOT, assert_chinese, chinese_error, payguide


@pytest.mark.parametrize("args, words", [
    (["calc", "points-allocation", "--bogus"], ["没有这个选项", "--bogus", "payguide calc --help"]),
    (["calc", "--inpu", "x"], ["--inpu", "--input"]),
    (["calc"], ["缺少参数", "NAME"]),
    (["calc", "ladder", "--input"], ["--input", "需要一个值"]),
    (["serve", "--port", "abc"], ["--port", "整数"]),
    (["search", "工资", "-k", "100"], ["-k", "1–50"]),
    (["nosuch"], ["没有这个命令", "nosuch"]),
    (["search", "a", "b", "c"], ["多余的参数", "b c"]),
])
def test_usage_errors_are_said_in_chinese(args, words):
    # Before: Typer's English boxes ("No such option", "Missing argument").
    done = payguide(*args)
    assert done.returncode == 2
    chinese_error(done, *words)


def test_help_speaks_chinese():
    done = payguide("calc", "--help")
    assert done.returncode == 0
    for word in ("参数", "选项", "显示本帮助并退出", "--set"):
        assert word in done.stdout
    assert "Show this message" not in done.stdout


def test_piping_into_head_ends_quietly(tmp_path):
    # Before: "内部错误（BrokenPipeError）".
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"pool": 1000000, "scores": {f"p{i}": i + 1 for i in range(200_000)}}))
    command = f"{sys.executable} -m assistant.cli calc points-allocation --input {big} --json | head -n 2"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.stdout.splitlines() == ["{", '  "allocations": {']
    assert done.stderr == "", done.stderr


@pytest.mark.parametrize("args", [["search", "基础工资"], ["search", "基础工资", "--json"], ["--help"], ["calc", "list"]])
def test_a_pipe_closed_by_head_or_before_any_output_ends_quietly(args):
    # Line by line output (typer.echo): Typer turns the closed pipe into SystemExit(1), and an
    # `except` naming an exception Typer no longer has turned that into a traceback.
    # `| true` closes the pipe before the first line, so the failure does not depend on timing.
    command = " ".join([sys.executable, "-m", "assistant.cli", *args])
    for reader in ("head -1", "true"):
        done = subprocess.run(["bash", "-c", f"{command} | {reader}"], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
        assert done.stderr == "", (reader, done.stderr)
        if reader == "head -1":
            assert done.stdout, args  # the first line (help starts with a blank one)


@pytest.mark.parametrize("args, words", [
    (["calc", "points-allocation", "--input", "."], ["文件夹"]),
    (["calc", "points-allocation", "--input", "/nonexistent/in.json"], ["找不到"]),
])
def test_file_problems_are_said_in_chinese(args, words):
    chinese_error(payguide(*args), *words)


def test_an_output_path_that_is_a_folder_is_said_in_chinese(tmp_path):
    # Before: IsADirectoryError.
    done = payguide("calc", "ladder", "--input", "-", "--xlsx", str(tmp_path), stdin='{"start": 1, "step": 1, "levels": 3}')
    chinese_error(done, "文件夹", str(tmp_path))


def test_deep_nesting_is_not_a_recursion_error():
    chinese_error(payguide("calc", "kpi-check", "--input", "-", stdin="[" * 100_000), "嵌套")


def test_a_session_id_with_a_newline_is_refused():
    # Before: --session $'abc\n' was accepted (a "$" in the pattern matches before a final newline).
    chinese_error(payguide("ask", "基础工资是什么？", "--session", "abc\n"), "会话编号")


def test_a_busy_port_is_said_in_chinese():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        start = time.monotonic()
        done = payguide("serve", "--port", str(port), timeout=60)
        assert time.monotonic() - start < 30
    chinese_error(done, "端口", str(port), "已被占用")


def test_serve_announces_itself_in_chinese_and_stops_cleanly():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = proc.stdout.readline()  # blocks until the server is up
        assert f"http://127.0.0.1:{port}" in line
        assert_chinese(line)
    finally:
        proc.send_signal(2)  # Ctrl+C
        out, err = proc.communicate(timeout=60)
    assert "Keyboard" not in out + err and "Traceback" not in err
    assert "已停止" in out


def test_library_warnings_stay_out_of_the_terminal(tmp_path):
    """pypdf warns about a damaged PDF through logging; the CLI's set-up keeps it off stderr."""
    pdf = tmp_path / "bad.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                    b"trailer<</Root 1 0 R>>\nstartxref\n999999\n%%EOF\n")
    script = ("import sys\nfrom pypdf import PdfReader\n{setup}\nPdfReader(sys.argv[1])\n")
    loud = subprocess.run([sys.executable, "-c", script.format(setup=""), str(pdf)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert "startxref" in loud.stderr or "xref" in loud.stderr.lower(), "the damaged PDF no longer makes pypdf warn"
    quiet = subprocess.run([sys.executable, "-c", script.format(setup="from assistant.cli import _quiet_libraries; _quiet_libraries()"),
                            str(pdf)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert quiet.stderr == "", quiet.stderr


def test_a_port_left_in_time_wait_by_a_stopped_server_is_free():
    """A restarted server must not be told its port is busy because of the last run's closed connections."""
    from assistant.cli.serve import check_port

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = listener.accept()
    accepted.close()  # the server side closes first: its end of the connection waits in TIME_WAIT
    time.sleep(0.2)
    client.close()
    listener.close()
    check_port("127.0.0.1", port)  # no "端口已被占用"
