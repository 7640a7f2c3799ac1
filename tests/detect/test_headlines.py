"""Headings that state a sourced claim without the source."""

from __future__ import annotations

from medialit.detect import detect_article


class TestHeadlineClaims:
    def test_subheading_repeating_a_claim_is_unattributed(self, make_article):
        """A sub-heading stating what a named speaker says below is flagged unattributed, with its cue."""
        article = make_article("heads", """\
            # Port news

            ## Faulty wiring in older shed sparked blaze

            The authority said faulty wiring in the older shed sparked the blaze, spokeswoman Lena Varga said.
            """)
        att = detect_article(article).attribution.set_index("sid")
        assert att.loc["p2s1", "label"] == "unattributed"
        assert "Lena Varga" in att.loc["p2s1", "cue"]

    def test_headline_naming_its_source_is_attribution(self, seed_excerpt):
        """"Russian military deny ..." names who speaks, so it is an attribution."""
        att = detect_article(seed_excerpt).attribution.set_index("sid")
        assert att.loc["p1s1", "label"] == "indirect"
        assert att.loc["p1s1", "speaker"] == "Russian military"

    def test_heading_that_is_only_a_name(self, make_article):
        """"About the Lenby Trust" names an organisation and states no claim."""
        article = make_article("about", """\
            # Trust news

            The Lenby Trust said waiting times fell, its chief executive Ann Lowe said.

            ## About the Lenby Trust

            The Lenby Trust runs two clinics.
            """)
        att = detect_article(article).attribution
        assert "p4s1" not in set(att["sid"])
