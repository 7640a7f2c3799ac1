"""Shared fixtures: the seed case study and a small hand-written excerpt of it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "tass-2016-05-04-aleppo-hospital"
SEED_RAW = REPO / "tests" / "data" / "seed_raw.txt"  # verbatim copy of shared/seed/000_f324d74f03083cde.txt

# A short excerpt of the seed case study, as an instructor would write it by hand.
EXCERPT_BODY = textwrap.dedent("""\
    # Russian military deny very instance of strike against Al-Quds hospital on April 27

    HMEIMIM /SYRIA/, May 4. /TASS/. The Russian Defense Ministry denies the very instance of an air strike against a hospital in Aleppo on April 27, Russian Defense Ministry spokesman Igor Konashenkov said on Wednesday.

    The humanitarian organization Doctors without Borders claims that the hospital was destroyed in a recent air raid.

    "This is irrefutable evidence and nobody denies it," he said.

    ## Russian planes hit IS targets

    The aviation is used near Araq. "Seven command points of IS terrorists in this area were destroyed by our aviation," he said.
    """)

# The rows the excerpt must segment into: (sid, kind, in_quote, start of text).
EXCERPT_ROWS = [
    ("p1s1", "headline", False, "Russian military deny"),
    ("p2s1", "dateline", False, "HMEIMIM /SYRIA/, May 4. /TASS/."),
    ("p2s2", "body", False, "The Russian Defense Ministry denies"),
    ("p3s1", "body", False, "The humanitarian organization"),
    ("p4s1", "body", True, '"This is irrefutable evidence'),
    ("p5s1", "subhead", False, "Russian planes hit IS targets"),
    ("p6s1", "body", False, "The aviation is used near Araq."),
    ("p6s2", "body", True, '"Seven command points'),
]

EXCERPT_KEY = textwrap.dedent("""\
    article: excerpt
    sources:
      - name: Igor Konashenkov
        type: person
        aliases: [Konashenkov, the spokesman, he]
      - name: Doctors Without Borders
        type: organization
    items:
      - quote: Russian military deny very instance of strike
        category: unattributed
        explanation: The headline states the ministry's denial as fact.
      - quote: Igor Konashenkov said on Wednesday
        category: attribution
        source: Igor Konashenkov
        explanation: The spokesman is named at the end of the sentence.
      - quote: This is irrefutable evidence
        category: attribution
        source: Igor Konashenkov
        explanation: '"He" is Konashenkov, named earlier.'
      - quote: irrefutable evidence
        category: unverifiable
        reason: loaded_language
        explanation: Calling evidence irrefutable does not show it.
    conflicts:
      - topic: Whether the hospital was struck
        explanation: The ministry denies a strike; MSF says an air raid destroyed it.
        claims:
          - quote: denies the very instance of an air strike
            source: Igor Konashenkov
          - quote: destroyed in a recent air raid
            source: Doctors Without Borders
    """)


def write_article(root: Path, article_id: str, body: str, **meta) -> Path:
    """Write an article file under ``root/articles`` with sensible front matter."""
    fields = {"id": article_id, "title": "A title", "outlet": "Test Wire", "published": "2016-05-04",
              "provenance": "test fixture", "genre": "wire", "level": 2, "language": "en"}
    fields.update(meta)
    front = "\n".join(f"{k}: {v}" for k, v in fields.items() if v is not None)
    path = root / "articles" / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    """A temporary library root on MEDIALIT_PATH holding the seed excerpt and its key."""
    write_article(tmp_path, "excerpt", EXCERPT_BODY, dateline='"HMEIMIM /SYRIA/, May 4. /TASS/."')
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "excerpt.yaml").write_text(EXCERPT_KEY, encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_PATH", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def seed():
    """The built-in case study article."""
    import medialit

    return medialit.load_article(SEED_ID)
