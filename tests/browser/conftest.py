"""Browser fixtures: one JupyterLab per session with a small test library, one Chromium, a page per test."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.browser import _lab
from tests.conftest import write_article

# Markup in an article must show as characters; if it ever ran, window.__pwned would be set.
XSS_BODY = textwrap.dedent("""\
    # Council <script>window.__pwned = 1</script> votes

    Mayor Ana Lind said the plan <img src=x onerror="window.__pwned=1"> was ready.

    Critics say it <b>cannot</b> work.
    """)

FICTION_BODY = textwrap.dedent("""\
    # Millrace Bridge to close for six weeks

    The Millrace Bridge will close on Monday for repairs, Mayor Tomas Reyne said.

    Shop owner Gwen Abara said the bridge had been safe for years and the closure was not needed.
    """)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A running JupyterLab whose MEDIALIT_PATH adds a test library (hostile and fictional articles)."""
    if not Path(_lab.CHROMIUM).exists():
        pytest.skip(f"{_lab.CHROMIUM} is missing: run `make chromium`")
    library = tmp_path_factory.mktemp("library")
    write_article(library, "xss-test", XSS_BODY, title="Council votes")
    write_article(library, "bridge-test", FICTION_BODY, title="Millrace Bridge to close",
                  provenance="original teaching text, fictional", fictional="true")
    root = tmp_path_factory.mktemp("lab")
    old = os.environ.get("MEDIALIT_PATH")
    os.environ["MEDIALIT_PATH"] = os.pathsep.join(filter(None, [str(library), old]))
    try:
        server = _lab.start_lab(root)
    finally:
        if old is None:
            os.environ.pop("MEDIALIT_PATH")
        else:
            os.environ["MEDIALIT_PATH"] = old
    yield server
    _lab.stop_lab(server)


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _lab.launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, lab):
    """A fresh browser page (kernels shut down afterwards); browser errors are collected in page.errors."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()
    lab.shutdown_kernels()
