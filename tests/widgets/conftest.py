"""Fixtures for the widget tests: a hostile article, a fictional one, and a working directory per test."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import write_article

XSS_BODY = textwrap.dedent("""\
    # Council <script>alert("x")</script> votes

    Mayor Ana Lind said the plan <img src=x onerror=alert(1)> was ready. Critics disagree & say "no".

    ## More <b>news</b>

    The council met on Tuesday.
    """)

FICTION_BODY = textwrap.dedent("""\
    # Bridge to close for repairs, council says

    The Millrace Bridge will close for six weeks, Mayor Tomas Reyne said on Monday.

    Residents fear the worst. Shop owner Gwen Abara said trade would collapse.
    """)


@pytest.fixture
def widget_library(library):
    """The seed-excerpt library plus a hostile article (markup in its text) and a fictional one."""
    write_article(library, "xss", XSS_BODY)
    write_article(library, "fiction", FICTION_BODY, provenance="original teaching text, fictional",
                  fictional="true")
    return library


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A notebook folder: the widgets write answers/<exercise>.json under it."""
    folder = tmp_path / "notebook"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder
