"""Helpers for the browser tests: start `payguide serve`, look at the page as a user does."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENS = {
    "desktop": {"viewport": {"width": 1400, "height": 1000}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    log: Path
    home: Path
    started_in: float  # seconds from launch to the page answering

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_server(home: Path, timeout: float = 240) -> Server:
    """`payguide serve` on a free loopback port with its own data folder, once the page answers."""
    port = free_port()
    log = home / "serve.log"
    env = {**os.environ, "PAYGUIDE_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO)}
    start = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], cwd=REPO,
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            pytest.fail(f"payguide serve exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return Server(url, proc, log, home, time.monotonic() - start)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail(f"payguide serve did not start in {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")


def open_page(browser, url: str, screen: str) -> tuple[object, Page]:
    context = browser.new_context(locale="zh-CN", accept_downloads=True, **SCREENS[screen])
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    expect(page.locator("#kb-ready")).to_contain_text("检索索引已就绪", timeout=60_000)
    return context, page


# ---- what users see -----------------------------------------------------------------------------

# Words a Chinese user meets anyway: file types, product and method names.
ALLOWED_LATIN = {"CSV", "TSV", "XLSX", "JSON", "YAML", "Word", "Excel", "MB", "KB", "docx", "txt", "md", "pdf", "xlsx",
                 "csv", "yaml", "yml", "json", "KPI", "PERCENTILE", "INC", "ln", "BM", "PayGuide"}
RAW_ID = re.compile(r"\b(?:qujing_skill|soe_tech|soe_internal|user-[\w\-]+)/(?:art|case|appendix|sec)-\d+")


def input_keys() -> set[str]:
    """Every English key of every calculator input and of the company profile."""
    import typing

    from pydantic import BaseModel

    import calculators
    from doc_templates import Profile

    keys: set[str] = set()
    stack: list = [info.input_model for info in calculators.list_calculators()] + [Profile]
    seen: set = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            for name, field in current.model_fields.items():
                keys.update(k for k in (name, field.alias) if k and len(k) > 2)
                stack.append(field.annotation)
        else:
            stack.extend(typing.get_args(current))
    return keys


KEYS = input_keys()


def visible_text(page: Page) -> str:
    return page.locator("body").inner_text()


def assert_readable(page: Page) -> None:
    """Chinese only: no internal error, no English field name, no raw unit id, no emoji marks."""
    text = visible_text(page)
    assert "内部错误" not in text and "Traceback" not in text and "Error" not in text
    assert not RAW_ID.search(text), RAW_ID.search(text).group(0)
    words = set(re.findall(r"[A-Za-z][A-Za-z_\-]*", text))
    assert not (words & KEYS), f"English field names on the page: {sorted(words & KEYS)}"
    english = {w for w in words - ALLOWED_LATIN if len(w) > 1}  # single letters: grades A/B/C, a% in formulas
    assert not english, f"English words on the page: {sorted(english)}"
    assert not set("✅❌⚠️ℹ") & set(text), "a mark that needs an emoji font"
    expect(page.locator(".toast-body")).to_have_count(0)  # no popups over the page


def tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def fill(page: Page, elem_id: str, text: str) -> None:
    """Type into a text box as a user does (the form updates on input)."""
    box = page.locator(f"#{elem_id} textarea, #{elem_id} input").first
    for _ in range(3):  # a slow page may re-render the old value after it was cleared: type again until it holds
        box.fill("")
        expect(box).to_have_value("")
        box.press_sequentially(text) if text else box.press("Backspace")
        if box.input_value() == text:
            return
    expect(box).to_have_value(text)


def choose(page: Page, elem_id: str, option: str) -> None:
    page.locator(f"#{elem_id} input").first.click()
    page.get_by_role("option", name=option, exact=True).click()


def edit_cell(page: Page, elem_id: str, row: int, col: int, text: str) -> None:
    cell = page.locator(f"#{elem_id} [data-testid=cell-{row}-{col}]")
    cell.dblclick()
    # under load the editor opens late: typing before it has focus lands elsewhere
    cell.locator("input, textarea").first.wait_for(state="visible")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(cell).to_contain_text(text)


def open_section(page: Page, elem_id: str) -> None:
    """Unfold an accordion (it folds again on a second click)."""
    page.locator(f"#{elem_id} > button, #{elem_id} .label-wrap").first.click()


def download(page: Page, elem_id: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.locator(f"#{elem_id} a").first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a downloaded Word file: it opens, and says this."""
    import docx

    document = docx.Document(str(path))
    cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def settled(locator: Locator, text: str, timeout: float = 60_000) -> None:
    """Wait for `text` in an output (Gradio shows a timer there while it works)."""
    expect(locator).to_contain_text(text, timeout=timeout)


def screenshot(page: Page, name: str, screen: str) -> None:
    """The README tour's pictures, taken where the test has just shown the feature working
    (at CSS pixel size, 256 colours, so that the repository stays small)."""
    import io

    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    width = SCREENS[screen]["viewport"]["width"]
    height = min(page.evaluate("document.body.scrollHeight"), 2200 if screen == "desktop" else 1800)
    png = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    image.quantize(colors=256).save(SCREENSHOTS / f"{name}-{screen}.png", optimize=True)
