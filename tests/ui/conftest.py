"""The app as people use it: a real `payguide serve` on a fresh data folder, driven through
Debian's chromium by Playwright, on a desktop screen and on a 390×844 phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from webpage import CHROMIUM, CHROMIUM_ARGS, SCREENS, open_page, start_server


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("ui-home"))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed (run bash .ci/test, which installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(params=list(SCREENS))
def screen(request) -> str:
    """Every test that takes `page` runs on a desktop screen and on a phone."""
    return request.param


@pytest.fixture
def page(browser, server, screen) -> Page:
    context, pg = open_page(browser, server.url, screen)
    yield pg
    context.close()
