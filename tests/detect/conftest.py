"""Fixtures for the detectors: small articles written from the seed case study (TASS, 4 May 2016)."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import write_article

# A hand-written excerpt of the seed with the cases the detectors must handle: a speaker named at
# the end of a sentence, "according to", a pronoun, a role ("the spokesman"), a surname, a
# quotation running over two paragraphs, a sub-heading that drops its source, a denial, a vague
# source and a loaded word.
SEED_EXCERPT = textwrap.dedent("""\
    # Russian military deny very instance of strike against Al-Quds hospital

    HMEIMIM /SYRIA/, May 4. /TASS/. The Russian Defense Ministry denies the very instance of an air strike against a hospital in Aleppo on April 27, Russian Defense Ministry spokesman Igor Konashenkov said on Wednesday.

    The humanitarian organization Doctors without Borders claims that the hospital was destroyed in a recent air raid.

    "This is irrefutable evidence and nobody denies it," he said.

    According to the spokesman, Russia has withdrawn about 30 aircraft from Syria.

    "We have shown the withdrawal of our troops from the Hmeimim airbase. In particular, we withdrew aircraft.

    "All the Su-25 planes have been withdrawn," Konashenkov added.

    ## Russian planes hit IS targets in Raqqa

    Russia's aviation carried out 87 sorties over the past four days, Konashenkov told reporters.

    Some observers say the strikes hit other groups.

    The pseudo-sensational report has been replicated by many media, the official said.
    """)

# (sid, expected canonical speaker) for the excerpt's attributed sentences
SEED_SPEAKERS = {
    "p2s2": "Igor Konashenkov",
    "p3s1": "Doctors without Borders",
    "p4s1": "Igor Konashenkov",
    "p5s1": "Igor Konashenkov",
    "p6s1": "Igor Konashenkov",
    "p6s2": "Igor Konashenkov",
    "p7s1": "Igor Konashenkov",
    "p9s1": "Igor Konashenkov",
    "p11s1": "Igor Konashenkov",
}


@pytest.fixture
def seed_excerpt(tmp_path, monkeypatch):
    """The seed excerpt as a loaded article on a temporary MEDIALIT_PATH."""
    import medialit

    write_article(tmp_path, "seed-excerpt", SEED_EXCERPT, dateline='"HMEIMIM /SYRIA/, May 4. /TASS/."')
    monkeypatch.setenv("MEDIALIT_PATH", str(tmp_path))
    return medialit.load_article("seed-excerpt")


@pytest.fixture
def make_article(tmp_path, monkeypatch):
    """Write and load a small article from Markdown body text: ``make_article("my-id", body, genre=...)``."""
    import medialit

    monkeypatch.setenv("MEDIALIT_PATH", str(tmp_path))

    def make(article_id: str, body: str, **meta):
        write_article(tmp_path, article_id, textwrap.dedent(body), **meta)
        return medialit.load_article(article_id)

    return make


@pytest.fixture
def speakers_of(make_article):
    """Run the detectors on a small invented article and return sid -> speaker for its attributed sentences:
    ``speakers_of("Body text.", genre="opinion", outlet="...")`` (a newspaper unless told)."""
    from medialit.detect import detect_article

    def run(body: str, genre: str = "newspaper", **meta) -> dict[str, str]:
        article = make_article("one", f"# Headline\n\n{body}\n", genre=genre, **meta)
        att = detect_article(article).attribution
        return {r["sid"]: r["speaker"] for r in att.to_dict("records") if r["label"] != "unattributed"}

    return run
