"""Names of people and organisations, with titles dropped and roles kept."""

from __future__ import annotations

from medialit.detect.pipeline import doc_for_article


def _mentions(article):
    doc = doc_for_article(article)
    return {m.text: {"label": m.label_, **m._.mention} for m in doc.spans["medialit_mentions"]}


class TestMentionFinder:
    def test_titles_are_dropped_from_names(self, seed_excerpt):
        """"Russian Defense Ministry spokesman Igor Konashenkov" is the person Igor Konashenkov."""
        found = _mentions(seed_excerpt)
        person = found["Igor Konashenkov"]
        assert person["label"] == "PERSON"
        assert {"spokesman", "ministry"} <= person["roles"]
        assert found["Russian Defense Ministry"]["label"] == "ORG"

    def test_rank_titles_and_gender(self, make_article):
        """A title before a name is dropped and its gender kept; an apposition adds role words."""
        article = make_article("titles", """\
            # Bridge

            Chief Fire Officer Ruth Okonedo spoke first. Mr Marsh, chief executive of the port, spoke next.
            """)
        found = _mentions(article)
        assert found["Chief Fire Officer Ruth Okonedo"]["name"] == "Ruth Okonedo"
        assert found["Chief Fire Officer Ruth Okonedo"]["gender"] == "female"
        assert found["Mr Marsh"]["gender"] == "male"
        assert "executive" in found["Mr Marsh"]["roles"]

    def test_sentence_initial_words_are_not_names(self, make_article):
        """A capitalised first word is a name only if the article also writes it capitalised elsewhere."""
        article = make_article("initial", """\
            # Note

            Witnesses said it was loud. Earlier, Okonedo spoke to Varga. Okonedo left.
            """)
        found = _mentions(article)
        assert "Witnesses" not in found and "Earlier" not in found
        assert "Okonedo" in found
