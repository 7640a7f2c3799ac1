"""Speakers resolved to one canonical name: pronouns, roles, surnames, organisations."""

from __future__ import annotations

from medialit.detect import detect_article
from tests.detect.conftest import SEED_SPEAKERS


def _speakers(article) -> dict[str, str]:
    att = detect_article(article).attribution
    return dict(zip(att["sid"], att["speaker"]))


class TestSeedExcerpt:
    def test_every_speaker(self, seed_excerpt):
        """He, the spokesman, the official and Konashenkov all resolve to Igor Konashenkov."""
        speakers = _speakers(seed_excerpt)
        assert {sid: speakers[sid] for sid in SEED_SPEAKERS} == SEED_SPEAKERS

    def test_sources_list_aliases(self, seed_excerpt):
        """The sources frame names each speaker once with the article's ways of referring to them."""
        sources = detect_article(seed_excerpt).sources.set_index("name")
        aliases = set(sources.loc["Igor Konashenkov", "aliases"])
        assert {"he", "the spokesman", "Konashenkov", "the official"} <= aliases
        assert sources.loc["Igor Konashenkov", "type"] == "person"


class TestResolution:
    def test_pronoun_takes_nearest_person_of_its_gender(self, make_article):
        """"she" skips a nearer man and finds the woman named before him."""
        article = make_article("gender", """\
            # Budget

            Finance director Amelia Grant said the gap had grown. Opposition leader Daniel Okafor disputed the figure.

            "We have cut where we can," she said.
            """)
        assert _speakers(article)["p3s1"] == "Amelia Grant"

    def test_role_refers_back_to_the_person_with_that_role(self, make_article):
        """"the engineer" is the person introduced as "the chief structural engineer"."""
        article = make_article("role", """\
            # Bridge

            Priya Hallam, the chief structural engineer, said the piers had moved. Mayor Tomas Reyne said the bridge would reopen.

            The engineer added that divers would examine the foundations.
            """)
        assert _speakers(article)["p3s1"] == "Priya Hallam"

    def test_unnamed_spokesperson_speaks_for_the_organisation(self, make_article):
        """"A council spokeswoman" is the council; her "she" later is the council too."""
        article = make_article("spokeswoman", """\
            # Bridge

            Orrisford City Council closed the bridge. Gwen Abara said the council wanted to close it anyway.

            A council spokeswoman rejected that claim. "There is no such plan," she said.
            """)
        speakers = _speakers(article)
        assert speakers["p3s1"] == speakers["p3s2"] == "Orrisford City Council"

    def test_generic_organisation_word(self, make_article):
        """"the port authority" resolves to the Calderport Port Authority named earlier."""
        article = make_article("org", """\
            # Fire

            The Calderport Port Authority owns the shed. Later the port authority said it had passed inspection.
            """)
        assert _speakers(article)["p2s2"] == "Calderport Port Authority"
